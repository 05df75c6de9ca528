package dev.llmrouter.prompt;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;

/**
 * The JSON shape of LiteLLM's generic prompt-management API ({@code GET /beta/litellm_prompt_management}):
 * {@code prompt_id}, {@code prompt_template} (OpenAI messages), optional {@code prompt_template_model} and
 * {@code prompt_template_optional_params}. Reads a response into a {@link Prompt} (for the client) and
 * writes a prompt as a response (for a server).
 */
public final class LiteLlmPromptJson {
  /** The response member with the prompt id. */
  public static final String PROMPT_ID = "prompt_id";
  /** The response member with the template messages. */
  public static final String PROMPT_TEMPLATE = "prompt_template";
  /** The response member with the model. */
  public static final String PROMPT_TEMPLATE_MODEL = "prompt_template_model";
  /** The response member with the parameters (tools and response_format included). */
  public static final String PROMPT_TEMPLATE_OPTIONAL_PARAMS = "prompt_template_optional_params";

  private LiteLlmPromptJson() {}

  /**
   * The prompt a response describes, with {@code ref}'s id, version and environment. A missing or null
   * {@code prompt_template} is an empty list, as in LiteLLM; {@code tools} and {@code response_format} in the
   * params become the prompt's tools and response format. Templates use {@link TemplateFormat#BRACES}.
   *
   * @throws PromptTemplateException when a member has the wrong type or a message is malformed
   */
  public static Prompt read(JsonObject response, PromptRef ref) {
    JsonValue id = response.getOrNull(PROMPT_ID);
    if (id != null && !(id instanceof JsonString)) {
      throw malformed(ref, "'prompt_id' must be a string, got " + id.kind());
    }
    Prompt.Builder b =
        Prompt.builder(ref.id())
            .version(ref.version().orElse(null))
            .environment(ref.environment().orElse(null))
            .templateFormat(TemplateFormat.BRACES);
    JsonValue template = response.getOrNull(PROMPT_TEMPLATE);
    if (template != null && !template.isNull()) {
      if (!(template instanceof JsonArray messages)) {
        throw malformed(ref, "'prompt_template' must be a list of messages, got " + template.kind());
      }
      for (int i = 0; i < messages.size(); i++) {
        if (!(messages.get(i) instanceof JsonObject m)) {
          throw malformed(ref, "'prompt_template' item " + (i + 1) + " must be an object, got "
              + messages.get(i).kind());
        }
        try {
          b.message(PromptMessage.of(m));
        } catch (dev.llmrouter.error.InvalidRequestException e) {
          throw malformed(ref, "'prompt_template' item " + (i + 1) + ": " + e.getMessage());
        }
      }
    }
    JsonValue model = response.getOrNull(PROMPT_TEMPLATE_MODEL);
    if (model != null && !model.isNull()) {
      if (!(model instanceof JsonString s)) {
        throw malformed(ref, "'prompt_template_model' must be a string, got " + model.kind());
      }
      b.model(s.value());
    }
    JsonValue params = response.getOrNull(PROMPT_TEMPLATE_OPTIONAL_PARAMS);
    if (params != null && !params.isNull()) {
      if (!(params instanceof JsonObject p)) {
        throw malformed(ref, "'prompt_template_optional_params' must be an object, got " + params.kind());
      }
      JsonValue tools = p.getOrNull("tools");
      if (tools instanceof JsonArray a) {
        b.tools(a);
      }
      JsonValue format = p.getOrNull("response_format");
      if (format instanceof JsonObject f) {
        b.responseFormat(f);
      }
      b.params(p.without("tools", "response_format"));
    }
    return b.build();
  }

  /**
   * The response for {@code prompt} under {@code promptId} (such as {@code id} or {@code id.v3}). A completion
   * prompt's text is one {@code user} message; tools and response format go into the params.
   */
  public static JsonObject write(Prompt prompt, String promptId) {
    JsonArray.Builder messages = JsonArray.builder();
    if (prompt.kind() == PromptKind.COMPLETION) {
      messages.add(PromptMessage.of("user", prompt.text().orElse("")).toJson());
    } else {
      for (PromptMessage m : prompt.messages()) {
        messages.add(m.toJson());
      }
    }
    JsonObject.Builder params = prompt.params().toBuilder();
    prompt.tools().ifPresent(t -> params.put("tools", t));
    prompt.responseFormat().ifPresent(f -> params.put("response_format", f));
    JsonObject.Builder out = JsonObject.builder()
        .put(PROMPT_ID, promptId)
        .put(PROMPT_TEMPLATE, messages.build());
    prompt.model().ifPresent(m -> out.put(PROMPT_TEMPLATE_MODEL, m));
    JsonObject p = params.build();
    if (!p.isEmpty()) {
      out.put(PROMPT_TEMPLATE_OPTIONAL_PARAMS, p);
    }
    return out.build();
  }

  private static PromptTemplateException malformed(PromptRef ref, String detail) {
    return new PromptTemplateException("malformed prompt-management response for " + ref + ": " + detail);
  }
}
