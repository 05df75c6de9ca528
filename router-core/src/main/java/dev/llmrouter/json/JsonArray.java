package dev.llmrouter.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** An immutable JSON array. */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {
  private static final JsonArray EMPTY = new JsonArray(List.of());

  private final List<JsonValue> values;

  private JsonArray(List<JsonValue> values) {
    this.values = values;
  }

  public static JsonArray empty() {
    return EMPTY;
  }

  public static JsonArray of(JsonValue... values) {
    return values.length == 0 ? EMPTY : new JsonArray(List.of(values));
  }

  /** An array of these values (copied). */
  public static JsonArray of(List<? extends JsonValue> values) {
    return values.isEmpty() ? EMPTY : new JsonArray(List.copyOf(values));
  }

  /** An array of strings. */
  public static JsonArray ofStrings(List<String> strings) {
    Builder b = builder();
    for (String s : strings) {
      b.add(JsonString.of(s));
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<JsonValue> values() {
    return values;
  }

  public int size() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public JsonValue get(int index) {
    return values.get(index);
  }

  public Stream<JsonValue> stream() {
    return values.stream();
  }

  @Override
  public Iterator<JsonValue> iterator() {
    return values.iterator();
  }

  @Override
  public String kind() {
    return "an array";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonArray other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** Builds a {@link JsonArray}; not thread-safe. Reusable: edits after {@link #build()} copy first. */
  public static final class Builder {
    private ArrayList<JsonValue> values = new ArrayList<>();
    private boolean shared;

    private Builder() {}

    public Builder add(JsonValue value) {
      if (shared) {
        values = new ArrayList<>(values);
        shared = false;
      }
      values.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder add(String value) {
      return add(JsonString.of(value));
    }

    public Builder addAll(Iterable<? extends JsonValue> more) {
      for (JsonValue v : more) {
        add(v);
      }
      return this;
    }

    public int size() {
      return values.size();
    }

    public boolean isEmpty() {
      return values.isEmpty();
    }

    public JsonArray build() {
      if (values.isEmpty()) {
        return EMPTY;
      }
      shared = true;
      return new JsonArray(Collections.unmodifiableList(values));
    }
  }
}
