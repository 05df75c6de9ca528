package dev.llmrouter.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top-level members of a JSON object as the exact source text of each value, in document
 * order, so tests can check that an edit changed one member and left every other byte alone.
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
}
