package dev.llmrouter.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterResult;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.Loopback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * A Chat Completions client routed through {@link Router} to the native Anthropic Messages API on a loopback
 * MockWebServer: the request goes out as a Messages body with the Anthropic headers, and the reply (whole,
 * or streamed in awkward splits) comes back in the Chat Completions format.
 */
@Timeout(60)
class AnthropicRouterTest {
  private static final String CATALOG =
      "{\"claude-sonnet-4-5\":{\"format\":\"anthropic\",\"flavor\":\"chat\","
          + "\"available_providers\":[\"anthropic\"],\"max_output_tokens\":64000}}";
  private static final String KEY = "sk-ant-ROUTER-SECRET";

  private MockWebServer server;
  private ConnectionPool pool;
  private Router router;

  @BeforeEach
  void setUp() throws IOException {
    server = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
    AnthropicProvider anthropic =
        new AnthropicProvider(
            AnthropicConfig.builder().endpoint(server.url("/v1/").toString()).httpClient(client).build());
    router =
        Router.builder()
            .catalog(ModelCatalog.parse(CATALOG))
            .addProvider("anthropic", anthropic, AuthConfig.apiKey(KEY, "x-api-key", null))
            .build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private static byte[] chat(boolean stream) {
    return ("{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"hello\"}],\"max_tokens\":100"
            + (stream ? ",\"stream\":true" : "")
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String assertMessagesRequest(RecordedRequest r) {
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(r.getHeaders().get("x-api-key")).isEqualTo(KEY);
    assertThat(r.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(r.getHeaders().get("anthropic-beta")).isEqualTo("structured-outputs-2025-11-13");
    String sent = r.getBody().utf8();
    assertThat(sent)
        .contains("\"model\":\"claude-sonnet-4-5\"")
        .contains("\"system\"")
        .contains("Be brief.")
        .contains("\"max_tokens\":100")
        .doesNotContain("\"role\":\"system\"");
    return sent;
  }

  @Test
  void aChatRequestGoesOutAsMessagesAndTheReplyComesBackAsAChatCompletion() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "application/json")
            .body(
                "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"Hi there\"}],\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":3}}")
            .build());

    RouterResult result = router.handle(chat(false), ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(result).isInstanceOf(Completion.class);
    String body = ((Completion) result).bodyUtf8();
    assertThat(body)
        .contains("\"object\":\"chat.completion\"")
        .contains("\"content\":\"Hi there\"")
        .contains("\"finish_reason\":\"stop\"")
        .contains("\"prompt_tokens\":12")
        .contains("\"completion_tokens\":3");
    String sent = assertMessagesRequest(server.takeRequest());
    assertThat(sent).doesNotContain("\"stream\"");
  }

  @Test
  void aMessagesStreamInAwkwardSplitsComesBackAsChatCompletionChunks() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .body(new TrickleBody(AnthropicProviderHttpTest.MESSAGES_SSE))
            .build());

    RouterResult result = router.handle(chat(true), ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(result).isInstanceOf(ResponseStream.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ResponseStream stream = (ResponseStream) result) {
      stream.writeSseTo(out);
    }
    String sse = out.toString(StandardCharsets.UTF_8);
    assertThat(sse)
        .contains("\"object\":\"chat.completion.chunk\"")
        .contains("\"content\":\"Héllo ✓ \"")
        .contains("\"content\":\"world 🌍\"")
        .contains("\"finish_reason\":\"stop\"")
        .doesNotContain("event:")
        .doesNotContain("ping")
        .endsWith("data: [DONE]\n\n");
    assertThat(sse.indexOf("Héllo")).isLessThan(sse.indexOf("world"));
    String sent = assertMessagesRequest(server.takeRequest());
    assertThat(sent).contains("\"stream\":true");
  }
}
