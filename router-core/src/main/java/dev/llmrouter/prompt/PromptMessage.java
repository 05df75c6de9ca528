package dev.llmrouter.prompt;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One template message of a chat prompt, in OpenAI Chat Completions form: a {@code role}, a {@code content}
 * that is a string or a list of parts ({@code {"type":"text","text":...}}, images, ...), and any other
 * members of the message ({@code name}, {@code tool_calls}, {@code tool_call_id}, ...) kept as they are.
 * Placeholders are substituted in string content and in text parts.
 */
public final class PromptMessage {
  private final JsonObject json;

  private PromptMessage(JsonObject json) {
    this.json = json;
  }

  /** A message of {@code role} with string {@code content}. */
  public static PromptMessage of(String role, String content) {
    requireRole(role);
    Objects.requireNonNull(content, "content");
    return new PromptMessage(JsonObject.of("role", JsonString.of(role), "content", JsonString.of(content)));
  }

  /**
   * A message from its JSON form.
   *
   * @throws InvalidRequestException when {@code role} is missing or not a non-empty string, or
   *     {@code content} is present but neither a string, an array nor null
   */
  public static PromptMessage of(JsonObject json) {
    Objects.requireNonNull(json, "json");
    JsonValue role = json.getOrNull("role");
    if (!(role instanceof JsonString s) || s.value().isBlank()) {
      throw new InvalidRequestException(
          "prompt message needs a string 'role', got " + (role == null ? "none" : role.kind()));
    }
    JsonValue content = json.getOrNull("content");
    if (content != null && !(content instanceof JsonString || content instanceof JsonArray || content.isNull())) {
      throw new InvalidRequestException(
          "prompt message 'content' must be a string or a list of parts, got " + content.kind());
    }
    return new PromptMessage(json);
  }

  private static void requireRole(String role) {
    if (role == null || role.isBlank()) {
      throw new InvalidRequestException("prompt message needs a non-empty role");
    }
  }

  /** The role: system, developer, user, assistant, tool, ... */
  public String role() {
    return json.getStringOrNull("role");
  }

  /** The content: a string, a list of parts, or empty when absent or null. */
  public Optional<JsonValue> content() {
    return json.getNonNull("content");
  }

  /** The content when it is a string. */
  public Optional<String> text() {
    return json.getString("content");
  }

  /** A copy with {@code content} replaced. */
  public PromptMessage withContent(JsonValue content) {
    return of(json.with("content", Objects.requireNonNull(content, "content")));
  }

  /** The whole message as JSON (role, content and any other members). */
  public JsonObject toJson() {
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PromptMessage m && json.equals(m.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json.toJson();
  }
}
