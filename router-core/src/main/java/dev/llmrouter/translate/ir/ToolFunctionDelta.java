package dev.llmrouter.translate.ir;

import java.util.Optional;

/**
 * The function part of a streamed tool call (lingua's {@code UniversalToolFunctionDelta}).
 *
 * @param name the function name (first fragment only, usually)
 * @param arguments an arguments text fragment
 */
public record ToolFunctionDelta(Optional<String> name, Optional<String> arguments) {

  /** Normalizes null optionals. */
  public ToolFunctionDelta {
    name = LinguaJson.opt(name);
    arguments = LinguaJson.opt(arguments);
  }

  /** A fragment from nullable values. */
  public static ToolFunctionDelta of(String name, String arguments) {
    return new ToolFunctionDelta(Optional.ofNullable(name), Optional.ofNullable(arguments));
  }
}
