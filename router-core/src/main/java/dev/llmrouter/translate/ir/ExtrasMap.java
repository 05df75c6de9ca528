package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The read-only per-format extras of the IR: one slot per {@link ProviderFormat}, iterated in the formats'
 * order (as an {@link EnumMap} is). Immutable, so the IR's records and builders pass it on without copying.
 */
final class ExtrasMap extends AbstractMap<ProviderFormat, JsonObject> {
  private static final ProviderFormat[] FORMATS = ProviderFormat.values();

  private final JsonObject[] slots;
  private final int size;

  private ExtrasMap(JsonObject[] slots, int size) {
    this.slots = slots;
    this.size = size;
  }

  /** An immutable copy of {@code extras} (the same map when it already is one). */
  static Map<ProviderFormat, JsonObject> copyOf(Map<ProviderFormat, JsonObject> extras) {
    if (extras == null || extras.isEmpty()) {
      return Map.of();
    }
    if (extras instanceof ExtrasMap) {
      return extras;
    }
    JsonObject[] slots = new JsonObject[FORMATS.length];
    int size = 0;
    for (Map.Entry<ProviderFormat, JsonObject> e : extras.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        // Not expected; keep the general behaviour for such maps.
        return Collections.unmodifiableMap(new EnumMap<>(extras));
      }
      if (slots[e.getKey().ordinal()] == null) {
        size++;
      }
      slots[e.getKey().ordinal()] = e.getValue();
    }
    return new ExtrasMap(slots, size);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public JsonObject get(Object key) {
    return key instanceof ProviderFormat f ? slots[f.ordinal()] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Map.Entry<ProviderFormat, JsonObject>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<ProviderFormat, JsonObject>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int i = from;
            while (i < slots.length && slots[i] == null) {
              i++;
            }
            return i;
          }

          @Override
          public boolean hasNext() {
            return next < slots.length;
          }

          @Override
          public Map.Entry<ProviderFormat, JsonObject> next() {
            if (next >= slots.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<ProviderFormat, JsonObject> e =
                new AbstractMap.SimpleImmutableEntry<>(FORMATS[next], slots[next]);
            next = advance(next + 1);
            return e;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
