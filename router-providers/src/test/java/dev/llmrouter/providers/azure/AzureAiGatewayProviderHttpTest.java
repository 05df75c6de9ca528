package dev.llmrouter.providers.azure;

import static dev.llmrouter.providers.Loopback.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Azure AI Gateway provider against a loopback MockWebServer standing in for the gateway. */
@Timeout(60)
class AzureAiGatewayProviderHttpTest {
  private static final AuthConfig API_KEY = AuthConfig.apiKey(SECRET_KEY, "api-key", null);

  private MockWebServer server;
  private ConnectionPool pool;
  private OkHttpClient client;

  @BeforeEach
  void setUp() throws IOException {
    server = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private AzureAiGatewayProvider provider() {
    return new AzureAiGatewayProvider(
        AzureAiGatewayConfig.builder().endpoint(server.url("/default/models").toString()).httpClient(client).build());
  }

  private static ProviderRequest.Builder request(ProviderFormat format, String model, String body) {
    return ProviderRequest.builder()
        .payload(body.getBytes(StandardCharsets.UTF_8))
        .format(format)
        .spec(ModelSpec.builder(model, format, ModelFlavor.CHAT).build())
        .auth(API_KEY);
  }

  private void enqueueAwkwardSse(String sse) {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .chunkedBody(sse, 4)
            .throttleBody(3, 1, TimeUnit.MILLISECONDS)
            .build());
  }

  private static List<StreamChunk> drain(RawResponseStream stream) {
    List<StreamChunk> out = new ArrayList<>();
    try (stream) {
      stream.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void eachFormatPostsItsBodyUnchangedToItsRoute() throws Exception {
    String[][] cases = {
      {"openai", "/default/models/openai/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}"},
      {"responses", "/default/models/openai/v1/responses", "{\"model\":\"catalog-name\",\"input\":\"hi\"}"},
      {"anthropic", "/default/models/anthropic/v1/messages", "{\"model\":\"claude\",\"messages\":[]}"},
    };
    for (String[] c : cases) {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":\"" + c[0] + "\"}").build());
      ProviderFormat format = ProviderFormat.parse(c[0]);
      byte[] out = provider().complete(request(format, "m", c[2]).build());
      assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("{\"ok\":\"" + c[0] + "\"}");
      RecordedRequest r = server.takeRequest();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getTarget()).isEqualTo(c[1]);
      assertThat(r.getBody().utf8()).isEqualTo(c[2]);
      assertThat(r.getHeaders().values("api-key")).containsExactly(SECRET_KEY);
      assertThat(r.getHeaders().get("authorization")).isNull();
      assertThat(r.getHeaders().get("content-type")).isEqualTo("application/json");
      assertThat(r.getHeaders().get("anthropic-version"))
          .isEqualTo(format == ProviderFormat.ANTHROPIC ? "2023-06-01" : null);
    }
  }

  @Test
  void anthropicStreamingOfAnAwkwardlySplitReply() throws Exception {
    String sse =
        "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
            + "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"text\":\"\u00e7a va\"}}\r\n\r\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    enqueueAwkwardSse(sse);
    String payload = "{\"model\":\"claude\",\"messages\":[],\"stream\":true}";
    List<StreamChunk> chunks =
        drain(provider().completeStream(request(ProviderFormat.ANTHROPIC, "claude", payload).stream(true).build()));
    assertThat(chunks)
        .extracting(c -> c.eventType().orElse(""))
        .containsExactly("message_start", "content_block_delta", "message_stop");
    assertThat(chunks.get(1).utf8()).contains("\u00e7a va");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/default/models/anthropic/v1/messages");
    assertThat(r.getHeaders().get("api-key")).isEqualTo(SECRET_KEY);
    assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(r.getBody().utf8()).isEqualTo(payload);
  }

  @Test
  void chatStreamingOfAnAwkwardlySplitReply() throws Exception {
    enqueueAwkwardSse(
        "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"b\"}}]}\n\n"
            + "data: [DONE]\n\n");
    List<StreamChunk> chunks =
        drain(provider().completeStream(request(ProviderFormat.OPENAI, "gpt-4o", "{\"stream\":true}").stream(true).build()));
    assertThat(chunks)
        .extracting(StreamChunk::utf8)
        .containsExactly("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}", "{\"choices\":[{\"delta\":{\"content\":\"b\"}}]}");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/default/models/openai/v1/chat/completions");
  }

  @Test
  void upstreamErrorsCarryStatusHeadersAndBody() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("retry-after", "12")
            .addHeader("x-ms-request-id", "r-1")
            .body("{\"error\":{\"code\":\"429\",\"message\":\"Rate limit is exceeded.\"}}")
            .build());
    assertThatThrownBy(() -> provider().complete(request(ProviderFormat.RESPONSES, "m", "{}").build()))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.provider()).isEqualTo("azure_ai_gateway");
              assertThat(e.header("retry-after")).contains("12");
              assertThat(e.header("x-ms-request-id")).contains("r-1");
              assertThat(e.bodyText()).contains("Rate limit is exceeded.");
            });
    server.enqueue(new MockResponse.Builder().code(500).body("upstream exploded").build());
    assertThatThrownBy(
            () -> provider().completeStream(request(ProviderFormat.ANTHROPIC, "m", "{\"stream\":true}").stream(true).build()))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.bodyText()).isEqualTo("upstream exploded");
            });
  }
}
