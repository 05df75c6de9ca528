package dev.llmrouter.translate.stream;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.ToolFunctionDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Responses target's protocol state (lingua's Responses session fields and
 * {@code expand_responses_session_chunks}, with the Responses adapter's stream helpers): one
 * {@code response.created} first, {@code output_item.added} before an item's first delta, every open item
 * closed with its {@code *.done} events before {@code response.completed} (which carries the accumulated
 * {@code output}), sequence numbers, and output indexes for message, reasoning and tool items.
 */
final class ResponsesStreamState {
  static final String CREATED = "response.created";
  static final String COMPLETED = "response.completed";
  static final String INCOMPLETE = "response.incomplete";
  static final String FAILED = "response.failed";
  static final String IN_PROGRESS = "response.in_progress";
  static final String ITEM_ADDED = "response.output_item.added";
  static final String ITEM_DONE = "response.output_item.done";
  static final String TEXT_DELTA = "response.output_text.delta";
  static final String REASONING_DELTA = "response.reasoning_summary_text.delta";
  static final String ARGUMENTS_DELTA = "response.function_call_arguments.delta";
  static final String ARGUMENTS_DONE = "response.function_call_arguments.done";
  static final String CUSTOM_INPUT_DELTA = "response.custom_tool_call_input.delta";
  static final String CUSTOM_INPUT_DONE = "response.custom_tool_call_input.done";

  private static final OutEvent KEEP_ALIVE =
      new OutEvent(
          JsonObject.builder().put("type", IN_PROGRESS).put("sequence_number", 0L).build(), IN_PROGRESS);

  /** Per-choice output-index bookkeeping (lingua's {@code ResponsesOutputIndexState}). */
  private static final class IndexState {
    int textOutputIndex = -1;
    int toolOutputIndexOffset;
    /** The text of the open message item, for its {@code output_item.done} and the final output. */
    StringBuilder text = new StringBuilder();
  }

  /** An open tool-call item awaiting its {@code output_item.done} (lingua's {@code ResponsesToolItem}). */
  private static final class ToolItem {
    final String id;
    final String callId;
    final String name;
    final boolean custom;
    final StringBuilder arguments = new StringBuilder();

    ToolItem(String id, String callId, String name, boolean custom) {
      this.id = id;
      this.callId = callId;
      this.name = name;
      this.custom = custom;
    }
  }

  private boolean messageStarted;
  private final Map<Integer, IndexState> indexStates = new HashMap<>();
  private TreeMap<Integer, ToolItem> toolItems = new TreeMap<>();
  private TreeMap<Integer, StringBuilder> reasoningItems = new TreeMap<>();
  private long nextSequenceNumber;
  /** The id and model of the open response (from its response.created), for a failure event. */
  private String openResponseId;
  private String openResponseModel;
  /**
   * A terminal event ({@code response.completed}/{@code incomplete}) whose chunk had no usage, held back
   * because Chat Completions upstreams send usage in a separate chunk after the finish chunk; the next
   * chunk's usage is merged into it (lingua emits it at once, so Responses clients of a Chat upstream
   * never saw usage).
   */
  private OutEvent heldTerminal;

  // ---- Expansion (lingua's expand_responses_session_chunks) ----------------------------------------

  /**
   * The events for one universal chunk, with the session's bookkeeping applied.
   *
   * @param view the typed view of the chunk's first choice's delta (null when none)
   * @param usageMayFollow whether the source sends usage in a chunk of its own after the finish chunk
   *     (Chat Completions with {@code include_usage}): a terminal event without usage is then held back
   */
  List<OutEvent> expand(UniversalStreamChunk universal, StreamDelta view, boolean usageMayFollow) {
    if (heldTerminal != null) {
      OutEvent held = heldTerminal;
      heldTerminal = null;
      if (universal.choices().isEmpty() && universal.usage().isPresent()) {
        OutEvent merged = withUsage(held, universal);
        track(merged);
        return List.of(merged);
      }
      track(held);
      List<OutEvent> rest = expandChunk(universal, view, usageMayFollow);
      List<OutEvent> out = new ArrayList<>(rest.size() + 1);
      out.add(held);
      out.addAll(rest);
      return out;
    }
    return expandChunk(universal, view, usageMayFollow);
  }

  /** The held terminal event, if any: the stream ended without a separate usage chunk. */
  List<OutEvent> flush() {
    if (heldTerminal == null) {
      return List.of();
    }
    OutEvent held = heldTerminal;
    heldTerminal = null;
    track(held);
    return List.of(held);
  }

  private static OutEvent withUsage(OutEvent terminal, UniversalStreamChunk usageChunk) {
    JsonObject response = terminal.data().getObject("response").orElse(JsonObject.empty());
    JsonObject withUsage =
        response.with("usage", usageChunk.usage().get().toProviderValue(ProviderFormat.RESPONSES));
    return new OutEvent(terminal.data().with("response", withUsage), terminal.type());
  }

  private List<OutEvent> expandChunk(
      UniversalStreamChunk universal, StreamDelta view, boolean usageMayFollow) {
    StreamChoice choice = universal.choices().isEmpty() ? null : universal.choices().get(0);
    int choiceIndex = choice == null ? 0 : choice.index();
    boolean hasReasoning = false;
    String content = null;
    if (view != null) {
      for (var r : view.reasoning()) {
        if (r.content().isPresent() && !r.content().get().isEmpty()) {
          hasReasoning = true;
          break;
        }
      }
      content = view.content().filter(c -> !c.isEmpty()).orElse(null);
    }
    boolean hasContent = content != null;
    boolean hasFinish = choice != null && choice.finishReason().isPresent();
    String finishReason = hasFinish ? choice.finishReason().get() : null;
    boolean hasMetadata = AnthropicStreamEvents.hasMetadata(universal);
    boolean mayEmitCreated = hasMetadata && !messageStarted;
    long eventSequenceNumber = nextSequenceNumber + (mayEmitCreated ? 1 : 0);

    IndexState state = indexStates.computeIfAbsent(choiceIndex, k -> new IndexState());
    int textIndexBefore = state.textOutputIndex;
    List<JsonObject.Builder> events =
        eventsFromUniversal(
            universal, choice, view, state.textOutputIndex, state.toolOutputIndexOffset, eventSequenceNumber);
    if (hasReasoning) {
      state.toolOutputIndexOffset = Math.max(state.toolOutputIndexOffset, choiceIndex + 1);
    }
    if (hasContent) {
      if (state.textOutputIndex < 0) {
        state.textOutputIndex = Math.max(choiceIndex, state.toolOutputIndexOffset);
      }
      state.toolOutputIndexOffset = Math.max(state.toolOutputIndexOffset, state.textOutputIndex + 1);
      state.text.append(content);
    }

    List<Integer> newReasoning = record(events);

    int textOutputIndex = state.textOutputIndex;
    String textItemId = textOutputIndex >= 0 ? messageItemId(textOutputIndex) : null;
    boolean textJustStarted = textIndexBefore < 0 && textOutputIndex >= 0;
    String finishText = null;
    TreeMap<Integer, ToolItem> finishTools = null;
    TreeMap<Integer, StringBuilder> finishReasoning = null;
    if (hasFinish) {
      finishText = state.text.toString();
      state.text = new StringBuilder();
      finishTools = toolItems;
      toolItems = new TreeMap<>();
      finishReasoning = reasoningItems;
      reasoningItems = new TreeMap<>();
    }
    boolean stateIsEmpty = state.textOutputIndex < 0 && state.toolOutputIndexOffset == 0;
    if (hasFinish || stateIsEmpty) {
      indexStates.remove(choiceIndex);
    }
    // A truncated turn ends with response.incomplete: its message item and output entry say so too.
    String itemStatus = statusFor(finishReason);

    for (int index : newReasoning) {
      insertReasoningItemAdded(events, index);
    }
    if (textItemId != null && textJustStarted) {
      insertMessageItemAdded(events, textItemId, textOutputIndex);
    }
    if (hasFinish) {
      insertFinishItems(
          events,
          textItemId == null ? -1 : textOutputIndex,
          textItemId,
          finishText,
          finishTools,
          finishReasoning,
          itemStatus);
    }
    if (hasMetadata
        && !messageStarted
        && !events.isEmpty()
        && !CREATED.equals(str(events.get(0), "type"))) {
      events.add(0, createdEvent(universal, nextSequenceNumber, true));
    }

    List<OutEvent> out;
    if (events.isEmpty()) {
      OutEvent fallback = statelessFromUniversal(universal, choice, view);
      out = List.of(fallback);
    } else {
      out = new ArrayList<>(events.size());
      long seq = nextSequenceNumber;
      for (JsonObject.Builder e : events) {
        out.add(OutEvent.of(e.put("sequence_number", seq++).build()));
      }
      nextSequenceNumber += events.size();
      if (hasFinish) {
        nextSequenceNumber = 0;
      }
    }
    if (usageMayFollow && hasFinish && universal.usage().isEmpty() && !out.isEmpty()) {
      OutEvent last = out.get(out.size() - 1);
      if (last.is(COMPLETED) || last.is(INCOMPLETE)) {
        heldTerminal = last;
        out = out.size() == 1 ? List.of() : new ArrayList<>(out.subList(0, out.size() - 1));
      }
    }
    for (OutEvent e : out) {
      track(e);
    }
    return out;
  }

  /** lingua's {@code process_chunks} for Responses: whether a response is open. */
  private void track(OutEvent e) {
    if (e.is(CREATED)) {
      messageStarted = true;
      JsonObject response = e.data().getObject("response").orElse(JsonObject.empty());
      openResponseId = response.getString("id").orElse(null);
      openResponseModel = response.getString("model").orElse(null);
    } else if (e.is(COMPLETED) || e.is(INCOMPLETE)) {
      messageStarted = false;
    }
  }

  /**
   * The events closing the open response with an upstream failure: {@code response.failed} (status
   * {@code failed}, the error, and the output accumulated so far). Resets the session.
   */
  List<OutEvent> fail(JsonObject error) {
    if (heldTerminal != null) {
      // The turn had finished; an error after its finish chunk does not undo it.
      return flush();
    }
    List<OutEvent> out = new ArrayList<>(1);
    if (messageStarted) {
      JsonObject response =
          JsonObject.builder()
              .put("id", openResponseId != null ? openResponseId : Defaults.RESPONSES_PREFIX + Defaults.PLACEHOLDER_ID)
              .put("object", "response")
              .put("model", openResponseModel != null ? openResponseModel : Defaults.PLACEHOLDER_MODEL)
              .put("status", "failed")
              .put("error", error)
              .put("output", JsonArray.empty())
              .build();
      out.add(
          new OutEvent(
              JsonObject.builder()
                  .put("type", FAILED)
                  .put("response", response)
                  .put("sequence_number", nextSequenceNumber)
                  .build(),
              FAILED));
    }
    messageStarted = false;
    indexStates.clear();
    toolItems = new TreeMap<>();
    reasoningItems = new TreeMap<>();
    nextSequenceNumber = 0;
    openResponseId = null;
    openResponseModel = null;
    return out;
  }

  /** The next sequence number, for an event the session adds itself. */
  long takeSequenceNumber() {
    return nextSequenceNumber++;
  }

  private static String statusFor(String finishReason) {
    if (finishReason != null && FinishReason.fromProviderString(finishReason, ProviderFormat.OPENAI).isIncomplete()) {
      return "incomplete";
    }
    return "completed";
  }

  /**
   * Records the tool-call items opened by {@code events} and the argument and reasoning text they add
   * (lingua's {@code record_responses_output_items}); returns the reasoning output indexes seen for the
   * first time, in order.
   */
  private List<Integer> record(List<JsonObject.Builder> events) {
    List<Integer> newReasoning = null;
    for (JsonObject.Builder e : events) {
      String type = str(e, "type");
      if (type == null) {
        continue;
      }
      switch (type) {
        case ITEM_ADDED:
          {
            JsonObject item = e.get("item").orElse(null) instanceof JsonObject o ? o : null;
            long outputIndex = index(e);
            if (item == null || outputIndex < 0) {
              break;
            }
            String itemType = item.getString("type").orElse("");
            boolean custom = itemType.equals("custom_tool_call");
            if (!custom && !itemType.equals("function_call")) {
              break;
            }
            toolItems.put(
                (int) outputIndex,
                new ToolItem(
                    requireItemField(item, "id"),
                    requireItemField(item, "call_id"),
                    requireItemField(item, "name"),
                    custom));
            break;
          }
        case ARGUMENTS_DELTA:
        case CUSTOM_INPUT_DELTA:
          {
            long outputIndex = index(e);
            String delta = str(e, "delta");
            if (outputIndex >= 0 && delta != null) {
              ToolItem item = toolItems.get((int) outputIndex);
              if (item != null) {
                item.arguments.append(delta);
              }
            }
            break;
          }
        case REASONING_DELTA:
          {
            int outputIndex = (int) Math.max(index(e), 0);
            StringBuilder text = reasoningItems.get(outputIndex);
            if (text == null) {
              text = new StringBuilder();
              reasoningItems.put(outputIndex, text);
              if (newReasoning == null) {
                newReasoning = new ArrayList<>(1);
              }
              newReasoning.add(outputIndex);
            }
            String delta = str(e, "delta");
            if (delta != null) {
              text.append(delta);
            }
            break;
          }
        default:
          break;
      }
    }
    if (newReasoning == null) {
      return List.of();
    }
    newReasoning.sort(null);
    return newReasoning;
  }

  /** A string member of an event under construction; null when absent or not a string. */
  private static String str(JsonObject.Builder e, String key) {
    return e.get(key).orElse(null) instanceof JsonString s ? s.value() : null;
  }

  /** The event's {@code output_index}; -1 when absent. */
  private static long index(JsonObject.Builder e) {
    return e.get("output_index").orElse(null) instanceof JsonNumber n ? n.longValue().orElse(-1) : -1;
  }

  private static String requireItemField(JsonObject item, String field) {
    return item.getString(field)
        .orElseThrow(
            () ->
                new TranslationException(
                    "synthesized Responses tool-call item is missing `" + field + "`"));
  }

  // ---- Event construction (lingua's Responses adapter stream helpers) -------------------------------

  /**
   * The delta events of one chunk (lingua's
   * {@code responses_stream_events_from_universal_with_output_index_offset}): reasoning summary, text and
   * tool-call events at their output indexes, then the terminal event when the chunk finishes.
   */
  static List<JsonObject.Builder> eventsFromUniversal(
      UniversalStreamChunk chunk,
      StreamChoice choice,
      StreamDelta view,
      int textOutputIndex,
      int toolOutputIndexOffset,
      long sequenceNumber) {
    List<JsonObject.Builder> events = new ArrayList<>(4);
    if (choice == null) {
      return events;
    }
    long seq = sequenceNumber;
    if (view != null) {
      int reasoningOutputIndex = choice.index();
      int baseOutputIndex = Math.max(choice.index(), toolOutputIndexOffset);
      String reasoning = AnthropicStreamEvents.joinReasoning(view.reasoning());
      if (!reasoning.isEmpty()) {
        events.add(
            JsonObject.builder()
                .put("type", REASONING_DELTA)
                .put("output_index", reasoningOutputIndex)
                .put("item_id", reasoningItemId(reasoningOutputIndex))
                .put("summary_index", 0L)
                .put("delta", reasoning)
                .put("sequence_number", seq++));
      }
      int nextOutputIndex = baseOutputIndex;
      if (!reasoning.isEmpty()) {
        nextOutputIndex = Math.max(nextOutputIndex, reasoningOutputIndex + 1);
      }
      if (view.content().isPresent() && !view.content().get().isEmpty()) {
        int outputIndex = textOutputIndex >= 0 ? textOutputIndex : nextOutputIndex;
        nextOutputIndex = Math.max(nextOutputIndex, outputIndex + 1);
        events.add(
            JsonObject.builder()
                .put("type", TEXT_DELTA)
                .put("output_index", outputIndex)
                .put("item_id", messageItemId(outputIndex))
                .put("content_index", 0L)
                .put("delta", view.content().get())
                .put("sequence_number", seq++));
      }
      for (ToolCallDelta call : view.toolCalls()) {
        int toolIndex = call.index().orElse(0);
        int outputIndex =
            nextOutputIndex == baseOutputIndex
                ? toolIndex + toolOutputIndexOffset
                : nextOutputIndex + toolIndex;
        String name = call.function().flatMap(ToolFunctionDelta::name).orElse("");
        boolean custom = call.customToolCall().orElse(false);
        if (call.id().isPresent()) {
          JsonObject.Builder item =
              JsonObject.builder()
                  .put("id", custom ? customToolCallItemId(outputIndex) : functionCallItemId(outputIndex))
                  .put("type", custom ? "custom_tool_call" : "function_call")
                  .put("status", "in_progress")
                  .put("call_id", call.id().get())
                  .put("name", name)
                  .put(custom ? "input" : "arguments", "");
          events.add(
              JsonObject.builder()
                  .put("type", ITEM_ADDED)
                  .put("output_index", outputIndex)
                  .put("item", item.build())
                  .put("sequence_number", seq++));
        }
        Optional<String> arguments = call.function().flatMap(ToolFunctionDelta::arguments);
        if (arguments.isPresent() && !arguments.get().isEmpty()) {
          events.add(
              JsonObject.builder()
                  .put("type", custom ? CUSTOM_INPUT_DELTA : ARGUMENTS_DELTA)
                  .put("output_index", outputIndex)
                  .put("item_id", custom ? customToolCallItemId(outputIndex) : functionCallItemId(outputIndex))
                  .put("delta", arguments.get())
                  .put("sequence_number", seq++));
        }
      }
    }
    if (choice.finishReason().isPresent()) {
      events.add(terminalEvent(chunk, seq));
    }
    return events;
  }

  /**
   * lingua's stateless Responses {@code stream_from_universal}, the session's fallback when a chunk gives
   * no delta events: keep-alives, metadata ({@code response.created}), and empty deltas.
   */
  static OutEvent statelessFromUniversal(UniversalStreamChunk chunk, StreamChoice choice, StreamDelta view) {
    if (chunk.isKeepAlive()) {
      return KEEP_ALIVE;
    }
    boolean hasFinish = choice != null && choice.finishReason().isPresent();
    boolean hasToolCalls = view != null && !view.toolCalls().isEmpty();
    boolean hasReasoning = view != null && !view.reasoning().isEmpty();
    boolean initialMetadata =
        AnthropicStreamEvents.hasMetadata(chunk)
            && !hasFinish
            && !hasToolCalls
            && !hasReasoning
            && (view == null || view.content().isEmpty() || view.content().get().isEmpty());
    if (initialMetadata) {
      return OutEvent.of(createdEvent(chunk, 0, false).remove("sequence_number").build());
    }
    List<JsonObject.Builder> events = eventsFromUniversal(chunk, choice, view, -1, 0, 0);
    if (hasReasoning && !events.isEmpty()) {
      return OutEvent.of(events.get(0).build());
    }
    if (hasFinish) {
      return OutEvent.of(terminalEvent(chunk, 0).build());
    }
    if (!events.isEmpty()) {
      return OutEvent.of(events.get(0).build());
    }
    if (choice != null && view != null) {
      if (!view.toolCalls().isEmpty()) {
        ToolCallDelta call = view.toolCalls().get(0);
        int outputIndex = call.index().orElse(0);
        if (call.id().isPresent()) {
          JsonObject item =
              JsonObject.builder()
                  .put("type", "function_call")
                  .put("status", "in_progress")
                  .put("call_id", call.id().get())
                  .put("name", call.function().flatMap(ToolFunctionDelta::name).orElse(""))
                  .put("arguments", "")
                  .build();
          return OutEvent.of(
              JsonObject.builder()
                  .put("type", ITEM_ADDED)
                  .put("output_index", outputIndex)
                  .put("item", item)
                  .build());
        }
        Optional<String> arguments = call.function().flatMap(ToolFunctionDelta::arguments);
        if (arguments.isPresent()) {
          return OutEvent.of(
              JsonObject.builder()
                  .put("type", ARGUMENTS_DELTA)
                  .put("output_index", outputIndex)
                  .put("delta", arguments.get())
                  .build());
        }
      }
      if (view.content().isPresent()) {
        return textDeltaWithoutItem(choice.index(), view.content().get());
      }
      if (!hasToolCalls) {
        return textDeltaWithoutItem(choice.index(), "");
      }
    }
    return textDeltaWithoutItem(0, "");
  }

  private static OutEvent textDeltaWithoutItem(int outputIndex, String delta) {
    return OutEvent.of(
        JsonObject.builder()
            .put("type", TEXT_DELTA)
            .put("output_index", outputIndex)
            .put("content_index", 0L)
            .put("delta", delta)
            .build());
  }

  /** {@code response.created} (in progress, no output), with the chunk's id, model and usage. */
  static JsonObject.Builder createdEvent(UniversalStreamChunk chunk, long sequenceNumber, boolean sessionForm) {
    JsonObject.Builder response =
        JsonObject.builder()
            .put("id", chunk.id().orElse(Defaults.RESPONSES_PREFIX + Defaults.PLACEHOLDER_ID))
            .put("object", "response")
            .put("model", chunk.model().orElse(Defaults.PLACEHOLDER_MODEL))
            .put("status", "in_progress")
            .put("output", JsonArray.empty());
    chunk.usage().ifPresent(u -> response.put("usage", u.toProviderValue(ProviderFormat.RESPONSES)));
    if (!sessionForm) {
      // The adapter's form also reports the served tier; the session's synthesized one does not.
      chunk.servedServiceTier().flatMap(ResponsesStreamState::responsesTier)
          .ifPresent(t -> response.put("service_tier", t));
    }
    return JsonObject.builder()
        .put("type", CREATED)
        .put("response", response.build())
        .put("sequence_number", sequenceNumber);
  }

  /** {@code response.completed}, or {@code response.incomplete} for a truncated or filtered turn. */
  static JsonObject.Builder terminalEvent(UniversalStreamChunk chunk, long sequenceNumber) {
    String status = statusFor(chunk.choices().isEmpty() ? null : chunk.choices().get(0).finishReason().orElse(null));
    JsonObject.Builder response =
        JsonObject.builder()
            .put("id", chunk.id().orElse(Defaults.RESPONSES_PREFIX + Defaults.PLACEHOLDER_ID))
            .put("object", "response")
            .put("model", chunk.model().orElse(Defaults.PLACEHOLDER_MODEL))
            .put("status", status)
            .put("output", JsonArray.empty());
    chunk.usage().ifPresent(u -> response.put("usage", u.toProviderValue(ProviderFormat.RESPONSES)));
    chunk.servedServiceTier().flatMap(ResponsesStreamState::responsesTier)
        .ifPresent(t -> response.put("service_tier", t));
    return JsonObject.builder()
        .put("type", status.equals("completed") ? COMPLETED : INCOMPLETE)
        .put("response", response.build())
        .put("sequence_number", sequenceNumber);
  }

  private static Optional<String> responsesTier(ServedServiceTier tier) {
    switch (tier) {
      case AUTO:
      case DEFAULT:
      case FAST:
      case FLEX:
      case PRIORITY:
      case SCALE:
        return Optional.of(tier.wire());
      default:
        return Optional.empty();
    }
  }

  static String messageItemId(int outputIndex) {
    return "msg_" + outputIndex;
  }

  static String reasoningItemId(int outputIndex) {
    return "rs_" + outputIndex;
  }

  static String functionCallItemId(int outputIndex) {
    return "fc_" + outputIndex;
  }

  static String customToolCallItemId(int outputIndex) {
    return "ctc_" + outputIndex;
  }

  private static JsonObject messageItem(String id, String status, String text) {
    JsonArray content =
        text == null
            ? JsonArray.empty()
            : JsonArray.of(
                JsonObject.builder()
                    .put("type", "output_text")
                    .put("text", text)
                    .put("annotations", JsonArray.empty())
                    .build());
    return JsonObject.builder()
        .put("id", id)
        .put("type", "message")
        .put("role", "assistant")
        .put("status", status)
        .put("content", content)
        .build();
  }

  private static JsonObject reasoningItem(String id, String summary) {
    JsonArray summaryParts =
        summary == null || summary.isEmpty()
            ? JsonArray.empty()
            : JsonArray.of(JsonObject.builder().put("type", "summary_text").put("text", summary).build());
    return JsonObject.builder().put("id", id).put("type", "reasoning").put("summary", summaryParts).build();
  }

  private static JsonObject toolCallItem(ToolItem tool, String status) {
    return JsonObject.builder()
        .put("id", tool.id)
        .put("type", tool.custom ? "custom_tool_call" : "function_call")
        .put("status", status)
        .put("call_id", tool.callId)
        .put("name", tool.name)
        .put(tool.custom ? "input" : "arguments", tool.arguments.toString())
        .build();
  }

  private static int indexOfType(List<JsonObject.Builder> events, String type) {
    for (int i = 0; i < events.size(); i++) {
      if (type.equals(str(events.get(i), "type"))) {
        return i;
      }
    }
    return -1;
  }

  private static void insertMessageItemAdded(List<JsonObject.Builder> events, String itemId, int outputIndex) {
    int position = indexOfType(events, TEXT_DELTA);
    if (position < 0) {
      return;
    }
    events.add(
        position,
        JsonObject.builder()
            .put("type", ITEM_ADDED)
            .put("output_index", outputIndex)
            .put("item", messageItem(itemId, "in_progress", null)));
  }

  /** Opens a reasoning item before its first summary delta (clients dereference it on the done event). */
  private static void insertReasoningItemAdded(List<JsonObject.Builder> events, int outputIndex) {
    for (int i = 0; i < events.size(); i++) {
      JsonObject.Builder e = events.get(i);
      if (REASONING_DELTA.equals(str(e, "type")) && index(e) == outputIndex) {
        events.add(
            i,
            JsonObject.builder()
                .put("type", ITEM_ADDED)
                .put("output_index", outputIndex)
                .put("item", reasoningItem(reasoningItemId(outputIndex), null)));
        return;
      }
    }
  }

  /** One output item to close: its index, the final item, and the arguments-done event of a tool. */
  private record FinishEntry(int outputIndex, JsonObject item, JsonObject.Builder argumentsDone) {}

  /** Closes every open item before the terminal event and fills {@code response.output}. */
  private static void insertFinishItems(
      List<JsonObject.Builder> events,
      int messageOutputIndex,
      String messageId,
      String messageText,
      TreeMap<Integer, ToolItem> tools,
      TreeMap<Integer, StringBuilder> reasoning,
      String status) {
    List<FinishEntry> entries = new ArrayList<>();
    if (messageId != null) {
      entries.add(new FinishEntry(messageOutputIndex, messageItem(messageId, status, messageText), null));
    }
    for (Map.Entry<Integer, StringBuilder> r : reasoning.entrySet()) {
      entries.add(
          new FinishEntry(r.getKey(), reasoningItem(reasoningItemId(r.getKey()), r.getValue().toString()), null));
    }
    for (Map.Entry<Integer, ToolItem> t : tools.entrySet()) {
      ToolItem tool = t.getValue();
      JsonObject.Builder done =
          JsonObject.builder()
              .put("type", tool.custom ? CUSTOM_INPUT_DONE : ARGUMENTS_DONE)
              .put("output_index", t.getKey())
              .put("item_id", tool.id)
              .put(tool.custom ? "input" : "arguments", tool.arguments.toString());
      entries.add(new FinishEntry(t.getKey(), toolCallItem(tool, status), done));
    }
    if (entries.isEmpty()) {
      return;
    }
    entries.sort((a, b) -> Integer.compare(a.outputIndex(), b.outputIndex()));
    List<JsonObject.Builder> inserts = new ArrayList<>(entries.size() * 2);
    JsonArray.Builder outputs = JsonArray.builder();
    for (FinishEntry entry : entries) {
      if (entry.argumentsDone() != null) {
        inserts.add(entry.argumentsDone());
      }
      inserts.add(
          JsonObject.builder()
              .put("type", ITEM_DONE)
              .put("output_index", entry.outputIndex())
              .put("item", entry.item()));
      outputs.add(entry.item());
    }
    int terminal = indexOfType(events, COMPLETED);
    if (terminal < 0) {
      terminal = indexOfType(events, INCOMPLETE);
    }
    if (terminal < 0) {
      events.addAll(inserts);
      return;
    }
    JsonObject.Builder terminalEvent = events.get(terminal);
    if (terminalEvent.get("response").orElse(null) instanceof JsonObject r) {
      terminalEvent.put("response", r.with("output", outputs.build()));
    }
    events.addAll(terminal, inserts);
  }
}
