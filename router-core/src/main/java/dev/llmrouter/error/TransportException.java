package dev.llmrouter.error;

/**
 * The provider could not be reached or the connection failed: connect refused, reset, DNS failure, a
 * request that could not be sent. Retryable when nothing was received yet and the failure is not a timeout.
 */
public class TransportException extends RouterException {
  private final String provider;
  private final boolean retryable;

  public TransportException(String provider, String message, boolean retryable, Throwable cause) {
    super("provider '" + provider + "' unavailable: " + message, cause);
    this.provider = provider;
    this.retryable = retryable;
  }

  /** The provider id, such as {@code openai}. */
  public String provider() {
    return provider;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }

  @Override
  public int httpStatus() {
    return 502;
  }
}
