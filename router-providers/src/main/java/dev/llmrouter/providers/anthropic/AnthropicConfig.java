package dev.llmrouter.providers.anthropic;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.HeaderSyntax;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Configuration of an {@link AnthropicProvider}: the endpoint, the {@code anthropic-version} header value,
 * the timeout and the HTTP client. Immutable; build with {@link #builder()}. {@code toString()} shows the
 * endpoint without user info or query.
 *
 * <p>Request URLs are built by RFC 3986 relative resolution, as in the Rust router: the endpoint
 * {@code https://api.anthropic.com/v1/} joined with {@code messages} is {@code …/v1/messages}, but an
 * endpoint without its trailing slash ({@code …/v1}) loses its last segment ({@code …/messages}).
 */
public final class AnthropicConfig extends HttpProviderConfig {
  /** The default endpoint; note the trailing slash, which the RFC 3986 join relies on. */
  public static final String DEFAULT_ENDPOINT = "https://api.anthropic.com/v1/";

  /** The default {@code anthropic-version}. */
  public static final String DEFAULT_VERSION = "2023-06-01";

  /** The {@link ProviderSettings} metadata key holding the version. */
  public static final String VERSION_METADATA_KEY = "version";

  private final String version;

  private AnthropicConfig(Builder b, HttpTransport transport) {
    super(transport);
    this.version = b.version;
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
    return preload(new Builder()).version(version);
  }

  /** The base URL that {@code messages} and {@code chat/completions} are joined to. */
  public URI endpoint() {
    return endpointUrl().uri();
  }

  HttpUrl endpointUrl() {
    return transport().requiredEndpoint();
  }

  /** The {@code anthropic-version} sent with every Messages request. */
  public String version() {
    return version;
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
    return transport().equals(other.transport()) && version.equals(other.version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transport(), version);
  }

  @Override
  public String toString() {
    return "AnthropicConfig{endpoint="
        + transport().redactedEndpoint()
        + ", version="
        + version
        + ", "
        + transport().describeClient()
        + "}";
  }

  /**
   * Builds an {@link AnthropicConfig}; validated in {@link #build()}. The endpoint defaults to {@value
   * AnthropicConfig#DEFAULT_ENDPOINT}; paths are joined RFC 3986 style, so keep the trailing slash:
   * {@code https://proxy.example/anthropic/v1/}.
   */
  public static final class Builder extends HttpTransport.EndpointBuilder<Builder> {
    private String version = DEFAULT_VERSION;

    private Builder() {
      super(DEFAULT_ENDPOINT);
    }

    /** The {@code anthropic-version} header value (default {@value AnthropicConfig#DEFAULT_VERSION}). */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws InvalidRequestException naming the invalid field
     */
    public AnthropicConfig build() {
      HttpUrl endpoint = UrlPaths.parse(endpointText(), "anthropic endpoint");
      if (version == null || version.isBlank()) {
        throw new InvalidRequestException("anthropic version must not be blank");
      }
      if (!HeaderSyntax.isValidValue(version)) {
        throw new InvalidRequestException(
            "anthropic version is not a valid anthropic-version header value: '" + version + "'");
      }
      return new AnthropicConfig(this, buildTransport("anthropic", endpoint));
    }
  }
}
