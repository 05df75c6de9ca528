package dev.llmrouter.json;

import java.math.BigDecimal;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable JSON object with members in insertion order. Typed getters return empty when a member is
 * absent or of another type; {@link #with}/{@link #without} return modified copies; build larger
 * objects with {@link #builder()}.
 *
 * <p>Members are held in two parallel arrays (most objects have a handful of members, where a linear
 * search on cached string hashes beats a hash map and allocates far less); objects with many members get
 * an open-addressing index on first lookup.
 */
public final class JsonObject implements JsonValue {
  private static final String[] NO_KEYS = {};
  private static final JsonValue[] NO_VALUES = {};
  private static final JsonObject EMPTY = new JsonObject(NO_KEYS, NO_VALUES, 0, 0L, null);

  /** Above this many members, lookups go through a hash index instead of a linear search. */
  static final int INDEX_THRESHOLD = 12;

  /** The keys; only the first {@link #size} are members (a builder may share longer arrays). */
  private final String[] keys;

  private final JsonValue[] values;
  private final int size;
  /**
   * One bit per key ({@link #bit}): a lookup whose bit is clear is a miss without looking at the keys,
   * which makes the many lookups of absent optional members nearly free.
   */
  private final long keyBits;
  /** The lookup index of a large object, built on first use. */
  private Index index;
  /** The read-only map view, created on first use. */
  private Members view;

  private JsonObject(String[] keys, JsonValue[] values, int size, long keyBits, Index index) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.keyBits = keyBits;
    this.index = index;
  }

  /** The key's bit in a 64-bit membership mask. */
  static long bit(String key) {
    int h = key.hashCode();
    return 1L << ((h ^ (h >>> 7) ^ (h >>> 15)) & 63);
  }

  /** The empty object. */
  public static JsonObject empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder(8);
  }

  /**
   * An object of the first {@code size} keys and values of arrays nobody else will write; the keys are
   * distinct and {@code keyBits} is their membership mask ({@link #bit}). For readers.
   */
  static JsonObject ofParsed(String[] keys, JsonValue[] values, int size, long keyBits) {
    return size == 0 ? EMPTY : new JsonObject(keys, values, size, keyBits, null);
  }

  /** A builder for about {@code expectedSize} members. */
  public static Builder builder(int expectedSize) {
    return new Builder(Math.max(expectedSize, 1));
  }

  /** An object of one member. */
  public static JsonObject of(String key, JsonValue value) {
    return new JsonObject(
        new String[] {Objects.requireNonNull(key, "key")},
        new JsonValue[] {Objects.requireNonNull(value, "value")},
        1,
        bit(key),
        null);
  }

  /** An object of two members (the second replaces the first when the keys are equal). */
  public static JsonObject of(String k1, JsonValue v1, String k2, JsonValue v2) {
    return builder(2).put(k1, v1).put(k2, v2).build();
  }

  /** A builder holding a copy of these members. */
  public Builder toBuilder() {
    return new Builder(this, 4);
  }

  /** The members, read-only, in order. */
  public Map<String, JsonValue> members() {
    Members m = view;
    if (m == null) {
      m = new Members(this);
      view = m;
    }
    return m;
  }

  public Set<String> keys() {
    return members().keySet();
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The key of the member at {@code i} (0-based, in order). */
  public String keyAt(int i) {
    Objects.checkIndex(i, size);
    return keys[i];
  }

  /** The value of the member at {@code i} (0-based, in order). */
  public JsonValue valueAt(int i) {
    Objects.checkIndex(i, size);
    return values[i];
  }

  /** Calls {@code action} with every member in order (no iterator or entry objects). */
  public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  public boolean has(String key) {
    return indexOf(key) >= 0;
  }

  /** The member's value ({@link JsonNull} for an explicit null), empty when absent. */
  public Optional<JsonValue> get(String key) {
    return Optional.ofNullable(getOrNull(key));
  }

  /** The member's value, or null when absent (for hot paths; prefer {@link #get}). */
  public JsonValue getOrNull(String key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  /** The member when it is present and not JSON null. */
  public Optional<JsonValue> getNonNull(String key) {
    JsonValue v = getOrNull(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  public Optional<String> getString(String key) {
    JsonValue v = getOrNull(key);
    return v instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  /** The member's text when it is a string, else null (for hot paths; prefer {@link #getString}). */
  public String getStringOrNull(String key) {
    JsonValue v = getOrNull(key);
    return v instanceof JsonString s ? s.value() : null;
  }

  public Optional<JsonObject> getObject(String key) {
    JsonValue v = getOrNull(key);
    return v instanceof JsonObject o ? Optional.of(o) : Optional.empty();
  }

  public Optional<JsonArray> getArray(String key) {
    JsonValue v = getOrNull(key);
    return v instanceof JsonArray a ? Optional.of(a) : Optional.empty();
  }

  public Optional<JsonNumber> getNumber(String key) {
    JsonValue v = getOrNull(key);
    return v instanceof JsonNumber n ? Optional.of(n) : Optional.empty();
  }

  public Optional<BigDecimal> getDecimal(String key) {
    return getNumber(key).map(JsonNumber::decimalValue);
  }

  /** The member as a long when it is an integral number that fits. */
  public Optional<Long> getLong(String key) {
    JsonValue v = getOrNull(key);
    if (v instanceof JsonNumber n) {
      var l = n.longValue();
      return l.isPresent() ? Optional.of(l.getAsLong()) : Optional.empty();
    }
    return Optional.empty();
  }

  public Optional<Boolean> getBoolean(String key) {
    JsonValue v = getOrNull(key);
    return v instanceof JsonBoolean b ? Optional.of(b.value()) : Optional.empty();
  }

  /** A copy with {@code key} set to {@code value} (replacing in place, or appended). */
  public JsonObject with(String key, JsonValue value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    int i = indexOf(key);
    if (i >= 0) {
      JsonValue[] vs = Arrays.copyOf(values, size);
      vs[i] = value;
      return new JsonObject(keys, vs, size, keyBits, index);
    }
    String[] ks = Arrays.copyOf(keys, size + 1);
    JsonValue[] vs = Arrays.copyOf(values, size + 1);
    ks[size] = key;
    vs[size] = value;
    return new JsonObject(ks, vs, size + 1, keyBits | bit(key), null);
  }

  /** A copy without the given keys; this object itself when none is present. */
  public JsonObject without(String... keys) {
    boolean any = false;
    for (String k : keys) {
      any |= has(k);
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

  /** Equal members, in any order (as for maps). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JsonObject other) || other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      JsonValue theirs = other.getOrNull(keys[i]);
      if (theirs == null || !theirs.equals(values[i])) {
        return false;
      }
    }
    return true;
  }

  /** The hash of the members as a map ({@link Map#hashCode()}). */
  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < size; i++) {
      h += keys[i].hashCode() ^ values[i].hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return toJson();
  }

  // ---- Lookup --------------------------------------------------------------------------------------

  private int indexOf(Object key) {
    if (!(key instanceof String k) || (keyBits & bit(k)) == 0) {
      return -1;
    }
    if (size > INDEX_THRESHOLD) {
      Index ix = index;
      if (ix == null) {
        ix = new Index(Index.table(keys, size));
        index = ix;
      }
      return Index.find(ix.slots, keys, k);
    }
    return linearFind(keys, size, k);
  }

  /** Linear search comparing cached string hashes first (names from the parser are interned). */
  static int linearFind(String[] keys, int size, String key) {
    int h = key.hashCode();
    for (int i = 0; i < size; i++) {
      String k = keys[i];
      if (k == key || k.hashCode() == h && k.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * An open-addressing table of member positions (position + 1; 0 is empty), sized to at most half full.
   * Immutable once published; the final field makes a racy first publication safe.
   */
  static final class Index {
    final int[] slots;

    Index(int[] slots) {
      this.slots = slots;
    }

    static int[] table(String[] keys, int size) {
      int cap = Integer.highestOneBit(Math.max(size, 4) * 2 - 1) << 1;
      int[] slots = new int[cap];
      for (int i = 0; i < size; i++) {
        insert(slots, keys[i], i);
      }
      return slots;
    }

    static void insert(int[] slots, String key, int position) {
      int mask = slots.length - 1;
      int s = spread(key.hashCode()) & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = position + 1;
    }

    static int find(int[] slots, String[] keys, String key) {
      int mask = slots.length - 1;
      int h = key.hashCode();
      int s = spread(h) & mask;
      int p;
      while ((p = slots[s]) != 0) {
        String k = keys[p - 1];
        if (k == key || k.hashCode() == h && k.equals(key)) {
          return p - 1;
        }
        s = (s + 1) & mask;
      }
      return -1;
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }
  }

  // ---- Read-only map view --------------------------------------------------------------------------

  /** The members as an unmodifiable insertion-ordered map. */
  private static final class Members extends AbstractMap<String, JsonValue> {
    private final JsonObject o;
    private Set<Map.Entry<String, JsonValue>> entries;
    private Set<String> keySet;
    private Collection<JsonValue> valueCollection;

    Members(JsonObject o) {
      this.o = o;
    }

    @Override
    public int size() {
      return o.size;
    }

    @Override
    public boolean isEmpty() {
      return o.size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
      return o.indexOf(key) >= 0;
    }

    @Override
    public JsonValue get(Object key) {
      int i = o.indexOf(key);
      return i < 0 ? null : o.values[i];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonValue> action) {
      o.forEach(action);
    }

    @Override
    public Set<Map.Entry<String, JsonValue>> entrySet() {
      Set<Map.Entry<String, JsonValue>> es = entries;
      if (es == null) {
        es =
            new AbstractSet<>() {
              @Override
              public Iterator<Map.Entry<String, JsonValue>> iterator() {
                return new Cursor<>(o) {
                  @Override
                  Map.Entry<String, JsonValue> at(int i) {
                    return new AbstractMap.SimpleImmutableEntry<>(o.keys[i], o.values[i]);
                  }
                };
              }

              @Override
              public int size() {
                return o.size;
              }
            };
        entries = es;
      }
      return es;
    }

    @Override
    public Set<String> keySet() {
      Set<String> ks = keySet;
      if (ks == null) {
        ks =
            new AbstractSet<>() {
              @Override
              public Iterator<String> iterator() {
                return new Cursor<>(o) {
                  @Override
                  String at(int i) {
                    return o.keys[i];
                  }
                };
              }

              @Override
              public int size() {
                return o.size;
              }

              @Override
              public boolean contains(Object k) {
                return o.indexOf(k) >= 0;
              }
            };
        keySet = ks;
      }
      return ks;
    }

    @Override
    public Collection<JsonValue> values() {
      Collection<JsonValue> vs = valueCollection;
      if (vs == null) {
        vs =
            new AbstractCollection<>() {
              @Override
              public Iterator<JsonValue> iterator() {
                return new Cursor<>(o) {
                  @Override
                  JsonValue at(int i) {
                    return o.values[i];
                  }
                };
              }

              @Override
              public int size() {
                return o.size;
              }
            };
        valueCollection = vs;
      }
      return vs;
    }
  }

  /** A read-only iterator over member positions. */
  private abstract static class Cursor<T> implements Iterator<T> {
    private final int size;
    private int next;

    Cursor(JsonObject o) {
      this.size = o.size;
    }

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public T next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      return at(next++);
    }
  }

  // ---- Builder -------------------------------------------------------------------------------------

  /** Builds a {@link JsonObject}; not thread-safe. Reusable: edits after {@link #build()} copy first. */
  public static final class Builder {
    private String[] keys;
    private JsonValue[] values;
    private int size;
    /** Lookup table once the builder is large; null below the threshold or after a removal. */
    private int[] slots;
    /** The membership mask of the keys ({@link JsonObject#bit}). */
    private long keyBits;
    /** Whether the arrays belong to a built object, so the next edit must copy them. */
    private boolean shared;

    private Builder(int capacity) {
      keys = capacity == 0 ? NO_KEYS : new String[capacity];
      values = capacity == 0 ? NO_VALUES : new JsonValue[capacity];
    }

    private Builder(JsonObject from, int extra) {
      keys = Arrays.copyOf(from.keys, from.size + extra);
      values = Arrays.copyOf(from.values, from.size + extra);
      size = from.size;
      keyBits = from.keyBits;
    }

    private int find(String key) {
      if ((keyBits & bit(key)) == 0) {
        return -1;
      }
      if (size > INDEX_THRESHOLD) {
        if (slots == null) {
          slots = Index.table(keys, size);
        }
        return Index.find(slots, keys, key);
      }
      return linearFind(keys, size, key);
    }

    private void unshare() {
      if (shared) {
        keys = keys.clone();
        values = values.clone();
        if (slots != null) {
          slots = slots.clone();
        }
        shared = false;
      }
    }

    private void append(String key, JsonValue value) {
      if (size == keys.length) {
        int cap = Math.max(4, size * 2);
        keys = Arrays.copyOf(keys, cap);
        values = Arrays.copyOf(values, cap);
      }
      keys[size] = key;
      values[size] = value;
      size++;
      keyBits |= bit(key);
      if (slots != null) {
        if (size * 2 > slots.length) {
          slots = Index.table(keys, size);
        } else {
          Index.insert(slots, key, size - 1);
        }
      }
    }

    /** Sets a member; a later put of the same key replaces the value in its original position. */
    public Builder put(String key, JsonValue value) {
      putNew(key, value);
      return this;
    }

    /** {@link #put}, telling whether the key was new (false: an earlier value was replaced). */
    boolean putNew(String key, JsonValue value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      unshare();
      int i = find(key);
      if (i >= 0) {
        values[i] = value;
        return false;
      }
      append(key, value);
      return true;
    }

    /**
     * {@link #putNew} for a parser whose keys are all interned (as jackson's field names are), so
     * that a repeated key is the same object.
     */
    boolean putInterned(String key, JsonValue value) {
      unshare();
      int i = -1;
      if ((keyBits & bit(key)) == 0) {
        // certainly new
      } else if (size > INDEX_THRESHOLD) {
        i = find(key);
      } else {
        String[] ks = keys;
        for (int j = 0; j < size; j++) {
          if (ks[j] == key) {
            i = j;
            break;
          }
        }
      }
      if (i >= 0) {
        values[i] = value;
        return false;
      }
      append(key, value);
      return true;
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
      if (value.isPresent()) {
        put(key, value.get());
      }
      return this;
    }

    /** Sets the member only when it is not yet set. */
    public Builder putIfAbsent(String key, JsonValue value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (find(key) < 0) {
        unshare();
        append(key, value);
      }
      return this;
    }

    /** Copies every member of {@code other}, replacing same-named ones. */
    public Builder putAll(JsonObject other) {
      for (int i = 0; i < other.size; i++) {
        put(other.keys[i], other.values[i]);
      }
      return this;
    }

    public Builder remove(String key) {
      int i = find(key);
      if (i < 0) {
        return this;
      }
      unshare();
      System.arraycopy(keys, i + 1, keys, i, size - i - 1);
      System.arraycopy(values, i + 1, values, i, size - i - 1);
      size--;
      keys[size] = null;
      values[size] = null;
      slots = null;
      keyBits = 0;
      for (int j = 0; j < size; j++) {
        keyBits |= bit(keys[j]);
      }
      return this;
    }

    public Optional<JsonValue> get(String key) {
      int i = find(key);
      return i < 0 ? Optional.empty() : Optional.of(values[i]);
    }

    public boolean has(String key) {
      return find(key) >= 0;
    }

    public boolean isEmpty() {
      return size == 0;
    }

    public JsonObject build() {
      if (size == 0) {
        return EMPTY;
      }
      shared = true;
      return new JsonObject(keys, values, size, keyBits, slots == null ? null : new Index(slots));
    }
  }
}
