package dev.llmrouter.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough reading of OpenAI Chat Completions JSON for the examples: the text of the first choice (or
 * of a stream chunk's delta), its finish reason, and the usage numbers. Builds requests too.
 */
final class ChatJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ChatJson() {}

  /** A one-message chat request body. */
  static byte[] request(String model, String userMessage, boolean stream) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"model\":").append(quote(model))
        .append(",\"messages\":[{\"role\":\"user\",\"content\":").append(quote(userMessage)).append("}]");
    if (stream) {
      sb.append(",\"stream\":true,\"stream_options\":{\"include_usage\":true}");
    }
    return sb.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Fields of interest: {@code content} (message or delta), {@code finish_reason}, and usage counts. */
  static Map<String, String> read(byte[] json) {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.FIELD_NAME) {
          continue;
        }
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
          switch (name) {
            case "content":
            case "finish_reason":
            case "prompt_tokens":
            case "completion_tokens":
            case "total_tokens":
              out.putIfAbsent(name, p.getText());
              break;
            default:
              break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
