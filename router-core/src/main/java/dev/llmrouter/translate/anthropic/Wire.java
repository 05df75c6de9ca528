package dev.llmrouter.translate.anthropic;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.LinguaJson;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of Anthropic wire JSON with serde's rules, as lingua's generated types apply them: an
 * optional member may be absent or {@code null}; a present member of the wrong type, or a required member
 * that is missing, is an error naming the field.
 */
final class Wire {
  private Wire() {}

  static TranslationException invalid(String path, JsonValue value, String expected) {
    return new TranslationException(
        "invalid type: " + value.kind() + ", expected " + expected + " (field " + path + ")");
  }

  static TranslationException missing(String path) {
    return new TranslationException("missing field `" + leaf(path) + "` (field " + path + ")");
  }

  static TranslationException unknownVariant(String path, String value, String expected) {
    return new TranslationException(
        "unknown variant `" + value + "`, expected " + expected + " (field " + path + ")");
  }

  private static String leaf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /** The member, or null when absent or JSON null. */
  static JsonValue opt(JsonObject o, String key) {
    JsonValue v = o.getOrNull(key);
    return v == null || v.isNull() ? null : v;
  }

  static JsonObject object(JsonValue v, String path) {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw invalid(path, v, "a map");
  }

  static JsonArray array(JsonValue v, String path) {
    if (v instanceof JsonArray a) {
      return a;
    }
    throw invalid(path, v, "a sequence");
  }

  /** An optional string member; null when absent or null. */
  static String optString(JsonObject o, String key, String path) {
    JsonValue v = opt(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw invalid(path + "." + key, v, "a string");
  }

  /** A required string member. */
  static String requireString(JsonObject o, String key, String path) {
    JsonValue v = o.getOrNull(key);
    if (v == null) {
      throw missing(path + "." + key);
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    throw invalid(path + "." + key, v, "a string");
  }

  /** An optional boolean member. */
  static Boolean optBool(JsonObject o, String key, String path) {
    JsonValue v = opt(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonBoolean b) {
      return b.value();
    }
    throw invalid(path + "." + key, v, "a boolean");
  }

  /** An optional i64 member (integral number text only, as serde reads i64). */
  static Long optI64(JsonObject o, String key, String path) {
    JsonValue v = opt(o, key);
    if (v == null) {
      return null;
    }
    return LinguaJson.i64(v).orElseThrow(() -> invalid(path + "." + key, v, "i64"));
  }

  /** An optional f64 member (any number). */
  static Double optF64(JsonObject o, String key, String path) {
    JsonValue v = opt(o, key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    throw invalid(path + "." + key, v, "f64");
  }

  /** An optional object member. */
  static JsonObject optObject(JsonObject o, String key, String path) {
    JsonValue v = opt(o, key);
    return v == null ? null : object(v, path + "." + key);
  }

  /** An optional array member. */
  static JsonArray optArray(JsonObject o, String key, String path) {
    JsonValue v = opt(o, key);
    return v == null ? null : array(v, path + "." + key);
  }

  /** An optional string member restricted to {@code variants}. */
  static String optEnum(JsonObject o, String key, Set<String> variants, String path) {
    String s = optString(o, key, path);
    if (s != null && !variants.contains(s)) {
      throw unknownVariant(path + "." + key, s, describe(variants));
    }
    return s;
  }

  /** A required string member restricted to {@code variants}. */
  static String requireEnum(JsonObject o, String key, Set<String> variants, String path) {
    String s = requireString(o, key, path);
    if (!variants.contains(s)) {
      throw unknownVariant(path + "." + key, s, describe(variants));
    }
    return s;
  }

  /** An optional array of strings. */
  static void optStringArray(JsonObject o, String key, String path) {
    JsonArray a = optArray(o, key, path);
    if (a == null) {
      return;
    }
    int i = 0;
    for (JsonValue v : a) {
      if (!(v instanceof JsonString)) {
        throw invalid(path + "." + key + "[" + i + "]", v, "a string");
      }
      i++;
    }
  }

  static String describe(Set<String> variants) {
    StringBuilder sb = new StringBuilder("one of ");
    boolean first = true;
    for (String v : variants) {
      if (!first) {
        sb.append(", ");
      }
      sb.append('`').append(v).append('`');
      first = false;
    }
    return sb.toString();
  }

  /**
   * A copy of {@code o} with only the {@code allowed} members that are not null, as a serde struct
   * re-serializes: unknown members and {@code None} options disappear. Returns {@code o} itself when it
   * already has that shape.
   */
  static JsonObject project(JsonObject o, Set<String> allowed) {
    boolean clean = true;
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      if (!allowed.contains(e.getKey()) || e.getValue().isNull()) {
        clean = false;
        break;
      }
    }
    if (clean) {
      return o;
    }
    JsonObject.Builder b = JsonObject.builder();
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      if (allowed.contains(e.getKey()) && !e.getValue().isNull()) {
        b.put(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  /** A copy of {@code o} without null members ({@code o} itself when it has none). */
  static JsonObject withoutNulls(JsonObject o) {
    for (JsonValue v : o.members().values()) {
      if (v.isNull()) {
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
          if (!e.getValue().isNull()) {
            b.put(e.getKey(), e.getValue());
          }
        }
        return b.build();
      }
    }
    return o;
  }

  static JsonString str(String s) {
    return JsonString.of(s);
  }
}
