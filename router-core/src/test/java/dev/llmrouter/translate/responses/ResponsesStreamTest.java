package dev.llmrouter.translate.responses;

import static dev.llmrouter.translate.responses.Js.assertAt;
import static dev.llmrouter.translate.responses.Js.assertJson;
import static dev.llmrouter.translate.responses.Js.json;
import static dev.llmrouter.translate.responses.Js.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Stream events of the Responses codec (ports of lingua's responses_adapter.rs stream tests). */
class ResponsesStreamTest {
  private final ResponsesCodec codec = new ResponsesCodec();

  private UniversalStreamChunk in(String event) {
    return codec.streamToUniversal(obj(event)).orElseThrow();
  }

  private static StreamDelta delta(UniversalStreamChunk c) {
    return c.choices().get(0).deltaView().orElseThrow();
  }

  private static UniversalStreamChunk chunk(String id, String model, int index, String delta, String finish, UniversalUsage usage) {
    return UniversalStreamChunk.of(
        Optional.ofNullable(id),
        Optional.ofNullable(model),
        List.of(new StreamChoice(index, Optional.of(json(delta)), Optional.ofNullable(finish))),
        Optional.empty(),
        Optional.ofNullable(usage));
  }

  @Test
  void test_responses_detect_stream_response_keepalive() {
    assertThat(codec.detectStreamEvent(obj("{'type':'keepalive','sequence_number':3}"))).isTrue();
    assertThat(codec.detectStreamEvent(obj("{'type':'response.output_text.delta'}"))).isTrue();
    assertThat(codec.detectStreamEvent(obj("{'object':'response.delta','delta':{}}"))).isTrue();
    assertThat(codec.detectStreamEvent(obj("{'type':'message_start'}"))).isFalse();
  }

  @Test
  void test_responses_stream_to_universal_keepalive() {
    assertThat(in("{'type':'keepalive','sequence_number':3}").isKeepAlive()).isTrue();
    assertThat(in("{'type':'response.content_part.added','sequence_number':3}").isKeepAlive()).isTrue();
    assertThat(in("{'type':'response.in_progress','sequence_number':1}").isKeepAlive()).isTrue();
  }

  @Test
  void test_responses_alternate_stream_preserves_service_tier() {
    UniversalStreamChunk c =
        in(
            "{'object':'response.delta','delta':{'type':'response.start','response':{'id':'resp_123',"
                + "'model':'gpt-5.6-sol','service_tier':'priority'}}}");
    assertThat(c.servedServiceTier()).contains(ServedServiceTier.PRIORITY);
    assertThat(c.id()).contains("resp_123");
    assertThat(c.model()).contains("gpt-5.6-sol");
    assertJson(c.choices().get(0).delta().orElseThrow(), "{'role':'assistant','content':''}");
  }

  @Test
  void test_responses_stream_to_universal_output_indexes_are_output_items_not_choices() {
    UniversalStreamChunk reasoning =
        in(
            "{'type':'response.reasoning_summary_text.delta','output_index':0,'summary_index':0,"
                + "'delta':'thinking before visible text'}");
    assertThat(reasoning.choices().get(0).index()).isZero();
    assertThat(delta(reasoning).reasoning().get(0).content()).contains("thinking before visible text");
    UniversalStreamChunk text =
        in("{'type':'response.output_text.delta','output_index':1,'content_index':0,'delta':'{\\\"answer\\\":1}'}");
    assertThat(text.choices().get(0).index()).isZero();
    assertThat(delta(text).content()).contains("{\"answer\":1}");
    UniversalStreamChunk empty = in("{'type':'response.output_text.delta','output_index':1,'delta':''}");
    assertJson(empty.choices().get(0).delta().orElseThrow(), "{'role':'assistant','content':null}");
  }

  @Test
  void test_responses_stream_custom_tool_call_roundtrips() {
    UniversalStreamChunk start =
        in(
            "{'type':'response.output_item.added','item':{'type':'custom_tool_call','status':'in_progress',"
                + "'call_id':'call_exec','input':'','name':'exec'},'output_index':7}");
    assertThat(start.isKeepAlive()).isFalse();
    ToolCallDelta tc = delta(start).toolCalls().get(0);
    assertThat(tc.index()).contains(7);
    assertThat(tc.id()).contains("call_exec");
    assertThat(tc.type()).contains("function");
    assertThat(tc.customToolCall()).contains(true);
    assertThat(tc.function().flatMap(f -> f.name())).contains("exec");
    List<JsonObject> events = ResponsesStreamEvents.eventsFromUniversal(start, OptionalInt.empty(), 0, 0);
    assertJson(
        JsonArray.of(events),
        "[{'type':'response.output_item.added','output_index':7,'item':{'id':'ctc_7','type':'custom_tool_call',"
            + "'status':'in_progress','call_id':'call_exec','name':'exec','input':''},'sequence_number':0}]");

    UniversalStreamChunk d =
        in(
            "{'type':'response.custom_tool_call_input.delta','delta':'await tools.exec_command({});',"
                + "'item_id':'ctc_exec','sequence_number':8,'output_index':7}");
    ToolCallDelta dtc = delta(d).toolCalls().get(0);
    assertThat(dtc.index()).contains(7);
    assertThat(dtc.customToolCall()).contains(true);
    assertThat(dtc.function().flatMap(f -> f.arguments())).contains("await tools.exec_command({});");
    List<JsonObject> deltaEvents = ResponsesStreamEvents.eventsFromUniversal(d, OptionalInt.empty(), 0, 0);
    assertJson(
        JsonArray.of(deltaEvents),
        "[{'type':'response.custom_tool_call_input.delta','delta':'await tools.exec_command({});',"
            + "'item_id':'ctc_7','output_index':7,'sequence_number':0}]");
    // The emitted event satisfies the strict parse again.
    assertThat(codec.streamToUniversal(deltaEvents.get(0))).isPresent();
  }

  @Test
  void test_responses_stream_custom_tool_call_delta_rejects_missing_required_fields() {
    assertThatThrownBy(() -> in("{'type':'response.custom_tool_call_input.delta','delta':'malformed'}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("Responses custom tool call input delta event");
  }

  @Test
  void function_call_events_become_tool_call_deltas() {
    UniversalStreamChunk start =
        in(
            "{'type':'response.output_item.added','output_index':1,'item':{'type':'function_call','id':'fc_1',"
                + "'call_id':'call_1','name':'get_weather','arguments':''}}");
    assertJson(
        start.choices().get(0).delta().orElseThrow(),
        "{'role':'assistant','content':null,'tool_calls':[{'index':1,'id':'call_1','type':'function',"
            + "'function':{'name':'get_weather','arguments':''}}]}");
    UniversalStreamChunk args =
        in("{'type':'response.function_call_arguments.delta','output_index':1,'delta':'{\\\"a\\\":'}");
    assertJson(
        args.choices().get(0).delta().orElseThrow(),
        "{'tool_calls':[{'index':1,'function':{'arguments':'{\\\"a\\\":'}}]}");
    assertThat(in("{'type':'response.output_item.added','output_index':0,'item':{'type':'message'}}").isKeepAlive()).isTrue();
  }

  @Test
  void created_completed_and_incomplete_events() {
    UniversalStreamChunk created =
        in("{'type':'response.created','response':{'id':'resp_1','model':'gpt-5','status':'in_progress','usage':null}}");
    assertThat(created.id()).contains("resp_1");
    assertThat(created.usage()).isEmpty();
    UniversalStreamChunk done =
        in(
            "{'type':'response.completed','response':{'id':'resp_1','model':'gpt-5','service_tier':'default',"
                + "'usage':{'input_tokens':3,'output_tokens':4,'total_tokens':7}}}");
    assertThat(done.choices().get(0).finishReason()).contains("stop");
    assertThat(done.usage().flatMap(UniversalUsage::completionTokens)).contains(4L);
    assertThat(done.servedServiceTier()).contains(ServedServiceTier.DEFAULT);
    UniversalStreamChunk incomplete = in("{'type':'response.incomplete','response':{'id':'resp_1'}}");
    assertThat(incomplete.choices().get(0).finishReason()).contains("length");
    assertThat(incomplete.id()).isEmpty();
    assertThatThrownBy(() -> in("{'sequence_number':1}")).isInstanceOf(TranslationException.class);
  }

  @Test
  void test_responses_stream_from_universal_reasoning_only_is_not_metadata() {
    UniversalUsage usage = UniversalUsage.builder().promptTokens(1L).completionTokens(2L).build();
    UniversalStreamChunk c =
        chunk(
            "resp_google",
            "gemini-2.5-flash",
            0,
            "{'role':'assistant','content':null,'reasoning':[{'content':'thinking before visible text'}]}",
            null,
            usage);
    JsonObject e = codec.streamFromUniversal(c);
    assertAt(e, "/type", "'response.reasoning_summary_text.delta'");
    assertAt(e, "/delta", "'thinking before visible text'");
  }

  @Test
  void test_responses_stream_from_universal_mixed_reasoning_content_returns_single_event() {
    UniversalStreamChunk c =
        chunk(
            "resp_google",
            "gemini-2.5-flash",
            0,
            "{'role':'assistant','content':'visible','reasoning':[{'content':'thinking in the same candidate'}]}",
            "stop",
            null);
    JsonObject e = codec.streamFromUniversal(c);
    assertAt(e, "/type", "'response.reasoning_summary_text.delta'");
    assertAt(e, "/delta", "'thinking in the same candidate'");
  }

  @Test
  void test_responses_stream_events_from_universal_mixed_reasoning_content_offsets_text_index() {
    UniversalStreamChunk c =
        chunk(
            "resp_google",
            "gemini-2.5-flash",
            0,
            "{'role':'assistant','content':'visible','reasoning':[{'content':'thinking'}]}",
            "stop",
            null);
    List<JsonObject> events = ResponsesStreamEvents.eventsFromUniversal(c, OptionalInt.empty(), 0, 5);
    assertThat(events).hasSize(3);
    assertAt(events.get(0), "/output_index", "0");
    assertAt(events.get(0), "/item_id", "'rs_0'");
    assertAt(events.get(1), "/type", "'response.output_text.delta'");
    assertAt(events.get(1), "/output_index", "1");
    assertAt(events.get(1), "/item_id", "'msg_1'");
    assertAt(events.get(2), "/type", "'response.completed'");
    assertAt(events.get(2), "/sequence_number", "7");
    assertAt(
        events.get(2),
        "/response",
        "{'id':'resp_google','object':'response','model':'gemini-2.5-flash','status':'completed','output':[]}");
  }

  private static final String REASONING_TOOL =
      "{'role':'assistant','content':'','reasoning':[{'content':'thinking before the tool'}],"
          + "'tool_calls':[{'index':0,'id':'call_response_123_0','type':'function','function':"
          + "{'name':'lookup_creator','arguments':'{\\\"query\\\":\\\"microphone comparison\\\"}'}}]}";

  @Test
  void test_responses_stream_from_universal_mixed_reasoning_and_tool_call_returns_single_event() {
    JsonObject e = codec.streamFromUniversal(chunk("resp_google", "gemini-2.5-flash", 0, REASONING_TOOL, null, null));
    assertAt(e, "/type", "'response.reasoning_summary_text.delta'");
    assertAt(e, "/delta", "'thinking before the tool'");
  }

  @Test
  void test_responses_stream_events_from_universal_mixed_reasoning_tool_offsets_tool_index() {
    List<JsonObject> events =
        ResponsesStreamEvents.eventsFromUniversal(
            chunk("resp_google", "gemini-2.5-flash", 0, REASONING_TOOL, null, null), OptionalInt.empty(), 0, 0);
    assertAt(events.get(0), "/output_index", "0");
    assertAt(events.get(1), "/type", "'response.output_item.added'");
    assertAt(events.get(1), "/output_index", "1");
    assertAt(events.get(2), "/type", "'response.function_call_arguments.delta'");
    assertAt(events.get(2), "/output_index", "1");
    assertAt(events.get(2), "/delta", "'{\\\"query\\\":\\\"microphone comparison\\\"}'");
  }

  @Test
  void test_responses_stream_events_from_universal_reasoning_text_and_tool_use_distinct_indexes() {
    String delta =
        "{'role':'assistant','content':'visible','reasoning':[{'content':'t'}],'tool_calls':[{'index':0,"
            + "'id':'call_0','type':'function','function':{'name':'f','arguments':'{}'}}]}";
    List<JsonObject> events =
        ResponsesStreamEvents.eventsFromUniversal(chunk(null, null, 0, delta, null, null), OptionalInt.empty(), 0, 0);
    assertThat(events).extracting(e -> e.getLong("output_index").orElseThrow()).containsExactly(0L, 1L, 2L, 2L);
  }

  @Test
  void test_responses_stream_events_from_universal_tool_only_preserves_output_index() {
    String delta =
        "{'tool_calls':[{'index':2,'id':'call_response_456_2','type':'function','function':"
            + "{'name':'lookup_creator','arguments':'{}'}}]}";
    List<JsonObject> events =
        ResponsesStreamEvents.eventsFromUniversal(chunk(null, null, 2, delta, null, null), OptionalInt.empty(), 0, 0);
    assertAt(events.get(0), "/type", "'response.output_item.added'");
    assertAt(events.get(0), "/output_index", "2");
    assertAt(events.get(0), "/item/id", "'fc_2'");
    assertAt(events.get(1), "/output_index", "2");
  }

  @Test
  void stream_from_universal_stateless_shapes() {
    assertJson(
        codec.streamFromUniversal(UniversalStreamChunk.keepAliveChunk()),
        "{'type':'response.in_progress','sequence_number':0}");
    UniversalStreamChunk meta =
        chunk("resp_1", "gpt-5", 0, "{'role':'assistant','content':''}", null, null)
            .withServedServiceTier(Optional.of(ServedServiceTier.FLEX));
    assertJson(
        codec.streamFromUniversal(meta),
        "{'type':'response.created','response':{'id':'resp_1','object':'response','model':'gpt-5',"
            + "'status':'in_progress','output':[],'service_tier':'flex'}}");
    assertJson(
        codec.streamFromUniversal(UniversalStreamChunk.textDelta(0, "Hi")),
        "{'type':'response.output_text.delta','output_index':0,'item_id':'msg_0','content_index':0,'delta':'Hi',"
            + "'sequence_number':0}");
    JsonObject finish = codec.streamFromUniversal(UniversalStreamChunk.finish(0, "length"));
    assertAt(finish, "/type", "'response.incomplete'");
    assertAt(
        finish,
        "/response",
        "{'id':'resp_transformed','object':'response','model':'transformed','status':'incomplete','output':[]}");
    assertJson(
        codec.streamFromUniversal(chunk(null, null, 0, "{'role':'assistant'}", null, null)),
        "{'type':'response.output_text.delta','output_index':0,'content_index':0,'delta':''}");
  }

  @Test
  void created_event_and_output_item_bookkeeping() {
    UniversalStreamChunk first = chunk("resp_9", "m", 0, "{'role':'assistant','content':''}", null, null);
    assertJson(
        ResponsesStreamEvents.createdEvent(first, 0),
        "{'type':'response.created','response':{'id':'resp_9','object':'response','model':'m',"
            + "'status':'in_progress','output':[]},'sequence_number':0}");
    List<JsonObject> events =
        ResponsesStreamEvents.eventsFromUniversal(
            chunk(null, null, 0, REASONING_TOOL, null, null), OptionalInt.empty(), 0, 0);
    Map<Integer, ResponsesStreamEvents.ToolItem> tools = new HashMap<>();
    Map<Integer, StringBuilder> reasoning = new HashMap<>();
    ResponsesStreamEvents.recordOutputItems(events, tools, reasoning);
    assertThat(reasoning.get(0).toString()).isEqualTo("thinking before the tool");
    assertJson(
        ResponsesStreamEvents.toolCallItem(tools.get(1), "completed"),
        "{'id':'fc_1','type':'function_call','status':'completed','call_id':'call_response_123_0',"
            + "'name':'lookup_creator','arguments':'{\\\"query\\\":\\\"microphone comparison\\\"}'}");
    assertJson(
        ResponsesStreamEvents.reasoningItem("rs_0", reasoning.get(0).toString()),
        "{'id':'rs_0','type':'reasoning','summary':[{'type':'summary_text','text':'thinking before the tool'}]}");
    assertJson(ResponsesStreamEvents.reasoningItem("rs_0", ""), "{'id':'rs_0','type':'reasoning','summary':[]}");
  }
}
