package dev.llmrouter.providers.anthropic;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.HeaderSyntax;
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
 * Configuration of an {@link AnthropicProvider}: the endpoint, the {@code anthropic-version} header value,
 * the timeout and the HTTP client. Immutable; build with {@link #builder()}. {@code toString()} shows the
 * endpoint without user info or query.
 *
 * <p>Request URLs are built by RFC 3986 relative resolution, as in the Rust router: the endpoint
 * {@code https://api.anthropic.com/v1/} joined with {@code messages} is {@code …/v1/messages}, but an
 * endpoint without its trailing slash ({@code …/v1}) loses its last segment ({@code …/messages}).
 */
public final class AnthropicConfig {
  /** The default endpoint; note the trailing slash, which the RFC 3986 join relies on. */
  public static final String DEFAULT_ENDPOINT = "https://api.anthropic.com/v1/";

  /** The default {@code anthropic-version}. */
  public static final String DEFAULT_VERSION = "2023-06-01";

  /** The {@link ProviderSettings} metadata key holding the version. */
  public static final String VERSION_METADATA_KEY = "version";

  private final HttpUrl endpoint;
  private final String version;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private AnthropicConfig(Builder b) {
    this.endpoint = UrlPaths.parse(b.endpoint, "anthropic endpoint");
    if (b.version == null || b.version.isBlank()) {
      throw new InvalidRequestException("anthropic version must not be blank");
    }
    if (!HeaderSyntax.isValidValue(b.version)) {
      throw new InvalidRequestException(
          "anthropic version is not a valid anthropic-version header value: '" + b.version + "'");
    }
    this.version = b.version;
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException("anthropic timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("anthropic clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
  }

  /** A builder with the defaults: {@value #DEFAULT_ENDPOINT}, version {@value #DEFAULT_VERSION}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default configuration. */
  public static AnthropicConfig defaults() {
    return builder().build();
  }

  /**
   * A configuration from factory settings, like the Rust {@code create_provider("anthropic", …)}: the
   * endpoint, timeout, HTTP settings or client, and the metadata key {@code version}.
   *
   * @throws InvalidRequestException for an endpoint template (Anthropic has no per-model endpoints) or an
   *     invalid value
   */
  public static AnthropicConfig fromSettings(ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("anthropic provider settings must not be null");
    }
    if (settings.endpointTemplate().isPresent()) {
      throw new InvalidRequestException(
          "anthropic does not support an endpoint template; set the endpoint instead");
    }
    Builder b = builder();
    settings.endpoint().ifPresent(b::endpoint);
    settings.timeout().ifPresent(b::timeout);
    settings.clientSettings().ifPresent(b::clientSettings);
    settings.httpClient().ifPresent(b::httpClient);
    settings.metadata(VERSION_METADATA_KEY).ifPresent(b::version);
    return b.build();
  }

  /** A builder preloaded with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.endpoint = endpoint.toString();
    b.version = version;
    b.timeout = timeout;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The base URL that {@code messages} and {@code chat/completions} are joined to. */
  public URI endpoint() {
    return endpoint.uri();
  }

  HttpUrl endpointUrl() {
    return endpoint;
  }

  /** The {@code anthropic-version} sent with every Messages request. */
  public String version() {
    return version;
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
    if (!(o instanceof AnthropicConfig)) {
      return false;
    }
    AnthropicConfig other = (AnthropicConfig) o;
    return endpoint.equals(other.endpoint)
        && version.equals(other.version)
        && Objects.equals(timeout, other.timeout)
        && clientSettings.equals(other.clientSettings)
        && httpClient == other.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, version, timeout, clientSettings, System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "AnthropicConfig{endpoint="
        + UrlPaths.redact(endpoint)
        + ", version="
        + version
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  /** Builds an {@link AnthropicConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String endpoint = DEFAULT_ENDPOINT;
    private String version = DEFAULT_VERSION;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /**
     * The base URL (default {@value #DEFAULT_ENDPOINT}). Paths are joined RFC 3986 style, so keep the
     * trailing slash: {@code https://proxy.example/anthropic/v1/}.
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Like {@link #endpoint(String)}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint == null ? null : endpoint.toString();
      return this;
    }

    /** The {@code anthropic-version} header value (default {@value #DEFAULT_VERSION}). */
    public Builder version(String version) {
      this.version = version;
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
    public AnthropicConfig build() {
      return new AnthropicConfig(this);
    }
  }
}
