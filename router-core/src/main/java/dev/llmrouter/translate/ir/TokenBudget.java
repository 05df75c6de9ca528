package dev.llmrouter.translate.ir;

import java.util.Objects;

/**
 * A generation token limit (lingua's {@code TokenBudget}): output tokens only (what every adapter uses) or
 * total tokens.
 *
 * @param kind which tokens the limit counts
 * @param tokens the limit
 */
public record TokenBudget(Kind kind, long tokens) {

  /** What the budget limits. */
  public enum Kind {
    /** Generated output tokens ({@code max_tokens}, {@code max_output_tokens}, {@code maxOutputTokens}). */
    OUTPUT_TOKENS,
    /** Prompt plus output tokens. */
    TOTAL_TOKENS
  }

  /** Validates the kind. */
  public TokenBudget {
    Objects.requireNonNull(kind, "kind");
  }

  /** An output-token budget. */
  public static TokenBudget outputTokens(long tokens) {
    return new TokenBudget(Kind.OUTPUT_TOKENS, tokens);
  }

  /** A total-token budget. */
  public static TokenBudget totalTokens(long tokens) {
    return new TokenBudget(Kind.TOTAL_TOKENS, tokens);
  }
}
