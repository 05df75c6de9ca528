package dev.llmrouter.observe;

import dev.llmrouter.catalog.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request finished (a stream: when it ended or was closed): the route that served it (empty if none
 * did), the status the caller sees, the error type if it failed, the total latency, the usage when known
 * and the finish reasons reported (e.g. {@code stop}, {@code tool_calls}).
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
