package dev.llmrouter.providers.azure;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Configuration of an {@link AzureAiGatewayProvider}: the gateway endpoint (required, such as
 * {@code https://gateway.example/default/models}), the timeout and the HTTP client. Immutable; build with
 * {@link #builder()}. {@code toString()} shows the URL without user info or query.
 */
public final class AzureAiGatewayConfig {
  private final HttpUrl endpoint;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private AzureAiGatewayConfig(Builder b) {
    if (b.endpoint == null || b.endpoint.isBlank()) {
      throw new InvalidRequestException("Azure AI Gateway requires endpoint");
    }
    this.endpoint = UrlPaths.parse(b.endpoint, "azure_ai_gateway endpoint");
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException(
          "azure_ai_gateway timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("azure_ai_gateway clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
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
    Builder b = new Builder();
    b.endpoint = endpoint.toString();
    b.timeout = timeout;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The gateway endpoint that request paths are pushed onto. */
  public URI endpoint() {
    return endpoint.uri();
  }

  HttpUrl endpointUrl() {
    return endpoint;
  }

  /** The request timeout that overrides {@link ClientSettings#requestTimeout()}, when set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The HTTP settings, with {@link #timeout()} already applied as the request timeout. */
  public ClientSettings clientSettings() {
    return clientSettings;
  }

  /** A caller-supplied client to use instead of the shared one. */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AzureAiGatewayConfig)) {
      return false;
    }
    AzureAiGatewayConfig other = (AzureAiGatewayConfig) o;
    return endpoint.equals(other.endpoint)
        && Objects.equals(timeout, other.timeout)
        && clientSettings.equals(other.clientSettings)
        && httpClient == other.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, timeout, clientSettings, System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "AzureAiGatewayConfig{endpoint="
        + UrlPaths.redact(endpoint)
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  /** Builds an {@link AzureAiGatewayConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String endpoint;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /** The gateway endpoint (required). */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Like {@link #endpoint(String)}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint == null ? null : endpoint.toString();
      return this;
    }

    /** A request timeout overriding the client settings' one; {@code null} for the settings' value. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The HTTP settings of the shared client (default {@link ClientSettings#defaults()}). */
    public Builder clientSettings(ClientSettings clientSettings) {
      this.clientSettings = clientSettings;
      return this;
    }

    /** A client to use instead of the shared cached one; {@code null} for the shared one. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws InvalidRequestException when the endpoint is missing or not an http(s) URL
     */
    public AzureAiGatewayConfig build() {
      return new AzureAiGatewayConfig(this);
    }
  }
}
