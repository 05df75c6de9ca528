package dev.llmrouter.translate.anthropic;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.List;
import java.util.Optional;

/**
 * The Anthropic Messages body of Vertex AI's rawPredict (lingua's {@code VertexAnthropicAdapter}): the
 * model is in the URL path, so the body has no {@code model}, {@code stream} or {@code stream_options},
 * and carries {@code anthropic_version: vertex-2023-10-16}. Responses and streams are plain Anthropic.
 */
public final class VertexAnthropicCodec implements FormatCodec {
  /** The {@code anthropic_version} Vertex requires. */
  public static final String ANTHROPIC_VERSION = AnthropicRequests.Flavor.VERTEX.anthropicVersion;
  /** The model used internally while the body has none (never sent). */
  static final String PLACEHOLDER_MODEL = AnthropicRequests.Flavor.VERTEX.placeholderModel;

  private final AnthropicCodec inner = new AnthropicCodec();

  @Override
  public ProviderFormat format() {
    return ProviderFormat.VERTEX_ANTHROPIC;
  }

  /** A body with messages, no model, and an {@code anthropic_version} naming Vertex. */
  static boolean isRawVertexBody(JsonObject body) {
    if (body.getNonNull("model").isPresent()) {
      return false;
    }
    boolean vertexVersion = body.getString("anthropic_version").map(v -> v.contains("vertex")).orElse(false);
    if (body.getNonNull("anthropic_version").isPresent() && body.getString("anthropic_version").isEmpty()) {
      return false;
    }
    return body.getNonNull("messages").isPresent() && vertexVersion;
  }

  @Override
  public boolean detectRequest(JsonObject body) {
    if (!isRawVertexBody(body)) {
      return false;
    }
    try {
      inner.requestToUniversal(BedrockAnthropicCodec.withPlaceholderModel(body, PLACEHOLDER_MODEL));
      return true;
    } catch (TranslationException e) {
      return false;
    }
  }

  @Override
  public boolean requestRequiresJsonResponse(JsonObject body) {
    return AnthropicRequests.requiresJsonResponse(body);
  }

  /** The body read as Anthropic (its raw form, with the placeholder model, kept in Anthropic extras). */
  @Override
  public UniversalRequest requestToUniversal(JsonObject body) {
    if (!isRawVertexBody(body)) {
      throw new TranslationException(
          "Conversion to universal format failed: Invalid Vertex Anthropic request format");
    }
    return inner
        .requestToUniversal(BedrockAnthropicCodec.withPlaceholderModel(body.without("model"), PLACEHOLDER_MODEL))
        .withModel(Optional.empty());
  }

  @Override
  public UniversalRequest applyDefaults(UniversalRequest request) {
    return inner.applyDefaults(request);
  }

  /** The Anthropic body for this flavour; a request without a model uses an internal placeholder. */
  @Override
  public JsonObject requestFromUniversal(UniversalRequest request) {
    return AnthropicRequests.fromUniversal(request, AnthropicRequests.Flavor.VERTEX);
  }

  @Override
  public boolean detectResponse(JsonObject body) {
    return inner.detectResponse(body);
  }

  @Override
  public UniversalResponse responseToUniversal(JsonObject body) {
    return inner.responseToUniversal(body);
  }

  @Override
  public JsonObject responseFromUniversal(UniversalResponse response) {
    return inner.responseFromUniversal(response);
  }

  @Override
  public boolean detectStreamEvent(JsonObject event) {
    return inner.detectStreamEvent(event);
  }

  @Override
  public Optional<UniversalStreamChunk> streamToUniversal(JsonObject event) {
    return inner.streamToUniversal(event);
  }

  @Override
  public JsonObject streamFromUniversal(UniversalStreamChunk chunk) {
    return inner.streamFromUniversal(chunk);
  }

  /** See {@link AnthropicCodec#streamEventsFromUniversal}. */
  public List<JsonObject> streamEventsFromUniversal(UniversalStreamChunk chunk) {
    return inner.streamEventsFromUniversal(chunk);
  }
}
