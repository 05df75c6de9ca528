package dev.llmrouter.providers.bedrock;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Chat Completions client request routed through {@link Router} to Bedrock (Converse and Anthropic
 * invoke), with a loopback MockWebServer as the Bedrock runtime; the upstream replies are lingua's captured
 * Bedrock replies from the conformance vectors (read from the shared directory, never copied), and the
 * replies must come back translated to Chat Completions.
 */
@Timeout(60)
class BedrockRouterEndToEndTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY-E2E";
  private static final String CATALOG =
      "{"
          + "\"amazon.nova-pro-v1:0\":{\"format\":\"converse\",\"flavor\":\"chat\","
          + "\"available_providers\":[\"bedrock\"]},"
          + "\"us.anthropic.claude-haiku-4-5-20251001-v1:0\":{\"format\":\"anthropic\",\"flavor\":\"chat\","
          + "\"available_providers\":[\"bedrock\"]}"
          + "}";
  private static final String CHAT =
      "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]%s}";

  private MockWebServer server;
  private ConnectionPool pool;
  private Router router;

  @BeforeEach
  void setUp() throws IOException {
    server = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
    BedrockProvider bedrock =
        new BedrockProvider(
            BedrockConfig.builder()
                .endpoint("http://127.0.0.1:" + server.getPort() + "/")
                .httpClient(client)
                .signingClock(Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC))
                .build());
    router =
        Router.builder()
            .catalog(ModelCatalog.parse(CATALOG))
            .addProvider("bedrock", bedrock, AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, "us-east-1"))
            .build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private static Path vector(String kind, String pair, String name) {
    String configured = System.getProperty("conformance.dir");
    Path dir;
    if (configured != null && !configured.isBlank()) {
      dir = Paths.get(configured);
    } else {
      String shared = System.getProperty("llmrouter.shared.dir");
      if (shared == null) {
        throw new IllegalStateException("system property conformance.dir is not set (surefire sets it)");
      }
      dir = Paths.get(shared, "conformance", "dev");
    }
    return dir.resolve(kind).resolve(pair).resolve(name + ".json");
  }

  /** The raw text of the vector's top-level {@code "input"} member (object or array), as the upstream sent it. */
  private static String input(Path vector) throws IOException {
    String text = Files.readString(vector, StandardCharsets.UTF_8);
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = stringEnd(text, i);
        int colon = end;
        while (colon < text.length() && Character.isWhitespace(text.charAt(colon))) {
          colon++;
        }
        if (depth == 1 && text.startsWith("\"input\"", i) && colon < text.length() && text.charAt(colon) == ':') {
          int start = colon + 1;
          while (Character.isWhitespace(text.charAt(start))) {
            start++;
          }
          return text.substring(start, matchingEnd(text, start));
        }
        i = end - 1;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    throw new IllegalArgumentException("vector " + vector + " has no top-level input");
  }

  /** The index after the JSON string starting at {@code start}. */
  private static int stringEnd(String s, int start) {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("unterminated JSON string in vector");
  }

  /** The index after the JSON object or array starting at {@code start}. */
  private static int matchingEnd(String s, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    throw new IllegalArgumentException("unbalanced JSON in vector");
  }

  /** The top-level elements of a JSON array's text. */
  private static List<String> elements(String array) {
    List<String> out = new ArrayList<>();
    int i = 1;
    while (i < array.length()) {
      char c = array.charAt(i);
      if (c == '{' || c == '[') {
        int end = matchingEnd(array, i);
        out.add(array.substring(i, end));
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aChatRequestGoesToConverseAndTheCapturedReplyComesBackAsChat() throws Exception {
    String reply = input(vector("response", "chat-completions_to_bedrock", "simpleRequest"));
    server.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(reply)
        .build());

    RouterResult result =
        router.handle(utf8(String.format(CHAT, "amazon.nova-pro-v1:0", "")), ProviderFormat.OPENAI,
            ClientHeaders.empty());

    assertThat(result).isInstanceOf(Completion.class);
    String body = ((Completion) result).bodyUtf8();
    assertThat(body).contains("\"object\":\"chat.completion\"")
        .contains("\"content\":\"The capital of France is Paris.\"")
        .contains("\"finish_reason\":\"stop\"")
        .contains("\"prompt_tokens\":43");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/model/amazon.nova-pro-v1%3A0/converse");
    assertThat(r.getHeaders().get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
    assertThat(r.getBody().utf8()).contains("\"text\":\"What is the capital of France?\"")
        .doesNotContain("\"model\"");
  }

  @Test
  void aConverseEventStreamComesBackAsChatChunks() throws Exception {
    List<String> events = elements(input(vector("stream", "chat-completions_to_bedrock", "simpleRequest")));
    assertThat(events).hasSizeGreaterThan(3);
    List<byte[]> frames = new ArrayList<>();
    Pattern wrapper = Pattern.compile("^\\{\\s*\"([A-Za-z]+)\"\\s*:\\s*(.*)\\}$", Pattern.DOTALL);
    for (String event : events) {
      Matcher m = wrapper.matcher(event);
      assertThat(m.matches()).as("event %s", event).isTrue();
      frames.add(EventStreamFrames.event(m.group(1), m.group(2)));
    }
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("content-type", "application/vnd.amazon.eventstream")
        .body(new PiecewiseBody(EventStreamFrames.concat(frames.toArray(new byte[0][])), 5)).build());

    String sse = routeStreaming("amazon.nova-pro-v1:0");

    assertThat(sse).contains("\"object\":\"chat.completion.chunk\"")
        .contains("\"content\":\"The capital of France is Paris.\"")
        .contains("\"finish_reason\":\"stop\"")
        .endsWith("data: [DONE]\n\n");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/model/amazon.nova-pro-v1%3A0/converse-stream");
  }

  @Test
  void anAnthropicModelGoesToInvokeAndItsChunkStreamComesBackAsChatChunks() throws Exception {
    String[] events = {
      "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_bdrk_01\",\"type\":\"message\",\"role\":\"assistant\","
          + "\"model\":\"claude-haiku-4-5-20251001\",\"content\":[],\"stop_reason\":null,"
          + "\"usage\":{\"input_tokens\":14,\"output_tokens\":1}}}",
      "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
      "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Paris\"}}",
      "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" it is.\"}}",
      "{\"type\":\"content_block_stop\",\"index\":0}",
      "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
          + "\"usage\":{\"output_tokens\":5}}",
      "{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":14,"
          + "\"outputTokenCount\":5,\"invocationLatency\":400,\"firstByteLatency\":200}}"
    };
    byte[][] frames = new byte[events.length][];
    for (int i = 0; i < events.length; i++) {
      frames[i] = EventStreamFrames.chunk(events[i]);
    }
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("content-type", "application/vnd.amazon.eventstream")
        .body(new PiecewiseBody(EventStreamFrames.concat(frames), 9)).build());

    String sse = routeStreaming("us.anthropic.claude-haiku-4-5-20251001-v1:0");

    assertThat(sse).contains("\"content\":\"Paris\"").contains("\"content\":\" it is.\"")
        .contains("\"finish_reason\":\"stop\"").endsWith("data: [DONE]\n\n");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget())
        .isEqualTo("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke-with-response-stream");
    assertThat(r.getHeaders().get("accept")).isEqualTo("application/vnd.amazon.eventstream");
    String sent = r.getBody().utf8();
    assertThat(sent).contains("\"anthropic_version\":\"bedrock-2023-05-31\"").doesNotContain("\"model\"");
  }

  private String routeStreaming(String model) throws Exception {
    RouterResult result =
        router.handle(utf8(String.format(CHAT, model, ",\"stream\":true")), ProviderFormat.OPENAI,
            ClientHeaders.empty());
    assertThat(result).isInstanceOf(ResponseStream.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ResponseStream stream = (ResponseStream) result) {
      stream.writeSseTo(out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A body written {@code piece} bytes at a time with a flush after each. */
  private static final class PiecewiseBody implements MockResponseBody {
    private final byte[] body;
    private final int piece;

    PiecewiseBody(byte[] body, int piece) {
      this.body = body;
      this.piece = piece;
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      for (int at = 0; at < body.length; at += piece) {
        sink.write(body, at, Math.min(piece, body.length - at));
        sink.flush();
      }
    }
  }
}
