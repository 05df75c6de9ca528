package dev.llmrouter.translate.converse;

import static dev.llmrouter.translate.converse.Json.assertJson;
import static dev.llmrouter.translate.converse.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.ir.ReasoningSignature;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Converse stream events (ports of lingua's bedrock/adapter.rs stream tests and more). */
class ConverseStreamTest {
  private final ConverseCodec codec = new ConverseCodec();

  private UniversalStreamChunk chunk(String event) {
    return codec.streamToUniversal(obj(event)).orElseThrow();
  }

  private static StreamDelta delta(UniversalStreamChunk c) {
    return c.choices().get(0).deltaView().orElseThrow();
  }

  private static final String TOOL_START =
      "{'contentBlockStart':{'contentBlockIndex':0,'start':{'toolUse':{'toolUseId':'tooluse_123',"
          + "'name':'list_campaigns','type':'tool_use'}}}}";

  @Test
  void test_bedrock_stream_detects_content_block_start() {
    assertThat(codec.detectStreamEvent(obj(TOOL_START))).isTrue();
  }

  @Test
  void detection_needs_a_well_formed_event() {
    assertThat(codec.detectStreamEvent(obj("{'messageStart':{'role':'assistant'}}"))).isTrue();
    assertThat(codec.detectStreamEvent(obj("{'contentBlockStop':{'contentBlockIndex':1}}"))).isTrue();
    assertThat(codec.detectStreamEvent(obj("{'metadata':{'usage':{'inputTokens':1,'outputTokens':2,'totalTokens':3}}}")))
        .isTrue();
    assertThat(codec.detectStreamEvent(obj("{'messageStop':{'stopReason':'end_turn'}}"))).isTrue();
    assertThat(codec.detectStreamEvent(obj("{'contentBlockStop':{'contentBlockIndex':-1}}"))).isFalse();
    assertThat(codec.detectStreamEvent(obj("{'metadata':{'usage':{'inputTokens':1}}}"))).isFalse();
    assertThat(codec.detectStreamEvent(obj("{'type':'message_start','message':{}}"))).isFalse();
    assertThat(codec.detectStreamEvent(obj("{'choices':[]}"))).isFalse();
  }

  @Test
  void test_bedrock_stream_tool_start_to_universal_tool_call_delta() {
    UniversalStreamChunk c = chunk(TOOL_START);
    StreamDelta d = delta(c);
    ToolCallDelta call = d.toolCalls().get(0);
    assertThat(c.choices().get(0).index()).isZero();
    assertThat(d.role()).contains("assistant");
    assertThat(call.index()).contains(0);
    assertThat(call.id()).contains("tooluse_123");
    assertThat(call.type()).contains("function");
    assertThat(call.function().orElseThrow().name()).contains("list_campaigns");
    assertThat(call.function().orElseThrow().arguments()).contains("");
  }

  @Test
  void test_bedrock_stream_tool_input_to_universal_argument_delta() {
    UniversalStreamChunk c =
        chunk("{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'toolUse':{'input':'{\\'campaign'}}}}");
    ToolCallDelta call = delta(c).toolCalls().get(0);
    assertThat(c.choices().get(0).index()).isZero();
    assertThat(call.index()).contains(0);
    assertThat(call.function().orElseThrow().arguments()).contains("{\"campaign");
    assertThat(delta(c).role()).isEmpty();
  }

  @Test
  void test_bedrock_stream_reasoning_content_to_universal_reasoning_delta() {
    UniversalStreamChunk c =
        chunk("{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'text':'Thinking'}}}}");
    StreamDelta d = delta(c);
    assertThat(d.role()).contains("assistant");
    assertThat(d.reasoning()).hasSize(1);
    assertThat(d.reasoning().get(0).content()).contains("Thinking");
  }

  @Test
  void test_bedrock_stream_reasoning_signature_to_universal_signature_delta() {
    UniversalStreamChunk c =
        chunk("{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'signature':'sig_123'}}}}");
    assertThat(delta(c).reasoningSignature()).contains(ReasoningSignature.of("sig_123"));
    assertThat(delta(c).reasoning()).isEmpty();
  }

  @Test
  void empty_reasoning_without_signature_is_keep_alive() {
    assertThat(chunk("{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'text':''}}}}").isKeepAlive())
        .isTrue();
    // Redacted content is not empty reasoning: it is carried (RedactedReasoningConverseTest).
    assertThat(
            chunk("{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'redactedContent':'x'}}}}")
                .isKeepAlive())
        .isFalse();
  }

  @Test
  void test_bedrock_stream_text_block_uses_single_openai_choice_index() {
    UniversalStreamChunk c = chunk("{'contentBlockDelta':{'contentBlockIndex':1,'delta':{'text':'Final answer'}}}");
    assertThat(c.choices().get(0).index()).isZero();
    assertThat(delta(c).content()).contains("Final answer");
    assertJson(c.choices().get(0).delta().orElseThrow(), "{'role':'assistant','content':'Final answer'}");
  }

  @Test
  void test_bedrock_stream_tool_block_keeps_tool_call_index_separate_from_choice_index() {
    UniversalStreamChunk c =
        chunk(
            "{'contentBlockStart':{'contentBlockIndex':2,'start':{'toolUse':{'toolUseId':'tooluse_456',"
                + "'name':'list_campaigns'}}}}");
    assertThat(c.choices().get(0).index()).isZero();
    assertThat(delta(c).toolCalls().get(0).index()).contains(2);
    assertThat(delta(c).toolCalls().get(0).id()).contains("tooluse_456");
  }

  @Test
  void test_bedrock_stream_tool_stop_to_tool_calls_finish_reason() {
    assertThat(chunk("{'messageStop':{'stopReason':'tool_use'}}").choices().get(0).finishReason())
        .contains("tool_calls");
  }

  @Test
  void test_bedrock_stream_ignores_citation_delta() {
    assertThat(
            chunk(
                    "{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'citation':{'generatedResponsePart':"
                        + "{'textResponsePart':{'text':'Paris','span':{'start':0,'end':5}}}}}}}")
                .isKeepAlive())
        .isTrue();
  }

  @Test
  void test_bedrock_stream_ignores_image_delta() {
    assertThat(chunk("{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'image':{'bytes':'AAAA'}}}}").isKeepAlive())
        .isTrue();
  }

  @Test
  void test_bedrock_stream_ignores_tool_result_delta() {
    assertThat(
            chunk("{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'toolResult':[{'content':[{'text':'done'}]}]}}}")
                .isKeepAlive())
        .isTrue();
  }

  @Test
  void test_bedrock_stream_guardrail_stop_to_content_filter_finish_reason() {
    assertThat(chunk("{'messageStop':{'stopReason':'guardrail_intervened'}}").choices().get(0).finishReason())
        .contains("content_filter");
  }

  @Test
  void test_bedrock_stream_context_window_stop_to_length_finish_reason() {
    assertThat(chunk("{'messageStop':{'stopReason':'model_context_window_exceeded'}}").choices().get(0).finishReason())
        .contains("length");
  }

  @Test
  void test_bedrock_stream_unknown_stop_reason_to_stop_finish_reason() {
    assertThat(chunk("{'messageStop':{'stopReason':'future_stop_reason'}}").choices().get(0).finishReason())
        .contains("stop");
  }

  @Test
  void stop_reason_table() {
    assertThat(ConverseStream.streamFinishReason("end_turn")).isEqualTo("stop");
    assertThat(ConverseStream.streamFinishReason("stop_sequence")).isEqualTo("stop");
    assertThat(ConverseStream.streamFinishReason("max_tokens")).isEqualTo("length");
    assertThat(ConverseStream.streamFinishReason("content_filtered")).isEqualTo("content_filter");
    assertThat(ConverseStream.streamFinishReason("malformed_model_output")).isEqualTo("content_filter");
    assertThat(ConverseStream.streamFinishReason("malformed_tool_use")).isEqualTo("content_filter");
  }

  @Test
  void message_start_and_block_stop_are_keep_alive() {
    assertThat(chunk("{'messageStart':{'role':'assistant'}}").isKeepAlive()).isTrue();
    assertThat(chunk("{'contentBlockStop':{'contentBlockIndex':0}}").isKeepAlive()).isTrue();
    assertThat(chunk("{'contentBlockStart':{'contentBlockIndex':0,'start':{}}}").isKeepAlive()).isTrue();
  }

  @Test
  void metadata_gives_usage_and_service_tier() {
    UniversalStreamChunk c =
        chunk(
            "{'metadata':{'usage':{'inputTokens':585,'outputTokens':57,'totalTokens':642,"
                + "'cacheReadInputTokens':10},'metrics':{'latencyMs':1136},'serviceTier':{'type':'priority'}}}");
    assertThat(c.choices()).isEmpty();
    UniversalUsage u = c.usage().orElseThrow();
    assertThat(u.promptTokens()).contains(585L);
    assertThat(u.completionTokens()).contains(57L);
    assertThat(u.promptCachedTokens()).contains(10L);
    assertThat(c.servedServiceTier()).contains(ServedServiceTier.PRIORITY);
    assertThat(chunk("{'metadata':{'metrics':{'latencyMs':1}}}").isKeepAlive()).isTrue();
  }

  @Test
  void non_events_are_client_errors() {
    assertThatThrownBy(() -> codec.streamToUniversal(obj("{'foo':{}}"))).isInstanceOf(TranslationException.class);
    assertThatThrownBy(() -> codec.streamToUniversal(obj("{'metadata':{'serviceTier':'x'}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("serviceTier");
  }

  @Test
  void test_bedrock_streaming_usage_preserves_cache_buckets() {
    UniversalUsage usage =
        UniversalUsage.builder()
            .promptTokens(100L)
            .completionTokens(25L)
            .totalTokens(125L)
            .promptCachedTokens(40L)
            .promptCacheCreationTokens(15L)
            .build();
    JsonObject metadata =
        codec.streamFromUniversal(
            UniversalStreamChunk.of(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.of(usage)));
    assertThat(Json.at(metadata, "/metadata/usage/inputTokens").orElseThrow().toJson()).isEqualTo("45");
    assertThat(Json.at(metadata, "/metadata/usage/cacheReadInputTokens").orElseThrow().toJson()).isEqualTo("40");
    assertThat(Json.at(metadata, "/metadata/usage/cacheWriteInputTokens").orElseThrow().toJson()).isEqualTo("15");
    UniversalUsage back = codec.streamToUniversal(metadata).orElseThrow().usage().orElseThrow();
    assertThat(back.promptTokens()).contains(45L);
    assertThat(back.promptCachedTokens()).contains(40L);
    assertThat(back.promptCacheCreationTokens()).contains(15L);
    assertThat(back.inclusivePromptTokens()).contains(100L);
  }

  @Test
  void universal_chunks_to_events() {
    assertJson(codec.streamFromUniversal(UniversalStreamChunk.keepAliveChunk()), "{'contentBlockStop':{'contentBlockIndex':0}}");
    assertJson(codec.streamFromUniversal(UniversalStreamChunk.finish(0, "length")), "{'messageStop':{'stopReason':'max_tokens'}}");
    assertJson(codec.streamFromUniversal(UniversalStreamChunk.finish(0, "pause_turn")), "{'messageStop':{'stopReason':'pause_turn'}}");
    assertJson(
        codec.streamFromUniversal(UniversalStreamChunk.textDelta(1, "hi")),
        "{'contentBlockDelta':{'contentBlockIndex':1,'delta':{'text':'hi'}}}");
    UniversalStreamChunk roleOnly =
        UniversalStreamChunk.of(
            Optional.empty(),
            Optional.empty(),
            List.of(new StreamChoice(0, Optional.of(obj("{'role':'assistant'}")), Optional.empty())),
            Optional.empty(),
            Optional.empty());
    assertJson(codec.streamFromUniversal(roleOnly), "{'messageStart':{'role':'assistant'}}");
    UniversalStreamChunk tool = chunk(TOOL_START);
    assertJson(codec.streamFromUniversal(tool), "{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'text':''}}}");
    UniversalStreamChunk tier =
        UniversalStreamChunk.of(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty())
            .withServedServiceTier(Optional.of(ServedServiceTier.FLEX));
    assertJson(codec.streamFromUniversal(tier), "{'metadata':{'serviceTier':{'type':'flex'}}}");
  }
}
