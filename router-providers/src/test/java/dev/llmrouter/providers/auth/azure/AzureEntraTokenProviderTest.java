package dev.llmrouter.providers.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.providers.Loopback;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/**
 * Ports of the Rust auth/azure.rs tests against a loopback token endpoint, plus the request format, the
 * error texts and the credential rules of spec 4.
 */
@Timeout(60)
class AzureEntraTokenProviderTest {
  private static final String SECRET = "client-SECRET-value~42";

  private MockWebServer server;
  private ConnectionPool pool;
  private OkHttpClient client;

  @BeforeEach
  void setUp() throws IOException {
    server = Loopback.startServer();
    pool = new ConnectionPool(8, 1, TimeUnit.MINUTES);
    client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private AzureEntraCredentials credentials() {
    return AzureEntraCredentials.builder()
        .clientId("client")
        .tenantId("tenant")
        .scope("scope/.default")
        .clientSecret(SECRET)
        .tokenUrl(server.url("/token").toString())
        .build();
  }

  private AzureEntraTokenProvider provider() {
    return AzureEntraTokenProvider.create(credentials(), client);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("content-type", "application/json").body(body).build();
  }

  private static MockResponse token(String value, long expiresIn) {
    return json(200, "{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + "}");
  }

  // ---- Rust auth/azure.rs (3) ----

  @Test
  void fetchesAndCachesToken() throws Exception {
    server.enqueue(token("test-token", 3600));
    AzureEntraTokenProvider p = provider();
    assertThat(p.token().value()).isEqualTo("test-token");
    assertThat(p.token().value()).isEqualTo("test-token");
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/token");
  }

  @Test
  void refreshesStaleToken() {
    server.enqueue(token("stale-token", 1));
    server.enqueue(token("fresh-token", 3600));
    AzureEntraTokenProvider p = provider();
    assertThat(p.token().value()).isEqualTo("stale-token");
    // One second left is inside the 60 s refresh margin, so the next call fetches again.
    assertThat(p.token().value()).isEqualTo("fresh-token");
    assertThat(p.token().value()).isEqualTo("fresh-token");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  /**
   * Deliberately different from Rust's {@code concurrent_token_fetches_for_same_credentials_are_not_coalesced}
   * (which asserts more than one request): concurrent misses share one fetch here.
   */
  @Test
  void concurrentTokenFetchesForSameCredentialsAreCoalesced() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .headersDelay(300, TimeUnit.MILLISECONDS)
            .body("{\"access_token\":\"test-token\",\"expires_in\":3600}")
            .build());
    // A second reply that would show up if the fetches were not coalesced.
    server.enqueue(token("second-token", 3600));
    AzureEntraTokenProvider p = provider();
    int callers = 8;
    CyclicBarrier barrier = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  barrier.await(30, TimeUnit.SECONDS);
                  return p.token();
                }));
      }
      for (Future<AccessToken> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS).value()).isEqualTo("test-token");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---- Request format and errors ----

  @Test
  void theTokenRequestIsAClientCredentialsFormPost() throws Exception {
    server.enqueue(token("t", 3600));
    provider().token();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("content-type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(r.getHeaders().get("accept")).isEqualTo("application/json");
    assertThat(r.getBody().utf8())
        .isEqualTo("client_id=client&client_secret=client-SECRET-value%7E42&scope=scope%2F.default"
            + "&grant_type=client_credentials");
    assertThat(AzureEntraAuthTest.form(r))
        .containsExactly(
            Map.entry("client_id", "client"),
            Map.entry("client_secret", SECRET),
            Map.entry("scope", "scope/.default"),
            Map.entry("grant_type", "client_credentials"));
  }

  @Test
  void theExpiryComesFromExpiresInIncludingTheV1StringForm() {
    server.enqueue(json(200, "{\"access_token\":\"t\",\"expires_in\":\"3599\",\"token_type\":\"Bearer\"}"));
    Instant before = Instant.now();
    AccessToken t = provider().token();
    assertThat(t.expiresAt()).isPresent();
    assertThat(t.expiresAt().get())
        .isBetween(before.plus(Duration.ofSeconds(3599)), Instant.now().plus(Duration.ofSeconds(3599)));
  }

  @Test
  void errorTextPrefersErrorDescription() {
    server.enqueue(
        json(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}"));
    assertThatThrownBy(() -> provider().token())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("Azure Entra error: AADSTS7000215: Invalid client secret provided.")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void errorTextFallsBackToErrorThenStatus() {
    server.enqueue(json(400, "{\"error\":\"unauthorized_client\"}"));
    assertThatThrownBy(() -> provider().token())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("Azure Entra error: unauthorized_client");
    server.enqueue(json(503, "{}"));
    assertThatThrownBy(() -> provider().token())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("Azure Entra error: HTTP 503");
    server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad gateway</html>").build());
    assertThatThrownBy(() -> provider().token())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("HTTP 502")
        .hasMessageContaining("not a JSON object");
    server.enqueue(json(200, "{\"access_token\":\"t\"}"));
    assertThatThrownBy(() -> provider().token())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("expires_in");
  }

  @Test
  void anErrorEchoingTheSecretIsScrubbed() {
    server.enqueue(json(400, "{\"error\":\"bad\",\"error_description\":\"secret " + SECRET + " rejected\"}"));
    assertThatThrownBy(() -> provider().token())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("secret *** rejected")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void anUnreachableEndpointIsAnAuthErrorWithoutTheSecret() throws IOException {
    AzureEntraTokenProvider p =
        AzureEntraTokenProvider.create(
            credentials().toBuilder().tokenUrl("http://127.0.0.1:" + Loopback.closedPort() + "/token").build(), client);
    assertThatThrownBy(p::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("token request to http://127.0.0.1:")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void aFailedFetchIsRetriedOnTheNextCall() {
    server.enqueue(json(500, "{\"error\":\"temporarily_unavailable\"}"));
    server.enqueue(token("after-failure", 3600));
    AzureEntraTokenProvider p = provider();
    assertThatThrownBy(p::token).isInstanceOf(AuthException.class);
    assertThat(p.token().value()).isEqualTo("after-failure");
  }

  @Test
  void anInvalidatedTokenIsFetchedAgainButAnotherValueIsKept() {
    server.enqueue(token("first", 3600));
    server.enqueue(token("second", 3600));
    AzureEntraTokenProvider p = provider();
    assertThat(p.token().value()).isEqualTo("first");
    p.invalidate("not-the-cached-one");
    assertThat(p.token().value()).isEqualTo("first");
    p.invalidate("first");
    assertThat(p.token().value()).isEqualTo("second");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void asRefreshingAuthTheTokenBecomesABearerHeader() {
    server.enqueue(token("bearer-me", 3600));
    AuthConfig auth = AzureEntraAuth.clientCredentials(credentials(), client);
    List<String> written = new ArrayList<>();
    auth.applyTo((name, value) -> written.add(name + ": " + value));
    assertThat(written).containsExactly("authorization: Bearer bearer-me");
    assertThat(auth.toString()).contains("tenant").doesNotContain(SECRET);
  }

  // ---- Credentials ----

  @Test
  void theDefaultTokenUrlIsThePublicCloudTenantEndpoint() {
    AzureEntraCredentials c =
        AzureEntraCredentials.builder().tenantId("contoso.onmicrosoft.com").clientId("c").clientSecret("s").build();
    assertThat(c.tokenUrl()).isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    assertThat(c.scope()).isEqualTo("https://cognitiveservices.azure.com/.default");
    assertThat(c.customTokenUrl()).isEmpty();
  }

  @Test
  void credentialsFromJson() {
    AzureEntraCredentials c =
        AzureEntraCredentials.fromJson(
            "{\"client_id\":\"cid\",\"tenant_id\":\"tid\",\"scope\":\"api://x/.default\",\"client_secret\":\"sec\","
                + "\"token_url\":\"https://login.example/tid/token\"}");
    assertThat(c.clientId()).isEqualTo("cid");
    assertThat(c.tenantId()).isEqualTo("tid");
    assertThat(c.scope()).isEqualTo("api://x/.default");
    assertThat(c.clientSecret()).isEqualTo("sec");
    assertThat(c.tokenUrl()).isEqualTo("https://login.example/tid/token");
    AzureEntraCredentials noScope =
        AzureEntraCredentials.fromJson("{\"client_id\":\"cid\",\"tenant_id\":\"tid\",\"client_secret\":\"sec\"}");
    assertThat(noScope.scope()).isEqualTo(AzureEntraAuth.DEFAULT_SCOPE);
    assertThat(noScope.tokenUrl()).isEqualTo("https://login.microsoftonline.com/tid/oauth2/v2.0/token");
  }

  @Test
  void badCredentialsJsonNeverQuotesTheInput() {
    assertThatThrownBy(() -> AzureEntraCredentials.fromJson("{\"client_secret\": SECRETNOTQUOTED"))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("failed to parse Azure Entra credentials JSON")
        .hasMessageNotContaining("SECRETNOTQUOTED");
    assertThatThrownBy(() -> AzureEntraCredentials.fromJson("{\"client_id\":\"c\",\"tenant_id\":\"t\"}"))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("client secret");
    assertThatThrownBy(() -> AzureEntraCredentials.fromJson("{\"client_id\":1,\"tenant_id\":\"t\",\"client_secret\":\"s\"}"))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("client_id");
  }

  @Test
  void missingValuesAreNamed() {
    assertThatThrownBy(() -> AzureEntraCredentials.builder().clientId("c").clientSecret("s").build())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("tenant id");
    assertThatThrownBy(() -> AzureEntraCredentials.builder().tenantId("t").clientSecret("s").build())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("client id");
    assertThatThrownBy(
            () -> AzureEntraCredentials.builder().tenantId("t").clientId("c").clientSecret("s").tokenUrl("nope").build())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("token URL");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(credentials().toString()).contains("client").contains("tenant").doesNotContain(SECRET);
    assertThat(provider().toString()).doesNotContain(SECRET);
  }
}
