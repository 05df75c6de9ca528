package dev.llmrouter.json;

import com.fasterxml.jackson.core.JsonToken;

/**
 * Where one member of a JSON object sits in the body bytes: the key's opening quote, and the value's first
 * byte and one past its last byte. Lets the router edit a field without re-serializing the body.
 */
public record MemberSpan(String name, int keyStart, int valueStart, int valueEnd, JsonToken valueToken) {

  /** The value's raw bytes as UTF-8 text (for small values such as model names). */
  public String valueText(byte[] body) {
    return new String(body, valueStart, valueEnd - valueStart, java.nio.charset.StandardCharsets.UTF_8);
  }
}
