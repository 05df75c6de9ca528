package dev.llmrouter.translate.stream;

import static dev.llmrouter.translate.stream.StreamFixtures.chat;
import static dev.llmrouter.translate.stream.StreamFixtures.data;
import static dev.llmrouter.translate.stream.StreamFixtures.j;
import static dev.llmrouter.translate.stream.StreamFixtures.num;
import static dev.llmrouter.translate.stream.StreamFixtures.str;
import static dev.llmrouter.translate.stream.StreamFixtures.types;
import static dev.llmrouter.translate.stream.StreamFixtures.uni;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic target's framing (ports of lingua's processing/stream.rs {@code test_stream_session_*}
 * tests for Anthropic output). The sources' events are given as the universal chunks their codecs produce,
 * so the session logic is tested on its own.
 */
class AnthropicStreamSessionTest {

  private final TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.ANTHROPIC);
  private final AnthropicStreamState state = new AnthropicStreamState();

  private List<StreamChunk> push(UniversalStreamChunk chunk, ProviderFormat source) {
    List<StreamChunk> out = new ArrayList<>();
    session.pushUniversal(chunk, source, true, out::add);
    return out;
  }

  private List<StreamChunk> pushChat(String json) {
    return push(chat(json), ProviderFormat.OPENAI);
  }

  private List<StreamChunk> finish() {
    List<StreamChunk> out = new ArrayList<>();
    session.finish(out::add);
    return out;
  }

  private List<OutEvent> process(String json) {
    JsonObject data = j(json);
    List<OutEvent> out = new ArrayList<>();
    state.process(OutEvent.of(data), out::add);
    return out;
  }

  private static List<String> names(List<OutEvent> events) {
    List<String> out = new ArrayList<>();
    for (OutEvent e : events) {
      out.add(e.type());
    }
    return out;
  }

  // ---- process_anthropic_chunk ---------------------------------------------------------------------

  @Test
  void test_anthropic_content_block_start_requires_typed_index() {
    assertThatThrownBy(() -> process("{'type':'content_block_start','content_block':{'type':'text','text':''}}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("Anthropic content_block_start")
        .hasMessageContaining("missing field `index`");
  }

  @Test
  void test_stream_session_preserves_new_same_kind_anthropic_block_index() {
    List<OutEvent> first =
        process(
            "{'type':'content_block_start','index':0,'content_block':{'type':'tool_use','id':'toolu_1','name':'lookup','input':{}}}");
    assertThat(names(first)).containsExactly("content_block_start");

    List<OutEvent> second =
        process(
            "{'type':'content_block_start','index':1,'content_block':{'type':'tool_use','id':'toolu_2','name':'lookup','input':{}}}");
    assertThat(names(second)).containsExactly("content_block_stop", "content_block_start");
    assertThat(num(second.get(0).data(), "index")).isEqualTo(0);
    assertThat(num(second.get(1).data(), "index")).isEqualTo(1);
    assertThat(str(second.get(1).data(), "content_block.type")).isEqualTo("tool_use");

    List<OutEvent> arguments =
        process(
            "{'type':'content_block_delta','index':0,'delta':{'type':'input_json_delta','partial_json':'{}'}}");
    assertThat(names(arguments)).containsExactly("content_block_delta");
    assertThat(num(arguments.get(0).data(), "index")).isEqualTo(0);
    assertThat(str(arguments.get(0).data(), "delta.type")).isEqualTo("input_json_delta");
  }

  @Test
  void test_stream_session_allocates_unique_same_kind_tool_start_after_remap() {
    assertThat(names(process("{'type':'content_block_start','index':0,'content_block':{'type':'thinking','thinking':''}}")))
        .containsExactly("content_block_start");

    List<OutEvent> firstTool =
        process(
            "{'type':'content_block_start','index':0,'content_block':{'type':'tool_use','id':'toolu_1','name':'lookup','input':{}}}");
    assertThat(names(firstTool)).containsExactly("content_block_stop", "content_block_start");
    assertThat(num(firstTool.get(0).data(), "index")).isEqualTo(0);
    assertThat(num(firstTool.get(1).data(), "index")).isEqualTo(1);

    List<OutEvent> secondTool =
        process(
            "{'type':'content_block_start','index':1,'content_block':{'type':'tool_use','id':'toolu_2','name':'lookup','input':{}}}");
    assertThat(names(secondTool)).containsExactly("content_block_stop", "content_block_start");
    assertThat(num(secondTool.get(0).data(), "index")).isEqualTo(1);
    assertThat(num(secondTool.get(1).data(), "index")).isEqualTo(2);

    List<OutEvent> firstArgs =
        process(
            "{'type':'content_block_delta','index':0,'delta':{'type':'input_json_delta','partial_json':'{}'}}");
    assertThat(num(firstArgs.get(0).data(), "index")).isEqualTo(1);
    List<OutEvent> secondArgs =
        process(
            "{'type':'content_block_delta','index':1,'delta':{'type':'input_json_delta','partial_json':'{}'}}");
    assertThat(num(secondArgs.get(0).data(), "index")).isEqualTo(2);
  }

  // ---- Chat Completions sources ---------------------------------------------------------------------

  @Test
  void test_stream_session_merges_anthropic_finish_and_usage_deltas() {
    List<StreamChunk> start =
        pushChat(
            "{'id':'chatcmpl-123','object':'chat.completion.chunk','created':123,'model':'gpt-4',"
                + "'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}");
    assertThat(types(start)).containsExactly("message_start");

    List<StreamChunk> out =
        pushChat(
            "{'id':'chatcmpl-123','object':'chat.completion.chunk','created':123,'model':'gpt-4','choices':[],"
                + "'usage':{'prompt_tokens':10,'completion_tokens':42,'total_tokens':52}}");
    assertThat(types(out)).containsExactly("message_delta", "message_stop");
    JsonObject merged = data(out).get(0);
    assertThat(str(merged, "delta.stop_reason")).isEqualTo("end_turn");
    assertThat(num(merged, "usage.output_tokens")).isEqualTo(42);
    assertThat(finish()).isEmpty();
  }

  @Test
  void test_stream_session_flushes_buffered_anthropic_events_on_finish() {
    List<StreamChunk> start =
        pushChat(
            "{'id':'chatcmpl-123','object':'chat.completion.chunk','created':123,'model':'gpt-4',"
                + "'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}");
    assertThat(types(start)).containsExactly("message_start");
    assertThat(types(finish())).containsExactly("message_delta", "message_stop");
    assertThat(finish()).isEmpty();
  }

  @Test
  void test_stream_session_expands_multi_event_transform_output() {
    List<StreamChunk> out =
        pushChat(
            "{'id':'chatcmpl-123','object':'chat.completion.chunk','created':123,'model':'gpt-4',"
                + "'choices':[{'index':0,'delta':{'role':'assistant','content':''},'finish_reason':null}]}");
    assertThat(types(out)).containsExactly("message_start");
    JsonObject start = data(out).get(0);
    assertThat(str(start, "message.id")).isEqualTo("chatcmpl-123");
    assertThat(str(start, "message.model")).isEqualTo("gpt-4");
    assertThat(num(start, "message.usage.input_tokens")).isEqualTo(0);
  }

  @Test
  void test_stream_session_tool_call_continuations_do_not_repeat_message_start() {
    List<StreamChunk> first =
        pushChat(
            "{'id':'chatcmpl-123','model':'gpt-4','choices':[{'index':0,'delta':{'role':'assistant','tool_calls':"
                + "[{'index':0,'id':'call_123','type':'function','function':{'name':'get_weather','arguments':''}}]},"
                + "'finish_reason':null}]}");
    assertThat(types(first)).containsExactly("message_start", "content_block_start");

    List<StreamChunk> second =
        pushChat(
            "{'id':'chatcmpl-123','model':'gpt-4','choices':[{'index':0,'delta':{'tool_calls':"
                + "[{'index':0,'function':{'arguments':'{'}}]},'finish_reason':null}]}");
    assertThat(types(second)).containsExactly("content_block_delta");
  }

  @Test
  void test_stream_session_openai_text_then_tool_call_emits_anthropic_framing() {
    List<StreamChunk> events = new ArrayList<>();
    String head = "{'id':'chatcmpl-glm','object':'chat.completion.chunk','model':'zai-org/GLM-5.2',";
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{'role':'assistant','content':'Sure'},'finish_reason':null}]}"));
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{'content':'! Let me check the weather.'},'finish_reason':null}]}"));
    events.addAll(
        pushChat(
            head + "'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'id':'chatcmpl-tool-abc','type':'function',"
                + "'function':{'name':'get_weather','arguments':''}}]},'finish_reason':null}]}"));
    events.addAll(
        pushChat(
            head + "'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'function':{'arguments':'{\\'city\\': 1}'}}]},"
                + "'finish_reason':null}]}"));
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
    events.addAll(pushChat(head + "'choices':[],'usage':{'prompt_tokens':10,'completion_tokens':20,'total_tokens':30}}"));
    events.addAll(finish());

    assertThat(types(events))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    List<JsonObject> parsed = data(events);
    assertThat(num(parsed.get(1), "index")).isEqualTo(0);
    assertThat(str(parsed.get(1), "content_block.type")).isEqualTo("text");
    assertThat(num(parsed.get(2), "index")).isEqualTo(0);
    assertThat(str(parsed.get(2), "delta.text")).isEqualTo("Sure");
    assertThat(num(parsed.get(3), "index")).isEqualTo(0);
    assertThat(num(parsed.get(4), "index")).isEqualTo(0);
    assertThat(num(parsed.get(5), "index")).isEqualTo(1);
    assertThat(str(parsed.get(5), "content_block.type")).isEqualTo("tool_use");
    assertThat(str(parsed.get(5), "content_block.name")).isEqualTo("get_weather");
    assertThat(num(parsed.get(6), "index")).isEqualTo(1);
    assertThat(str(parsed.get(6), "delta.type")).isEqualTo("input_json_delta");
    assertThat(str(parsed.get(6), "delta.partial_json")).isEqualTo("{\"city\": 1}");
    assertThat(num(parsed.get(7), "index")).isEqualTo(1);
    assertThat(str(parsed.get(8), "delta.stop_reason")).isEqualTo("tool_use");
    assertThat(num(parsed.get(8), "usage.output_tokens")).isEqualTo(20);
  }

  @Test
  void test_stream_session_openai_clean_text_then_tool_call_emits_anthropic_framing() {
    List<StreamChunk> events = new ArrayList<>();
    String head = "{'id':'chatcmpl-oai','object':'chat.completion.chunk','model':'gpt-5-nano',";
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{'role':'assistant','content':''},'finish_reason':null}]}"));
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{'content':'Sure'},'finish_reason':null}]}"));
    events.addAll(
        pushChat(
            head + "'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'id':'call_abc','type':'function',"
                + "'function':{'name':'get_weather','arguments':''}}]},'finish_reason':null}]}"));
    events.addAll(
        pushChat(
            head + "'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'function':{'arguments':'{}'}}]},"
                + "'finish_reason':null}]}"));
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
    events.addAll(pushChat(head + "'choices':[],'usage':{'prompt_tokens':10,'completion_tokens':20,'total_tokens':30}}"));
    events.addAll(finish());

    assertThat(types(events))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
  }

  @Test
  void test_stream_session_glm_bundled_tool_call_streams_all_arguments() {
    List<StreamChunk> events = new ArrayList<>();
    String head = "{'id':'chatcmpl-glm','object':'chat.completion.chunk','model':'zai-org/GLM-5.2',";
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{'role':'assistant','content':'I'},'finish_reason':null}]}"));
    events.addAll(
        pushChat(
            head + "'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'id':'chatcmpl-tool-abc','type':'function',"
                + "'function':{'name':'get_weather','arguments':'{'}}]},'finish_reason':null}]}"));
    events.addAll(
        pushChat(
            head + "'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'id':'chatcmpl-tool-abc',"
                + "'function':{'arguments':'\\'location\\': \\'San Francisco\\''}}]},'finish_reason':null}]}"));
    events.addAll(
        pushChat(
            head + "'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'function':{'arguments':'}'}}]},"
                + "'finish_reason':'tool_calls'}]}"));
    events.addAll(pushChat(head + "'choices':[],'usage':{'prompt_tokens':10,'completion_tokens':20,'total_tokens':30}}"));
    events.addAll(finish());

    assertThat(types(events))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    List<JsonObject> parsed = data(events);
    int toolStarts = 0;
    StringBuilder partialJson = new StringBuilder();
    for (JsonObject e : parsed) {
      if ("content_block_start".equals(str(e, "type")) && "tool_use".equals(str(e, "content_block.type"))) {
        toolStarts++;
        assertThat(num(e, "index")).isEqualTo(1);
        assertThat(str(e, "content_block.name")).isEqualTo("get_weather");
      }
      if ("input_json_delta".equals(str(e, "delta.type"))) {
        assertThat(num(e, "index")).isEqualTo(1);
        partialJson.append(str(e, "delta.partial_json"));
      }
    }
    assertThat(toolStarts).isEqualTo(1);
    assertThat(partialJson.toString()).isEqualTo("{\"location\": \"San Francisco\"}");
  }

  @Test
  void test_stream_session_bundled_text_and_tool_call_preserves_text() {
    List<StreamChunk> events = new ArrayList<>();
    String head = "{'id':'chatcmpl-glm','object':'chat.completion.chunk','model':'zai-org/GLM-5.2',";
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{'role':'assistant','content':'Sure'},'finish_reason':null}]}"));
    events.addAll(
        pushChat(
            head + "'choices':[{'index':0,'delta':{'content':'.','tool_calls':[{'index':0,'id':'chatcmpl-tool-abc',"
                + "'type':'function','function':{'name':'get_weather','arguments':'{}'}}]},'finish_reason':null}]}"));
    events.addAll(pushChat(head + "'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
    events.addAll(pushChat(head + "'choices':[],'usage':{'prompt_tokens':10,'completion_tokens':20,'total_tokens':30}}"));
    events.addAll(finish());

    StringBuilder text = new StringBuilder();
    StringBuilder partialJson = new StringBuilder();
    String toolName = null;
    for (JsonObject e : data(events)) {
      if ("text_delta".equals(str(e, "delta.type"))) {
        assertThat(num(e, "index")).isEqualTo(0);
        text.append(str(e, "delta.text"));
      }
      if ("input_json_delta".equals(str(e, "delta.type"))) {
        partialJson.append(str(e, "delta.partial_json"));
      }
      if ("tool_use".equals(str(e, "content_block.type"))) {
        toolName = str(e, "content_block.name");
      }
    }
    assertThat(text.toString()).isEqualTo("Sure.");
    assertThat(toolName).isEqualTo("get_weather");
    assertThat(partialJson.toString()).isEqualTo("{}");
    assertBalanced(events);
  }

  // ---- Responses sources (as the Responses codec reads its events) ----------------------------------

  @Test
  void test_stream_session_responses_tool_call_after_metadata_does_not_repeat_message_start() {
    ProviderFormat responses = ProviderFormat.RESPONSES;
    assertThat(
            types(
                push(
                    uni(
                        "{'id':'resp_123','model':'gpt-5.5','usage':{'input_tokens':0,'output_tokens':0},"
                            + "'choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}",
                        responses),
                    responses)))
        .containsExactly("message_start");
    assertThat(
            push(
                uni(
                    "{'id':'resp_123','model':'gpt-5.5','choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}",
                    responses),
                responses))
        .isEmpty();
    List<StreamChunk> third =
        push(
            uni(
                "{'choices':[{'index':0,'delta':{'role':'assistant','content':null,'tool_calls':[{'index':1,"
                    + "'id':'call_123','type':'function','function':{'name':'mcp__list','arguments':''}}]}}]}",
                responses),
            responses);
    assertThat(types(third)).containsExactly("content_block_start");
    assertThat(str(data(third).get(0), "content_block.type")).isEqualTo("tool_use");
    assertThat(num(data(third).get(0), "index")).isEqualTo(0);

    List<StreamChunk> fourth =
        push(
            uni(
                "{'id':'resp_123','model':'gpt-5.5','usage':{'input_tokens':10,'output_tokens':20},"
                    + "'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}",
                responses),
            responses);
    assertThat(types(fourth)).containsExactly("content_block_stop");

    List<StreamChunk> last = finish();
    assertThat(types(last)).containsExactly("message_delta", "message_stop");
    assertThat(str(data(last).get(0), "delta.stop_reason")).isEqualTo("tool_use");
  }

  @Test
  void test_stream_session_responses_reasoning_after_metadata_starts_thinking_block() {
    ProviderFormat responses = ProviderFormat.RESPONSES;
    assertThat(
            types(
                push(
                    uni(
                        "{'id':'resp_123','model':'gpt-5.5','usage':{'input_tokens':0,'output_tokens':0},"
                            + "'choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}",
                        responses),
                    responses)))
        .containsExactly("message_start");
    List<StreamChunk> second =
        push(
            uni(
                "{'choices':[{'index':0,'delta':{'role':'assistant','reasoning':[{'content':'thinking after metadata'}]}}]}",
                responses),
            responses);
    assertThat(types(second)).containsExactly("content_block_start", "content_block_delta");
    assertThat(str(data(second).get(0), "content_block.type")).isEqualTo("thinking");
    assertThat(num(data(second).get(0), "index")).isEqualTo(0);
    assertThat(num(data(second).get(1), "index")).isEqualTo(0);
    assertThat(str(data(second).get(1), "delta.thinking")).isEqualTo("thinking after metadata");
  }

  // ---- Google sources (as the Google codec reads its chunks) ----------------------------------------

  private List<StreamChunk> pushGoogle(String json) {
    return push(uni(json, ProviderFormat.GOOGLE), ProviderFormat.GOOGLE);
  }

  @Test
  void test_stream_session_google_thought_after_metadata_starts_thinking_block() {
    assertThat(
            types(
                pushGoogle(
                    "{'id':'response_123','model':'gemini-2.5-flash','usage':{'promptTokenCount':1,'totalTokenCount':1},"
                        + "'choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}")))
        .containsExactly("message_start");
    List<StreamChunk> second =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'','reasoning':[{'content':'thinking after metadata'}]}}]}");
    assertThat(types(second)).containsExactly("content_block_start", "content_block_delta");
    assertThat(str(data(second).get(0), "content_block.type")).isEqualTo("thinking");
    assertThat(num(data(second).get(0), "index")).isEqualTo(0);
    assertThat(str(data(second).get(1), "delta.thinking")).isEqualTo("thinking after metadata");
  }

  @Test
  void test_stream_session_google_final_text_chunk_opens_anthropic_message() {
    List<StreamChunk> out =
        pushGoogle(
            "{'id':'response_123','model':'gemini-3.5-flash','usage':{'promptTokenCount':10,'candidatesTokenCount':5,"
                + "'totalTokenCount':15},'choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'There are 100 projects.'},'finish_reason':'stop'}]}");
    assertThat(types(out))
        .containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop");
    List<StreamChunk> last = finish();
    assertThat(types(last)).containsExactly("message_delta", "message_stop");
    assertThat(str(data(last).get(0), "delta.stop_reason")).isEqualTo("end_turn");
  }

  @Test
  void test_stream_session_google_thought_only_chunks_are_anthropic_thinking_deltas() {
    List<StreamChunk> first =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','usage':{'promptTokenCount':1,'thoughtsTokenCount':2,"
                + "'totalTokenCount':3},'choices':[{'index':0,'delta':{'role':'assistant','content':'',"
                + "'reasoning':[{'content':'thinking before visible text'}]}}]}");
    assertThat(types(first)).containsExactly("message_start", "content_block_start", "content_block_delta");
    assertThat(str(data(first).get(2), "delta.thinking")).isEqualTo("thinking before visible text");

    List<StreamChunk> second =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','usage':{'promptTokenCount':1,'thoughtsTokenCount':4,"
                + "'totalTokenCount':5},'choices':[{'index':0,'delta':{'role':'assistant','content':'',"
                + "'reasoning':[{'content':'later thinking'}]}}]}");
    assertThat(types(second)).containsExactly("content_block_delta");
    assertThat(str(data(second).get(0), "delta.thinking")).isEqualTo("later thinking");

    List<StreamChunk> third =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'The visible answer.','reasoning_signature':'sig_on_text_part'}}]}");
    assertThat(types(third))
        .containsExactly("content_block_delta", "content_block_stop", "content_block_start", "content_block_delta");
    List<JsonObject> parsed = data(third);
    assertThat(num(parsed.get(0), "index")).isEqualTo(0);
    assertThat(str(parsed.get(0), "delta.signature")).isEqualTo("sig_on_text_part");
    assertThat(str(parsed.get(2), "content_block.type")).isEqualTo("text");
    assertThat(num(parsed.get(2), "index")).isEqualTo(1);
    assertThat(num(parsed.get(3), "index")).isEqualTo(1);
    assertThat(str(parsed.get(3), "delta.text")).isEqualTo("The visible answer.");
  }

  @Test
  void test_stream_session_google_nonzero_candidate_thinking_starts_matching_block() {
    List<StreamChunk> out =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':1,'delta':{'role':'assistant',"
                + "'content':'','reasoning':[{'content':'candidate one thinking'}]}}]}");
    assertThat(types(out)).containsExactly("message_start", "content_block_start", "content_block_delta");
    assertThat(str(data(out).get(1), "content_block.type")).isEqualTo("thinking");
    assertThat(num(data(out).get(1), "index")).isEqualTo(1);
    assertThat(num(data(out).get(2), "index")).isEqualTo(1);
    assertThat(str(data(out).get(2), "delta.thinking")).isEqualTo("candidate one thinking");
  }

  @Test
  void test_stream_session_google_mixed_thought_and_text_chunk_preserves_both_blocks() {
    List<StreamChunk> out =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','usage':{'promptTokenCount':1,'candidatesTokenCount':4,"
                + "'thoughtsTokenCount':2,'totalTokenCount':7},'choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'visible','reasoning':[{'content':'thinking in the same candidate'}]},"
                + "'finish_reason':'stop'}]}");
    assertThat(types(out))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta",
            "content_block_stop");
    List<JsonObject> parsed = data(out);
    assertThat(num(parsed.get(4), "index")).isEqualTo(1);
    assertThat(str(parsed.get(4), "content_block.type")).isEqualTo("text");
    assertThat(num(parsed.get(5), "index")).isEqualTo(1);
    assertThat(str(parsed.get(5), "delta.text")).isEqualTo("visible");
    assertThat(num(parsed.get(6), "index")).isEqualTo(1);
    assertThat(types(finish())).containsExactly("message_delta", "message_stop");
  }

  @Test
  void test_stream_session_google_mixed_thought_and_tool_call_preserves_tool_use() {
    List<StreamChunk> out =
        pushGoogle(
            "{'id':'response_123','model':'gemini-2.5-flash','choices':[{'index':0,'delta':{'role':'assistant',"
                + "'content':'','tool_calls':[{'index':0,'id':'call_response_123_0','type':'function',"
                + "'function':{'name':'lookup_creator','arguments':'{}'}}],"
                + "'reasoning':[{'content':'thinking before the tool'}],'reasoning_signature':'sig_abc123'}}]}");
    assertThat(types(out))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "content_block_start",
            "content_block_delta");
    List<JsonObject> parsed = data(out);
    assertThat(num(parsed.get(3), "index")).isEqualTo(0);
    assertThat(str(parsed.get(3), "delta.signature")).isEqualTo("sig_abc123");
    assertThat(num(parsed.get(5), "index")).isEqualTo(1);
    assertThat(str(parsed.get(5), "content_block.type")).isEqualTo("tool_use");
    assertThat(num(parsed.get(6), "index")).isEqualTo(1);
    assertThat(str(parsed.get(6), "delta.type")).isEqualTo("input_json_delta");
  }

  // ---- Complete responses pushed into the session ---------------------------------------------------

  @Test
  void test_stream_session_expands_full_anthropic_response_for_anthropic_target() {
    UniversalResponse response =
        UniversalResponse.builder()
            .id("msg_test")
            .idFormat(ProviderFormat.ANTHROPIC)
            .model("claude-haiku-4-5")
            .messages(List.of(Message.assistant(List.of(TextPart.of("Hello from Vertex")))))
            .finishReason(FinishReason.STOP)
            .usage(UniversalUsage.fromProviderValue(j("{'input_tokens':8,'output_tokens':4}"), ProviderFormat.ANTHROPIC))
            .build();
    List<StreamChunk> out = new ArrayList<>();
    session.pushUniversal(
        FullResponseStream.toStreamChunk(response, ProviderFormat.ANTHROPIC), ProviderFormat.ANTHROPIC, false, out::add);
    session.finish(out::add);
    assertThat(types(out))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    assertThat(str(data(out).get(2), "delta.text")).isEqualTo("Hello from Vertex");
    assertThat(num(data(out).get(0), "message.usage.input_tokens")).isEqualTo(8);
  }

  @Test
  void test_stream_session_rejects_full_response_with_multiple_reasoning_signatures_for_anthropic() {
    UniversalResponse response =
        UniversalResponse.builder()
            .id("resp_test")
            .model("gpt-5.6-luna")
            .messages(
                List.of(
                    Message.assistant(List.of(ReasoningPart.of("", "signature_one"))),
                    Message.assistant(List.of(ReasoningPart.of("", "signature_two"))),
                    Message.assistant(List.of(TextPart.of("Hello")))))
            .finishReason(FinishReason.STOP)
            .build();
    UniversalStreamChunk chunk = FullResponseStream.toStreamChunk(response, ProviderFormat.RESPONSES);
    assertThatThrownBy(() -> session.pushUniversal(chunk, ProviderFormat.RESPONSES, false, c -> {}))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("multiple reasoning signatures cannot be represented");
  }

  // ---- Protocol invariants --------------------------------------------------------------------------

  @Test
  void keep_alive_becomes_ping_and_opens_the_message_like_any_first_event() {
    List<StreamChunk> out = push(UniversalStreamChunk.keepAliveChunk(), ProviderFormat.OPENAI);
    assertThat(types(out)).containsExactly("message_start", "ping");
    assertThat(str(data(out).get(1), "type")).isEqualTo("ping");
    assertThat(types(push(UniversalStreamChunk.keepAliveChunk(), ProviderFormat.OPENAI))).containsExactly("ping");
  }

  @Test
  void message_start_always_has_usage_and_is_emitted_once() {
    List<StreamChunk> out = new ArrayList<>();
    out.addAll(pushChat("{'id':'c1','model':'m','choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}"));
    out.addAll(pushChat("{'id':'c1','model':'m','choices':[{'index':0,'delta':{'role':'assistant','content':''}}]}"));
    out.addAll(pushChat("{'id':'c1','model':'m','choices':[{'index':0,'delta':{'content':'Hi'}}]}"));
    out.addAll(pushChat("{'id':'c1','model':'m','choices':[{'index':0,'delta':{},'finish_reason':'length'}]}"));
    out.addAll(finish());
    assertThat(types(out))
        .containsExactly(
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    assertThat(num(data(out).get(0), "message.usage.output_tokens")).isEqualTo(0);
    assertThat(str(data(out).get(4), "delta.stop_reason")).isEqualTo("max_tokens");
    assertThat(num(data(out).get(4), "usage.output_tokens")).isEqualTo(0);
    assertBalanced(out);
  }

  @Test
  void session_message_start_uses_placeholders_when_source_has_no_metadata() {
    List<StreamChunk> out = pushChat("{'choices':[{'index':0,'delta':{'content':'Hi'}}]}");
    assertThat(types(out)).containsExactly("message_start", "content_block_start", "content_block_delta");
    assertThat(str(data(out).get(0), "message.id")).isEqualTo("msg_placeholder_id");
    assertThat(str(data(out).get(0), "message.model")).isEqualTo("claude-3-5-sonnet");
  }

  @Test
  void bedrock_and_vertex_anthropic_targets_get_stateless_events() {
    TranslatingStreamSession bedrock = new TranslatingStreamSession(ProviderFormat.BEDROCK_ANTHROPIC);
    List<StreamChunk> out = new ArrayList<>();
    bedrock.pushUniversal(
        chat(
            "{'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'function':{'arguments':'}'}}]},"
                + "'finish_reason':'tool_calls'}]}"),
        ProviderFormat.OPENAI,
        true,
        out::add);
    assertThat(types(out)).containsExactly("content_block_delta", "message_delta");
    assertThat(str(data(out).get(1), "delta.stop_reason")).isEqualTo("tool_use");
    assertThat(num(data(out).get(1), "usage.output_tokens")).isEqualTo(0);
  }

  private static void assertBalanced(List<StreamChunk> events) {
    java.util.Set<Long> open = new java.util.HashSet<>();
    for (JsonObject e : data(events)) {
      String type = str(e, "type");
      if ("content_block_start".equals(type)) {
        assertThat(open.add(num(e, "index"))).as("start of an open block: %s", e).isTrue();
      } else if ("content_block_stop".equals(type)) {
        assertThat(open.remove(num(e, "index"))).as("stop of a closed block: %s", e).isTrue();
      }
    }
    assertThat(open).isEmpty();
  }
}
