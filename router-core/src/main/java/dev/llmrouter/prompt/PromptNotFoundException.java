package dev.llmrouter.prompt;

import dev.llmrouter.error.InvalidRequestException;

/** The requested prompt (or its version or environment) does not exist in the source; a client error (404). */
public class PromptNotFoundException extends InvalidRequestException {
  private final PromptRef ref;

  public PromptNotFoundException(PromptRef ref) {
    super(ref + " not found");
    this.ref = ref;
  }

  /** With a detail, such as the source that was asked. */
  public PromptNotFoundException(PromptRef ref, String detail) {
    super(ref + " not found: " + detail);
    this.ref = ref;
  }

  /** What was asked for. */
  public PromptRef ref() {
    return ref;
  }

  /** The unknown prompt's id. */
  public String promptId() {
    return ref.id();
  }

  @Override
  public int httpStatus() {
    return 404;
  }
}
