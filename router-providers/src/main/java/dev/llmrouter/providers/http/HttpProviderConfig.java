package dev.llmrouter.providers.http;

import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Base of the configurations of providers that call an HTTP upstream: holds their {@link HttpTransport}
 * and answers its timeout, client settings and client, so that each configuration keeps only what is
 * specific to its provider (including how its endpoint is named and documented).
 */
public abstract class HttpProviderConfig {
  private final HttpTransport transport;

  /**
   * A configuration using {@code transport}.
   *
   * @param transport the validated transport, from {@link HttpTransport.Builder}
   */
  protected HttpProviderConfig(HttpTransport transport) {
    this.transport = transport;
  }

  /** The endpoint, timeout, client settings and client of this configuration. */
  protected final HttpTransport transport() {
    return transport;
  }

  /**
   * Loads this configuration's endpoint, timeout, client settings and client into {@code builder}, for
   * {@code toBuilder()}.
   *
   * @return {@code builder}
   */
  protected final <B extends HttpTransport.Builder<B>> B preload(B builder) {
    return builder.transport(transport);
  }

  /** The request timeout that overrides {@link ClientSettings#requestTimeout()}, when set. */
  public final Optional<Duration> timeout() {
    return transport.timeout();
  }

  /** The HTTP settings, with {@link #timeout()} already applied as the request timeout. */
  public final ClientSettings clientSettings() {
    return transport.clientSettings();
  }

  /**
   * A caller-supplied client to use instead of the shared one; its own settings apply, except that
   * {@link #timeout()} replaces its call timeout when set.
   */
  public final Optional<OkHttpClient> httpClient() {
    return transport.httpClient();
  }
}
