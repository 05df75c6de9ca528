package dev.llmrouter.translate.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * Who issued a tool call or receives its result: the model directly or a program (lingua's
 * {@code ToolCaller}, serialized as {@code {type, caller_id?}}).
 *
 * @param type the caller kind
 * @param callerId the calling program's id, for program callers
 */
public record ToolCaller(Type type, Optional<String> callerId) {

  /** The caller kind. */
  public enum Type {
    /** The model itself. */
    DIRECT,
    /** A program (programmatic tool calling). */
    PROGRAM;

    /** {@code direct} or {@code program}. */
    public String wire() {
      return this == DIRECT ? "direct" : "program";
    }

    /** Parses {@code direct} / {@code program}. */
    public static Optional<Type> fromWire(String s) {
      if ("direct".equals(s)) {
        return Optional.of(DIRECT);
      }
      if ("program".equals(s)) {
        return Optional.of(PROGRAM);
      }
      return Optional.empty();
    }
  }

  /** Validates the type and normalizes a null id. */
  public ToolCaller {
    Objects.requireNonNull(type, "type");
    callerId = LinguaJson.opt(callerId);
  }

  /** A direct caller. */
  public static ToolCaller direct() {
    return new ToolCaller(Type.DIRECT, Optional.empty());
  }

  /** A program caller with the given id. */
  public static ToolCaller program(String callerId) {
    return new ToolCaller(Type.PROGRAM, Optional.ofNullable(callerId));
  }
}
