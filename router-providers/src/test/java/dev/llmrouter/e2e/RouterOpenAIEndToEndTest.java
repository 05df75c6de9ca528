package dev.llmrouter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterResult;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UnknownModelException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import dev.llmrouter.retry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

/**
 * The whole OpenAI path through {@link Router#handle}: real OkHttp provider, a loopback MockWebServer as
 * the upstream, the router's catalog, routing, payload edits, retries and streaming.
 */
@Timeout(60)
class RouterOpenAIEndToEndTest {
  private static final String KEY = "sk-e2e-SECRET-key-123";
  private static final String CATALOG =
      "{"
          + "\"gpt-4o-mini\":{\"format\":\"openai\",\"flavor\":\"chat\",\"available_providers\":[\"openai\"]},"
          + "\"my-alias\":{\"model\":\"gpt-4o-2024-08-06\",\"format\":\"openai\",\"flavor\":\"chat\","
          + "\"available_providers\":[\"openai\"]},"
          + "\"o1-batch\":{\"format\":\"openai\",\"flavor\":\"chat\",\"supports_streaming\":false,"
          + "\"available_providers\":[\"openai\"]}"
          + "}";
  private static final String COMPLETION =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"Hi!\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";

  private MockWebServer server;
  private ConnectionPool pool;
  private final AtomicInteger cancelledCalls = new AtomicInteger();
  private Router router;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    router = router(server.url("/v1").toString(), RetryPolicy.defaults());
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private Router router(String endpoint, RetryPolicy retry) {
    OkHttpClient client =
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
    OpenAIProvider openai =
        new OpenAIProvider(OpenAIConfig.builder().endpoint(endpoint).httpClient(client).build());
    return Router.builder()
        .catalog(ModelCatalog.parse(CATALOG))
        .addProvider("openai", openai, AuthConfig.bearer(KEY))
        .retryPolicy(retry)
        .build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String chat(String model, String extra) {
    return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}],"
        + "\"temperature\":0.70" + extra + "}";
  }

  @Test
  void nonStreamingChatPassesThroughUnchangedWhenTheModelMatches() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());
    byte[] body = utf8(chat("gpt-4o-mini", ""));

    RouterResult result = router.handle(body, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(result).isInstanceOf(Completion.class);
    Completion completion = (Completion) result;
    assertThat(completion.bodyUtf8()).isEqualTo(COMPLETION);
    assertThat(completion.metadata().passthrough()).isTrue();
    assertThat(completion.metadata().providerAlias()).isEqualTo("openai");
    assertThat(completion.metadata().providerFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(completion.metadata().attempts()).hasSize(1);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getBody().toByteArray()).isEqualTo(body);
  }

  @Test
  void theCatalogModelIdIsSplicedIntoTheBodyAndNothingElseChanges() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());
    router.handle(utf8(chat("my-alias", ",\"n\":1.0e0")), ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo(chat("gpt-4o-2024-08-06", ",\"n\":1.0e0"));
  }

  @Test
  void headersAreFilteredAndAuthIsAppliedLast() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());
    ClientHeaders headers =
        ClientHeaders.builder()
            .add("authorization", "Bearer the-clients-own-token")
            .add("x-bt-org-name", "org")
            .add("user-agent", "curl/8")
            .add("x-request-trace", "t-1")
            .addUserConfigured("authorization", "Bearer operator-token")
            .addUserConfigured("x-operator", "yes")
            .build();
    router.handle(utf8(chat("gpt-4o-mini", "")), ProviderFormat.OPENAI, headers);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().values("authorization")).containsExactly("Bearer " + KEY);
    assertThat(r.getHeaders().get("x-bt-org-name")).isNull();
    assertThat(r.getHeaders().get("user-agent")).doesNotContain("curl");
    assertThat(r.getHeaders().get("x-request-trace")).isEqualTo("t-1");
    assertThat(r.getHeaders().get("x-operator")).isEqualTo("yes");
  }

  @Test
  void streamingChatComesBackAsChunksFramedAsSse() throws Exception {
    String sse =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}\r\n\r\n"
            + ": keep-alive comment\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";
    server.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "text/event-stream")
        .body(sse).build());

    RouterResult result =
        router.handle(utf8(chat("my-alias", ",\"stream\":true")), ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(result).isInstanceOf(ResponseStream.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ResponseStream stream = (ResponseStream) result) {
      assertThat(stream.metadata().stream()).isTrue();
      stream.writeSseTo(out);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n");
    String sent = server.takeRequest().getBody().utf8();
    assertThat(sent).isEqualTo(chat("gpt-4o-2024-08-06", ",\"stream\":true"));
  }

  @Test
  void anUpstream401SurfacesWithStatusAndBody() {
    String error = "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}";
    server.enqueue(new MockResponse.Builder().code(401).body(error).build());
    assertThatThrownBy(() -> router.handle(utf8(chat("gpt-4o-mini", "")), ProviderFormat.OPENAI, null))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.bodyText()).isEqualTo(error);
          assertThat(e.provider()).isEqualTo("openai");
          assertThat(e.getMessage()).doesNotContain(KEY);
        });
    // 401 is not retryable: exactly one call.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closingTheResponseStreamCancelsTheUpstreamCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(new EndlessSse("{\"n\":0}")).build());
    ResponseStream stream =
        router.completeStream(utf8(chat("gpt-4o-mini", "")), "gpt-4o-mini", ProviderFormat.OPENAI, null);
    assertThat(stream.next().utf8()).isEqualTo("{\"n\":0}");
    assertThat(pool.connectionCount()).isEqualTo(1);
    // completeStream asked for a stream the body did not: the flag was spliced in.
    assertThat(server.takeRequest().getBody().utf8()).startsWith("{\"stream\":true,\"model\":\"gpt-4o-mini\"");

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
  void connectionFailuresAreRetriedThenSurfaceAsTransportErrors() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      closedPort = s.getLocalPort();
    }
    Router down = router("http://127.0.0.1:" + closedPort + "/v1",
        RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(1)).jitter(false).build());
    assertThatThrownBy(() -> down.handle(utf8(chat("gpt-4o-mini", "")), ProviderFormat.OPENAI, null))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.provider()).isEqualTo("openai");
          assertThat(e.getMessage()).doesNotContain(KEY);
        });
  }

  @Test
  void aModelThatCannotStreamIsFakeStreamedThroughOnePlainCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ResponseStream stream = router.completeStream(
        utf8(chat("o1-batch", ",\"stream\":true,\"stream_options\":{\"include_usage\":true}")),
        "o1-batch", ProviderFormat.OPENAI, null)) {
      stream.writeSseTo(out);
    }
    // One plain call without the stream fields (and, o1 being a reasoning model, without temperature)...
    String sent = server.takeRequest().getBody().utf8();
    assertThat(sent).contains("\"model\":\"o1-batch\"").contains("\"content\":\"hello\"")
        .doesNotContain("stream").doesNotContain("temperature");
    // ...whose complete body comes back as Chat stream chunks, then [DONE].
    String sse = out.toString(StandardCharsets.UTF_8);
    assertThat(sse).startsWith("data: {").endsWith("data: [DONE]\n\n");
    assertThat(sse).contains("\"object\":\"chat.completion.chunk\"")
        .contains("\"delta\":{\"role\":\"assistant\",\"content\":\"Hi!\"}")
        .contains("\"finish_reason\":\"stop\"")
        .contains("\"total_tokens\":5")
        .doesNotContain("\"object\":\"chat.completion\",");
  }

  @Test
  void asyncCompletionWorksAndCancellationAbortsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());
    Completion done = router.completeAsync(utf8(chat("gpt-4o-mini", "")), "gpt-4o-mini",
        ProviderFormat.OPENAI, null).get(30, TimeUnit.SECONDS);
    assertThat(done.bodyUtf8()).isEqualTo(COMPLETION);

    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<Completion> pending = router.completeAsync(utf8(chat("gpt-4o-mini", "")),
        "gpt-4o-mini", ProviderFormat.OPENAI, null);
    server.takeRequest();
    assertThat(server.takeRequest(30, TimeUnit.SECONDS)).isNotNull();
    pending.cancel(true);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cancelledCalls.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(cancelledCalls.get()).isEqualTo(1);
    assertThat(pending).isCancelled();
  }

  @Test
  void unknownModelsFailBeforeAnyCall() {
    assertThatThrownBy(() -> router.handle(utf8(chat("no-such-model", "")), ProviderFormat.OPENAI, null))
        .isInstanceOf(UnknownModelException.class).hasMessageContaining("no-such-model");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anAnthropicClientIsServedByTheOpenAIProviderThroughTranslation() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(COMPLETION).build());
    String anthropicBody = "{\"model\":\"gpt-4o-mini\",\"max_tokens\":10,\"system\":\"be brief\","
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}";

    Completion completion = (Completion) router.handle(utf8(anthropicBody), ProviderFormat.ANTHROPIC, null);

    // The provider received a Chat Completions body...
    String sent = server.takeRequest().getBody().utf8();
    assertThat(sent).contains("\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"}")
        .contains("\"model\":\"gpt-4o-mini\"").doesNotContain("\"system\":\"be brief\"");
    // ...and the client gets an Anthropic message.
    assertThat(completion.bodyUtf8()).contains("\"type\":\"message\"")
        .contains("\"text\":\"Hi!\"").contains("\"stop_reason\":\"end_turn\"");
    assertThat(completion.rawBody()).isEqualTo(utf8(COMPLETION));
    assertThat(completion.metadata().passthrough()).isFalse();
    assertThat(completion.metadata().detectedInputFormat()).contains(ProviderFormat.ANTHROPIC);
    assertThat(completion.metadata().providerFormat()).isEqualTo(ProviderFormat.OPENAI);
  }

}
