package dev.llmrouter.providers.http;

import dev.llmrouter.error.InvalidRequestException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * How a provider reaches its upstream, the part every provider configuration shares: the endpoint (an
 * http(s) URL, absent only where a provider makes it optional), the request timeout, the client settings
 * with that timeout applied, and an optional caller-supplied client. Immutable with value equality (the
 * client compared by identity); built through a provider configuration's builder, which extends {@link
 * Builder}. {@code toString()} shows the endpoint without user info or query.
 */
public final class HttpTransport {
  private final HttpUrl endpoint;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private HttpTransport(HttpUrl endpoint, Duration timeout, ClientSettings clientSettings, OkHttpClient httpClient) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.clientSettings = timeout == null ? clientSettings : clientSettings.withRequestTimeout(timeout);
    this.httpClient = httpClient;
  }

  /** The endpoint; empty only when the provider's endpoint is optional and none was set. */
  public Optional<HttpUrl> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /**
   * The endpoint of a provider whose endpoint is required.
   *
   * @throws IllegalStateException if this transport was built without one
   */
  public HttpUrl requiredEndpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("this transport has no endpoint");
    }
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

  /** The endpoint for messages and {@code toString()}, as {@link UrlPaths#redact(HttpUrl)}; {@code none} if absent. */
  public String redactedEndpoint() {
    return endpoint == null ? "none" : UrlPaths.redact(endpoint);
  }

  /**
   * The client part of a configuration's {@code toString()}: {@code timeout=…, httpClient=shared|caller-supplied,}
   * then the client settings. Holds no credentials.
   */
  public String describeClient() {
    return "timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof HttpTransport)) {
      return false;
    }
    HttpTransport other = (HttpTransport) o;
    return Objects.equals(endpoint, other.endpoint)
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
    return "HttpTransport{endpoint=" + redactedEndpoint() + ", " + describeClient() + "}";
  }

  /**
   * Base of the provider configuration builders: holds the endpoint text, the timeout, the client settings
   * (default {@link ClientSettings#defaults()}) and the client, offers the setters of the last three, and
   * validates them into an {@link HttpTransport}. Self-typed, so each setter returns the provider's own
   * builder. Providers whose endpoint setter is called {@code endpoint} extend {@link EndpointBuilder}.
   *
   * @param <B> the provider's builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    private String endpoint;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    /**
     * A builder with the default settings.
     *
     * @param defaultEndpoint the endpoint text until one is set; {@code null} for none
     */
    protected Builder(String defaultEndpoint) {
      this.endpoint = defaultEndpoint;
    }

    /** A request timeout overriding the client settings' one; {@code null} for the settings' value. */
    public B timeout(Duration timeout) {
      this.timeout = timeout;
      return self();
    }

    /** The HTTP settings of the shared client (default {@link ClientSettings#defaults()}). */
    public B clientSettings(ClientSettings clientSettings) {
      this.clientSettings = clientSettings;
      return self();
    }

    /** A client to use instead of the shared cached one; {@code null} for the shared one. */
    public B httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return self();
    }

    /** This builder as the provider's builder type. */
    @SuppressWarnings("unchecked")
    protected final B self() {
      return (B) this;
    }

    /** The endpoint text as set: possibly {@code null} or blank, not yet validated. */
    protected final String endpointText() {
      return endpoint;
    }

    /** Sets the endpoint text (what the provider's {@code endpoint} or {@code apiBase} setters do). */
    protected final B endpointText(String endpoint) {
      this.endpoint = endpoint;
      return self();
    }

    /** Like {@link #endpointText(String)}; {@code null} stays {@code null}. */
    protected final B endpointText(URI endpoint) {
      return endpointText(endpoint == null ? null : endpoint.toString());
    }

    /**
     * Checks that an endpoint was set, for providers without a default one.
     *
     * @param message the error message naming what is missing
     * @throws InvalidRequestException if the endpoint text is {@code null} or blank
     */
    protected final void requireEndpoint(String message) {
      if (endpoint == null || endpoint.isBlank()) {
        throw new InvalidRequestException(message);
      }
    }

    /** Loads a built transport back into this builder (see {@link HttpProviderConfig#preload}). */
    final B transport(HttpTransport transport) {
      this.endpoint = transport.endpoint == null ? null : transport.endpoint.toString();
      this.timeout = transport.timeout;
      this.clientSettings = transport.clientSettings;
      this.httpClient = transport.httpClient;
      return self();
    }

    /**
     * The transport, with the endpoint text parsed as the {@code "<kind> endpoint"}.
     *
     * @param kind the provider kind that starts error messages, such as {@code openai}
     * @throws InvalidRequestException if the endpoint is not an http(s) URL, the timeout is not positive or
     *     the client settings are {@code null}
     */
    protected final HttpTransport buildTransport(String kind) {
      return buildTransport(kind, UrlPaths.parse(endpoint, kind + " endpoint"));
    }

    /**
     * The transport, with an endpoint the provider parsed or derived itself.
     *
     * @param kind the provider kind that starts error messages, such as {@code openai}
     * @param endpoint the endpoint; {@code null} where the provider's endpoint is optional
     * @throws InvalidRequestException if the timeout is not positive or the client settings are {@code null}
     */
    protected final HttpTransport buildTransport(String kind, HttpUrl endpoint) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new InvalidRequestException(kind + " timeout must be a positive duration, got " + timeout);
      }
      if (clientSettings == null) {
        throw new InvalidRequestException(kind + " clientSettings must not be null");
      }
      return new HttpTransport(endpoint, timeout, clientSettings, httpClient);
    }
  }

  /**
   * A {@link Builder} whose endpoint setters are public and called {@code endpoint}; the provider's
   * configuration documents the endpoint's default and form.
   *
   * @param <B> the provider's builder
   */
  public abstract static class EndpointBuilder<B extends EndpointBuilder<B>> extends Builder<B> {
    /**
     * A builder with the default settings.
     *
     * @param defaultEndpoint the endpoint until one is set; {@code null} for none (then required or derived)
     */
    protected EndpointBuilder(String defaultEndpoint) {
      super(defaultEndpoint);
    }

    /** The base URL requests are sent to (see the provider configuration for its default and form). */
    public B endpoint(String endpoint) {
      return endpointText(endpoint);
    }

    /** Like {@link #endpoint(String)}. */
    public B endpoint(URI endpoint) {
      return endpointText(endpoint);
    }
  }
}
