package dev.llmrouter.translate.stream;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Helpers for the stream session tests: JSON literals written with single quotes, universal chunks built
 * the way each source codec builds them (lingua's stream_to_universal), and readers for emitted chunks.
 */
final class StreamFixtures {
  private StreamFixtures() {}

  /** Parses JSON written with single quotes instead of double quotes. */
  static JsonObject j(String singleQuoted) {
    return (JsonObject) JsonTree.parse(singleQuoted.replace('\'', '"'));
  }

  /** A raw upstream event. */
  static StreamChunk raw(String singleQuoted) {
    return StreamChunk.of(JsonTree.write(j(singleQuoted)));
  }

  /**
   * A universal chunk from its universal JSON ({@code id}, {@code model}, {@code choices} with
   * {@code index}, {@code delta}, {@code finish_reason}), with {@code usage} read in {@code usageFormat}'s
   * provider shape.
   */
  static UniversalStreamChunk uni(String singleQuoted, ProviderFormat usageFormat) {
    JsonObject o = j(singleQuoted);
    List<StreamChoice> choices = new ArrayList<>();
    for (JsonValue v : o.getArray("choices").orElse(JsonArray.empty())) {
      JsonObject c = (JsonObject) v;
      choices.add(
          new StreamChoice(
              c.getLong("index").orElse(0L).intValue(),
              c.getNonNull("delta"),
              c.getString("finish_reason")));
    }
    Optional<UniversalUsage> usage =
        o.getObject("usage").map(u -> UniversalUsage.fromProviderValue(u, usageFormat));
    return new UniversalStreamChunk(
        o.getString("id"),
        o.getString("model"),
        choices,
        o.getLong("created"),
        usage,
        o.getString("served_service_tier").flatMap(ServedServiceTier::fromWire),
        false);
  }

  /** A universal chunk with Chat-shaped usage. */
  static UniversalStreamChunk uni(String singleQuoted) {
    return uni(singleQuoted, ProviderFormat.OPENAI);
  }

  /** A Chat Completions chunk as the Chat codec reads it (the chunk is already in universal shape). */
  static UniversalStreamChunk chat(String singleQuoted) {
    return uni(singleQuoted, ProviderFormat.OPENAI);
  }

  /** The event names of emitted chunks. */
  static List<String> types(List<StreamChunk> chunks) {
    List<String> out = new ArrayList<>();
    for (StreamChunk c : chunks) {
      out.add(c.eventType().orElse(null));
    }
    return out;
  }

  /** The payloads of emitted chunks. */
  static List<JsonObject> data(List<StreamChunk> chunks) {
    List<JsonObject> out = new ArrayList<>();
    for (StreamChunk c : chunks) {
      out.add((JsonObject) JsonTree.parse(c.data()));
    }
    return out;
  }

  /** The JSON at a path of object keys and array indexes ("a.0.b"); null when absent. */
  static JsonValue at(JsonValue v, String path) {
    JsonValue cur = v;
    for (String p : path.split("\\.")) {
      if (cur instanceof JsonObject o) {
        cur = o.getOrNull(p);
      } else if (cur instanceof JsonArray a) {
        int i = Integer.parseInt(p);
        cur = i < a.size() ? a.get(i) : null;
      } else {
        return null;
      }
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  /** The string at a path; null when absent or not a string. */
  static String str(JsonValue v, String path) {
    return at(v, path) instanceof dev.llmrouter.json.JsonString s ? s.value() : null;
  }

  /** The integer at a path; null when absent or not an integer. */
  static Long num(JsonValue v, String path) {
    return at(v, path) instanceof dev.llmrouter.json.JsonNumber n && n.longValue().isPresent()
        ? n.longValue().getAsLong()
        : null;
  }
}
