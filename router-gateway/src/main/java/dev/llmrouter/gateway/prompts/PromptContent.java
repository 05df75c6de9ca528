package dev.llmrouter.gateway.prompts;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.providers.prompt.Dotprompt;
import java.nio.charset.StandardCharsets;

/**
 * The template of a stored prompt, read from LiteLLM's {@code litellm_params}: {@code dotprompt_content}
 * (a whole {@code .prompt} file) or {@code prompt_data} ({@code {"<id>": {"content", "metadata"}}} or one
 * {@code {"content", "metadata"}}), turned into a {@link Prompt} by the providers' {@link Dotprompt} parser
 * (front matter, params and role markers are read as it documents). {@code prompt_directory} is refused: a
 * request never names a server path.
 */
final class PromptContent {

  /** The parsed template: the body text, the front matter, and the prompt built from them. */
  record Parsed(String content, JsonObject metadata, Prompt prompt) {}

  private PromptContent() {}

  /**
   * Checks a request's {@code litellm_params} and returns them normalized ({@code prompt_id} and
   * {@code prompt_integration} filled in when absent).
   *
   * @throws InvalidRequestException naming what is wrong (missing or malformed template, oversized, path)
   */
  static JsonObject normalize(String baseId, JsonObject params, int maxBytes) {
    if (params.has("prompt_directory")) {
      throw new InvalidRequestException("litellm_params.prompt_directory is not accepted: the gateway never reads "
          + "server paths named in a request; send the template as dotprompt_content or prompt_data");
    }
    parse(baseId, params, maxBytes);
    JsonObject.Builder b = params.toBuilder();
    if (params.getString("prompt_id").isEmpty()) {
      b.put("prompt_id", baseId);
    }
    if (params.getString("prompt_integration").isEmpty()) {
      b.put("prompt_integration", "dotprompt");
    }
    return b.build();
  }

  /** The template of a stored version. */
  static Parsed of(StoredPrompt s) {
    Parsed p = parse(s.baseId(), s.litellmParams(), Integer.MAX_VALUE);
    Prompt prompt = p.prompt().toBuilder().version(Integer.toString(s.version())).environment(s.environment())
        .build();
    return new Parsed(p.content(), p.metadata(), prompt);
  }

  /**
   * Parses {@code litellm_params}.
   *
   * @throws InvalidRequestException when there is no template, it is malformed, or larger than {@code maxBytes}
   */
  static Parsed parse(String baseId, JsonObject params, int maxBytes) {
    JsonValue dot = params.getOrNull("dotprompt_content");
    JsonValue data = params.getOrNull("prompt_data");
    if (dot != null && !dot.isNull()) {
      if (!(dot instanceof JsonString s)) {
        throw new InvalidRequestException("litellm_params.dotprompt_content must be a string, got " + dot.kind());
      }
      checkSize(s.value(), maxBytes, "litellm_params.dotprompt_content");
      return parsed(baseId, Dotprompt.split(s.value(), "'" + baseId + "'"));
    }
    if (data != null && !data.isNull()) {
      if (!(data instanceof JsonObject o)) {
        throw new InvalidRequestException("litellm_params.prompt_data must be an object, got " + data.kind());
      }
      JsonObject entry = dataEntry(o, params.getString("prompt_id").orElse(baseId));
      JsonValue content = entry.getOrNull("content");
      if (!(content instanceof JsonString)) {
        throw new InvalidRequestException("litellm_params.prompt_data needs a string 'content' (the template)");
      }
      checkSize(o.toJson(), maxBytes, "litellm_params.prompt_data");
      JsonValue meta = entry.getOrNull("metadata");
      if (meta != null && !meta.isNull() && !(meta instanceof JsonObject)) {
        throw new InvalidRequestException("litellm_params.prompt_data metadata must be an object, got " + meta.kind());
      }
      // prompt_data content may itself be a whole .prompt file with front matter.
      return parsed(baseId, Dotprompt.jsonParts(baseId, entry));
    }
    throw new InvalidRequestException("litellm_params needs the template: 'dotprompt_content' (a .prompt file) "
        + "or 'prompt_data' ({\"content\": ..., \"metadata\": {...}})");
  }

  private static JsonObject dataEntry(JsonObject data, String id) {
    if (data.has("content")) {
      return data;
    }
    if (data.getOrNull(id) instanceof JsonObject e) {
      return e;
    }
    if (data.size() == 1 && data.valueAt(0) instanceof JsonObject only) {
      return only;
    }
    throw new InvalidRequestException("litellm_params.prompt_data must hold {\"content\", \"metadata\"} or one "
        + "entry keyed by the prompt id '" + id + "'");
  }

  private static void checkSize(String text, int maxBytes, String field) {
    if (text.length() > maxBytes || text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new PromptTemplateException(field + " is " + text.getBytes(StandardCharsets.UTF_8).length
          + " bytes; the limit is " + maxBytes + " (prompts.max_template_bytes)");
    }
  }

  private static Parsed parsed(String baseId, Dotprompt.Parts parts) {
    return new Parsed(parts.template().strip(), parts.frontMatter(),
        Dotprompt.build(baseId, parts.frontMatter(), parts.template()));
  }
}
