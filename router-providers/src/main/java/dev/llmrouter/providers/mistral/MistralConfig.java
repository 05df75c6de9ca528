package dev.llmrouter.providers.mistral;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Configuration of a {@link MistralProvider}: the endpoint (default {@value #DEFAULT_ENDPOINT}), the
 * timeout and the HTTP client. Immutable; build with {@link #builder()}. {@code toString()} shows the
 * endpoint without user info or query.
 */
public final class MistralConfig extends HttpProviderConfig {
  /** The default endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://api.mistral.ai/v1";

  private MistralConfig(HttpTransport transport) {
    super(transport);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default configuration. */
  public static MistralConfig defaults() {
    return builder().build();
  }

  /**
   * A configuration from factory settings, like the Rust {@code create_provider("mistral", …)}: the
   * endpoint, timeout and HTTP settings or client; no metadata is read.
   *
   * @throws InvalidRequestException for an endpoint template (Mistral has no per-model endpoints) or an
   *     invalid value
   */
  public static MistralConfig fromSettings(ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("mistral provider settings must not be null");
    }
    if (settings.endpointTemplate().isPresent()) {
      throw new InvalidRequestException("mistral does not support an endpoint template; set the endpoint instead");
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

  /** The base URL that {@code chat/completions} is pushed onto. */
  public URI endpoint() {
    return endpointUrl().uri();
  }

  HttpUrl endpointUrl() {
    return transport().requiredEndpoint();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof MistralConfig && transport().equals(((MistralConfig) o).transport());
  }

  @Override
  public int hashCode() {
    return transport().hashCode();
  }

  @Override
  public String toString() {
    return "MistralConfig{endpoint=" + transport().redactedEndpoint() + ", " + transport().describeClient() + "}";
  }

  /**
   * Builds a {@link MistralConfig}; validated in {@link #build()}. The endpoint defaults to {@value
   * MistralConfig#DEFAULT_ENDPOINT}; a trailing slash makes no difference.
   */
  public static final class Builder extends HttpTransport.EndpointBuilder<Builder> {
    private Builder() {
      super(DEFAULT_ENDPOINT);
    }

    /**
     * The configuration.
     *
     * @throws InvalidRequestException naming the invalid field
     */
    public MistralConfig build() {
      return new MistralConfig(buildTransport("mistral"));
    }
  }
}
