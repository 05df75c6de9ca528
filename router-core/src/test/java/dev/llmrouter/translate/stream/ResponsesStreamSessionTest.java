package dev.llmrouter.translate.stream;

import static dev.llmrouter.translate.stream.StreamFixtures.at;
import static dev.llmrouter.translate.stream.StreamFixtures.data;
import static dev.llmrouter.translate.stream.StreamFixtures.j;
import static dev.llmrouter.translate.stream.StreamFixtures.num;
import static dev.llmrouter.translate.stream.StreamFixtures.str;
import static dev.llmrouter.translate.stream.StreamFixtures.types;
import static dev.llmrouter.translate.stream.StreamFixtures.uni;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Responses target's event synthesis (ports of lingua's processing/stream.rs tests for Responses
 * output). Source events are given as the universal chunks their codecs produce.
 */
class ResponsesStreamSessionTest {

  private final TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.RESPONSES);

  private List<StreamChunk> push(UniversalStreamChunk chunk, ProviderFormat source) {
    List<StreamChunk> out = new ArrayList<>();
    session.pushUniversal(chunk, source, true, out::add);
    return out;
  }

  private List<StreamChunk> pushGoogle(String json) {
    return push(uni(json, ProviderFormat.GOOGLE), ProviderFormat.GOOGLE);
  }

  private List<StreamChunk> pushAnthropic(String json) {
    return push(uni(json, ProviderFormat.ANTHROPIC), ProviderFormat.ANTHROPIC);
  }

  private List<StreamChunk> pushFull(UniversalResponse response, ProviderFormat source) {
    List<StreamChunk> out = new ArrayList<>();
    session.pushUniversal(FullResponseStream.toStreamChunk(response, source), source, false, out::add);
    session.finish(out::add);
    return out;
  }

  private static UniversalUsage anthropicUsage(String json) {
    return UniversalUsage.fromProviderValue(j(json), ProviderFormat.ANTHROPIC);
  }

  @Test
  void test_stream_session_google_mixed_thought_and_text_expands_to_responses_events() {
    List<StreamChunk> out =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','usage':{'promptTokenCount':1,'candidatesTokenCount':4,"
                + "'thoughtsTokenCount':2,'totalTokenCount':7},'choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'{}','reasoning':[{'content':'thinking in the same candidate'}]},'finish_reason':'stop'}]}");
    assertThat(types(out))
        .containsExactly(
            "response.created",
            "response.output_item.added",
            "response.reasoning_summary_text.delta",
            "response.output_item.added",
            "response.output_text.delta",
            "response.output_item.done",
            "response.output_item.done",
            "response.completed");
    List<JsonObject> events = data(out);
    assertThat(str(events.get(0), "response.id")).isEqualTo("response_123");
    for (int i = 0; i < events.size(); i++) {
      assertThat(num(events.get(i), "sequence_number")).isEqualTo(i);
    }
    assertThat(str(events.get(1), "item.type")).isEqualTo("reasoning");
    assertThat(str(events.get(3), "item.id")).isEqualTo("msg_1");
    assertThat(num(events.get(4), "output_index")).isEqualTo(1);
    assertThat(str(events.get(7), "response.output.0.type")).isEqualTo("reasoning");
    assertThat(str(events.get(7), "response.output.0.summary.0.text")).isEqualTo("thinking in the same candidate");
    assertThat(str(events.get(7), "response.output.1.content.0.text")).isEqualTo("{}");
  }

  @Test
  void test_stream_session_anthropic_full_response_expands_text_envelope_for_responses() {
    UniversalResponse response =
        UniversalResponse.builder()
            .id("msg_abc")
            .idFormat(ProviderFormat.ANTHROPIC)
            .model("claude-haiku-4-5")
            .messages(List.of(Message.assistant(List.of(TextPart.of("Paris is the capital of France.")))))
            .finishReason(FinishReason.STOP)
            .usage(anthropicUsage("{'input_tokens':19,'output_tokens':10}"))
            .build();
    List<StreamChunk> out = pushFull(response, ProviderFormat.ANTHROPIC);
    assertThat(types(out))
        .containsExactly(
            "response.created",
            "response.output_item.added",
            "response.output_text.delta",
            "response.output_item.done",
            "response.completed");
    List<JsonObject> events = data(out);
    String itemId = str(events.get(1), "item.id");
    assertThat(str(events.get(1), "item.type")).isEqualTo("message");
    assertThat(str(events.get(1), "item.role")).isEqualTo("assistant");
    assertThat(str(events.get(1), "item.status")).isEqualTo("in_progress");
    assertThat(str(events.get(2), "delta")).isEqualTo("Paris is the capital of France.");
    assertThat(str(events.get(2), "item_id")).isEqualTo(itemId);
    assertThat(str(events.get(3), "item.id")).isEqualTo(itemId);
    assertThat(str(events.get(3), "item.status")).isEqualTo("completed");
    assertThat(str(events.get(3), "item.content.0.text")).isEqualTo("Paris is the capital of France.");
    assertThat(str(events.get(4), "response.output.0.id")).isEqualTo(itemId);
    assertThat(num(events.get(4), "response.usage.output_tokens")).isEqualTo(10);
  }

  @Test
  void test_stream_session_full_responses_payload_keeps_reasoning_and_text() {
    UniversalResponse response =
        UniversalResponse.builder()
            .id("resp_1")
            .idFormat(ProviderFormat.RESPONSES)
            .model("gpt-5-nano")
            .messages(
                List.of(
                    Message.assistant(List.of(ReasoningPart.of("thinking hard")), "rs_1"),
                    Message.assistant(List.of(TextPart.of("Paris is the capital.")), "msg_1")))
            .finishReason(FinishReason.STOP)
            .build();
    List<JsonObject> events = data(pushFull(response, ProviderFormat.RESPONSES));
    StringBuilder text = new StringBuilder();
    boolean reasoning = false;
    for (JsonObject e : events) {
      if ("response.output_text.delta".equals(str(e, "type"))) {
        text.append(str(e, "delta"));
      }
      reasoning |= "response.reasoning_summary_text.delta".equals(str(e, "type"));
    }
    assertThat(text.toString()).isEqualTo("Paris is the capital.");
    assertThat(reasoning).isTrue();
    JsonObject terminal = events.get(events.size() - 1);
    assertThat(str(terminal, "response.output.0.type")).isEqualTo("reasoning");
    assertThat(str(terminal, "response.output.1.type")).isEqualTo("message");
    assertThat(str(terminal, "response.output.0.summary.0.text")).isEqualTo("thinking hard");
    assertThat(str(terminal, "response.output.1.content.0.text")).isEqualTo("Paris is the capital.");
  }

  @Test
  void test_stream_session_finalizes_parallel_anthropic_tool_blocks_for_responses() {
    List<StreamChunk> out = new ArrayList<>();
    out.addAll(
        pushAnthropic(
            "{'id':'msg_par','model':'claude-haiku-4-5','usage':{'input_tokens':5,'output_tokens':0},"
                + "'choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}"));
    out.addAll(
        pushAnthropic(
            "{'choices':[{'index':0,'delta':{'role':'assistant','content':null,'tool_calls':[{'index':0,'id':'toolu_a',"
                + "'type':'function','function':{'name':'get_weather','arguments':''}}]}}]}"));
    out.addAll(
        pushAnthropic("{'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'function':{'arguments':'{}'}}]}}]}"));
    out.addAll(push(UniversalStreamChunk.keepAliveChunk(), ProviderFormat.ANTHROPIC));
    out.addAll(
        pushAnthropic(
            "{'choices':[{'index':1,'delta':{'role':'assistant','content':null,'tool_calls':[{'index':1,'id':'toolu_b',"
                + "'type':'function','function':{'name':'get_time','arguments':''}}]}}]}"));
    out.addAll(
        pushAnthropic("{'choices':[{'index':1,'delta':{'tool_calls':[{'index':1,'function':{'arguments':'{}'}}]}}]}"));
    out.addAll(push(UniversalStreamChunk.keepAliveChunk(), ProviderFormat.ANTHROPIC));
    out.addAll(
        pushAnthropic(
            "{'usage':{'output_tokens':9},'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
    session.finish(out::add);

    List<JsonObject> events = data(out);
    int doneCalls = 0;
    for (JsonObject e : events) {
      if ("response.output_item.done".equals(str(e, "type")) && "function_call".equals(str(e, "item.type"))) {
        doneCalls++;
      }
    }
    assertThat(doneCalls).isEqualTo(2);
    JsonObject terminal = events.get(events.size() - 1);
    assertThat(str(terminal, "type")).isEqualTo("response.completed");
    assertThat(str(terminal, "response.output.0.name")).isEqualTo("get_weather");
    assertThat(str(terminal, "response.output.1.name")).isEqualTo("get_time");
    assertThat(((JsonArray) at(terminal, "response.output")).size()).isEqualTo(2);
  }

  @Test
  void test_stream_session_truncated_response_marks_message_item_incomplete_for_responses() {
    UniversalResponse response =
        UniversalResponse.builder()
            .id("msg_trunc")
            .model("claude-haiku-4-5")
            .messages(List.of(Message.assistant(List.of(TextPart.of("Paris is the")))))
            .finishReason(FinishReason.LENGTH)
            .usage(anthropicUsage("{'input_tokens':19,'output_tokens':4}"))
            .build();
    List<JsonObject> events = data(pushFull(response, ProviderFormat.ANTHROPIC));
    JsonObject done = null;
    for (JsonObject e : events) {
      if ("response.output_item.done".equals(str(e, "type"))) {
        done = e;
      }
    }
    JsonObject terminal = events.get(events.size() - 1);
    assertThat(str(terminal, "type")).isEqualTo("response.incomplete");
    assertThat(str(done, "item.status")).isEqualTo("incomplete");
    assertThat(str(terminal, "response.output.0.status")).isEqualTo("incomplete");
    assertThat(str(terminal, "response.status")).isEqualTo("incomplete");
  }

  @Test
  void test_stream_session_anthropic_text_stream_expands_text_envelope_for_responses() {
    List<StreamChunk> out = new ArrayList<>();
    out.addAll(
        pushAnthropic(
            "{'id':'msg_stream','model':'claude-haiku-4-5','usage':{'input_tokens':19,'output_tokens':0},"
                + "'choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}"));
    out.addAll(push(UniversalStreamChunk.keepAliveChunk(), ProviderFormat.ANTHROPIC));
    out.addAll(pushAnthropic("{'choices':[{'index':0,'delta':{'role':'assistant','content':'Paris'}}]}"));
    out.addAll(pushAnthropic("{'choices':[{'index':0,'delta':{'role':'assistant','content':' is the capital.'}}]}"));
    out.addAll(push(UniversalStreamChunk.keepAliveChunk(), ProviderFormat.ANTHROPIC));
    out.addAll(
        pushAnthropic("{'usage':{'output_tokens':6},'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}"));
    session.finish(out::add);

    List<String> types = types(out);
    assertThat(types.stream().filter("response.output_item.added"::equals).count()).isEqualTo(1);
    assertThat(types.stream().filter("response.output_item.done"::equals).count()).isEqualTo(1);
    assertThat(types.get(0)).isEqualTo("response.created");
    assertThat(types.get(types.size() - 1)).isEqualTo("response.completed");
    List<JsonObject> events = data(out);
    String itemId = null;
    StringBuilder text = new StringBuilder();
    for (JsonObject e : events) {
      if ("response.output_item.added".equals(str(e, "type"))) {
        itemId = str(e, "item.id");
        assertThat(str(e, "item.type")).isEqualTo("message");
      }
      if ("response.output_text.delta".equals(str(e, "type"))) {
        assertThat(str(e, "item_id")).isEqualTo(itemId);
        text.append(str(e, "delta"));
      }
    }
    assertThat(text.toString()).isEqualTo("Paris is the capital.");
  }

  @Test
  void test_stream_session_google_mixed_thought_and_tool_expands_to_responses_events() {
    List<StreamChunk> out =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'','tool_calls':[{'index':0,'id':'call_response_123_0','type':'function',"
                + "'function':{'name':'lookup_creator','arguments':'{}'}}],"
                + "'reasoning':[{'content':'thinking before the tool'}]}}]}");
    assertThat(types(out))
        .containsExactly(
            "response.created",
            "response.output_item.added",
            "response.reasoning_summary_text.delta",
            "response.output_item.added",
            "response.function_call_arguments.delta");
    assertThat(num(data(out).get(3), "output_index")).isEqualTo(1);
    assertThat(str(data(out).get(3), "item.id")).isEqualTo("fc_1");
  }

  @Test
  void test_stream_session_google_response_metadata_created_once_for_responses() {
    List<StreamChunk> first =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'','reasoning':[{'content':'first thought'}]}}]}");
    assertThat(types(first))
        .containsExactly(
            "response.created", "response.output_item.added", "response.reasoning_summary_text.delta");
    List<StreamChunk> second =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'','reasoning':[{'content':'second thought'}]}}]}");
    assertThat(types(second)).containsExactly("response.reasoning_summary_text.delta");
    assertThat(num(data(second).get(0), "output_index")).isEqualTo(0);
    assertThat(num(data(second).get(0), "sequence_number")).isEqualTo(3);
  }

  @Test
  void test_stream_session_google_split_thought_then_text_offsets_responses_text_index() {
    pushGoogle(
        "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
            + "'content':'','reasoning':[{'content':'thinking first'}]}}]}");
    List<StreamChunk> second =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'visible'},'finish_reason':'stop'}]}");
    assertThat(types(second))
        .containsExactly(
            "response.output_item.added",
            "response.output_text.delta",
            "response.output_item.done",
            "response.output_item.done",
            "response.completed");
    assertThat(num(data(second).get(1), "output_index")).isEqualTo(1);
    assertThat(str(data(second).get(1), "delta")).isEqualTo("visible");
  }

  @Test
  void test_stream_session_google_text_then_tool_uses_next_responses_output_index() {
    List<StreamChunk> first =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'visible','reasoning':[{'content':'thinking first'}]}}]}");
    assertThat(types(first))
        .containsExactly(
            "response.created",
            "response.output_item.added",
            "response.reasoning_summary_text.delta",
            "response.output_item.added",
            "response.output_text.delta");
    assertThat(num(data(first).get(3), "output_index")).isEqualTo(1);

    List<StreamChunk> second =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'','tool_calls':[{'index':0,'id':'call_response_123_0','type':'function',"
                + "'function':{'name':'lookup_creator','arguments':'{}'}}]},'finish_reason':'tool_calls'}]}");
    assertThat(types(second))
        .containsExactly(
            "response.output_item.added",
            "response.function_call_arguments.delta",
            "response.output_item.done",
            "response.output_item.done",
            "response.function_call_arguments.done",
            "response.output_item.done",
            "response.completed");
    List<JsonObject> events = data(second);
    assertThat(num(events.get(0), "output_index")).isEqualTo(2);
    assertThat(num(events.get(1), "output_index")).isEqualTo(2);
    assertThat(str(events.get(5), "item.type")).isEqualTo("function_call");
    assertThat(str(events.get(5), "item.name")).isEqualTo("lookup_creator");
    assertThat(num(events.get(5), "output_index")).isEqualTo(2);
  }

  @Test
  void test_stream_session_emits_correlated_custom_tool_call_events_for_responses() {
    UniversalResponse response =
        UniversalResponse.builder()
            .id("resp_custom")
            .idFormat(ProviderFormat.RESPONSES)
            .model("gpt-5.6")
            .messages(
                List.of(
                    Message.assistant(
                        List.of(
                            ToolCallPart.of(
                                "call_exec",
                                "exec",
                                new ToolArguments.Custom("await tools.exec_command({cmd: true});"))))))
            .finishReason(FinishReason.TOOL_CALLS)
            .build();
    List<StreamChunk> out = pushFull(response, ProviderFormat.RESPONSES);
    assertThat(types(out))
        .containsExactly(
            "response.created",
            "response.output_item.added",
            "response.custom_tool_call_input.delta",
            "response.custom_tool_call_input.done",
            "response.output_item.done",
            "response.completed");
    List<JsonObject> events = data(out);
    for (int i = 0; i < events.size(); i++) {
      assertThat(num(events.get(i), "sequence_number")).isEqualTo(i);
    }
    assertThat(str(events.get(1), "item.id")).isEqualTo("ctc_0");
    assertThat(str(events.get(2), "item_id")).isEqualTo("ctc_0");
    assertThat(str(events.get(2), "delta")).isEqualTo("await tools.exec_command({cmd: true});");
    assertThat(str(events.get(3), "input")).isEqualTo("await tools.exec_command({cmd: true});");
    assertThat(str(events.get(4), "item.id")).isEqualTo("ctc_0");
    assertThat(str(events.get(4), "item.status")).isEqualTo("completed");
    assertThat(str(events.get(5), "response.output.0.id")).isEqualTo("ctc_0");
  }

  @Test
  void metadata_only_first_chunk_becomes_the_adapter_created_event_and_keep_alives_in_progress() {
    List<StreamChunk> first =
        pushAnthropic(
            "{'id':'msg_1','model':'claude','usage':{'input_tokens':3,'output_tokens':1},"
                + "'choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}");
    assertThat(types(first)).containsExactly("response.created");
    assertThat(data(first).get(0).has("sequence_number")).isFalse();
    assertThat(str(data(first).get(0), "response.status")).isEqualTo("in_progress");
    List<StreamChunk> ping = push(UniversalStreamChunk.keepAliveChunk(), ProviderFormat.ANTHROPIC);
    assertThat(types(ping)).containsExactly("response.in_progress");
    assertThat(data(ping).get(0).has("response")).isFalse();
  }

  @Test
  void empty_tool_argument_fragment_falls_back_to_the_stateless_delta() {
    pushAnthropic(
        "{'id':'msg_1','model':'claude','choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}");
    pushAnthropic(
        "{'choices':[{'index':0,'delta':{'role':'assistant','content':null,'tool_calls':[{'index':0,'id':'t1',"
            + "'type':'function','function':{'name':'f','arguments':''}}]}}]}");
    List<StreamChunk> out =
        pushAnthropic("{'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'function':{'arguments':''}}]}}]}");
    assertThat(types(out)).containsExactly("response.function_call_arguments.delta");
    assertThat(data(out).get(0)).isEqualTo(j("{'type':'response.function_call_arguments.delta','output_index':0,'delta':''}"));
  }

  @Test
  void sequence_numbers_restart_after_a_completed_response() {
    pushAnthropic("{'id':'m','model':'c','choices':[{'index':0,'delta':{'role':'assistant','content':'a'}}]}");
    List<StreamChunk> end =
        pushAnthropic("{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}");
    assertThat(types(end)).endsWith("response.completed");
    List<StreamChunk> next =
        pushAnthropic("{'id':'m2','model':'c','choices':[{'index':0,'delta':{'role':'assistant','content':'b'}}]}");
    assertThat(types(next))
        .containsExactly("response.created", "response.output_item.added", "response.output_text.delta");
    assertThat(num(data(next).get(0), "sequence_number")).isEqualTo(0);
    assertThat(str(data(next).get(1), "item.id")).isEqualTo("msg_0");
  }
}
