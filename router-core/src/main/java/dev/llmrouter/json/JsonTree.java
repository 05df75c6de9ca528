package dev.llmrouter.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads bytes into a {@link JsonValue} tree in one jackson-core streaming pass, and writes trees back.
 * Numbers keep their text. Lone UTF-16 surrogates (which some clients send as {@code \ud800} escapes) are
 * written as U+FFFD, as lingua's repair does; valid pairs are untouched.
 */
public final class JsonTree {
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

  /** Reads the value whose first token is {@code t} (already consumed). */
  public static JsonValue read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        JsonObject.Builder b = JsonObject.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          b.put(name, read(p, p.nextToken()));
        }
        return b.build();
      }
      case START_ARRAY: {
        List<JsonValue> values = new ArrayList<>();
        JsonToken v;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          values.add(read(p, v));
        }
        return JsonArray.of(values);
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

  /** Compact UTF-8 JSON for {@code value}. */
  public static byte[] write(JsonValue value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      try (JsonGenerator g = Json.factory().createGenerator(out)) {
        write(g, value, false);
      }
    } catch (IOException surrogate) {
      out.reset();
      try (JsonGenerator g = Json.factory().createGenerator(out)) {
        write(g, value, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        g.writeFieldName(repair ? repairSurrogates(e.getKey()) : e.getKey());
        write(g, e.getValue(), repair);
      }
      g.writeEndObject();
    } else if (value instanceof JsonArray a) {
      g.writeStartArray();
      for (JsonValue v : a.values()) {
        write(g, v, repair);
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
