package dev.llmrouter.translate.ir;

import java.util.Locale;
import java.util.Optional;

/** Reasoning summary mode (lingua's {@code SummaryMode}; Responses {@code reasoning.summary}). */
public enum SummaryMode {
  /** No summary. */
  NONE("none"),
  /** The provider decides. */
  AUTO("auto"),
  /** A detailed summary. */
  DETAILED("detailed");

  private final String wire;

  SummaryMode(String wire) {
    this.wire = wire;
  }

  /** The lowercase name. */
  public String wire() {
    return wire;
  }

  /** Parses {@code none}/{@code auto}/{@code detailed} case-insensitively. */
  public static Optional<SummaryMode> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (SummaryMode m : values()) {
      if (m.wire.equals(lower)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Maps OpenAI's {@code Summary} enum ({@code auto}, {@code concise}, {@code detailed}, exact) as lingua
   * does: {@code concise} becomes {@link #AUTO}. Empty for any other value.
   */
  public static Optional<SummaryMode> fromOpenAI(String value) {
    if (value == null) {
      return Optional.empty();
    }
    switch (value) {
      case "auto":
      case "concise":
        return Optional.of(AUTO);
      case "detailed":
        return Optional.of(DETAILED);
      default:
        return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return wire;
  }
}
