package dev.llmrouter.gateway.prompts;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptKind;
import dev.llmrouter.prompt.PromptMessage;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON shapes of the prompt endpoints: LiteLLM's {@code PromptSpec}, {@code ListPromptsResponse},
 * {@code PromptInfoResponse} and the generic prompt-management response ({@code prompt_id},
 * {@code prompt_template}, {@code prompt_template_model}, {@code prompt_template_optional_params}).
 */
final class PromptJson {
  /** {@code {{ name }}} with a plain variable name (no sections, partials or helpers). */
  private static final Pattern DOUBLE_BRACE_VAR = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private PromptJson() {}

  /** A {@code PromptSpec}: {@code prompt_id} is the versioned id ({@code id.vN}) or the base id. */
  static JsonObject spec(StoredPrompt s, boolean versionedId) {
    JsonObject info = s.promptInfo().toBuilder().put("environment", s.environment()).build();
    if (info.getString("prompt_type").isEmpty()) {
      info = info.toBuilder().put("prompt_type", "db").build();
    }
    String at = s.createdAt().toString();
    JsonObject.Builder b = JsonObject.builder()
        .put("prompt_id", versionedId ? s.versionedId() : s.baseId())
        .put("litellm_params", s.litellmParams())
        .put("prompt_info", info)
        .put("created_at", at)
        .put("updated_at", at)
        .put("version", s.version())
        .put("environment", s.environment())
        .putNull("created_by");
    s.promotedFrom().ifPresent(p -> b.put("promoted_from", p));
    return b.build();
  }

  /** {@code {"prompts": [spec, ...]}} with base ids. */
  static JsonObject list(List<StoredPrompt> prompts) {
    JsonArray.Builder a = JsonArray.builder(prompts.size());
    for (StoredPrompt p : prompts) {
      a.add(spec(p, false));
    }
    return JsonObject.of("prompts", a.build());
  }

  /** {@code PromptInfoResponse}: the spec, the raw template (content and front matter), the environments. */
  static JsonObject info(StoredPrompt s, PromptContent.Parsed parsed, List<String> environments) {
    JsonObject raw = JsonObject.builder()
        .put("litellm_prompt_id", s.baseId())
        .put("content", parsed.content())
        .put("metadata", parsed.metadata())
        .build();
    return JsonObject.builder()
        .put("prompt_spec", spec(s, false))
        .put("raw_prompt_template", raw)
        .put("environments", JsonArray.ofStrings(environments))
        .build();
  }

  /**
   * The generic prompt-management response. Template placeholders are served as {@code {name}}: LiteLLM
   * substitutes {@code {name}} before {@code {{name}}} and so would leave braces around a double-braced
   * value; single braces render correctly with LiteLLM and with this project's client alike. Tools and the
   * response format go into the optional params, as LiteLLM passes them on to the model call.
   */
  static JsonObject generic(String requestedId, Prompt prompt) {
    JsonArray.Builder template = JsonArray.builder();
    if (prompt.kind() == PromptKind.COMPLETION) {
      template.add(PromptMessage.of("user", singleBraces(prompt.text().orElse(""))).toJson());
    } else {
      for (PromptMessage m : prompt.messages()) {
        template.add(m.text().map(t -> m.withContent(JsonValue.of(singleBraces(t)))).orElse(m).toJson());
      }
    }
    JsonObject.Builder b = JsonObject.builder().put("prompt_id", requestedId).put("prompt_template", template.build());
    prompt.model().ifPresent(m -> b.put("prompt_template_model", m));
    JsonObject.Builder params = prompt.params().toBuilder();
    prompt.tools().ifPresent(t -> params.put("tools", t));
    prompt.responseFormat().ifPresent(r -> params.put("response_format", r));
    JsonObject p = params.build();
    if (!p.isEmpty()) {
      b.put("prompt_template_optional_params", p);
    }
    return b.build();
  }

  static String singleBraces(String text) {
    return DOUBLE_BRACE_VAR.matcher(text).replaceAll("{$1}");
  }

  /** {@code {"message": text}}. */
  static JsonObject message(String text) {
    return JsonObject.of("message", JsonValue.of(text));
  }
}
