package dev.llmrouter.providers.databricks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.json.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the scalar members of a top-level JSON object (strings and numbers, as text); nested values and
 * {@code null}s are skipped. Error descriptions carry a position only, never the content, which may be a
 * secret.
 */
final class FlatJson {
  private FlatJson() {}

  /**
   * The scalar members of {@code json}, or empty with {@code problem[0]} set to a content-free description
   * when it is not a JSON object.
   */
  static Optional<Map<String, String>> read(byte[] json, String[] problem) {
    Map<String, String> members = new HashMap<>();
    try (JsonParser p = Json.parser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        problem[0] = "not a JSON object";
        return Optional.empty();
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING
            || value == JsonToken.VALUE_NUMBER_INT
            || value == JsonToken.VALUE_NUMBER_FLOAT
            || value == JsonToken.VALUE_TRUE
            || value == JsonToken.VALUE_FALSE) {
          members.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        problem[0] = "invalid JSON: unexpected content after the object";
        return Optional.empty();
      }
      return Optional.of(members);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problem[0] =
          at == null
              ? "invalid JSON"
              : "invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return Optional.empty();
    } catch (IOException e) {
      problem[0] = "unreadable JSON";
      return Optional.empty();
    }
  }
}
