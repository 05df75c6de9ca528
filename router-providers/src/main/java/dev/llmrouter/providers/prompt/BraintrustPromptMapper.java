package dev.llmrouter.providers.prompt;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptMessage;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.prompt.TemplateFormat;
import java.util.Set;

/**
 * Maps a Braintrust prompt object to a {@link Prompt}, covering all of {@code prompt_data}:
 *
 * <ul>
 *   <li>{@code prompt}: {@code chat} messages (OpenAI roles; the {@code model} fallback role becomes
 *       {@code assistant}; the non-standard {@code reasoning} array is dropped) with {@code tools} (a JSON
 *       string or a list), or {@code completion} {@code content};
 *   <li>{@code options}: {@code model}; {@code params} in OpenAI style, Anthropic style ({@code top_k},
 *       {@code stop_sequences}) or Google style ({@code maxOutputTokens}, {@code topP}, {@code topK}) brought to
 *       the OpenAI vocabulary, {@code response_format} as the response format; {@code use_cache},
 *       {@code reasoning_enabled}, {@code reasoning_budget} and {@code position} kept in the metadata under
 *       {@code braintrust};
 *   <li>{@code template_format} ({@code mustache} by default, {@code none}; {@code nunjucks} is refused);
 *   <li>{@code parser}, {@code tool_functions}, {@code origin}, {@code mcp} and the object's name, slug,
 *       description, tags, metadata, project id, function type and id go to the metadata; {@code _xact_id} is
 *       the version unless the lookup pinned one.
 * </ul>
 */
public final class BraintrustPromptMapper {
  private static final Set<String> BRAINTRUST_ONLY_PARAMS =
      Set.of("use_cache", "reasoning_enabled", "reasoning_budget");
  private static final Set<String> OBJECT_METADATA =
      Set.of("id", "name", "slug", "description", "tags", "metadata", "project_id", "function_type", "created");
  private static final Set<String> DATA_METADATA = Set.of("parser", "tool_functions", "origin", "mcp");

  private BraintrustPromptMapper() {}

  /**
   * The prompt of Braintrust prompt object {@code object}, under {@code ref}'s id.
   *
   * @throws PromptTemplateException when the object is malformed (naming the member)
   */
  public static Prompt map(JsonObject object, PromptRef ref) {
    try {
      return doMap(object, ref);
    } catch (PromptTemplateException e) {
      throw e;
    } catch (InvalidRequestException e) {
      throw malformed(ref, e.getMessage());
    }
  }

  private static Prompt doMap(JsonObject object, PromptRef ref) {
    JsonObject data = object.getObject("prompt_data").orElseThrow(() -> malformed(ref, "no 'prompt_data' object"));
    Prompt.Builder b = Prompt.builder(ref.id())
        .version(ref.version().orElse(object.getString("_xact_id").filter(v -> !v.isEmpty()).orElse(null)))
        .environment(ref.environment().orElse(null));
    JsonObject.Builder metadata = JsonObject.builder();
    JsonObject.Builder braintrust = JsonObject.builder();
    OBJECT_METADATA.forEach(k -> object.getNonNull(k).ifPresent(v -> braintrust.put(k, v)));
    DATA_METADATA.forEach(k -> data.getNonNull(k).ifPresent(v -> braintrust.put(k, v)));

    String format = data.getString("template_format").orElse("mustache");
    if (format.equalsIgnoreCase("nunjucks")) {
      throw malformed(ref, "nunjucks templates are not supported; use mustache or none");
    }
    b.templateFormat(TemplateFormat.of(format));

    JsonObject prompt = data.getObject("prompt").orElseThrow(() -> malformed(ref, "no 'prompt_data.prompt' object"));
    String type = prompt.getString("type").orElse(prompt.has("content") && !prompt.has("messages") ? "completion" : "chat");
    switch (type) {
      case "chat" -> {
        JsonArray messages = prompt.getArray("messages").orElse(JsonArray.empty());
        for (int i = 0; i < messages.size(); i++) {
          if (!(messages.get(i) instanceof JsonObject m)) {
            throw malformed(ref, "'prompt_data.prompt.messages' item " + (i + 1) + " is not an object");
          }
          b.message(message(m));
        }
        tools(prompt.getOrNull("tools"), ref).ifPresentOrElse(b::tools, () -> {});
      }
      case "completion" -> {
        JsonValue content = prompt.getOrNull("content");
        if (!(content instanceof JsonString s)) {
          throw malformed(ref, "a completion prompt needs a string 'content'");
        }
        b.text(s.value());
      }
      default -> throw malformed(ref, "unknown prompt type '" + type + "' (expected chat or completion)");
    }

    JsonObject options = data.getObject("options").orElse(JsonObject.empty());
    options.getString("model").ifPresent(b::model);
    options.getNonNull("position").ifPresent(v -> braintrust.put("position", v));
    JsonValue rawParams = options.getOrNull("params");
    if (rawParams instanceof JsonObject params) {
      JsonObject.Builder kept = JsonObject.builder();
      params.forEach((k, v) -> {
        if (BRAINTRUST_ONLY_PARAMS.contains(k)) {
          braintrust.put(k, v);
        } else if (k.equals("response_format")) {
          if (v instanceof JsonObject rf) {
            b.responseFormat(rf);
          }
        } else {
          kept.put(k, v);
        }
      });
      b.params(ParamStyles.normalize(kept.build()));
    } else if (rawParams != null && !rawParams.isNull()) {
      throw malformed(ref, "'prompt_data.options.params' must be an object");
    }
    JsonObject bt = braintrust.build();
    if (!bt.isEmpty()) {
      metadata.put("braintrust", bt);
    }
    return b.metadata(metadata.build()).build();
  }

  private static PromptMessage message(JsonObject m) {
    JsonObject out = m.without("reasoning");
    if ("model".equals(out.getStringOrNull("role"))) {
      out = out.with("role", JsonString.of("assistant"));
    }
    return PromptMessage.of(out);
  }

  private static java.util.Optional<JsonArray> tools(JsonValue tools, PromptRef ref) {
    if (tools == null || tools.isNull()) {
      return java.util.Optional.empty();
    }
    if (tools instanceof JsonArray a) {
      return a.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(a);
    }
    if (tools instanceof JsonString s) {
      if (s.value().isBlank()) {
        return java.util.Optional.empty();
      }
      try {
        JsonValue parsed = JsonTree.parse(s.value());
        if (parsed instanceof JsonArray a) {
          return a.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(a);
        }
      } catch (JsonSyntaxException e) {
        throw malformed(ref, "'prompt_data.prompt.tools' is not valid JSON: " + e.getMessage());
      }
    }
    throw malformed(ref, "'prompt_data.prompt.tools' must be a list of tools (or its JSON text)");
  }

  private static PromptTemplateException malformed(PromptRef ref, String detail) {
    return new PromptTemplateException("malformed Braintrust prompt for " + ref + ": " + detail);
  }
}
