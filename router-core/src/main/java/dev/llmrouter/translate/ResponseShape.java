package dev.llmrouter.translate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.Json;
import dev.llmrouter.json.TopLevelMembers;
import java.io.IOException;
import java.util.Optional;

/**
 * Detects the format of a complete response from its top-level keys, in one pass: Chat Completions
 * ({@code choices}), Responses ({@code object: response} with {@code output}), Anthropic ({@code type:
 * message} with {@code content}), Gemini ({@code candidates} or {@code promptFeedback}) and Converse
 * ({@code output} holding {@code message}).
 */
public final class ResponseShape {
  private ResponseShape() {}

  /**
   * Whether a stream event is really a complete (non-stream) response: a Chat {@code chat.completion}, a
   * Responses {@code response} object, an Anthropic {@code message}, or a Converse reply. Gemini stream
   * chunks have the shape of complete responses, so they never count. One cheap scan of top-level keys.
   */
  public static boolean isCompleteResponse(byte[] event) {
    Optional<ProviderFormat> f = detect(event);
    return f.isPresent() && f.get() != ProviderFormat.GOOGLE;
  }

  /** The response's format, or empty when nothing identifies it (or it is not a JSON object). */
  public static Optional<ProviderFormat> detect(byte[] body) {
    boolean choices = false;
    boolean candidates = false;
    boolean content = false;
    boolean output = false;
    boolean outputObject = false;
    String object = null;
    String type = null;
    try (JsonParser p = Json.parser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "choices":
            choices = true;
            break;
          case "candidates":
          case "promptFeedback":
            candidates = true;
            break;
          case "content":
            content = true;
            break;
          case "output":
            output = true;
            outputObject = v == JsonToken.START_OBJECT;
            break;
          case "object":
            if (v == JsonToken.VALUE_STRING) {
              object = p.getText();
            }
            break;
          case "type":
            if (v == JsonToken.VALUE_STRING) {
              type = p.getText();
            }
            break;
          default:
            break;
        }
        TopLevelMembers.finishValue(p, v);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    if (choices) {
      // A stream chunk (chat.completion.chunk) is not a complete response.
      return "chat.completion.chunk".equals(object) ? Optional.empty() : Optional.of(ProviderFormat.OPENAI);
    }
    if (output && ("response".equals(object) || !outputObject)) {
      return Optional.of(ProviderFormat.RESPONSES);
    }
    if (output) {
      return Optional.of(ProviderFormat.CONVERSE);
    }
    if (content && "message".equals(type)) {
      return Optional.of(ProviderFormat.ANTHROPIC);
    }
    if (candidates) {
      return Optional.of(ProviderFormat.GOOGLE);
    }
    return Optional.empty();
  }
}
