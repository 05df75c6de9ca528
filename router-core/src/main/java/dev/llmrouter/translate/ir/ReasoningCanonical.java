package dev.llmrouter.translate.ir;

/**
 * Which representation of a reasoning config the source actually used, so the same provider gets it back
 * unchanged (lingua's {@code ReasoningCanonical}).
 */
public enum ReasoningCanonical {
  /** {@code effort} is the source of truth (OpenAI Chat/Responses). */
  EFFORT("effort"),
  /** {@code budget_tokens} is the source of truth (Anthropic, Bedrock). */
  BUDGET_TOKENS("budget_tokens"),
  /** Google {@code thinkingConfig.thinkingBudget} is the source of truth. */
  GOOGLE_THINKING_BUDGET("google_thinking_budget"),
  /** Google {@code thinkingConfig.includeThoughts} was given without a budget or level. */
  GOOGLE_INCLUDE_THOUGHTS("google_include_thoughts");

  private final String wire;

  ReasoningCanonical(String wire) {
    this.wire = wire;
  }

  /** The snake_case name. */
  public String wire() {
    return wire;
  }

  @Override
  public String toString() {
    return wire;
  }
}
