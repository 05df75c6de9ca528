package dev.llmrouter.providers.prompt;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.LiteLlmPromptJson;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptMessage;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.prompt.TemplateFormat;

/**
 * Reads a JSON prompt file in any of three shapes: LiteLLM's generic API response ({@code prompt_template},
 * {@code prompt_template_model}, {@code prompt_template_optional_params}); LiteLLM's dotprompt JSON
 * ({@code content} and {@code metadata}); or the native shape ({@code messages} or {@code text}, {@code model},
 * {@code params}, {@code tools}, {@code response_format}, {@code template_format}, {@code metadata}).
 */
public final class PromptJsonFiles {
  private PromptJsonFiles() {}

  /**
   * The prompt {@code json} describes, under {@code id}.
   *
   * @throws PromptTemplateException when it matches none of the shapes or a member has the wrong type
   */
  public static Prompt read(String id, JsonObject json) {
    if (json.has(LiteLlmPromptJson.PROMPT_TEMPLATE)) {
      return LiteLlmPromptJson.read(json, PromptRef.of(id));
    }
    if (json.getOrNull("content") instanceof JsonString && !json.has("messages")) {
      return Dotprompt.fromJson(id, json);
    }
    if (!json.has("messages") && !json.has("text")) {
      throw new PromptTemplateException("prompt file '" + id
          + "' has neither 'prompt_template', 'content', 'messages' nor 'text'");
    }
    Prompt.Builder b = Prompt.builder(id);
    JsonValue messages = json.getOrNull("messages");
    if (messages instanceof JsonArray a) {
      for (JsonValue m : a) {
        if (!(m instanceof JsonObject o)) {
          throw new PromptTemplateException("prompt file '" + id + "': every message must be an object");
        }
        b.message(PromptMessage.of(o));
      }
    } else if (messages != null && !messages.isNull()) {
      throw new PromptTemplateException("prompt file '" + id + "': 'messages' must be a list");
    }
    json.getString("text").ifPresent(b::text);
    json.getString("model").ifPresent(b::model);
    json.getString("version").ifPresent(b::version);
    json.getString("template_format").map(TemplateFormat::of).ifPresent(b::templateFormat);
    JsonValue params = json.getOrNull("params");
    if (params instanceof JsonObject p) {
      b.params(ParamStyles.normalize(p));
    } else if (params != null && !params.isNull()) {
      throw new PromptTemplateException("prompt file '" + id + "': 'params' must be an object");
    }
    json.getArray("tools").ifPresent(b::tools);
    json.getObject("response_format").ifPresent(b::responseFormat);
    json.getObject("metadata").ifPresent(b::metadata);
    return b.build();
  }
}
