package dev.llmrouter.media;

import static dev.llmrouter.media.Json.at;
import static dev.llmrouter.media.Json.b;
import static dev.llmrouter.media.Json.parse;
import static dev.llmrouter.media.Json.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.Translator;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Port of the 8 remote-media preparation tests of Rust providers/bedrock.rs, at the Translator level. */
class BedrockRemoteMediaTest {
  private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
  private static final String CONVERSE_BODY =
      "{'modelId':'" + HAIKU + "','system':[{'text':'You are helpful.'}],"
          + "'guardrailConfig':{'guardrailIdentifier':'test','guardrailVersion':'1'},"
          + "'messages':[{'role':'user','content':[{'text':'Hello'}]}]}";
  private static final String CHAT_IMAGE_BODY =
      "{'model':'claude-sonnet-4-5-20250929','messages':[{'role':'user','content':["
          + "{'type':'text','text':'What is this?'},"
          + "{'type':'image_url','image_url':{'url':'https://example.com/image.jpg'}}]}]}";

  @Test
  void sameFormatConversePassesThroughWithoutFetch() {
    byte[] body = b(CONVERSE_BODY);
    RequestTransform t =
        Translator.transformRequest(
            body, ProviderFormat.CONVERSE, Optional.of(HAIKU), Optional.of(FakeFetcher.never()));
    assertThat(t.isPassthrough()).isTrue();
    assertThat(t.body()).isSameAs(body);
    assertThat(t.requiresJsonResponse()).isFalse();
  }

  @Test
  void sameFormatConverseKeepsItsModelAndNativeFields() {
    RequestTransform t =
        Translator.transformRequest(
            b(CONVERSE_BODY),
            ProviderFormat.CONVERSE,
            Optional.of("anthropic.claude-3-5-sonnet-20241022-v2:0"),
            Optional.of(FakeFetcher.never()));
    JsonObject out = parse(t.body());
    assertThat(string(out, "/modelId")).isEqualTo(HAIKU);
    assertThat(string(out, "/system/0/text")).isEqualTo("You are helpful.");
    assertThat(string(out, "/guardrailConfig/guardrailIdentifier")).isEqualTo("test");
  }

  /**
   * Deliberately different from Rust, which re-serializes a same-format body and so repairs a lone
   * surrogate escape to U+FFFD: pass-through here sends the caller's bytes untouched (ARCHITECTURE.md
   * decision 2), and never fetches.
   */
  @Test
  void loneSurrogateBodyPassesThroughUntouchedWithoutFetch() {
    String converse =
        "{\"modelId\":\"" + HAIKU + "\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"bad \\uD83D text\"}]}]}";
    byte[] body = converse.getBytes(StandardCharsets.UTF_8);
    RequestTransform same =
        Translator.transformRequest(
            body, ProviderFormat.CONVERSE, Optional.of(HAIKU), Optional.of(FakeFetcher.never()));
    assertThat(same.isPassthrough()).isTrue();
    assertThat(same.body()).isSameAs(body);
  }

  @Test
  void tracksTheJsonResponseRequirementForBedrockTargets() {
    byte[] body =
        b("{'model':'claude-sonnet-4-5-20250929','messages':[{'role':'user','content':'Return JSON.'}],"
            + "'response_format':{'type':'json_object'}}");
    RequestTransform t =
        Translator.transformRequest(
            body, ProviderFormat.CONVERSE, Optional.of(HAIKU), Optional.of(FakeFetcher.never()));
    assertThat(t.requiresJsonResponse()).isTrue();
    assertThat(t.isPassthrough()).isFalse();
    assertThat(string(parse(t.body()), "/messages/0/content/0/text")).isEqualTo("Return JSON.");
  }

  @Test
  void inlinesARemoteChatImageForConverse() {
    FakeFetcher fetcher = new FakeFetcher().answer("https://example.com/image.jpg", "abcd", "image/jpeg");
    RequestTransform t =
        Translator.transformRequest(
            b(CHAT_IMAGE_BODY), ProviderFormat.CONVERSE, Optional.of(HAIKU), Optional.of(fetcher));
    JsonObject out = parse(t.body());
    assertThat(string(out, "/messages/0/content/1/image/source/bytes"))
        .isEqualTo(Base64.getEncoder().encodeToString("abcd".getBytes(StandardCharsets.UTF_8)));
    assertThat(string(out, "/messages/0/content/1/image/format")).isEqualTo("jpeg");
    assertThat(fetcher.calls()).containsExactly("https://example.com/image.jpg");
    assertThat(fetcher.kinds()).containsExactly(MediaKind.IMAGE);
  }

  @Test
  void skipsAdditionalToolsMessages() {
    UniversalRequest request =
        new UniversalRequest(
            Optional.of("test-model"),
            List.of(Message.additionalTools(List.of(), Optional.of("tools-1"))),
            UniversalParams.EMPTY);
    UniversalRequest out =
        MediaInliner.inline(request, MediaPolicy.BEDROCK, Optional.of(FakeFetcher.never()), "converse");
    assertThat(out).isSameAs(request);
    assertThat(out.messages()).hasSize(1);
    assertThat(out.messages().get(0).id()).contains("tools-1");
    assertThat(out.messages().get(0).tools()).isEmpty();
  }

  @Test
  void inlinesARemoteResponsesImageForBedrockAnthropic() {
    byte[] body =
        b("{'model':'claude-sonnet-4-5-20250929','input':[{'role':'user','content':["
            + "{'type':'input_text','text':'What is this?'},"
            + "{'type':'input_image','image_url':'https://example.com/image.jpg','detail':'auto'}]}]}");
    FakeFetcher fetcher = new FakeFetcher().answer("https://example.com/image.jpg", "abcd", "image/jpeg");
    RequestTransform t =
        Translator.transformRequest(
            body, ProviderFormat.BEDROCK_ANTHROPIC, Optional.of(HAIKU), Optional.of(fetcher));
    JsonObject out = parse(t.body());
    assertThat(string(out, "/anthropic_version")).isEqualTo("bedrock-2023-05-31");
    assertThat(string(out, "/messages/0/content/1/source/type")).isEqualTo("base64");
    assertThat(string(out, "/messages/0/content/1/source/data")).isEqualTo("YWJjZA==");
    assertThat(string(out, "/messages/0/content/1/source/media_type")).isEqualTo("image/jpeg");
    assertThat(at(out, "/messages/0/content/1/source/url")).isNull();
  }

  @Test
  void aFetchFailureIsAnInvalidRequestAfterOneCall() {
    AtomicInteger calls = new AtomicInteger();
    MediaFetcher failing =
        (url, kind) -> {
          calls.incrementAndGet();
          throw new MediaFetchException(MediaFetchException.Reason.NETWORK, "network error");
        };
    assertThatThrownBy(
            () ->
                Translator.transformRequest(
                    b(CHAT_IMAGE_BODY), ProviderFormat.CONVERSE, Optional.of(HAIKU), Optional.of(failing)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("failed to fetch media URL https://example.com/image.jpg: network error");
    assertThat(calls).hasValue(1);
  }
}
