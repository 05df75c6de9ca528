package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Reasoning the provider redacted: an opaque payload that must be sent back unchanged on later turns
 * (Claude requires every thinking block, redacted ones included, to be replayed in tool-use conversations
 * with extended thinking). lingua drops it; this port carries it where the target can.
 *
 * <ul>
 *   <li>Anthropic (and Bedrock-/Vertex-Anthropic): a {@code redacted_thinking} block's {@code data}, in
 *       requests, responses and stream {@code content_block_start} events.
 *   <li>Bedrock Converse: {@code reasoningContent.redactedContent}, in requests, responses and stream
 *       {@code contentBlockDelta.delta.reasoningContent.redactedContent}. Converse declares it a blob
 *       (base64 in JSON); the string is passed through unchanged in both directions, never decoded or
 *       re-encoded, so Anthropic's opaque {@code data} and Converse's base64 text are the same string.
 *   <li>Chat Completions, Responses and Google have no place for it: their codecs drop it, as lingua
 *       drops {@code redacted_thinking}, without an error.
 * </ul>
 *
 * <p>In a stream the payload travels in the universal delta JSON under the extension key {@link
 * #DELTA_KEY} (see {@link #delta()}); a chunk carrying it carries nothing else. Stream sessions remove
 * it for targets that cannot carry it.
 *
 * @param data the opaque redacted payload, passed through as it is
 */
public record RedactedReasoningPart(String data) implements Part {

  /** The universal stream-delta extension key holding the redacted payload (a string). */
  public static final String DELTA_KEY = "redacted_reasoning";

  /** Validates the payload. */
  public RedactedReasoningPart {
    Objects.requireNonNull(data, "data");
  }

  /** A redacted reasoning part holding {@code data}. */
  public static RedactedReasoningPart of(String data) {
    return new RedactedReasoningPart(data);
  }

  @Override
  public String type() {
    return "redacted_reasoning";
  }

  /** The universal stream delta for this part: {@code {"redacted_reasoning": data}}. */
  public JsonObject delta() {
    return JsonObject.of(DELTA_KEY, JsonString.of(data));
  }

  /**
   * The redacted payload of a universal stream delta; empty when the delta is not an object or has no
   * string under {@link #DELTA_KEY}.
   */
  public static Optional<RedactedReasoningPart> fromDelta(JsonValue delta) {
    if (delta instanceof JsonObject o && o.getOrNull(DELTA_KEY) instanceof JsonString s) {
      return Optional.of(new RedactedReasoningPart(s.value()));
    }
    return Optional.empty();
  }

  /** Shortened, since the payload can be large: the type and the payload length only. */
  @Override
  public String toString() {
    return "RedactedReasoningPart[data=<" + data.length() + " chars>]";
  }
}
