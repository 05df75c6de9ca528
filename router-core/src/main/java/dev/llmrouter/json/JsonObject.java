package dev.llmrouter.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable JSON object with members in insertion order. Typed getters return empty when a member is
 * absent or of another type; {@link #with}/{@link #without} return modified copies; build larger
 * objects with {@link #builder()}.
 */
public final class JsonObject implements JsonValue {
  private static final JsonObject EMPTY = new JsonObject(Collections.emptyMap());

  private final Map<String, JsonValue> members;

  private JsonObject(Map<String, JsonValue> members) {
    this.members = members;
  }

  /** The empty object. */
  public static JsonObject empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** An object of one member. */
  public static JsonObject of(String key, JsonValue value) {
    return builder().put(key, value).build();
  }

  /** A builder holding a copy of these members. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(members));
  }

  /** The members, read-only, in order. */
  public Map<String, JsonValue> members() {
    return Collections.unmodifiableMap(members);
  }

  public Set<String> keys() {
    return Collections.unmodifiableSet(members.keySet());
  }

  public int size() {
    return members.size();
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  public boolean has(String key) {
    return members.containsKey(key);
  }

  /** The member's value ({@link JsonNull} for an explicit null), empty when absent. */
  public Optional<JsonValue> get(String key) {
    return Optional.ofNullable(members.get(key));
  }

  /** The member's value, or null when absent (for hot paths; prefer {@link #get}). */
  public JsonValue getOrNull(String key) {
    return members.get(key);
  }

  /** The member when it is present and not JSON null. */
  public Optional<JsonValue> getNonNull(String key) {
    JsonValue v = members.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  public Optional<String> getString(String key) {
    JsonValue v = members.get(key);
    return v instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  public Optional<JsonObject> getObject(String key) {
    JsonValue v = members.get(key);
    return v instanceof JsonObject o ? Optional.of(o) : Optional.empty();
  }

  public Optional<JsonArray> getArray(String key) {
    JsonValue v = members.get(key);
    return v instanceof JsonArray a ? Optional.of(a) : Optional.empty();
  }

  public Optional<JsonNumber> getNumber(String key) {
    JsonValue v = members.get(key);
    return v instanceof JsonNumber n ? Optional.of(n) : Optional.empty();
  }

  public Optional<BigDecimal> getDecimal(String key) {
    return getNumber(key).map(JsonNumber::decimalValue);
  }

  /** The member as a long when it is an integral number that fits. */
  public Optional<Long> getLong(String key) {
    JsonValue v = members.get(key);
    if (v instanceof JsonNumber n) {
      var l = n.longValue();
      return l.isPresent() ? Optional.of(l.getAsLong()) : Optional.empty();
    }
    return Optional.empty();
  }

  public Optional<Boolean> getBoolean(String key) {
    JsonValue v = members.get(key);
    return v instanceof JsonBoolean b ? Optional.of(b.value()) : Optional.empty();
  }

  /** A copy with {@code key} set to {@code value} (replacing in place, or appended). */
  public JsonObject with(String key, JsonValue value) {
    return toBuilder().put(key, value).build();
  }

  /** A copy without the given keys; this object itself when none is present. */
  public JsonObject without(String... keys) {
    boolean any = false;
    for (String k : keys) {
      any |= members.containsKey(k);
    }
    if (!any) {
      return this;
    }
    Builder b = toBuilder();
    for (String k : keys) {
      b.remove(k);
    }
    return b.build();
  }

  @Override
  public String kind() {
    return "an object";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject other && members.equals(other.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** Builds a {@link JsonObject}; not thread-safe. Reusable: edits after {@link #build()} copy first. */
  public static final class Builder {
    private LinkedHashMap<String, JsonValue> members;
    private boolean shared;

    private Builder(LinkedHashMap<String, JsonValue> members) {
      this.members = members;
    }

    private LinkedHashMap<String, JsonValue> writable() {
      if (shared) {
        members = new LinkedHashMap<>(members);
        shared = false;
      }
      return members;
    }

    /** Sets a member; a later put of the same key replaces the value in its original position. */
    public Builder put(String key, JsonValue value) {
      writable().put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, JsonString.of(value));
    }

    public Builder put(String key, long value) {
      return put(key, JsonNumber.of(value));
    }

    public Builder put(String key, boolean value) {
      return put(key, JsonBoolean.of(value));
    }

    public Builder putNull(String key) {
      return put(key, JsonNull.INSTANCE);
    }

    /** Sets the member only when {@code value} is present. */
    public Builder putIfPresent(String key, Optional<? extends JsonValue> value) {
      value.ifPresent(v -> put(key, v));
      return this;
    }

    /** Sets the member only when it is not yet set. */
    public Builder putIfAbsent(String key, JsonValue value) {
      writable().putIfAbsent(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Copies every member of {@code other}, replacing same-named ones. */
    public Builder putAll(JsonObject other) {
      writable().putAll(other.members);
      return this;
    }

    public Builder remove(String key) {
      writable().remove(key);
      return this;
    }

    public Optional<JsonValue> get(String key) {
      return Optional.ofNullable(members.get(key));
    }

    public boolean has(String key) {
      return members.containsKey(key);
    }

    public boolean isEmpty() {
      return members.isEmpty();
    }

    public JsonObject build() {
      if (members.isEmpty()) {
        return EMPTY;
      }
      shared = true;
      return new JsonObject(members);
    }
  }
}
