package dev.llmrouter.translate.ir;

import dev.llmrouter.error.TranslationException;
import java.util.Locale;
import java.util.Optional;

/** A portable reasoning effort level (lingua's {@code ReasoningEffort}), ordered from none to max. */
public enum ReasoningEffort {
  /** No reasoning. */
  NONE("none"),
  /** Minimal reasoning (OpenAI). */
  MINIMAL("minimal"),
  /** Low effort. */
  LOW("low"),
  /** Medium effort (the default when reasoning is on without specifics). */
  MEDIUM("medium"),
  /** High effort. */
  HIGH("high"),
  /** Extra-high effort (newer OpenAI and Anthropic models). */
  XHIGH("xhigh"),
  /** Maximum effort. */
  MAX("max");

  private final String wire;

  ReasoningEffort(String wire) {
    this.wire = wire;
  }

  /** The lowercase name ({@code none} ... {@code max}). */
  public String wire() {
    return wire;
  }

  /** Parses a name case-insensitively; empty for unknown names. */
  public static Optional<ReasoningEffort> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (ReasoningEffort e : values()) {
      if (e.wire.equals(lower)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a name case-insensitively.
   *
   * @throws TranslationException naming {@code field} for unknown values
   */
  public static ReasoningEffort parse(String name, String field) {
    return fromWire(name)
        .orElseThrow(
            () ->
                new TranslationException(
                    "Invalid ReasoningEffort value: '" + name + "' (field " + field + ")"));
  }

  @Override
  public String toString() {
    return wire;
  }
}
