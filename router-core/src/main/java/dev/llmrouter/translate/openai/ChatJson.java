package dev.llmrouter.translate.openai;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.LinguaJson;
import java.util.Optional;

/**
 * Typed member reads with the rules of lingua's serde structs ({@code Option<T>}: absent and {@code null}
 * are both "not set"; a value of the wrong type is an error naming the field).
 */
final class ChatJson {
  private ChatJson() {}

  static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  static TranslationException invalidType(JsonValue v, String expected, String field) {
    return new TranslationException(
        "invalid type: " + v.kind() + ", expected " + expected + " (field " + field + ")");
  }

  static TranslationException missing(String key, String field) {
    return new TranslationException("missing field `" + key + "` (field " + field + ")");
  }

  /** The member when present and not null, else null. */
  static JsonValue value(JsonObject o, String key) {
    JsonValue v = o.getOrNull(key);
    return v == null || v.isNull() ? null : v;
  }

  /** {@code v} unless it is JSON null (or absent). */
  static JsonValue nonNull(JsonValue v) {
    return v == null || v.isNull() ? null : v;
  }

  // ---- Typed reads of one value; the field path is built only for an error --------------------

  static JsonObject obj(JsonValue v, String parent, String key) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    throw invalidType(v, "a map", path(parent, key));
  }

  static JsonArray arr(JsonValue v, String parent, String key) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    throw invalidType(v, "a sequence", path(parent, key));
  }

  static String str(JsonValue v, String parent, String key) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw invalidType(v, "a string", path(parent, key));
  }

  static Boolean bool(JsonValue v, String parent, String key) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonBoolean b) {
      return b.value();
    }
    throw invalidType(v, "a boolean", path(parent, key));
  }

  /** An i64: integral number text only (serde's rule). */
  static Long i64(JsonValue v, String parent, String key) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      Optional<Long> l = LinguaJson.i64(n);
      if (l.isPresent()) {
        return l.get();
      }
    }
    throw invalidType(v, "i64", path(parent, key));
  }

  /** An f64: any number. */
  static Double f64(JsonValue v, String parent, String key) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    throw invalidType(v, "f64", path(parent, key));
  }

  /** A string that must be one of {@code allowed}. */
  static String enumOf(JsonValue v, String parent, String key, String... allowed) {
    String s = str(v, parent, key);
    if (s == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    throw new TranslationException(
        "unknown variant `"
            + s
            + "`, expected one of "
            + String.join(", ", allowed)
            + " (field "
            + path(parent, key)
            + ")");
  }

  // ---- Member reads -------------------------------------------------------------------------------

  static JsonObject object(JsonValue v, String field) {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw invalidType(v, "a map", field);
  }

  static JsonObject optObject(JsonObject o, String key, String parent) {
    return obj(o.getOrNull(key), parent, key);
  }

  static JsonArray array(JsonValue v, String field) {
    if (v instanceof JsonArray a) {
      return a;
    }
    throw invalidType(v, "a sequence", field);
  }

  static JsonArray optArray(JsonObject o, String key, String parent) {
    return arr(o.getOrNull(key), parent, key);
  }

  static String string(JsonValue v, String field) {
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw invalidType(v, "a string", field);
  }

  static String optString(JsonObject o, String key, String parent) {
    return str(o.getOrNull(key), parent, key);
  }

  static String requireString(JsonObject o, String key, String parent) {
    String s = str(o.getOrNull(key), parent, key);
    if (s == null) {
      throw missing(key, path(parent, key));
    }
    return s;
  }

  static Boolean optBool(JsonObject o, String key, String parent) {
    return bool(o.getOrNull(key), parent, key);
  }

  static Long optI64(JsonObject o, String key, String parent) {
    return i64(o.getOrNull(key), parent, key);
  }

  static Double optF64(JsonObject o, String key, String parent) {
    return f64(o.getOrNull(key), parent, key);
  }

  static String optEnum(JsonObject o, String key, String parent, String... allowed) {
    return enumOf(o.getOrNull(key), parent, key, allowed);
  }

  /**
   * {@code text} parsed as JSON when it is one JSON value (surrounding JSON whitespace allowed), else empty.
   * Texts that cannot be JSON are rejected by a cheap scan before the parser runs, so plain-text tool
   * outputs cost no parse exception.
   */
  static Optional<JsonValue> parseIfJson(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isJsonSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isJsonSpace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return Optional.empty();
    }
    char first = text.charAt(start);
    char last = text.charAt(end - 1);
    boolean candidate;
    switch (first) {
      case '{':
        candidate = last == '}';
        break;
      case '[':
        candidate = last == ']';
        break;
      case '"':
        candidate = last == '"' && end - start >= 2;
        break;
      case 't':
        candidate = text.startsWith("true", start) && end - start == 4;
        break;
      case 'f':
        candidate = text.startsWith("false", start) && end - start == 5;
        break;
      case 'n':
        candidate = text.startsWith("null", start) && end - start == 4;
        break;
      default:
        candidate = (first == '-' || (first >= '0' && first <= '9')) && numberChars(text, start, end);
        break;
    }
    return candidate ? LinguaJson.tryParse(text) : Optional.empty();
  }

  private static boolean isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean numberChars(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }

  /** A JSON number written from a double the way serde_json writes an f64. */
  static JsonNumber number(double d) {
    return JsonNumber.of(d);
  }
}
