package dev.llmrouter.translate.responses;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.ReasoningDelta;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Building blocks for Responses stream output (lingua's helper functions in
 * openai/responses_adapter.rs that processing/stream.rs uses): the events one universal chunk becomes,
 * {@code response.created} and terminal events, output item ids, and the bookkeeping of open tool-call and
 * reasoning items. Stateless; stream sessions hold the state (sequence numbers, output indexes, open items).
 */
public final class ResponsesStreamEvents {
  private ResponsesStreamEvents() {}

  /** Output item id of a function call at {@code outputIndex}: {@code fc_<n>}. */
  public static String functionCallItemId(int outputIndex) {
    return "fc_" + outputIndex;
  }

  /** Output item id of a custom tool call at {@code outputIndex}: {@code ctc_<n>}. */
  public static String customToolCallItemId(int outputIndex) {
    return "ctc_" + outputIndex;
  }

  /** Output item id of a reasoning item at {@code outputIndex}: {@code rs_<n>}. */
  public static String reasoningItemId(int outputIndex) {
    return "rs_" + outputIndex;
  }

  /** Output item id of a message item at {@code outputIndex}: {@code msg_<n>}. */
  public static String messageItemId(int outputIndex) {
    return "msg_" + outputIndex;
  }

  /** The service tiers a Responses body may carry (others are not written). */
  static boolean isResponsesServiceTier(ServedServiceTier tier) {
    switch (tier) {
      case AUTO:
      case DEFAULT:
      case FAST:
      case FLEX:
      case PRIORITY:
      case SCALE:
        return true;
      default:
        return false;
    }
  }

  private static String chunkId(UniversalStreamChunk chunk) {
    return chunk.id().orElse(Defaults.RESPONSES_PREFIX + Defaults.PLACEHOLDER_ID);
  }

  private static String chunkModel(UniversalStreamChunk chunk) {
    return chunk.model().orElse(Defaults.PLACEHOLDER_MODEL);
  }

  /**
   * The {@code response} object of a created/terminal event: id ({@code resp_transformed} without one),
   * model ({@code transformed} without one), status, empty output, usage when known, and the served tier
   * when requested.
   */
  static JsonObject responseObject(UniversalStreamChunk chunk, String status, boolean withServiceTier) {
    JsonObject.Builder r =
        JsonObject.builder()
            .put("id", chunkId(chunk))
            .put("object", "response")
            .put("model", chunkModel(chunk))
            .put("status", status)
            .put("output", JsonArray.empty());
    chunk.usage().ifPresent(u -> r.put("usage", u.toProviderValue(ProviderFormat.RESPONSES)));
    if (withServiceTier) {
      chunk.servedServiceTier().filter(ResponsesStreamEvents::isResponsesServiceTier).ifPresent(t -> r.put("service_tier", t.wire()));
    }
    return r.build();
  }

  /** {@code response.created} for a stream's first chunk, with the given sequence number. */
  public static JsonObject createdEvent(UniversalStreamChunk chunk, long sequenceNumber) {
    return JsonObject.builder()
        .put("type", "response.created")
        .put("response", responseObject(chunk, "in_progress", false))
        .put("sequence_number", sequenceNumber)
        .build();
  }

  /**
   * {@code response.completed}, or {@code response.incomplete} when the chunk's finish reason (read as a
   * Chat finish reason) is incomplete (length, content filter, ...).
   */
  public static JsonObject terminalEvent(UniversalStreamChunk chunk, long sequenceNumber) {
    String reason = chunk.choices().isEmpty() ? null : chunk.choices().get(0).finishReason().orElse(null);
    boolean incomplete =
        reason != null && FinishReason.fromProviderString(reason, ProviderFormat.OPENAI).isIncomplete();
    String status = incomplete ? "incomplete" : "completed";
    return JsonObject.builder()
        .put("type", incomplete ? "response.incomplete" : "response.completed")
        .put("response", responseObject(chunk, status, true))
        .put("sequence_number", sequenceNumber)
        .build();
  }

  /**
   * The Responses events of one universal chunk (lingua's
   * {@code responses_stream_events_from_universal_with_output_index_offset}): a reasoning summary delta,
   * an output text delta, for each tool call an {@code output_item.added} (when it starts) and an
   * arguments / custom input delta, and a terminal event when the chunk finishes. Keep-alive and
   * choice-less chunks give nothing.
   *
   * @param textOutputIndex the output index of the open message item, if the session has one
   * @param toolOutputIndexOffset added to tool-call indexes when nothing else precedes them in the chunk
   * @param sequenceNumber the first sequence number to use
   */
  public static List<JsonObject> eventsFromUniversal(
      UniversalStreamChunk chunk, OptionalInt textOutputIndex, int toolOutputIndexOffset, long sequenceNumber) {
    List<JsonObject> events = new ArrayList<>(2);
    if (chunk.choices().isEmpty()) {
      return events;
    }
    StreamChoice choice = chunk.choices().get(0);
    long seq = sequenceNumber;
    StreamDelta delta = choice.deltaView().orElse(null);
    if (delta != null) {
      int reasoningOutputIndex = choice.index();
      int baseOutputIndex = Math.max(choice.index(), toolOutputIndexOffset);
      StringBuilder reasoning = new StringBuilder();
      for (ReasoningDelta r : delta.reasoning()) {
        r.content().ifPresent(reasoning::append);
      }
      if (reasoning.length() > 0) {
        events.add(
            JsonObject.builder()
                .put("type", "response.reasoning_summary_text.delta")
                .put("output_index", reasoningOutputIndex)
                .put("item_id", reasoningItemId(reasoningOutputIndex))
                .put("summary_index", 0)
                .put("delta", reasoning.toString())
                .put("sequence_number", seq++)
                .build());
      }
      int nextOutputIndex = baseOutputIndex;
      if (reasoning.length() > 0) {
        nextOutputIndex = Math.max(nextOutputIndex, reasoningOutputIndex + 1);
      }
      String content = delta.content().orElse(null);
      if (content != null && !content.isEmpty()) {
        int outputIndex = textOutputIndex.isPresent() ? textOutputIndex.getAsInt() : nextOutputIndex;
        nextOutputIndex = Math.max(nextOutputIndex, outputIndex + 1);
        events.add(
            JsonObject.builder()
                .put("type", "response.output_text.delta")
                .put("output_index", outputIndex)
                .put("item_id", messageItemId(outputIndex))
                .put("content_index", 0)
                .put("delta", content)
                .put("sequence_number", seq++)
                .build());
      }
      for (ToolCallDelta tc : delta.toolCalls()) {
        int toolIndex = tc.index().orElse(0);
        int outputIndex =
            nextOutputIndex == baseOutputIndex ? toolIndex + toolOutputIndexOffset : nextOutputIndex + toolIndex;
        boolean custom = tc.customToolCall().orElse(false);
        String name = tc.function().flatMap(f -> f.name()).orElse("");
        if (tc.id().isPresent()) {
          JsonObject.Builder item =
              JsonObject.builder()
                  .put("id", custom ? customToolCallItemId(outputIndex) : functionCallItemId(outputIndex))
                  .put("type", custom ? "custom_tool_call" : "function_call")
                  .put("status", "in_progress")
                  .put("call_id", tc.id().get())
                  .put("name", name)
                  .put(custom ? "input" : "arguments", "");
          events.add(
              JsonObject.builder()
                  .put("type", "response.output_item.added")
                  .put("output_index", outputIndex)
                  .put("item", item.build())
                  .put("sequence_number", seq++)
                  .build());
        }
        String arguments = tc.function().flatMap(f -> f.arguments()).orElse(null);
        if (arguments != null && !arguments.isEmpty()) {
          events.add(
              JsonObject.builder()
                  .put("type", custom ? "response.custom_tool_call_input.delta" : "response.function_call_arguments.delta")
                  .put("output_index", outputIndex)
                  .put("item_id", custom ? customToolCallItemId(outputIndex) : functionCallItemId(outputIndex))
                  .put("delta", arguments)
                  .put("sequence_number", seq++)
                  .build());
        }
      }
    }
    if (choice.finishReason().isPresent()) {
      events.add(terminalEvent(chunk, seq));
    }
    return events;
  }

  /** An open tool-call output item awaiting its {@code output_item.done} (lingua's {@code ResponsesToolItem}). */
  public static final class ToolItem {
    /** The output item id. */
    public final String id;
    /** The call id. */
    public final String callId;
    /** The tool name. */
    public final String name;
    /** Whether it is a custom (free-form) tool call. */
    public final boolean custom;
    /** The arguments (or custom input) received so far. */
    public final StringBuilder arguments = new StringBuilder();

    /** An open item with no arguments yet. */
    public ToolItem(String id, String callId, String name, boolean custom) {
      this.id = id;
      this.callId = callId;
      this.name = name;
      this.custom = custom;
    }
  }

  /**
   * Records the tool-call items and reasoning summaries the given events open or extend (lingua's
   * {@code record_responses_output_items}), keyed by output index.
   *
   * @throws TranslationException when an {@code output_item.added} tool item lacks id, call_id or name
   */
  public static void recordOutputItems(
      List<JsonObject> events, Map<Integer, ToolItem> toolItems, Map<Integer, StringBuilder> reasoningItems) {
    for (JsonObject e : events) {
      String type = e.getString("type").orElse("");
      Integer outputIndex = e.getLong("output_index").map(Long::intValue).orElse(null);
      switch (type) {
        case "response.output_item.added":
          {
            JsonObject item = e.getObject("item").orElse(null);
            if (item == null || outputIndex == null) {
              break;
            }
            String itemType = item.getString("type").orElse("");
            boolean custom = itemType.equals("custom_tool_call");
            if (!custom && !itemType.equals("function_call")) {
              break;
            }
            toolItems.put(
                outputIndex,
                new ToolItem(
                    requiredItemField(item, "id"),
                    requiredItemField(item, "call_id"),
                    requiredItemField(item, "name"),
                    custom));
            break;
          }
        case "response.function_call_arguments.delta":
        case "response.custom_tool_call_input.delta":
          {
            ToolItem t = outputIndex == null ? null : toolItems.get(outputIndex);
            if (t != null) {
              e.getString("delta").ifPresent(t.arguments::append);
            }
            break;
          }
        case "response.reasoning_summary_text.delta":
          if (outputIndex != null) {
            reasoningItems.computeIfAbsent(outputIndex, k -> new StringBuilder()).append(e.getString("delta").orElse(""));
          }
          break;
        default:
          break;
      }
    }
  }

  private static String requiredItemField(JsonObject item, String key) {
    return item.getString(key)
        .orElseThrow(
            () -> new TranslationException("synthesized Responses tool-call item is missing `" + key + "`"));
  }

  /** A reasoning output item; the summary is empty until the turn finishes. */
  public static JsonObject reasoningItem(String itemId, String summary) {
    JsonArray summaries =
        summary == null || summary.isEmpty()
            ? JsonArray.empty()
            : JsonArray.of(JsonObject.builder().put("type", "summary_text").put("text", summary).build());
    return JsonObject.builder().put("id", itemId).put("type", "reasoning").put("summary", summaries).build();
  }

  /** The terminal {@code output_item.done} item of a tool call with the given status. */
  public static JsonObject toolCallItem(ToolItem tool, String status) {
    return JsonObject.builder()
        .put("id", tool.id)
        .put("type", tool.custom ? "custom_tool_call" : "function_call")
        .put("status", status)
        .put("call_id", tool.callId)
        .put("name", tool.name)
        .put(tool.custom ? "input" : "arguments", tool.arguments.toString())
        .build();
  }
}
