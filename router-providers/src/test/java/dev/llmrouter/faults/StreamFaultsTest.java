package dev.llmrouter.faults;

import static dev.llmrouter.faults.TransportFaultRig.anthropicRequest;
import static dev.llmrouter.faults.TransportFaultRig.chatChunk;
import static dev.llmrouter.faults.TransportFaultRig.chatRequest;
import static dev.llmrouter.faults.TransportFaultRig.eventually;
import static dev.llmrouter.faults.TransportFaultRig.retries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterResult;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamProtocolException.Kind;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.json.Json;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.stream.StreamChunk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mid-stream upstream failures and broken stream input, through the Router: each stream ends with the
 * client format's own error event and a typed exception, nothing is retried or failed over once chunks
 * were delivered, only whole JSON events reach the caller, and the connection is released.
 */
@Timeout(60)
class StreamFaultsTest {
  private static final String KEY = "sk-stream-test-key-0002";
  private TransportFaultRig rig;
  private Router router;

  @BeforeEach
  void setUp() throws IOException {
    rig = new TransportFaultRig();
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(rig.pool).build();
    router = rig.routerWithClient(client, ClientSettings.builder().maxStreamEventBytes(64 * 1024).build(),
        retries(3), KEY);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  /** Reads the stream to its end: the chunks, and the exception it ended with (null for none). */
  private static RouterException drain(ResponseStream stream, List<StreamChunk> into) {
    try (stream) {
      return catchThrowableOfType(() -> stream.forEachRemaining(into::add), RouterException.class);
    }
  }

  private static void assertWholeJson(List<StreamChunk> chunks) throws IOException {
    for (StreamChunk c : chunks) {
      try (JsonParser p = Json.factory().createParser(c.data())) {
        p.nextToken();
        p.skipChildren();
        assertThat(p.nextToken()).as("trailing data in %s", c.utf8()).isNull();
      }
    }
  }

  private ResponseStream openChat() {
    return (ResponseStream) router.handle(chatRequest(true), ProviderFormat.OPENAI, ClientHeaders.empty());
  }

  @Test
  void aStreamThatEndsWithDoneLeavesItsConnectionForTheNextRequest() throws Exception {
    // Chunked bodies (no content-length), as providers stream them: after [DONE] only the chunked
    // terminator is left, and the connection must go back to the pool instead of being cancelled.
    for (int i = 0; i < 3; i++) {
      rig.server.enqueue(new MockResponse.Builder()
          .chunkedBody(chatChunk(0, "a") + chatChunk(1, "b") + "data: [DONE]\n\n", 7)
          .build());
    }
    for (int i = 0; i < 3; i++) {
      List<StreamChunk> chunks = new ArrayList<>();
      assertThat(drain(openChat(), chunks)).isNull();
      assertThat(chunks).isNotEmpty();
    }

    int first = rig.server.takeRequest().getConnectionIndex();
    assertThat(rig.server.takeRequest().getConnectionIndex()).isEqualTo(first);
    assertThat(rig.server.takeRequest().getConnectionIndex()).isEqualTo(first);
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 0)).isTrue();
  }

  @Test
  void anErrorEventAfterDeliveredChunksEndsTheStreamWithoutFailover() throws Exception {
    String sse = chatChunk(0, "a") + chatChunk(1, "b")
        + "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"code\":500}}\n\n";
    rig.server.enqueue(new MockResponse.Builder().body(sse).build());
    rig.server.enqueue(new MockResponse.Builder().body(chatChunk(9, "second-attempt")).build());

    List<StreamChunk> chunks = new ArrayList<>();
    RouterException e = drain(openChat(), chunks);

    assertThat(e).isInstanceOfSatisfying(UpstreamProtocolException.class, p -> {
      assertThat(p.kind()).isEqualTo(Kind.ERROR_EVENT);
      assertThat(p.getMessage()).contains("The server had an error");
    });
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(2).utf8()).contains("\"error\"").contains("The server had an error");
    assertThat(chunks).noneMatch(c -> c.utf8().contains("second-attempt"));
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
    assertWholeJson(chunks);
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 0)).isTrue();
  }

  @Test
  void aDisconnectMidStreamEndsWithAnErrorChunkAndANonRetryableTransportError() throws Exception {
    rig.server.enqueue(TransportFaultRig.disconnectAfter(chatChunk(0, "a") + chatChunk(1, "b")));
    rig.server.enqueue(new MockResponse.Builder().body(chatChunk(9, "second-attempt")).build());

    List<StreamChunk> chunks = new ArrayList<>();
    RouterException e = drain(openChat(), chunks);

    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(e.isRetryable()).isFalse();
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(2).utf8()).isEqualTo("{\"error\":{\"message\":\"the upstream connection failed "
        + "mid-stream\",\"type\":\"server_error\",\"param\":null,\"code\":\"upstream_error\"}}");
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
    assertWholeJson(chunks);
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 0)).isTrue();
  }

  @Test
  void anAnthropicClientGetsEventErrorWhenTheTranslatedUpstreamDisconnects() throws Exception {
    rig.server.enqueue(TransportFaultRig.disconnectAfter(chatChunk(0, "a") + chatChunk(1, "b")));

    RouterResult result = router.handle(anthropicRequest(), ProviderFormat.ANTHROPIC, ClientHeaders.empty());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> result.stream().orElseThrow().writeSseTo(out))
        .isInstanceOf(TransportException.class);

    String sse = out.toString(StandardCharsets.UTF_8);
    assertThat(sse).contains("event: message_start").contains("a0").contains("b1");
    assertThat(sse).endsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
        + "\"message\":\"the upstream connection failed mid-stream\"}}\n\n");
    assertThat(sse).doesNotContain("message_stop");
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aResponsesClientGetsAnErrorEventWithTheNextSequenceNumber() throws Exception {
    rig.server.enqueue(TransportFaultRig.disconnectAfter(chatChunk(0, "a")));
    byte[] body = ("{\"model\":\"" + TransportFaultRig.MODEL + "\",\"input\":\"hi\",\"stream\":true}")
        .getBytes(StandardCharsets.UTF_8);

    List<StreamChunk> chunks = new ArrayList<>();
    RouterException e = drain(
        (ResponseStream) router.handle(body, ProviderFormat.RESPONSES, ClientHeaders.empty()), chunks);

    assertThat(e).isInstanceOf(TransportException.class);
    StreamChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.eventType()).contains("error");
    assertThat(last.utf8()).startsWith("{\"type\":\"error\",\"code\":\"upstream_error\"")
        .endsWith("\"sequence_number\":" + (chunks.size() - 1) + "}");
    assertWholeJson(chunks);
  }

  @Test
  void malformedSseDataOnATranslatedStreamIsAProtocolErrorWithTheClientsErrorEvent() throws Exception {
    String sse = chatChunk(0, "a") + "data: {\"id\":\"x\",\"choices\":[{not json}]}\n\n" + chatChunk(1, "b");
    rig.server.enqueue(new MockResponse.Builder().body(sse).build());

    List<StreamChunk> chunks = new ArrayList<>();
    RouterException e = drain(
        (ResponseStream) router.handle(anthropicRequest(), ProviderFormat.ANTHROPIC, ClientHeaders.empty()), chunks);

    assertThat(e).isInstanceOfSatisfying(UpstreamProtocolException.class,
        p -> assertThat(p.kind()).isEqualTo(Kind.MALFORMED));
    assertThat(e.httpStatus()).isEqualTo(502);
    StreamChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.eventType()).contains("error");
    assertThat(last.utf8()).contains("\"type\":\"error\"");
    assertThat(chunks).noneMatch(c -> c.utf8().contains("b1"));
    assertWholeJson(chunks);
  }

  @Test
  void aBodyCutOffInsideTheLastEventNeverHandsOnHalfAnEvent() throws Exception {
    // A complete HTTP body (content-length) whose last SSE event is cut off mid-JSON.
    String sse = chatChunk(0, "a") + "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hel";
    rig.server.enqueue(new MockResponse.Builder().body(sse).build());

    List<StreamChunk> chunks = new ArrayList<>();
    RouterException e = drain(openChat(), chunks);

    assertThat(e).isInstanceOfSatisfying(UpstreamProtocolException.class,
        p -> assertThat(p.kind()).isEqualTo(Kind.TRUNCATED));
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0).utf8()).contains("a0");
    assertThat(chunks.get(1).utf8()).startsWith("{\"error\":");
    assertWholeJson(chunks);
  }

  @Test
  void anUnterminatedButCompleteLastEventIsStillDelivered() throws Exception {
    String last = chatChunk(1, "b");
    rig.server.enqueue(new MockResponse.Builder().body(chatChunk(0, "a") + last.substring(0, last.length() - 2))
        .build());
    List<StreamChunk> chunks = new ArrayList<>();
    assertThat(drain(openChat(), chunks)).isNull();
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(1).utf8()).contains("b1");
  }

  @Test
  void anOversizedEventIsAProtocolErrorNamingTheLimitNotAnOutOfMemoryError() throws Exception {
    String huge = "x".repeat(200 * 1024);
    String sse = chatChunk(0, "a") + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + huge + "\"}}]}\n\n";
    rig.server.enqueue(new MockResponse.Builder().body(sse).build());

    List<StreamChunk> chunks = new ArrayList<>();
    RouterException e = drain(openChat(), chunks);

    assertThat(e).isInstanceOfSatisfying(UpstreamProtocolException.class, p -> {
      assertThat(p.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
      assertThat(p.limit()).isPresent();
      assertThat(p.getMessage()).contains(String.valueOf(64 * 1024));
    });
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(1).utf8()).contains("exceeded the size limit");
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 0)).isTrue();
  }

  @Test
  void aConnectionResetBeforeHeadersIsRetriedWithExactlyOneRequestPerAttempt() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    rig.server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    rig.server.enqueue(new MockResponse.Builder().body(chatChunk(0, "ok")).build());
    // OkHttp's silent retry is ON in this client: the executor must switch it off.
    Router r = rig.routerWithClient(rig.clientWithSilentRetries(), ClientSettings.defaults(), retries(3), KEY);

    List<StreamChunk> chunks = new ArrayList<>();
    RouterException e = drain(
        (ResponseStream) r.handle(chatRequest(true), ProviderFormat.OPENAI, ClientHeaders.empty()), chunks);

    assertThat(e).isNull();
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).utf8()).contains("ok0");
    assertThat(rig.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void withoutRetriesAResetBeforeHeadersReachesTheServerOnceAndIsRetryable() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    rig.server.enqueue(new MockResponse.Builder().body(chatChunk(0, "silent-retry")).build());
    Router r = rig.routerWithClient(
        rig.clientWithSilentRetries(), ClientSettings.defaults(), RetryPolicy.none(), KEY);

    assertThatThrownBy(() -> r.handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(TransportException.class, t -> assertThat(t.isRetryable()).isTrue());
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
  }
}
