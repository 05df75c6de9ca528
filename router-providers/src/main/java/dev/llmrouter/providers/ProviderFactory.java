package dev.llmrouter.providers;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.providers.openai.OpenAICompatibleVendor;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import java.util.Optional;
import java.util.Set;

/**
 * Creates a provider from a kind name and {@link ProviderSettings}, like the Rust {@code create_provider}.
 *
 * <p>Kinds: {@code openai} (metadata {@code organization_id}, {@code project}, {@code api_version}) and
 * every {@link OpenAICompatibleVendor} kind (same metadata; the vendor's default endpoint unless one is
 * given; the lower-case kind as provider alias). {@code anthropic}, {@code azure},
 * {@code azure_ai_gateway}, {@code google}, {@code vertex}, {@code bedrock}, {@code databricks} and
 * {@code mistral} are known but not implemented yet.
 */
public final class ProviderFactory {
  /** Kinds the Rust router supports that this port does not provide yet. */
  public static final Set<String> NOT_YET_IMPLEMENTED_KINDS =
      Set.of(
          "anthropic", "azure", "azure_ai_gateway", "google", "vertex", "bedrock", "databricks", "mistral");

  private ProviderFactory() {}

  /** A provider of {@code kind} with default settings. */
  public static Provider create(String kind) {
    return create(kind, ProviderSettings.empty());
  }

  /**
   * A provider of {@code kind}.
   *
   * @throws InvalidRequestException for an unknown or not yet implemented kind, or invalid settings
   */
  public static Provider create(String kind, ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("provider settings must not be null (use ProviderSettings.empty())");
    }
    if ("openai".equals(kind)) {
      return new OpenAIProvider(openAiConfig(OpenAIConfig.builder(), settings));
    }
    Optional<OpenAICompatibleVendor> vendor = OpenAICompatibleVendor.fromKind(kind);
    if (vendor.isPresent()) {
      return new OpenAIProvider(openAiConfig(vendor.get().configBuilder(), settings));
    }
    if (kind != null && NOT_YET_IMPLEMENTED_KINDS.contains(kind)) {
      throw new InvalidRequestException("provider kind '" + kind + "' is not implemented yet");
    }
    throw new InvalidRequestException("unsupported provider kind: " + kind);
  }

  /**
   * An OpenAI config from the settings. An explicit endpoint replaces the vendor's default (template
   * included); an explicit template wins over any endpoint, as in the Rust router.
   */
  private static OpenAIConfig openAiConfig(OpenAIConfig.Builder b, ProviderSettings settings) {
    settings.endpoint().ifPresent(endpoint -> b.endpoint(endpoint).endpointTemplate(null));
    settings.endpointTemplate().ifPresent(b::endpointTemplate);
    settings.timeout().ifPresent(b::timeout);
    settings.clientSettings().ifPresent(b::clientSettings);
    settings.httpClient().ifPresent(b::httpClient);
    settings.metadata("organization_id").ifPresent(b::organization);
    settings.metadata("project").ifPresent(b::project);
    settings.metadata("api_version").ifPresent(b::apiVersion);
    return b.build();
  }
}
