package dev.llmrouter.translate;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.Optional;

/**
 * One wire format's translator to and from the universal IR (lingua's {@code ProviderAdapter}, in
 * processing/adapters.rs): detection, request/response conversion both ways, defaults, and stream events.
 * Implementations are stateless and thread-safe; per-stream state lives in the stream session.
 *
 * <p>Conversions throw {@link TranslationException} (a client error naming the field) for input they
 * cannot read or output the target cannot carry.
 */
public interface FormatCodec {

  /** The format this codec handles. */
  ProviderFormat format();

  /** Whether {@code body} is a request of this format (cheap, discriminating keys). */
  boolean detectRequest(JsonObject body);

  /**
   * Whether a same-format request may go out unchanged; stricter than {@link #detectRequest} for formats
   * with lenient detection.
   */
  default boolean detectPassthroughRequest(JsonObject body) {
    return detectRequest(body);
  }

  /**
   * A request of this format in universal form (messages, canonical params, this format's extras).
   *
   * @throws TranslationException on bad input
   */
  UniversalRequest requestToUniversal(JsonObject body);

  /** Whether the raw request asks for a JSON reply (so the router validates the response as JSON). */
  default boolean requestRequiresJsonResponse(JsonObject body) {
    return false;
  }

  /** The request with this format's required defaults applied (e.g. Anthropic's max_tokens). */
  default UniversalRequest applyDefaults(UniversalRequest request) {
    return request;
  }

  /**
   * A complete request body of this format.
   *
   * @throws TranslationException when the request cannot be expressed in this format
   */
  JsonObject requestFromUniversal(UniversalRequest request);

  /** Whether {@code body} is a (non-stream) response of this format. */
  boolean detectResponse(JsonObject body);

  /**
   * A response of this format in universal form.
   *
   * @throws TranslationException on bad input
   */
  UniversalResponse responseToUniversal(JsonObject body);

  /**
   * A complete response body of this format.
   *
   * @throws TranslationException when the response cannot be expressed in this format
   */
  JsonObject responseFromUniversal(UniversalResponse response);

  /** Whether {@code event} is a stream event of this format. */
  default boolean detectStreamEvent(JsonObject event) {
    return false;
  }

  /**
   * One stream event in universal form: empty when the event produces no output; a chunk with
   * {@link UniversalStreamChunk#keepAlive()} set for events to acknowledge but not forward.
   *
   * @throws TranslationException on bad input
   */
  Optional<UniversalStreamChunk> streamToUniversal(JsonObject event);

  /**
   * One universal chunk as an event of this format (the stateless form; stream sessions add the
   * bookkeeping the target's protocol needs).
   *
   * @throws TranslationException when the chunk cannot be expressed in this format
   */
  JsonObject streamFromUniversal(UniversalStreamChunk chunk);
}
