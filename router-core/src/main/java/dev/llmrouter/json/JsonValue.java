package dev.llmrouter.json;

import java.util.Optional;

/**
 * An immutable JSON value: the tree the translation layer works on. Built by {@link JsonTree#parse} in one
 * streaming pass and written back by {@link JsonTree#write}; numbers keep their exact source text.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** This value as an object, if it is one. */
  default Optional<JsonObject> asObject() {
    return this instanceof JsonObject o ? Optional.of(o) : Optional.empty();
  }

  /** This value as an array, if it is one. */
  default Optional<JsonArray> asArray() {
    return this instanceof JsonArray a ? Optional.of(a) : Optional.empty();
  }

  /** This value's text, if it is a string. */
  default Optional<String> asString() {
    return this instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  /** This value, if it is a number. */
  default Optional<JsonNumber> asNumber() {
    return this instanceof JsonNumber n ? Optional.of(n) : Optional.empty();
  }

  /** This value, if it is {@code true} or {@code false}. */
  default Optional<Boolean> asBoolean() {
    return this instanceof JsonBoolean b ? Optional.of(b.value()) : Optional.empty();
  }

  /** Whether this is JSON {@code null}. */
  default boolean isNull() {
    return this == JsonNull.INSTANCE;
  }

  /** A short name of the kind of value, for error messages ("an object", "a string", ...). */
  String kind();

  /** Compact JSON text. */
  default String toJson() {
    return JsonTree.writeString(this);
  }

  /** A JSON string. */
  static JsonString of(String value) {
    return JsonString.of(value);
  }

  /** A JSON boolean. */
  static JsonBoolean of(boolean value) {
    return JsonBoolean.of(value);
  }

  /** A JSON number. */
  static JsonNumber of(long value) {
    return JsonNumber.of(value);
  }

  /** JSON null. */
  static JsonNull nullValue() {
    return JsonNull.INSTANCE;
  }
}
