package dev.llmrouter.providers.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.TokenProvider;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.Loopback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
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
 * Service-principal OAuth against a loopback MockWebServer standing in for the workspace's
 * {@code /oidc/v1/token}: the three tests of the Rust {@code auth/databricks.rs} (the third deliberately
 * inverted: concurrent fetches are coalesced) and the error rules of spec section 4.
 */
@Timeout(60)
class DatabricksTokensTest {
  private static final String CLIENT_SECRET = "dose-SECRET-9876543210";
  private static final String EXPECTED_BASIC =
      "Basic " + Base64.getEncoder().encodeToString(("client:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

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

  private static DatabricksCredentials credentials() {
    return DatabricksCredentials.of("client", CLIENT_SECRET);
  }

  private TokenProvider tokens() {
    return DatabricksTokens.builder()
        .apiBase(server.url("/").toString())
        .credentials(credentials())
        .httpClient(client)
        .build();
  }

  static MockResponse tokenReply(String token, long expiresIn) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("content-type", "application/json")
        .body("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
            + ",\"scope\":\"all-apis\"}")
        .build();
  }

  private static void assertTokenRequest(RecordedRequest r) {
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/oidc/v1/token");
    assertThat(r.getHeaders().get("authorization")).isEqualTo(EXPECTED_BASIC);
    assertThat(r.getHeaders().get("content-type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=all-apis");
  }

  @Test
  void fetchesAndCachesToken() throws Exception {
    server.enqueue(tokenReply("db-token", 3600));
    TokenProvider tokens = tokens();
    Instant before = Instant.now();

    AccessToken first = tokens.token();
    assertThat(first.value()).isEqualTo("db-token");
    assertThat(first.expiresAt()).hasValueSatisfying(exp -> assertThat(exp).isAfter(before.plusSeconds(3590)));
    AccessToken cached = tokens.token();
    assertThat(cached.value()).isEqualTo("db-token");

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertTokenRequest(server.takeRequest());
  }

  @Test
  void refreshesStaleToken() throws Exception {
    // expires_in 1 is inside the 60 s refresh skew: the token is stale as soon as it arrives.
    server.enqueue(tokenReply("stale-token", 1));
    server.enqueue(tokenReply("fresh-token", 3600));
    TokenProvider tokens = tokens();

    assertThat(tokens.token().value()).isEqualTo("stale-token");
    assertThat(tokens.token().value()).isEqualTo("fresh-token");
    assertThat(tokens.token().value()).isEqualTo("fresh-token");

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertTokenRequest(server.takeRequest());
    assertTokenRequest(server.takeRequest());
  }

  /**
   * Deliberately different from the Rust {@code concurrent_token_fetches_for_same_credentials_are_not_coalesced}
   * (which asserts more than one request): the token endpoint holds its reply until the seven other callers
   * are parked waiting, and exactly one request must have been made.
   */
  @Test
  void concurrentTokenFetchesForSameCredentialsAreCoalesced() throws Exception {
    int callers = 8;
    List<Thread> threads = new ArrayList<>();
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger entered = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            requests.incrementAndGet();
            // Reply only once every other caller is blocked on the in-flight fetch (bounded wait: without
            // coalescing the others would be in their own socket reads, never parked, and the count fails).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((entered.get() < callers || parked(threads) < callers - 1) && System.nanoTime() < deadline) {
              Thread.sleep(5);
            }
            return tokenReply("db-token", 3600);
          }
        });
    TokenProvider tokens = tokens();
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentHashMap<String, Integer> results = new ConcurrentHashMap<>();
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  entered.incrementAndGet();
                  results.merge(tokens.token().value(), 1, Integer::sum);
                } catch (Throwable e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "db-token-caller-" + i);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(30));
    }

    assertThat(failures).isEmpty();
    assertThat(results).containsExactly(java.util.Map.entry("db-token", callers));
    assertThat(requests).hasValue(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static int parked(List<Thread> threads) {
    int n = 0;
    for (Thread t : threads) {
      Thread.State s = t.getState();
      if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED) {
        n++;
      }
    }
    return n;
  }

  @Test
  void errorTextPrefersErrorDescriptionThenErrorThenStatus() {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")
            .build());
    server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":\"invalid_scope\"}").build());
    server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
    server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
    TokenProvider tokens = tokens();

    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("Databricks OAuth error: Client authentication failed")
        .hasMessageNotContaining(CLIENT_SECRET);
    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("Databricks OAuth error: invalid_scope");
    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("Databricks OAuth error: HTTP 503");
    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("Databricks OAuth error: HTTP 502")
        .hasMessageContaining("invalid JSON")
        .hasMessageNotContaining("bad gateway");
    // A failed fetch is not cached: every call asked the endpoint again.
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aReplyWithoutTheRequiredFieldsOrWithAnotherTokenTypeIsAnError() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"access_token\":\"t\",\"expires_in\":60}").build());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"access_token\":\"t\",\"token_type\":\"MAC\",\"expires_in\":3600}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":\"soon\"}")
            .build());
    TokenProvider tokens = tokens();
    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("without access_token, token_type and expires_in");
    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("token_type 'MAC'");
    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("expires_in");
  }

  @Test
  void anUnreachableTokenEndpointIsAnAuthErrorWithoutTheSecret() throws IOException {
    TokenProvider tokens =
        DatabricksTokens.builder()
            .apiBase("http://127.0.0.1:" + Loopback.closedPort())
            .credentials(credentials())
            .httpClient(client)
            .build();
    assertThatThrownBy(tokens::token)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("/oidc/v1/token")
        .hasMessageNotContaining(CLIENT_SECRET);
  }

  @Test
  void theTokenUrlIsUnderTheApiBaseWithOrWithoutTrailingSlash() throws Exception {
    server.enqueue(tokenReply("a", 3600));
    server.enqueue(tokenReply("b", 3600));
    DatabricksTokens.builder()
        .apiBase(server.url("/workspace").toString())
        .credentials(credentials())
        .httpClient(client)
        .build()
        .token();
    DatabricksTokens.builder()
        .apiBase(server.url("/workspace/").toString())
        .credentials(credentials())
        .httpClient(client)
        .build()
        .token();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/workspace/oidc/v1/token");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/workspace/oidc/v1/token");
  }

  @Test
  void credentialsAndBuilderValidation() {
    DatabricksCredentials c =
        DatabricksCredentials.fromJson("{\"client_id\":\"sp-1\",\"client_secret\":\"" + CLIENT_SECRET + "\",\"x\":[1]}");
    assertThat(c.clientId()).isEqualTo("sp-1");
    assertThat(c.clientSecret()).isEqualTo(CLIENT_SECRET);
    assertThat(c).isEqualTo(DatabricksCredentials.of("sp-1", CLIENT_SECRET));
    assertThat(c.toString()).contains("sp-1").doesNotContain(CLIENT_SECRET);
    assertThatThrownBy(() -> DatabricksCredentials.fromJson("{\"client_id\":\"sp-1\"}"))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("client_secret");
    assertThatThrownBy(() -> DatabricksCredentials.fromJson("{\"client_id\":\"sp-1\",\"client_secret\":" + CLIENT_SECRET))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("failed to parse Databricks OAuth credentials JSON")
        .hasMessageNotContaining(CLIENT_SECRET);
    assertThatThrownBy(() -> DatabricksCredentials.of("", "s")).isInstanceOf(AuthException.class);
    assertThatThrownBy(() -> DatabricksCredentials.of("a:b", "s")).isInstanceOf(AuthException.class);
    assertThatThrownBy(() -> DatabricksTokens.builder().credentials(c).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("api_base");
    assertThatThrownBy(() -> DatabricksTokens.builder().apiBase("https://adb-1.example").build())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("credentials");
    TokenProvider tokens = DatabricksTokens.servicePrincipal("https://adb-1.example", c);
    assertThat(tokens.toString()).contains("sp-1").contains("adb-1.example").doesNotContain(CLIENT_SECRET);
  }
}
