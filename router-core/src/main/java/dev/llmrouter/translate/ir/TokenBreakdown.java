package dev.llmrouter.translate.ir;

import java.util.List;
import java.util.Optional;

/**
 * A token subset with an optional modality breakdown (lingua's {@code TokenBreakdown}).
 *
 * @param totalTokens the subset's total
 * @param byModality the per-modality counts
 */
public record TokenBreakdown(Optional<Long> totalTokens, Optional<List<ModalityTokenCount>> byModality) {

  /** Normalizes null optionals and copies the list. */
  public TokenBreakdown {
    totalTokens = LinguaJson.opt(totalTokens);
    byModality = LinguaJson.opt(byModality).map(List::copyOf);
  }

  /** A breakdown with only a total. */
  public static TokenBreakdown ofTotal(long total) {
    return new TokenBreakdown(Optional.of(total), Optional.empty());
  }

  /** A breakdown, or empty when both parts are absent (lingua's {@code usage_token_breakdown}). */
  public static Optional<TokenBreakdown> of(
      Optional<Long> totalTokens, Optional<List<ModalityTokenCount>> byModality) {
    if (totalTokens.isEmpty() && byModality.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TokenBreakdown(totalTokens, byModality));
  }
}
