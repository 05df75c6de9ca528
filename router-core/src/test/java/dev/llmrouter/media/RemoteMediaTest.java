package dev.llmrouter.media;

import static dev.llmrouter.media.Json.at;
import static dev.llmrouter.media.Json.b;
import static dev.llmrouter.media.Json.parse;
import static dev.llmrouter.media.Json.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.Translator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Port of Rust providers/remote_media.rs (4 tests), at the Translator level with a fake fetcher. */
class RemoteMediaTest {
  private static final Optional<String> GEMINI = Optional.of("gemini-3.1-pro-preview");

  @Test
  void policiesSelectSupportedTargetFormats() {
    assertThat(MediaPolicy.forFormat(ProviderFormat.GOOGLE)).contains(MediaPolicy.GOOGLE);
    assertThat(MediaPolicy.forFormat(ProviderFormat.BEDROCK_ANTHROPIC)).contains(MediaPolicy.BEDROCK);
    assertThat(MediaPolicy.forFormat(ProviderFormat.CONVERSE)).contains(MediaPolicy.BEDROCK);
    for (ProviderFormat f :
        List.of(
            ProviderFormat.ANTHROPIC,
            ProviderFormat.OPENAI,
            ProviderFormat.RESPONSES,
            ProviderFormat.MISTRAL,
            ProviderFormat.VERTEX_ANTHROPIC,
            ProviderFormat.UNKNOWN)) {
      assertThat(MediaPolicy.forFormat(f)).as(f.id()).isEmpty();
    }
    assertThat(MediaPolicy.GOOGLE.inlinesImages()).isTrue();
    assertThat(MediaPolicy.GOOGLE.inlinesFiles()).isTrue();
    assertThat(MediaPolicy.BEDROCK.inlinesImages()).isTrue();
    assertThat(MediaPolicy.BEDROCK.inlinesFiles()).isFalse();
  }

  @Test
  void googlePolicyInlinesRemoteResponsesFile() {
    byte[] body =
        b("{'model':'gemini-3.1-pro-preview','input':[{'role':'user','content':["
            + "{'type':'input_text','text':'Read this PDF.'},"
            + "{'type':'input_file','filename':'sample.pdf','file_url':'https://example.com/sample.pdf'}]}]}");
    FakeFetcher fetcher = new FakeFetcher().answer("https://example.com/sample.pdf", "pdf", "application/pdf");

    RequestTransform t =
        Translator.transformRequest(body, ProviderFormat.GOOGLE, GEMINI, Optional.of(fetcher));

    assertThat(t.sourceFormat()).contains(ProviderFormat.RESPONSES);
    assertThat(t.isPassthrough()).isFalse();
    assertThat(fetcher.calls()).containsExactly("https://example.com/sample.pdf");
    assertThat(fetcher.kinds()).containsExactly(MediaKind.FILE);
    JsonObject out = parse(t.body());
    assertThat(at(out, "/contents/0/parts/1/fileData")).isNull();
    assertThat(string(out, "/contents/0/parts/1/inlineData/data")).isEqualTo("cGRm"); // base64("pdf")
    assertThat(string(out, "/contents/0/parts/1/inlineData/mimeType")).isEqualTo("application/pdf");
    assertThat(string(out, "/contents/0/parts/0/text")).isEqualTo("Read this PDF.");
  }

  @Test
  void googlePolicyDoesNotFetchDataOrGcsUrls() {
    byte[] body =
        b("{'model':'gemini-3.1-pro-preview','input':[{'role':'user','content':["
            + "{'type':'input_file','filename':'inline.pdf','file_data':'data:application/pdf;base64,cGRm'},"
            + "{'type':'input_file','filename':'stored.pdf','file_url':'gs://bucket/stored.pdf'}]}]}");

    RequestTransform t =
        Translator.transformRequest(
            body, ProviderFormat.GOOGLE, GEMINI, Optional.of(FakeFetcher.never()));

    JsonObject out = parse(t.body());
    // Present, as in Rust (lingua's Responses reader turns base64 that decodes to UTF-8 into text).
    assertThat(string(out, "/contents/0/parts/0/inlineData/data")).isNotEmpty();
    assertThat(string(out, "/contents/0/parts/1/fileData/fileUri")).isEqualTo("gs://bucket/stored.pdf");
  }

  @Test
  void googlePolicyStripsClaudeCodeAttribution() {
    byte[] body =
        b("{'model':'claude-sonnet-4-6','max_tokens':1024,'system':[{'type':'text','text':"
            + "'x-anthropic-billing-header: cc_version=1.2.3; cch=changing-hash;'}],"
            + "'messages':[{'role':'user','content':'Hello.'}]}");

    RequestTransform t =
        Translator.transformRequest(
            body, ProviderFormat.GOOGLE, GEMINI, Optional.of(FakeFetcher.never()));

    String text = new String(t.body(), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("x-anthropic-billing-header").doesNotContain("changing-hash");
    assertThat(text).contains("Hello.");
  }
}
