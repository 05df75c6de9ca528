package dev.llmrouter.translate.converse;

import static dev.llmrouter.translate.converse.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.Translator;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.stream.TranslatingStreamSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bedrock Converse {@code reasoningContent.redactedContent} and Anthropic {@code redacted_thinking} map to
 * each other through {@link RedactedReasoningPart}, with the payload string passed through unchanged.
 */
class RedactedReasoningConverseTest {

  /** base64 text of the blob; Anthropic's opaque data is the same string. */
  private static final String DATA = "EmwKAhgBEgy3va3pzix/LafPsn4aDFa+x0w9ZJ8bT3e1=";

  private final ConverseCodec codec = new ConverseCodec();

  private static byte[] bytes(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  private static JsonValue at(JsonValue v, String pointer) {
    return Json.at(v, pointer).orElse(null);
  }

  private static String str(JsonValue v, String pointer) {
    JsonValue x = at(v, pointer);
    return x == null ? null : x.asString().orElse(null);
  }

  @Test
  void anthropic_request_to_converse_carries_redacted_content_in_order() {
    String request =
        "{'model':'claude-sonnet-4-5-20250929','max_tokens':2048,"
            + "'thinking':{'type':'enabled','budget_tokens':1024},"
            + "'tools':[{'name':'get_weather','description':'Weather','input_schema':{'type':'object',"
            + "'properties':{'city':{'type':'string'}}}}],"
            + "'messages':[{'role':'user','content':'Weather in Paris?'},"
            + "{'role':'assistant','content':["
            + "{'type':'thinking','thinking':'Let me check.','signature':'sig-1'},"
            + "{'type':'redacted_thinking','data':'" + DATA + "'},"
            + "{'type':'tool_use','id':'toolu_1','name':'get_weather','input':{'city':'Paris'}}]},"
            + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'toolu_1','content':'18C'}]}]}";
    RequestTransform t =
        Translator.transformRequest(
            bytes(request), ProviderFormat.CONVERSE, Optional.of("us.anthropic.claude-haiku-4-5-20251001-v1:0"));
    JsonObject out = (JsonObject) JsonTree.parse(t.body());
    JsonArray content = (JsonArray) at(out, "/messages/1/content");
    assertThat(content).as(out.toString()).isNotNull();
    assertThat(content.size()).isEqualTo(3);
    assertThat(str(out, "/messages/1/content/0/reasoningContent/reasoningText/signature")).isEqualTo("sig-1");
    assertThat(
            JsonTree.canonicalEquals(
                content.get(1), obj("{'reasoningContent':{'redactedContent':'" + DATA + "'}}")))
        .as(content.get(1).toString())
        .isTrue();
    assertThat(str(out, "/messages/1/content/2/toolUse/toolUseId")).isEqualTo("toolu_1");
  }

  @Test
  void converse_response_to_anthropic_becomes_redacted_thinking() {
    String response =
        "{'output':{'message':{'role':'assistant','content':["
            + "{'reasoningContent':{'reasoningText':{'text':'Hmm.','signature':'sig-2'}}},"
            + "{'reasoningContent':{'redactedContent':'" + DATA + "'}},"
            + "{'toolUse':{'toolUseId':'tooluse_1','name':'get_weather','input':{'city':'Paris'}}}]}},"
            + "'stopReason':'tool_use','usage':{'inputTokens':10,'outputTokens':20,'totalTokens':30},"
            + "'metrics':{'latencyMs':100}}";
    byte[] out =
        Translator.transformResponse(bytes(response), ProviderFormat.CONVERSE, ProviderFormat.ANTHROPIC).body();
    JsonObject anthropic = (JsonObject) JsonTree.parse(out);
    JsonArray content = (JsonArray) at(anthropic, "/content");
    assertThat(content).as(anthropic.toString()).isNotNull();
    assertThat(content.size()).isEqualTo(3);
    assertThat(str(anthropic, "/content/0/type")).isEqualTo("thinking");
    assertThat(str(anthropic, "/content/0/signature")).isEqualTo("sig-2");
    assertThat(
            JsonTree.canonicalEquals(content.get(1), obj("{'type':'redacted_thinking','data':'" + DATA + "'}")))
        .as(content.get(1).toString())
        .isTrue();
    assertThat(str(anthropic, "/content/2/type")).isEqualTo("tool_use");
    assertThat(str(anthropic, "/stop_reason")).isEqualTo("tool_use");
  }

  @Test
  void converse_response_round_trip_keeps_redacted_content() {
    JsonObject response =
        obj("{'output':{'message':{'role':'assistant','content':["
            + "{'reasoningContent':{'redactedContent':'" + DATA + "'}},{'text':'Done.'}]}},"
            + "'stopReason':'end_turn','usage':{'inputTokens':1,'outputTokens':2,'totalTokens':3},"
            + "'metrics':{'latencyMs':1}}");
    UniversalResponse universal = codec.responseToUniversal(response);
    Message m = universal.messages().get(0);
    assertThat(m.content()).containsExactly(RedactedReasoningPart.of(DATA), TextPart.of("Done."));
    JsonObject out = codec.responseFromUniversal(universal);
    assertThat(JsonTree.canonicalEquals(at(out, "/output/message/content"), at(response, "/output/message/content")))
        .as(out.toString())
        .isTrue();
  }

  @Test
  void lingua_empty_text_with_signature_still_writes_redacted_content() {
    // lingua's own representation (empty reasoning text plus a payload) keeps working for Converse output.
    JsonArray out =
        ConverseMessages.fromUniversal(List.of(Message.assistant(List.of(ReasoningPart.of("", "legacy")))));
    assertThat(str(out, "/0/content/0/reasoningContent/redactedContent")).isEqualTo("legacy");
  }

  @Test
  void stream_redacted_delta_reads_into_the_ir_and_writes_back() {
    JsonObject event =
        obj("{'contentBlockDelta':{'contentBlockIndex':1,"
            + "'delta':{'reasoningContent':{'redactedContent':'" + DATA + "'}}}}");
    UniversalStreamChunk chunk = codec.streamToUniversal(event).orElseThrow();
    assertThat(chunk.isKeepAlive()).isFalse();
    assertThat(chunk.choices()).hasSize(1);
    assertThat(chunk.choices().get(0).delta().flatMap(RedactedReasoningPart::fromDelta))
        .contains(RedactedReasoningPart.of(DATA));
    JsonObject back = codec.streamFromUniversal(chunk);
    assertThat(str(back, "/contentBlockDelta/delta/reasoningContent/redactedContent")).isEqualTo(DATA);
  }

  @Test
  void anthropic_stream_to_converse_client_carries_redacted_content() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.CONVERSE);
    List<StreamChunk> out = new ArrayList<>();
    session.push(
        StreamChunk.ofUtf8(
            "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"redacted_thinking\",\"data\":\"" + DATA + "\"}}",
            "content_block_start"),
        out::add);
    assertThat(out).hasSize(1);
    JsonObject event = (JsonObject) JsonTree.parse(out.get(0).data());
    assertThat(str(event, "/contentBlockDelta/delta/reasoningContent/redactedContent")).as(event.toString())
        .isEqualTo(DATA);
  }
}
