package dev.llmrouter.observe;

import dev.llmrouter.catalog.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request finished (a stream: when it ended, failed or was closed): the route that served it (for a
 * failure the last route tried, empty if none was), the status the caller sees (a stream's is 200 once it
 * is open), the error type if it failed (the exception's simple class name, or {@code cancelled} for a
 * stream closed before its end), the total latency, the usage when the reply reported it and the finish
 * reasons reported in the caller's format (e.g. {@code stop}, {@code tool_calls}, {@code end_turn}).
 */
public record RequestEnd(long requestId, Optional<RouteInfo> route, int status, Optional<String> errorType,
    Duration latency, Optional<Usage> usage, List<String> finishReasons) {

  /** Checks the components and copies the list. */
  public RequestEnd {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(usage, "usage");
    finishReasons = List.copyOf(finishReasons);
  }
}
