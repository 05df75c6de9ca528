package dev.llmrouter.translate.stream;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.stream.StreamChunk;

/**
 * One target event before serialization (lingua's {@code StreamOutputChunk}, kept as a tree so the
 * stateful passes can read and rewrite it without parsing it back): the JSON data and the SSE event name.
 *
 * @param data the event payload
 * @param type the SSE event name (the payload's {@code type} for Anthropic and Responses), or null
 */
record OutEvent(JsonObject data, String type) {

  /** An event named after its own {@code type} member (lingua's {@code extract_event_type}). */
  static OutEvent of(JsonObject data) {
    return new OutEvent(data, data.getString("type").orElse(null));
  }

  /** The serialized chunk. */
  StreamChunk toChunk(EventWriter writer) {
    return StreamChunk.of(writer.write(data), type);
  }

  /** Whether the event's name is {@code name}. */
  boolean is(String name) {
    return name.equals(type);
  }
}
