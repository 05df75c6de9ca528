package dev.llmrouter.translate.google;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.LinguaJson;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gemini's typed OpenAPI-subset {@code Schema} (function {@code parameters}, {@code responseSchema}) and
 * the JSON Schema rewrites of lingua's google/convert.rs.
 *
 * <p>lingua reads a typed schema through its generated struct, which keeps only the known keywords,
 * accepts lower-case type names, and holds the int64 keywords ({@code minLength}, {@code maxItems}, ...) as
 * strings. {@link #typed} reproduces that normalized form; {@link #toJsonSchema} then gives the
 * function-parameter form (lower-case types, int64 keywords as numbers).
 */
final class GoogleSchemas {
  private GoogleSchemas() {}

  /** A JSON path built only when an error message needs it. */
  private record Path(Object parent, String separator, String segment) {
    @Override
    public String toString() {
      return parent + separator + segment;
    }
  }

  private static final String[] INT64_KEYWORDS = {
    "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"
  };

  /** The keywords of Gemini's typed Schema. */
  private static final String[] KNOWN_KEYWORDS = {
    "anyOf", "default", "description", "enum", "example", "format", "items", "maximum", "maxItems",
    "maxLength", "maxProperties", "minimum", "minItems", "minLength", "minProperties", "nullable",
    "pattern", "properties", "propertyOrdering", "required", "title", "type"
  };

  /**
   * The schema as lingua's typed {@code Schema} serializes it (without the null members): unknown keywords
   * dropped, {@code type} upper-case, int64 keywords as strings.
   *
   * @throws TranslationException when a keyword has the wrong type or an unknown type name
   */
  static JsonObject typed(JsonValue schema, String field) {
    return typed(schema, field, false);
  }

  /**
   * A typed schema as JSON Schema in one pass: {@link #toJsonSchema} of {@link #typed} (lingua reads a
   * function's {@code parameters} through the typed struct, then normalizes it).
   *
   * @throws TranslationException when a keyword has the wrong type or an unknown type name
   */
  static JsonObject typedJsonSchema(JsonValue schema, String field) {
    return typed(schema, field, true);
  }

  private static JsonObject typed(JsonValue schema, Object field, boolean jsonSchema) {
    if (!(schema instanceof JsonObject o)) {
      throw GoogleJson.invalid(field.toString(), schema, "struct Schema");
    }
    JsonObject.Builder b = JsonObject.builder();
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      String key = e.getKey();
      JsonValue v = e.getValue();
      if (v.isNull() || !GoogleJson.contains(KNOWN_KEYWORDS, key)) {
        continue;
      }
      switch (key) {
        case "anyOf":
          b.put(key, typedList(v, new Path(field, ".", "anyOf"), jsonSchema));
          break;
        case "items":
          b.put(key, typed(v, new Path(field, ".", "items"), jsonSchema));
          break;
        case "properties":
          {
            if (!(v instanceof JsonObject props)) {
              throw GoogleJson.invalid(field + ".properties", v, "a map");
            }
            JsonObject.Builder pb = JsonObject.builder();
            for (Map.Entry<String, JsonValue> p : props.members().entrySet()) {
              pb.put(
                  p.getKey(), typed(p.getValue(), new Path(field, ".properties.", p.getKey()), jsonSchema));
            }
            b.put(key, pb.build());
            break;
          }
        case "type":
          {
            String name = typeName(v, field);
            b.put(key, JsonString.of(jsonSchema ? name.toLowerCase(Locale.ROOT) : name));
            break;
          }
        case "maximum":
        case "minimum":
          if (!(v instanceof JsonNumber)) {
            throw GoogleJson.invalid(field + "." + key, v, "f64");
          }
          b.put(key, v);
          break;
        case "nullable":
          if (v.asBoolean().isEmpty()) {
            throw GoogleJson.invalid(field + "." + key, v, "a boolean");
          }
          b.put(key, v);
          break;
        case "description":
        case "format":
        case "pattern":
        case "title":
          if (!(v instanceof JsonString)) {
            throw GoogleJson.invalid(field + "." + key, v, "a string");
          }
          b.put(key, v);
          break;
        case "enum":
        case "propertyOrdering":
        case "required":
          b.put(key, stringList(v, field, key));
          break;
        case "default":
        case "example":
          b.put(key, jsonSchema ? toJsonSchema(v) : v);
          break;
        default:
          // int64 keywords: a string, or an integer held as its string (a number again in JSON Schema
          // form when the string holds an integer).
          if (v instanceof JsonString s) {
            b.put(key, jsonSchema ? int64Number(s) : s);
          } else {
            Optional<Long> n = LinguaJson.i64(v);
            if (n.isEmpty()) {
              throw GoogleJson.invalid(field + "." + key, v, "an i64 or a string");
            }
            b.put(key, jsonSchema ? JsonNumber.of(n.get()) : JsonString.of(Long.toString(n.get())));
          }
          break;
      }
    }
    return b.build();
  }

  private static JsonArray typedList(JsonValue v, Path field, boolean jsonSchema) {
    if (!(v instanceof JsonArray a)) {
      throw GoogleJson.invalid(field.toString(), v, "a sequence");
    }
    Path element = new Path(field, "", "[]");
    JsonArray.Builder out = JsonArray.builder();
    for (JsonValue e : a) {
      out.add(typed(e, element, jsonSchema));
    }
    return out.build();
  }

  private static JsonArray stringList(JsonValue v, Object parent, String key) {
    if (!(v instanceof JsonArray a)) {
      throw GoogleJson.invalid(parent + "." + key, v, "a sequence");
    }
    for (JsonValue e : a) {
      if (!(e instanceof JsonString)) {
        throw GoogleJson.invalid(parent + "." + key + "[]", e, "a string");
      }
    }
    return a;
  }

  private static String typeName(JsonValue v, Object parent) {
    if (v instanceof JsonString s) {
      switch (s.value()) {
        case "ARRAY":
        case "array":
          return "ARRAY";
        case "BOOLEAN":
        case "boolean":
          return "BOOLEAN";
        case "INTEGER":
        case "integer":
          return "INTEGER";
        case "NULL":
        case "null":
          return "NULL";
        case "NUMBER":
        case "number":
          return "NUMBER";
        case "OBJECT":
        case "object":
          return "OBJECT";
        case "STRING":
        case "string":
          return "STRING";
        case "TYPE_UNSPECIFIED":
          return "TYPE_UNSPECIFIED";
        default:
          throw new TranslationException(
              "Google: unknown variant `" + s.value() + "` (field " + parent + ".type)");
      }
    }
    throw GoogleJson.invalid(parent + ".type", v, "a string");
  }

  /**
   * A typed schema (see {@link #typed}) as JSON Schema (lingua's normalize_google_schema_types): every
   * {@code type} string lower-cased and int64 keywords that hold an integer string turned into numbers,
   * recursively.
   */
  static JsonValue toJsonSchema(JsonValue value) {
    if (value instanceof JsonArray a) {
      JsonArray.Builder out = JsonArray.builder();
      for (JsonValue e : a) {
        out.add(toJsonSchema(e));
      }
      return out.build();
    }
    if (!(value instanceof JsonObject o)) {
      return value;
    }
    JsonObject.Builder b = JsonObject.builder();
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      String key = e.getKey();
      JsonValue v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      if (key.equals("type") && v instanceof JsonString s) {
        v = JsonString.of(s.value().toLowerCase(Locale.ROOT));
      } else if (GoogleJson.contains(INT64_KEYWORDS, key) && v instanceof JsonString s) {
        v = int64Number(s);
      }
      b.put(key, toJsonSchema(v));
    }
    return b.build();
  }

  /** An int64 keyword's string as a number when it holds an i64; else the string, as lingua keeps it. */
  private static JsonValue int64Number(JsonString s) {
    try {
      return JsonNumber.of(Long.parseLong(s.value()));
    } catch (NumberFormatException notAnInteger) {
      return s;
    }
  }

  /**
   * Removes every {@code exclusiveMinimum} member, recursively (Gemini's Schema proto rejects it). Returns
   * the same value when there is none.
   */
  static JsonValue stripExclusiveMinimum(JsonValue value) {
    if (!containsExclusiveMinimum(value)) {
      return value;
    }
    if (value instanceof JsonArray a) {
      JsonArray.Builder out = JsonArray.builder();
      for (JsonValue e : a) {
        out.add(stripExclusiveMinimum(e));
      }
      return out.build();
    }
    JsonObject o = (JsonObject) value;
    JsonObject.Builder b = JsonObject.builder();
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      if (!e.getKey().equals("exclusiveMinimum")) {
        b.put(e.getKey(), stripExclusiveMinimum(e.getValue()));
      }
    }
    return b.build();
  }

  private static boolean containsExclusiveMinimum(JsonValue value) {
    if (value instanceof JsonObject o) {
      if (o.has("exclusiveMinimum")) {
        return true;
      }
      for (JsonValue v : o.members().values()) {
        if (containsExclusiveMinimum(v)) {
          return true;
        }
      }
    } else if (value instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (containsExclusiveMinimum(v)) {
          return true;
        }
      }
    }
    return false;
  }
}
