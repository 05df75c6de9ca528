package dev.llmrouter.translate.anthropic;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.List;
import java.util.Optional;

/**
 * The Anthropic Messages codec (lingua's {@code AnthropicAdapter}, providers/anthropic/adapter.rs).
 *
 * <ul>
 *   <li>Requests: OpenAI-only fields rule detection out; the whole raw body is kept in Anthropic extras so
 *       a same-format translation loses nothing; only leading system messages become the top-level
 *       {@code system}; tool results are merged into user turns; {@code max_tokens} defaults to 4096;
 *       json_object is emulated with a forced {@code json} tool; model rules (adaptive thinking, effort,
 *       sampling parameters) come from {@link dev.llmrouter.translate.rules.AnthropicRules}.
 *   <li>Responses: {@code stop_sequence: null}, exclusive input tokens with the cache buckets, the json
 *       shim unwrapped.
 *   <li>Streams: stateless event mapping; see {@link #streamEventsFromUniversal}.
 * </ul>
 */
public final class AnthropicCodec implements FormatCodec {

  @Override
  public ProviderFormat format() {
    return ProviderFormat.ANTHROPIC;
  }

  /** lingua's {@code try_parse_anthropic_source}: a Messages-shaped request from any client. */
  @Override
  public boolean detectRequest(JsonObject body) {
    try {
      AnthropicDetect.checkSource(body);
      return true;
    } catch (TranslationException e) {
      return false;
    }
  }

  /**
   * lingua's {@code try_parse_anthropic}: additionally, system-role turns inside {@code messages} need a
   * model that supports them.
   */
  @Override
  public boolean detectPassthroughRequest(JsonObject body) {
    try {
      AnthropicDetect.checkPassthrough(body);
      return true;
    } catch (TranslationException e) {
      return false;
    }
  }

  @Override
  public boolean requestRequiresJsonResponse(JsonObject body) {
    return AnthropicRequests.requiresJsonResponse(body);
  }

  @Override
  public UniversalRequest requestToUniversal(JsonObject body) {
    return AnthropicRequests.toUniversal(body);
  }

  /** Anthropic requires {@code max_tokens}: 4096 when the request has no output budget. */
  @Override
  public UniversalRequest applyDefaults(UniversalRequest request) {
    if (request.params().outputTokenBudget().isPresent()) {
      return request;
    }
    return request.withParams(
        request.params().withTokenBudget(TokenBudget.outputTokens(AnthropicRequests.DEFAULT_MAX_TOKENS)));
  }

  @Override
  public JsonObject requestFromUniversal(UniversalRequest request) {
    return AnthropicRequests.fromUniversal(request);
  }

  @Override
  public boolean detectResponse(JsonObject body) {
    return AnthropicResponses.detect(body);
  }

  @Override
  public UniversalResponse responseToUniversal(JsonObject body) {
    return AnthropicResponses.toUniversal(body);
  }

  @Override
  public JsonObject responseFromUniversal(UniversalResponse response) {
    return AnthropicResponses.fromUniversal(response);
  }

  /** message_start, content_block_*, message_delta, message_stop and ping; never {@code error}. */
  @Override
  public boolean detectStreamEvent(JsonObject event) {
    return AnthropicStreams.detect(event);
  }

  @Override
  public Optional<UniversalStreamChunk> streamToUniversal(JsonObject event) {
    return AnthropicStreams.toUniversal(event, ProviderFormat.ANTHROPIC);
  }

  /**
   * The single Anthropic event of a chunk. A chunk that expands into several events (a finish carrying
   * tool-call fragments, text plus a tool call) cannot be one event: use {@link
   * #streamEventsFromUniversal}.
   *
   * @throws TranslationException when the chunk expands into several events, or carries several
   *     reasoning signatures
   */
  @Override
  public JsonObject streamFromUniversal(UniversalStreamChunk chunk) {
    List<JsonObject> events = streamEventsFromUniversal(chunk);
    if (events.size() != 1) {
      throw new TranslationException(
          "the chunk expands into "
              + events.size()
              + " Anthropic events; use AnthropicCodec.streamEventsFromUniversal");
    }
    return events.get(0);
  }

  /**
   * Every Anthropic event of one chunk, in order (lingua's {@code stream_from_universal}, whose array
   * result is this list): a keep-alive is a {@code ping}; an initial metadata chunk a
   * {@code message_start}; a finish a {@code message_delta} preceded by any tool events it carries; deltas
   * become {@code content_block_delta} / {@code content_block_start} events.
   *
   * @throws TranslationException when a delta carries several reasoning signatures
   */
  public List<JsonObject> streamEventsFromUniversal(UniversalStreamChunk chunk) {
    return AnthropicStreams.fromUniversal(chunk, ProviderFormat.ANTHROPIC);
  }
}
