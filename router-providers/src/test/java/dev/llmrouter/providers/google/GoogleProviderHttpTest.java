package dev.llmrouter.providers.google;

import static dev.llmrouter.providers.Loopback.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.CachingTokenProvider;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Google provider against a loopback MockWebServer standing in for the Gemini API. */
@Timeout(60)
class GoogleProviderHttpTest {
  static final String GENERATE =
      "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}],"
          + "\"generationConfig\":{\"temperature\":0.70}}";
  static final String REPLY =
      "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hello!\"}]},"
          + "\"finishReason\":\"STOP\",\"index\":0}],\"modelVersion\":\"gemini-2.5-flash\"}";

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

  private GoogleProvider provider() {
    return new GoogleProvider(
        GoogleConfig.builder().endpoint(server.url("/v1beta/").toString()).httpClient(client).build());
  }

  private static ProviderRequest.Builder nativeRequest(String model, String json) {
    return ProviderRequest.builder()
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .format(ProviderFormat.GOOGLE)
        .spec(ModelSpec.builder(model, ProviderFormat.GOOGLE, ModelFlavor.CHAT).build())
        .auth(AuthConfig.apiKey(SECRET_KEY, "x-goog-api-key", null));
  }

  @Test
  void nativeGenerateContentSendsTheExactPayloadWithTheApiKeyHeader() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(REPLY).build());
    byte[] body = provider().complete(nativeRequest("gemini-2.5-flash", GENERATE).build());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(REPLY);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(r.getUrl().query()).isNull();
    assertThat(r.getBody().utf8()).isEqualTo(GENERATE);
    assertThat(r.getHeaders().get("content-type")).isEqualTo("application/json");
    assertThat(r.getHeaders().values("x-goog-api-key")).containsExactly(SECRET_KEY);
    assertThat(r.getHeaders().get("authorization")).isNull();
    assertThat(r.getHeaders().get("user-agent")).isEqualTo("llm-router-java/0.1.0");
  }

  @Test
  void nativeStreamingUsesTheSseUrlAndSurvivesAwkwardChunkSplits() throws Exception {
    // CRLF line ends, a comment, multi-byte UTF-8 (é, 👋) and pieces of 1-7 bytes: every boundary is split.
    String sse =
        "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hé\"}]},\"index\":0}]}\r\n\r\n"
            + ": keep-alive\r\n\r\n"
            + "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"llo 👋\"}]},\"index\":0}]}\n\n"
            + "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"!\"}]},"
            + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":2,"
            + "\"candidatesTokenCount\":3,\"totalTokenCount\":5}}\n\n";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .body(new TrickleBody(sse, 1, 3, 2, 7, 1, 5))
            .build());
    List<StreamChunk> chunks = new ArrayList<>();
    try (RawResponseStream stream =
        provider().completeStream(nativeRequest("models/gemini-2.5-flash", GENERATE).stream(true).build())) {
      stream.forEachRemaining(chunks::add);
    }
    assertThat(chunks)
        .extracting(StreamChunk::utf8)
        .containsExactly(
            "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hé\"}]},\"index\":0}]}",
            "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"llo 👋\"}]},\"index\":0}]}",
            "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"!\"}]},"
                + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":2,"
                + "\"candidatesTokenCount\":3,\"totalTokenCount\":5}}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    assertThat(r.getUrl().query()).isEqualTo("alt=sse");
    // Streaming is chosen by the URL: the body is sent as prepared, without a stream flag.
    assertThat(r.getBody().utf8()).isEqualTo(GENERATE);
    assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo(SECRET_KEY);
  }

  @Test
  void oauthAndRefreshingTokensAreSentAsBearerOnBothEndpoints() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    provider().complete(nativeRequest("gemini-2.5-flash", GENERATE).auth(AuthConfig.oauth("ya29.oauth")).build());
    AuthConfig refreshing =
        AuthConfig.tokens(CachingTokenProvider.of("test", () -> AccessToken.nonExpiring("ya29.refreshing")));
    provider()
        .complete(nativeRequest("gemini-2.5-flash", "{}").format(ProviderFormat.OPENAI).auth(refreshing).build());
    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeaders().get("authorization")).isEqualTo("Bearer ya29.oauth");
    assertThat(first.getHeaders().get("x-goog-api-key")).isNull();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().encodedPath()).isEqualTo("/v1beta/openai/chat/completions");
    assertThat(second.getHeaders().get("authorization")).isEqualTo("Bearer ya29.refreshing");
  }

  @Test
  void clientHeadersComeFirstAndAuthWins() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    ClientHeaders headers =
        ClientHeaders.builder()
            .add("x-trace-id", "t-9")
            .add("x-goog-api-key", "client-supplied")
            .add("x-bt-org", "org")
            .addUserConfigured("x-goog-api-key", "operator-supplied")
            .addUserConfigured("x-operator", "yes")
            .build();
    provider().complete(nativeRequest("gemini-2.5-flash", GENERATE).clientHeaders(headers).build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("x-trace-id")).isEqualTo("t-9");
    assertThat(r.getHeaders().get("x-operator")).isEqualTo("yes");
    assertThat(r.getHeaders().get("x-bt-org")).isNull();
    assertThat(r.getHeaders().values("x-goog-api-key")).containsExactly(SECRET_KEY);
    assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
  }

  @Test
  void anUpstream4xxBecomesAnUpstreamHttpErrorWithStatusHeadersAndBody() {
    String error =
        "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
            + "\"status\":\"INVALID_ARGUMENT\"}}";
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .setHeader("content-type", "application/json; charset=UTF-8")
            .addHeader("x-goog-request-id", "req-42")
            .addHeader("set-cookie", "NID=COOKIESECRET")
            .body(error)
            .build());
    assertThatThrownBy(() -> provider().complete(nativeRequest("gemini-2.5-flash", GENERATE).build()))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.provider()).isEqualTo("google");
              assertThat(e.bodyText()).isEqualTo(error);
              assertThat(e.header("x-goog-request-id")).contains("req-42");
              assertThat(e.header("content-type")).contains("application/json; charset=UTF-8");
              assertThat(e.header("set-cookie")).isEmpty();
              assertThat(e.getMessage()).doesNotContain(SECRET_KEY).doesNotContain("COOKIESECRET");
            });
  }

  @Test
  void anUpstream5xxOnAStreamIsThrownBeforeAnyStreamExists() {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("retry-after", "7")
            .body("{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}")
            .build());
    assertThatThrownBy(
            () -> provider().completeStream(nativeRequest("gemini-2.5-flash", GENERATE).stream(true).build()))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.header("retry-after")).contains("7");
              assertThat(e.bodyText()).contains("UNAVAILABLE");
            });
  }

  @Test
  void wrongCredentialKindsAreRejectedBeforeSendingNamingTheAcceptedKinds() {
    AuthConfig aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "us-east-1");
    assertThatThrownBy(() -> provider().complete(nativeRequest("gemini-2.5-flash", GENERATE).auth(aws).build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("google")
        .hasMessageContaining("aws_signature_v4")
        .hasMessageContaining("api_key, o_auth, custom, refreshing_token")
        .hasMessageNotContaining("AKIAEXAMPLEKEYID")
        .hasMessageNotContaining("wJalrXUtnSECRETKEY");
    AuthConfig entra = AuthConfig.azureEntra("entra-SECRET-token");
    assertThatThrownBy(
            () ->
                provider()
                    .completeStream(nativeRequest("gemini-2.5-flash", GENERATE).auth(entra).stream(true).build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("azure_entra")
        .hasMessageNotContaining("entra-SECRET-token");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void a401WithARefreshingTokenIsRetriedOnceWithAFreshToken() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"code\":401}}").build());
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    AtomicInteger fetches = new AtomicInteger();
    AuthConfig auth =
        AuthConfig.tokens(
            CachingTokenProvider.of("test", () -> AccessToken.nonExpiring("tok-" + fetches.incrementAndGet())));
    byte[] body = provider().complete(nativeRequest("gemini-2.5-flash", GENERATE).auth(auth).build());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(REPLY);
    assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer tok-1");
    assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer tok-2");
    assertThat(fetches).hasValue(2);
  }
}
