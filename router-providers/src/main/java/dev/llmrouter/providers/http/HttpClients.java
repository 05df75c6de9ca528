package dev.llmrouter.providers.http;

import dev.llmrouter.error.InvalidRequestException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide cache of OkHttp clients, one per distinct {@link ClientSettings}. Every client is derived
 * with {@code newBuilder()} from a single root client, so all of them share one dispatcher and, for equal
 * pool settings, one connection pool.
 *
 * <p>Deliberate choices:
 *
 * <ul>
 *   <li>{@code retryOnConnectionFailure(false)}: the router's {@code RetryPolicy} is the single retry layer.
 *       Letting OkHttp retry silently as well would stack retries (the Rust crate's two layers gave up to 12
 *       socket attempts for one refused connection) and hide failures from the policy.
 *   <li>Compression: OkHttp asks for gzip and decodes it transparently as long as nobody sets
 *       {@code accept-encoding} by hand, which is why client headers never forward it.
 *   <li>No global override client. To inject a client (tests, custom TLS, proxies), pass an
 *       {@link OkHttpClient} to the provider's config instead.
 *   <li>Read and write timeouts are off unless configured: OkHttp's 10 s defaults would cut off slow
 *       models; the call timeout ({@link ClientSettings#requestTimeout()}) bounds the whole call.
 * </ul>
 *
 * <p>The cache holds at most {@value #MAX_CACHED_CLIENTS} clients; beyond that, clients are still built
 * (sharing the pool and dispatcher) but not cached, and a warning is logged once.
 */
public final class HttpClients {
  /** The most clients the cache keeps. */
  public static final int MAX_CACHED_CLIENTS = 64;

  private static final Logger LOG = LoggerFactory.getLogger(HttpClients.class);
  private static final OkHttpClient ROOT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private static final ConcurrentMap<ClientSettings, OkHttpClient> CLIENTS = new ConcurrentHashMap<>();
  private static final ConcurrentMap<PoolKey, ConnectionPool> POOLS = new ConcurrentHashMap<>();
  private static final AtomicBoolean WARNED_FULL = new AtomicBoolean();

  private HttpClients() {}

  /** The shared client for these settings, built on first use. */
  public static OkHttpClient forSettings(ClientSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("client settings must not be null");
    }
    OkHttpClient cached = CLIENTS.get(settings);
    if (cached != null) {
      LOG.trace("http client cache hit");
      return cached;
    }
    if (CLIENTS.size() >= MAX_CACHED_CLIENTS) {
      if (WARNED_FULL.compareAndSet(false, true)) {
        LOG.warn(
            "HTTP client cache is full ({} distinct ClientSettings); further clients are not cached",
            MAX_CACHED_CLIENTS);
      }
      return build(settings);
    }
    return CLIENTS.computeIfAbsent(settings, HttpClients::build);
  }

  /**
   * The client a provider should use: the caller-supplied one when present (its own settings apply;
   * {@code timeout}, when present, replaces its call timeout on a derived client that shares its pool and
   * dispatcher), otherwise the shared client for {@code settings} with {@code timeout}, when present, as
   * its request timeout.
   */
  public static OkHttpClient select(
      Optional<OkHttpClient> supplied, ClientSettings settings, Optional<Duration> timeout) {
    if (supplied.isPresent()) {
      OkHttpClient client = supplied.get();
      if (timeout.isEmpty() || timeout.get().toMillis() == client.callTimeoutMillis()) {
        return client;
      }
      return client.newBuilder().callTimeout(timeout.get()).build();
    }
    return forSettings(timeout.map(settings::withRequestTimeout).orElse(settings));
  }

  /** How many clients are cached (for tests and diagnostics). */
  static int cachedClientCount() {
    return CLIENTS.size();
  }

  private static OkHttpClient build(ClientSettings s) {
    LOG.debug(
        "building HTTP client: connectTimeout={}, requestTimeout={}, readTimeout={}, http1Only={}",
        s.connectTimeout(),
        s.requestTimeout(),
        s.readTimeout(),
        s.http1Only());
    OkHttpClient.Builder b =
        ROOT.newBuilder()
            .connectionPool(POOLS.computeIfAbsent(new PoolKey(s), HttpClients::newPool))
            .connectTimeout(s.connectTimeout())
            .callTimeout(s.requestTimeout())
            .readTimeout(s.readTimeout())
            .writeTimeout(s.readTimeout())
            .followRedirects(s.followRedirects())
            .followSslRedirects(s.followRedirects())
            .retryOnConnectionFailure(false);
    if (s.http1Only()) {
      b.protocols(List.of(Protocol.HTTP_1_1));
    }
    if (!s.dnsOverrides().isEmpty()) {
      b.dns(new OverridingDns(s.dnsOverrides()));
    }
    return b.build();
  }

  private static ConnectionPool newPool(PoolKey key) {
    return new ConnectionPool(key.maxIdle, key.keepAliveMillis, TimeUnit.MILLISECONDS);
  }

  /** Connection pools are shared between clients whose pool settings are equal. */
  private static final class PoolKey {
    private final int maxIdle;
    private final long keepAliveMillis;

    PoolKey(ClientSettings s) {
      this.maxIdle = s.maxIdleConnections();
      this.keepAliveMillis = s.poolIdleTimeout().toMillis();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PoolKey
          && ((PoolKey) o).maxIdle == maxIdle
          && ((PoolKey) o).keepAliveMillis == keepAliveMillis;
    }

    @Override
    public int hashCode() {
      return 31 * maxIdle + Long.hashCode(keepAliveMillis);
    }
  }

  /** Answers pinned hosts from the overrides and everything else from the system resolver. */
  private static final class OverridingDns implements Dns {
    private final Map<String, List<InetAddress>> overrides;

    OverridingDns(Map<String, List<InetAddress>> overrides) {
      this.overrides = overrides;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
      List<InetAddress> pinned = overrides.get(hostname.toLowerCase(Locale.ROOT));
      return pinned != null ? pinned : Dns.SYSTEM.lookup(hostname);
    }
  }
}
