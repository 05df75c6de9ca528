package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON helpers that reproduce how lingua's serde_json (arbitrary precision, no {@code preserve_order})
 * reads and writes values: object keys come out sorted, integers are read only from integral number text,
 * and a JSON string is any string value.
 */
public final class LinguaJson {
  private LinguaJson() {}

  /**
   * Compact JSON text with every object's keys sorted (code point order, recursively), as lingua writes a
   * {@code serde_json::Value} to a string (e.g. tool-call arguments, stringified tool results).
   */
  public static String writeSorted(JsonValue value) {
    return JsonTree.writeString(sortKeys(value));
  }

  /** A copy of {@code value} whose objects have their keys in sorted order, recursively. */
  public static JsonValue sortKeys(JsonValue value) {
    if (value instanceof JsonObject o) {
      List<String> keys = new ArrayList<>(o.keys());
      keys.sort(LinguaJson::compareKeys);
      JsonObject.Builder b = JsonObject.builder();
      for (String k : keys) {
        b.put(k, sortKeys(o.getOrNull(k)));
      }
      return b.build();
    }
    if (value instanceof JsonArray a) {
      JsonArray.Builder b = JsonArray.builder();
      for (JsonValue v : a) {
        b.add(sortKeys(v));
      }
      return b.build();
    }
    return value;
  }

  /** Orders strings by Unicode code point, as Rust orders {@code String} keys of a {@code BTreeMap}. */
  public static int compareKeys(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * The value as a signed 64-bit integer with serde's rules: only integral number text that fits
   * ({@code 5}, {@code -3}); {@code 5.0}, {@code 1e3}, strings and null give empty.
   */
  public static Optional<Long> i64(JsonValue value) {
    // isIntegralLong is exactly "integral text that Long.parseLong accepts", decided once per number.
    if (value instanceof JsonNumber n && n.isIntegralLong()) {
      return Optional.of(n.longValueOfIntegral());
    }
    return Optional.empty();
  }

  /** Member {@code key} of {@code object} as an i64 (see {@link #i64(JsonValue)}). */
  public static Optional<Long> i64(JsonObject object, String key) {
    JsonValue v = object.getOrNull(key);
    return v == null ? Optional.empty() : i64(v);
  }

  /** The value as a double when it is a number. */
  public static Optional<Double> f64(JsonValue value) {
    return value instanceof JsonNumber n ? Optional.of(n.doubleValue()) : Optional.empty();
  }

  /** The value's text when it is a string. */
  public static Optional<String> string(JsonValue value) {
    return value instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  /** Whether {@code text} parses as one JSON value (surrounding whitespace allowed). */
  public static boolean isValidJson(String text) {
    try {
      JsonTree.parse(text);
      return true;
    } catch (JsonSyntaxException e) {
      return false;
    }
  }

  /** Parses {@code text} as JSON, empty when it is not valid JSON. */
  public static Optional<JsonValue> tryParse(String text) {
    try {
      return Optional.of(JsonTree.parse(text));
    } catch (JsonSyntaxException e) {
      return Optional.empty();
    }
  }

  /** Copies members of a map into an object, keys in map order. */
  static JsonObject objectOf(Map<String, ? extends JsonValue> members) {
    JsonObject.Builder b = JsonObject.builder();
    members.forEach(b::put);
    return b.build();
  }

  /** Normalizes a nullable optional reference to an empty Optional. */
  static <T> Optional<T> opt(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /** A JSON array of strings. */
  static JsonArray strings(List<String> values) {
    return JsonArray.ofStrings(values);
  }
}
