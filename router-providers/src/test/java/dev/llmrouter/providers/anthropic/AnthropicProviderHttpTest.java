package dev.llmrouter.providers.anthropic;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

/** The Anthropic provider against a loopback MockWebServer standing in for the Anthropic API. */
@Timeout(60)
class AnthropicProviderHttpTest {
  static final String MESSAGES =
      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.70}";
  private static final String MESSAGE_REPLY =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],\"stop_reason\":\"end_turn\","
          + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}";
  private static final String CHAT =
      "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  /** A Messages stream as Anthropic sends it, with a ping, CRLF line ends in one event and non-ASCII text. */
  static final String MESSAGES_SSE =
      "event: message_start\n"
          + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
          + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
          + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\n"
          + "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
          + "event: ping\n"
          + "data: {\"type\": \"ping\"}\n\n"
          + "event: content_block_delta\r\n"
          + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Héllo ✓ \"}}\r\n\r\n"
          + "event: content_block_delta\n"
          + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"world 🌍\"}}\n\n"
          + "event: content_block_stop\n"
          + "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\n"
          + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
          + "\"usage\":{\"output_tokens\":5}}\n\n"
          + "event: message_stop\n"
          + "data: {\"type\":\"message_stop\"}\n\n";

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

  private AnthropicProvider provider() {
    return new AnthropicProvider(
        AnthropicConfig.builder().endpoint(server.url("/v1/").toString()).httpClient(client).build());
  }

  private static AuthConfig xApiKey() {
    return AuthConfig.apiKey(SECRET_KEY, "x-api-key", null);
  }

  static ProviderRequest.Builder messagesRequest(String json) {
    return ProviderRequest.builder()
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .format(ProviderFormat.ANTHROPIC)
        .spec(ModelSpec.builder("claude-sonnet-4-5", ProviderFormat.ANTHROPIC, ModelFlavor.CHAT).build())
        .auth(xApiKey());
  }

  private static ProviderRequest.Builder chatRequest(String json) {
    return messagesRequest(json).format(ProviderFormat.OPENAI);
  }

  private void enqueueJson(String body) {
    server.enqueue(
        new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(body).build());
  }

  @Test
  void messagesPostsTheExactPayloadWithVersionBetaAndTheKey() throws Exception {
    enqueueJson(MESSAGE_REPLY);
    byte[] reply = provider().complete(messagesRequest(MESSAGES).build());
    assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo(MESSAGE_REPLY);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(r.getUrl().query()).isNull();
    assertThat(r.getBody().utf8()).isEqualTo(MESSAGES);
    assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
    assertThat(r.getHeaders().values("anthropic-version")).containsExactly("2023-06-01");
    assertThat(r.getHeaders().values("anthropic-beta")).containsExactly("structured-outputs-2025-11-13");
    assertThat(r.getHeaders().values("x-api-key")).containsExactly(SECRET_KEY);
    assertThat(r.getHeaders().get("authorization")).isNull();
  }

  @Test
  void aClientBetaWinsAndTheConfiguredVersionAlwaysReplacesTheClientOne() throws Exception {
    enqueueJson(MESSAGE_REPLY);
    enqueueJson(MESSAGE_REPLY);
    AnthropicProvider p =
        new AnthropicProvider(
            AnthropicConfig.builder()
                .endpoint(server.url("/v1/").toString())
                .version("2024-10-22")
                .httpClient(client)
                .build());
    ClientHeaders forwarded =
        ClientHeaders.builder()
            .add("Anthropic-Beta", "prompt-caching-2024-07-31")
            .add("anthropic-version", "2020-01-01")
            .add("x-trace-id", "t-1")
            .build();
    p.complete(messagesRequest(MESSAGES).clientHeaders(forwarded).build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().values("anthropic-beta")).containsExactly("prompt-caching-2024-07-31");
    assertThat(r.getHeaders().values("anthropic-version")).containsExactly("2024-10-22");
    assertThat(r.getHeaders().get("x-trace-id")).isEqualTo("t-1");

    ClientHeaders operator =
        ClientHeaders.builder().addUserConfigured("anthropic-beta", "files-api-2025-04-14").build();
    p.complete(messagesRequest(MESSAGES).clientHeaders(operator).build());
    assertThat(server.takeRequest().getHeaders().values("anthropic-beta")).containsExactly("files-api-2025-04-14");
  }

  @Test
  void authIsAppliedLastOverBlockedAndOperatorHeaders() throws Exception {
    enqueueJson(MESSAGE_REPLY);
    ClientHeaders headers =
        ClientHeaders.builder()
            .add("x-api-key", "client-key")
            .add("authorization", "Bearer client-token")
            .add("x-bt-parent", "p")
            .addUserConfigured("x-api-key", "operator-key")
            .build();
    provider().complete(messagesRequest(MESSAGES).clientHeaders(headers).build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().values("x-api-key")).containsExactly(SECRET_KEY);
    assertThat(r.getHeaders().get("authorization")).isNull();
    assertThat(r.getHeaders().get("x-bt-parent")).isNull();
  }

  @Test
  void messagesAcceptOAuthAndCustomAuth() throws Exception {
    enqueueJson(MESSAGE_REPLY);
    enqueueJson(MESSAGE_REPLY);
    provider().complete(messagesRequest(MESSAGES).auth(AuthConfig.oauth("oauth-token-1")).build());
    assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer oauth-token-1");
    provider()
        .complete(messagesRequest(MESSAGES).auth(AuthConfig.custom(Map.of("x-gateway-key", "gk"))).build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("x-gateway-key")).isEqualTo("gk");
    assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
  }

  @Test
  void messagesRejectAwsSigV4NamingTheAcceptedKinds() {
    AuthConfig aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "us-east-1");
    assertThatThrownBy(() -> provider().complete(messagesRequest(MESSAGES).auth(aws).build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'anthropic'")
        .hasMessageContaining("aws_signature_v4")
        .hasMessageContaining("api_key, o_auth, azure_entra, custom, refreshing_token")
        .hasMessageNotContaining("AKIAEXAMPLEKEYID")
        .hasMessageNotContaining("wJalrXUtnSECRETKEY");
    assertThatThrownBy(() -> provider().completeStream(messagesRequest(MESSAGES).auth(aws).stream(true).build()))
        .isInstanceOf(AuthException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void chatCompletionsSendsTheApiKeyAsBearerWithoutVersionOrBeta() throws Exception {
    String reply = "{\"id\":\"c1\",\"object\":\"chat.completion\"}";
    enqueueJson(reply);
    ClientHeaders headers =
        ClientHeaders.builder().add("anthropic-beta", "x").addUserConfigured("authorization", "Bearer op").build();
    byte[] body = provider().complete(chatRequest(CHAT).clientHeaders(headers).build());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(reply);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getBody().utf8()).isEqualTo(CHAT);
    assertThat(r.getHeaders().values("authorization")).containsExactly("Bearer " + SECRET_KEY);
    assertThat(r.getHeaders().get("x-api-key")).isNull();
    assertThat(r.getHeaders().get("anthropic-version")).isNull();
    // Only the client's own beta header, forwarded as any other header; none is added.
    assertThat(r.getHeaders().values("anthropic-beta")).containsExactly("x");
    assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
  }

  @Test
  void chatCompletionsRequiresAnApiKey() {
    List<AuthConfig> others =
        List.of(
            AuthConfig.oauth("tok"),
            AuthConfig.azureEntra("entra"),
            AuthConfig.custom(Map.of("x-api-key", "k")),
            AuthConfig.tokens(() -> AccessToken.nonExpiring("t")),
            AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "us-east-1"));
    for (AuthConfig auth : others) {
      assertThatThrownBy(() -> provider().complete(chatRequest(CHAT).auth(auth).build()))
          .isInstanceOf(AuthException.class)
          .hasMessageContaining("Anthropic /chat/completions requires an API key")
          .hasMessageContaining(auth.type().id());
      assertThatThrownBy(() -> provider().completeStream(chatRequest(CHAT).auth(auth).stream(true).build()))
          .isInstanceOf(AuthException.class)
          .hasMessageContaining("Anthropic /chat/completions requires an API key");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aMessagesStreamInAwkwardSplitsComesOutAsTheSameEvents() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .body(new TrickleBody(MESSAGES_SSE))
            .build());
    String payload = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[],\"stream\":true}";
    List<StreamChunk> chunks = new ArrayList<>();
    try (RawResponseStream stream = provider().completeStream(messagesRequest(payload).stream(true).build())) {
      stream.forEachRemaining(chunks::add);
    }
    assertThat(chunks)
        .extracting(c -> c.eventType().orElse("?"))
        .containsExactly(
            "message_start",
            "content_block_start",
            "ping",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    assertThat(chunks.get(3).utf8())
        .isEqualTo(
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Héllo ✓ \"}}");
    assertThat(chunks.get(4).utf8()).contains("world 🌍");
    assertThat(chunks.get(7).utf8()).isEqualTo("{\"type\":\"message_stop\"}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(r.getBody().utf8()).isEqualTo(payload);
    assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(r.getHeaders().get("anthropic-beta")).isEqualTo("structured-outputs-2025-11-13");
    assertThat(r.getHeaders().get("x-api-key")).isEqualTo(SECRET_KEY);
  }

  @Test
  void aChatCompletionsStreamInAwkwardSplitsEndsAtDone() throws Exception {
    String sse =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hé\"}}]}\r\n\r\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"llo\"},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n"
            + "data: {\"after\":\"done\"}\n\n";
    server.enqueue(new MockResponse.Builder().code(200).body(new TrickleBody(sse)).build());
    List<String> events = new ArrayList<>();
    try (RawResponseStream stream =
        provider().completeStream(chatRequest("{\"stream\":true}").stream(true).build())) {
      stream.forEachRemaining(c -> events.add(c.utf8()));
    }
    assertThat(events)
        .containsExactly(
            "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hé\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"llo\"},\"finish_reason\":\"stop\"}]}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer " + SECRET_KEY);
    assertThat(r.getHeaders().get("anthropic-version")).isNull();
  }

  @Test
  void anUpstreamErrorCarriesStatusHeadersAndBody() {
    String error =
        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: required\"}}";
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .setHeader("content-type", "application/json")
            .addHeader("request-id", "req_011")
            .addHeader("set-cookie", "session=COOKIESECRET")
            .body(error)
            .build());
    UpstreamHttpException e =
        Assertions.assertThrows(
            UpstreamHttpException.class, () -> provider().complete(messagesRequest(MESSAGES).build()));
    assertThat(e.provider()).isEqualTo("anthropic");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.bodyText()).isEqualTo(error);
    assertThat(e.header("request-id")).contains("req_011");
    assertThat(e.header("set-cookie")).isEmpty();
    assertThat(e.getMessage()).doesNotContain(SECRET_KEY).doesNotContain("COOKIESECRET");
  }

  @Test
  void anOverloadedStreamFailsBeforeAnyStreamExists() {
    String error = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    server.enqueue(
        new MockResponse.Builder().code(529).addHeader("retry-after", "7").body(error).build());
    UpstreamHttpException e =
        Assertions.assertThrows(
            UpstreamHttpException.class,
            () -> provider().completeStream(messagesRequest(MESSAGES).stream(true).build()));
    assertThat(e.status()).isEqualTo(529);
    assertThat(e.bodyText()).isEqualTo(error);
    assertThat(e.header("retry-after")).contains("7");
  }

  @Test
  void aRejectedRefreshingTokenIsRenewedOnceAndTheHeadersRebuilt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"expired\"}").build());
    enqueueJson(MESSAGE_REPLY);
    AtomicInteger fetches = new AtomicInteger();
    AuthConfig auth =
        AuthConfig.tokens(
            CachingTokenProvider.of("test", () -> AccessToken.nonExpiring("tok-" + fetches.incrementAndGet())));
    ClientHeaders headers = ClientHeaders.builder().add("x-trace-id", "t").build();
    provider().complete(messagesRequest(MESSAGES).auth(auth).clientHeaders(headers).build());
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getHeaders().get("authorization")).isEqualTo("Bearer tok-1");
    assertThat(second.getHeaders().get("authorization")).isEqualTo("Bearer tok-2");
    assertThat(second.getHeaders().values("anthropic-beta")).containsExactly("structured-outputs-2025-11-13");
    assertThat(second.getHeaders().values("anthropic-version")).containsExactly("2023-06-01");
    assertThat(second.getHeaders().get("x-trace-id")).isEqualTo("t");
  }
}
