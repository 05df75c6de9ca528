package dev.llmrouter.translate.anthropic;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;

/** JSON helpers for the Anthropic codec tests. */
final class AJ {
  private AJ() {}

  /** Parses JSON text (single quotes become double quotes, for readability). */
  static JsonValue json(String text) {
    return JsonTree.parse(text.replace('\'', '"'));
  }

  /** Parses a JSON object. */
  static JsonObject obj(String text) {
    return (JsonObject) json(text);
  }

  /** Follows a JSON pointer ({@code /a/0/b}); null when a step is missing. */
  static JsonValue at(JsonValue v, String pointer) {
    JsonValue cur = v;
    for (String step : pointer.substring(1).split("/", -1)) {
      if (cur instanceof JsonObject o) {
        cur = o.getOrNull(step);
      } else if (cur instanceof JsonArray a) {
        int i = Integer.parseInt(step);
        cur = i < a.size() ? a.get(i) : null;
      } else {
        cur = null;
      }
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  /** The string at {@code pointer}, null when absent or not a string. */
  static String str(JsonValue v, String pointer) {
    JsonValue x = at(v, pointer);
    return x == null ? null : x.asString().orElse(null);
  }
}
