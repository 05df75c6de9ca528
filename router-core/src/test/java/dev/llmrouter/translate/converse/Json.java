package dev.llmrouter.translate.converse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.util.Optional;

/** JSON helpers for the Converse codec tests. */
final class Json {
  private Json() {}

  /** Parses JSON text; single quotes become double quotes for readability. */
  static JsonValue json(String text) {
    return JsonTree.parse(text.replace('\'', '"'));
  }

  /** Parses a JSON object (single quotes become double quotes). */
  static JsonObject obj(String text) {
    return (JsonObject) json(text);
  }

  /** Follows a JSON pointer ({@code /a/0/b}); empty when a step is missing. */
  static Optional<JsonValue> at(JsonValue v, String pointer) {
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
        return Optional.empty();
      }
    }
    return Optional.of(cur);
  }

  /** Asserts canonical JSON equality with {@code expected} (single quotes become double quotes). */
  static void assertJson(JsonValue actual, String expected) {
    JsonValue exp = json(expected);
    assertThat(JsonTree.canonicalEquals(actual, exp))
        .as("expected %s but was %s", exp.toJson(), actual.toJson())
        .isTrue();
  }
}
