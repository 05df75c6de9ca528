package dev.llmrouter.gateway.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An error answer: the HTTP status, its kind, a message safe to show the caller (never a secret), and an
 * optional Retry-After to pass on.
 */
public record GatewayError(int status, ErrorKind kind, String message, Optional<Duration> retryAfter) {

  /** Checks the components. */
  public GatewayError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** An error without Retry-After. */
  public static GatewayError of(int status, ErrorKind kind, String message) {
    return new GatewayError(status, kind, message, Optional.empty());
  }
}
