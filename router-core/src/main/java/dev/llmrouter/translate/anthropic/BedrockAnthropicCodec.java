package dev.llmrouter.translate.anthropic;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.List;
import java.util.Optional;

/**
 * The Anthropic Messages body of Bedrock's InvokeModel (lingua's {@code BedrockAnthropicAdapter}): the
 * model is in the URL path, so the body has no {@code model}, {@code stream}, {@code stream_options} or
 * {@code context_management}, and carries {@code anthropic_version: bedrock-2023-05-31}. Responses are
 * plain Anthropic; streams are Anthropic events plus a {@code message_stop} carrying
 * {@code amazon-bedrock-invocationMetrics}, which becomes usage.
 */
public final class BedrockAnthropicCodec implements FormatCodec {
  /** The {@code anthropic_version} Bedrock requires. */
  public static final String ANTHROPIC_VERSION = AnthropicRequests.Flavor.BEDROCK.anthropicVersion;
  /** The model used internally while the body has none (never sent). */
  static final String PLACEHOLDER_MODEL = AnthropicRequests.Flavor.BEDROCK.placeholderModel;

  private final AnthropicCodec inner = new AnthropicCodec();

  @Override
  public ProviderFormat format() {
    return ProviderFormat.BEDROCK_ANTHROPIC;
  }

  /** A body without model, modelId or body, with messages and an Anthropic marker. */
  static boolean isRawInvokeBody(JsonObject body) {
    if (body.has("modelId") || body.has("body") || body.has("model")) {
      return false;
    }
    return body.has("messages")
        && (body.has("anthropic_version")
            || body.has("max_tokens")
            || body.has("system")
            || body.has("tools"));
  }

  static JsonObject withPlaceholderModel(JsonObject body, String model) {
    return JsonObject.builder().put("model", model).putAll(body).build();
  }

  @Override
  public boolean detectRequest(JsonObject body) {
    if (!isRawInvokeBody(body)) {
      return false;
    }
    try {
      inner.requestToUniversal(withPlaceholderModel(body, PLACEHOLDER_MODEL));
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
    if (!isRawInvokeBody(body)) {
      throw new TranslationException(
          "Conversion to universal format failed: Invalid Bedrock Anthropic request format");
    }
    return inner.requestToUniversal(withPlaceholderModel(body, PLACEHOLDER_MODEL)).withModel(Optional.empty());
  }

  @Override
  public UniversalRequest applyDefaults(UniversalRequest request) {
    return inner.applyDefaults(request);
  }

  /** The Anthropic body for this flavour; a request without a model uses an internal placeholder. */
  @Override
  public JsonObject requestFromUniversal(UniversalRequest request) {
    return AnthropicRequests.fromUniversal(request, AnthropicRequests.Flavor.BEDROCK);
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

  /** Bedrock-Anthropic events are read as Anthropic ones; lingua never detects this flavour from events. */
  @Override
  public boolean detectStreamEvent(JsonObject event) {
    return false;
  }

  /** As Anthropic, except a {@code message_stop} with invocation metrics becomes a usage-only chunk. */
  @Override
  public Optional<UniversalStreamChunk> streamToUniversal(JsonObject event) {
    if ("message_stop".equals(event.getString("type").orElse(null))) {
      Optional<UniversalUsage> usage = invocationMetricsUsage(event);
      if (usage.isPresent()) {
        return Optional.of(
            UniversalStreamChunk.of(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), usage));
      }
    }
    return inner.streamToUniversal(event);
  }

  /**
   * Usage from {@code amazon-bedrock-invocationMetrics} {inputTokenCount, outputTokenCount} (Anthropic
   * accounting: input excludes cache buckets, of which Bedrock reports none here).
   *
   * @throws TranslationException when the metrics are not an object of integer counts
   */
  static Optional<UniversalUsage> invocationMetricsUsage(JsonObject event) {
    JsonValue metrics = event.getOrNull("amazon-bedrock-invocationMetrics");
    if (metrics == null || metrics.isNull()) {
      return Optional.empty();
    }
    if (!(metrics instanceof JsonObject m)) {
      throw new TranslationException(
          "Deserialization failed: invalid type: "
              + metrics.kind()
              + ", expected struct BedrockInvocationMetrics (field amazon-bedrock-invocationMetrics)");
    }
    Long input = count(m, "inputTokenCount");
    Long output = count(m, "outputTokenCount");
    return Optional.of(
        UniversalUsage.builder()
            .promptTokens(input)
            .completionTokens(output)
            .totalTokens(input != null && output != null ? saturatingAdd(input, output) : null)
            .promptTokensExcludeCache(true)
            .build());
  }

  private static Long count(JsonObject m, String key) {
    JsonValue v = m.getOrNull(key);
    if (v == null || v.isNull()) {
      return null;
    }
    return LinguaJson.i64(v)
        .orElseThrow(
            () ->
                new TranslationException(
                    "Deserialization failed: invalid type: "
                        + v.kind()
                        + ", expected i64 (field amazon-bedrock-invocationMetrics."
                        + key
                        + ")"));
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
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
