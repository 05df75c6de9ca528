package dev.llmrouter.providers.auth.google;

import static dev.llmrouter.providers.auth.google.ServiceAccountKeys.CLIENT_EMAIL;
import static dev.llmrouter.providers.auth.google.ServiceAccountKeys.json;
import static dev.llmrouter.providers.auth.google.ServiceAccountKeys.tokenReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.providers.Loopback;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GoogleAuth} against a loopback MockWebServer standing in for Google's OAuth token endpoint. The
 * service-account key is a freshly generated RSA key; nothing reaches Google.
 */
@Timeout(60)
class GoogleAuthTest {
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private MockWebServer tokenServer;
  private ConnectionPool pool;
  private GoogleAuthOptions options;

  @BeforeEach
  void setUp() throws IOException {
    tokenServer = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
    options = GoogleAuthOptions.builder().httpClient(client).build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    tokenServer.close();
  }

  private String tokenUri() {
    return tokenServer.url("/token").toString();
  }

  private static Map<String, String> form(RecordedRequest request) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : request.getBody().utf8().split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  private static JsonObject jwtPart(String part) {
    return JsonTree.parse(Base64.getUrlDecoder().decode(part)).asObject().orElseThrow();
  }

  private static boolean verifies(String jwt, PublicKey key) throws Exception {
    int lastDot = jwt.lastIndexOf('.');
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(key);
    verifier.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
    return verifier.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
  }

  @Test
  void theJwtBearerGrantIsPostedWithAnRs256AssertionSignedByTheKey() throws Exception {
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("ya29.first", 3600)).build());
    Instant before = Instant.now();

    AccessToken token = GoogleAuth.serviceAccount(json(tokenUri()), options).currentToken();

    assertThat(token.value()).isEqualTo("ya29.first");
    // The cache gets the token's real expiry (now + expires_in).
    assertThat(token.expiresAt()).hasValueSatisfying(
        exp -> assertThat(exp).isBetween(before.plusSeconds(3600 - 5), Instant.now().plusSeconds(3600 + 5)));
    RecordedRequest r = tokenServer.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/token");
    assertThat(r.getHeaders().get("content-type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> fields = form(r);
    assertThat(fields).containsEntry("grant_type", JWT_BEARER).containsKey("assertion");

    String jwt = fields.get("assertion");
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    JsonObject header = jwtPart(parts[0]);
    assertThat(header.getString("alg")).contains("RS256");
    assertThat(header.getString("typ")).contains("JWT");
    assertThat(header.getString("kid")).contains(ServiceAccountKeys.PRIVATE_KEY_ID);
    JsonObject claims = jwtPart(parts[1]);
    assertThat(claims.getString("iss")).contains(CLIENT_EMAIL);
    assertThat(claims.getString("scope")).contains(GoogleAuth.CLOUD_PLATFORM_SCOPE);
    // google-auth-library always uses Google's token endpoint as the audience, as Google documents; the
    // Rust router puts the key's token_uri there instead.
    assertThat(claims.getString("aud")).contains(GoogleAuth.DEFAULT_TOKEN_URI);
    long iat = Long.parseLong(claims.getNumber("iat").orElseThrow().text());
    long exp = Long.parseLong(claims.getNumber("exp").orElseThrow().text());
    assertThat(exp - iat).isEqualTo(3600);
    assertThat(iat).isBetween(before.getEpochSecond() - 300, Instant.now().getEpochSecond() + 300);
    assertThat(verifies(jwt, ServiceAccountKeys.keyPair().getPublic())).isTrue();
    KeyPairGenerator other = KeyPairGenerator.getInstance("RSA");
    other.initialize(2048);
    assertThat(verifies(jwt, other.generateKeyPair().getPublic())).isFalse();
  }

  @Test
  void fetchesOnceThenServesTheCachedToken() {
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("ya29.cached", 3600)).build());
    AuthConfig.RefreshingToken auth = GoogleAuth.serviceAccount(json(tokenUri()), options);
    for (int i = 0; i < 5; i++) {
      assertThat(auth.currentToken().value()).isEqualTo("ya29.cached");
    }
    assertThat(tokenServer.getRequestCount()).isEqualTo(1);
  }

  /** Rust auth/google.rs {@code refreshes_stale_token}: a token within the 60 s skew is fetched again. */
  @Test
  void refreshesStaleToken() {
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("stale-token", 1)).build());
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("fresh-token", 3600)).build());
    AuthConfig.RefreshingToken auth = GoogleAuth.serviceAccount(json(tokenUri()), options);

    assertThat(auth.currentToken().value()).isEqualTo("stale-token");
    assertThat(auth.currentToken().value()).isEqualTo("fresh-token");
    assertThat(tokenServer.getRequestCount()).isEqualTo(2);
    assertThat(auth.currentToken().value()).isEqualTo("fresh-token");
    assertThat(tokenServer.getRequestCount()).isEqualTo(2);
  }

  /**
   * Deliberately different from the Rust managers, whose concurrent misses each fetch a token: here the
   * callers that miss while a fetch is in flight wait for it, and exactly one request is made.
   */
  @Test
  void concurrentMissesAreCoalescedIntoOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    tokenServer.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await(30, TimeUnit.SECONDS);
            return new MockResponse.Builder().code(200).body(tokenReply("ya29.shared", 3600)).build();
          }
        });
    AuthConfig.RefreshingToken auth = GoogleAuth.serviceAccount(json(tokenUri()), options);
    int callers = 8;
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Throwable> failures = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  seen.add(auth.currentToken().value());
                } catch (Throwable e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              });
      threads.add(t);
      t.start();
    }
    // One caller is fetching (its request has reached the server and is held there); wait until every
    // other caller is parked waiting for that fetch before letting it finish.
    assertThat(tokenServer.takeRequest(30, TimeUnit.SECONDS)).isNotNull();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count() < callers - 1
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count())
        .isEqualTo(callers - 1);
    release.countDown();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(failures).isEmpty();
    assertThat(seen).containsExactly("ya29.shared");
    assertThat(tokenServer.getRequestCount()).isEqualTo(1);
  }

  @Test
  void customScopesAreSpaceJoinedInTheAssertion() throws Exception {
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("ya29.scoped", 3600)).build());
    GoogleAuthOptions scoped =
        options.toBuilder()
            .scopes(
                "https://www.googleapis.com/auth/generative-language",
                " ",
                "https://www.googleapis.com/auth/cloud-platform.read-only")
            .build();
    GoogleAuth.serviceAccount(json(tokenUri()), scoped).currentToken();
    JsonObject claims = jwtPart(form(tokenServer.takeRequest()).get("assertion").split("\\.")[1]);
    assertThat(claims.getString("scope"))
        .contains(
            "https://www.googleapis.com/auth/generative-language "
                + "https://www.googleapis.com/auth/cloud-platform.read-only");
    assertThat(GoogleAuthOptions.builder().scopes(List.of()).build().scopes())
        .containsExactly(GoogleAuth.CLOUD_PLATFORM_SCOPE);
  }

  @Test
  void aMinimalKeyLikeRustAcceptsWorks() throws Exception {
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("ya29.minimal", 3600)).build());
    AuthConfig.RefreshingToken auth =
        GoogleAuth.serviceAccount(ServiceAccountKeys.minimalJson(tokenUri()), options);
    assertThat(auth.currentToken().value()).isEqualTo("ya29.minimal");
    String jwt = form(tokenServer.takeRequest()).get("assertion");
    assertThat(verifies(jwt, ServiceAccountKeys.keyPair().getPublic())).isTrue();
  }

  @Test
  void bytesAndFilesWork(@TempDir Path dir) throws Exception {
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("ya29.bytes", 3600)).build());
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("ya29.file", 3600)).build());
    assertThat(
            GoogleAuth.serviceAccount(json(tokenUri()).getBytes(StandardCharsets.UTF_8), options)
                .currentToken()
                .value())
        .isEqualTo("ya29.bytes");
    Path file = dir.resolve("key.json");
    Files.writeString(file, json(tokenUri()));
    assertThat(GoogleAuth.serviceAccount(file, options).currentToken().value()).isEqualTo("ya29.file");
    assertThatThrownBy(() -> GoogleAuth.serviceAccount(dir.resolve("missing.json"), options))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("missing.json");
  }

  @Test
  void aTokenEndpointErrorIsAnAuthErrorWithoutSecrets() {
    tokenServer.enqueue(
        new MockResponse.Builder()
            .code(400)
            .setHeader("content-type", "application/json")
            .body("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")
            .build());
    AuthConfig.RefreshingToken auth = GoogleAuth.serviceAccount(json(tokenUri()), options);
    assertThatThrownBy(auth::currentToken)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining(CLIENT_EMAIL)
        .hasMessageContaining("invalid_grant")
        .hasMessageNotContaining(ServiceAccountKeys.privateKeyBase64().substring(0, 40))
        .hasMessageNotContaining("PRIVATE KEY");
    assertThat(tokenServer.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aReplyWithoutAnAccessTokenIsAnAuthError() {
    tokenServer.enqueue(new MockResponse.Builder().code(200).body("{\"expires_in\":3600}").build());
    AuthConfig.RefreshingToken auth = GoogleAuth.serviceAccount(json(tokenUri()), options);
    assertThatThrownBy(auth::currentToken).isInstanceOf(AuthException.class).hasMessageContaining("access_token");
  }

  @Test
  void unusableKeysAreNamedWithoutQuotingThem() {
    String pem = ServiceAccountKeys.privateKeyPem();
    String leaked = ServiceAccountKeys.privateKeyBase64().substring(0, 40);
    assertThatThrownBy(() -> GoogleAuth.serviceAccount("{\"client_email\": " + leaked, options))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageNotContaining(leaked);
    assertThatThrownBy(() -> GoogleAuth.serviceAccount("[1]", options))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> GoogleAuth.serviceAccount("{\"private_key\":\"x\"}", options))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'client_email'");
    assertThatThrownBy(() -> GoogleAuth.serviceAccount("{\"client_email\":\"a@b\"}", options))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'private_key'");
    assertThatThrownBy(
            () ->
                GoogleAuth.serviceAccount(
                    "{\"type\":\"authorized_user\",\"client_id\":\"x\",\"refresh_token\":\"1//SECRET\"}", options))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'authorized_user'")
        .hasMessageNotContaining("1//SECRET");
    String truncated = pem.substring(0, pem.length() / 2).replace("\n", "\\n");
    assertThatThrownBy(
            () ->
                GoogleAuth.serviceAccount(
                    "{\"client_email\":\"a@b\",\"private_key\":\"" + truncated + "\"}", options))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'private_key'")
        .hasMessageNotContaining(leaked);
    assertThatThrownBy(
            () ->
                GoogleAuth.serviceAccount(
                    "{\"client_email\":\"a@b\",\"private_key\":\"k\",\"token_uri\":\"ftp://x/?k=SECRET\"}", options))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("token_uri")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void nothingSecretShowsInToString() {
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("ya29.SECRET-TOKEN", 3600)).build());
    AuthConfig.RefreshingToken auth = GoogleAuth.serviceAccount(json(tokenUri()), options);
    AccessToken token = auth.currentToken();
    assertThat(auth.toString())
        .contains(CLIENT_EMAIL)
        .doesNotContain("ya29.SECRET-TOKEN")
        .doesNotContain(ServiceAccountKeys.privateKeyBase64().substring(0, 40));
    assertThat(token.toString()).doesNotContain("ya29.SECRET-TOKEN");
  }

  @Test
  void aPlainAccessTokenIsServedUntilItExpires() {
    AuthConfig.RefreshingToken plain = GoogleAuth.accessToken("ya29.plain-SECRET");
    Map<String, String> headers = new HashMap<>();
    plain.applyTo(headers::put);
    assertThat(headers).containsEntry("authorization", "Bearer ya29.plain-SECRET");
    assertThat(plain.toString()).doesNotContain("ya29.plain-SECRET");

    AuthConfig.RefreshingToken later = GoogleAuth.accessToken("ya29.later", Instant.now().plus(Duration.ofHours(1)));
    assertThat(later.currentToken().value()).isEqualTo("ya29.later");
    AuthConfig.RefreshingToken expired =
        GoogleAuth.accessToken("ya29.expired-SECRET", Instant.now().minusSeconds(1));
    assertThatThrownBy(expired::currentToken)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("cannot be refreshed")
        .hasMessageNotContaining("ya29.expired-SECRET");
    assertThatThrownBy(() -> GoogleAuth.accessToken(" ")).isInstanceOf(AuthException.class);
  }

  @Test
  void applicationDefaultCredentialsComeFromTheWellKnownFile(@TempDir Path home) throws Exception {
    Assumptions.assumeTrue(
        System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null && System.getenv("CLOUDSDK_CONFIG") == null,
        "application-default credentials are configured in this environment");
    Path gcloud = Files.createDirectories(home.resolve(".config").resolve("gcloud"));
    Files.writeString(gcloud.resolve("application_default_credentials.json"), json(tokenUri()));
    tokenServer.enqueue(new MockResponse.Builder().code(200).body(tokenReply("ya29.adc", 3600)).build());
    String savedHome = System.getProperty("user.home");
    AuthConfig.RefreshingToken adc;
    try {
      System.setProperty("user.home", home.toString());
      adc = GoogleAuth.applicationDefault(options);
    } finally {
      System.setProperty("user.home", savedHome);
    }
    assertThat(adc.currentToken().value()).isEqualTo("ya29.adc");
    assertThat(adc.toString()).contains("application-default").contains(CLIENT_EMAIL);
    Map<String, String> fields = form(tokenServer.takeRequest());
    assertThat(fields).containsEntry("grant_type", JWT_BEARER);
    JsonObject claims = jwtPart(fields.get("assertion").split("\\.")[1]);
    assertThat(claims.getString("scope")).contains(GoogleAuth.CLOUD_PLATFORM_SCOPE);
  }
}
