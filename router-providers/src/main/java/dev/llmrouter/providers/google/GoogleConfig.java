package dev.llmrouter.providers.google;

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
 * Configuration of a {@link GoogleProvider} (Google AI Studio, the Gemini API): the endpoint, the timeout
 * and the HTTP client. Immutable; build with {@link #builder()}. {@code toString()} shows the endpoint
 * without user info or query, and no credentials (credentials live in the auth, not here).
 *
 * <p>The endpoint is a base that model paths are <em>joined</em> to (RFC 3986), as in the Rust router: keep
 * its trailing slash ({@code …/v1beta/}), otherwise its last segment is replaced.
 */
public final class GoogleConfig {
  /** The default endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://generativelanguage.googleapis.com/v1beta/";

  private final HttpUrl endpoint;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private GoogleConfig(Builder b) {
    this.endpoint = UrlPaths.parse(b.endpoint, "google endpoint");
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException("google timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("google clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
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
    Builder b = new Builder();
    b.endpoint = endpoint.toString();
    b.timeout = timeout;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The base URL model paths and {@code openai/chat/completions} are added to. */
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

  /**
   * A caller-supplied client to use instead of the shared one; its own settings apply, except that
   * {@link #timeout()} replaces its call timeout when set.
   */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GoogleConfig)) {
      return false;
    }
    GoogleConfig other = (GoogleConfig) o;
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
    return "GoogleConfig{endpoint="
        + UrlPaths.redact(endpoint)
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  /** Builds a {@link GoogleConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String endpoint = DEFAULT_ENDPOINT;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /** The base URL, such as {@value GoogleConfig#DEFAULT_ENDPOINT} (keep the trailing slash). */
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
     * @throws InvalidRequestException if the endpoint is not an http(s) URL or the timeout is not positive
     */
    public GoogleConfig build() {
      return new GoogleConfig(this);
    }
  }
}
