package dev.llmrouter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.testing.EventSequences.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream readers the router tests rely on must reject streams that break the protocols. */
class EventSequencesTest {

  private static StreamChunk ev(String type, String fields) {
    return NativeReplies.anthropicEvent(type, fields);
  }

  private static StreamChunk start(int index, String block) {
    return ev("content_block_start", "\"index\":" + index + ",\"content_block\":" + block);
  }

  private static StreamChunk text(int index, String text) {
    return ev("content_block_delta", "\"index\":" + index + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}");
  }

  private static StreamChunk stop(int index) {
    return ev("content_block_stop", "\"index\":" + index);
  }

  private static final StreamChunk DELTA = ev("message_delta", "\"delta\":{\"stop_reason\":\"end_turn\"}");
  private static final StreamChunk STOP = ev("message_stop", "");

  private static List<StreamChunk> message(StreamChunk... middle) {
    List<StreamChunk> out = new ArrayList<>();
    out.add(NativeReplies.anthropicMessageStart("m"));
    out.addAll(List.of(middle));
    out.add(DELTA);
    out.add(STOP);
    return out;
  }

  @Test
  void a_well_formed_anthropic_stream_passes_and_its_text_and_tools_are_read() {
    List<StreamChunk> events =
        message(
            start(0, "{\"type\":\"text\",\"text\":\"\"}"), text(0, "Hel"), ev("ping", ""), text(0, "lo"), stop(0),
            start(1, "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"f\",\"input\":{}}"),
            ev("content_block_delta", "\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}"),
            stop(1));

    assertThatCode(() -> EventSequences.assertWellFormedAnthropic(events)).doesNotThrowAnyException();
    assertThat(EventSequences.anthropicText(events)).isEqualTo("Hello");
    assertThat(EventSequences.anthropicToolUses(events)).containsExactly(Map.entry(1L, new ToolCall("t1", "f", "{}")));
  }

  @Test
  void anthropic_protocol_violations_are_rejected() {
    StreamChunk s0 = start(0, "{\"type\":\"text\",\"text\":\"\"}");
    StreamChunk s1 = start(1, "{\"type\":\"text\",\"text\":\"\"}");
    List<List<StreamChunk>> bad =
        List.of(
            message(s0, text(0, "a")), // never stopped
            message(s0, s1, stop(1), stop(0)), // nested
            message(s0, stop(0), s0, stop(0)), // index reused
            message(s0, text(1, "a"), stop(0)), // delta for a closed block
            message(NativeReplies.anthropicMessageStart("m")), // two message_start
            List.of(NativeReplies.anthropicMessageStart("m"), STOP, DELTA), // delta after stop
            List.of(NativeReplies.anthropicMessageStart("m"), DELTA, DELTA, STOP), // two message_delta
            message(StreamChunk.ofUtf8("{\"type\":\"ping\"}", "content_block_delta")), // SSE type differs
            message(ev("error", "\"error\":{\"type\":\"api_error\",\"message\":\"x\"}"))); // not a message event
    for (List<StreamChunk> events : bad) {
      assertThatThrownBy(() -> EventSequences.assertWellFormedAnthropic(events))
          .as(EventSequences.eventTypes(events).toString())
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void chat_readers_collect_text_tools_choices_and_finish_reasons() {
    List<StreamChunk> chunks = NativeReplies.chatParallelToolStream("m");

    assertThatCode(() -> EventSequences.assertAllChatChunks(chunks)).doesNotThrowAnyException();
    assertThat(EventSequences.chatText(chunks)).isEqualTo("Checking.");
    assertThat(EventSequences.chatChoiceIndexes(chunks)).containsExactly(0L);
    assertThat(EventSequences.chatFinishReasons(chunks)).containsExactly("tool_calls");
    assertThat(EventSequences.chatToolCalls(chunks))
        .containsExactly(
            Map.entry(0L, new ToolCall("call_A", "get_weather", "{\"city\":\"Paris\"}")),
            Map.entry(1L, new ToolCall("call_B", "get_weather", "{\"city\":\"Rome\"}")));
  }

  @Test
  void chat_readers_reject_foreign_objects_and_reused_tool_indexes() {
    assertThatThrownBy(() -> EventSequences.assertAllChatChunks(List.of(StreamChunk.ofUtf8("{\"object\":\"chat.completion\"}", null))))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> EventSequences.assertAllChatChunks(List.of()))
        .isInstanceOf(AssertionError.class);
    List<StreamChunk> reused =
        List.of(
            NativeReplies.chatChunk("m", "{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\"}}]}", null),
            NativeReplies.chatChunk("m", "{\"tool_calls\":[{\"index\":0,\"id\":\"b\",\"function\":{\"name\":\"g\"}}]}", null));
    assertThatThrownBy(() -> EventSequences.chatToolCalls(reused)).isInstanceOf(AssertionError.class);
  }
}
