package dev.llmrouter.translate.ir;

import java.util.List;
import java.util.Optional;

/**
 * Subsets of the inclusive prompt count (lingua's {@code InputTokenDetails}).
 *
 * @param contentByModality request content tokens by modality (tool prompts are separate)
 * @param cached cache-read tokens (included in the inclusive prompt)
 * @param cacheCreation cache-write tokens (included in the inclusive prompt when reported)
 * @param toolPrompt provider-generated tool prompt tokens (Google)
 */
public record InputTokenDetails(
    Optional<List<ModalityTokenCount>> contentByModality,
    Optional<TokenBreakdown> cached,
    Optional<TokenBreakdown> cacheCreation,
    Optional<TokenBreakdown> toolPrompt) {

  /** No details. */
  public static final InputTokenDetails EMPTY =
      new InputTokenDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** Normalizes null optionals and copies the list. */
  public InputTokenDetails {
    contentByModality = LinguaJson.opt(contentByModality).map(List::copyOf);
    cached = LinguaJson.opt(cached);
    cacheCreation = LinguaJson.opt(cacheCreation);
    toolPrompt = LinguaJson.opt(toolPrompt);
  }

  /** These details, or empty when nothing is set. */
  public Optional<InputTokenDetails> nonEmpty() {
    return equals(EMPTY) ? Optional.empty() : Optional.of(this);
  }
}
