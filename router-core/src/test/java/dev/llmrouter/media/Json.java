package dev.llmrouter.media;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.nio.charset.StandardCharsets;

/** JSON helpers for the media tests: bytes, parsing, and JSON-pointer-like lookups. */
final class Json {
  private Json() {}

  static byte[] b(String json) {
    return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  static JsonObject parse(byte[] body) {
    return JsonTree.parseObject(body);
  }

  /** The value at a pointer like {@code /messages/0/content}, or null when absent. */
  static JsonValue at(JsonValue root, String pointer) {
    JsonValue v = root;
    for (String step : pointer.substring(1).split("/")) {
      if (v instanceof JsonObject o) {
        v = o.getOrNull(step);
      } else if (v instanceof JsonArray a) {
        int i = Integer.parseInt(step);
        v = i < a.size() ? a.get(i) : null;
      } else {
        return null;
      }
      if (v == null) {
        return null;
      }
    }
    return v;
  }

  static String string(JsonValue root, String pointer) {
    JsonValue v = at(root, pointer);
    return v instanceof JsonString s ? s.value() : null;
  }
}
