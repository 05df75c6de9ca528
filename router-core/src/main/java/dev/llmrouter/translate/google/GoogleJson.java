package dev.llmrouter.translate.google;

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
 * Typed reads of Gemini JSON members with the rules of lingua's generated serde types: a member that is
 * absent or {@code null} is unset, a member of the wrong type is a {@link TranslationException} naming the
 * field. The readers take the path of the enclosing object as a constant pattern ({@code contents[].parts[]},
 * null at the top level); the field's full path is only built for the error message.
 */
final class GoogleJson {
  private GoogleJson() {}

  /** A type error naming {@code field} (lingua reports these as to-universal failures). */
  static TranslationException invalid(String field, JsonValue actual, String expected) {
    return new TranslationException(
        "Google: invalid type: " + actual.kind() + ", expected " + expected + " (field " + field + ")");
  }

  /** A missing required field. */
  static TranslationException missing(String field) {
    return new TranslationException("Google: missing field `" + field + "`");
  }

  /** The path of member {@code key} of the object at {@code ctx} (null: the top level). */
  static String path(String ctx, String key) {
    return ctx == null ? key : ctx + "." + key;
  }

  /** The member when present and not null. */
  static JsonValue value(JsonObject o, String key) {
    JsonValue v = o.getOrNull(key);
    return v == null || v.isNull() ? null : v;
  }

  /** A string member, or null when unset. */
  static String string(JsonObject o, String key, String ctx) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw invalid(path(ctx, key), v, "a string");
  }

  /** An object member, or null when unset. */
  static JsonObject object(JsonObject o, String key, String ctx) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonObject obj) {
      return obj;
    }
    throw invalid(path(ctx, key), v, "an object");
  }

  /** An array member, or null when unset. */
  static JsonArray array(JsonObject o, String key, String ctx) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    throw invalid(path(ctx, key), v, "an array");
  }

  /** A boolean member, or null when unset. */
  static Boolean bool(JsonObject o, String key, String ctx) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonBoolean b) {
      return b.value();
    }
    throw invalid(path(ctx, key), v, "a boolean");
  }

  /** An i64 member (integral number text), or null when unset. */
  static Long i64(JsonObject o, String key, String ctx) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    Optional<Long> l = LinguaJson.i64(v);
    if (l.isPresent()) {
      return l.get();
    }
    throw invalid(path(ctx, key), v, "i64");
  }

  /** An f64 member, or null when unset. */
  static Double f64(JsonObject o, String key, String ctx) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    throw invalid(path(ctx, key), v, "f64");
  }

  /** An element of an array that must be an object. */
  static JsonObject element(JsonValue v, String field) {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw invalid(field, v, "an object");
  }

  /** An object's members restricted to {@code keys} (lingua's typed structs drop unknown members). */
  static JsonObject known(JsonObject o, String... keys) {
    boolean extra = false;
    for (String k : o.keys()) {
      if (!contains(keys, k)) {
        extra = true;
        break;
      }
    }
    boolean hasNull = false;
    for (JsonValue v : o.members().values()) {
      if (v.isNull()) {
        hasNull = true;
        break;
      }
    }
    if (!extra && !hasNull) {
      return o;
    }
    JsonObject.Builder b = JsonObject.builder();
    for (String k : keys) {
      JsonValue v = o.getOrNull(k);
      if (v != null && !v.isNull()) {
        b.put(k, v);
      }
    }
    return b.build();
  }

  static boolean contains(String[] keys, String key) {
    for (String k : keys) {
      if (k.equals(key)) {
        return true;
      }
    }
    return false;
  }
}
