package dev.llmrouter.prompt;

import dev.llmrouter.error.InvalidRequestException;
import java.util.Locale;

/** The template language of a prompt's text: how variables are substituted. */
public enum TemplateFormat {
  /** {@code {{var}}} and {@code {var}} placeholders ({@link BraceTemplateEngine}); LiteLLM's syntax. */
  BRACES("braces"),
  /** Mustache: variables, sections, inverted sections (Braintrust's default). */
  MUSTACHE("mustache"),
  /** No substitution: the text is used as written. */
  NONE("none");

  private final String id;

  TemplateFormat(String id) {
    this.id = id;
  }

  /** The lower-case name used in JSON and configuration ({@code braces}, {@code mustache}, {@code none}). */
  public String id() {
    return id;
  }

  /**
   * The format named {@code name} (case-insensitive); {@code nunjucks} and {@code jinja} are refused with a
   * clear error rather than rendered wrongly.
   */
  public static TemplateFormat of(String name) {
    if (name == null) {
      throw new InvalidRequestException("template format must not be null");
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (TemplateFormat f : values()) {
      if (f.id.equals(n)) {
        return f;
      }
    }
    if (n.equals("simple") || n.equals("f-string") || n.equals("fstring")) {
      return BRACES;
    }
    throw new InvalidRequestException(
        "unsupported template format '" + name + "': expected braces, mustache or none");
  }
}
