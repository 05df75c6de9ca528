package dev.llmrouter.sdktests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code -Dllmrouter.gateway.jar}, built by router-gateway's package phase) run as
 * a separate JVM on 127.0.0.1 with a generated config file and a clean environment; ready once
 * {@code GET /health} answers 200. Closing it stops the process (forcibly if it does not stop in time), and
 * a JVM shutdown hook does the same if the test JVM exits first.
 */
final class GatewayProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final int port;
  private final Thread shutdownHook;

  private GatewayProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.shutdownHook = new Thread(this::stop, "sdk-tests-gateway-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the gateway with {@code configJson} and exactly the environment {@code env} (plus HOST and PORT).
   *
   * @param name a name for the config and log files
   */
  static GatewayProcess start(String name, String configJson, Map<String, String> env)
      throws IOException, InterruptedException {
    Path jar = Path.of(requiredProperty("llmrouter.gateway.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("gateway jar " + jar + " does not exist: these tests run in the "
          + "integration-test phase after router-gateway is packaged (./mvnw verify)");
    }
    Path workDir = Path.of(requiredProperty("llmrouter.sdktests.workDir")).resolve(name);
    Files.createDirectories(workDir);
    Path config = workDir.resolve("gateway.json");
    Files.writeString(config, configJson, StandardCharsets.UTF_8);
    Path log = workDir.resolve("gateway.log");
    int port = freeLoopbackPort();

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
        jar.toString(), "--config", config.toString());
    pb.directory(workDir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("PORT", Integer.toString(port));
    GatewayProcess gateway = new GatewayProcess(pb.start(), log, port);
    try {
      gateway.awaitHealthy();
    } catch (RuntimeException | Error | InterruptedException e) {
      gateway.close();
      throw e;
    }
    return gateway;
  }

  /** {@code http://127.0.0.1:port} (no trailing slash). */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The gateway's output so far (for failure messages). */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  private void awaitHealthy() throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the gateway exited with status " + process.exitValue()
            + " before it was healthy; its output:\n" + output());
      }
      try {
        HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the gateway was not healthy within " + START_TIMEOUT + "; its output:\n"
        + output());
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String requiredProperty(String name) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("-D" + name + " is not set (the sdk-tests pom passes it to surefire)");
    }
    return v;
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the process too
    }
  }

  /** Whether the gateway process is still running. */
  boolean isAlive() {
    return process.isAlive();
  }
}
