package dev.llmrouter.translate.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * Model reasoning in assistant content (lingua's {@code Reasoning} part). Anthropic thinking signatures,
 * Google thought signatures, Bedrock reasoning signatures and OpenAI encrypted reasoning all travel in
 * {@link #encryptedContent()}.
 *
 * @param text the reasoning text (may be empty, e.g. for encrypted-only reasoning)
 * @param encryptedContent the signature or encrypted payload
 */
public record ReasoningPart(String text, Optional<String> encryptedContent) implements Part {

  /** Validates the text and normalizes a null optional. */
  public ReasoningPart {
    Objects.requireNonNull(text, "text");
    encryptedContent = LinguaJson.opt(encryptedContent);
  }

  /** Reasoning text without a signature. */
  public static ReasoningPart of(String text) {
    return new ReasoningPart(text, Optional.empty());
  }

  /** Reasoning text with a signature (null for none). */
  public static ReasoningPart of(String text, String encryptedContent) {
    return new ReasoningPart(text, Optional.ofNullable(encryptedContent));
  }

  @Override
  public String type() {
    return "reasoning";
  }
}
