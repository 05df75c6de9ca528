package dev.llmrouter.sdktests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Captured upstream replies from the shared conformance corpus ({@code -Dconformance.dir}, set by the
 * parent pom), turned into what the vendor actually puts on the wire: JSON bodies, SSE events, or AWS
 * event-stream frames.
 */
final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpus() {}

  /** The vector's {@code input} (the captured upstream reply), after checking its upstream format. */
  static JsonNode upstreamReply(String kind, String pair, String name, String upstreamFormat) {
    Path file = dir().resolve(kind).resolve(pair).resolve(name + ".json");
    JsonNode vector;
    try {
      vector = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read conformance vector " + file
          + " (set -Dconformance.dir to the corpus)", e);
    }
    String actual = vector.path("upstreamFormat").asText();
    if (!actual.equals(upstreamFormat)) {
      throw new IllegalStateException(file + ": upstreamFormat is '" + actual + "', expected '"
          + upstreamFormat + "'");
    }
    return vector.get("input");
  }

  /** A non-streaming captured reply as a JSON body. */
  static FakeVendor.Reply json(String pair, String name, String upstreamFormat) {
    return FakeVendor.Reply.json(upstreamReply("response", pair, name, upstreamFormat).toString());
  }

  /** Anthropic Messages streaming: {@code event: <type>} plus {@code data: <json>} per captured event. */
  static FakeVendor.Reply anthropicSse(String pair, String name) {
    List<String> events = new ArrayList<>();
    for (JsonNode e : upstreamReply("stream", pair, name, "anthropic")) {
      events.add("event: " + e.path("type").asText() + "\ndata: " + e + "\n\n");
    }
    return FakeVendor.Reply.sse(events);
  }

  /** OpenAI Chat Completions streaming: {@code data: <chunk>} per chunk, then {@code data: [DONE]}. */
  static FakeVendor.Reply openAiSse(String pair, String name) {
    List<String> events = new ArrayList<>();
    for (JsonNode e : upstreamReply("stream", pair, name, "openai")) {
      events.add("data: " + e + "\n\n");
    }
    events.add("data: [DONE]\n\n");
    return FakeVendor.Reply.sse(events);
  }

  /** Gemini {@code streamGenerateContent?alt=sse}: {@code data: <GenerateContentResponse>} per chunk. */
  static FakeVendor.Reply geminiSse(String pair, String name) {
    List<String> events = new ArrayList<>();
    for (JsonNode e : upstreamReply("stream", pair, name, "google")) {
      events.add("data: " + e + "\r\n\r\n");
    }
    return FakeVendor.Reply.sse(events);
  }

  /**
   * Bedrock {@code converse-stream}: each captured event is {@code {"<eventType>": payload}}, sent as an
   * event-stream frame with that {@code :event-type} and the payload as JSON.
   */
  static FakeVendor.Reply converseEventStream(String pair, String name) {
    List<byte[]> frames = new ArrayList<>();
    for (JsonNode e : upstreamReply("stream", pair, name, "converse")) {
      Iterator<Map.Entry<String, JsonNode>> fields = e.fields();
      Map.Entry<String, JsonNode> only = fields.next();
      if (fields.hasNext()) {
        throw new IllegalStateException("a Converse stream event has one key, got " + e);
      }
      frames.add(EventStreamEncoder.event(only.getKey(), only.getValue().toString()));
    }
    return FakeVendor.Reply.eventStream(frames);
  }

  private static Path dir() {
    String dir = System.getProperty("conformance.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("-Dconformance.dir is not set (the parent pom passes it to surefire)");
    }
    return Path.of(dir);
  }
}
