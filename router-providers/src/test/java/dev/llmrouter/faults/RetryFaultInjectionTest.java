package dev.llmrouter.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.Completion;
import dev.llmrouter.PreparedRequest;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterMetadata;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.anthropic.AnthropicConfig;
import dev.llmrouter.providers.anthropic.AnthropicProvider;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.retry.RetryStrategy;
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
 * Retry fault injection with the real OpenAI and Anthropic providers against a loopback MockWebServer:
 * each test asserts the result, the error type, the attempts in {@link RouterMetadata} and the requests
 * the server saw. Retry delays are bounded by a 50 ms maxDelay so hints of seconds cost milliseconds.
 */
@Timeout(30)
class RetryFaultInjectionTest {
  private static final String CATALOG =
      "{\"gpt-4o-mini\":{\"format\":\"openai\",\"flavor\":\"chat\",\"available_providers\":[\"openai\"]},"
          + "\"claude-sonnet-4-5\":{\"format\":\"anthropic\",\"flavor\":\"chat\","
          + "\"available_providers\":[\"anthropic\"]}}";
  private static final String COMPLETION =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Hi!\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";
  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hi!\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";
  private static final String OVERLOADED =
      "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
  private static final byte[] CHAT = utf8(
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
  private static final byte[] CHAT_STREAM = utf8(
      "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
  private static final byte[] MESSAGES = utf8(
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
  /** Four calls at most; any delay at most 50 ms; no jitter so the numbers are exact. */
  private static final RetryPolicy FAST =
      RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(50))
          .jitter(false).build();

  private MockWebServer server;
  private ConnectionPool pool;

  @BeforeEach
  void setUp() throws IOException {
    server = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Router router(RetryPolicy retry) {
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
    OpenAIProvider openai =
        new OpenAIProvider(OpenAIConfig.builder().endpoint(server.url("/v1").toString()).httpClient(client).build());
    AnthropicProvider anthropic = new AnthropicProvider(
        AnthropicConfig.builder().endpoint(server.url("/v1/").toString()).httpClient(client).build());
    return Router.builder()
        .catalog(ModelCatalog.parse(CATALOG))
        .addProvider("openai", openai, AuthConfig.bearer(Loopback.SECRET_KEY))
        .addProvider("anthropic", anthropic, AuthConfig.apiKey(Loopback.SECRET_KEY, "x-api-key", null))
        .retryPolicy(retry)
        .build();
  }

  private static List<Optional<Integer>> statuses(RouterMetadata m) {
    List<Optional<Integer>> out = new ArrayList<>();
    for (RouterMetadata.Attempt a : m.attempts()) {
      out.add(a.status());
    }
    return out;
  }

  @Test
  void rateLimited429WithRetryAfterOneSecondIsRetriedThen200() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "1")
        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
        .build());
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());

    Completion c = (Completion) router(FAST).handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(c.bodyUtf8()).isEqualTo(COMPLETION);
    assertThat(statuses(c.metadata())).containsExactly(Optional.of(429), Optional.empty());
    assertThat(c.metadata().attempts().get(0).errorType()).contains("UpstreamHttpException");
    assertThat(c.metadata().attempts()).extracting(RouterMetadata.Attempt::providerAlias)
        .containsExactly("openai", "openai");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getBody().toByteArray()).isEqualTo(CHAT);
    assertThat(server.takeRequest().getBody().toByteArray()).as("the retry sends the same bytes").isEqualTo(CHAT);
  }

  @Test
  void anthropicOverloaded529TwiceThen200() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(529).addHeader("content-type", "application/json")
          .body(OVERLOADED).build());
    }
    server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
        .body(MESSAGE).build());

    Completion c = (Completion) router(FAST).handle(MESSAGES, ProviderFormat.ANTHROPIC, ClientHeaders.empty());

    assertThat(c.bodyUtf8()).isEqualTo(MESSAGE);
    assertThat(statuses(c.metadata())).containsExactly(Optional.of(529), Optional.of(529), Optional.empty());
    assertThat(c.metadata().attempts()).extracting(RouterMetadata.Attempt::providerId)
        .containsOnly("anthropic");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anthropicOverloaded529OnEveryCallGivesUpAfterTheRetriesWithTheLastError() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(529).body(OVERLOADED).build());
    }

    assertThatThrownBy(() -> router(FAST).handle(MESSAGES, ProviderFormat.ANTHROPIC, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(529);
          assertThat(e.bodyText()).isEqualTo(OVERLOADED);
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void xShouldRetryFalseOnA503IsNotRetried() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("x-should-retry", "false")
        .body("{\"error\":{\"message\":\"down\"}}").build());
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());

    assertThatThrownBy(() -> router(FAST).handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryAfterMsIsHonouredAndCappedByMaxDelay() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("retry-after-ms", "60000").body("{}").build());
    Router router = router(RetryPolicy.none());
    PreparedRequest p = router.prepare(CHAT, ProviderFormat.OPENAI,
        router.resolveRoutes("gpt-4o-mini", ProviderFormat.OPENAI).get(0), false);

    UpstreamHttpException e = org.junit.jupiter.api.Assertions.assertThrows(UpstreamHttpException.class,
        () -> router.execute(p, ClientHeaders.empty()));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    RetryStrategy strategy = FAST.strategy();
    assertThat(strategy.nextDelay(e)).as("capped at maxDelay, no jitter").contains(Duration.ofMillis(50));
    RetryStrategy generous = FAST.toBuilder().maxDelay(Duration.ofMinutes(5)).build().strategy();
    assertThat(generous.nextDelay(e)).as("honoured when below maxDelay").contains(Duration.ofSeconds(60));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCappedRetryAfterMsHintIsWaitedOutEndToEnd() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("retry-after-ms", "60000").body("{}").build());
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());

    // A 60 s hint would outlast the 30 s test timeout unless capped at the 50 ms maxDelay.
    Completion c = (Completion) router(FAST).handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(c.bodyUtf8()).isEqualTo(COMPLETION);
    assertThat(statuses(c.metadata())).containsExactly(Optional.of(503), Optional.empty());
  }

  @Test
  void openingAStreamIsRetriedAfterA429() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "5").body("{}").build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "text/event-stream")
        .body("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\",\"choices\":"
            + "[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\ndata: [DONE]\n\n")
        .build());

    List<String> data = new ArrayList<>();
    try (ResponseStream s = (ResponseStream) router(FAST).handle(CHAT_STREAM, ProviderFormat.OPENAI,
        ClientHeaders.empty())) {
      for (StreamChunk chunk : s) {
        data.add(chunk.utf8());
      }
      assertThat(statuses(s.metadata())).containsExactly(Optional.of(429), Optional.empty());
    }
    assertThat(data).hasSize(1);
    assertThat(data.get(0)).contains("\"Hi\"");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a400IsNotRetried() {
    server.enqueue(new MockResponse.Builder().code(400)
        .body("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}").build());

    assertThatThrownBy(() -> router(FAST).handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
