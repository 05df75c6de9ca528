package dev.llmrouter.stream.sse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.json.Json;
import java.io.IOException;

/** Tells whether event data is JSON that was cut off before its end (a truncated stream's last event). */
final class JsonCompleteness {
  private JsonCompleteness() {}

  /** True when {@code data} starts like a JSON object or array but does not parse to its end. */
  static boolean isCutOff(byte[] data) {
    int i = 0;
    while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) {
      i++;
    }
    if (i == data.length || (data[i] != '{' && data[i] != '[')) {
      return false;
    }
    try (JsonParser p = Json.factory().createParser(data)) {
      p.nextToken();
      p.skipChildren();
      return p.currentToken() != JsonToken.END_OBJECT && p.currentToken() != JsonToken.END_ARRAY;
    } catch (IOException e) {
      return true;
    }
  }
}
