package dev.llmrouter.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Reads bytes into a {@link JsonValue} tree in one jackson-core streaming pass, and writes trees back
 * through jackson's generator. Numbers keep their text. Writing to a caller's generator
 * ({@link #write(JsonGenerator, JsonValue)}) writes lone UTF-16 surrogates as U+FFFD, as lingua's repair
 * does; valid pairs are untouched.
 */
public final class JsonTree {
  /** Whether jackson hands out interned field names (its default), so equal names are the same object. */
  private static final boolean INTERNED_NAMES =
      Json.factory().isEnabled(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES);

  private JsonTree() {}

  /**
   * Parses a whole document.
   *
   * @throws JsonSyntaxException if it is not exactly one valid JSON value
   */
  public static JsonValue parse(byte[] bytes) {
    return parse(bytes, 0, bytes.length);
  }

  /** Parses {@code len} bytes at {@code off}. */
  public static JsonValue parse(byte[] bytes, int off, int len) {
    try (JsonParser p = Json.factory().createParser(bytes, off, len)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new JsonSyntaxException("empty input: expected a JSON value", 0, 0, null);
      }
      JsonValue value = read(p, first);
      TopLevelMembers.requireEnd(p);
      return value;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new JsonSyntaxException(
          "invalid JSON: " + e.getOriginalMessage(),
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses UTF-8 text. */
  public static JsonValue parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a document that must be an object. */
  public static JsonObject parseObject(byte[] bytes) {
    JsonValue v = parse(bytes);
    if (v instanceof JsonObject o) {
      return o;
    }
    throw new JsonSyntaxException("expected a JSON object, got " + v.kind(), 0, 0, null);
  }

  /**
   * Parses a document that is one object in which no object (at any depth) repeats a key; empty for
   * anything else (invalid JSON, another kind of value, a repeated key). For callers that must treat those
   * bodies exactly as a streaming scan would and so fall back to one.
   */
  public static Optional<JsonObject> parseObjectWithUniqueKeys(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try (JsonParser p = Json.factory().createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonObject o = readObject(p, true);
      if (o == null || p.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(o);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Reads the value whose first token is {@code t} (already consumed). */
  public static JsonValue read(JsonParser p, JsonToken t) throws IOException {
    return read(p, t, false);
  }

  /**
   * Reads one value; with {@code unique}, returns null as soon as an object repeats a key (otherwise the
   * later value replaces the earlier one in its position).
   */
  private static JsonValue read(JsonParser p, JsonToken t, boolean unique) throws IOException {
    switch (t) {
      case START_OBJECT:
        return readObject(p, unique);
      case START_ARRAY: {
        JsonToken v = p.nextToken();
        if (v == JsonToken.END_ARRAY) {
          return JsonArray.empty();
        }
        JsonValue[] values = new JsonValue[4];
        int size = 0;
        do {
          JsonValue value = read(p, v, unique);
          if (value == null) {
            return null;
          }
          if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
          }
          values[size++] = value;
        } while ((v = p.nextToken()) != JsonToken.END_ARRAY);
        return JsonArray.wrap(values, size);
      }
      case VALUE_STRING:
        return JsonString.of(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return JsonNumber.ofTrusted(p.getText());
      case VALUE_TRUE:
        return JsonBoolean.TRUE;
      case VALUE_FALSE:
        return JsonBoolean.FALSE;
      case VALUE_NULL:
        return JsonNull.INSTANCE;
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
    }
  }

  private static JsonObject readObject(JsonParser p, boolean unique) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME) {
      return JsonObject.empty();
    }
    JsonObject.Builder b = JsonObject.builder();
    do {
      String name = p.currentName();
      JsonValue value = read(p, p.nextToken(), unique);
      if (value == null
          || !(INTERNED_NAMES ? b.putInterned(name, value) : b.putNew(name, value)) && unique) {
        return null;
      }
    } while (p.nextToken() == JsonToken.FIELD_NAME);
    return b.build();
  }

  /**
   * Compact UTF-8 JSON for {@code value}, written by jackson's generator. Unpaired UTF-16 surrogates
   * (which jackson would write as {@code \\u} escapes that providers reject) become U+FFFD, as lingua's
   * repair does.
   */
  public static byte[] write(JsonValue value) {
    ByteSink out = new ByteSink();
    try (JsonGenerator g = Json.factory().createGenerator(out)) {
      write(g, value, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Compact JSON text for {@code value}. */
  public static String writeString(JsonValue value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }

  /** Writes {@code value} to an open generator. */
  public static void write(JsonGenerator g, JsonValue value) throws IOException {
    write(g, value, true);
  }

  private static void write(JsonGenerator g, JsonValue value, boolean repair) throws IOException {
    if (value instanceof JsonObject o) {
      g.writeStartObject();
      for (int i = 0, n = o.size(); i < n; i++) {
        String key = o.keyAt(i);
        g.writeFieldName(repair ? repairSurrogates(key) : key);
        write(g, o.valueAt(i), repair);
      }
      g.writeEndObject();
    } else if (value instanceof JsonArray a) {
      g.writeStartArray();
      for (int i = 0, n = a.size(); i < n; i++) {
        write(g, a.get(i), repair);
      }
      g.writeEndArray();
    } else if (value instanceof JsonString s) {
      g.writeString(repair ? repairSurrogates(s.value()) : s.value());
    } else if (value instanceof JsonNumber n) {
      g.writeNumber(n.text());
    } else if (value instanceof JsonBoolean b) {
      g.writeBoolean(b.value());
    } else {
      g.writeNull();
    }
  }

  /**
   * An output stream for one generated document: the generator hands over its buffer once at the end
   * for documents of up to its buffer size, which then become the result without a further copy.
   */
  private static final class ByteSink extends OutputStream {
    private static final byte[] NONE = {};
    private byte[] buf = NONE;
    private int count;

    @Override
    public void write(int b) {
      ensure(count + 1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (count == 0 && buf.length == 0) {
        buf = Arrays.copyOfRange(b, off, off + len);
        count = len;
        return;
      }
      ensure(count + len);
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    private void ensure(int needed) {
      if (needed > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(needed, Math.max(256, buf.length * 2)));
      }
    }

    byte[] toByteArray() {
      return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }
  }

  /** {@code s} with every unpaired surrogate replaced by U+FFFD. */
  public static String repairSurrogates(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lone = false;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          if (sb != null) {
            sb.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
        lone = true;
      } else if (Character.isLowSurrogate(c)) {
        lone = true;
      }
      if (lone && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null) {
        sb.append(lone ? '\uFFFD' : c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * Canonical JSON equality, the conformance corpus's rule: objects equal as key sets with equal values
   * (order ignored), arrays element by element, numbers by value ({@code 1 == 1.0 == 1e0}), strings and
   * literals exactly, and {@code null} distinct from absent.
   */
  public static boolean canonicalEquals(JsonValue a, JsonValue b) {
    if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
      return x.numericallyEquals(y);
    }
    if (a instanceof JsonObject x && b instanceof JsonObject y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<String, JsonValue> e : x.members().entrySet()) {
        JsonValue other = y.getOrNull(e.getKey());
        if (other == null || !canonicalEquals(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof JsonArray x && b instanceof JsonArray y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!canonicalEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
