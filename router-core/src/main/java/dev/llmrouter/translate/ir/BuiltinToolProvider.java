package dev.llmrouter.translate.ir;

import java.util.Optional;

/** Which provider a builtin (server) tool came from (lingua's {@code BuiltinToolProvider}). */
public enum BuiltinToolProvider {
  /** Anthropic server tools ({@code bash_20250124}, {@code web_search_20250305}, tool search, ...). */
  ANTHROPIC("anthropic"),
  /** OpenAI Responses builtins ({@code web_search}, {@code code_interpreter}, {@code namespace}, ...). */
  RESPONSES("responses"),
  /** Google builtins ({@code google_search}, {@code code_execution}, ...). */
  GOOGLE("google"),
  /** Bedrock Converse builtins. */
  CONVERSE("converse");

  private final String wire;

  BuiltinToolProvider(String wire) {
    this.wire = wire;
  }

  /** The snake_case name. */
  public String wire() {
    return wire;
  }

  /** Parses the snake_case name. */
  public static Optional<BuiltinToolProvider> fromWire(String s) {
    for (BuiltinToolProvider p : values()) {
      if (p.wire.equals(s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wire;
  }
}
