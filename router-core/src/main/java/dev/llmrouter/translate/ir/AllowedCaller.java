package dev.llmrouter.translate.ir;

import java.util.Optional;

/** An execution environment that may invoke a tool (lingua's {@code UniversalToolCaller}). */
public enum AllowedCaller {
  /** The model calls the tool directly. */
  DIRECT("direct"),
  /** Called from a program (Responses programmatic tool calling). */
  PROGRAMMATIC("programmatic"),
  /** Anthropic code execution, version 2025-08-25. */
  CODE_EXECUTION_20250825("code_execution_20250825"),
  /** Anthropic code execution, version 2026-01-20. */
  CODE_EXECUTION_20260120("code_execution_20260120"),
  /** Anthropic code execution, version 2026-05-21. */
  CODE_EXECUTION_20260521("code_execution_20260521");

  private final String wire;

  AllowedCaller(String wire) {
    this.wire = wire;
  }

  /** The serialized name. */
  public String wire() {
    return wire;
  }

  /** Parses the serialized name (exact). */
  public static Optional<AllowedCaller> fromWire(String s) {
    for (AllowedCaller c : values()) {
      if (c.wire.equals(s)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wire;
  }
}
