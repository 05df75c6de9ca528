package dev.llmrouter.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Root of every error the router throws at request time; unchecked, so blocking and async code read alike.
 *
 * <p>The subclasses say whose fault a failure is: {@link ClientException} (the caller's request),
 * {@link AuthException} (credentials), {@link UpstreamException} (the provider answered badly) and
 * {@link TransportException} (the provider could not be reached or stopped answering). Messages never
 * contain credentials.
 */
public abstract class RouterException extends RuntimeException {

  protected RouterException(String message) {
    super(message);
  }

  protected RouterException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether the router's retry policy may try the same route again after this error. */
  public boolean isRetryable() {
    return false;
  }

  /** A delay the upstream asked for before the next attempt, when it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }

  /**
   * The HTTP status a gateway should answer with for this error: 400 for client errors, 401 for auth
   * errors, the upstream status for upstream HTTP errors, 502 or 504 otherwise.
   */
  public abstract int httpStatus();
}
