package dev.llmrouter.providers.mistral;

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

/** The Mistral provider: configuration, URLs, and a loopback MockWebServer standing in for the Mistral API. */
@Timeout(60)
class MistralProviderTest {
  private static final String CHAT =
      "{\"model\":\"mistral-large-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"bonjour\"}],"
          + "\"max_tokens\":64}";
  private static final String REPLY =
      "{\"id\":\"cmpl-1\",\"object\":\"chat.completion\",\"model\":\"mistral-large-latest\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Salut\"},"
          + "\"finish_reason\":\"stop\"}]}";

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

  private MistralProvider provider() {
    return new MistralProvider(
        MistralConfig.builder().endpoint(server.url("/v1").toString()).httpClient(client).build());
  }

  @Test
  void defaultsAndUrls() {
    MistralProvider p = MistralProvider.withDefaults();
    assertThat(p.id()).isEqualTo("mistral");
    assertThat(p.formats()).containsExactly(ProviderFormat.MISTRAL, ProviderFormat.OPENAI);
    assertThat(p.config().endpoint()).hasToString("https://api.mistral.ai/v1");
    assertThat(p.config().clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(600));
    assertThat(p.requestUrl(ProviderFormat.MISTRAL)).hasToString("https://api.mistral.ai/v1/chat/completions");
    assertThat(p.requestUrl(ProviderFormat.OPENAI)).hasToString("https://api.mistral.ai/v1/chat/completions");
    MistralProvider slash =
        new MistralProvider(MistralConfig.builder().endpoint("https://proxy.example/mistral/v1/").build());
    assertThat(slash.requestUrl(ProviderFormat.OPENAI))
        .hasToString("https://proxy.example/mistral/v1/chat/completions");
    assertThatThrownBy(() -> p.requestUrl(ProviderFormat.ANTHROPIC))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'anthropic'")
        .hasMessageContaining("mistral, openai");
  }

  @Test
  void configFromSettingsAndValidation() {
    MistralConfig c =
        MistralConfig.fromSettings(
            ProviderSettings.builder().endpoint("https://eu.mistral.example/v1").timeout(Duration.ofSeconds(5)).build());
    assertThat(c.endpoint()).hasToString("https://eu.mistral.example/v1");
    assertThat(c.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(MistralConfig.fromSettings(ProviderSettings.empty())).isEqualTo(MistralConfig.defaults());
    assertThatThrownBy(
            () -> MistralConfig.fromSettings(ProviderSettings.builder().endpointTemplate("https://<model>.x/v1").build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("endpoint template");
    assertThatThrownBy(() -> MistralConfig.builder().endpoint("ftp://x").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("mistral endpoint");
    assertThatThrownBy(() -> MistralConfig.builder().timeout(Duration.ZERO).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("timeout");
    assertThat(MistralConfig.builder().endpoint("https://u:PASSWORD@h.example/v1?k=QUERYSECRET").build().toString())
        .contains("h.example/v1")
        .doesNotContain("PASSWORD")
        .doesNotContain("QUERYSECRET");
  }

  @Test
  void bothFormatsPostTheExactPayloadToChatCompletionsWithTheKeyLast() throws Exception {
    for (ProviderFormat format : List.of(ProviderFormat.MISTRAL, ProviderFormat.OPENAI)) {
      server.enqueue(new MockResponse.Builder().code(200).body(REPLY).build());
      ClientHeaders headers =
          ClientHeaders.builder()
              .add("x-trace-id", "t-1")
              .add("authorization", "Bearer client")
              .addUserConfigured("authorization", "Bearer operator")
              .build();
      byte[] body =
          provider().complete(chatRequest("mistral-large-latest", CHAT).format(format).clientHeaders(headers).build());
      assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(REPLY);
      RecordedRequest r = server.takeRequest();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
      assertThat(r.getBody().utf8()).isEqualTo(CHAT);
      assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
      assertThat(r.getHeaders().values("authorization")).containsExactly("Bearer " + SECRET_KEY);
      assertThat(r.getHeaders().get("x-trace-id")).isEqualTo("t-1");
    }
  }

  @Test
  void aStreamInAwkwardSplitsComesOutAsTheSameEvents() throws Exception {
    String sse =
        "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
            + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ça va ? \"}}]}\r\n\r\n"
            + "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"très bien ✓\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4}}\n\n"
            + "data: [DONE]\n\n";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .body(new TrickleBody(sse))
            .build());
    String payload = "{\"model\":\"mistral-large-latest\",\"messages\":[],\"stream\":true}";
    List<String> events = new ArrayList<>();
    try (RawResponseStream stream =
        provider().completeStream(chatRequest("mistral-large-latest", payload).stream(true).build())) {
      stream.forEachRemaining(c -> events.add(c.utf8()));
    }
    assertThat(events)
        .containsExactly(
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ça va ? \"}}]}",
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"très bien ✓\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4}}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getBody().utf8()).isEqualTo(payload);
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer " + SECRET_KEY);
    assertThat(r.getHeaders().get("content-type")).isEqualTo("application/json");
  }

  @Test
  void upstreamErrorsCarryStatusHeadersAndBody() {
    String error = "{\"object\":\"error\",\"message\":\"Rate limit exceeded\",\"type\":\"rate_limited\"}";
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("content-type", "application/json")
            .addHeader("ratelimitbysize-remaining", "0")
            .body(error)
            .build());
    UpstreamHttpException e =
        Assertions.assertThrows(
            UpstreamHttpException.class, () -> provider().complete(chatRequest("mistral-large-latest", CHAT).build()));
    assertThat(e.provider()).isEqualTo("mistral");
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.bodyText()).isEqualTo(error);
    assertThat(e.header("ratelimitbysize-remaining")).contains("0");
    assertThat(e.getMessage()).doesNotContain(SECRET_KEY);

    server.enqueue(new MockResponse.Builder().code(503).body("upstream down").build());
    UpstreamHttpException s =
        Assertions.assertThrows(
            UpstreamHttpException.class,
            () -> provider().completeStream(chatRequest("mistral-large-latest", CHAT).stream(true).build()));
    assertThat(s.status()).isEqualTo(503);
    assertThat(s.bodyText()).isEqualTo("upstream down");
  }

  @Test
  void awsSigV4IsRejectedNamingTheAcceptedKinds() {
    AuthConfig aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLEKEYID", "wJalrXUtnSECRETKEY", "eu-west-1");
    assertThatThrownBy(() -> provider().complete(chatRequest("mistral-large-latest", CHAT).auth(aws).build()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("'mistral'")
        .hasMessageContaining("aws_signature_v4")
        .hasMessageContaining("api_key, o_auth, azure_entra, custom, refreshing_token")
        .hasMessageNotContaining("wJalrXUtnSECRETKEY");
    assertThat(server.getRequestCount()).isZero();
  }
}
