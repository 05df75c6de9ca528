package dev.llmrouter.providers.google;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Configuration of a {@link GoogleProvider} (Google AI Studio, the Gemini API): the endpoint, the timeout
 * and the HTTP client. Immutable; build with {@link #builder()}. {@code toString()} shows the endpoint
 * without user info or query, and no credentials (credentials live in the auth, not here).
 *
 * <p>The endpoint is a base that model paths are <em>joined</em> to (RFC 3986), as in the Rust router: keep
 * its trailing slash ({@code …/v1beta/}), otherwise its last segment is replaced.
 */
public final class GoogleConfig extends HttpProviderConfig {
  /** The default endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://generativelanguage.googleapis.com/v1beta/";

  private GoogleConfig(HttpTransport transport) {
    super(transport);
  }

  /** A builder with the defaults: {@value #DEFAULT_ENDPOINT} and default client settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default configuration. */
  public static GoogleConfig defaults() {
    return builder().build();
  }

  /**
   * The configuration the provider factory builds for kind {@code google}, like the Rust
   * {@code GoogleProvider::from_config}: the settings' endpoint (default {@value #DEFAULT_ENDPOINT}),
   * timeout, client settings and HTTP client. No metadata key is read.
   *
   * @throws InvalidRequestException if the endpoint is not an http(s) URL
   */
  public static GoogleConfig fromSettings(ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("google provider settings must not be null (use ProviderSettings.empty())");
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

  /** The base URL model paths and {@code openai/chat/completions} are added to. */
  public URI endpoint() {
    return endpointUrl().uri();
  }

  HttpUrl endpointUrl() {
    return transport().requiredEndpoint();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof GoogleConfig && transport().equals(((GoogleConfig) o).transport());
  }

  @Override
  public int hashCode() {
    return transport().hashCode();
  }

  @Override
  public String toString() {
    return "GoogleConfig{endpoint=" + transport().redactedEndpoint() + ", " + transport().describeClient() + "}";
  }

  /**
   * Builds a {@link GoogleConfig}; validated in {@link #build()}. The endpoint defaults to {@value
   * GoogleConfig#DEFAULT_ENDPOINT}; keep its trailing slash.
   */
  public static final class Builder extends HttpTransport.EndpointBuilder<Builder> {
    private Builder() {
      super(DEFAULT_ENDPOINT);
    }

    /**
     * The configuration.
     *
     * @throws InvalidRequestException if the endpoint is not an http(s) URL or the timeout is not positive
     */
    public GoogleConfig build() {
      return new GoogleConfig(buildTransport("google"));
    }
  }
}
