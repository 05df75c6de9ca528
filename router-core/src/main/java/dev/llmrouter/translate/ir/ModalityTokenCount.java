package dev.llmrouter.translate.ir;

import java.util.Optional;

/**
 * A token count for one modality (lingua's {@code ModalityTokenCount}).
 *
 * @param modality the modality
 * @param tokenCount the count
 */
public record ModalityTokenCount(Optional<TokenModality> modality, Optional<Long> tokenCount) {

  /** Normalizes null optionals. */
  public ModalityTokenCount {
    modality = LinguaJson.opt(modality);
    tokenCount = LinguaJson.opt(tokenCount);
  }

  /** A count for a modality. */
  public static ModalityTokenCount of(TokenModality modality, long tokenCount) {
    return new ModalityTokenCount(Optional.of(modality), Optional.of(tokenCount));
  }
}
