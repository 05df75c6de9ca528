package dev.llmrouter.providers.azure;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Configuration of an {@link AzureAiGatewayProvider}: the gateway endpoint (required, such as
 * {@code https://gateway.example/default/models}), the timeout and the HTTP client. Immutable; build with
 * {@link #builder()}. {@code toString()} shows the URL without user info or query.
 */
public final class AzureAiGatewayConfig extends HttpProviderConfig {
  private AzureAiGatewayConfig(HttpTransport transport) {
    super(transport);
  }

  /** A builder; the endpoint must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A configuration from factory settings: the endpoint (required), the timeout and the HTTP settings or
   * client. No metadata is read.
   *
   * @throws InvalidRequestException when the endpoint is missing or invalid
   */
  public static AzureAiGatewayConfig fromSettings(ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("azure_ai_gateway provider settings must not be null");
    }
    Builder b = builder();
    settings.endpoint().ifPresent(b::endpoint);
    settings.timeout().ifPresent(b::timeout);
    settings.clientSettings().ifPresent(b::clientSettings);
    settings.httpClient().ifPresent(b::httpClient);
    return b.build();
  }

  /** A builder preloaded with this configuration. */
  public Builder toBuilder() {
    return preload(new Builder());
  }

  /** The gateway endpoint that request paths are pushed onto. */
  public URI endpoint() {
    return endpointUrl().uri();
  }

  HttpUrl endpointUrl() {
    return transport().requiredEndpoint();
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || o instanceof AzureAiGatewayConfig && transport().equals(((AzureAiGatewayConfig) o).transport());
  }

  @Override
  public int hashCode() {
    return transport().hashCode();
  }

  @Override
  public String toString() {
    return "AzureAiGatewayConfig{endpoint="
        + transport().redactedEndpoint()
        + ", "
        + transport().describeClient()
        + "}";
  }

  /** Builds an {@link AzureAiGatewayConfig}; validated in {@link #build()}. The endpoint is required. */
  public static final class Builder extends HttpTransport.EndpointBuilder<Builder> {
    private Builder() {
      super(null);
    }

    /**
     * The configuration.
     *
     * @throws InvalidRequestException when the endpoint is missing or not an http(s) URL
     */
    public AzureAiGatewayConfig build() {
      requireEndpoint("Azure AI Gateway requires endpoint");
      return new AzureAiGatewayConfig(buildTransport("azure_ai_gateway"));
    }
  }
}
