package dev.llmrouter.observe;

import java.util.Objects;

/** One upstream call is about to be sent: the request id, the attempt number (from 1) and the route. */
public record AttemptStart(long requestId, int attempt, RouteInfo route) {

  /** Checks that no component is null. */
  public AttemptStart {
    Objects.requireNonNull(route, "route");
  }
}
