package dev.llmrouter.translate.ir;

import java.util.Optional;

/**
 * A reasoning fragment in a stream delta (lingua's {@code UniversalReasoningDelta}).
 *
 * @param content the reasoning text fragment
 */
public record ReasoningDelta(Optional<String> content) {

  /** Normalizes a null content. */
  public ReasoningDelta {
    content = LinguaJson.opt(content);
  }

  /** A fragment with text. */
  public static ReasoningDelta of(String content) {
    return new ReasoningDelta(Optional.ofNullable(content));
  }
}
