package dev.llmrouter.prompt;

import dev.llmrouter.json.JsonObject;

/**
 * Renders one template text with variables (SPI). Core ships {@link BraceTemplateEngine} for
 * {@link TemplateFormat#BRACES}; router-providers registers a Mustache engine for
 * {@link TemplateFormat#MUSTACHE} through {@link java.util.ServiceLoader} (see {@link TemplateEngines}).
 * Implementations are thread-safe.
 */
public interface TemplateEngine {

  /** The template language this engine renders. */
  TemplateFormat format();

  /**
   * Renders {@code template}.
   *
   * @param variables the caller's {@code prompt_variables}: strings are inserted as they are, other values as
   *     their JSON text (engines with sections may also iterate arrays and test booleans)
   * @param strict whether a placeholder without a variable fails ({@link MissingVariableException}); when
   *     false, the engine's lenient rule applies (braces: the placeholder is left as written; Mustache: empty)
   * @throws PromptTemplateException when the template is malformed, or a variable is missing in strict mode
   */
  String render(String template, JsonObject variables, boolean strict);
}
