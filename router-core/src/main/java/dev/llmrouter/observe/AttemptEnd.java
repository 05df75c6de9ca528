package dev.llmrouter.observe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream call finished: its route, the HTTP status (200 for a successful call, the upstream status
 * of an HTTP error, empty for transport failures and timeouts), the error type (the exception's simple
 * class name) when it failed, and its latency (to response headers for streams).
 */
public record AttemptEnd(long requestId, int attempt, RouteInfo route, Optional<Integer> status,
    Optional<String> errorType, Duration latency) {

  /** Checks that no component is null. */
  public AttemptEnd {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(latency, "latency");
  }

  /** Whether the call produced a usable response. */
  public boolean succeeded() {
    return errorType.isEmpty();
  }
}
