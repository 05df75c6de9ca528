package dev.llmrouter.providers.vertex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.auth.google.GoogleAuth;
import dev.llmrouter.providers.auth.google.GoogleAuthOptions;
import dev.llmrouter.providers.auth.google.ServiceAccountKeys;
import dev.llmrouter.providers.google.TrickleBody;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The Vertex provider against a loopback MockWebServer configured as its API base. */
@Timeout(60)
class VertexProviderHttpTest {
  private static final String TOKEN = "ya29.vertex-SECRET-token";
  private static final String PREFIX = "/v1/projects/test-project/locations/us-central1/";
  private static final String GENERATE = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
  private static final String REPLY =
      "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hello\"}]},"
          + "\"finishReason\":\"STOP\"}]}";
  private static final String ANTHROPIC_BODY =
      "{\"anthropic_version\":\"vertex-2023-10-16\",\"max_tokens\":64,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

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

  private VertexProvider provider() {
    return new VertexProvider(
        VertexConfig.builder()
            .project("test-project")
            .location("us-central1")
            .apiBase(server.url("/ignored/path").toString())
            .httpClient(client)
            .build());
  }

  private static ProviderRequest.Builder request(ModelSpec spec, ProviderFormat format, String json) {
    return ProviderRequest.builder()
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .format(format)
        .spec(spec)
        .auth(AuthConfig.oauth(TOKEN));
  }

  private static ModelSpec spec(String model, ProviderFormat format) {
    return ModelSpec.builder(model, format, ModelFlavor.CHAT).build();
  }

  private static List<String> drain(RawResponseStream stream) {
    List<String> events = new ArrayList<>();
    try (stream) {
      stream.forEachRemaining(c -> events.add(c.utf8()));
    }
    return events;
  }

  @Test
  void generativeRequestGoesToGenerateContentWithTheBearerToken() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    byte[] body =
        provider().complete(request(spec("gemini-2.5-flash", ProviderFormat.GOOGLE), ProviderFormat.GOOGLE, GENERATE).build());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(REPLY);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath())
        .isEqualTo(PREFIX + "publishers/google/models/gemini-2.5-flash:generateContent");
    assertThat(r.getUrl().query()).isNull();
    assertThat(r.getBody().utf8()).isEqualTo(GENERATE);
    assertThat(r.getHeaders().values("authorization")).containsExactly("Bearer " + TOKEN);
    assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
  }

  @Test
  void generativeStreamingUsesAltSseAndSurvivesAwkwardChunkSplits() throws Exception {
    String sse =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Grüß\"}]}}]}\r\n\r\n"
            + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\" dich 🌍\"}]},\"finishReason\":\"STOP\"}]}\n\n";
    server.enqueue(new MockResponse.Builder().code(200).body(new TrickleBody(sse, 1, 2, 5, 3)).build());
    ModelSpec s = spec("publishers/google/models/gemini-2.5-pro", ProviderFormat.GOOGLE);
    List<String> events =
        drain(provider().completeStream(request(s, ProviderFormat.GOOGLE, GENERATE).stream(true).build()));
    assertThat(events)
        .containsExactly(
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Grüß\"}]}}]}",
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\" dich 🌍\"}]},\"finishReason\":\"STOP\"}]}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath())
        .isEqualTo(PREFIX + "publishers/google/models/gemini-2.5-pro:streamGenerateContent");
    assertThat(r.getUrl().query()).isEqualTo("alt=sse");
    assertThat(r.getBody().utf8()).isEqualTo(GENERATE);
  }

  @Test
  void anthropicModelsUseRawPredictWithTheLiteralAt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"type\":\"message\"}").build());
    ModelSpec s = spec("publishers/anthropic/models/claude-3-5-haiku@20241022", ProviderFormat.ANTHROPIC);
    provider().complete(request(s, ProviderFormat.VERTEX_ANTHROPIC, ANTHROPIC_BODY).build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath())
        .isEqualTo(PREFIX + "publishers/anthropic/models/claude-3-5-haiku@20241022:rawPredict");
    assertThat(r.getBody().utf8()).isEqualTo(ANTHROPIC_BODY);
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void streamRawPredictAcceptsSseEventsAndRawJsonLinesInAwkwardPieces() throws Exception {
    // streamRawPredict may answer with Anthropic SSE events or with bare JSON lines.
    String body =
        "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
            + "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hé\"}}\n\n"
            + "{\"type\":\"message_stop\"}\r\n\r\n";
    server.enqueue(new MockResponse.Builder().code(200).body(new TrickleBody(body, 3, 1, 4)).build());
    ModelSpec s = spec("publishers/anthropic/models/claude-haiku-4-5", ProviderFormat.ANTHROPIC);
    List<StreamChunk> chunks = new ArrayList<>();
    try (RawResponseStream stream =
        provider().completeStream(request(s, ProviderFormat.VERTEX_ANTHROPIC, ANTHROPIC_BODY).stream(true).build())) {
      stream.forEachRemaining(chunks::add);
    }
    assertThat(chunks)
        .extracting(StreamChunk::utf8)
        .containsExactly(
            "{\"type\":\"message_start\"}",
            "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hé\"}}",
            "{\"type\":\"message_stop\"}");
    assertThat(chunks.get(0).eventType()).contains("message_start");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath())
        .isEqualTo(PREFIX + "publishers/anthropic/models/claude-haiku-4-5:streamRawPredict");
    assertThat(r.getUrl().query()).isNull();
  }

  @Test
  void openApiModelsAndChatCompletionsUseTheOpenApiEndpoint() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"choices\":[]}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"choices\":[]}").build());
    server.enqueue(new MockResponse.Builder().code(200).body("data: {\"choices\":[]}\n\ndata: [DONE]\n\n").build());
    String chat = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    provider()
        .complete(request(spec("publishers/meta/models/llama-4", ProviderFormat.OPENAI), ProviderFormat.OPENAI, chat).build());
    provider()
        .complete(
            request(spec("publishers/google/models/gemini-2.5-flash", ProviderFormat.OPENAI), ProviderFormat.OPENAI, chat)
                .build());
    List<String> events =
        drain(
            provider()
                .completeStream(
                    request(spec("publishers/qwen/models/qwen3", ProviderFormat.OPENAI), ProviderFormat.OPENAI, chat)
                        .stream(true)
                        .build()));
    assertThat(events).containsExactly("{\"choices\":[]}");
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/v1beta1/projects/test-project/locations/us-central1/endpoints/openapi/chat/completions");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(PREFIX + "endpoints/openapi/chat/completions");
    RecordedRequest streamed = server.takeRequest();
    assertThat(streamed.getUrl().encodedPath()).isEqualTo(PREFIX + "endpoints/openapi/chat/completions");
    assertThat(streamed.getUrl().query()).isNull();
  }

  @Test
  void theCatalogLocationGoesIntoThePath() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    ModelSpec s =
        ModelSpec.builder("gemini-3.5-flash", ProviderFormat.GOOGLE, ModelFlavor.CHAT)
            .extra(Map.of("locations", "[\"europe-west4\"]"))
            .build();
    provider().complete(request(s, ProviderFormat.GOOGLE, GENERATE).build());
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo(
            "/v1/projects/test-project/locations/europe-west4/publishers/google/models/gemini-3.5-flash:generateContent");
  }

  @Test
  void clientHeadersComeFirstAndAuthWins() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    ClientHeaders headers =
        ClientHeaders.builder()
            .add("x-goog-user-project", "billing-project")
            .add("x-amzn-trace-id", "dropped")
            .addUserConfigured("authorization", "Bearer operator")
            .build();
    provider()
        .complete(
            request(spec("gemini-2.5-flash", ProviderFormat.GOOGLE), ProviderFormat.GOOGLE, GENERATE)
                .clientHeaders(headers)
                .build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("x-goog-user-project")).isEqualTo("billing-project");
    assertThat(r.getHeaders().get("x-amzn-trace-id")).isNull();
    assertThat(r.getHeaders().values("authorization")).containsExactly("Bearer " + TOKEN);
  }

  @Test
  void upstreamErrorsBecomeUpstreamHttpErrors() {
    String error = "{\"error\":{\"code\":404,\"message\":\"Publisher Model was not found\",\"status\":\"NOT_FOUND\"}}";
    server.enqueue(
        new MockResponse.Builder().code(404).addHeader("x-debug-id", "dbg-1").body(error).build());
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"code\":500}}").build());
    ModelSpec s = spec("gemini-9", ProviderFormat.GOOGLE);
    assertThatThrownBy(() -> provider().complete(request(s, ProviderFormat.GOOGLE, GENERATE).build()))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.provider()).isEqualTo("vertex");
              assertThat(e.bodyText()).isEqualTo(error);
              assertThat(e.header("x-debug-id")).contains("dbg-1");
              assertThat(e.getMessage()).doesNotContain(TOKEN);
            });
    assertThatThrownBy(
            () -> provider().completeStream(request(s, ProviderFormat.GOOGLE, GENERATE).stream(true).build()))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> assertThat(e.status()).isEqualTo(500));
  }

  @Test
  void wrongCredentialKindsAreRejectedBeforeSending() {
    ModelSpec s = spec("gemini-2.5-flash", ProviderFormat.GOOGLE);
    AuthConfig aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "us-east-1");
    assertThatThrownBy(() -> provider().complete(request(s, ProviderFormat.GOOGLE, GENERATE).auth(aws).build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("vertex")
        .hasMessageContaining("aws_signature_v4")
        .hasMessageContaining("api_key, o_auth, custom, refreshing_token")
        .hasMessageNotContaining("wJalrXUtnSECRETKEY");
    assertThatThrownBy(
            () ->
                provider()
                    .completeStream(
                        request(s, ProviderFormat.GOOGLE, GENERATE).auth(AuthConfig.azureEntra("e-SECRET")).stream(true)
                            .build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("azure_entra")
        .hasMessageNotContaining("e-SECRET");
    assertThat(server.getRequestCount()).isZero();
  }

  /**
   * A service-account token that Vertex rejects with 401 is dropped, a fresh one is fetched from the token
   * endpoint, and the request is sent once more, for both calls and streams.
   */
  @Test
  void a401FromVertexForcesOneTokenRefreshAndRetry() throws Exception {
    try (MockWebServer tokenServer = Loopback.startServer()) {
      for (int i = 1; i <= 3; i++) {
        tokenServer.enqueue(
            new MockResponse.Builder().code(200).body(ServiceAccountKeys.tokenReply("ya29.tok-" + i, 3600)).build());
      }
      AuthConfig auth =
          GoogleAuth.serviceAccount(
              ServiceAccountKeys.json(tokenServer.url("/token").toString()),
              GoogleAuthOptions.builder().httpClient(client).build());
      server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}").build());
      server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
      ModelSpec s = spec("gemini-2.5-flash", ProviderFormat.GOOGLE);

      byte[] body = provider().complete(request(s, ProviderFormat.GOOGLE, GENERATE).auth(auth).build());

      assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(REPLY);
      assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer ya29.tok-1");
      RecordedRequest retried = server.takeRequest();
      assertThat(retried.getHeaders().get("authorization")).isEqualTo("Bearer ya29.tok-2");
      assertThat(retried.getBody().utf8()).isEqualTo(GENERATE);
      assertThat(tokenServer.getRequestCount()).isEqualTo(2);

      // The same for a stream; a second 401 is then returned to the caller, with no third attempt.
      server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
      server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"still\"}").build());
      assertThatThrownBy(
              () ->
                  provider()
                      .completeStream(request(s, ProviderFormat.GOOGLE, GENERATE).auth(auth).stream(true).build()))
          .isInstanceOfSatisfying(UpstreamHttpException.class, e -> assertThat(e.status()).isEqualTo(401));
      assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer ya29.tok-2");
      assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer ya29.tok-3");
      assertThat(server.getRequestCount()).isEqualTo(4);
      assertThat(tokenServer.getRequestCount()).isEqualTo(3);
    }
  }
}
