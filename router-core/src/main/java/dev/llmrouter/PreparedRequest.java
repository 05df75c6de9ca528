package dev.llmrouter;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.route.ProviderRoute;
import java.util.Objects;

/**
 * A request ready to send on one route: the final payload bytes and wire format, the output format, and
 * the retry policy captured when it was prepared. Immutable; may be executed more than once.
 */
public final class PreparedRequest {
  private final ProviderRoute route;
  private final byte[] payload;
  private final ProviderFormat wireFormat;
  private final ProviderFormat outputFormat;
  private final boolean stream;
  private final boolean requiresJsonResponse;
  private final RetryPolicy retryPolicy;
  private final RouterMetadata metadata;

  PreparedRequest(
      ProviderRoute route,
      byte[] payload,
      ProviderFormat wireFormat,
      ProviderFormat outputFormat,
      boolean stream,
      boolean requiresJsonResponse,
      RetryPolicy retryPolicy,
      RouterMetadata metadata) {
    this.route = Objects.requireNonNull(route);
    this.payload = Objects.requireNonNull(payload);
    this.wireFormat = Objects.requireNonNull(wireFormat);
    this.outputFormat = Objects.requireNonNull(outputFormat);
    this.stream = stream;
    this.requiresJsonResponse = requiresJsonResponse;
    this.retryPolicy = Objects.requireNonNull(retryPolicy);
    this.metadata = Objects.requireNonNull(metadata);
  }

  public ProviderRoute route() {
    return route;
  }

  /** The bytes that will be sent (not copied: do not modify). */
  public byte[] payload() {
    return payload;
  }

  /** The wire format sent. */
  public ProviderFormat wireFormat() {
    return wireFormat;
  }

  /** The format the response is returned in. */
  public ProviderFormat outputFormat() {
    return outputFormat;
  }

  /** Whether this was prepared for streaming. */
  public boolean stream() {
    return stream;
  }

  /** Whether the client asked for a JSON object response. */
  public boolean requiresJsonResponse() {
    return requiresJsonResponse;
  }

  /** The retry policy captured at preparation. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Routing metadata (no attempts yet). */
  public RouterMetadata metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "PreparedRequest{route=" + route + ", wireFormat=" + wireFormat + ", outputFormat="
        + outputFormat + ", stream=" + stream + ", payloadBytes=" + payload.length + "}";
  }
}
