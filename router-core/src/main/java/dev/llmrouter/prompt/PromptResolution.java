package dev.llmrouter.prompt;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PromptResolver#resolve} did to a request body: the body to route (the caller's own array when
 * it carried no {@code prompt_id}), the prompt that was applied and the model the expanded body names.
 */
public final class PromptResolution {
  private final byte[] body;
  private final Prompt prompt;
  private final String model;

  private PromptResolution(byte[] body, Prompt prompt, String model) {
    this.body = Objects.requireNonNull(body, "body");
    this.prompt = prompt;
    this.model = model;
  }

  /** The resolution of a body that names no prompt: the same array, no prompt, no model. */
  public static PromptResolution unchanged(byte[] body) {
    return new PromptResolution(body, null, null);
  }

  static PromptResolution applied(byte[] body, Prompt prompt, String model) {
    return new PromptResolution(body, Objects.requireNonNull(prompt, "prompt"), model);
  }

  /**
   * The body to route: the very array passed in when no prompt was applied (not a copy), else the expanded
   * body. Callers must not modify it.
   */
  public byte[] body() {
    return body;
  }

  /** Whether a prompt was applied. */
  public boolean isApplied() {
    return prompt != null;
  }

  /** The prompt that was applied. */
  public Optional<Prompt> prompt() {
    return Optional.ofNullable(prompt);
  }

  /**
   * The model the expanded body names (the prompt's, or the caller's without a {@code generic_prompt/}
   * prefix), when a prompt was applied and there is one. {@code Router.complete(body, model, ...)} callers use
   * it in place of their own model argument so that the prompt's model applies there too.
   */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  @Override
  public String toString() {
    return prompt == null
        ? "PromptResolution{unchanged}"
        : "PromptResolution{" + prompt + (model == null ? "" : ", model=" + model) + "}";
  }
}
