package dev.llmrouter.testing;

import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.quote;

import dev.llmrouter.stream.StreamChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * What each provider family answers, hand-written in its own wire format: complete responses and stream
 * events (one decoded SSE or event-stream payload per chunk, with the SSE event type where the format has
 * one). Stubs return these so the router's translation back to the client's format can be checked.
 */
public final class NativeReplies {
  private NativeReplies() {}

  // ---- OpenAI Chat Completions ---------------------------------------------------------------------

  /** A {@code chat.completion.chunk} with one choice-0 delta (JSON text) and a finish reason (or null). */
  public static StreamChunk chatChunk(String model, String delta, String finishReason) {
    return StreamChunk.ofUtf8(
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":" + quote(model)
            + ",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
            + (finishReason == null ? "null" : quote(finishReason)) + "}]}",
        null);
  }

  /** The usage-only chunk OpenAI sends last when {@code stream_options.include_usage} is set. */
  public static StreamChunk chatUsageChunk(String model, int prompt, int completion) {
    return StreamChunk.ofUtf8(
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":" + quote(model)
            + ",\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
            + ",\"total_tokens\":" + (prompt + completion) + "}}",
        null);
  }

  /** A streamed text answer: role chunk, one chunk per piece, a {@code stop} chunk and a usage chunk. */
  public static List<StreamChunk> chatTextStream(String model, String... pieces) {
    List<StreamChunk> out = new ArrayList<>();
    out.add(chatChunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
    for (String p : pieces) {
      out.add(chatChunk(model, "{\"content\":" + quote(p) + "}", null));
    }
    out.add(chatChunk(model, "{}", "stop"));
    out.add(chatUsageChunk(model, 5, 2));
    return out;
  }

  /**
   * A streamed answer with some text and then two parallel {@code get_weather} calls (Chat tool indexes 0
   * and 1, ids {@code call_A} and {@code call_B}, cities Paris and Rome), ending with {@code tool_calls}.
   */
  public static List<StreamChunk> chatParallelToolStream(String model) {
    return List.of(
        chatChunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null),
        chatChunk(model, "{\"content\":\"Checking.\"}", null),
        chatChunk(model, "{\"tool_calls\":[{\"index\":0,\"id\":\"call_A\",\"type\":\"function\","
            + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null),
        chatChunk(model, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}",
            null),
        chatChunk(model, "{\"tool_calls\":[{\"index\":1,\"id\":\"call_B\",\"type\":\"function\","
            + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null),
        chatChunk(model, "{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Rome\\\"}\"}}]}",
            null),
        chatChunk(model, "{}", "tool_calls"),
        chatUsageChunk(model, 9, 4));
  }

  // ---- Anthropic Messages --------------------------------------------------------------------------

  /** A complete Messages response with one text block (12 input, 1 output tokens). */
  public static byte[] anthropicMessage(String model, String text) {
    return bytes("{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + quote(model)
        + ",\"content\":[{\"type\":\"text\",\"text\":" + quote(text) + "}],\"stop_reason\":\"end_turn\","
        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}");
  }

  /** One Anthropic SSE event: the payload's {@code type} is also the SSE event type. */
  public static StreamChunk anthropicEvent(String type, String fieldsAfterType) {
    String sep = fieldsAfterType.isEmpty() ? "" : ",";
    return StreamChunk.ofUtf8("{\"type\":" + quote(type) + sep + fieldsAfterType + "}", type);
  }

  /** {@code message_start} for {@code model} (12 input tokens). */
  public static StreamChunk anthropicMessageStart(String model) {
    return anthropicEvent("message_start",
        "\"message\":{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + quote(model)
            + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}");
  }

  /** A streamed text answer: start, one text block with a ping inside, end_turn, stop. */
  public static List<StreamChunk> anthropicTextStream(String model, String... pieces) {
    List<StreamChunk> out = new ArrayList<>();
    out.add(anthropicMessageStart(model));
    out.add(anthropicEvent("content_block_start", "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}"));
    out.add(anthropicEvent("ping", ""));
    for (String p : pieces) {
      out.add(anthropicEvent("content_block_delta",
          "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(p) + "}"));
    }
    out.add(anthropicEvent("content_block_stop", "\"index\":0"));
    out.add(anthropicEvent("message_delta",
        "\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":7}"));
    out.add(anthropicEvent("message_stop", ""));
    return out;
  }

  /** Anthropic's mid-stream {@code error} event. */
  public static StreamChunk anthropicError(String errorType, String message) {
    return anthropicEvent("error",
        "\"error\":{\"type\":" + quote(errorType) + ",\"message\":" + quote(message) + "}");
  }

  // ---- Google Gemini -------------------------------------------------------------------------------

  /** A complete generateContent response with one text part (10 prompt, 3 candidate tokens). */
  public static byte[] googleResponse(String modelVersion, String text) {
    return bytes("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + quote(text)
        + "}]},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":10,"
        + "\"candidatesTokenCount\":3,\"totalTokenCount\":13},\"modelVersion\":" + quote(modelVersion)
        + ",\"responseId\":\"resp-g1\"}");
  }

  /**
   * A streamed answer: a text chunk, then one final chunk carrying two parallel {@code get_weather} calls
   * (Paris, Rome), {@code STOP} and usage.
   */
  public static List<StreamChunk> googleParallelToolStream(String modelVersion) {
    String tail = ",\"modelVersion\":" + quote(modelVersion) + ",\"responseId\":\"resp-g1\"}";
    return List.of(
        StreamChunk.ofUtf8("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Checking.\"}]},"
            + "\"index\":0}]" + tail, null),
        StreamChunk.ofUtf8("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":["
            + "{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}},"
            + "{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Rome\"}}}]},"
            + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":10,"
            + "\"candidatesTokenCount\":3,\"totalTokenCount\":13}" + tail, null));
  }

  // ---- Bedrock Converse ----------------------------------------------------------------------------

  /** A complete Converse response: text only, and (as always for Converse) no model. */
  public static byte[] converseResponse(String text) {
    return bytes("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":" + quote(text)
        + "}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":10,\"outputTokens\":3,"
        + "\"totalTokens\":13},\"metrics\":{\"latencyMs\":100}}");
  }

  /**
   * A ConverseStream answer as the event-stream decoder emits it ({@code {"<eventType>": payload}}): a
   * text block at content block 0, then two {@code get_weather} tool blocks at content blocks 1 and 2
   * (ids {@code tooluse_A}, {@code tooluse_B}; Paris, Rome), {@code tool_use} stop and usage metadata.
   */
  public static List<StreamChunk> converseParallelToolStream() {
    return List.of(
        StreamChunk.ofUtf8("{\"messageStart\":{\"role\":\"assistant\"}}", null),
        StreamChunk.ofUtf8("{\"contentBlockDelta\":{\"delta\":{\"text\":\"Checking.\"},\"contentBlockIndex\":0}}", null),
        StreamChunk.ofUtf8("{\"contentBlockStop\":{\"contentBlockIndex\":0}}", null),
        StreamChunk.ofUtf8("{\"contentBlockStart\":{\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_A\","
            + "\"name\":\"get_weather\"}},\"contentBlockIndex\":1}}", null),
        StreamChunk.ofUtf8("{\"contentBlockDelta\":{\"delta\":{\"toolUse\":{\"input\":\"{\\\"city\\\":\\\"Paris\\\"}\"}},"
            + "\"contentBlockIndex\":1}}", null),
        StreamChunk.ofUtf8("{\"contentBlockStop\":{\"contentBlockIndex\":1}}", null),
        StreamChunk.ofUtf8("{\"contentBlockStart\":{\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_B\","
            + "\"name\":\"get_weather\"}},\"contentBlockIndex\":2}}", null),
        StreamChunk.ofUtf8("{\"contentBlockDelta\":{\"delta\":{\"toolUse\":{\"input\":\"{\\\"city\\\":\\\"Rome\\\"}\"}},"
            + "\"contentBlockIndex\":2}}", null),
        StreamChunk.ofUtf8("{\"contentBlockStop\":{\"contentBlockIndex\":2}}", null),
        StreamChunk.ofUtf8("{\"messageStop\":{\"stopReason\":\"tool_use\"}}", null),
        StreamChunk.ofUtf8("{\"metadata\":{\"usage\":{\"inputTokens\":10,\"outputTokens\":20,\"totalTokens\":30},"
            + "\"metrics\":{\"latencyMs\":100}}}", null));
  }

  // ---- OpenAI Responses ----------------------------------------------------------------------------

  /** A complete Responses reply: a reasoning item, then one {@code get_weather} call for Tokyo. */
  public static byte[] responsesFunctionCall(String model) {
    return bytes("{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1,\"status\":\"completed\",\"model\":"
        + quote(model) + ",\"output\":[{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]},"
        + "{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call_A\",\"name\":\"get_weather\","
        + "\"arguments\":\"{\\\"location\\\":\\\"Tokyo\\\"}\",\"status\":\"completed\"}],"
        + "\"usage\":{\"input_tokens\":20,\"output_tokens\":10,\"total_tokens\":30}}");
  }

  /** One Responses SSE event: the payload's {@code type} is also the SSE event type. */
  public static StreamChunk responsesEvent(String type, int sequence, String fields) {
    return StreamChunk.ofUtf8(
        "{\"type\":" + quote(type) + ",\"sequence_number\":" + sequence + "," + fields + "}", type);
  }

  /**
   * A Responses stream with a reasoning item at output index 0 and two parallel {@code get_weather} calls
   * at output indexes 1 and 2 (call ids {@code call_A}, {@code call_B}; Tokyo, Osaka).
   */
  public static List<StreamChunk> responsesParallelToolStream(String model) {
    String response = "\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1,\"model\":" + quote(model);
    String reasoning = "{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}";
    String callA = "{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call_A\",\"name\":\"get_weather\"";
    String callB = "{\"id\":\"fc_2\",\"type\":\"function_call\",\"call_id\":\"call_B\",\"name\":\"get_weather\"";
    String argsA = "{\\\"location\\\":\\\"Tokyo\\\"}";
    String argsB = "{\\\"location\\\":\\\"Osaka\\\"}";
    String doneA = callA + ",\"arguments\":\"" + argsA + "\",\"status\":\"completed\"}";
    String doneB = callB + ",\"arguments\":\"" + argsB + "\",\"status\":\"completed\"}";
    return List.of(
        responsesEvent("response.created", 0, "\"response\":{" + response + ",\"status\":\"in_progress\",\"output\":[]}"),
        responsesEvent("response.output_item.added", 1, "\"output_index\":0,\"item\":" + reasoning),
        responsesEvent("response.output_item.done", 2, "\"output_index\":0,\"item\":" + reasoning),
        responsesEvent("response.output_item.added", 3,
            "\"output_index\":1,\"item\":" + callA + ",\"arguments\":\"\",\"status\":\"in_progress\"}"),
        responsesEvent("response.function_call_arguments.delta", 4,
            "\"output_index\":1,\"item_id\":\"fc_1\",\"delta\":\"" + argsA + "\""),
        responsesEvent("response.output_item.done", 5, "\"output_index\":1,\"item\":" + doneA),
        responsesEvent("response.output_item.added", 6,
            "\"output_index\":2,\"item\":" + callB + ",\"arguments\":\"\",\"status\":\"in_progress\"}"),
        responsesEvent("response.function_call_arguments.delta", 7,
            "\"output_index\":2,\"item_id\":\"fc_2\",\"delta\":\"" + argsB + "\""),
        responsesEvent("response.output_item.done", 8, "\"output_index\":2,\"item\":" + doneB),
        responsesEvent("response.completed", 9, "\"response\":{" + response + ",\"status\":\"completed\",\"output\":["
            + reasoning + "," + doneA + "," + doneB + "],\"usage\":{\"input_tokens\":20,\"output_tokens\":10,"
            + "\"total_tokens\":30}}"));
  }
}
