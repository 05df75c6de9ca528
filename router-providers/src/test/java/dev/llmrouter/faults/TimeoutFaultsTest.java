package dev.llmrouter.faults;

import static dev.llmrouter.faults.TransportFaultRig.chatChunk;
import static dev.llmrouter.faults.TransportFaultRig.chatRequest;
import static dev.llmrouter.faults.TransportFaultRig.eventually;
import static dev.llmrouter.faults.TransportFaultRig.retries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.error.UpstreamTimeoutException.Phase;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.EndlessSse;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each time limit, provoked against a loopback upstream: its own {@link Phase}, never retried (exactly one
 * request reaches the server even with a policy allowing three attempts), and no connection left in use.
 */
@Timeout(60)
class TimeoutFaultsTest {
  private static final String KEY = "sk-timeout-test-key-0001";
  private TransportFaultRig rig;
  private final List<StallingSse> stalls = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    rig = new TransportFaultRig();
  }

  @AfterEach
  void tearDown() {
    stalls.forEach(StallingSse::release);
    rig.close();
  }

  private StallingSse stall(String events) {
    StallingSse s = new StallingSse(events);
    stalls.add(s);
    return s;
  }

  @Test
  void defaultsKeepTheRustConnectAndTotalTimeoutsAndLeaveTheNewLimitsOff() {
    ClientSettings d = ClientSettings.defaults();
    assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(600));
    assertThat(d.responseHeadersTimeout()).isEqualTo(Duration.ZERO);
    assertThat(d.streamIdleTimeout()).isEqualTo(Duration.ZERO);
    assertThat(d.maxStreamEventBytes()).isEqualTo(16 * 1024 * 1024);
  }

  @Test
  void slowHeadersTimeOutWithPhaseResponseHeadersAndAreNotRetried() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
        .body("{}").build());
    ClientSettings settings = ClientSettings.builder()
        .responseHeadersTimeout(Duration.ofMillis(200)).poolIdleTimeout(Duration.ofMillis(123_001)).build();
    Router router = rig.routerWithSettings(settings, retries(3), KEY);

    UpstreamTimeoutException e = catchThrowableOfType(
        () -> router.handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty()),
        UpstreamTimeoutException.class);

    assertThat(e).isNotNull();
    assertThat(e.phase()).isEqualTo(Phase.RESPONSE_HEADERS);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("responseHeadersTimeout").contains("200 ms");
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void slowHeadersOnAStreamAlsoGiveResponseHeadersAndReleaseTheConnection() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
        .body(chatChunk(0, "x")).build());
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(rig.pool).build();
    ClientSettings settings = ClientSettings.builder().responseHeadersTimeout(Duration.ofMillis(200)).build();
    Router router = rig.routerWithClient(client, settings, retries(3), KEY);

    assertThatThrownBy(() -> router.handle(chatRequest(true), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamTimeoutException.class,
            e -> assertThat(e.phase()).isEqualTo(Phase.RESPONSE_HEADERS));
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 0)).isTrue();
  }

  @Test
  void headersThatArriveInTimeAreNotAffectedByTheHeadersTimeout() throws Exception {
    String body = "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[]}";
    rig.server.enqueue(new MockResponse.Builder().headersDelay(50, TimeUnit.MILLISECONDS).body(body).build());
    ClientSettings settings = ClientSettings.builder().responseHeadersTimeout(Duration.ofSeconds(20)).build();
    Router router = rig.routerWithSettings(settings, retries(1), KEY);
    assertThat(router.handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty())
        .completion().orElseThrow().bodyUtf8()).isEqualTo(body);
  }

  @Test
  void aStalledStreamTimesOutWithPhaseStreamIdleAfterTheChunksItSent() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().body(stall(chatChunk(0, "a") + chatChunk(1, "b"))).build());
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(rig.pool).build();
    ClientSettings settings = ClientSettings.builder().streamIdleTimeout(Duration.ofMillis(300)).build();
    Router router = rig.routerWithClient(client, settings, retries(3), KEY);

    List<String> received = new ArrayList<>();
    UpstreamTimeoutException e;
    try (ResponseStream stream = (ResponseStream) router.handle(
        chatRequest(true), ProviderFormat.OPENAI, ClientHeaders.empty())) {
      e = catchThrowableOfType(() -> stream.forEachRemaining(c -> received.add(c.utf8())),
          UpstreamTimeoutException.class);
    }

    assertThat(e).isNotNull();
    assertThat(e.phase()).isEqualTo(Phase.STREAM_IDLE);
    assertThat(e.isRetryable()).isFalse();
    assertThat(received).hasSize(3);
    assertThat(received.get(0)).contains("\"a0\"");
    assertThat(received.get(1)).contains("\"b1\"");
    // The client format's own error chunk ends the stream (Chat Completions: {"error":{...}}).
    assertThat(received.get(2)).startsWith("{\"error\":{").contains("timed out (STREAM_IDLE)");
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 0)).isTrue();
  }

  @Test
  void theSocketReadTimeoutOnAStreamAlsoReportsStreamIdle() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().body(stall(chatChunk(0, "a"))).build());
    ClientSettings settings = ClientSettings.builder().readTimeout(Duration.ofMillis(300)).build();
    Router router = rig.routerWithSettings(settings, retries(1), KEY);

    try (ResponseStream stream = (ResponseStream) router.handle(
        chatRequest(true), ProviderFormat.OPENAI, ClientHeaders.empty())) {
      assertThat(stream.next().utf8()).contains("\"a0\"");
      StreamChunk error = stream.next();
      assertThat(error.utf8()).contains("timed out (STREAM_IDLE)");
      assertThatThrownBy(stream::hasNext).isInstanceOfSatisfying(UpstreamTimeoutException.class,
          e -> assertThat(e.phase()).isEqualTo(Phase.STREAM_IDLE));
    }
  }

  @Test
  void aStreamThatNeverEndsIsCutByTheTotalTimeoutWithPhaseTotal() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().body(new EndlessSse(
        "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}"))
        .build());
    ClientSettings settings = ClientSettings.builder()
        .requestTimeout(Duration.ofMillis(700)).streamIdleTimeout(Duration.ofSeconds(20)).build();
    Router router = rig.routerWithSettings(settings, retries(3), KEY);

    try (ResponseStream stream = (ResponseStream) router.handle(
        chatRequest(true), ProviderFormat.OPENAI, ClientHeaders.empty())) {
      List<StreamChunk> chunks = new ArrayList<>();
      UpstreamTimeoutException e = catchThrowableOfType(() -> stream.forEachRemaining(chunks::add),
          UpstreamTimeoutException.class);
      assertThat(e).isNotNull();
      assertThat(e.phase()).isEqualTo(Phase.TOTAL);
      assertThat(chunks.get(chunks.size() - 1).utf8()).contains("timed out (TOTAL)");
    }
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aConnectThatHangsTimesOutWithPhaseConnect() throws Exception {
    // A listener whose accept queue is full: the kernel drops further SYNs, so connecting hangs.
    try (ServerSocket full = new ServerSocket(0, 1, Loopback.address())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket s = new Socket();
          try {
            s.connect(new InetSocketAddress(Loopback.address(), full.getLocalPort()), 200);
            fillers.add(s);
          } catch (IOException queueFull) {
            s.close();
            break;
          }
        }
        ClientSettings settings = ClientSettings.builder().connectTimeout(Duration.ofMillis(300)).build();
        Router router = TransportFaultRig.routerAt(
            "http://127.0.0.1:" + full.getLocalPort() + "/v1", settings, retries(3), KEY);
        assertThatThrownBy(() -> router.handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty()))
            .isInstanceOfSatisfying(UpstreamTimeoutException.class, e -> {
              assertThat(e.phase()).isEqualTo(Phase.CONNECT);
              assertThat(e.isRetryable()).isFalse();
            });
      } finally {
        for (Socket s : fillers) {
          s.close();
        }
      }
    }
  }
}
