package dev.llmrouter.providers;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.providers.anthropic.AnthropicConfig;
import dev.llmrouter.providers.anthropic.AnthropicProvider;
import dev.llmrouter.providers.azure.AzureAiGatewayConfig;
import dev.llmrouter.providers.azure.AzureAiGatewayProvider;
import dev.llmrouter.providers.azure.AzureConfig;
import dev.llmrouter.providers.azure.AzureProvider;
import dev.llmrouter.providers.bedrock.BedrockConfig;
import dev.llmrouter.providers.bedrock.BedrockProvider;
import dev.llmrouter.providers.databricks.DatabricksConfig;
import dev.llmrouter.providers.databricks.DatabricksProvider;
import dev.llmrouter.providers.google.GoogleConfig;
import dev.llmrouter.providers.google.GoogleProvider;
import dev.llmrouter.providers.mistral.MistralConfig;
import dev.llmrouter.providers.mistral.MistralProvider;
import dev.llmrouter.providers.mock.MockConfig;
import dev.llmrouter.providers.mock.MockProvider;
import dev.llmrouter.providers.openai.OpenAICompatibleVendor;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import dev.llmrouter.providers.vertex.VertexConfig;
import dev.llmrouter.providers.vertex.VertexProvider;
import java.util.List;
import java.util.Optional;

/**
 * Creates a provider from a kind name and {@link ProviderSettings}, like the Rust {@code create_provider},
 * so a host can configure providers from JSON or the environment.
 *
 * <table>
 *   <caption>Kinds and the settings they read</caption>
 *   <tr><th>kind</th><th>endpoint</th><th>metadata</th></tr>
 *   <tr><td>{@code openai}</td><td>optional (template allowed)</td>
 *       <td>{@code organization_id}, {@code project}, {@code api_version}</td></tr>
 *   <tr><td>an {@link OpenAICompatibleVendor} kind</td><td>optional (the vendor's default)</td>
 *       <td>as openai</td></tr>
 *   <tr><td>{@code anthropic}</td><td>optional</td><td>{@code version}</td></tr>
 *   <tr><td>{@code azure}</td><td>required</td>
 *       <td>{@code deployment}, {@code api_version}, {@code no_named_deployment}</td></tr>
 *   <tr><td>{@code azure_ai_gateway}</td><td>required</td><td>none</td></tr>
 *   <tr><td>{@code google}</td><td>optional</td><td>none</td></tr>
 *   <tr><td>{@code vertex}</td><td>optional</td><td>{@code project} (required), {@code location},
 *       {@code api_base}</td></tr>
 *   <tr><td>{@code bedrock}</td><td>optional</td><td>{@code region}, {@code service}</td></tr>
 *   <tr><td>{@code databricks}</td><td>required (the workspace URL)</td><td>none</td></tr>
 *   <tr><td>{@code mistral}</td><td>optional</td><td>none</td></tr>
 *   <tr><td>{@code mock}</td><td>ignored</td><td>{@code latency_ms}, {@code chunk_delay_ms}, {@code text},
 *       {@code prompt_tokens}, {@code completion_tokens} (see {@link MockConfig})</td></tr>
 * </table>
 *
 * <p>Unlike the Rust factory, OpenAI-compatible kinds get their vendor's default endpoint.
 */
public final class ProviderFactory {
  /** Every kind {@link #create} accepts besides the OpenAI-compatible vendors. */
  public static final List<String> NATIVE_KINDS =
      List.of(
          "openai", "anthropic", "azure", "azure_ai_gateway", "google", "vertex", "bedrock", "databricks",
          "mistral", "mock");

  private ProviderFactory() {}

  /** A provider of {@code kind} with default settings. */
  public static Provider create(String kind) {
    return create(kind, ProviderSettings.empty());
  }

  /**
   * A provider of {@code kind}.
   *
   * @throws InvalidRequestException for an unknown kind or invalid settings (naming the setting)
   */
  public static Provider create(String kind, ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("provider settings must not be null (use ProviderSettings.empty())");
    }
    if (kind == null) {
      throw new InvalidRequestException("provider kind must not be null");
    }
    switch (kind) {
      case "openai":
        return new OpenAIProvider(openAiConfig(OpenAIConfig.builder(), settings));
      case "anthropic":
        return new AnthropicProvider(AnthropicConfig.fromSettings(settings));
      case "azure":
        return new AzureProvider(AzureConfig.fromSettings(settings));
      case "azure_ai_gateway":
        return new AzureAiGatewayProvider(AzureAiGatewayConfig.fromSettings(settings));
      case "google":
        return new GoogleProvider(GoogleConfig.fromSettings(settings));
      case "vertex":
        return new VertexProvider(VertexConfig.fromSettings(settings));
      case "bedrock":
        return new BedrockProvider(BedrockConfig.fromSettings(settings));
      case "databricks":
        return new DatabricksProvider(DatabricksConfig.fromSettings(settings));
      case "mistral":
        return new MistralProvider(MistralConfig.fromSettings(settings));
      case "mock":
        return new MockProvider(MockConfig.fromSettings(settings));
      default:
        break;
    }
    Optional<OpenAICompatibleVendor> vendor = OpenAICompatibleVendor.fromKind(kind);
    if (vendor.isPresent()) {
      return new OpenAIProvider(openAiConfig(vendor.get().configBuilder(), settings));
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
