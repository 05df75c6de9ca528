package dev.llmrouter.translate.responses;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.LinguaJson;

/**
 * Typed member reads with serde's rules (JSON null and absence both mean "not set"); a member of the wrong
 * type is a {@link TranslationException} naming the field, as lingua's typed deserialization fails.
 */
final class Fields {
  private Fields() {}

  /** The member, or null when absent or JSON null. */
  static JsonValue value(JsonObject o, String key) {
    JsonValue v = o.getOrNull(key);
    return v == null || v.isNull() ? null : v;
  }

  static String string(JsonObject o, String key, Object field) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw invalidType(field, v, "a string");
  }

  static Boolean bool(JsonObject o, String key, Object field) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonBoolean b) {
      return b.value();
    }
    throw invalidType(field, v, "a boolean");
  }

  static Double f64(JsonObject o, String key, Object field) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    throw invalidType(field, v, "f64");
  }

  static Long i64(JsonObject o, String key, Object field) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    return LinguaJson.i64(v).orElseThrow(() -> invalidType(field, v, "i64"));
  }

  static JsonObject object(JsonObject o, String key, Object field) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonObject obj) {
      return obj;
    }
    throw invalidType(field, v, "an object");
  }

  static JsonArray array(JsonObject o, String key, Object field) {
    JsonValue v = value(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    throw invalidType(field, v, "an array");
  }

  /** A string member that must be one of {@code allowed} (an enum of the OpenAI schema). */
  static String oneOf(JsonObject o, String key, Object field, String... allowed) {
    String s = string(o, key, field);
    if (s == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    throw new TranslationException(
        "unknown variant `" + s + "`, expected one of " + String.join(", ", allowed) + " (field " + field + ")");
  }

  static TranslationException invalidType(Object field, JsonValue v, String expected) {
    return new TranslationException(
        "invalid type: " + v.kind() + ", expected " + expected + " (field " + field + ")");
  }

  static TranslationException missing(Object field) {
    return new TranslationException("Missing required field: " + field);
  }
}
