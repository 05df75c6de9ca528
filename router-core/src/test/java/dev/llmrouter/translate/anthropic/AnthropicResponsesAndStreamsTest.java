package dev.llmrouter.translate.anthropic;

import static dev.llmrouter.translate.anthropic.AJ.at;
import static dev.llmrouter.translate.anthropic.AJ.json;
import static dev.llmrouter.translate.anthropic.AJ.obj;
import static dev.llmrouter.translate.anthropic.AJ.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ReasoningSignature;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.ToolFunctionDelta;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's anthropic/adapter.rs response and stream tests. */
class AnthropicResponsesAndStreamsTest {
  private final AnthropicCodec codec = new AnthropicCodec();

  // ---- Responses ---------------------------------------------------------------------------------

  @Test
  void response_rejects_service_tier_without_usage() {
    UniversalResponse r =
        UniversalResponse.builder().model("claude-sonnet-4-5-20250929").servedServiceTier(ServedServiceTier.STANDARD).build();
    assertThatThrownBy(() -> codec.responseFromUniversal(r)).hasMessageContaining("service tier without usage");
  }

  @Test
  void response_includes_null_stop_sequence_for_tool_use() {
    JsonObject out =
        codec.responseFromUniversal(
            UniversalResponse.builder()
                .id("response-id")
                .model("claude-sonnet-4-5-20250929")
                .finishReason(FinishReason.TOOL_CALLS)
                .finishReasons(List.of(FinishReason.TOOL_CALLS))
                .build());
    assertThat(str(out, "/stop_reason")).isEqualTo("tool_use");
    assertThat(out.getOrNull("stop_sequence")).isEqualTo(JsonNull.INSTANCE);
    assertThat(str(out, "/id")).isEqualTo("msg_response-id");
    assertThat(out.getOrNull("content")).isEqualTo(json("[]"));
  }

  @Test
  void test_anthropic_response_tool_shim_unwraps_to_assistant_content() {
    UniversalResponse universal =
        codec.responseToUniversal(
            obj(
                "{'id':'msg_test','type':'message','role':'assistant','model':'claude-sonnet-4-5-20250929','stop_reason':'tool_use',"
                    + "'content':[{'type':'tool_use','id':'toolu_123','name':'json','input':{'color':'blue'}}]}"));
    assertThat(universal.messages()).containsExactly(Message.assistant("{\"color\":\"blue\"}"));
  }

  @Test
  void test_anthropic_context_window_exceeded_response_maps_to_length() {
    UniversalResponse universal =
        codec.responseToUniversal(
            obj(
                "{'id':'msg_test','type':'message','role':'assistant','model':'claude-opus-5',"
                    + "'stop_reason':'model_context_window_exceeded','content':[{'type':'text','text':'partial response'}]}"));
    assertThat(universal.finishReason()).contains(FinishReason.LENGTH);
    assertThat(universal.finishReasons()).containsExactly(FinishReason.LENGTH);
    assertThat(FinishReason.LENGTH.toProviderString(ProviderFormat.RESPONSES)).isEqualTo("incomplete");
  }

  @Test
  void response_round_trips_content_usage_and_tier() {
    JsonObject body =
        obj(
            "{'id':'msg_01','type':'message','role':'assistant','model':'claude-sonnet-4-5','stop_reason':'end_turn','stop_sequence':null,"
                + "'content':[{'type':'thinking','thinking':'t','signature':'s'},{'type':'text','text':'Hello'},"
                + "{'type':'tool_use','id':'toolu_1','name':'f','input':{'x':1}}],"
                + "'usage':{'input_tokens':10,'output_tokens':5,'cache_read_input_tokens':3,'cache_creation_input_tokens':2,"
                + "'cache_creation':{'ephemeral_5m_input_tokens':2,'ephemeral_1h_input_tokens':0},'service_tier':'standard'}}");
    assertThat(codec.detectResponse(body)).isTrue();
    UniversalResponse universal = codec.responseToUniversal(body);
    assertThat(universal.servedServiceTier()).contains(ServedServiceTier.STANDARD);
    JsonObject out = codec.responseFromUniversal(universal);
    assertThat(JsonTree.canonicalEquals(out, body)).as(out.toString()).isTrue();
  }

  @Test
  void response_with_redacted_thinking_and_no_content_gets_an_empty_text_message() {
    UniversalResponse universal =
        codec.responseToUniversal(
            obj("{'type':'message','content':[{'type':'redacted_thinking','data':'x'}],'stop_reason':'end_turn'}"));
    assertThat(universal.messages()).hasSize(1);
    assertThat(universal.messages().get(0).joinedText()).isEmpty();
  }

  @Test
  void response_with_unknown_block_type_or_bad_usage_is_rejected() {
    assertThatThrownBy(() -> codec.responseToUniversal(obj("{'type':'message','content':[{'type':'mystery'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("content[0].type");
    assertThatThrownBy(
            () -> codec.responseToUniversal(obj("{'type':'message','content':[],'usage':{'input_tokens':1}}")))
        .hasMessageContaining("output_tokens");
  }

  // ---- Streams: Anthropic -> universal -------------------------------------------------------------

  @Test
  void test_anthropic_context_window_exceeded_stream_maps_to_length() {
    UniversalStreamChunk chunk =
        codec
            .streamToUniversal(
                obj(
                    "{'type':'message_delta','delta':{'stop_reason':'model_context_window_exceeded','stop_sequence':null},"
                        + "'usage':{'output_tokens':64}}"))
            .orElseThrow();
    assertThat(chunk.choices().get(0).finishReason()).contains("length");
    assertThat(chunk.usage().flatMap(UniversalUsage::completionTokens)).contains(64L);
  }

  @Test
  void test_stream_to_universal_thinking_delta_semantic_chunk() {
    UniversalStreamChunk chunk =
        codec
            .streamToUniversal(
                obj("{'type':'content_block_delta','index':0,'delta':{'type':'thinking_delta','thinking':'chain of thought fragment'}}"))
            .orElseThrow();
    assertThat(chunk.isKeepAlive()).isFalse();
    StreamDelta delta = chunk.choices().get(0).deltaView().orElseThrow();
    assertThat(delta.reasoning().get(0).content()).contains("chain of thought fragment");
  }

  @Test
  void test_stream_to_universal_signature_delta_semantic_chunk() {
    UniversalStreamChunk chunk =
        codec
            .streamToUniversal(
                obj("{'type':'content_block_delta','index':0,'delta':{'type':'signature_delta','signature':'sig_abc123'}}"))
            .orElseThrow();
    assertThat(chunk.choices().get(0).deltaView().orElseThrow().reasoningSignature())
        .contains(ReasoningSignature.of("sig_abc123"));
  }

  @Test
  void test_stream_to_universal_content_block_start_thinking_semantic_chunk() {
    UniversalStreamChunk chunk =
        codec
            .streamToUniversal(
                obj("{'type':'content_block_start','index':0,'content_block':{'type':'thinking','thinking':'initial thought'}}"))
            .orElseThrow();
    assertThat(chunk.choices().get(0).deltaView().orElseThrow().reasoning().get(0).content()).contains("initial thought");
  }

  @Test
  void test_stream_to_universal_message_stop_returns_none() {
    assertThat(codec.streamToUniversal(obj("{'type':'message_stop'}"))).isEmpty();
  }

  @Test
  void stream_events_map_to_universal_deltas() {
    UniversalStreamChunk text =
        codec.streamToUniversal(obj("{'type':'content_block_delta','index':2,'delta':{'type':'text_delta','text':'Hi'}}")).orElseThrow();
    assertThat(text.choices()).containsExactly(new StreamChoice(2, Optional.of(obj("{'role':'assistant','content':'Hi'}")), Optional.empty()));

    UniversalStreamChunk json =
        codec
            .streamToUniversal(obj("{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta','partial_json':'{\\\"a'}}"))
            .orElseThrow();
    assertThat(json.choices().get(0).delta())
        .contains(obj("{'tool_calls':[{'index':1,'function':{'arguments':'{\\\"a'}}]}"));

    UniversalStreamChunk toolStart =
        codec
            .streamToUniversal(
                obj("{'type':'content_block_start','index':1,'content_block':{'type':'tool_use','id':'toolu_1','name':'f','input':{}}}"))
            .orElseThrow();
    assertThat(toolStart.choices().get(0).deltaView().orElseThrow().toolCalls())
        .containsExactly(
            new ToolCallDelta(
                Optional.of(1), Optional.of("toolu_1"), Optional.of("function"), Optional.empty(),
                Optional.of(ToolFunctionDelta.of("f", ""))));

    UniversalStreamChunk start =
        codec
            .streamToUniversal(
                obj(
                    "{'type':'message_start','message':{'id':'msg_1','type':'message','role':'assistant','model':'claude-x','content':[],"
                        + "'stop_reason':null,'stop_sequence':null,'usage':{'input_tokens':7,'output_tokens':1,'service_tier':'priority'}}}"))
            .orElseThrow();
    assertThat(start.id()).contains("msg_1");
    assertThat(start.model()).contains("claude-x");
    assertThat(start.servedServiceTier()).contains(ServedServiceTier.PRIORITY);
    assertThat(start.usage().flatMap(UniversalUsage::promptTokens)).contains(7L);
    assertThat(start.choices().get(0).delta()).contains(obj("{'role':'assistant','content':''}"));

    for (String keepAlive :
        List.of(
            "{'type':'ping'}",
            "{'type':'content_block_stop','index':0}",
            "{'type':'content_block_start','index':0,'content_block':{'type':'text','text':''}}",
            "{'type':'content_block_delta','index':0,'delta':{'type':'thinking_delta','thinking':''}}",
            "{'type':'message_delta','delta':{}}",
            "{'type':'something_new'}")) {
      assertThat(codec.streamToUniversal(obj(keepAlive)).orElseThrow().isKeepAlive()).as(keepAlive).isTrue();
    }
  }

  @Test
  void error_events_are_not_detected_and_missing_type_is_an_error() {
    assertThat(codec.detectStreamEvent(obj("{'type':'error','error':{'type':'overloaded_error'}}"))).isFalse();
    assertThat(codec.detectStreamEvent(obj("{'type':'message_delta','delta':{}}"))).isTrue();
    assertThatThrownBy(() -> codec.streamToUniversal(obj("{'delta':{}}"))).isInstanceOf(TranslationException.class);
  }

  // ---- Streams: universal -> Anthropic -------------------------------------------------------------

  @Test
  void test_stream_from_universal_rejects_multiple_reasoning_signatures() {
    UniversalStreamChunk chunk =
        UniversalStreamChunk.of(
            Optional.empty(),
            Optional.empty(),
            List.of(
                StreamChoice.of(
                    0,
                    new StreamDelta(
                        Optional.empty(), Optional.empty(), List.of(), List.of(),
                        Optional.of(new ReasoningSignature(List.of("signature_one", "signature_two"), false))),
                    Optional.empty())),
            Optional.empty(),
            Optional.empty());
    assertThatThrownBy(() -> codec.streamEventsFromUniversal(chunk))
        .hasMessageContaining("multiple reasoning signatures cannot be represented");
  }

  @Test
  void stream_from_universal_builds_anthropic_events() {
    assertThat(codec.streamFromUniversal(UniversalStreamChunk.keepAliveChunk())).isEqualTo(obj("{'type':'ping'}"));

    UniversalStreamChunk meta =
        UniversalStreamChunk.of(
            Optional.of("chatcmpl-1"), Optional.of("gpt-x"), List.of(StreamChoice.textDelta(0, "")), Optional.empty(), Optional.empty());
    JsonObject start = codec.streamFromUniversal(meta);
    assertThat(str(start, "/type")).isEqualTo("message_start");
    assertThat(at(start, "/message/usage")).isEqualTo(obj("{'input_tokens':0,'output_tokens':0}"));
    assertThat(str(start, "/message/id")).isEqualTo("chatcmpl-1");

    assertThat(codec.streamFromUniversal(UniversalStreamChunk.textDelta(0, "Hi")))
        .isEqualTo(obj("{'type':'content_block_delta','index':0,'delta':{'type':'text_delta','text':'Hi'}}"));

    assertThat(codec.streamFromUniversal(UniversalStreamChunk.finish(0, "tool_calls")))
        .isEqualTo(obj("{'type':'message_delta','delta':{'stop_reason':'tool_use'},'usage':{'output_tokens':0}}"));

    UniversalStreamChunk usageOnly =
        UniversalStreamChunk.of(
            Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            Optional.of(UniversalUsage.builder().promptTokens(3L).completionTokens(4L).build()));
    assertThat(str(codec.streamFromUniversal(usageOnly), "/type")).isEqualTo("message_delta");
  }

  @Test
  void finish_chunk_with_tool_fragment_expands_to_several_events() {
    StreamDelta delta =
        new StreamDelta(
            Optional.empty(), Optional.empty(),
            List.of(ToolCallDelta.of(0, null, null, null, ToolFunctionDelta.of(null, "}"))), List.of(), Optional.empty());
    UniversalStreamChunk chunk =
        UniversalStreamChunk.of(
            Optional.empty(), Optional.empty(), List.of(StreamChoice.of(0, delta, Optional.of("tool_calls"))), Optional.empty(),
            Optional.empty());
    List<JsonObject> events = codec.streamEventsFromUniversal(chunk);
    assertThat(events)
        .containsExactly(
            obj("{'type':'content_block_delta','index':0,'delta':{'type':'input_json_delta','partial_json':'}'}}"),
            obj("{'type':'message_delta','delta':{'stop_reason':'tool_use'},'usage':{'output_tokens':0}}"));
    assertThatThrownBy(() -> codec.streamFromUniversal(chunk)).hasMessageContaining("streamEventsFromUniversal");
  }
}
