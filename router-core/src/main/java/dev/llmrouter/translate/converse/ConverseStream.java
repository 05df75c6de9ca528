package dev.llmrouter.translate.converse;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
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
import java.util.List;
import java.util.Optional;

/**
 * Converse stream events to and from universal chunks (lingua's {@code BedrockAdapter} stream methods and
 * the typed event view of providers/bedrock/response.rs). Events arrive decoded from the AWS event stream
 * as objects keyed by the event name: {@code messageStart}, {@code contentBlockStart},
 * {@code contentBlockDelta}, {@code contentBlockStop}, {@code messageStop}, {@code metadata}.
 */
final class ConverseStream {
  private ConverseStream() {}

  /** The event kinds, in lingua's (untagged) matching order. */
  enum Kind {
    MESSAGE_START("messageStart"),
    CONTENT_BLOCK_START("contentBlockStart"),
    CONTENT_BLOCK_DELTA("contentBlockDelta"),
    CONTENT_BLOCK_STOP("contentBlockStop"),
    MESSAGE_STOP("messageStop"),
    METADATA("metadata");

    final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  private static final Kind[] KINDS = Kind.values();
  private static final long U32_MAX = 0xFFFF_FFFFL;

  /** The kind of a stream event, empty when it is none of the Converse events (lingua's typed view). */
  static Optional<Kind> kind(JsonObject event) {
    for (Kind k : KINDS) {
      JsonValue body = event.getOrNull(k.key);
      if (body instanceof JsonObject o && matches(k, o)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(Kind kind, JsonObject body) {
    switch (kind) {
      case MESSAGE_START:
        return body.getOrNull("role") instanceof JsonString;
      case CONTENT_BLOCK_START:
        return isU32(body.getOrNull("contentBlockIndex")) && body.has("start");
      case CONTENT_BLOCK_DELTA:
        return isU32(body.getOrNull("contentBlockIndex")) && body.has("delta");
      case CONTENT_BLOCK_STOP:
        return isU32(body.getOrNull("contentBlockIndex"));
      case MESSAGE_STOP:
        return body.getOrNull("stopReason") instanceof JsonString;
      default:
        return isUsageOrNull(body.getOrNull("usage")) && isMetricsOrNull(body.getOrNull("metrics"));
    }
  }

  private static boolean isU32(JsonValue v) {
    if (v == null) {
      return false;
    }
    Optional<Long> l = LinguaJson.i64(v);
    return l.isPresent() && l.get() >= 0 && l.get() <= U32_MAX;
  }

  /** lingua's typed {@code BedrockTokenUsage}: inputTokens, outputTokens and totalTokens are required. */
  private static boolean isUsageOrNull(JsonValue v) {
    if (v == null || v.isNull()) {
      return true;
    }
    if (!(v instanceof JsonObject u)) {
      return false;
    }
    return isI32(u.getOrNull("inputTokens"))
        && isI32(u.getOrNull("outputTokens"))
        && isI32(u.getOrNull("totalTokens"))
        && isOptionalI32(u.getOrNull("cacheReadInputTokens"))
        && isOptionalI32(u.getOrNull("cacheWriteInputTokens"));
  }

  private static boolean isI32(JsonValue v) {
    if (v == null) {
      return false;
    }
    Optional<Long> l = LinguaJson.i64(v);
    return l.isPresent() && l.get() >= Integer.MIN_VALUE && l.get() <= Integer.MAX_VALUE;
  }

  private static boolean isOptionalI32(JsonValue v) {
    return v == null || v.isNull() || isI32(v);
  }

  private static boolean isMetricsOrNull(JsonValue v) {
    if (v == null || v.isNull()) {
      return true;
    }
    return v instanceof JsonObject m
        && m.getOrNull("latencyMs") != null
        && LinguaJson.i64(m.getOrNull("latencyMs")).isPresent();
  }

  // =============================================================================================
  // Converse -> universal
  // =============================================================================================

  /**
   * One event in universal form (a {@code redactedContent} reasoning delta as a redacted reasoning delta,
   * choice 0, see {@link RedactedReasoningPart#DELTA_KEY}; each such delta is taken as one whole redacted
   * block); a keep-alive chunk for events with nothing to forward (message start,
   * block stop, non-tool block starts, citation/image/tool-result deltas, empty reasoning, metadata
   * without usage or tier).
   *
   * @throws TranslationException when the event is not a Converse stream event
   */
  static Optional<UniversalStreamChunk> toUniversal(JsonObject event) {
    Optional<ServedServiceTier> tier = servedTier(event);
    Kind kind =
        kind(event)
            .orElseThrow(
                () ->
                    new TranslationException(
                        "Bedrock Converse: not a stream event (expected one of messageStart, "
                            + "contentBlockStart, contentBlockDelta, contentBlockStop, messageStop, "
                            + "metadata)"));
    JsonObject body = (JsonObject) event.getOrNull(kind.key);
    switch (kind) {
      case CONTENT_BLOCK_START:
        return Optional.of(blockStart(body));
      case CONTENT_BLOCK_DELTA:
        return Optional.of(blockDelta(body));
      case MESSAGE_STOP:
        return Optional.of(
            UniversalStreamChunk.finish(
                0, streamFinishReason(((JsonString) body.getOrNull("stopReason")).value())));
      case METADATA:
        {
          JsonValue usage = body.getOrNull("usage");
          Optional<UniversalUsage> u =
              usage == null || usage.isNull()
                  ? Optional.empty()
                  : Optional.of(UniversalUsage.fromProviderValue(usage, ProviderFormat.CONVERSE));
          if (u.isEmpty() && tier.isEmpty()) {
            return Optional.of(UniversalStreamChunk.keepAliveChunk());
          }
          return Optional.of(
              UniversalStreamChunk.of(
                      Optional.empty(), Optional.empty(), List.of(), Optional.empty(), u)
                  .withServedServiceTier(tier));
        }
      default:
        // messageStart, contentBlockStop
        return Optional.of(UniversalStreamChunk.keepAliveChunk());
    }
  }

  private static int index(JsonObject body) {
    long l = LinguaJson.i64(body.getOrNull("contentBlockIndex")).orElse(0L);
    if (l > Integer.MAX_VALUE) {
      throw new TranslationException(
          "Bedrock Converse: contentBlockIndex " + l + " is out of range (field contentBlockIndex)");
    }
    return (int) l;
  }

  private static UniversalStreamChunk blockStart(JsonObject body) {
    if (body.getOrNull("start") instanceof JsonObject start
        && start.getOrNull("toolUse") instanceof JsonObject toolUse
        && toolUse.getOrNull("toolUseId") instanceof JsonString id
        && toolUse.getOrNull("name") instanceof JsonString name) {
      ToolCallDelta call =
          ToolCallDelta.of(index(body), id.value(), "function", null, ToolFunctionDelta.of(name.value(), ""));
      StreamDelta delta =
          new StreamDelta(
              Optional.of("assistant"), Optional.empty(), List.of(call), List.of(), Optional.empty());
      return single(StreamChoice.of(0, delta, Optional.empty()));
    }
    return UniversalStreamChunk.keepAliveChunk();
  }

  private static UniversalStreamChunk blockDelta(JsonObject body) {
    if (!(body.getOrNull("delta") instanceof JsonObject delta)) {
      return UniversalStreamChunk.keepAliveChunk();
    }
    if (delta.getOrNull("text") instanceof JsonString text) {
      return single(StreamChoice.textDelta(0, text.value()));
    }
    if (delta.getOrNull("reasoningContent") instanceof JsonObject reasoning) {
      if (reasoning.getOrNull("redactedContent") instanceof JsonString redacted) {
        // lingua forwards nothing here; the payload (base64 text of the blob) is kept as it is.
        return single(
            new StreamChoice(0, Optional.of(RedactedReasoningPart.of(redacted.value()).delta()), Optional.empty()));
      }
      JsonValue text = reasoning.getOrNull("text");
      JsonValue signature = reasoning.getOrNull("signature");
      if (isOptionalString(text) && isOptionalString(signature)) {
        return reasoningDelta(text, signature);
      }
    }
    if (delta.getOrNull("toolUse") instanceof JsonObject toolUse
        && toolUse.getOrNull("input") instanceof JsonString input) {
      ToolCallDelta call =
          ToolCallDelta.of(index(body), null, null, null, ToolFunctionDelta.of(null, input.value()));
      StreamDelta d =
          new StreamDelta(Optional.empty(), Optional.empty(), List.of(call), List.of(), Optional.empty());
      return single(StreamChoice.of(0, d, Optional.empty()));
    }
    // Citation, image and tool-result deltas (and unknown ones) carry nothing to forward (lingua).
    return UniversalStreamChunk.keepAliveChunk();
  }

  private static boolean isOptionalString(JsonValue v) {
    return v == null || v.isNull() || v instanceof JsonString;
  }

  private static UniversalStreamChunk reasoningDelta(JsonValue text, JsonValue signature) {
    String t = text instanceof JsonString s ? s.value() : "";
    boolean hasSignature = signature instanceof JsonString;
    if (t.isEmpty() && !hasSignature) {
      return UniversalStreamChunk.keepAliveChunk();
    }
    StreamDelta delta =
        new StreamDelta(
            Optional.of("assistant"),
            Optional.empty(),
            List.of(),
            t.isEmpty() ? List.of() : List.of(ReasoningDelta.of(t)),
            hasSignature
                ? Optional.of(ReasoningSignature.of(((JsonString) signature).value()))
                : Optional.empty());
    return single(StreamChoice.of(0, delta, Optional.empty()));
  }

  private static UniversalStreamChunk single(StreamChoice choice) {
    return UniversalStreamChunk.of(
        Optional.empty(), Optional.empty(), List.of(choice), Optional.empty(), Optional.empty());
  }

  /**
   * The Bedrock stream stop-reason table (lingua's {@code bedrock_stop_reason_to_finish_reason}): end_turn
   * and stop_sequence are stop; max_tokens and model_context_window_exceeded are length; tool_use is
   * tool_calls; content_filtered, guardrail_intervened, malformed_model_output and malformed_tool_use are
   * content_filter; anything else is stop.
   */
  static String streamFinishReason(String stopReason) {
    switch (stopReason) {
      case "max_tokens":
      case "model_context_window_exceeded":
        return "length";
      case "tool_use":
        return "tool_calls";
      case "content_filtered":
      case "guardrail_intervened":
      case "malformed_model_output":
      case "malformed_tool_use":
        return "content_filter";
      default:
        return "stop";
    }
  }

  /**
   * {@code metadata.serviceTier.type} of an event (lingua's stream service-tier view).
   *
   * @throws TranslationException when {@code metadata} or its {@code serviceTier} is malformed
   */
  private static Optional<ServedServiceTier> servedTier(JsonObject event) {
    JsonValue metadata = event.getOrNull("metadata");
    if (metadata == null || metadata.isNull()) {
      return Optional.empty();
    }
    if (!(metadata instanceof JsonObject m)) {
      throw new TranslationException(
          "Bedrock Converse: invalid type: " + metadata.kind() + ", expected an object (field metadata)");
    }
    return servedTierOf(m.getOrNull("serviceTier"), "metadata.serviceTier");
  }

  /**
   * A Converse {@code serviceTier} ({@code {type}}) as a served tier: default, flex, priority and reserved
   * are known; other types give empty.
   *
   * @throws TranslationException when the value is not such an object
   */
  static Optional<ServedServiceTier> servedTierOf(JsonValue serviceTier, String field) {
    if (serviceTier == null || serviceTier.isNull()) {
      return Optional.empty();
    }
    if (!(serviceTier instanceof JsonObject o) || !(o.getOrNull("type") instanceof JsonString type)) {
      throw new TranslationException(
          "Bedrock Converse: serviceTier must be an object with a string type (field " + field + ")");
    }
    switch (type.value()) {
      case "default":
        return Optional.of(ServedServiceTier.DEFAULT);
      case "flex":
        return Optional.of(ServedServiceTier.FLEX);
      case "priority":
        return Optional.of(ServedServiceTier.PRIORITY);
      case "reserved":
        return Optional.of(ServedServiceTier.RESERVED);
      default:
        return Optional.empty();
    }
  }

  /** A served tier as a Converse {@code serviceTier} object; empty for tiers Converse does not have. */
  static Optional<JsonObject> serviceTierValue(ServedServiceTier tier) {
    switch (tier) {
      case DEFAULT:
      case FLEX:
      case PRIORITY:
      case RESERVED:
        return Optional.of(JsonObject.of("type", JsonString.of(tier.wire())));
      default:
        return Optional.empty();
    }
  }

  // =============================================================================================
  // universal -> Converse (stateless; lingua's stream_from_universal)
  // =============================================================================================

  private static final JsonObject KEEP_ALIVE_EVENT =
      JsonObject.of("contentBlockStop", JsonObject.of("contentBlockIndex", JsonNumber.of(0)));
  private static final JsonObject MESSAGE_START_EVENT =
      JsonObject.of("messageStart", JsonObject.of("role", JsonString.of("assistant")));
  private static final JsonObject EMPTY_TEXT_EVENT =
      JsonObject.of(
          "contentBlockDelta",
          JsonObject.builder()
              .put("contentBlockIndex", 0)
              .put("delta", JsonObject.of("text", JsonString.of("")))
              .build());

  /**
   * One universal chunk as a Converse event: keep-alive as a block stop; a finish as messageStop (stop
   * end_turn, length max_tokens, tool_calls tool_use, content_filter content_filtered, others as given);
   * usage and tier as metadata; redacted reasoning as a {@code reasoningContent.redactedContent} block
   * delta (the payload unchanged); text as a text block delta; a role-only delta as messageStart; anything
   * else as an empty text delta.
   */
  static JsonObject fromUniversal(UniversalStreamChunk chunk) {
    if (chunk.isKeepAlive()) {
      return KEEP_ALIVE_EVENT;
    }
    StreamChoice first = chunk.choices().isEmpty() ? null : chunk.choices().get(0);
    if (first != null && first.finishReason().isPresent()) {
      return JsonObject.of(
          "messageStop",
          JsonObject.of("stopReason", JsonString.of(converseStopReason(first.finishReason().get()))));
    }
    if (chunk.choices().isEmpty() && (chunk.usage().isPresent() || chunk.servedServiceTier().isPresent())) {
      JsonObject.Builder metadata = JsonObject.builder();
      chunk.usage().ifPresent(u -> metadata.put("usage", u.toProviderValue(ProviderFormat.CONVERSE)));
      chunk
          .servedServiceTier()
          .flatMap(ConverseStream::serviceTierValue)
          .ifPresent(t -> metadata.put("serviceTier", t));
      return JsonObject.of("metadata", metadata.build());
    }
    if (first != null && first.delta().orElse(null) instanceof JsonObject delta) {
      Optional<RedactedReasoningPart> redacted = RedactedReasoningPart.fromDelta(delta);
      if (redacted.isPresent()) {
        return JsonObject.of(
            "contentBlockDelta",
            JsonObject.builder()
                .put("contentBlockIndex", first.index())
                .put(
                    "delta",
                    JsonObject.of(
                        "reasoningContent",
                        JsonObject.of("redactedContent", JsonString.of(redacted.get().data()))))
                .build());
      }
      JsonValue content = delta.getOrNull("content");
      if (content instanceof JsonString text) {
        return JsonObject.of(
            "contentBlockDelta",
            JsonObject.builder()
                .put("contentBlockIndex", first.index())
                .put("delta", JsonObject.of("text", text))
                .build());
      }
      if (delta.has("role") && content == null) {
        return MESSAGE_START_EVENT;
      }
    }
    return EMPTY_TEXT_EVENT;
  }

  /** A universal finish-reason string as a Converse stop reason (lingua's stream table). */
  static String converseStopReason(String finishReason) {
    switch (finishReason) {
      case "stop":
        return "end_turn";
      case "length":
        return "max_tokens";
      case "tool_calls":
        return "tool_use";
      case "content_filter":
        return "content_filtered";
      default:
        return finishReason;
    }
  }
}
