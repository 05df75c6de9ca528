package dev.llmrouter.translate.ir;

import java.util.List;
import java.util.Optional;

/**
 * Subsets of the inclusive completion count (lingua's {@code OutputTokenDetails}).
 *
 * @param contentByModality returned content tokens by modality (reasoning is separate)
 * @param reasoning reasoning / thinking tokens (included in the completion count)
 */
public record OutputTokenDetails(
    Optional<List<ModalityTokenCount>> contentByModality, Optional<TokenBreakdown> reasoning) {

  /** No details. */
  public static final OutputTokenDetails EMPTY =
      new OutputTokenDetails(Optional.empty(), Optional.empty());

  /** Normalizes null optionals and copies the list. */
  public OutputTokenDetails {
    contentByModality = LinguaJson.opt(contentByModality).map(List::copyOf);
    reasoning = LinguaJson.opt(reasoning);
  }

  /** These details, or empty when nothing is set. */
  public Optional<OutputTokenDetails> nonEmpty() {
    return equals(EMPTY) ? Optional.empty() : Optional.of(this);
  }
}
