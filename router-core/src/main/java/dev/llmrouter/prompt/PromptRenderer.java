package dev.llmrouter.prompt;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Substitutes variables into a {@link Prompt}'s templates with the engine of its {@link TemplateFormat}: in
 * string {@code content} and in the {@code text} of text parts ({@code text}, {@code input_text},
 * {@code output_text}); other parts (images, files, tool calls) are left as they are. Strict mode fails on
 * the first placeholder without a variable, naming it, the prompt and the message; lenient mode applies the
 * engine's lenient rule. Immutable and thread-safe.
 */
public final class PromptRenderer {
  private static final Set<String> TEXT_PART_TYPES = Set.of("text", "input_text", "output_text");

  private final TemplateEngines engines;
  private final boolean strict;

  private PromptRenderer(TemplateEngines engines, boolean strict) {
    this.engines = Objects.requireNonNull(engines, "engines");
    this.strict = strict;
  }

  /** A renderer over {@link TemplateEngines#defaults()}. */
  public static PromptRenderer of(boolean strict) {
    return new PromptRenderer(TemplateEngines.defaults(), strict);
  }

  /** A renderer over {@code engines}. */
  public static PromptRenderer of(TemplateEngines engines, boolean strict) {
    return new PromptRenderer(engines, strict);
  }

  /** Whether a missing variable fails. */
  public boolean isStrict() {
    return strict;
  }

  /**
   * Renders {@code prompt} with {@code variables} (null means none).
   *
   * @throws PromptTemplateException on a malformed template, or a missing variable in strict mode
   */
  public RenderedPrompt render(Prompt prompt, JsonObject variables) {
    Objects.requireNonNull(prompt, "prompt");
    JsonObject vars = variables == null ? JsonObject.empty() : variables;
    TemplateEngine engine = engines.get(prompt.templateFormat());
    List<PromptMessage> out = new ArrayList<>();
    if (prompt.kind() == PromptKind.COMPLETION) {
      String text = apply(engine, prompt.text().orElse(""), vars, prompt, "completion text");
      out.add(PromptMessage.of("user", text));
    } else {
      List<PromptMessage> messages = prompt.messages();
      for (int i = 0; i < messages.size(); i++) {
        out.add(renderMessage(engine, messages.get(i), vars, prompt, i));
      }
    }
    return new RenderedPrompt(prompt, out);
  }

  private PromptMessage renderMessage(
      TemplateEngine engine, PromptMessage message, JsonObject vars, Prompt prompt, int index) {
    JsonValue content = message.content().orElse(null);
    String where = "message " + (index + 1) + " (" + message.role() + ")";
    if (content instanceof JsonString s) {
      String rendered = apply(engine, s.value(), vars, prompt, where);
      return rendered.equals(s.value()) ? message : message.withContent(JsonString.of(rendered));
    }
    if (content instanceof JsonArray parts) {
      JsonArray.Builder b = JsonArray.builder(parts.size());
      boolean changed = false;
      for (JsonValue part : parts) {
        JsonValue renderedPart = part;
        if (part instanceof JsonObject o
            && TEXT_PART_TYPES.contains(o.getStringOrNull("type"))
            && o.getOrNull("text") instanceof JsonString t) {
          String rendered = apply(engine, t.value(), vars, prompt, where);
          if (!rendered.equals(t.value())) {
            renderedPart = o.with("text", JsonString.of(rendered));
            changed = true;
          }
        }
        b.add(renderedPart);
      }
      return changed ? message.withContent(b.build()) : message;
    }
    return message;
  }

  private String apply(TemplateEngine engine, String template, JsonObject vars, Prompt prompt, String where) {
    try {
      return engine.render(template, vars, strict);
    } catch (MissingVariableException e) {
      throw new MissingVariableException(e.variable(), "prompt '" + prompt.id() + "' " + where);
    } catch (PromptTemplateException e) {
      throw new PromptTemplateException(
          "prompt '" + prompt.id() + "' " + where + ": " + e.getMessage(), e);
    }
  }
}
