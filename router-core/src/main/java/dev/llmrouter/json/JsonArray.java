package dev.llmrouter.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.stream.Stream;

/** An immutable JSON array. */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {
  private static final JsonValue[] NONE = {};
  private static final JsonArray EMPTY = new JsonArray(NONE, 0);

  /** The elements; only the first {@code values.size()} are elements (a builder may share a longer array). */
  private final Values values;

  private JsonArray(JsonValue[] elements, int size) {
    this.values = new Values(elements, size);
  }

  public static JsonArray empty() {
    return EMPTY;
  }

  public static JsonArray of(JsonValue... values) {
    if (values.length == 0) {
      return EMPTY;
    }
    JsonValue[] copy = values.clone();
    for (JsonValue v : copy) {
      Objects.requireNonNull(v, "value");
    }
    return new JsonArray(copy, copy.length);
  }

  /** An array of these values (copied). */
  public static JsonArray of(List<? extends JsonValue> values) {
    if (values.isEmpty()) {
      return EMPTY;
    }
    if (values instanceof Values v) {
      // Another array's elements: already immutable.
      return new JsonArray(v.elements, v.size);
    }
    JsonValue[] copy = values.toArray(NONE);
    for (JsonValue v : copy) {
      Objects.requireNonNull(v, "value");
    }
    return new JsonArray(copy, copy.length);
  }

  /** An array of the first {@code size} elements of an array nobody else will write (not copied). */
  static JsonArray wrap(JsonValue[] elements, int size) {
    return size == 0 ? EMPTY : new JsonArray(elements, size);
  }

  /** An array of strings. */
  public static JsonArray ofStrings(List<String> strings) {
    if (strings.isEmpty()) {
      return EMPTY;
    }
    JsonValue[] out = new JsonValue[strings.size()];
    int i = 0;
    for (String s : strings) {
      out[i++] = JsonString.of(s);
    }
    return new JsonArray(out, i);
  }

  public static Builder builder() {
    return new Builder(8);
  }

  /** A builder for about {@code expectedSize} elements. */
  public static Builder builder(int expectedSize) {
    return new Builder(Math.max(expectedSize, 1));
  }

  /** The elements, read-only, in order. */
  public List<JsonValue> values() {
    return values;
  }

  public int size() {
    return values.size;
  }

  public boolean isEmpty() {
    return values.size == 0;
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

  /** An unmodifiable list over the first {@code size} slots of an array. */
  private static final class Values extends AbstractList<JsonValue> implements RandomAccess {
    final JsonValue[] elements;
    final int size;

    Values(JsonValue[] elements, int size) {
      this.elements = elements;
      this.size = size;
    }

    @Override
    public JsonValue get(int index) {
      Objects.checkIndex(index, size);
      return elements[index];
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public Object[] toArray() {
      return Arrays.copyOf(elements, size, Object[].class);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      if (o instanceof Values other) {
        if (other.size != size) {
          return false;
        }
        for (int i = 0; i < size; i++) {
          if (!elements[i].equals(other.elements[i])) {
            return false;
          }
        }
        return true;
      }
      return super.equals(o);
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (int i = 0; i < size; i++) {
        h = 31 * h + elements[i].hashCode();
      }
      return h;
    }
  }

  /** Builds a {@link JsonArray}; not thread-safe. Reusable: edits after {@link #build()} copy first. */
  public static final class Builder {
    private JsonValue[] values;
    private int size;
    private boolean shared;

    private Builder(int capacity) {
      values = capacity == 0 ? NONE : new JsonValue[capacity];
    }

    public Builder add(JsonValue value) {
      Objects.requireNonNull(value, "value");
      if (shared || size == values.length) {
        values = Arrays.copyOf(values, size == values.length ? Math.max(4, size * 2) : values.length);
        shared = false;
      }
      values[size++] = value;
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
      return size;
    }

    public boolean isEmpty() {
      return size == 0;
    }

    public JsonArray build() {
      if (size == 0) {
        return EMPTY;
      }
      shared = true;
      return new JsonArray(values, size);
    }
  }
}
