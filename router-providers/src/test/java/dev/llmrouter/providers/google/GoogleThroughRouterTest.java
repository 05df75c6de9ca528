package dev.llmrouter.providers.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterResult;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.providers.Loopback;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Chat Completions client routed through {@link Router} to the native Gemini API (MockWebServer), and the
 * replies translated back to Chat Completions, streaming included with a trickled SSE body.
 */
@Timeout(60)
class GoogleThroughRouterTest {
  private static final String KEY = "AIza-test-SECRET-key";
  private static final String CATALOG =
      "{\"gemini-2.5-flash\":{\"format\":\"google\",\"flavor\":\"chat\"}}";

  private MockWebServer server;
  private Router router;

  @BeforeEach
  void setUp() throws Exception {
    server = Loopback.startServer();
    GoogleProvider google =
        new GoogleProvider(
            GoogleConfig.builder()
                .endpoint(server.url("/v1beta/").toString())
                .timeout(Duration.ofSeconds(20))
                .build());
    router =
        Router.builder()
            .catalog(ModelCatalog.parse(CATALOG))
            .addProvider("google", google, AuthConfig.apiKey(KEY, "x-goog-api-key", null))
            .build();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private static byte[] chat(String extra) {
    return ("{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]" + extra + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aChatRequestIsSentAsGenerateContentAndTheReplyComesBackAsAChatCompletion() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(GoogleProviderHttpTest.REPLY).build());

    RouterResult result = router.handle(chat(""), ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(result).isInstanceOf(Completion.class);
    Completion completion = (Completion) result;
    assertThat(completion.metadata().providerFormat()).isEqualTo(ProviderFormat.GOOGLE);
    JsonObject reply = JsonTree.parse(completion.body()).asObject().orElseThrow();
    JsonObject message =
        reply.getArray("choices").orElseThrow().get(0).asObject().orElseThrow()
            .getObject("message").orElseThrow();
    assertThat(message.getString("content")).contains("Hello!");
    assertThat(message.getString("role")).contains("assistant");

    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
    JsonObject sent = JsonTree.parse(r.getBody().toByteArray()).asObject().orElseThrow();
    assertThat(sent.get("contents")).isPresent();
    assertThat(sent.get("messages")).isEmpty();
  }

  @Test
  void aStreamingChatRequestUsesStreamGenerateContentAndComesBackAsChatChunks() throws Exception {
    String sse =
        "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hel\"}]},\"index\":0}],"
            + "\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r-1\"}\r\n\r\n"
            + "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"lo ✓\"}]},"
            + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":3,"
            + "\"candidatesTokenCount\":2,\"totalTokenCount\":5},\"modelVersion\":\"gemini-2.5-flash\","
            + "\"responseId\":\"r-1\"}\r\n\r\n";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("content-type", "text/event-stream")
            .body(new TrickleBody(sse, 2, 1, 4, 3))
            .build());

    RouterResult result = router.handle(chat(",\"stream\":true"), ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(result).isInstanceOf(ResponseStream.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ResponseStream stream = (ResponseStream) result) {
      stream.writeSseTo(out);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    List<String> data = new ArrayList<>();
    for (String event : text.split("\n\n")) {
      if (event.startsWith("data: ")) {
        data.add(event.substring("data: ".length()));
      }
    }
    assertThat(data).isNotEmpty();
    assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    StringBuilder content = new StringBuilder();
    String finish = null;
    for (String json : data.subList(0, data.size() - 1)) {
      JsonObject chunk = JsonTree.parse(json).asObject().orElseThrow();
      assertThat(chunk.getString("object")).contains("chat.completion.chunk");
      if (chunk.getArray("choices").orElseThrow().isEmpty()) {
        // The final usage chunk, as OpenAI sends it with include_usage.
        assertThat(chunk.getObject("usage").flatMap(u -> u.getLong("total_tokens"))).contains(5L);
        continue;
      }
      JsonObject choice = chunk.getArray("choices").orElseThrow().get(0).asObject().orElseThrow();
      choice.getObject("delta").flatMap(d -> d.getString("content")).ifPresent(content::append);
      JsonValue reason = choice.getOrNull("finish_reason");
      if (reason != null && reason.asString().isPresent()) {
        finish = reason.asString().get();
      }
    }
    assertThat(content.toString()).isEqualTo("Hello ✓");
    assertThat(finish).isEqualTo("stop");

    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    assertThat(r.getUrl().queryParameter("alt")).isEqualTo("sse");
    JsonObject sent = JsonTree.parse(r.getBody().toByteArray()).asObject().orElseThrow();
    assertThat(sent.get("stream")).isEmpty();
    assertThat(sent.get("contents")).isPresent();
  }
}
