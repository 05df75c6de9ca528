package dev.llmrouter.gateway;

import dev.llmrouter.Router;
import dev.llmrouter.gateway.auth.TokenAuthenticator;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.gateway.config.GatewayConfigException;
import dev.llmrouter.gateway.http.GatewayHandler;
import dev.llmrouter.gateway.metrics.GatewayMetrics;
import dev.llmrouter.gateway.prompts.PromptApi;
import dev.llmrouter.gateway.prompts.PromptStore;
import dev.llmrouter.gateway.prompts.StorePromptSource;
import dev.llmrouter.gateway.prompts.PromptStores;
import dev.llmrouter.gateway.tracing.GatewayTracing;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: a Jetty 12 server with the {@link GatewayHandler} on the configured host and port.
 * Requests run on virtual threads when the JVM has them (Java 21+), else on a bounded pool of platform
 * threads. Without any access token the gateway only binds to loopback. With the standard {@code OTEL_*}
 * variables set, requests are traced ({@link GatewayTracing}). Close it to stop.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Server server;
  private final ServerConnector connector;
  private final ScheduledThreadPoolExecutor timer;
  private final GatewayMetrics metrics;
  private final boolean virtualThreads;
  private final Optional<PromptStore> prompts;
  private final GatewayTracing tracing;

  private Gateway(Server server, ServerConnector connector, ScheduledThreadPoolExecutor timer,
      GatewayMetrics metrics, boolean virtualThreads, Optional<PromptStore> prompts, GatewayTracing tracing) {
    this.prompts = prompts;
    this.tracing = tracing;
    this.server = server;
    this.connector = connector;
    this.timer = timer;
    this.metrics = metrics;
    this.virtualThreads = virtualThreads;
  }

  /**
   * Builds the router the config describes and starts.
   *
   * @throws GatewayConfigException if the config cannot be served (unsafe bind, bad provider, port in use)
   */
  public static Gateway start(GatewayConfig config, Consumer<String> notes) {
    Optional<PromptStore> store = PromptStores.open(config.prompts(), notes);
    GatewayTracing tracing = GatewayTracing.fromEnvironment(System.getenv());
    try {
      RouterAssembly assembly =
          RouterAssembly.build(config, notes, tracing, store.map(StorePromptSource::new));
      return start(config, assembly.router(), assembly.models(), store, tracing);
    } catch (RuntimeException e) {
      store.ifPresent(PromptStore::close);
      tracing.close();
      throw e;
    }
  }

  /**
   * Starts with a router built elsewhere whose listeners include {@code tracing}'s: incoming
   * {@code traceparent} headers are honoured and {@code tracing} is closed with the gateway.
   *
   * @throws GatewayConfigException if the config cannot be served (unsafe bind, port in use)
   */
  public static Gateway start(GatewayConfig config, Router router, GatewayModels models,
      GatewayTracing tracing) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(tracing, "tracing");
    Optional<PromptStore> store = PromptStores.open(config.prompts(), s -> LOG.info("{}", s));
    try {
      return start(config, router, models, store, tracing);
    } catch (RuntimeException e) {
      store.ifPresent(PromptStore::close);
      throw e;
    }
  }

  /**
   * Starts with a router built elsewhere (tests, embedding hosts).
   *
   * @throws GatewayConfigException if the config cannot be served (unsafe bind, port in use)
   */
  public static Gateway start(GatewayConfig config, Router router, GatewayModels models) {
    Objects.requireNonNull(config, "config");
    Optional<PromptStore> store = PromptStores.open(config.prompts(), s -> LOG.info("{}", s));
    try {
      return start(config, router, models, store);
    } catch (RuntimeException e) {
      store.ifPresent(PromptStore::close);
      throw e;
    }
  }

  private static Gateway start(GatewayConfig config, Router router, GatewayModels models,
      Optional<PromptStore> store) {
    return start(config, router, models, store, GatewayTracing.disabled());
  }

  private static Gateway start(GatewayConfig config, Router router, GatewayModels models,
      Optional<PromptStore> store, GatewayTracing tracing) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(models, "models");
    if (!config.authEnabled() && !isLoopback(config.host())) {
      throw new GatewayConfigException("refusing to listen on HOST=" + config.host()
          + " without access tokens: anyone who can reach it could spend your provider credits. Set "
          + "GATEWAY_AUTH_TOKENS (comma-separated; GATEWAY_ADMIN_TOKENS for admins), or bind to 127.0.0.1");
    }
    QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads());
    pool.setName("gateway");
    boolean virtual = VirtualThreads.areSupported();
    if (virtual) {
      pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("gateway-vt"));
    }
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    server.addConnector(connector);
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "gateway-keepalive");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    GatewayMetrics metrics = new GatewayMetrics();
    TokenAuthenticator auth = new TokenAuthenticator(config.authTokens(), config.adminTokens());
    Optional<PromptApi> promptApi = store.map(s -> new PromptApi(s, config.prompts(), auth, metrics, router,
        config.maxBodyBytes()));
    server.setHandler(tracing.wrap(new GatewayHandler(router, models, auth, metrics, config.maxBodyBytes(),
        config.keepAliveInterval(), timer, promptApi)));
    server.setStopTimeout(2000);
    try {
      server.start();
    } catch (Exception e) {
      timer.shutdownNow();
      try {
        server.stop();
      } catch (Exception ignored) {
        // already failing
      }
      throw new GatewayConfigException("cannot listen on " + config.host() + ":" + config.port() + ": "
          + e.getMessage(), e);
    }
    Gateway g = new Gateway(server, connector, timer, metrics, virtual, store, tracing);
    LOG.info("gateway listening on {} (auth: {}; {})", g.baseUri(),
        config.authEnabled() ? config.authTokens().size() + " user and " + config.adminTokens().size()
            + " admin tokens" : "off, loopback only",
        virtual ? "virtual threads" : "platform thread pool of " + config.maxThreads());
    return g;
  }

  static boolean isLoopback(String host) {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress a : all) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      throw new GatewayConfigException("HOST=" + host + " cannot be resolved", e);
    }
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port}. */
  public URI baseUri() {
    String host = connector.getHost();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** The gateway's metrics. */
  public GatewayMetrics metrics() {
    return metrics;
  }

  /** The prompt store, when prompts are enabled. */
  public Optional<PromptStore> promptStore() {
    return prompts;
  }

  /** Whether requests run on virtual threads. */
  public boolean virtualThreads() {
    return virtualThreads;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops the server. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("error while stopping the gateway: {}", e.toString());
    } finally {
      timer.shutdownNow();
      prompts.ifPresent(PromptStore::close);
      tracing.close();
    }
  }
}
