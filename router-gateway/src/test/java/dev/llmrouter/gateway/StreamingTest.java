package dev.llmrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.auth.AuthConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streams are flushed per event, kept alive during silences, and cancelled when the client goes away. */
class StreamingTest {
  private static final String STREAM_REQUEST = "{\"model\":\"" + ScriptedProvider.MODEL
      + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";

  private final ScriptedProvider scripted = new ScriptedProvider();
  private Harness h;

  private void start(Duration keepAlive) throws Exception {
    h = Harness.start(c -> c.keepAliveInterval(keepAlive),
        b -> b.addProvider("scripted", scripted, AuthConfig.custom(Map.of())), ScriptedProvider.catalog());
  }

  @AfterEach
  void stop() throws Exception {
    scripted.end();
    h.close();
  }

  private InputStream open(String path, String body) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(h.uri(path)).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<InputStream> r = h.client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** Reads lines until one contains {@code needle}; fails on end of stream. */
  private static String readUntil(BufferedReader in, String needle) throws Exception {
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.contains(needle)) {
        return seen.toString();
      }
    }
    throw new AssertionError("stream ended before '" + needle + "'; saw:\n" + seen);
  }

  @Test
  void eachEventIsFlushedBeforeTheNextExists() throws Exception {
    start(Duration.ofSeconds(30));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        open("/v1/chat/completions", STREAM_REQUEST), StandardCharsets.UTF_8))) {
      scripted.release("first");
      // The second event does not exist yet: if the gateway buffered, this read would block forever.
      assertThat(readUntil(in, "\"content\":\"first\"")).startsWith("data: {");
      scripted.release("second");
      assertThat(readUntil(in, "\"content\":\"second\"")).doesNotContain("first");
      scripted.end();
      assertThat(readUntil(in, "[DONE]")).contains("\"finish_reason\":\"stop\"");
    }
  }

  @Test
  void anthropicEventsAreFlushedOneByOne() throws Exception {
    start(Duration.ofSeconds(30));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(open("/v1/messages",
        "{\"model\":\"" + ScriptedProvider.MODEL + "\",\"max_tokens\":9,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}"), StandardCharsets.UTF_8))) {
      scripted.release("alpha");
      assertThat(readUntil(in, "\"text\":\"alpha\"")).contains("event: message_start")
          .contains("event: content_block_delta");
      scripted.end();
      assertThat(readUntil(in, "event: message_stop")).contains("event: message_delta");
    }
  }

  @Test
  void silencesGetKeepAliveComments() throws Exception {
    start(Duration.ofMillis(100));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        open("/v1/chat/completions", STREAM_REQUEST), StandardCharsets.UTF_8))) {
      scripted.release("before");
      readUntil(in, "\"content\":\"before\"");
      // The upstream stays silent: the gateway must send comments meanwhile.
      assertThat(readUntil(in, ": keep-alive")).doesNotContain("data:");
      scripted.release("after");
      assertThat(readUntil(in, "\"content\":\"after\"")).startsWith("\n").contains("data: {");
    }
  }

  @Test
  void clientDisconnectClosesTheUpstreamStream() throws Exception {
    start(Duration.ofMillis(100));
    InputStream body = open("/v1/chat/completions", STREAM_REQUEST);
    BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    scripted.release("one");
    readUntil(in, "\"content\":\"one\"");
    assertThat(scripted.closed.getCount()).isEqualTo(1);
    in.close();
    // Nothing more comes from the upstream; the keep-alive write notices the closed connection.
    assertThat(scripted.closed.await(20, TimeUnit.SECONDS)).as("upstream stream closed").isTrue();
  }
}
