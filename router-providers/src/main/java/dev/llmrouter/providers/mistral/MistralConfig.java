package dev.llmrouter.providers.mistral;

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
 * Configuration of a {@link MistralProvider}: the endpoint (default {@value #DEFAULT_ENDPOINT}), the
 * timeout and the HTTP client. Immutable; build with {@link #builder()}. {@code toString()} shows the
 * endpoint without user info or query.
 */
public final class MistralConfig {
  /** The default endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://api.mistral.ai/v1";

  private final HttpUrl endpoint;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private MistralConfig(Builder b) {
    this.endpoint = UrlPaths.parse(b.endpoint, "mistral endpoint");
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException("mistral timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("mistral clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
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
    Builder b = new Builder();
    b.endpoint = endpoint.toString();
    b.timeout = timeout;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The base URL that {@code chat/completions} is pushed onto. */
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

  /** A caller-supplied client used instead of the shared one ({@link #timeout()} still applies). */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MistralConfig)) {
      return false;
    }
    MistralConfig other = (MistralConfig) o;
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
    return "MistralConfig{endpoint="
        + UrlPaths.redact(endpoint)
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  /** Builds a {@link MistralConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String endpoint = DEFAULT_ENDPOINT;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /** The base URL (default {@value MistralConfig#DEFAULT_ENDPOINT}); a trailing slash makes no difference. */
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

    /** The HTTP settings (default {@link ClientSettings#defaults()}). */
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
     * @throws InvalidRequestException naming the invalid field
     */
    public MistralConfig build() {
      return new MistralConfig(this);
    }
  }
}
