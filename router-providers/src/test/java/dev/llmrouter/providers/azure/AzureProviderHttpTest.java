package dev.llmrouter.providers.azure;

import static dev.llmrouter.providers.Loopback.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.auth.azure.AzureEntraAuth;
import dev.llmrouter.providers.auth.azure.AzureEntraCredentials;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

/** The Azure OpenAI provider against a loopback MockWebServer standing in for an Azure OpenAI resource. */
@Timeout(60)
class AzureProviderHttpTest {
  private static final AuthConfig API_KEY = AuthConfig.apiKey(SECRET_KEY, "api-key", null);
  private static final String CHAT =
      "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.70}";
  private static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\"}";

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

  private AzureConfig.Builder config() {
    return AzureConfig.builder().endpoint(server.url("/").toString()).httpClient(client);
  }

  private AzureProvider provider() {
    return new AzureProvider(config().build());
  }

  private static ProviderRequest.Builder request(ProviderFormat format, String model, String body) {
    return ProviderRequest.builder()
        .payload(body.getBytes(StandardCharsets.UTF_8))
        .format(format)
        .spec(ModelSpec.builder(model, format, ModelFlavor.CHAT).build())
        .auth(API_KEY);
  }

  private void enqueueJson(String body) {
    server.enqueue(
        new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(body).build());
  }

  /** An SSE body delivered in 3-byte HTTP chunks, a few bytes at a time, so events and characters split. */
  private void enqueueAwkwardSse(String sse) {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .chunkedBody(sse, 3)
            .throttleBody(5, 1, TimeUnit.MILLISECONDS)
            .build());
  }

  private static List<StreamChunk> drain(RawResponseStream stream) {
    List<StreamChunk> out = new ArrayList<>();
    try (stream) {
      stream.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void chatPostsTheExactPayloadToTheDeploymentWithTheApiKeyHeader() throws Exception {
    enqueueJson(COMPLETION);
    byte[] body = provider().complete(request(ProviderFormat.OPENAI, "gpt-4o", CHAT).build());
    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(COMPLETION);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget())
        .isEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2024-12-01-preview");
    assertThat(r.getBody().utf8()).isEqualTo(CHAT);
    assertThat(r.getHeaders().values("api-key")).containsExactly(SECRET_KEY);
    assertThat(r.getHeaders().get("authorization")).isNull();
    assertThat(r.getHeaders().get("anthropic-version")).isNull();
    assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
    assertThat(r.getHeaders().get("user-agent")).isEqualTo("llm-router-java/0.1.0");
  }

  @Test
  void chatStreamingYieldsTheEventsOfAnAwkwardlySplitReply() throws Exception {
    String sse =
        "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"h\u00e9llo \ud83d\ude00\"}}]}\r\n\r\n"
            + ": keep-alive\n\n"
            + "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";
    enqueueAwkwardSse(sse);
    String payload = "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    List<StreamChunk> chunks =
        drain(provider().completeStream(request(ProviderFormat.OPENAI, "gpt-4o", payload).stream(true).build()));
    assertThat(chunks)
        .filteredOn(c -> !c.isKeepAlive())
        .extracting(StreamChunk::utf8)
        .containsExactly(
            "{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"h\u00e9llo \ud83d\ude00\"}}]}",
            "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget())
        .isEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2024-12-01-preview");
    assertThat(r.getBody().utf8()).isEqualTo(payload);
    assertThat(r.getHeaders().get("api-key")).isEqualTo(SECRET_KEY);
  }

  @Test
  void responsesGoToTheV1ApiWithTheDeploymentAsModel() throws Exception {
    enqueueJson("{\"id\":\"resp_1\",\"object\":\"response\"}");
    AzureProvider p = new AzureProvider(config().deployment("prod-gpt5").build());
    byte[] out =
        p.complete(request(ProviderFormat.RESPONSES, "gpt-5-pro", "{\"model\":\"gpt-5-pro\",\"input\":\"hi\"}").build());
    assertThat(new String(out, StandardCharsets.UTF_8)).contains("resp_1");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/openai/v1/responses");
    assertThat(r.getBody().utf8()).isEqualTo("{\"model\":\"prod-gpt5\",\"input\":\"hi\"}");
    assertThat(r.getHeaders().get("api-key")).isEqualTo(SECRET_KEY);
  }

  @Test
  void responsesStreamingKeepsEventTypesAcrossSplits() throws Exception {
    String sse =
        "event: response.created\ndata: {\"type\":\"response.created\"}\n\n"
            + "event: response.output_text.delta\r\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}\r\n\r\n"
            + "event: response.completed\ndata: {\"type\":\"response.completed\"}\n\n";
    enqueueAwkwardSse(sse);
    String payload = "{\"model\":\"gpt-5\",\"input\":\"hi\",\"stream\":true}";
    List<StreamChunk> chunks =
        drain(provider().completeStream(request(ProviderFormat.RESPONSES, "gpt-5", payload).stream(true).build()));
    assertThat(chunks)
        .extracting(c -> c.eventType().orElse(""))
        .containsExactly("response.created", "response.output_text.delta", "response.completed");
    assertThat(chunks.get(1).utf8()).isEqualTo("{\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/openai/v1/responses");
    assertThat(r.getBody().utf8()).isEqualTo(payload);
  }

  @Test
  void anthropicGoesToMessagesWithBearerKeyAndVersion() throws Exception {
    String body = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    enqueueJson("{\"id\":\"msg_1\",\"type\":\"message\"}");
    byte[] out = provider().complete(request(ProviderFormat.ANTHROPIC, "claude-sonnet-4-6", body).build());
    assertThat(new String(out, StandardCharsets.UTF_8)).contains("msg_1");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/anthropic/v1/messages");
    assertThat(r.getBody().utf8()).isEqualTo(body);
    assertThat(r.getHeaders().values("authorization")).containsExactly("Bearer " + SECRET_KEY);
    assertThat(r.getHeaders().values("anthropic-version")).containsExactly("2023-06-01");
    assertThat(r.getHeaders().get("api-key")).isNull();
  }

  @Test
  void anthropicStreamingYieldsTypedEventsOfAnAwkwardlySplitReply() throws Exception {
    String sse =
        "event: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}\r\n\r\n"
            + "event: ping\ndata: {\"type\":\"ping\"}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"\u00bfqu\u00e9?\"}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    enqueueAwkwardSse(sse);
    String payload = "{\"model\":\"claude-sonnet-4-6\",\"messages\":[],\"stream\":true}";
    ClientHeaders headers = ClientHeaders.builder().add("anthropic-beta", "tools-2024-04-04").build();
    List<StreamChunk> chunks =
        drain(
            provider()
                .completeStream(
                    request(ProviderFormat.ANTHROPIC, "claude-sonnet-4-6", payload)
                        .clientHeaders(headers)
                        .stream(true)
                        .build()));
    assertThat(chunks)
        .extracting(c -> c.eventType().orElse(""))
        .containsExactly("message_start", "ping", "content_block_delta", "message_stop");
    assertThat(chunks.get(2).utf8()).contains("\u00bfqu\u00e9?");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/anthropic/v1/messages");
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer " + SECRET_KEY);
    assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(r.getHeaders().get("anthropic-beta")).isEqualTo("tools-2024-04-04");
  }

  @Test
  void anUpstream4xxBecomesAnUpstreamHttpErrorWithStatusHeadersAndBody() {
    String error =
        "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this resource does not exist.\"}}";
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .setHeader("content-type", "application/json")
            .addHeader("apim-request-id", "apim-123")
            .addHeader("x-ms-region", "East US")
            .addHeader("api-key", "echoed-" + SECRET_KEY)
            .body(error)
            .build());
    assertThatThrownBy(() -> provider().complete(request(ProviderFormat.OPENAI, "gpt-4o", CHAT).build()))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.provider()).isEqualTo("azure");
              assertThat(e.bodyText()).isEqualTo(error);
              assertThat(e.header("apim-request-id")).contains("apim-123");
              assertThat(e.header("x-ms-region")).contains("East US");
              assertThat(e.header("api-key")).isEmpty();
              assertThat(e.getMessage()).contains("DeploymentNotFound").doesNotContain(SECRET_KEY);
            });
  }

  @Test
  void anUpstream5xxOnAStreamIsThrownBeforeAnyStreamExists() {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("retry-after", "7")
            .body("{\"error\":{\"code\":\"ServiceUnavailable\"}}")
            .build());
    ProviderRequest r = request(ProviderFormat.RESPONSES, "gpt-5", "{\"stream\":true}").stream(true).build();
    assertThatThrownBy(() -> provider().completeStream(r))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.header("retry-after")).contains("7");
              assertThat(e.bodyText()).contains("ServiceUnavailable");
            });
  }

  @Test
  void aStaticEntraTokenIsSentAsBearer() throws Exception {
    enqueueJson(COMPLETION);
    provider().complete(request(ProviderFormat.OPENAI, "gpt-4o", CHAT).auth(AuthConfig.azureEntra("aad-token-1")).build());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer aad-token-1");
    assertThat(r.getHeaders().get("api-key")).isNull();
  }

  @Test
  void a401ForcesOneEntraTokenRefreshAndARetry() throws Exception {
    try (MockWebServer tokens = Loopback.startServer()) {
      tokens.enqueue(tokenReply("entra-token-1"));
      tokens.enqueue(tokenReply("entra-token-2"));
      server.enqueue(
          new MockResponse.Builder().code(401).body("{\"error\":{\"code\":\"401\",\"message\":\"token expired\"}}").build());
      enqueueJson(COMPLETION);
      AuthConfig auth =
          AzureEntraAuth.clientCredentials(
              AzureEntraCredentials.builder()
                  .tenantId("tenant-1")
                  .clientId("client-1")
                  .clientSecret("entra-SECRET")
                  .tokenUrl(tokens.url("/tenant-1/oauth2/v2.0/token").toString())
                  .build(),
              client);

      byte[] body = provider().complete(request(ProviderFormat.OPENAI, "gpt-4o", CHAT).auth(auth).build());

      assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(COMPLETION);
      assertThat(server.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer entra-token-1");
      RecordedRequest retried = server.takeRequest();
      assertThat(retried.getHeaders().get("authorization")).isEqualTo("Bearer entra-token-2");
      assertThat(retried.getBody().utf8()).isEqualTo(CHAT);
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(tokens.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void aSecond401IsReturnedToTheCaller() throws Exception {
    try (MockWebServer tokens = Loopback.startServer()) {
      tokens.enqueue(tokenReply("t-1"));
      tokens.enqueue(tokenReply("t-2"));
      server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
      server.enqueue(new MockResponse.Builder().code(401).body("{\"still\":\"no\"}").build());
      AuthConfig auth =
          AzureEntraAuth.clientCredentials(
              AzureEntraCredentials.builder()
                  .tenantId("t")
                  .clientId("c")
                  .clientSecret("s3cr3t")
                  .tokenUrl(tokens.url("/token").toString())
                  .build(),
              client);
      assertThatThrownBy(() -> provider().complete(request(ProviderFormat.OPENAI, "gpt-4o", CHAT).auth(auth).build()))
          .isInstanceOfSatisfying(UpstreamHttpException.class, e -> assertThat(e.bodyText()).contains("still"));
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void wrongAuthKindFailsBeforeAnythingIsSent() {
    AuthConfig aws = AuthConfig.AwsSigV4.defaultChain("us-east-1");
    assertThatThrownBy(() -> provider().complete(request(ProviderFormat.OPENAI, "gpt-4o", CHAT).auth(aws).build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("azure");
    assertThatThrownBy(
            () -> provider().completeStream(request(ProviderFormat.OPENAI, "gpt-4o", "{}").auth(aws).stream(true).build()))
        .isInstanceOf(AuthException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  static MockResponse tokenReply(String token) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("content-type", "application/json")
        .body("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + token + "\"}")
        .build();
  }
}
