package dev.llmrouter.gateway;

import dev.llmrouter.Router;
import dev.llmrouter.gateway.auth.TokenAuthenticator;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.gateway.config.GatewayConfigException;
import dev.llmrouter.gateway.http.GatewayHandler;
import dev.llmrouter.gateway.metrics.GatewayMetrics;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
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
 * threads. Without any access token the gateway only binds to loopback. Close it to stop.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Server server;
  private final ServerConnector connector;
  private final ScheduledThreadPoolExecutor timer;
  private final GatewayMetrics metrics;
  private final boolean virtualThreads;

  private Gateway(Server server, ServerConnector connector, ScheduledThreadPoolExecutor timer,
      GatewayMetrics metrics, boolean virtualThreads) {
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
    RouterAssembly assembly = RouterAssembly.build(config, notes);
    return start(config, assembly.router(), assembly.models());
  }

  /**
   * Starts with a router built elsewhere (tests, embedding hosts).
   *
   * @throws GatewayConfigException if the config cannot be served (unsafe bind, port in use)
   */
  public static Gateway start(GatewayConfig config, Router router, GatewayModels models) {
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
    server.setHandler(new GatewayHandler(router, models, auth, metrics, config.maxBodyBytes(),
        config.keepAliveInterval(), timer));
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
    Gateway g = new Gateway(server, connector, timer, metrics, virtual);
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
    }
  }
}
