package dev.llmrouter.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.json.Json;
import java.io.IOException;
import java.util.Optional;

/**
 * Recognizes a provider's error event inside a successful stream, in any provider's shape: Anthropic and
 * Responses {@code {"type":"error",...}}, Responses {@code response.failed}, OpenAI and Google
 * {@code {"error":{...}}}, Bedrock {@code {"xxxException":{...}}}. A byte scan rules out ordinary events
 * without parsing them; only candidates have their top level read.
 */
public final class UpstreamErrorEvents {
  private static final byte[] ERROR_KEY = {'"', 'e', 'r', 'r', 'o', 'r', '"'};
  private static final byte[] FAILED = {'r', 'e', 's', 'p', 'o', 'n', 's', 'e', '.', 'f', 'a', 'i', 'l', 'e', 'd'};
  private static final byte[] EXCEPTION = {'E', 'x', 'c', 'e', 'p', 't', 'i', 'o', 'n', '"'};
  private static final int MAX_MESSAGE = 300;

  private UpstreamErrorEvents() {}

  /** A description of the error {@code chunk} reports ({@code type: message}), or empty when it is no error event. */
  public static Optional<String> describe(StreamChunk chunk) {
    String eventType = chunk.eventType().orElse(null);
    byte[] data = chunk.data();
    boolean namedError = "error".equals(eventType) || "response.failed".equals(eventType);
    if (!namedError && indexOf(data, ERROR_KEY) < 0 && indexOf(data, FAILED) < 0 && indexOf(data, EXCEPTION) < 0) {
      return Optional.empty();
    }
    try (JsonParser p = Json.factory().createParser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return namedError ? Optional.of("error event") : Optional.empty();
      }
      String type = null;
      String message = null;
      String errorType = null;
      String exceptionKey = null;
      boolean hasError = false;
      int fields = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        fields++;
        if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
          type = p.getText();
        } else if ("message".equals(name) && value == JsonToken.VALUE_STRING) {
          message = p.getText();
        } else if ("error".equals(name) && value == JsonToken.START_OBJECT) {
          hasError = true;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String inner = p.currentName();
            JsonToken v = p.nextToken();
            if ("message".equals(inner) && v == JsonToken.VALUE_STRING) {
              message = p.getText();
            } else if (("type".equals(inner) || "status".equals(inner) || "code".equals(inner))
                && v.isScalarValue() && errorType == null) {
              errorType = p.getText();
            } else {
              p.skipChildren();
            }
          }
        } else if ("error".equals(name) && value == JsonToken.VALUE_STRING) {
          hasError = true;
          message = p.getText();
        } else if (name.endsWith("Exception") && value == JsonToken.START_OBJECT) {
          exceptionKey = name;
          p.skipChildren();
        } else {
          p.skipChildren();
        }
      }
      boolean isError = namedError || "error".equals(type) || "response.failed".equals(type)
          || (hasError && type == null) || (exceptionKey != null && fields == 1);
      if (!isError) {
        return Optional.empty();
      }
      String kind = errorType != null ? errorType : exceptionKey != null ? exceptionKey : type != null ? type : "error";
      String text = message == null ? kind : kind + ": " + message;
      return Optional.of(text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text);
    } catch (IOException e) {
      return namedError ? Optional.of("error event") : Optional.empty();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    byte first = needle[0];
    outer:
    for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
