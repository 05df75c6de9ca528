package dev.llmrouter.providers.mock;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the mock answers to one Chat Completions request: the text (the last user message for models named
 * {@code .../echo}, else the canned text), or a call of the request's first function tool for models named
 * {@code .../tool}, and the token counts.
 */
record MockReply(String model, String text, Optional<String> toolName, long promptTokens,
    long completionTokens) {

  /**
   * Reads the request payload.
   *
   * @throws InvalidRequestException if the payload is not a JSON object
   */
  static MockReply of(byte[] payload, String model, MockConfig config) {
    JsonObject body;
    try {
      body = JsonTree.parseObject(payload);
    } catch (JsonSyntaxException e) {
      throw new InvalidRequestException("mock provider: request body is not a JSON object: " + e.getMessage(), e);
    }
    List<String> texts = messageTexts(body);
    String lastUser = lastUserText(body);
    String text;
    if (model.endsWith("echo")) {
      text = lastUser.isEmpty() ? "(no user message)" : lastUser;
    } else {
      text = config.text();
    }
    Optional<String> tool = model.endsWith("tool") ? firstFunctionTool(body) : Optional.empty();
    long promptChars = 0;
    for (String t : texts) {
      promptChars += t.length();
    }
    long prompt = config.promptTokens().orElse(Math.max(1, (promptChars + 3) / 4));
    long completion = config.completionTokens().orElse(Math.max(1, words(text).size()));
    return new MockReply(model, text, tool, prompt, completion);
  }

  /** The text split after each space, so the pieces concatenate back to the text. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static List<String> messageTexts(JsonObject body) {
    List<String> out = new ArrayList<>();
    for (JsonValue m : body.getArray("messages").map(JsonArray::values).orElse(List.of())) {
      if (m instanceof JsonObject msg) {
        out.add(contentText(msg.getOrNull("content")));
      }
    }
    return out;
  }

  private static String lastUserText(JsonObject body) {
    String last = "";
    for (JsonValue m : body.getArray("messages").map(JsonArray::values).orElse(List.of())) {
      if (m instanceof JsonObject msg && "user".equals(msg.getStringOrNull("role"))) {
        last = contentText(msg.getOrNull("content"));
      }
    }
    return last;
  }

  private static String contentText(JsonValue content) {
    if (content == null) {
      return "";
    }
    if (content instanceof dev.llmrouter.json.JsonString s) {
      return s.value();
    }
    StringBuilder sb = new StringBuilder();
    if (content instanceof JsonArray parts) {
      for (JsonValue p : parts.values()) {
        if (p instanceof JsonObject part && "text".equals(part.getStringOrNull("type"))) {
          sb.append(part.getString("text").orElse(""));
        }
      }
    }
    return sb.toString();
  }

  private static Optional<String> firstFunctionTool(JsonObject body) {
    for (JsonValue t : body.getArray("tools").map(JsonArray::values).orElse(List.of())) {
      if (t instanceof JsonObject tool) {
        Optional<String> name = tool.getObject("function").flatMap(f -> f.getString("name"));
        if (name.isPresent()) {
          return name;
        }
      }
    }
    return Optional.empty();
  }
}
