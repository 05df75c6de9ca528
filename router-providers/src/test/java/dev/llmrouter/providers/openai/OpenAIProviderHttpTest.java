package dev.llmrouter.providers.openai;

import static dev.llmrouter.providers.Loopback.SECRET_KEY;
import static dev.llmrouter.providers.Loopback.chatRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.CancellationToken;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.ProviderFactory;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.llmrouter.providers.EndlessSse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The OpenAI provider against a loopback MockWebServer standing in for the OpenAI API. */
@Timeout(60)
class OpenAIProviderHttpTest {
  private static final String CHAT =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
          + "\"temperature\":0.70}";
  private static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\"}";

  private MockWebServer server;
  private ConnectionPool pool;
  private final AtomicInteger cancelledCalls = new AtomicInteger();
  private OkHttpClient client;

  @BeforeEach
  void setUp() throws IOException {
    server = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    client =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .connectionPool(pool)
            .eventListener(
                new EventListener() {
                  @Override
                  public void canceled(Call call) {
                    cancelledCalls.incrementAndGet();
                  }
                })
            .build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private OpenAIConfig.Builder config() {
    return OpenAIConfig.builder().endpoint(server.url("/v1").toString()).httpClient(client);
  }

  private OpenAIProvider provider() {
    return new OpenAIProvider(config().build());
  }

  private void enqueueOk() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "application/json")
            .body(COMPLETION)
            .build());
  }

  @Test
  void chatPostsTheExactPayloadToChatCompletions() throws Exception {
    enqueueOk();
    byte[] body = provider().complete(chatRequest("gpt-4o", CHAT).build());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(COMPLETION);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getUrl().query()).isNull();
    assertThat(r.getBody().utf8()).isEqualTo(CHAT);
    assertThat(r.getHeaders().get("content-type")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer " + SECRET_KEY);
    assertThat(r.getHeaders().get("user-agent")).isEqualTo("llm-router-java/0.1.0");
    assertThat(r.getHeaders().get("OpenAI-Organization")).isNull();
  }

  @Test
  void responsesFormatPostsToResponses() throws Exception {
    enqueueOk();
    provider().complete(chatRequest("gpt-5", "{}").format(ProviderFormat.RESPONSES).build());
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/responses");
  }

  @Test
  void apiVersionOrganizationAndProject() throws Exception {
    enqueueOk();
    new OpenAIProvider(config().apiVersion("2024-10-21").organization("org-9").project("proj-9").build())
        .complete(chatRequest("gpt-4o", CHAT).build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
    assertThat(r.getHeaders().get("OpenAI-Organization")).isEqualTo("org-9");
    assertThat(r.getHeaders().get("OpenAI-Project")).isEqualTo("proj-9");
  }

  @Test
  void forwardedHeadersArePresentBlockedOnesAbsentAndAuthIsAppliedLast() throws Exception {
    enqueueOk();
    ClientHeaders headers =
        ClientHeaders.builder()
            .add("X-Trace-Id", "trace-1")
            .add("authorization", "Bearer client-token")
            .add("x-api-key", "client-key")
            .add("x-bt-parent", "p")
            .add("cf-ray", "r")
            .add("accept-encoding", "br")
            .add("content-type", "text/plain")
            .addUserConfigured("authorization", "Bearer user-configured")
            .addUserConfigured("x-operator", "op")
            .addUserConfigured("Accept-Encoding", "br")
            .build();
    provider().complete(chatRequest("gpt-4o", CHAT).clientHeaders(headers).build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("x-trace-id")).isEqualTo("trace-1");
    assertThat(r.getHeaders().get("x-operator")).isEqualTo("op");
    assertThat(r.getHeaders().values("authorization")).containsExactly("Bearer " + SECRET_KEY);
    assertThat(r.getHeaders().get("x-api-key")).isNull();
    assertThat(r.getHeaders().get("x-bt-parent")).isNull();
    assertThat(r.getHeaders().get("cf-ray")).isNull();
    // Neither the client's nor the operator's accept-encoding is sent; OkHttp negotiates gzip itself.
    assertThat(r.getHeaders().get("accept-encoding")).isEqualTo("gzip");
    assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
  }

  @Test
  void customAuthHeadersAreSent() throws Exception {
    enqueueOk();
    provider()
        .complete(chatRequest("gpt-4o", CHAT).auth(AuthConfig.custom(Map.of("x-gateway-key", "gk"))).build());
    assertThat(server.takeRequest().getHeaders().get("x-gateway-key")).isEqualTo("gk");
  }

  @Test
  void unauthorizedBecomesAnUpstreamHttpErrorWithStatusBodyAndSafeHeaders() {
    String error =
        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}";
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .setHeader("content-type", "application/json")
            .addHeader("x-request-id", "req_123")
            .addHeader("set-cookie", "__cf_bm=COOKIESECRET; path=/")
            .body(error)
            .build());
    UpstreamHttpException e = null;
    try {
      provider().complete(chatRequest("gpt-4o", CHAT).build());
    } catch (UpstreamHttpException thrown) {
      e = thrown;
    }
    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.provider()).isEqualTo("openai");
    assertThat(e.bodyText()).isEqualTo(error);
    assertThat(e.header("x-request-id")).contains("req_123");
    assertThat(e.header("content-type")).contains("application/json");
    assertThat(e.header("set-cookie")).isEmpty();
    assertThat(e.getMessage()).doesNotContain(SECRET_KEY).doesNotContain("COOKIESECRET");
  }

  @Test
  void connectionRefusedIsRetryable() throws IOException {
    OpenAIProvider p =
        new OpenAIProvider(config().endpoint("http://127.0.0.1:" + Loopback.closedPort() + "/v1").build());
    assertThatThrownBy(() -> p.complete(chatRequest("gpt-4o", CHAT).build()))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("openai")
        .hasMessageNotContaining(SECRET_KEY)
        .satisfies(e -> assertThat(((TransportException) e).isRetryable()).isTrue());
  }

  @Test
  void headersArrivingAfterTheTimeoutIsANonRetryableTimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    OpenAIProvider p = new OpenAIProvider(config().timeout(Duration.ofMillis(300)).build());
    assertThatThrownBy(() -> p.complete(chatRequest("gpt-4o", CHAT).build()))
        .isInstanceOf(UpstreamTimeoutException.class)
        .satisfies(e -> assertThat(((UpstreamTimeoutException) e).isRetryable()).isFalse());
  }

  @Test
  void aTimeoutAlsoAppliesToTheSharedClient() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    OpenAIProvider p =
        new OpenAIProvider(
            OpenAIConfig.builder()
                .endpoint(server.url("/v1").toString())
                .timeout(Duration.ofMillis(300))
                .build());
    assertThatThrownBy(() -> p.complete(chatRequest("gpt-4o", CHAT).build()))
        .isInstanceOf(UpstreamTimeoutException.class);
  }

  @Test
  void cancellingAbortsABlockingCompleteInAnotherThread() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CancellationToken token = new CancellationToken();
    ProviderRequest request = chatRequest("gpt-4o", CHAT).cancellation(token).build();
    OpenAIProvider p = provider();
    CompletableFuture<byte[]> call = CompletableFuture.supplyAsync(() -> p.complete(request));
    assertThat(server.takeRequest(30, TimeUnit.SECONDS)).isNotNull();
    token.cancel();
    assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("cancelled")
        .satisfies(e -> assertThat(((TransportException) e).isRetryable()).isFalse());
    assertThat(cancelledCalls.get()).isEqualTo(1);
  }

  @Test
  void streamingYieldsTheEventsInOrder() throws Exception {
    String sse =
        "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"
            + "data: [DONE]\n\n";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .body(sse)
            .build());
    String payload = "{\"model\":\"gpt-4o\",\"stream\":true}";
    List<String> events = new ArrayList<>();
    ProviderRequest request = chatRequest("gpt-4o", payload).stream(true).build();
    try (RawResponseStream stream = provider().completeStream(request)) {
      stream.forEachRemaining(c -> events.add(c.utf8()));
    }
    assertThat(events)
        .containsExactly(
            "{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getBody().utf8()).isEqualTo(payload);
  }

  @Test
  void responsesStreamingKeepsEventTypes() throws Exception {
    String sse =
        "event: response.created\ndata: {\"type\":\"response.created\"}\n\n"
            + "event: response.completed\ndata: {\"type\":\"response.completed\"}\n\n";
    server.enqueue(new MockResponse.Builder().code(200).body(sse).build());
    List<StreamChunk> chunks = new ArrayList<>();
    ProviderRequest request =
        chatRequest("gpt-5", "{\"stream\":true}").format(ProviderFormat.RESPONSES).stream(true).build();
    try (RawResponseStream stream = provider().completeStream(request)) {
      stream.forEachRemaining(chunks::add);
    }
    assertThat(chunks)
        .extracting(c -> c.eventType().orElse(""))
        .containsExactly("response.created", "response.completed");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/responses");
  }

  @Test
  void streamingErrorStatusThrowsBeforeAStreamExists() {
    server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":\"rate\"}").build());
    assertThatThrownBy(() -> provider().completeStream(chatRequest("gpt-4o", "{}").stream(true).build()))
        .isInstanceOf(UpstreamHttpException.class)
        .satisfies(e -> assertThat(((UpstreamHttpException) e).status()).isEqualTo(429));
  }

  @Test
  void closingANeverEndingStreamCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(new EndlessSse("{\"first\":true}")).build());
    RawResponseStream stream = provider().completeStream(chatRequest("gpt-4o", "{}").stream(true).build());
    assertThat(stream.next().utf8()).isEqualTo("{\"first\":true}");
    assertThat(pool.connectionCount()).isEqualTo(1);
    stream.close();
    assertThat(stream.hasNext()).isFalse();
    assertThat(cancelledCalls.get()).isEqualTo(1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pool.connectionCount() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(pool.connectionCount()).isZero();
  }

  @Test
  void awsSigV4IsRejectedNamingTheAcceptedKindsWithoutSecrets() {
    AuthConfig aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "us-east-1");
    assertThatThrownBy(() -> provider().complete(chatRequest("gpt-4o", CHAT).auth(aws).build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("openai")
        .hasMessageContaining("aws_signature_v4")
        .hasMessageContaining("api_key, o_auth, azure_entra, custom, refreshing_token")
        .hasMessageNotContaining("AKIAEXAMPLEKEYID")
        .hasMessageNotContaining("wJalrXUtnSECRETKEY");
    ProviderRequest streaming = chatRequest("gpt-4o", "{}").auth(aws).stream(true).build();
    assertThatThrownBy(() -> provider().completeStream(streaming))
        .isInstanceOf(AuthException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anUnservedFormatIsRejectedBeforeSending() {
    assertThatThrownBy(
            () -> provider().complete(chatRequest("claude", "{}").format(ProviderFormat.ANTHROPIC).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("anthropic");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aFactoryMadeCompatibleProviderTalksToItsEndpointWithItsAlias() throws Exception {
    enqueueOk();
    OpenAIProvider groq =
        (OpenAIProvider)
            ProviderFactory.create(
                "groq",
                ProviderSettings.builder()
                    .endpoint(server.url("/openai/v1").toString())
                    .httpClient(client)
                    .build());
    assertThat(groq.matchesProviderAlias("groq")).isTrue();
    groq.complete(chatRequest("llama-3.3-70b", CHAT).build());
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/openai/v1/chat/completions");
  }

  @Test
  void aRejectedRefreshingTokenIsRenewedAndTheRequestRetriedOnce() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"expired\"}").build());
    enqueueOk();
    AtomicInteger fetches = new AtomicInteger();
    AuthConfig auth = AuthConfig.tokens(dev.llmrouter.auth.CachingTokenProvider.of("test",
        () -> dev.llmrouter.auth.AccessToken.nonExpiring("tok-" + fetches.incrementAndGet())));
    byte[] body = provider().complete(chatRequest("gpt-4o", CHAT).auth(auth).build());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(COMPLETION);
    assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer tok-1");
    assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer tok-2");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aSecond401IsReturnedAndStaticKeysAreNotRetried() {
    server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
    server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
    AuthConfig auth = AuthConfig.tokens(() -> dev.llmrouter.auth.AccessToken.nonExpiring("tok"));
    assertThatThrownBy(() -> provider().complete(chatRequest("gpt-4o", CHAT).auth(auth).build()))
        .isInstanceOf(UpstreamHttpException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
    server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
    assertThatThrownBy(() -> provider().complete(chatRequest("gpt-4o", CHAT).build()))
        .isInstanceOf(UpstreamHttpException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
