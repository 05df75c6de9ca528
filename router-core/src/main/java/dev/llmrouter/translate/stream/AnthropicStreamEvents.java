package dev.llmrouter.translate.stream;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.translate.ir.Defaults;
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
 * Anthropic stream events for one universal chunk, without session state (lingua's Anthropic adapter
 * {@code stream_from_universal}, which may answer several events at once), plus the event builders the
 * stateful session shares. Used for every Anthropic-family target; the plain Anthropic target adds
 * {@link AnthropicStreamState}'s framing on top.
 */
final class AnthropicStreamEvents {
  static final String MESSAGE_START = "message_start";
  static final String MESSAGE_DELTA = "message_delta";
  static final String MESSAGE_STOP = "message_stop";
  static final String BLOCK_START = "content_block_start";
  static final String BLOCK_DELTA = "content_block_delta";
  static final String BLOCK_STOP = "content_block_stop";
  static final String PING = "ping";

  private static final OutEvent PING_EVENT = new OutEvent(JsonObject.of("type", JsonString.of(PING)), PING);
  private static final OutEvent MESSAGE_STOP_EVENT =
      new OutEvent(JsonObject.of("type", JsonString.of(MESSAGE_STOP)), MESSAGE_STOP);
  private static final JsonObject ZERO_USAGE =
      JsonObject.builder().put("input_tokens", 0L).put("output_tokens", 0L).build();
  private static final JsonObject ZERO_OUTPUT_USAGE = JsonObject.builder().put("output_tokens", 0L).build();

  private AnthropicStreamEvents() {}

  /** The content kinds a block can have, as the session tracks them. */
  enum BlockKind {
    TEXT,
    THINKING,
    TOOL_USE,
    /** A {@code redacted_thinking} block: self-contained (start, then stop; no deltas). */
    REDACTED_THINKING;

    /** The kind of a {@code content_block.type}; null for other block types. */
    static BlockKind fromBlockType(String type) {
      if (type == null) {
        return null;
      }
      switch (type) {
        case "text":
          return TEXT;
        case "thinking":
          return THINKING;
        case "tool_use":
          return TOOL_USE;
        case "redacted_thinking":
          return REDACTED_THINKING;
        default:
          return null;
      }
    }

    /** The kind of a {@code delta.type}; null for other delta types. */
    static BlockKind fromDeltaType(String type) {
      if (type == null) {
        return null;
      }
      switch (type) {
        case "text_delta":
          return TEXT;
        case "thinking_delta":
        case "signature_delta":
          return THINKING;
        case "input_json_delta":
          return TOOL_USE;
        default:
          return null;
      }
    }

    /**
     * Whether the session may open a block of this kind itself (tool blocks need the provider's id,
     * redacted blocks carry their payload in the start).
     */
    boolean canSynthesizeStart() {
      return this != TOOL_USE && this != REDACTED_THINKING;
    }
  }

  /**
   * The events for {@code chunk}; empty when it carries nothing (lingua's {@code {}} result). A redacted
   * reasoning delta ({@link RedactedReasoningPart#DELTA_KEY}) becomes a {@code redacted_thinking} block
   * start and its stop.
   *
   * @throws TranslationException when the chunk holds several reasoning signatures
   */
  static List<OutEvent> fromUniversal(UniversalStreamChunk chunk) {
    return fromUniversal(chunk, firstView(chunk));
  }

  /** {@link #fromUniversal(UniversalStreamChunk)} with the first choice's delta view already read. */
  static List<OutEvent> fromUniversal(UniversalStreamChunk chunk, StreamDelta view) {
    if (chunk.isKeepAlive()) {
      return List.of(ping());
    }
    StreamChoice first = chunk.choices().isEmpty() ? null : chunk.choices().get(0);
    boolean hasFinish = first != null && first.finishReason().isPresent();
    boolean hasToolCalls = view != null && !view.toolCalls().isEmpty();
    boolean hasReasoning = view != null && !view.reasoning().isEmpty();
    boolean hasMetadata = hasMetadata(chunk);
    boolean initialMetadata =
        hasMetadata
            && !hasFinish
            && !hasToolCalls
            && !hasReasoning
            && first != null
            && (view == null || view.content().isEmpty() || view.content().get().isEmpty());
    if (initialMetadata) {
      return List.of(adapterMessageStart(chunk));
    }
    if (hasFinish) {
      String stopReason = stopReason(first.finishReason().get());
      JsonObject delta =
          JsonObject.builder()
              .put("type", MESSAGE_DELTA)
              .put("delta", JsonObject.of("stop_reason", JsonString.of(stopReason)))
              .put(
                  "usage",
                  chunk.usage().map(u -> u.toProviderValue(ProviderFormat.ANTHROPIC)).orElse(ZERO_OUTPUT_USAGE))
              .build();
      OutEvent finish = new OutEvent(delta, MESSAGE_DELTA);
      if (view == null || view.toolCalls().isEmpty()) {
        return List.of(finish);
      }
      // Some providers (GLM/zai) put the last argument fragment into the finishing delta: re-emit the
      // tool events before the message_delta so nothing is dropped.
      List<OutEvent> events = new ArrayList<>(view.toolCalls().size() + 2);
      toolCallEvents(view, first.index(), events);
      events.add(finish);
      return events;
    }
    Optional<RedactedReasoningPart> redacted =
        first == null ? Optional.empty() : first.delta().flatMap(RedactedReasoningPart::fromDelta);
    if (redacted.isPresent()) {
      // Anthropic sends the whole redacted payload in the block start; the block has no deltas.
      return List.of(redactedThinkingStart(first.index(), redacted.get().data()), blockStop(first.index()));
    }
    if (first != null && view != null) {
      if (view.reasoningSignature().isPresent() && !view.reasoningSignature().get().single()) {
        throw multipleSignatures();
      }
      if (!view.reasoning().isEmpty()) {
        String thinking = joinReasoning(view.reasoning());
        if (!thinking.isEmpty()) {
          return List.of(thinkingDelta(first.index(), thinking));
        }
      }
      if (view.reasoningSignature().isPresent()) {
        String signature = view.reasoningSignature().get().values().get(0);
        if (!signature.isEmpty()) {
          return List.of(signatureDelta(first.index(), signature));
        }
      }
      if (!view.toolCalls().isEmpty()) {
        List<OutEvent> events = new ArrayList<>(view.toolCalls().size() + 2);
        if (view.content().isPresent() && !view.content().get().isEmpty()) {
          events.add(textDelta(first.index(), view.content().get()));
        }
        toolCallEvents(view, first.index(), events);
        return events;
      }
      if (view.content().isPresent()) {
        return List.of(textDelta(first.index(), view.content().get()));
      }
      if (view.role().isPresent()) {
        return List.of(blockStart(first.index(), BlockKind.TEXT));
      }
    }
    if (chunk.choices().isEmpty()) {
      if (chunk.usage().isPresent()) {
        return List.of(
            new OutEvent(
                JsonObject.builder()
                    .put("type", MESSAGE_DELTA)
                    .put("delta", JsonObject.empty())
                    .put("usage", chunk.usage().get().toProviderValue(ProviderFormat.ANTHROPIC))
                    .build(),
                MESSAGE_DELTA));
      }
      return List.of();
    }
    return List.of(textDelta(0, ""));
  }

  /** The typed view of the first choice's delta; null when there is no choice or it does not fit. */
  static StreamDelta firstView(UniversalStreamChunk chunk) {
    return chunk.choices().isEmpty() ? null : chunk.choices().get(0).deltaView().orElse(null);
  }

  /** Whether the chunk carries an id, a model or usage. */
  static boolean hasMetadata(UniversalStreamChunk chunk) {
    return chunk.model().isPresent() || chunk.id().isPresent() || chunk.usage().isPresent();
  }

  static TranslationException multipleSignatures() {
    return new TranslationException(
        "multiple reasoning signatures cannot be represented in one Anthropic stream content block"
            + " (delta.reasoning_signature)");
  }

  /** Anthropic's stop reason for a universal finish reason string. */
  static String stopReason(String finishReason) {
    switch (finishReason) {
      case "stop":
        return "end_turn";
      case "length":
        return "max_tokens";
      case "tool_calls":
        return "tool_use";
      default:
        return finishReason;
    }
  }

  /** The reasoning fragments' text, concatenated. */
  static String joinReasoning(List<ReasoningDelta> reasoning) {
    if (reasoning.size() == 1) {
      return reasoning.get(0).content().orElse("");
    }
    StringBuilder sb = new StringBuilder();
    for (ReasoningDelta r : reasoning) {
      r.content().ifPresent(sb::append);
    }
    return sb.toString();
  }

  /**
   * The tool-call events of one delta (lingua's {@code anthropic_tool_call_stream_events}): a named
   * fragment opens a tool_use block (and re-emits any bundled argument fragment); an unnamed one streams
   * its argument fragment, empty fragments included.
   */
  static void toolCallEvents(StreamDelta view, int fallbackIndex, List<OutEvent> events) {
    for (ToolCallDelta call : view.toolCalls()) {
      int index = call.index().orElse(fallbackIndex);
      Optional<ToolFunctionDelta> function = call.function();
      String name = function.flatMap(ToolFunctionDelta::name).orElse("");
      Optional<String> arguments = function.flatMap(ToolFunctionDelta::arguments);
      if (name.isEmpty()) {
        events.add(inputJsonDelta(index, arguments.orElse("")));
        continue;
      }
      events.add(toolUseStart(index, call.id().orElse(""), name));
      if (arguments.isPresent() && !arguments.get().isEmpty()) {
        events.add(inputJsonDelta(index, arguments.get()));
      }
    }
  }

  /** The adapter's {@code message_start}: placeholder id and model, usage always, a served tier. */
  static OutEvent adapterMessageStart(UniversalStreamChunk chunk) {
    JsonObject usage = chunk.usage().map(u -> u.toProviderValue(ProviderFormat.ANTHROPIC)).orElse(ZERO_USAGE);
    Optional<String> tier = chunk.servedServiceTier().flatMap(AnthropicStreamEvents::anthropicTier);
    if (tier.isPresent()) {
      usage = usage.with("service_tier", JsonString.of(tier.get()));
    }
    return messageStart(
        chunk.id().orElse(Defaults.ANTHROPIC_PREFIX + Defaults.PLACEHOLDER_ID),
        chunk.model().orElse(Defaults.PLACEHOLDER_MODEL),
        usage);
  }

  /**
   * The session's own {@code message_start} (lingua's {@code anthropic_message_start_bytes}), used when
   * the session has to open the message itself: other placeholders, no served tier.
   */
  static OutEvent sessionMessageStart(UniversalStreamChunk chunk) {
    Optional<UniversalUsage> usage = chunk.usage();
    return messageStart(
        chunk.id().orElse("msg_placeholder_id"),
        chunk.model().orElse("claude-3-5-sonnet"),
        usage.map(u -> u.toProviderValue(ProviderFormat.ANTHROPIC)).orElse(ZERO_USAGE));
  }

  private static Optional<String> anthropicTier(ServedServiceTier tier) {
    switch (tier) {
      case BATCH:
      case PRIORITY:
      case STANDARD:
        return Optional.of(tier.wire());
      default:
        return Optional.empty();
    }
  }

  private static OutEvent messageStart(String id, String model, JsonObject usage) {
    JsonObject message =
        JsonObject.builder()
            .put("id", id)
            .put("type", "message")
            .put("role", "assistant")
            .put("model", model)
            .put("content", JsonArray.empty())
            .put("stop_reason", JsonNull.INSTANCE)
            .put("stop_sequence", JsonNull.INSTANCE)
            .put("usage", usage)
            .build();
    return new OutEvent(
        JsonObject.builder().put("type", MESSAGE_START).put("message", message).build(), MESSAGE_START);
  }

  static OutEvent ping() {
    return PING_EVENT;
  }

  static OutEvent messageStop() {
    return MESSAGE_STOP_EVENT;
  }

  static OutEvent blockStart(int index, BlockKind kind) {
    JsonObject block =
        kind == BlockKind.THINKING
            ? JsonObject.builder().put("type", "thinking").put("thinking", "").build()
            : JsonObject.builder().put("type", "text").put("text", "").build();
    return new OutEvent(
        JsonObject.builder().put("type", BLOCK_START).put("index", index).put("content_block", block).build(),
        BLOCK_START);
  }

  /** A {@code redacted_thinking} block start carrying the whole payload. */
  static OutEvent redactedThinkingStart(int index, String data) {
    JsonObject block = JsonObject.builder().put("type", "redacted_thinking").put("data", data).build();
    return new OutEvent(
        JsonObject.builder().put("type", BLOCK_START).put("index", index).put("content_block", block).build(),
        BLOCK_START);
  }

  static OutEvent toolUseStart(int index, String id, String name) {
    JsonObject block =
        JsonObject.builder()
            .put("type", "tool_use")
            .put("id", id)
            .put("name", name)
            .put("input", JsonObject.empty())
            .build();
    return new OutEvent(
        JsonObject.builder().put("type", BLOCK_START).put("index", index).put("content_block", block).build(),
        BLOCK_START);
  }

  static OutEvent blockStop(int index) {
    return new OutEvent(JsonObject.builder().put("type", BLOCK_STOP).put("index", index).build(), BLOCK_STOP);
  }

  static OutEvent textDelta(int index, String text) {
    return blockDelta(index, JsonObject.builder().put("type", "text_delta").put("text", text).build());
  }

  static OutEvent thinkingDelta(int index, String thinking) {
    return blockDelta(
        index, JsonObject.builder().put("type", "thinking_delta").put("thinking", thinking).build());
  }

  static OutEvent signatureDelta(int index, String signature) {
    return blockDelta(
        index, JsonObject.builder().put("type", "signature_delta").put("signature", signature).build());
  }

  static OutEvent inputJsonDelta(int index, String partialJson) {
    return blockDelta(
        index,
        JsonObject.builder().put("type", "input_json_delta").put("partial_json", partialJson).build());
  }

  private static OutEvent blockDelta(int index, JsonObject delta) {
    return new OutEvent(
        JsonObject.builder().put("type", BLOCK_DELTA).put("index", index).put("delta", delta).build(),
        BLOCK_DELTA);
  }

  /** The non-empty signature values of a delta. */
  static List<String> signatures(Optional<ReasoningSignature> signature) {
    if (signature.isEmpty()) {
      return List.of();
    }
    List<String> values = signature.get().values();
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      if (!v.isEmpty()) {
        out.add(v);
      }
    }
    return out;
  }
}
