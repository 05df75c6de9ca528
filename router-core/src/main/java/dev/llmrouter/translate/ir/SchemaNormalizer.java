package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema rewrites for structured output (lingua's {@code normalize_response_schema_for_strict_target}
 * and Google's {@code denormalize_json_schema_types}).
 */
public final class SchemaNormalizer {
  private SchemaNormalizer() {}

  /**
   * Rewrites a response schema for a strict target, recursing through {@code properties}, {@code items},
   * {@code anyOf}, {@code oneOf}, {@code allOf} and {@code prefixItems}:
   *
   * <ul>
   *   <li>object schemas without {@code additionalProperties} get {@code additionalProperties: false}; an
   *       explicit {@code true} or a non-boolean value is an error;
   *   <li>{@code propertyOrdering} is removed from object schemas unless the target is Google;
   *   <li>for Chat/Responses with {@code requireOpenAIStrictRequired}, {@code required} is widened to list
   *       every property (existing entries first, then the missing names sorted);
   *   <li>for Anthropic, array schemas lose {@code prefixItems}, {@code minItems}, {@code maxItems} and
   *       numeric schemas lose {@code minimum}, {@code maximum}.
   * </ul>
   *
   * @throws TranslationException when a node cannot be read as a schema or sets additionalProperties
   */
  public static JsonValue normalizeForStrictTarget(
      JsonValue schema, ProviderFormat target, boolean requireOpenAIStrictRequired) {
    return normalizeNode(schema, target, requireOpenAIStrictRequired);
  }

  private static TranslationException invalid(ProviderFormat target, String reason) {
    return new TranslationException(
        "Invalid response schema for " + target + ": " + reason + " (field response_format)");
  }

  private static TranslationException unreadable(ProviderFormat target, String detail) {
    return invalid(target, "response schema could not be deserialized for normalization: " + detail);
  }

  /** A node's {@code type}: absent, a string, or a list of strings. */
  private static List<String> readTypes(JsonObject node, ProviderFormat target) {
    JsonValue t = node.getOrNull("type");
    if (t == null || t.isNull()) {
      return List.of();
    }
    if (t instanceof JsonString s) {
      return List.of(s.value());
    }
    if (t instanceof JsonArray a) {
      List<String> out = new ArrayList<>();
      for (JsonValue e : a) {
        if (!(e instanceof JsonString s)) {
          throw unreadable(target, "`type` must be a string or an array of strings");
        }
        out.add(s.value());
      }
      return out;
    }
    throw unreadable(target, "`type` must be a string or an array of strings");
  }

  private static List<String> readStringList(
      JsonObject node, String key, ProviderFormat target) {
    JsonValue v = node.getOrNull(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      throw unreadable(target, "`" + key + "` must be an array of strings, got " + v.kind());
    }
    List<String> out = new ArrayList<>();
    for (JsonValue e : a) {
      if (!(e instanceof JsonString s)) {
        throw unreadable(target, "`" + key + "` must be an array of strings");
      }
      out.add(s.value());
    }
    return out;
  }

  private static JsonValue normalizeNode(JsonValue value, ProviderFormat target, boolean requireAll) {
    if (!(value instanceof JsonObject node)) {
      checkNonObjectNode(value, target);
      return value;
    }
    List<String> types = readTypes(node, target);
    readStringList(node, "propertyOrdering", target);
    List<String> required = readStringList(node, "required", target);
    JsonValue propsValue = node.getOrNull("properties");
    JsonObject properties = null;
    if (propsValue != null && !propsValue.isNull()) {
      if (!(propsValue instanceof JsonObject p)) {
        throw unreadable(target, "`properties` must be an object, got " + propsValue.kind());
      }
      properties = p;
    }
    JsonValue additional = node.getOrNull("additionalProperties");

    // Copy on write: the node itself comes back when nothing in it changes.
    JsonObject.Builder b = null;
    if (target == ProviderFormat.ANTHROPIC) {
      if (types.contains("array")) {
        b = remove(b, node, "prefixItems");
        b = remove(b, node, "minItems");
        b = remove(b, node, "maxItems");
      }
      if (types.contains("integer") || types.contains("number")) {
        b = remove(b, node, "minimum");
        b = remove(b, node, "maximum");
      }
    }
    if (types.contains("object")) {
      if (target != ProviderFormat.GOOGLE) {
        b = remove(b, node, "propertyOrdering");
      }
      if (additional == null || additional.isNull()) {
        b = put(b, node, "additionalProperties", JsonBoolean.FALSE);
      } else if (additional instanceof JsonBoolean flag) {
        if (flag.value()) {
          throw invalid(target, "object schema explicitly sets 'additionalProperties: true'");
        }
      } else {
        throw invalid(target, "object schema uses unsupported non-boolean 'additionalProperties'");
      }
      if (requireAll
          && (target == ProviderFormat.OPENAI || target == ProviderFormat.RESPONSES)
          && properties != null) {
        List<String> widened = new ArrayList<>(required == null ? List.of() : required);
        List<String> names = new ArrayList<>(properties.keys());
        names.sort(LinguaJson::compareKeys);
        for (String n : names) {
          if (!widened.contains(n)) {
            widened.add(n);
          }
        }
        JsonArray widenedArray = JsonArray.ofStrings(widened);
        if (!widenedArray.equals(node.getOrNull("required"))) {
          b = put(b, node, "required", widenedArray);
        }
      }
    }

    // Recurse into the (possibly stripped) node.
    JsonValue props = node.getOrNull("properties");
    if (props instanceof JsonObject p) {
      JsonObject.Builder pb = null;
      for (int i = 0, n = p.size(); i < n; i++) {
        JsonValue child = p.valueAt(i);
        JsonValue normalized = normalizeNode(child, target, requireAll);
        if (normalized != child) {
          if (pb == null) {
            pb = p.toBuilder();
          }
          pb.put(p.keyAt(i), normalized);
        }
      }
      if (pb != null) {
        b = put(b, node, "properties", pb.build());
      }
    }
    JsonValue items = node.getOrNull("items");
    if (items != null) {
      b = put(b, node, "items", normalizeNode(items, target, requireAll));
    }
    for (String key : SCHEMA_ARRAYS) {
      JsonValue v = b == null ? node.getOrNull(key) : b.get(key).orElse(null);
      if (v instanceof JsonArray a) {
        JsonArray mapped = mapArray(a, target, requireAll);
        if (mapped != a) {
          b = put(b, node, key, mapped);
        }
      }
    }
    return b == null ? node : b.build();
  }

  private static final String[] SCHEMA_ARRAYS = {"anyOf", "oneOf", "allOf", "prefixItems"};

  /** The array with every element normalized; the array itself when no element changes. */
  private static JsonArray mapArray(JsonArray a, ProviderFormat target, boolean requireAll) {
    JsonValue[] out = null;
    for (int i = 0, n = a.size(); i < n; i++) {
      JsonValue e = a.get(i);
      JsonValue normalized = normalizeNode(e, target, requireAll);
      if (normalized != e && out == null) {
        out = a.values().toArray(new JsonValue[0]);
      }
      if (out != null) {
        out[i] = normalized;
      }
    }
    return out == null ? a : JsonArray.of(out);
  }

  /** {@code b} (created from {@code node} if needed) without {@code key}, when the key is present. */
  private static JsonObject.Builder remove(JsonObject.Builder b, JsonObject node, String key) {
    if (b == null) {
      if (!node.has(key)) {
        return null;
      }
      b = node.toBuilder();
    }
    return b.remove(key);
  }

  /** {@code b} (created from {@code node} if needed) with {@code key} set, unless it already holds it. */
  private static JsonObject.Builder put(
      JsonObject.Builder b, JsonObject node, String key, JsonValue value) {
    if (b == null) {
      if (node.getOrNull(key) == value) {
        return null;
      }
      b = node.toBuilder();
    }
    return b.put(key, value);
  }

  /**
   * Lingua reads every visited node as a struct: booleans, numbers, strings and null are refused; an array
   * is read positionally, so only an empty array or one starting with a string type passes.
   */
  private static void checkNonObjectNode(JsonValue value, ProviderFormat target) {
    if (value instanceof JsonArray a) {
      if (a.isEmpty() || a.get(0) instanceof JsonString || a.get(0).isNull()) {
        return;
      }
      if (a.get(0) instanceof JsonArray first) {
        boolean allStrings = true;
        for (JsonValue e : first) {
          allStrings &= e instanceof JsonString;
        }
        if (allStrings) {
          return;
        }
      }
      throw unreadable(target, "invalid schema node: an array");
    }
    throw unreadable(target, "invalid type: " + value.kind() + ", expected a schema object");
  }

  /**
   * Google's typed-schema artifacts back to JSON Schema (lingua's {@code denormalize_json_schema_types}):
   * upper-case {@code type} names become lower-case (STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT,
   * NULL), null-valued members are removed, recursing through {@code properties}, {@code items},
   * {@code allOf}/{@code anyOf}/{@code oneOf} and arrays.
   */
  public static JsonValue denormalizeGoogleTypes(JsonValue schema) {
    if (schema instanceof JsonArray a) {
      JsonArray.Builder ab = JsonArray.builder();
      for (JsonValue e : a) {
        ab.add(denormalizeGoogleTypes(e));
      }
      return ab.build();
    }
    if (!(schema instanceof JsonObject o)) {
      return schema;
    }
    JsonObject.Builder b = o.toBuilder();
    if (o.getOrNull("type") instanceof JsonString t) {
      b.put("type", JsonString.of(lowerType(t.value())));
    }
    if (o.getOrNull("properties") instanceof JsonObject props) {
      JsonObject.Builder pb = JsonObject.builder();
      for (Map.Entry<String, JsonValue> e : props.members().entrySet()) {
        pb.put(e.getKey(), denormalizeGoogleTypes(e.getValue()));
      }
      b.put("properties", pb.build());
    }
    JsonValue items = o.getOrNull("items");
    if (items != null) {
      b.put("items", denormalizeGoogleTypes(items));
    }
    for (String key : new String[] {"allOf", "anyOf", "oneOf"}) {
      if (o.getOrNull(key) instanceof JsonArray arr) {
        JsonArray.Builder ab = JsonArray.builder();
        for (JsonValue e : arr) {
          ab.add(denormalizeGoogleTypes(e));
        }
        b.put(key, ab.build());
      }
    }
    JsonObject built = b.build();
    JsonObject.Builder out = JsonObject.builder();
    for (Map.Entry<String, JsonValue> e : built.members().entrySet()) {
      if (e.getValue() != JsonNull.INSTANCE) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out.build();
  }

  private static String lowerType(String t) {
    switch (t) {
      case "STRING":
        return "string";
      case "NUMBER":
        return "number";
      case "INTEGER":
        return "integer";
      case "BOOLEAN":
        return "boolean";
      case "ARRAY":
        return "array";
      case "OBJECT":
        return "object";
      case "NULL":
        return "null";
      default:
        return t;
    }
  }
}
