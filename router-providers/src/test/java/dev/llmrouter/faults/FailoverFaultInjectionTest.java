package dev.llmrouter.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterMetadata;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.ClientException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RequestTooLargeException;
import dev.llmrouter.error.UnknownModelException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failover fault injection: one model served by two OpenAI registrations, {@code primary} and
 * {@code backup}, each on its own loopback MockWebServer. Asserts which server saw which request, the
 * outcome and every attempt in {@link RouterMetadata}; and that client errors (bad request bodies, an
 * upstream 400) neither retry nor fail over.
 */
@Timeout(30)
class FailoverFaultInjectionTest {
  private static final String MODEL = "gpt-4o-mini";
  private static final String CATALOG = "{\"" + MODEL + "\":{\"format\":\"openai\",\"flavor\":\"chat\","
      + "\"available_providers\":[\"primary\",\"backup\"]}}";
  private static final String COMPLETION =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"from backup\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";
  private static final byte[] CHAT = utf8(
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
  private static final RetryPolicy ONE_RETRY =
      RetryPolicy.builder().maxAttempts(1).initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(20))
          .jitter(false).build();

  private MockWebServer primary;
  private MockWebServer backup;
  private ConnectionPool pool;
  private Router router;

  @BeforeEach
  void setUp() throws IOException {
    primary = Loopback.startServer();
    backup = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    router = router(true);
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    primary.close();
    backup.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Router router(boolean failover) {
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
    return Router.builder()
        .catalog(ModelCatalog.parse(CATALOG))
        .addProvider("primary", openai(primary, client), AuthConfig.bearer(Loopback.SECRET_KEY))
        .addProvider("backup", openai(backup, client), AuthConfig.bearer(Loopback.SECRET_KEY))
        .retryPolicy(ONE_RETRY)
        .failover(failover)
        .maxRequestBodyBytes(4096)
        .build();
  }

  private static OpenAIProvider openai(MockWebServer server, OkHttpClient client) {
    return new OpenAIProvider(OpenAIConfig.builder().endpoint(server.url("/v1").toString()).httpClient(client).build());
  }

  @Test
  void service503OnTheFirstRouteFailsOverToTheNextRoute() throws Exception {
    primary.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"down\"}}").build());
    primary.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"down\"}}").build());
    backup.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());

    Completion c = (Completion) router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(c.bodyUtf8()).isEqualTo(COMPLETION);
    RouterMetadata m = c.metadata();
    assertThat(m.providerAlias()).isEqualTo("backup");
    assertThat(m.failedOver()).isTrue();
    assertThat(m.attempts()).extracting(RouterMetadata.Attempt::providerAlias, RouterMetadata.Attempt::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("primary", Optional.of(503)),
            org.assertj.core.groups.Tuple.tuple("primary", Optional.of(503)),
            org.assertj.core.groups.Tuple.tuple("backup", Optional.empty()));
    assertThat(primary.getRequestCount()).as("one call and one retry").isEqualTo(2);
    assertThat(backup.getRequestCount()).isEqualTo(1);
    assertThat(backup.takeRequest().getBody().toByteArray()).isEqualTo(CHAT);
  }

  @Test
  void aStreamFailsOverWhileOpeningAfterA503() {
    primary.enqueue(new MockResponse.Builder().code(503).addHeader("x-should-retry", "false").body("{}").build());
    backup.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "text/event-stream")
        .body("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\",\"choices\":"
            + "[{\"index\":0,\"delta\":{\"content\":\"B\"},\"finish_reason\":null}]}\n\ndata: [DONE]\n\n")
        .build());
    byte[] body = utf8("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
        + "\"content\":\"hello\"}]}");

    List<String> data = new ArrayList<>();
    try (ResponseStream s = (ResponseStream) router.handle(body, ProviderFormat.OPENAI, ClientHeaders.empty())) {
      for (StreamChunk chunk : s) {
        data.add(chunk.utf8());
      }
      assertThat(s.metadata().attempts()).extracting(RouterMetadata.Attempt::providerAlias)
          .as("x-should-retry: false stops the retry on primary, not the failover")
          .containsExactly("primary", "backup");
    }
    assertThat(data).hasSize(1);
    assertThat(data.get(0)).contains("\"B\"");
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(backup.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aConnectionRefusedRouteFailsOver() throws Exception {
    int closed = Loopback.closedPort();
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
    Router r = Router.builder()
        .catalog(ModelCatalog.parse(CATALOG))
        .addProvider("primary", new OpenAIProvider(OpenAIConfig.builder()
            .endpoint("http://127.0.0.1:" + closed + "/v1").httpClient(client).build()),
            AuthConfig.bearer(Loopback.SECRET_KEY))
        .addProvider("backup", openai(backup, client), AuthConfig.bearer(Loopback.SECRET_KEY))
        .retryPolicy(ONE_RETRY)
        .build();
    backup.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());

    Completion c = (Completion) r.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(c.bodyUtf8()).isEqualTo(COMPLETION);
    assertThat(c.metadata().attempts()).extracting(a -> a.errorType().orElse("ok"))
        .containsExactly("TransportException", "TransportException", "ok");
    assertThat(backup.getRequestCount()).isEqualTo(1);
  }

  @Test
  void whenEveryRouteFailsTheLastErrorComesBackAndAllAttemptsWereMade() {
    for (int i = 0; i < 2; i++) {
      primary.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"p\"}").build());
      backup.enqueue(new MockResponse.Builder().code(502).body("{\"error\":\"b\"}").build());
    }

    assertThatThrownBy(() -> router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.getSuppressed()).hasSize(1);
          assertThat(((UpstreamHttpException) e.getSuppressed()[0]).status()).isEqualTo(500);
        });
    assertThat(primary.getRequestCount()).isEqualTo(2);
    assertThat(backup.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aBadRequest400IsNotRetriedAndDoesNotFailOver() {
    primary.enqueue(new MockResponse.Builder().code(400)
        .body("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}").build());

    assertThatThrownBy(() -> router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.httpStatus()).isEqualTo(400);
        });
    assertThat(primary.getRequestCount()).isEqualTo(1);
    assertThat(backup.getRequestCount()).isZero();
  }

  @Test
  void withFailoverOffA503IsReturnedAfterTheRetries() {
    Router noFailover = router(false);
    primary.enqueue(new MockResponse.Builder().code(503).body("{}").build());
    primary.enqueue(new MockResponse.Builder().code(503).body("{}").build());

    assertThatThrownBy(() -> noFailover.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(primary.getRequestCount()).isEqualTo(2);
    assertThat(backup.getRequestCount()).isZero();
  }

  // ---- Invalid request bodies: a typed client error, no upstream call, no retry, no failover -------------

  private void assertClientError(byte[] body, Class<? extends ClientException> type, String message) {
    assertThatThrownBy(() -> router.handle(body, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(type)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ClientException) e).httpStatus()).isBetween(400, 499));
    assertThat(primary.getRequestCount() + backup.getRequestCount()).isZero();
  }

  @Test
  void aBodyThatIsNotJsonIsAClientError() {
    assertClientError(utf8("model=gpt-4o-mini&q=hi"), InvalidRequestException.class, "request body");
  }

  @Test
  void aTruncatedJsonBodyIsAClientError() {
    assertClientError(utf8("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\""), InvalidRequestException.class,
        "request body");
  }

  @Test
  void aJsonArrayBodyIsAClientError() {
    assertClientError(utf8("[{\"model\":\"gpt-4o-mini\"}]"), InvalidRequestException.class, "object");
  }

  @Test
  void anEmptyBodyIsAClientError() {
    assertClientError(new byte[0], InvalidRequestException.class, "empty");
  }

  @Test
  void aBodyWithoutAModelIsAClientError() {
    assertClientError(utf8("{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"),
        InvalidRequestException.class, "model");
  }

  @Test
  void anUnknownModelIsAClientError() {
    assertClientError(utf8("{\"model\":\"no-such-model\",\"messages\":[]}"), UnknownModelException.class,
        "no-such-model");
  }

  @Test
  void aModelOfTheWrongTypeIsAClientError() {
    assertClientError(utf8("{\"model\":42,\"messages\":[]}"), InvalidRequestException.class, "model");
    assertClientError(utf8("{\"model\":[\"gpt-4o-mini\"],\"messages\":[]}"), InvalidRequestException.class,
        "model");
  }

  @Test
  void anOversizedBodyIsAClientErrorNamingTheLimit() {
    byte[] big = utf8("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + "x".repeat(5000) + "\"}]}");
    assertClientError(big, RequestTooLargeException.class, "limit of 4096 bytes");
  }
}
