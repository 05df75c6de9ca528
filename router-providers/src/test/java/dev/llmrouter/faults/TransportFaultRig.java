package dev.llmrouter.faults;

import dev.llmrouter.Router;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import dev.llmrouter.retry.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Shared set-up of the transport fault tests: a loopback MockWebServer as the OpenAI upstream and a Router
 * built through the public API ({@link Router#builder()}, {@link OpenAIProvider}) with one route.
 */
final class TransportFaultRig implements AutoCloseable {
  static final String MODEL = "gpt-4o-mini";
  static final String CATALOG =
      "{\"" + MODEL + "\":{\"format\":\"openai\",\"flavor\":\"chat\",\"available_providers\":[\"openai\"]}}";

  final MockWebServer server;
  final ConnectionPool pool = new ConnectionPool(256, 1, TimeUnit.MINUTES);

  TransportFaultRig() throws IOException {
    server = Loopback.startServer();
  }

  /** A router whose provider uses the shared clients built from {@code settings} (no supplied client). */
  Router routerWithSettings(ClientSettings settings, RetryPolicy retry, String key) {
    OpenAIProvider openai = new OpenAIProvider(
        OpenAIConfig.builder().endpoint(server.url("/v1").toString()).clientSettings(settings).build());
    return router(openai, retry, key);
  }

  /** A router whose provider uses {@code client} (its pool observable) and {@code settings}. */
  Router routerWithClient(OkHttpClient client, ClientSettings settings, RetryPolicy retry, String key) {
    OpenAIProvider openai = new OpenAIProvider(OpenAIConfig.builder()
        .endpoint(server.url("/v1").toString())
        .clientSettings(settings)
        .httpClient(client)
        .build());
    return router(openai, retry, key);
  }

  /** A router whose one OpenAI route points at {@code endpoint} (no MockWebServer behind it). */
  static Router routerAt(String endpoint, ClientSettings settings, RetryPolicy retry, String key) {
    OpenAIProvider openai =
        new OpenAIProvider(OpenAIConfig.builder().endpoint(endpoint).clientSettings(settings).build());
    return router(openai, retry, key);
  }

  /** A client on this rig's pool, with OkHttp's silent retries ON (the executor must turn them off). */
  OkHttpClient clientWithSilentRetries() {
    return new OkHttpClient.Builder().connectionPool(pool).retryOnConnectionFailure(true).build();
  }

  private static Router router(OpenAIProvider openai, RetryPolicy retry, String key) {
    return Router.builder()
        .catalog(ModelCatalog.parse(CATALOG))
        .addProvider("openai", openai, AuthConfig.bearer(key))
        .retryPolicy(retry)
        .build();
  }

  /** A retry policy allowing {@code retries} retries (so retries + 1 calls) with tiny delays. */
  static RetryPolicy retries(int retries) {
    return RetryPolicy.builder()
        .maxAttempts(retries)
        .initialDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(5))
        .jitter(false)
        .build();
  }

  static byte[] chatRequest(boolean stream) {
    return ("{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]"
        + (stream ? ",\"stream\":true" : "") + "}").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] anthropicRequest() {
    return ("{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8);
  }

  /** One OpenAI Chat Completions stream chunk carrying {@code text}, as an SSE event. */
  static String chatChunk(int i, String text) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + MODEL
        + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + i + "\"},\"finish_reason\":null}]}\n\n";
  }

  /**
   * A response whose body (with a content-length) starts with {@code events} and whose connection drops
   * halfway through the body: the client reads the events, then an unexpected end of stream.
   */
  static MockResponse disconnectAfter(String events) {
    String padding = ": " + "p".repeat(events.length() + 64) + "\n\n";
    return new MockResponse.Builder()
        .body(events + padding)
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  /** Connections of the rig's pool that are in use (checked out by a call). */
  int connectionsInUse() {
    return pool.connectionCount() - pool.idleConnectionCount();
  }

  /** Waits up to {@code millis} for {@code condition}; returns its last value. */
  static boolean eventually(long millis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return condition.getAsBoolean();
      }
      Thread.sleep(10);
    }
    return true;
  }

  @Override
  public void close() {
    pool.evictAll();
    server.close();
  }
}
