package dev.llmrouter.translate.stream;

import static dev.llmrouter.translate.stream.StreamFixtures.data;
import static dev.llmrouter.translate.stream.StreamFixtures.j;
import static dev.llmrouter.translate.stream.StreamFixtures.num;
import static dev.llmrouter.translate.stream.StreamFixtures.raw;
import static dev.llmrouter.translate.stream.StreamFixtures.str;
import static dev.llmrouter.translate.stream.StreamFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.stream.SseFraming;
import dev.llmrouter.stream.StreamChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * lingua's processing/stream.rs session tests as written there: raw provider events pushed through the
 * whole pipeline (detection, the source codec, the session, the target's events).
 */
class StreamSessionProviderEventsTest {

  private static List<StreamChunk> push(TranslatingStreamSession session, String... events) {
    List<StreamChunk> out = new ArrayList<>();
    for (String e : events) {
      session.push(raw(e), out::add);
    }
    return out;
  }

  private static List<StreamChunk> finish(TranslatingStreamSession session) {
    List<StreamChunk> out = new ArrayList<>();
    session.finish(out::add);
    return out;
  }

  // ---- Anthropic output -----------------------------------------------------------------------------

  @Test
  void test_stream_session_merges_anthropic_finish_and_usage_deltas() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    List<StreamChunk> start =
        push(
            session,
            "{'id':'chatcmpl-123','object':'chat.completion.chunk','created':123,'model':'gpt-4',"
                + "'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}");
    assertThat(types(start)).containsExactly("message_start");
    List<StreamChunk> out =
        push(
            session,
            "{'id':'chatcmpl-123','object':'chat.completion.chunk','created':123,'model':'gpt-4','choices':[],"
                + "'usage':{'prompt_tokens':10,'completion_tokens':42,'total_tokens':52}}");
    assertThat(types(out)).containsExactly("message_delta", "message_stop");
    assertThat(str(data(out).get(0), "delta.stop_reason")).isEqualTo("end_turn");
    assertThat(num(data(out).get(0), "usage.output_tokens")).isEqualTo(42);
  }

  @Test
  void test_stream_session_tool_call_continuations_do_not_repeat_message_start() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    List<StreamChunk> first =
        push(
            session,
            "{'id':'chatcmpl-123','object':'chat.completion.chunk','created':123,'model':'gpt-4','choices':[{'index':0,"
                + "'delta':{'role':'assistant','tool_calls':[{'index':0,'id':'call_123','type':'function',"
                + "'function':{'name':'get_weather','arguments':''}}]},'finish_reason':null}]}");
    assertThat(types(first)).containsExactly("message_start", "content_block_start");
    List<StreamChunk> second =
        push(
            session,
            "{'id':'chatcmpl-123','object':'chat.completion.chunk','created':123,'model':'gpt-4','choices':[{'index':0,"
                + "'delta':{'tool_calls':[{'index':0,'function':{'arguments':'{'}}]},'finish_reason':null}]}");
    assertThat(types(second)).containsExactly("content_block_delta");
  }

  @Test
  void test_stream_session_responses_tool_call_after_metadata_does_not_repeat_message_start() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    assertThat(
            types(
                push(
                    session,
                    "{'type':'response.created','response':{'id':'resp_123','model':'gpt-5.5',"
                        + "'usage':{'input_tokens':0,'output_tokens':0}}}")))
        .containsExactly("message_start");
    assertThat(push(session, "{'type':'response.in_progress','response':{'id':'resp_123','model':'gpt-5.5'}}"))
        .isEmpty();
    List<StreamChunk> third =
        push(
            session,
            "{'type':'response.output_item.added','output_index':1,'item':{'type':'function_call',"
                + "'call_id':'call_123','name':'mcp__braintrust__list_recent_objects'}}");
    assertThat(types(third)).containsExactly("content_block_start");
    assertThat(str(data(third).get(0), "content_block.type")).isEqualTo("tool_use");
    List<StreamChunk> fourth =
        push(
            session,
            "{'type':'response.completed','response':{'id':'resp_123','model':'gpt-5.5',"
                + "'usage':{'input_tokens':10,'output_tokens':20}}}");
    assertThat(types(fourth)).containsExactly("content_block_stop");
    List<StreamChunk> last = finish(session);
    assertThat(types(last)).containsExactly("message_delta", "message_stop");
    assertThat(str(data(last).get(0), "delta.stop_reason")).isEqualTo("tool_use");
  }

  @Test
  void test_stream_session_responses_reasoning_after_metadata_starts_thinking_block() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    push(
        session,
        "{'type':'response.created','response':{'id':'resp_123','model':'gpt-5.5',"
            + "'usage':{'input_tokens':0,'output_tokens':0}}}");
    List<StreamChunk> second =
        push(
            session,
            "{'type':'response.reasoning_summary_text.delta','output_index':0,'summary_index':0,"
                + "'delta':'thinking after metadata'}");
    assertThat(types(second)).containsExactly("content_block_start", "content_block_delta");
    assertThat(str(data(second).get(0), "content_block.type")).isEqualTo("thinking");
    assertThat(num(data(second).get(1), "index")).isEqualTo(0);
    assertThat(str(data(second).get(1), "delta.thinking")).isEqualTo("thinking after metadata");
  }

  @Test
  void test_stream_session_google_thought_only_chunks_are_anthropic_thinking_deltas() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    List<StreamChunk> first =
        push(
            session,
            "{'responseId':'response_123','modelVersion':'gemini-2.5-flash','candidates':[{'index':0,'content':"
                + "{'role':'model','parts':[{'text':'thinking before visible text','thought':true}]}}],"
                + "'usageMetadata':{'promptTokenCount':1,'thoughtsTokenCount':2,'totalTokenCount':3}}");
    assertThat(types(first)).containsExactly("message_start", "content_block_start", "content_block_delta");
    List<StreamChunk> second =
        push(
            session,
            "{'responseId':'response_123','modelVersion':'gemini-2.5-flash','candidates':[{'index':0,'content':"
                + "{'role':'model','parts':[{'text':'later thinking','thought':true}]}}],"
                + "'usageMetadata':{'promptTokenCount':1,'thoughtsTokenCount':4,'totalTokenCount':5}}");
    assertThat(types(second)).containsExactly("content_block_delta");
    List<StreamChunk> third =
        push(
            session,
            "{'responseId':'response_123','modelVersion':'gemini-2.5-flash','candidates':[{'index':0,'content':"
                + "{'role':'model','parts':[{'text':'The visible answer.','thoughtSignature':'sig_on_text_part'}]}}]}");
    assertThat(types(third))
        .containsExactly("content_block_delta", "content_block_stop", "content_block_start", "content_block_delta");
    assertThat(str(data(third).get(0), "delta.signature")).isEqualTo("sig_on_text_part");
    assertThat(num(data(third).get(2), "index")).isEqualTo(1);
    assertThat(str(data(third).get(3), "delta.text")).isEqualTo("The visible answer.");
  }

  @Test
  void test_stream_session_google_mixed_thought_and_tool_call_preserves_tool_use() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    List<StreamChunk> out =
        push(
            session,
            "{'responseId':'response_123','modelVersion':'gemini-2.5-flash','candidates':[{'index':0,'content':"
                + "{'role':'model','parts':[{'text':'thinking before the tool','thought':true,"
                + "'thoughtSignature':'sig_abc123'},{'functionCall':{'name':'lookup_creator',"
                + "'args':{'query':'microphone comparison'}}}]}}]}");
    assertThat(types(out))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta");
    assertThat(str(data(out).get(3), "delta.signature")).isEqualTo("sig_abc123");
    assertThat(num(data(out).get(5), "index")).isEqualTo(1);
    assertThat(str(data(out).get(5), "content_block.type")).isEqualTo("tool_use");
    assertThat(num(data(out).get(6), "index")).isEqualTo(1);
  }

  @Test
  void test_stream_session_expands_full_anthropic_response_for_anthropic_target() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    List<StreamChunk> out =
        push(
            session,
            "{'id':'msg_test','type':'message','role':'assistant','model':'claude-haiku-4-5','content':[{'type':'text',"
                + "'text':'Hello from Vertex'}],'stop_reason':'end_turn','stop_sequence':null,"
                + "'usage':{'input_tokens':8,'output_tokens':4}}");
    out.addAll(finish(session));
    assertThat(types(out))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    assertThat(str(data(out).get(2), "delta.text")).isEqualTo("Hello from Vertex");
  }

  @Test
  void test_stream_session_rejects_full_response_with_multiple_reasoning_signatures_for_anthropic() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    assertThatThrownBy(
            () ->
                push(
                    session,
                    "{'id':'resp_test','object':'response','model':'gpt-5.6-luna','status':'completed','output':["
                        + "{'type':'reasoning','id':'rs_1','summary':[],'encrypted_content':'signature_one'},"
                        + "{'type':'reasoning','id':'rs_2','summary':[],'encrypted_content':'signature_two'},"
                        + "{'type':'message','id':'msg_1','role':'assistant','status':'completed',"
                        + "'content':[{'type':'output_text','text':'Hello'}]}]}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("multiple reasoning signatures cannot be represented");
  }

  // ---- Responses output -----------------------------------------------------------------------------

  @Test
  void test_stream_session_finalizes_parallel_anthropic_tool_blocks_for_responses() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.RESPONSES);
    List<StreamChunk> out =
        push(
            session,
            "{'type':'message_start','message':{'id':'msg_par','type':'message','role':'assistant',"
                + "'model':'claude-haiku-4-5','content':[],'stop_reason':null,'usage':{'input_tokens':5,'output_tokens':0}}}",
            "{'type':'content_block_start','index':0,'content_block':{'type':'tool_use','id':'toolu_a',"
                + "'name':'get_weather','input':{}}}",
            "{'type':'content_block_delta','index':0,'delta':{'type':'input_json_delta','partial_json':'{}'}}",
            "{'type':'content_block_stop','index':0}",
            "{'type':'content_block_start','index':1,'content_block':{'type':'tool_use','id':'toolu_b',"
                + "'name':'get_time','input':{}}}",
            "{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta','partial_json':'{}'}}",
            "{'type':'content_block_stop','index':1}",
            "{'type':'message_delta','delta':{'stop_reason':'tool_use'},'usage':{'output_tokens':9}}",
            "{'type':'message_stop'}");
    out.addAll(finish(session));
    List<JsonObject> events = data(out);
    long done =
        events.stream()
            .filter(e -> "response.output_item.done".equals(str(e, "type")))
            .filter(e -> "function_call".equals(str(e, "item.type")))
            .count();
    assertThat(done).isEqualTo(2);
    JsonObject terminal = events.get(events.size() - 1);
    assertThat(str(terminal, "response.output.0.name")).isEqualTo("get_weather");
    assertThat(str(terminal, "response.output.1.name")).isEqualTo("get_time");
  }

  @Test
  void test_stream_session_emits_correlated_custom_tool_call_events_for_responses() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.RESPONSES);
    List<StreamChunk> out =
        push(
            session,
            "{'id':'resp_custom','object':'response','model':'gpt-5.6','status':'completed','output':[{"
                + "'id':'ctc_provider_123','type':'custom_tool_call','call_id':'call_exec','name':'exec',"
                + "'input':'await tools.exec_command({cmd: true});'}]}");
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
    assertThat(str(events.get(3), "input")).isEqualTo("await tools.exec_command({cmd: true});");
    assertThat(str(events.get(5), "response.output.0.id")).isEqualTo("ctc_0");
  }

  @Test
  void test_stream_session_google_text_then_tool_uses_next_responses_output_index() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.RESPONSES);
    List<StreamChunk> first =
        push(
            session,
            "{'responseId':'response_123','modelVersion':'gemini-2.5-flash','candidates':[{'index':0,'content':"
                + "{'role':'model','parts':[{'text':'thinking first','thought':true},{'text':'visible'}]}}]}");
    assertThat(types(first))
        .containsExactly(
            "response.created",
            "response.output_item.added",
            "response.reasoning_summary_text.delta",
            "response.output_item.added",
            "response.output_text.delta");
    List<StreamChunk> second =
        push(
            session,
            "{'responseId':'response_123','modelVersion':'gemini-2.5-flash','candidates':[{'index':0,'content':"
                + "{'role':'model','parts':[{'functionCall':{'name':'lookup_creator','args':{'query':'q'}}}]},"
                + "'finishReason':'STOP'}]}");
    assertThat(types(second))
        .containsExactly(
            "response.output_item.added",
            "response.function_call_arguments.delta",
            "response.output_item.done",
            "response.output_item.done",
            "response.function_call_arguments.done",
            "response.output_item.done",
            "response.completed");
    assertThat(num(data(second).get(0), "output_index")).isEqualTo(2);
    assertThat(str(data(second).get(5), "item.name")).isEqualTo("lookup_creator");
  }

  // ---- Chat Completions output ----------------------------------------------------------------------

  @Test
  void test_stream_session_can_disable_full_response_fallback() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.OPENAI, false);
    StreamChunk full =
        raw(
            "{'id':'chatcmpl-test','object':'chat.completion','created':123,'model':'gpt-4','choices':[{'index':0,"
                + "'message':{'role':'assistant','content':'Hello from a fake stream'},'finish_reason':'stop'}]}");
    List<StreamChunk> out = new ArrayList<>();
    session.push(full, out::add);
    // lingua reports UnableToDetectStreamFormat, on which the router forwards the event unchanged.
    assertThat(out).containsExactly(full);

    TranslatingStreamSession withFallback = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    List<StreamChunk> synthesized = new ArrayList<>();
    withFallback.push(full, synthesized::add);
    assertThat(types(synthesized))
        .containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop");
  }

  @Test
  void test_stream_session_finish_sse_appends_done_marker_for_openai() {
    assertThat(new String(SseFraming.done(ProviderFormat.OPENAI), StandardCharsets.US_ASCII))
        .isEqualTo("data: [DONE]\n\n");
    assertThat(finish(new TranslatingStreamSession(ProviderFormat.OPENAI))).isEmpty();
  }

  @Test
  void test_stream_session_maps_responses_output_item_indexes_to_tool_call_indexes() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.OPENAI);
    List<StreamChunk> reasoning =
        push(
            session,
            "{'type':'response.reasoning_summary_text.delta','output_index':0,'summary_index':0,"
                + "'delta':'thinking before tool'}");
    assertThat(reasoning).hasSize(1);
    assertThat(num(data(reasoning).get(0), "choices.0.index")).isEqualTo(0);
    List<StreamChunk> start =
        push(
            session,
            "{'type':'response.output_item.added','output_index':1,'item':{'type':'function_call',"
                + "'status':'in_progress','call_id':'call_lookup','name':'lookup_creator','arguments':''}}");
    assertThat(start).hasSize(1);
    assertThat(num(data(start).get(0), "choices.0.index")).isEqualTo(0);
    assertThat(num(data(start).get(0), "choices.0.delta.tool_calls.0.index")).isEqualTo(0);
    List<StreamChunk> args =
        push(
            session,
            "{'type':'response.function_call_arguments.delta','output_index':1,'delta':'{}'}");
    assertThat(num(data(args).get(0), "choices.0.index")).isEqualTo(0);
    assertThat(num(data(args).get(0), "choices.0.delta.tool_calls.0.index")).isEqualTo(0);
  }

  @Test
  void test_stream_session_converts_bedrock_tool_events_to_openai_chunks() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.OPENAI);
    List<StreamChunk> messageStart = push(session, "{'messageStart':{'role':'assistant'}}");
    assertThat(data(messageStart)).containsExactly(j("{'object':'chat.completion.chunk','choices':[]}"));
    List<StreamChunk> start =
        push(
            session,
            "{'contentBlockStart':{'contentBlockIndex':0,'start':{'toolUse':{'toolUseId':'tooluse_123',"
                + "'name':'list_campaigns','type':'tool_use'}}}}");
    assertThat(data(start))
        .containsExactly(
            j(
                "{'object':'chat.completion.chunk','choices':[{'index':0,'delta':{'role':'assistant','content':null,"
                    + "'tool_calls':[{'index':0,'id':'tooluse_123','type':'function','function':{'name':'list_campaigns',"
                    + "'arguments':''}}]},'finish_reason':null}]}"));
    List<StreamChunk> args =
        push(
            session,
            "{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'toolUse':{'input':'{\\'campaign'}}}}");
    assertThat(data(args))
        .containsExactly(
            j(
                "{'object':'chat.completion.chunk','choices':[{'index':0,'delta':{'content':null,'tool_calls':"
                    + "[{'index':0,'function':{'arguments':'{\\'campaign'}}]},'finish_reason':null}]}"));
    List<StreamChunk> stop = push(session, "{'messageStop':{'stopReason':'tool_use'}}");
    assertThat(data(stop))
        .containsExactly(
            j("{'object':'chat.completion.chunk','choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
  }

  @Test
  void test_stream_session_keeps_single_choice_index_for_bedrock_reasoning_and_text_blocks() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.OPENAI);
    List<StreamChunk> reasoning =
        push(
            session,
            "{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'text':'Thinking'}}}}");
    assertThat(num(data(reasoning).get(0), "choices.0.index")).isEqualTo(0);
    List<StreamChunk> text =
        push(session, "{'contentBlockDelta':{'contentBlockIndex':1,'delta':{'text':'Final answer'}}}");
    assertThat(num(data(text).get(0), "choices.0.index")).isEqualTo(0);
    assertThat(str(data(text).get(0), "choices.0.delta.content")).isEqualTo("Final answer");
  }

  @Test
  void test_stream_session_maps_parallel_bedrock_tool_blocks_to_sequential_openai_tool_indexes() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.OPENAI);
    String start =
        "{'contentBlockStart':{'contentBlockIndex':%d,'start':{'toolUse':{'toolUseId':'tooluse_%d','name':'t%d'}}}}";
    String args = "{'contentBlockDelta':{'contentBlockIndex':%d,'delta':{'toolUse':{'input':'{'}}}}";
    assertThat(num(data(push(session, String.format(start, 2, 2, 2))).get(0), "choices.0.delta.tool_calls.0.index"))
        .isEqualTo(0);
    assertThat(num(data(push(session, String.format(start, 4, 4, 4))).get(0), "choices.0.delta.tool_calls.0.index"))
        .isEqualTo(1);
    assertThat(num(data(push(session, String.format(args, 2))).get(0), "choices.0.delta.tool_calls.0.index"))
        .isEqualTo(0);
    assertThat(num(data(push(session, String.format(args, 4))).get(0), "choices.0.delta.tool_calls.0.index"))
        .isEqualTo(1);
  }

  @Test
  void same_format_events_pass_through_with_their_type_as_event_name() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
    StreamChunk event = raw("{'type':'content_block_delta','index':0,'delta':{'type':'text_delta','text':'x'}}");
    List<StreamChunk> out = new ArrayList<>();
    session.push(event, out::add);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).data()).isSameAs(event.data());
    assertThat(out.get(0).eventType()).contains("content_block_delta");
  }
}
