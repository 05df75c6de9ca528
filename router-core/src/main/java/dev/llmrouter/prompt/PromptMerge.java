package dev.llmrouter.prompt;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.Translator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Merges a rendered prompt into a caller's body of one wire format.
 *
 * <p>Chat Completions bodies are merged directly: template messages, then the caller's; the prompt's params
 * (OpenAI vocabulary), tools and response format by the precedence rule. For the other formats the prompt is
 * first written as a Chat body and translated into the caller's format by the router's own
 * {@link Translator} (so messages, parts, tool calls, tools, tool choice, response format and params map
 * exactly as they do for routed requests); the translated conversation goes before the caller's
 * ({@code messages}, {@code input}, {@code contents}), its system part before the caller's
 * ({@code system}, {@code instructions}, {@code systemInstruction}), and its other members are params. A
 * member the translation adds on its own (Anthropic's required {@code max_tokens}, for example) is found by
 * translating the prompt once more without params, and only fills a gap in the caller's body.
 */
final class PromptMerge {
  /** Chat parameters that mean the same thing: setting one removes the others. */
  private static final List<Set<String>> CHAT_ALIASES =
      List.of(Set.of("max_tokens", "max_completion_tokens"));

  /** Members never taken from a translated prompt body. */
  private static final Set<String> SKIPPED = Set.of("model", "stream", "stream_options");

  /** The text of the closing turn added for translation (see {@link #merge}). */
  private static final String SENTINEL = "__llmrouter_prompt_template_end__";

  private final ParamPrecedence precedence;

  PromptMerge(ParamPrecedence precedence) {
    this.precedence = precedence;
  }

  /** The layout of one wire format's body. */
  private record Layout(
      ProviderFormat target, Set<String> conversation, Set<String> system, Set<String> nested) {}

  private static Layout layout(ProviderFormat format) {
    switch (format) {
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        return new Layout(format, Set.of("messages"), Set.of("system"), Set.of("thinking", "metadata"));
      case RESPONSES:
        return new Layout(format, Set.of("input"), Set.of("instructions"), Set.of("text", "reasoning"));
      case GOOGLE:
        return new Layout(
            format,
            Set.of("contents"),
            Set.of("systemInstruction", "system_instruction"),
            Set.of("generationConfig", "generation_config", "toolConfig", "tool_config"));
      case CONVERSE:
        return new Layout(
            format, Set.of("messages"), Set.of("system"), Set.of("inferenceConfig", "toolConfig"));
      default:
        return null;
    }
  }

  /** {@code body} (prompt fields already removed) with {@code rendered} merged in, written for {@code format}. */
  JsonObject merge(JsonObject body, RenderedPrompt rendered, ProviderFormat format, String model) {
    JsonObject params = promptParams(rendered);
    Layout layout = layout(format);
    if (layout == null) {
      return mergeChat(body, rendered, params, model);
    }
    // A closing sentinel turn keeps the translation valid for templates of system messages only (Anthropic
    // and Gemini need a conversation turn); its role differs from the last template turn so that it is never
    // merged into it, and it is removed from the translated conversation again.
    JsonArray templates = rendered.messagesJson();
    String lastRole = templates.isEmpty()
        ? "system"
        : templates.get(templates.size() - 1).asObject().map(m -> m.getStringOrNull("role")).orElse("user");
    JsonObject sentinel = JsonObject.of(
        "role", JsonString.of("user".equals(lastRole) ? "assistant" : "user"), "content", JsonString.of(SENTINEL));
    JsonObject.Builder chat = JsonObject.builder()
        .put("messages", JsonArray.builder().addAll(templates).add(sentinel).build());
    if (model != null) {
      chat.put("model", model);
    }
    JsonObject baseline = translate(chat.build(), format, model);
    JsonObject translated = params.isEmpty() ? baseline : translate(chat.putAll(params).build(), format, model);
    return mergeTranslated(body, translated, baseline, layout, model);
  }

  private JsonObject promptParams(RenderedPrompt rendered) {
    if (precedence == ParamPrecedence.IGNORE_PROMPT_PARAMS) {
      return JsonObject.empty();
    }
    JsonObject.Builder b = rendered.params().toBuilder();
    rendered.tools().ifPresent(t -> b.put("tools", t));
    rendered.responseFormat().ifPresent(f -> b.put("response_format", f));
    for (String k : List.of("model", "messages", "stream", "stream_options")) {
      b.remove(k);
    }
    return b.build();
  }

  // ---- Chat Completions -----------------------------------------------------------------------------

  private JsonObject mergeChat(JsonObject body, RenderedPrompt rendered, JsonObject params, String model) {
    JsonObject.Builder out = body.toBuilder();
    JsonArray.Builder messages = JsonArray.builder().addAll(rendered.messagesJson());
    JsonValue callers = body.getOrNull("messages");
    if (callers instanceof JsonArray a) {
      messages.addAll(a);
    } else if (callers != null && !callers.isNull()) {
      throw new InvalidRequestException("'messages' must be a list, got " + callers.kind());
    }
    out.put("messages", messages.build());
    params.forEach((key, value) -> putParam(out, body, key, value, false));
    if (model != null) {
      out.put("model", model);
    }
    return moveToFront(out.build(), "model", "messages");
  }

  private void putParam(JsonObject.Builder out, JsonObject caller, String key, JsonValue value, boolean isDefault) {
    Set<String> aliases = Set.of(key);
    for (Set<String> group : CHAT_ALIASES) {
      if (group.contains(key)) {
        aliases = group;
      }
    }
    boolean callerHas = false;
    for (String a : aliases) {
      callerHas |= caller.has(a);
    }
    if (isDefault || precedence == ParamPrecedence.CALLER_WINS) {
      if (!callerHas) {
        out.put(key, value);
      }
      return;
    }
    for (String a : aliases) {
      out.remove(a);
    }
    out.put(key, value);
  }

  // ---- Other formats --------------------------------------------------------------------------------

  private static JsonObject translate(JsonObject chatBody, ProviderFormat format, String model) {
    byte[] bytes = JsonTree.write(chatBody);
    byte[] out = Translator.transformRequest(bytes, format, Optional.ofNullable(model)).body();
    return JsonTree.parseObject(out);
  }

  private JsonObject mergeTranslated(
      JsonObject body, JsonObject translated, JsonObject baseline, Layout layout, String model) {
    JsonObject.Builder out = body.toBuilder();
    for (int i = 0; i < translated.size(); i++) {
      String key = translated.keyAt(i);
      JsonValue value = translated.valueAt(i);
      if (SKIPPED.contains(key)) {
        continue;
      }
      if (layout.conversation().contains(key)) {
        out.put(key, concat(withoutSentinel(value, key), body.getOrNull(key), key));
      } else if (layout.system().contains(key)) {
        String callerKey = key;
        for (String k : layout.system()) {
          if (body.has(k)) {
            callerKey = k;
          }
        }
        JsonValue merged = combineSystem(value, body.getOrNull(callerKey), layout.target());
        out.remove(callerKey);
        out.put(callerKey, merged);
      } else {
        JsonValue base = baseline.getOrNull(key);
        String callerKey = key;
        if (layout.nested().contains(key)) {
          for (String k : layout.nested()) {
            if (!k.equals(key) && sameMember(k, key) && body.has(k)) {
              callerKey = k;
            }
          }
        }
        JsonValue callerValue = body.getOrNull(callerKey);
        if (layout.nested().contains(key) && value instanceof JsonObject po && callerValue instanceof JsonObject co) {
          out.put(callerKey, mergeNested(co, po, base instanceof JsonObject bo ? bo : JsonObject.empty()));
        } else {
          boolean isDefault = value.equals(base);
          if (isDefault || precedence == ParamPrecedence.CALLER_WINS) {
            if (callerValue == null) {
              out.put(key, value);
            }
          } else {
            out.remove(callerKey);
            out.put(key, value);
          }
        }
      }
    }
    if (model != null) {
      out.put("model", model);
    }
    return out.build();
  }

  /** The translated conversation without its last item, which must be the sentinel turn. */
  private static JsonArray withoutSentinel(JsonValue conversation, String key) {
    JsonArray items = asItems(conversation, key);
    if (items.isEmpty() || !items.get(items.size() - 1).toJson().contains(SENTINEL)) {
      throw new TranslationException(
          "the prompt's template messages could not be translated into the request's format ('" + key + "')");
    }
    return JsonArray.of(items.values().subList(0, items.size() - 1));
  }

  /** Whether two spellings name one member ({@code generationConfig} and {@code generation_config}). */
  private static boolean sameMember(String a, String b) {
    return a.replace("_", "").equalsIgnoreCase(b.replace("_", ""));
  }

  private JsonObject mergeNested(JsonObject caller, JsonObject prompt, JsonObject baseline) {
    JsonObject.Builder out = caller.toBuilder();
    prompt.forEach(
        (k, v) -> {
          boolean isDefault = v.equals(baseline.getOrNull(k));
          if (isDefault || precedence == ParamPrecedence.CALLER_WINS) {
            if (!caller.has(k)) {
              out.put(k, v);
            }
          } else {
            out.put(k, v);
          }
        });
    return out.build();
  }

  /** The prompt's conversation items, then the caller's (a string Responses input is one user message). */
  private static JsonArray concat(JsonValue prompt, JsonValue caller, String key) {
    JsonArray.Builder b = JsonArray.builder();
    b.addAll(asItems(prompt, key));
    if (caller != null && !caller.isNull()) {
      b.addAll(asItems(caller, key));
    }
    return b.build();
  }

  private static JsonArray asItems(JsonValue v, String key) {
    if (v instanceof JsonArray a) {
      return a;
    }
    if (v instanceof JsonString s && key.equals("input")) {
      return JsonArray.of(JsonObject.of("role", JsonString.of("user"), "content", s));
    }
    throw new InvalidRequestException("'" + key + "' must be a list, got " + v.kind());
  }

  /** The prompt's system text before the caller's, in the format's own shape. */
  private static JsonValue combineSystem(JsonValue prompt, JsonValue caller, ProviderFormat format) {
    if (caller == null || caller.isNull()) {
      return prompt;
    }
    if (format == ProviderFormat.RESPONSES) {
      if (prompt instanceof JsonString p && caller instanceof JsonString c) {
        return JsonString.of(p.value() + "\n\n" + c.value());
      }
      throw new InvalidRequestException("'instructions' must be a string, got " + caller.kind());
    }
    if (format == ProviderFormat.GOOGLE) {
      JsonObject p = prompt.asObject().orElse(JsonObject.empty());
      JsonObject c = caller.asObject().orElseThrow(
          () -> new InvalidRequestException("'systemInstruction' must be an object, got " + caller.kind()));
      JsonArray parts = JsonArray.builder()
          .addAll(p.getArray("parts").orElse(JsonArray.empty()))
          .addAll(c.getArray("parts").orElse(JsonArray.empty()))
          .build();
      return c.with("parts", parts);
    }
    // Anthropic and Converse: a string or a list of blocks.
    return JsonArray.builder().addAll(systemBlocks(prompt)).addAll(systemBlocks(caller)).build();
  }

  private static JsonArray systemBlocks(JsonValue v) {
    if (v instanceof JsonArray a) {
      return a;
    }
    if (v instanceof JsonString s) {
      return JsonArray.of(JsonObject.of("type", JsonString.of("text"), "text", s));
    }
    throw new InvalidRequestException("'system' must be a string or a list of blocks, got " + v.kind());
  }

  private static JsonObject moveToFront(JsonObject o, String... keys) {
    JsonObject.Builder b = JsonObject.builder(o.size());
    for (String k : keys) {
      o.get(k).ifPresent(v -> b.put(k, v));
    }
    o.forEach((k, v) -> {
      if (!b.has(k)) {
        b.put(k, v);
      }
    });
    return b.build();
  }
}
