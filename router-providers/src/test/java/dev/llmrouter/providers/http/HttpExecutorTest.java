package dev.llmrouter.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.http.HeaderSink;
import dev.llmrouter.provider.CancellationToken;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import dev.llmrouter.providers.EndlessSse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The executor against a real loopback server: outcome mapping, limits, cancellation and stream release. */
@Timeout(60)
class HttpExecutorTest {
  private static final byte[] PAYLOAD = "{\"model\":\"m\",\"n\":1.10}".getBytes(StandardCharsets.UTF_8);
  private static final Consumer<HeaderSink> JSON = sink -> sink.set("content-type", "application/json");

  private MockWebServer server;
  private ConnectionPool pool;
  private final AtomicInteger cancelledCalls = new AtomicInteger();
  private OkHttpClient client;

  @BeforeEach
  void setUp() throws IOException {
    server = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    client =
        HttpClients.forSettings(ClientSettings.defaults())
            .newBuilder()
            .connectionPool(pool)
            .eventListener(
                new EventListener() {
                  @Override
                  public void canceled(Call call) {
                    cancelledCalls.incrementAndGet();
                  }
                })
            .build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private HttpExecutor executor(OkHttpClient c, ClientSettings settings) {
    return new HttpExecutor("test", c, settings);
  }

  private HttpExecutor executor() {
    return executor(client, ClientSettings.defaults());
  }

  private HttpUrl url() {
    return server.url("/v1/x");
  }

  @Test
  void successReturnsTheExactBodyAndSendsTheExactPayload() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":1.000}").build());
    byte[] body = executor().post(url(), JSON, PAYLOAD, new CancellationToken());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"ok\":1.000}");
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getBody().toByteArray()).isEqualTo(PAYLOAD);
    assertThat(recorded.getHeaders().get("content-type")).isEqualTo("application/json");
    assertThat(recorded.getHeaders().get("user-agent")).isEqualTo(ClientSettings.DEFAULT_USER_AGENT);
  }

  @Test
  void gzipBodiesAreDecodedTransparently() throws Exception {
    Buffer gzipped = new Buffer();
    try (BufferedSink gzip = Okio.buffer(new GzipSink(gzipped))) {
      gzip.writeUtf8("{\"zipped\":true}");
    }
    server.enqueue(
        new MockResponse.Builder().code(200).setHeader("content-encoding", "gzip").body(gzipped).build());
    byte[] body = executor().post(url(), JSON, PAYLOAD, new CancellationToken());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"zipped\":true}");
    assertThat(server.takeRequest().getHeaders().get("accept-encoding")).isEqualTo("gzip");
  }

  @Test
  void aBodyOverTheLimitIsAProtocolErrorNamingTheLimit() {
    ClientSettings small = ClientSettings.builder().maxResponseBodyBytes(8).build();
    server.enqueue(new MockResponse.Builder().code(200).body("0123456789").build());
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody("0123456789", 3).build());
    server.enqueue(new MockResponse.Builder().code(200).body("01234567").build());
    HttpExecutor executor = executor(client, small);
    assertThatThrownBy(() -> executor.post(url(), JSON, PAYLOAD, new CancellationToken()))
        .isInstanceOf(UpstreamProtocolException.class)
        .hasMessageContaining("limit of 8 bytes");
    assertThatThrownBy(() -> executor.post(url(), JSON, PAYLOAD, new CancellationToken()))
        .isInstanceOf(UpstreamProtocolException.class)
        .hasMessageContaining("limit of 8 bytes");
    assertThat(executor.post(url(), JSON, PAYLOAD, new CancellationToken())).hasSize(8);
  }

  @Test
  void nonSuccessKeepsStatusBodyAndSafeHeadersOnly() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("x-request-id", "req-1")
            .addHeader("x-ratelimit", "a")
            .addHeader("x-ratelimit", "b")
            .addHeader("Set-Cookie", "session=SECRET")
            .addHeader("x-api-key", "SECRET")
            .addHeader("authorization", "Bearer SECRET")
            .addHeaderLenient("x-latin", "caf\u00e9")
            .body("{\"error\":{\"message\":\"slow down\"}}")
            .build());
    UpstreamHttpException e =
        catchHttp(() -> executor().post(url(), JSON, PAYLOAD, new CancellationToken()));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.bodyText()).isEqualTo("{\"error\":{\"message\":\"slow down\"}}");
    assertThat(e.provider()).isEqualTo("test");
    assertThat(e.isRetryable()).as("429 is retryable since issue 5").isTrue();
    assertThat(e.header("x-request-id")).contains("req-1");
    List<String> rateLimits = new ArrayList<>();
    for (Map.Entry<String, String> h : e.headers()) {
      if (h.getKey().equalsIgnoreCase("x-ratelimit")) {
        rateLimits.add(h.getValue());
      }
    }
    assertThat(rateLimits).containsExactly("a", "b");
    assertThat(e.header("set-cookie")).isEmpty();
    assertThat(e.header("x-api-key")).isEmpty();
    assertThat(e.header("authorization")).isEmpty();
    assertThat(e.header("x-latin")).isEmpty();
    assertThat(e.headers().toString()).doesNotContain("SECRET");
  }

  @Test
  void connectionRefusedIsARetryableTransportFailure() throws IOException {
    HttpUrl closed =
        new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(Loopback.closedPort()).build();
    assertThatThrownBy(() -> executor().post(closed, JSON, PAYLOAD, new CancellationToken()))
        .isExactlyInstanceOf(TransportException.class)
        .satisfies(e -> assertThat(((TransportException) e).isRetryable()).isTrue())
        .satisfies(e -> assertThat(((TransportException) e).provider()).isEqualTo("test"));
  }

  @Test
  void aRequestTimeoutIsNotARetryableTransportFailure() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    ClientSettings fast = ClientSettings.builder().requestTimeout(Duration.ofMillis(300)).build();
    OkHttpClient timed = client.newBuilder().callTimeout(fast.requestTimeout()).build();
    assertThatThrownBy(() -> executor(timed, fast).post(url(), JSON, PAYLOAD, new CancellationToken()))
        .isInstanceOf(UpstreamTimeoutException.class)
        .hasMessageContaining("timed out")
        .satisfies(e -> assertThat(((UpstreamTimeoutException) e).isRetryable()).isFalse());
  }

  @Test
  void cancellingAbortsABlockedCallInAnotherThread() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CancellationToken token = new CancellationToken();
    CompletableFuture<byte[]> call =
        CompletableFuture.supplyAsync(() -> executor().post(url(), JSON, PAYLOAD, token));
    assertThat(server.takeRequest(30, TimeUnit.SECONDS)).isNotNull();
    assertThat(call).isNotDone();
    token.cancel();
    assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("cancelled")
        .satisfies(e -> assertThat(((TransportException) e).isRetryable()).isFalse());
    assertThat(cancelledCalls.get()).isEqualTo(1);
  }

  @Test
  void anAlreadyCancelledTokenSendsNothing() {
    CancellationToken token = new CancellationToken();
    token.cancel();
    assertThatThrownBy(() -> executor().post(url(), JSON, PAYLOAD, token))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("cancelled");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void invalidHeaderValuesAreRejectedWithoutQuotingThem() {
    Consumer<HeaderSink> bad = sink -> sink.set("x-key", "SECRET\nvalue");
    assertThatThrownBy(() -> executor().post(url(), bad, PAYLOAD, new CancellationToken()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("x-key")
        .hasMessageNotContaining("SECRET");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void sseStreamYieldsEventsInOrderAndReleasesTheConnection() throws Exception {
    String sse =
        "data: {\"i\":1}\n\n"
            + "event: custom\ndata: {\"i\":2}\n\n"
            + ": comment\n\n"
            + "data: {\"i\":3}\n\n";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .body(sse)
            .build());
    List<StreamChunk> chunks = new ArrayList<>();
    try (RawResponseStream stream = executor().postSse(url(), JSON, PAYLOAD, new CancellationToken())) {
      stream.forEachRemaining(chunks::add);
    }
    assertThat(chunks)
        .containsExactly(
            StreamChunk.ofUtf8("{\"i\":1}", null),
            StreamChunk.ofUtf8("{\"i\":2}", "custom"),
            StreamChunk.ofUtf8("{\"i\":3}", null));
    // Read to the end: the connection goes back to the pool instead of being cancelled.
    assertThat(cancelledCalls.get()).isZero();
    assertThat(pool.idleConnectionCount()).isEqualTo(1);
  }

  @Test
  void streamErrorStatusThrowsBeforeAnyStream() {
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());
    UpstreamHttpException e =
        catchHttp(() -> executor().postSse(url(), JSON, PAYLOAD, new CancellationToken()));
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.bodyText()).isEqualTo("{\"error\":\"boom\"}");
  }

  @Test
  void closingANeverEndingStreamCancelsTheCallAndDropsTheConnection() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(new EndlessSse("{\"first\":true}")).build());
    RawResponseStream stream = executor().postSse(url(), JSON, PAYLOAD, new CancellationToken());
    assertThat(stream.hasNext()).isTrue();
    assertThat(stream.next().utf8()).isEqualTo("{\"first\":true}");
    assertThat(pool.connectionCount()).isEqualTo(1);
    stream.close();
    assertThat(stream.hasNext()).isFalse();
    assertThat(cancelledCalls.get()).isEqualTo(1);
    awaitTrue(() -> pool.connectionCount() == 0);
    assertThat(pool.connectionCount()).isZero();
    stream.close(); // idempotent
    assertThat(cancelledCalls.get()).isEqualTo(1);
  }

  @Test
  void closingAStreamFromAnotherThreadUnblocksTheReader() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(new EndlessSse("{\"first\":true}")).build());
    RawResponseStream stream = executor().postSse(url(), JSON, PAYLOAD, new CancellationToken());
    CountDownLatch gotFirst = new CountDownLatch(1);
    CompletableFuture<Integer> reader =
        CompletableFuture.supplyAsync(
            () -> {
              int n = 0;
              while (stream.hasNext()) {
                stream.next();
                n++;
                gotFirst.countDown();
              }
              return n;
            });
    // The reader now loops on keep-alive comments, blocked in reads; close under it.
    assertThat(gotFirst.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(reader).isNotDone();
    stream.close();
    assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(cancelledCalls.get()).isEqualTo(1);
    awaitTrue(() -> pool.connectionCount() == 0);
    assertThat(pool.connectionCount()).isZero();
  }

  private static UpstreamHttpException catchHttp(Runnable r) {
    try {
      r.run();
    } catch (UpstreamHttpException e) {
      return e;
    }
    throw new AssertionError("expected an UpstreamHttpException");
  }

  /** Polls a condition for up to 10 s; a guard against hangs, not a speed assertion. */
  static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
