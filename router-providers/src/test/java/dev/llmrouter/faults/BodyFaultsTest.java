package dev.llmrouter.faults;

import static dev.llmrouter.faults.TransportFaultRig.chatRequest;
import static dev.llmrouter.faults.TransportFaultRig.eventually;
import static dev.llmrouter.faults.TransportFaultRig.retries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.Completion;
import dev.llmrouter.Router;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.http.ClientSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Non-streaming bodies that are broken, foreign or compressed, through the Router. */
@Timeout(60)
class BodyFaultsTest {
  private static final String KEY = "sk-body-test-key-0003";
  private static final String COMPLETION =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Hi!\"},\"finish_reason\":\"stop\"}]}";
  private TransportFaultRig rig;

  @BeforeEach
  void setUp() throws IOException {
    rig = new TransportFaultRig();
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private Router router(ClientSettings settings, int retries) {
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(rig.pool).build();
    return rig.routerWithClient(client, settings, retries(retries), KEY);
  }

  private static Buffer gzip(String text) throws IOException {
    Buffer out = new Buffer();
    try (var sink = Okio.buffer(new GzipSink(out))) {
      sink.writeUtf8(text);
    }
    return out;
  }

  @Test
  void aGzipBodyIsDecodedTransparently() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip")
        .body(gzip(COMPLETION)).build());
    Completion c = router(ClientSettings.defaults(), 0)
        .handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty()).completion().orElseThrow();
    assertThat(c.bodyUtf8()).isEqualTo(COMPLETION);
    assertThat(rig.server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void theBodyLimitCountsDecodedBytesSoAGzipBombIsAProtocolError() throws Exception {
    String big = "{\"pad\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
    Buffer compressed = gzip(big);
    assertThat(compressed.size()).isLessThan(64 * 1024);
    rig.server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").body(compressed).build());

    assertThatThrownBy(() -> router(ClientSettings.builder().maxResponseBodyBytes(256 * 1024).build(), 2)
            .handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamProtocolException.class, e -> {
          assertThat(e.kind()).isEqualTo(UpstreamProtocolException.Kind.LIMIT_EXCEEDED);
          assertThat(e.limit()).contains("ClientSettings.maxResponseBodyBytes");
          assertThat(e.getMessage()).contains(String.valueOf(256 * 1024));
        });
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
    assertThat(eventually(5_000, () -> rig.connectionsInUse() == 0)).isTrue();
  }

  @Test
  void aNonJsonErrorPageIsAnUpstreamHttpErrorKeepingTheBody() throws Exception {
    String html = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    rig.server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .addHeader("Set-Cookie", "session=abc").body(html).build());

    assertThatThrownBy(() -> router(ClientSettings.defaults(), 0)
            .handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.bodyText()).isEqualTo(html);
          assertThat(e.header("content-type")).contains("text/html");
          assertThat(e.header("set-cookie")).isEmpty();
        });
  }

  @Test
  void aBodyCutOffBeforeItsContentLengthIsANonRetryableTransportError() throws Exception {
    rig.server.enqueue(new MockResponse.Builder().body(COMPLETION + " ".repeat(COMPLETION.length()))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    rig.server.enqueue(new MockResponse.Builder().body(COMPLETION).build());

    assertThatThrownBy(() -> router(ClientSettings.defaults(), 3)
            .handle(chatRequest(false), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getMessage()).contains("reading the response");
        });
    assertThat(rig.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void truncatedJsonOnATranslatedRouteIsATypedErrorNotACompletion() throws Exception {
    String truncated = COMPLETION.substring(0, COMPLETION.length() / 2);
    rig.server.enqueue(new MockResponse.Builder().body(truncated).build());
    byte[] anthropic = ("{\"model\":\"" + TransportFaultRig.MODEL + "\",\"max_tokens\":16,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> router(ClientSettings.defaults(), 0)
            .handle(anthropic, ProviderFormat.ANTHROPIC, ClientHeaders.empty()))
        .isInstanceOf(dev.llmrouter.error.RouterException.class)
        .hasMessageContaining("openai");
  }
}
