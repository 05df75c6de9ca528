package dev.llmrouter.translate.ir;

import dev.llmrouter.error.TranslationException;
import java.util.Locale;
import java.util.Optional;

/** Tool selection mode (lingua's {@code ToolChoiceMode}). */
public enum ToolChoiceMode {
  /** The model decides whether to call tools. */
  AUTO,
  /** No tools may be called. */
  NONE,
  /** Some tool must be called (OpenAI {@code required}, Anthropic {@code any}, Google {@code ANY}). */
  REQUIRED,
  /** A specific tool must be called (see {@link ToolChoice#toolName()}). */
  TOOL;

  /** The OpenAI string: auto, none, required, or {@code function} for {@link #TOOL}. */
  public String openAIString() {
    switch (this) {
      case AUTO:
        return "auto";
      case NONE:
        return "none";
      case REQUIRED:
        return "required";
      default:
        return "function";
    }
  }

  /** The Anthropic {@code tool_choice.type}: auto, none, any, tool. */
  public String anthropicString() {
    switch (this) {
      case AUTO:
        return "auto";
      case NONE:
        return "none";
      case REQUIRED:
        return "any";
      default:
        return "tool";
    }
  }

  /** Parses case-insensitively: auto, none, required|any, tool|function. */
  public static Optional<ToolChoiceMode> fromWire(String s) {
    if (s == null) {
      return Optional.empty();
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "auto":
        return Optional.of(AUTO);
      case "none":
        return Optional.of(NONE);
      case "required":
      case "any":
        return Optional.of(REQUIRED);
      case "tool":
      case "function":
        return Optional.of(TOOL);
      default:
        return Optional.empty();
    }
  }

  /**
   * Parses like {@link #fromWire}.
   *
   * @throws TranslationException naming {@code field} for unknown modes
   */
  public static ToolChoiceMode parse(String s, String field) {
    return fromWire(s)
        .orElseThrow(
            () ->
                new TranslationException(
                    "Invalid ToolChoiceMode value: '" + s + "' (field " + field + ")"));
  }

  @Override
  public String toString() {
    return openAIString();
  }
}
