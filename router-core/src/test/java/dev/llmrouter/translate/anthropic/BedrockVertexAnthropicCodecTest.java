package dev.llmrouter.translate.anthropic;

import static dev.llmrouter.translate.anthropic.AJ.obj;
import static dev.llmrouter.translate.anthropic.AJ.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's bedrock_anthropic/adapter.rs and vertex_anthropic/adapter.rs tests. */
class BedrockVertexAnthropicCodecTest {
  private final BedrockAnthropicCodec bedrock = new BedrockAnthropicCodec();
  private final VertexAnthropicCodec vertex = new VertexAnthropicCodec();

  private static void assertFlatInvokeBody(JsonObject body, String version) {
    assertThat(body.has("model")).isFalse();
    assertThat(body.has("stream")).isFalse();
    assertThat(body.has("context_management")).isFalse();
    assertThat(str(body, "/anthropic_version")).isEqualTo(version);
    assertThat(body.getLong("max_tokens")).contains(1024L);
    assertThat(body.getArray("messages").orElseThrow().isEmpty()).isFalse();
  }

  @Test
  void test_message_stop_with_bedrock_metrics_emits_usage_chunk() {
    UniversalStreamChunk chunk =
        bedrock
            .streamToUniversal(
                obj("{'type':'message_stop','amazon-bedrock-invocationMetrics':{'inputTokenCount':16,'outputTokenCount':4}}"))
            .orElseThrow();
    UniversalUsage usage = chunk.usage().orElseThrow();
    assertThat(usage.promptTokens()).contains(16L);
    assertThat(usage.completionTokens()).contains(4L);
    assertThat(usage.totalTokens()).contains(20L);
    assertThat(chunk.choices()).isEmpty();

    JsonObject serialized = bedrock.streamFromUniversal(chunk);
    UniversalStreamChunk reparsed = bedrock.streamToUniversal(serialized).orElseThrow();
    assertThat(reparsed.usage()).isPresent();
    assertThat(reparsed.choices()).isEmpty();
  }

  @Test
  void message_stop_without_metrics_is_the_anthropic_terminal_event() {
    assertThat(bedrock.streamToUniversal(obj("{'type':'message_stop'}"))).isEmpty();
    assertThatThrownBy(
            () -> bedrock.streamToUniversal(obj("{'type':'message_stop','amazon-bedrock-invocationMetrics':{'inputTokenCount':'x'}}")))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void detect_request_accepts_raw_invoke_body() {
    assertThat(
            bedrock.detectRequest(
                obj("{'anthropic_version':'bedrock-2023-05-31','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}")))
        .isTrue();
    assertThat(
            bedrock.detectRequest(
                obj("{'model':'claude-3-sonnet','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}")))
        .isFalse();
    assertThat(bedrock.detectRequest(obj("{'modelId':'m','body':{}}"))).isFalse();
  }

  @Test
  void request_to_universal_parses_flat_body() {
    UniversalRequest universal =
        bedrock.requestToUniversal(
            obj("{'anthropic_version':'bedrock-2023-05-31','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}"));
    assertThat(universal.model()).isEmpty();
  }

  @Test
  void request_roundtrip_emits_flat_invoke_body() {
    UniversalRequest universal =
        bedrock.requestToUniversal(
            obj("{'anthropic_version':'bedrock-2023-05-31','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}"));
    JsonObject out =
        bedrock.requestFromUniversal(universal.withModel(Optional.of("us.anthropic.claude-haiku-4-5-20251001-v1:0")));
    assertFlatInvokeBody(out, "bedrock-2023-05-31");
  }

  @Test
  void request_roundtrip_strips_context_management() {
    UniversalRequest universal =
        bedrock.requestToUniversal(
            obj(
                "{'anthropic_version':'bedrock-2023-05-31','max_tokens':1024,'messages':[{'role':'user','content':'hi'}],"
                    + "'context_management':{'edits':[{'type':'clear_tool_uses_20250919'}]}}"));
    assertFlatInvokeBody(
        bedrock.requestFromUniversal(universal.withModel(Optional.of("us.anthropic.claude-haiku-4-5-20251001-v1:0"))),
        "bedrock-2023-05-31");
  }

  @Test
  void request_roundtrip_without_model_uses_internal_placeholder_only() {
    UniversalRequest universal =
        bedrock.requestToUniversal(
            obj("{'anthropic_version':'bedrock-2023-05-31','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}"));
    assertThat(universal.model()).isEmpty();
    assertFlatInvokeBody(bedrock.requestFromUniversal(universal), "bedrock-2023-05-31");
  }

  @Test
  void anthropic_request_to_bedrock_drops_stream_and_adds_version() {
    AnthropicCodec anthropic = new AnthropicCodec();
    UniversalRequest universal =
        anthropic.requestToUniversal(
            obj("{'model':'claude-haiku-4-5','max_tokens':1024,'stream':true,'messages':[{'role':'user','content':'Hello'}]}"));
    assertFlatInvokeBody(
        bedrock.requestFromUniversal(universal.withModel(Optional.of("us.anthropic.claude-haiku-4-5-20251001-v1:0"))),
        "bedrock-2023-05-31");
    assertThat(bedrock.format()).isEqualTo(ProviderFormat.BEDROCK_ANTHROPIC);
  }

  @Test
  void detect_request_accepts_raw_vertex_body() {
    assertThat(
            vertex.detectRequest(
                obj("{'anthropic_version':'vertex-2023-10-16','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}")))
        .isTrue();
    assertThat(
            vertex.detectRequest(obj("{'model':'claude-3-sonnet','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}")))
        .isFalse();
    assertThat(
            vertex.detectRequest(
                obj("{'anthropic_version':'bedrock-2023-05-31','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}")))
        .isFalse();
  }

  @Test
  void vertex_request_roundtrip_emits_flat_vertex_body() {
    UniversalRequest universal =
        vertex.requestToUniversal(
            obj("{'anthropic_version':'vertex-2023-10-16','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}"));
    assertThat(universal.model()).isEmpty();
    for (JsonObject out :
        new JsonObject[] {
          vertex.requestFromUniversal(universal.withModel(Optional.of("publishers/anthropic/models/claude-haiku-4-5"))),
          vertex.requestFromUniversal(universal)
        }) {
      assertThat(out.has("model")).isFalse();
      assertThat(out.has("stream")).isFalse();
      assertThat(str(out, "/anthropic_version")).isEqualTo("vertex-2023-10-16");
      assertThat(out.has("messages")).isTrue();
      assertThat(out.has("max_tokens")).isTrue();
    }
  }

  @Test
  void vertex_requires_a_vertex_body() {
    assertThatThrownBy(() -> vertex.requestToUniversal(obj("{'model':'m','max_tokens':1,'messages':[]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("Vertex Anthropic");
    assertThatThrownBy(() -> bedrock.requestToUniversal(obj("{'model':'m','max_tokens':1,'messages':[]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("Bedrock Anthropic");
  }
}
