package dev.llmrouter.providers.databricks;

import static dev.llmrouter.providers.Loopback.SECRET_KEY;
import static dev.llmrouter.providers.Loopback.chatRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.anthropic.TrickleBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Databricks provider: the three tests of the Rust {@code providers/databricks.rs}, and a loopback
 * MockWebServer standing in for a workspace's serving endpoints and OAuth token endpoint.
 */
@Timeout(60)
class DatabricksProviderTest {
  private static final String CHAT =
      "{\"model\":\"databricks-meta-llama-3-3-70b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final String REPLY =
      "{\"id\":\"chatcmpl_1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"finish_reason\":\"stop\"}]}";
  private static final String MODEL = "databricks-meta-llama-3-3-70b-instruct";

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

  private DatabricksProvider provider() {
    return new DatabricksProvider(
        DatabricksConfig.builder().apiBase(server.url("/").toString()).httpClient(client).build());
  }

  @Test
  void servingUrlAppendsModelAndInvocations() {
    DatabricksProvider p =
        new DatabricksProvider(DatabricksConfig.builder().apiBase("https://adb-123.azuredatabricks.net").build());
    assertThat(p.servingUrl("my-model"))
        .hasToString("https://adb-123.azuredatabricks.net/serving-endpoints/my-model/invocations");
  }

  @Test
  void servingUrlWithTrailingSlashInBase() {
    DatabricksProvider p =
        new DatabricksProvider(DatabricksConfig.builder().apiBase("https://adb-123.azuredatabricks.net/").build());
    assertThat(p.servingUrl("llama-3-1-8b"))
        .hasToString("https://adb-123.azuredatabricks.net/serving-endpoints/llama-3-1-8b/invocations");
  }

  @Test
  void fromConfigRequiresApiBase() {
    assertThatThrownBy(() -> DatabricksConfig.fromSettings(ProviderSettings.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("databricks provider requires api_base");
    assertThatThrownBy(() -> DatabricksConfig.builder().build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("databricks provider requires api_base");
  }

  @Test
  void configFromSettingsAndModelSegments() {
    DatabricksConfig c =
        DatabricksConfig.fromSettings(
            ProviderSettings.builder()
                .endpoint("https://dbc-1.cloud.databricks.com/")
                .timeout(Duration.ofSeconds(9))
                .build());
    assertThat(c.apiBase()).hasToString("https://dbc-1.cloud.databricks.com/");
    assertThat(c.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThatThrownBy(
            () -> DatabricksConfig.fromSettings(
                ProviderSettings.builder().endpoint("https://x.example").endpointTemplate("https://<model>.x").build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("endpoint template");
    DatabricksProvider p = new DatabricksProvider(c);
    assertThat(p.id()).isEqualTo("databricks");
    assertThat(p.formats()).containsExactly(ProviderFormat.OPENAI);
    // The model is one path segment: a slash inside it cannot climb out of serving-endpoints.
    assertThat(p.servingUrl("team/model v2"))
        .hasToString("https://dbc-1.cloud.databricks.com/serving-endpoints/team%2Fmodel%20v2/invocations");
    assertThatThrownBy(() -> p.servingUrl(""))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("databricks");
    assertThat(
            DatabricksConfig.builder().apiBase("https://u:PASSWORD@dbc.example/?token=QUERYSECRET").build().toString())
        .contains("dbc.example")
        .doesNotContain("PASSWORD")
        .doesNotContain("QUERYSECRET");
  }

  @Test
  void aPersonalAccessTokenCallPostsTheExactPayloadToTheServingEndpoint() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    ClientHeaders headers = ClientHeaders.builder().add("x-trace-id", "t-1").add("authorization", "Bearer c").build();
    byte[] body = provider().complete(chatRequest(MODEL, CHAT).clientHeaders(headers).build());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(REPLY);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/serving-endpoints/" + MODEL + "/invocations");
    assertThat(r.getBody().utf8()).isEqualTo(CHAT);
    assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
    assertThat(r.getHeaders().values("authorization")).containsExactly("Bearer " + SECRET_KEY);
    assertThat(r.getHeaders().get("x-trace-id")).isEqualTo("t-1");
  }

  @Test
  void aStreamInAwkwardSplitsComesOutAsTheSameEvents() throws Exception {
    String sse =
        "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
            + "\"content\":\"Grüße\"}}]}\r\n\r\n"
            + ": comment\n\n"
            + "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" ✓\"},"
            + "\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .body(new TrickleBody(sse))
            .build());
    String payload = "{\"messages\":[],\"stream\":true}";
    List<String> events = new ArrayList<>();
    try (RawResponseStream stream = provider().completeStream(chatRequest(MODEL, payload).stream(true).build())) {
      stream.forEachRemaining(c -> events.add(c.utf8()));
    }
    assertThat(events)
        .containsExactly(
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"content\":\"Grüße\"}}]}",
            "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" ✓\"},"
                + "\"finish_reason\":\"stop\"}]}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/serving-endpoints/" + MODEL + "/invocations");
    assertThat(r.getBody().utf8()).isEqualTo(payload);
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer " + SECRET_KEY);
  }

  @Test
  void upstreamErrorsCarryStatusHeadersAndBody() {
    String error = "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Endpoint not found\"}";
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("content-type", "application/json")
            .addHeader("x-request-id", "db-req-1")
            .body(error)
            .build());
    UpstreamHttpException e =
        Assertions.assertThrows(UpstreamHttpException.class, () -> provider().complete(chatRequest(MODEL, CHAT).build()));
    assertThat(e.provider()).isEqualTo("databricks");
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.bodyText()).isEqualTo(error);
    assertThat(e.header("x-request-id")).contains("db-req-1");
    assertThat(e.getMessage()).doesNotContain(SECRET_KEY);

    server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
    UpstreamHttpException s =
        Assertions.assertThrows(
            UpstreamHttpException.class, () -> provider().completeStream(chatRequest(MODEL, CHAT).stream(true).build()));
    assertThat(s.status()).isEqualTo(500);
    assertThat(s.bodyText()).isEqualTo("boom");
  }

  @Test
  void servicePrincipalTokensAreFetchedOnceAndReused() throws Exception {
    server.enqueue(DatabricksTokensTest.tokenReply("sp-token-1", 3600));
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    AuthConfig auth = AuthConfig.tokens(spTokens());
    DatabricksProvider p = provider();
    p.complete(chatRequest(MODEL, CHAT).auth(auth).build());
    p.complete(chatRequest(MODEL, CHAT).auth(auth).build());
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oidc/v1/token");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/serving-endpoints/" + MODEL + "/invocations");
    assertThat(first.getHeaders().get("authorization")).isEqualTo("Bearer sp-token-1");
    assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer sp-token-1");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a401FromTheServingEndpointForcesOneRefreshAndRetry() throws Exception {
    server.enqueue(DatabricksTokensTest.tokenReply("revoked-token", 3600));
    server.enqueue(
        new MockResponse.Builder().code(401).body("{\"error_code\":\"401\",\"message\":\"Invalid token\"}").build());
    server.enqueue(DatabricksTokensTest.tokenReply("new-token", 3600));
    server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
    AuthConfig auth = AuthConfig.tokens(spTokens());

    byte[] body = provider().complete(chatRequest(MODEL, CHAT).auth(auth).build());

    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(REPLY);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oidc/v1/token");
    RecordedRequest rejected = server.takeRequest();
    assertThat(rejected.getHeaders().get("authorization")).isEqualTo("Bearer revoked-token");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oidc/v1/token");
    RecordedRequest retried = server.takeRequest();
    assertThat(retried.getUrl().encodedPath()).isEqualTo("/serving-endpoints/" + MODEL + "/invocations");
    assertThat(retried.getHeaders().get("authorization")).isEqualTo("Bearer new-token");
    assertThat(retried.getBody().utf8()).isEqualTo(CHAT);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aSecond401IsReturnedToTheCaller() {
    server.enqueue(DatabricksTokensTest.tokenReply("t1", 3600));
    server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
    server.enqueue(DatabricksTokensTest.tokenReply("t2", 3600));
    server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"still no\"}").build());
    AuthConfig auth = AuthConfig.tokens(spTokens());
    UpstreamHttpException e =
        Assertions.assertThrows(
            UpstreamHttpException.class, () -> provider().complete(chatRequest(MODEL, CHAT).auth(auth).build()));
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.bodyText()).isEqualTo("{\"message\":\"still no\"}");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void awsSigV4IsRejectedNamingTheAcceptedKinds() {
    AuthConfig aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "us-west-2");
    assertThatThrownBy(() -> provider().complete(chatRequest(MODEL, CHAT).auth(aws).build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'databricks'")
        .hasMessageContaining("aws_signature_v4")
        .hasMessageContaining("api_key, o_auth, azure_entra, custom, refreshing_token")
        .hasMessageNotContaining("wJalrXUtnSECRETKEY");
    assertThatThrownBy(() -> provider().complete(chatRequest(MODEL, CHAT).format(ProviderFormat.ANTHROPIC).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'anthropic'");
    assertThat(server.getRequestCount()).isZero();
  }

  private dev.llmrouter.auth.TokenProvider spTokens() {
    return DatabricksTokens.builder()
        .apiBase(server.url("/").toString())
        .credentials(DatabricksCredentials.of("sp-client", "sp-SECRET"))
        .httpClient(client)
        .build();
  }
}
