package dev.llmrouter.gateway.prompts;

/**
 * The prompt store failed (database unreachable, disk full, schema mismatch). The message names the
 * operation and the database's reason, never a password or connection secret; the gateway answers 503.
 */
public final class PromptStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a cause. */
  public PromptStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error without a cause. */
  public PromptStoreException(String message) {
    super(message);
  }
}
