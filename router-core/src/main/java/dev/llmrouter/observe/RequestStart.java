package dev.llmrouter.observe;

import dev.llmrouter.catalog.ProviderFormat;
import java.time.Instant;
import java.util.Objects;

/**
 * A request entered the router: its id (unique within the process, shared by every event of the request),
 * the requested model (empty when the body could not be read, in which case the request end follows at
 * once), the caller's format, whether it streams, and when it started.
 */
public record RequestStart(long requestId, String requestedModel, ProviderFormat outputFormat, boolean stream,
    Instant startedAt) {

  /** Checks that no component is null. */
  public RequestStart {
    Objects.requireNonNull(requestedModel, "requestedModel");
    Objects.requireNonNull(outputFormat, "outputFormat");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
