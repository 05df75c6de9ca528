package dev.llmrouter.conformance;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.stream.SseFraming;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.sse.SseEvent;
import dev.llmrouter.stream.sse.SseParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stream output as the conformance rules see it: SSE events with an optional name and JSON data (or the
 * string {@code [DONE]}). Produced chunks are framed exactly as a host would frame them and parsed back,
 * so the framing is part of what is checked.
 */
final class SseEvents {
  static final JsonString DONE = JsonString.of("[DONE]");

  record Event(Optional<String> name, JsonValue data) {
    @Override
    public String toString() {
      return name.map(n -> "event: " + n + " ").orElse("") + "data: " + JsonTree.writeString(data);
    }
  }

  private SseEvents() {}

  /** Frames {@code chunks} (plus the format's terminator) and parses the SSE text back into events. */
  static List<Event> fromChunks(List<StreamChunk> chunks, ProviderFormat outputFormat) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (StreamChunk c : chunks) {
        SseFraming.writeTo(out, c, outputFormat);
      }
      out.write(SseFraming.done(outputFormat));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(out.toByteArray());
  }

  /** Parses SSE text; comments (keep-alives) produce no event. */
  static List<Event> parse(byte[] sse) {
    List<Event> events = new ArrayList<>();
    SseParser parser = new SseParser();
    SseParser.Listener listener =
        new SseParser.Listener() {
          @Override
          public void onEvent(SseEvent e) {
            events.add(new Event(e.eventType(), JsonTree.parse(e.data())));
          }

          @Override
          public void onDone() {
            events.add(new Event(Optional.empty(), DONE));
          }
        };
    parser.feed(sse, 0, sse.length, listener);
    parser.finish(listener);
    return events;
  }

  /** The golden {@code expected} array of a stream vector. */
  static List<Event> fromExpected(JsonValue expected) {
    List<Event> events = new ArrayList<>();
    for (JsonValue v : expected.asArray().orElseThrow()) {
      JsonObject o = v.asObject().orElseThrow();
      events.add(new Event(o.getString("event"), o.get("data").orElseThrow()));
    }
    return events;
  }

  /** The conformance no-op events, dropped before comparing. */
  static boolean isNoOp(Event e) {
    if (e.name().filter("ping"::equals).isPresent()) {
      return true;
    }
    JsonObject data = e.data().asObject().orElse(null);
    if (data == null) {
      return false;
    }
    if ("ping".equals(data.getString("type").orElse(null))) {
      return true;
    }
    if ("response.in_progress".equals(e.name().orElse(data.getString("type").orElse(null)))
        && !data.has("response")) {
      return true;
    }
    Optional<JsonArray> choices = data.getArray("choices");
    return choices.isPresent() && choices.get().isEmpty() && data.getNonNull("usage").isEmpty()
        && "chat.completion.chunk".equals(data.getString("object").orElse("chat.completion.chunk"));
  }
}
