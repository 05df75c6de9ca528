package dev.llmrouter.translate.anthropic;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.ReasoningDelta;
import dev.llmrouter.translate.ir.ReasoningSignature;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.ToolFunctionDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anthropic stream events to and from universal chunks (lingua's anthropic/adapter.rs
 * {@code stream_to_universal} / {@code stream_from_universal}). Both directions are stateless: one event
 * in, at most one chunk out; one chunk in, zero or more events out. Stream sessions add the bookkeeping
 * Anthropic's protocol needs (one message_start, balanced blocks, merged message_delta).
 */
final class AnthropicStreams {
  private AnthropicStreams() {}

  private static final JsonObject PING = JsonObject.of("type", JsonString.of("ping"));
  private static final JsonObject ASSISTANT_ROLE_EMPTY_CONTENT =
      JsonObject.builder().put("role", "assistant").put("content", "").build();

  /** Whether {@code event} is an Anthropic stream event (an {@code error} event is not). */
  static boolean detect(JsonObject event) {
    String type = event.getString("type").orElse(null);
    if (type == null) {
      return false;
    }
    switch (type) {
      case "message_start":
      case "content_block_start":
      case "content_block_delta":
      case "content_block_stop":
      case "message_delta":
      case "message_stop":
      case "ping":
        return true;
      default:
        return false;
    }
  }

  // =================================================================================================
  // Anthropic -> universal
  // =================================================================================================

  /**
   * One event in universal form: deltas for text, tool input, thinking and signatures; a
   * {@code redacted_thinking} block start as a redacted reasoning delta ({@link
   * RedactedReasoningPart#DELTA_KEY}); metadata (id,
   * model, usage, tier) for message_start; the finish reason and usage for message_delta; nothing for
   * message_stop; a keep-alive for everything else.
   *
   * @throws TranslationException when the event has no {@code type}
   */
  static Optional<UniversalStreamChunk> toUniversal(JsonObject event, ProviderFormat format) {
    if (!(event.getOrNull("type") instanceof JsonString type)) {
      throw new TranslationException("Conversion to universal format failed: missing type field (field type)");
    }
    switch (type.value()) {
      case "content_block_delta":
        return Optional.of(contentBlockDelta(event));
      case "message_delta":
        return Optional.of(messageDelta(event, format));
      case "message_start":
        return Optional.of(messageStart(event, format));
      case "message_stop":
        return Optional.empty();
      case "content_block_start":
        return Optional.of(contentBlockStart(event));
      default:
        return Optional.of(UniversalStreamChunk.keepAliveChunk());
    }
  }

  private static UniversalStreamChunk single(int index, JsonValue delta) {
    return UniversalStreamChunk.of(
        Optional.empty(),
        Optional.empty(),
        List.of(new StreamChoice(index, Optional.of(delta), Optional.empty())),
        Optional.empty(),
        Optional.empty());
  }

  /** The event's {@code index} as a u32 (0 when absent or not one, as lingua reads it). */
  private static int index(JsonObject event) {
    return u32(event.getOrNull("index"));
  }

  private static int u32(JsonValue v) {
    if (v == null) {
      return 0;
    }
    Optional<Long> l = LinguaJson.i64(v);
    return l.isPresent() && l.get() >= 0 && l.get() <= 0xFFFFFFFFL ? (int) (long) l.get() : 0;
  }

  private static boolean isU32OrAbsent(JsonValue v) {
    if (v == null || v.isNull()) {
      return true;
    }
    Optional<Long> l = LinguaJson.i64(v);
    return l.isPresent() && l.get() >= 0 && l.get() <= 0xFFFFFFFFL;
  }

  /**
   * A typed optional string of a lenient view: the value, null when absent or null; {@code invalid} is set
   * when the member has another type (lingua then reads the whole view as empty).
   */
  private static String viewString(JsonObject o, String key, boolean[] invalid) {
    JsonValue v = o.getOrNull(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    invalid[0] = true;
    return null;
  }

  private static UniversalStreamChunk contentBlockDelta(JsonObject event) {
    JsonObject delta = event.getOrNull("delta") instanceof JsonObject d ? d : null;
    String deltaType = delta == null ? null : delta.getString("type").orElse(null);
    if (deltaType == null) {
      return UniversalStreamChunk.keepAliveChunk();
    }
    int index = index(event);
    switch (deltaType) {
      case "text_delta":
        {
          String text = delta.getString("text").orElse(null);
          return single(
              index,
              new StreamDelta(
                      Optional.of("assistant"),
                      text == null || text.isEmpty() ? Optional.empty() : Optional.of(text),
                      List.of(),
                      List.of(),
                      Optional.empty())
                  .toJson());
        }
      case "input_json_delta":
        {
          String partial = deltaField(delta, "partial_json");
          JsonObject json =
              JsonObject.of(
                  "tool_calls",
                  JsonArray.of(
                      JsonObject.builder()
                          .put("index", JsonNumber.of(index))
                          .put(
                              "function",
                              JsonObject.of("arguments", JsonString.of(partial == null ? "" : partial)))
                          .build()));
          return single(index, json);
        }
      case "thinking_delta":
        {
          String thinking = deltaField(delta, "thinking");
          if (thinking == null || thinking.isEmpty()) {
            return UniversalStreamChunk.keepAliveChunk();
          }
          return single(
              index,
              new StreamDelta(
                      Optional.of("assistant"),
                      Optional.empty(),
                      List.of(),
                      List.of(ReasoningDelta.of(thinking)),
                      Optional.empty())
                  .toJson());
        }
      case "signature_delta":
        {
          String signature = deltaField(delta, "signature");
          if (signature == null || signature.isEmpty()) {
            return UniversalStreamChunk.keepAliveChunk();
          }
          return single(
              index,
              new StreamDelta(
                      Optional.of("assistant"),
                      Optional.empty(),
                      List.of(),
                      List.of(),
                      Optional.of(ReasoningSignature.of(signature)))
                  .toJson());
        }
      default:
        return UniversalStreamChunk.keepAliveChunk();
    }
  }

  /**
   * One of the delta's {@code partial_json}, {@code thinking}, {@code signature} members; all three read as
   * absent when any of them has the wrong type (lingua's lenient typed view).
   */
  private static String deltaField(JsonObject delta, String key) {
    boolean[] invalid = new boolean[1];
    String partial = viewString(delta, "partial_json", invalid);
    String thinking = viewString(delta, "thinking", invalid);
    String signature = viewString(delta, "signature", invalid);
    if (invalid[0]) {
      return null;
    }
    switch (key) {
      case "partial_json":
        return partial;
      case "thinking":
        return thinking;
      default:
        return signature;
    }
  }

  private static UniversalStreamChunk messageDelta(JsonObject event, ProviderFormat format) {
    String stopReason =
        event.getOrNull("delta") instanceof JsonObject d ? d.getString("stop_reason").orElse(null) : null;
    Optional<UniversalUsage> usage = UniversalUsage.extractFromResponse(event, format);
    if (stopReason != null) {
      String finish = FinishReason.fromProviderString(stopReason, format).toString();
      return UniversalStreamChunk.of(
          Optional.empty(),
          Optional.empty(),
          List.of(StreamChoice.finish(0, finish)),
          Optional.empty(),
          usage);
    }
    if (usage.isPresent()) {
      return UniversalStreamChunk.of(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), usage);
    }
    return UniversalStreamChunk.keepAliveChunk();
  }

  private static UniversalStreamChunk messageStart(JsonObject event, ProviderFormat format) {
    JsonObject message = event.getOrNull("message") instanceof JsonObject m ? m : null;
    Optional<String> model = message == null ? Optional.empty() : message.getString("model");
    Optional<String> id = message == null ? Optional.empty() : message.getString("id");
    Optional<UniversalUsage> usage =
        message == null || !message.has("usage")
            ? Optional.empty()
            : Optional.of(UniversalUsage.fromProviderValue(message.getOrNull("usage"), format));
    // The served tier is read leniently (lingua parses the whole message strictly; an unknown tier or an
    // incomplete message here only loses the tier, not the stream).
    Optional<ServedServiceTier> tier = Optional.empty();
    if (message != null && message.getOrNull("usage") instanceof JsonObject u) {
      tier =
          u.getString("service_tier")
              .filter(AnthropicSchema.SERVED_TIERS::contains)
              .flatMap(ServedServiceTier::fromWire);
    }
    JsonValue delta = ASSISTANT_ROLE_EMPTY_CONTENT;
    JsonObject toolUse = messageStartToolUse(message);
    if (toolUse != null) {
      JsonValue input = toolUse.getOrNull("input");
      String arguments = input == null || input.isNull() ? "" : toolInputToArguments(input);
      delta =
          new StreamDelta(
                  Optional.of("assistant"),
                  Optional.empty(),
                  List.of(
                      new ToolCallDelta(
                          Optional.of(0),
                          toolUse.getString("id"),
                          Optional.of("function"),
                          Optional.empty(),
                          Optional.of(
                              new ToolFunctionDelta(toolUse.getString("name"), Optional.of(arguments))))),
                  List.of(),
                  Optional.empty())
              .toJson();
    }
    return new UniversalStreamChunk(
        id,
        model,
        List.of(new StreamChoice(0, Optional.of(delta), Optional.empty())),
        Optional.empty(),
        usage,
        tier,
        false);
  }

  /** The first tool_use part of a message_start's content (lingua's lenient typed view). */
  private static JsonObject messageStartToolUse(JsonObject message) {
    if (message == null || !(message.getOrNull("content") instanceof JsonArray content)) {
      return null;
    }
    JsonObject found = null;
    for (JsonValue v : content) {
      if (!(v instanceof JsonObject part)) {
        return null;
      }
      boolean[] invalid = new boolean[1];
      String type = viewString(part, "type", invalid);
      viewString(part, "id", invalid);
      viewString(part, "name", invalid);
      if (invalid[0]) {
        return null;
      }
      if (found == null && "tool_use".equals(type)) {
        found = part;
      }
    }
    return found;
  }

  /** Tool input as argument text: an empty object gives "", anything else its compact JSON (sorted keys). */
  static String toolInputToArguments(JsonValue input) {
    if (input instanceof JsonObject o && o.isEmpty()) {
      return "";
    }
    return LinguaJson.writeSorted(input);
  }

  private static UniversalStreamChunk contentBlockStart(JsonObject event) {
    JsonValue indexValue = event.getOrNull("index");
    JsonValue blockValue = event.getOrNull("content_block");
    if (!isU32OrAbsent(indexValue)
        || (blockValue != null && !blockValue.isNull() && !(blockValue instanceof JsonObject))) {
      return UniversalStreamChunk.keepAliveChunk();
    }
    JsonObject block = blockValue instanceof JsonObject b ? b : null;
    if (block == null) {
      return UniversalStreamChunk.keepAliveChunk();
    }
    boolean[] invalid = new boolean[1];
    String type = viewString(block, "type", invalid);
    String id = viewString(block, "id", invalid);
    String name = viewString(block, "name", invalid);
    String thinking = viewString(block, "thinking", invalid);
    if (invalid[0]) {
      return UniversalStreamChunk.keepAliveChunk();
    }
    int index = u32(indexValue);
    if ("tool_use".equals(type)) {
      return single(
          index,
          new StreamDelta(
                  Optional.of("assistant"),
                  Optional.empty(),
                  List.of(
                      new ToolCallDelta(
                          Optional.of(index),
                          Optional.of(id == null ? "" : id),
                          Optional.of("function"),
                          Optional.empty(),
                          Optional.of(
                              new ToolFunctionDelta(Optional.of(name == null ? "" : name), Optional.of(""))))),
                  List.of(),
                  Optional.empty())
              .toJson());
    }
    if ("redacted_thinking".equals(type)) {
      // The whole redacted payload arrives in the start event (no deltas follow); lingua skips it.
      if (!(block.getOrNull("data") instanceof JsonString data)) {
        return UniversalStreamChunk.keepAliveChunk();
      }
      return single(index, RedactedReasoningPart.of(data.value()).delta());
    }
    if ("thinking".equals(type)) {
      if (thinking == null || thinking.isEmpty()) {
        return UniversalStreamChunk.keepAliveChunk();
      }
      return single(
          index,
          new StreamDelta(
                  Optional.of("assistant"),
                  Optional.empty(),
                  List.of(),
                  List.of(ReasoningDelta.of(thinking)),
                  Optional.empty())
              .toJson());
    }
    return UniversalStreamChunk.keepAliveChunk();
  }

  // =================================================================================================
  // universal -> Anthropic
  // =================================================================================================

  /**
   * One chunk as Anthropic events (lingua's {@code stream_from_universal}, which returns an array where
   * this returns several events): a keep-alive is a ping; an initial metadata chunk is message_start
   * (always with usage); a finish is message_delta (always with usage), preceded by any tool events it
   * carries; a redacted reasoning delta as a {@code redacted_thinking} block start and stop; then
   * thinking, signature, tool, text and role-only deltas; a usage-only chunk is a
   * message_delta; anything else an empty text delta.
   *
   * @throws TranslationException when a delta carries several reasoning signatures
   */
  static List<JsonObject> fromUniversal(UniversalStreamChunk chunk, ProviderFormat format) {
    if (chunk.isKeepAlive()) {
      return List.of(PING);
    }
    StreamChoice choice = chunk.choices().isEmpty() ? null : chunk.choices().get(0);
    StreamDelta view = choice == null ? null : choice.deltaView().orElse(null);
    boolean hasFinish = choice != null && choice.finishReason().isPresent();
    boolean hasToolCalls = view != null && !view.toolCalls().isEmpty();
    boolean hasReasoning = view != null && !view.reasoning().isEmpty();
    boolean hasMetadata = chunk.model().isPresent() || chunk.id().isPresent() || chunk.usage().isPresent();
    boolean initialMetadata =
        hasMetadata
            && !hasFinish
            && !hasToolCalls
            && !hasReasoning
            && choice != null
            && (view == null || view.content().map(String::isEmpty).orElse(true));
    if (initialMetadata) {
      return List.of(messageStart(chunk));
    }

    if (hasFinish) {
      String finish = choice.finishReason().get();
      String stop;
      switch (finish) {
        case "stop":
          stop = "end_turn";
          break;
        case "length":
          stop = "max_tokens";
          break;
        case "tool_calls":
          stop = "tool_use";
          break;
        default:
          stop = finish;
          break;
      }
      JsonObject delta =
          JsonObject.builder()
              .put("type", "message_delta")
              .put("delta", JsonObject.of("stop_reason", JsonString.of(stop)))
              .put(
                  "usage",
                  chunk.usage().isPresent()
                      ? chunk.usage().get().toProviderValue(format)
                      : JsonObject.of("output_tokens", JsonNumber.of(0)))
              .build();
      List<JsonObject> toolEvents = view == null ? List.of() : toolCallEvents(view, choice.index());
      if (toolEvents.isEmpty()) {
        return List.of(delta);
      }
      List<JsonObject> events = new ArrayList<>(toolEvents);
      events.add(delta);
      return events;
    }

    Optional<RedactedReasoningPart> redacted =
        choice == null ? Optional.empty() : choice.delta().flatMap(RedactedReasoningPart::fromDelta);
    if (redacted.isPresent()) {
      return redactedThinkingEvents(choice.index(), redacted.get());
    }
    if (choice != null && view != null) {
      if (view.reasoningSignature().isPresent() && !view.reasoningSignature().get().single()) {
        throw new TranslationException(
            "Conversion from universal format failed: multiple reasoning signatures cannot be represented "
                + "in one Anthropic stream content block");
      }
      if (hasReasoning) {
        StringBuilder thinking = new StringBuilder();
        for (ReasoningDelta r : view.reasoning()) {
          r.content().ifPresent(thinking::append);
        }
        if (thinking.length() > 0) {
          return List.of(blockDelta(choice.index(), "thinking_delta", "thinking", thinking.toString()));
        }
      }
      if (view.reasoningSignature().isPresent()) {
        String sig = view.reasoningSignature().get().values().get(0);
        if (!sig.isEmpty()) {
          return List.of(blockDelta(choice.index(), "signature_delta", "signature", sig));
        }
      }
      if (hasToolCalls) {
        List<JsonObject> events = new ArrayList<>();
        view.content()
            .filter(c -> !c.isEmpty())
            .ifPresent(c -> events.add(blockDelta(choice.index(), "text_delta", "text", c)));
        events.addAll(toolCallEvents(view, choice.index()));
        return events;
      }
      if (view.content().isPresent()) {
        return List.of(blockDelta(choice.index(), "text_delta", "text", view.content().get()));
      }
      if (view.role().isPresent()) {
        return List.of(
            JsonObject.builder()
                .put("type", "content_block_start")
                .put("index", JsonNumber.of(choice.index()))
                .put("content_block", JsonObject.builder().put("type", "text").put("text", "").build())
                .build());
      }
    }

    if (chunk.choices().isEmpty()) {
      if (chunk.usage().isPresent()) {
        return List.of(
            JsonObject.builder()
                .put("type", "message_delta")
                .put("delta", JsonObject.empty())
                .put("usage", chunk.usage().get().toProviderValue(format))
                .build());
      }
      return List.of(JsonObject.empty());
    }
    return List.of(blockDelta(0, "text_delta", "text", ""));
  }

  /**
   * A redacted reasoning chunk as a self-contained {@code redacted_thinking} block: its start event (which
   * carries the whole payload, as Anthropic sends it) and its stop event, at {@code index}.
   */
  static List<JsonObject> redactedThinkingEvents(int index, RedactedReasoningPart redacted) {
    return List.of(
        JsonObject.builder()
            .put("type", "content_block_start")
            .put("index", JsonNumber.of(index))
            .put("content_block", AnthropicMessages.redactedThinkingBlock(redacted))
            .build(),
        JsonObject.builder().put("type", "content_block_stop").put("index", JsonNumber.of(index)).build());
  }

  private static JsonObject blockDelta(int index, String deltaType, String field, String value) {
    return JsonObject.builder()
        .put("type", "content_block_delta")
        .put("index", JsonNumber.of(index))
        .put("delta", JsonObject.builder().put("type", deltaType).put(field, value).build())
        .build();
  }

  /** A message_start event: placeholder id and model when unknown, usage always (zeros when unknown). */
  static JsonObject messageStart(UniversalStreamChunk chunk) {
    JsonObject usage =
        chunk.usage().isPresent()
            ? chunk.usage().get().toProviderValue(ProviderFormat.ANTHROPIC)
            : JsonObject.builder().put("input_tokens", 0L).put("output_tokens", 0L).build();
    String tier = chunk.servedServiceTier().map(AnthropicResponses::servedTier).orElse(null);
    if (tier != null) {
      usage = usage.with("service_tier", JsonString.of(tier));
    }
    JsonObject message =
        JsonObject.builder()
            .put("id", chunk.id().orElse(Defaults.ANTHROPIC_PREFIX + Defaults.PLACEHOLDER_ID))
            .put("type", "message")
            .put("role", "assistant")
            .put("model", chunk.model().orElse(Defaults.PLACEHOLDER_MODEL))
            .put("content", JsonArray.empty())
            .put("stop_reason", JsonNull.INSTANCE)
            .put("stop_sequence", JsonNull.INSTANCE)
            .put("usage", usage)
            .build();
    return JsonObject.builder().put("type", "message_start").put("message", message).build();
  }

  /**
   * lingua's {@code anthropic_tool_call_stream_events}: a tool call with a name opens a tool_use block
   * (plus an input_json_delta for arguments bundled into the opening delta); one without a name streams
   * its argument fragment (even an empty one).
   */
  static List<JsonObject> toolCallEvents(StreamDelta view, int fallbackIndex) {
    List<JsonObject> events = new ArrayList<>();
    for (ToolCallDelta tc : view.toolCalls()) {
      int index = tc.index().orElse(fallbackIndex);
      Optional<ToolFunctionDelta> fn = tc.function();
      String name = fn.flatMap(ToolFunctionDelta::name).orElse("");
      String arguments = fn.flatMap(ToolFunctionDelta::arguments).orElse(null);
      if (name.isEmpty()) {
        events.add(blockDelta(index, "input_json_delta", "partial_json", arguments == null ? "" : arguments));
        continue;
      }
      events.add(
          JsonObject.builder()
              .put("type", "content_block_start")
              .put("index", JsonNumber.of(index))
              .put(
                  "content_block",
                  JsonObject.builder()
                      .put("type", "tool_use")
                      .put("id", tc.id().orElse(""))
                      .put("name", name)
                      .put("input", JsonObject.empty())
                      .build())
              .build());
      if (arguments != null && !arguments.isEmpty()) {
        events.add(blockDelta(index, "input_json_delta", "partial_json", arguments));
      }
    }
    return events;
  }
}
