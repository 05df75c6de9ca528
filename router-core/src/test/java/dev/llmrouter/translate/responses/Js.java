package dev.llmrouter.translate.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.util.Optional;

/** JSON helpers for the Responses codec tests. */
final class Js {
  private Js() {}

  /** Parses JSON text; single quotes become double quotes (write {@code \u0027} for a literal quote). */
  static JsonValue json(String text) {
    return JsonTree.parse(text.replace('\'', '"'));
  }

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

  static void assertJson(JsonValue actual, String expected) {
    JsonValue exp = json(expected);
    assertThat(JsonTree.canonicalEquals(actual, exp))
        .as("expected %s but was %s", exp.toJson(), actual == null ? "null" : actual.toJson())
        .isTrue();
  }

  static void assertAt(JsonValue root, String pointer, String expected) {
    Optional<JsonValue> v = at(root, pointer);
    assertThat(v).as("%s in %s", pointer, root.toJson()).isPresent();
    assertJson(v.get(), expected);
  }

  static void assertAbsent(JsonValue root, String pointer) {
    assertThat(at(root, pointer)).as("%s in %s", pointer, root.toJson()).isEmpty();
  }
}
