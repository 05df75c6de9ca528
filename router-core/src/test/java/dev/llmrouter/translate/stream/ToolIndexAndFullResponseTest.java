package dev.llmrouter.translate.stream;

import static dev.llmrouter.translate.stream.StreamFixtures.j;
import static dev.llmrouter.translate.stream.StreamFixtures.uni;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tool-call index renumbering for Responses and Bedrock sources (lingua's
 * {@code test_stream_session_maps_*} tests, on universal chunks) and the full-response fallback
 * ({@code response_to_stream_chunk}).
 */
class ToolIndexAndFullResponseTest {

  private static int toolIndex(UniversalStreamChunk chunk) {
    return chunk.choices().get(0).deltaView().orElseThrow().toolCalls().get(0).index().orElseThrow();
  }

  private static JsonValue delta(UniversalStreamChunk chunk) {
    return chunk.choices().get(0).delta().orElseThrow();
  }

  @Test
  void test_stream_session_maps_responses_output_item_indexes_to_tool_call_indexes() {
    ToolIndexRemapper remapper = new ToolIndexRemapper();
    UniversalStreamChunk reasoning =
        uni("{'choices':[{'index':0,'delta':{'role':'assistant','reasoning':[{'content':'thinking'}]}}]}");
    assertThat(remapper.remap(reasoning)).isSameAs(reasoning);
    UniversalStreamChunk start =
        remapper.remap(
            uni(
                "{'choices':[{'index':0,'delta':{'role':'assistant','content':null,'tool_calls':[{'index':1,"
                    + "'id':'call_lookup','type':'function','function':{'name':'lookup_creator','arguments':''}}]}}]}"));
    assertThat(toolIndex(start)).isZero();
    assertThat(start.choices().get(0).index()).isZero();
    UniversalStreamChunk args =
        remapper.remap(uni("{'choices':[{'index':0,'delta':{'tool_calls':[{'index':1,'function':{'arguments':'{}'}}]}}]}"));
    assertThat(toolIndex(args)).isZero();
  }

  @Test
  void test_stream_session_maps_bedrock_tool_block_to_sequential_openai_tool_index() {
    ToolIndexRemapper remapper = new ToolIndexRemapper();
    UniversalStreamChunk start =
        remapper.remap(
            uni(
                "{'choices':[{'index':0,'delta':{'role':'assistant','tool_calls':[{'index':1,'id':'tooluse_123',"
                    + "'type':'function','function':{'name':'list_campaigns','arguments':''}}]}}]}"));
    assertThat(toolIndex(start)).isZero();
    // Re-serialized from the typed view, like lingua: content is null next to tool calls.
    assertThat(delta(start))
        .isEqualTo(
            j(
                "{'role':'assistant','content':null,'tool_calls':[{'index':0,'id':'tooluse_123','type':'function',"
                    + "'function':{'name':'list_campaigns','arguments':''}}]}"));
    UniversalStreamChunk args =
        remapper.remap(
            uni("{'choices':[{'index':0,'delta':{'tool_calls':[{'index':1,'function':{'arguments':'{\\'c'}}]}}]}"));
    assertThat(toolIndex(args)).isZero();
    assertThat(delta(args))
        .isEqualTo(j("{'content':null,'tool_calls':[{'index':0,'function':{'arguments':'{\\'c'}}]}"));
  }

  @Test
  void test_stream_session_maps_parallel_bedrock_tool_blocks_to_sequential_openai_tool_indexes() {
    ToolIndexRemapper remapper = new ToolIndexRemapper();
    String start = "{'choices':[{'index':0,'delta':{'tool_calls':[{'index':%d,'id':'t%d','function':{'name':'f'}}]}}]}";
    String args = "{'choices':[{'index':0,'delta':{'tool_calls':[{'index':%d,'function':{'arguments':'x'}}]}}]}";
    assertThat(toolIndex(remapper.remap(uni(String.format(start, 2, 2))))).isEqualTo(0);
    assertThat(toolIndex(remapper.remap(uni(String.format(start, 4, 4))))).isEqualTo(1);
    assertThat(toolIndex(remapper.remap(uni(String.format(args, 2))))).isEqualTo(0);
    assertThat(toolIndex(remapper.remap(uni(String.format(args, 4))))).isEqualTo(1);
    // A finishing chunk resets the mapping for the next turn.
    remapper.remap(uni("{'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
    assertThat(toolIndex(remapper.remap(uni(String.format(start, 4, 5))))).isEqualTo(0);
  }

  @Test
  void test_stream_session_keeps_single_choice_index_for_bedrock_reasoning_and_text_blocks() {
    ToolIndexRemapper remapper = new ToolIndexRemapper();
    UniversalStreamChunk text = uni("{'choices':[{'index':0,'delta':{'role':'assistant','content':'Final answer'}}]}");
    assertThat(remapper.remap(text)).isSameAs(text);
  }

  @Test
  void chat_full_response_keeps_one_choice_per_message() {
    UniversalResponse response =
        UniversalResponse.builder()
            .id("chatcmpl-1")
            .model("gpt-4")
            .messages(List.of(Message.assistant("one"), Message.assistant("two")))
            .finishReason(FinishReason.STOP)
            .build();
    UniversalStreamChunk chunk = FullResponseStream.toStreamChunk(response, ProviderFormat.OPENAI);
    assertThat(chunk.choices()).hasSize(2);
    assertThat(chunk.choices().get(1).index()).isEqualTo(1);
    assertThat(chunk.choices().get(1).delta().orElseThrow()).isEqualTo(j("{'role':'assistant','content':'two'}"));
    assertThat(chunk.choices().get(1).finishReason()).contains("stop");
    assertThat(chunk.id()).contains("chatcmpl-1");
  }

  @Test
  void other_full_responses_merge_output_items_into_one_choice() {
    UniversalResponse response =
        UniversalResponse.builder()
            .messages(
                List.of(
                    Message.assistant(List.of(ReasoningPart.of("think", "sig"))),
                    Message.assistant(
                        List.of(
                            TextPart.of("a"),
                            ToolCallPart.of("c1", "f", new ToolArguments.Invalid("{x")),
                            TextPart.of("b"))),
                    Message.assistant(List.of(ToolCallPart.of("c2", "g", new ToolArguments.Custom("raw"))))))
            .finishReason(FinishReason.TOOL_CALLS)
            .build();
    UniversalStreamChunk chunk = FullResponseStream.toStreamChunk(response, ProviderFormat.RESPONSES);
    assertThat(chunk.choices()).hasSize(1);
    StreamDelta delta = chunk.choices().get(0).deltaView().orElseThrow();
    assertThat(delta.content()).contains("ab");
    assertThat(delta.reasoning()).hasSize(1);
    assertThat(delta.reasoningSignature().orElseThrow().values()).containsExactly("sig");
    assertThat(delta.toolCalls()).hasSize(2);
    assertThat(delta.toolCalls().get(1).index()).contains(1);
    assertThat(delta.toolCalls().get(1).customToolCall()).contains(true);
    assertThat(delta.toolCalls().get(0).customToolCall()).isEmpty();
    assertThat(delta.toolCalls().get(0).function().orElseThrow().arguments()).contains("{x");
    assertThat(chunk.choices().get(0).finishReason()).contains("tool_calls");
  }

  @Test
  void full_response_without_assistant_messages_has_no_choices() {
    UniversalResponse response = UniversalResponse.builder().id("x").build();
    assertThat(FullResponseStream.toStreamChunk(response, ProviderFormat.GOOGLE).choices()).isEmpty();
  }

  @Test
  void signatures_on_both_reasoning_and_tool_calls_are_rejected() {
    Message message =
        Message.assistant(
            List.of(
                ReasoningPart.of("t", "sig1"),
                ToolCallPart.builder()
                    .toolCallId("c")
                    .toolName("f")
                    .arguments(new ToolArguments.Valid(j("{}")))
                    .encryptedContent("sig2")
                    .build()));
    assertThatThrownBy(() -> FullResponseStream.toDelta(message))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("both reasoning and tool-call parts");
  }
}
