package dev.llmrouter.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top-level members of a JSON object as the exact source text of each value, in document
 * order, so tests can check that an edit changed one member and left every other byte alone; and reads
 * nested values by path ({@link #at}), independently of the router's own JSON code.
 */
public final class JsonProbe {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonProbe() {}

  /** Member name to the raw JSON text of its value, in document order. Fails on invalid JSON. */
  public static Map<String, String> members(byte[] json) {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new AssertionError("not a JSON object: " + new String(json, StandardCharsets.UTF_8));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int start = (int) p.currentTokenLocation().getByteOffset();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else {
          p.finishToken();
        }
        int end = (int) p.currentLocation().getByteOffset();
        if (out.put(name, new String(json, start, end - start, StandardCharsets.UTF_8)) != null) {
          throw new AssertionError("duplicate member " + name);
        }
      }
      if (p.nextToken() != null) {
        throw new AssertionError("trailing content after the object");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The top-level string member {@code name}, empty if absent or not a string. */
  public static Optional<String> string(byte[] json, String name) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if (key.equals(name) && value == JsonToken.VALUE_STRING) {
          return Optional.of(p.getText());
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The whole document as plain Java values: {@code Map<String, Object>} (document order),
   * {@code List<Object>}, {@code String}, {@code BigDecimal}, {@code Boolean}, or {@code null} for JSON
   * null. Fails on invalid JSON or trailing content.
   */
  public static Object tree(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new AssertionError("empty JSON text");
      }
      Object value = read(p, t);
      if (p.nextToken() != null) {
        throw new AssertionError("trailing content after the value: " + new String(json, StandardCharsets.UTF_8));
      }
      return value;
    } catch (IOException e) {
      throw new AssertionError("not valid JSON: " + new String(json, StandardCharsets.UTF_8), e);
    }
  }

  /**
   * The value at {@code path} (member names and array indexes), as {@link #tree} values. Fails, naming
   * the path and the document, when a step is missing.
   */
  public static Object at(byte[] json, Object... path) {
    Object node = tree(json);
    for (int i = 0; i < path.length; i++) {
      node = step(node, path[i], json, path, i);
    }
    return node;
  }

  /** Whether a value (possibly JSON null) exists at {@code path}. */
  public static boolean has(byte[] json, Object... path) {
    Object node = tree(json);
    for (Object key : path) {
      if (key instanceof String name && node instanceof Map<?, ?> map && map.containsKey(name)) {
        node = map.get(name);
      } else if (key instanceof Integer index && node instanceof List<?> list && index >= 0 && index < list.size()) {
        node = list.get(index);
      } else {
        return false;
      }
    }
    return true;
  }

  /** The string at {@code path}; fails if it is absent or not a string. */
  public static String text(byte[] json, Object... path) {
    Object v = at(json, path);
    if (!(v instanceof String s)) {
      throw new AssertionError("not a string at " + describe(path, path.length) + ": " + v);
    }
    return s;
  }

  /** The integer at {@code path}; fails if it is absent or not an integral number. */
  public static long integer(byte[] json, Object... path) {
    Object v = at(json, path);
    if (!(v instanceof BigDecimal d)) {
      throw new AssertionError("not a number at " + describe(path, path.length) + ": " + v);
    }
    return d.longValueExact();
  }

  /** The array at {@code path}; fails if it is absent or not an array. */
  public static List<Object> array(byte[] json, Object... path) {
    Object v = at(json, path);
    if (!(v instanceof List<?> list)) {
      throw new AssertionError("not an array at " + describe(path, path.length) + ": " + v);
    }
    @SuppressWarnings("unchecked")
    List<Object> typed = (List<Object>) list;
    return typed;
  }

  /** The member names of the object at {@code path}, in document order. */
  public static List<String> keys(byte[] json, Object... path) {
    Object v = at(json, path);
    if (!(v instanceof Map<?, ?> map)) {
      throw new AssertionError("not an object at " + describe(path, path.length) + ": " + v);
    }
    List<String> out = new ArrayList<>();
    for (Object k : map.keySet()) {
      out.add((String) k);
    }
    return out;
  }

  private static Object step(Object node, Object key, byte[] json, Object[] path, int i) {
    if (key instanceof String name && node instanceof Map<?, ?> map && map.containsKey(name)) {
      return map.get(name);
    }
    if (key instanceof Integer index && node instanceof List<?> list && index >= 0 && index < list.size()) {
      return list.get(index);
    }
    throw new AssertionError("no value at " + describe(path, i + 1) + " in " + new String(json, StandardCharsets.UTF_8));
  }

  private static String describe(Object[] path, int upTo) {
    StringBuilder b = new StringBuilder("$");
    for (int i = 0; i < upTo; i++) {
      b.append(path[i] instanceof Integer ? "[" + path[i] + "]" : "." + path[i]);
    }
    return b.toString();
  }

  private static Object read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (map.containsKey(name)) {
              throw new AssertionError("duplicate member " + name);
            }
            map.put(name, read(p, p.nextToken()));
          }
          return map;
        }
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            list.add(read(p, e));
          }
          return list;
        }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new BigDecimal(p.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new AssertionError("unexpected token " + t);
    }
  }
}
