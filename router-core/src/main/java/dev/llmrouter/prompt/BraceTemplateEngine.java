package dev.llmrouter.prompt;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default {@link TemplateEngine}: {@code {{var}}} and {@code {var}} placeholders, LiteLLM's syntax.
 *
 * <p>One left-to-right scan in which the double-brace form is tried first at every position, so
 * {@code {{name}}} becomes {@code Alice}, never {@code {Alice}} (LiteLLM replaces {@code {name}} first and so
 * leaves the outer braces behind). The double form allows spaces inside the braces and dotted names
 * ({@code {{ user.name }}}: the variable {@code user.name}, else the member {@code name} of the object
 * variable {@code user}); the single form is a bare identifier ({@code {name}}), so JSON such as
 * {@code {"a": 1}} in a template is left alone. Substituted values are never scanned again. Strings are
 * inserted as they are; numbers, booleans, null, objects and arrays as their JSON text.
 */
public final class BraceTemplateEngine implements TemplateEngine {
  private static final BraceTemplateEngine INSTANCE = new BraceTemplateEngine();

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*\\}\\}|\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  private BraceTemplateEngine() {}

  /** The shared instance (stateless). */
  public static BraceTemplateEngine instance() {
    return INSTANCE;
  }

  @Override
  public TemplateFormat format() {
    return TemplateFormat.BRACES;
  }

  @Override
  public String render(String template, JsonObject variables, boolean strict) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      JsonValue value = lookup(variables, name);
      if (value == null) {
        if (strict) {
          throw new MissingVariableException(name, null);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(template.length() + 32);
      }
      out.append(template, last, m.start()).append(stringify(value));
      last = m.end();
    }
    if (out == null) {
      return template;
    }
    return out.append(template, last, template.length()).toString();
  }

  /** The names of the placeholders in {@code template}, in order of first appearance. */
  public static Set<String> variableNames(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return names;
  }

  /** The variable {@code name}, or a dotted path into object variables; null when absent. */
  static JsonValue lookup(JsonObject variables, String name) {
    JsonValue direct = variables.getOrNull(name);
    if (direct != null || name.indexOf('.') < 0) {
      return direct;
    }
    JsonValue current = variables;
    for (String part : name.split("\\.", -1)) {
      if (!(current instanceof JsonObject o) || part.isEmpty()) {
        return null;
      }
      current = o.getOrNull(part);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /** A variable's text: a string as it is, anything else as compact JSON. */
  public static String stringify(JsonValue value) {
    return value instanceof JsonString s ? s.value() : value.toJson();
  }
}
