package dev.llmrouter.error;

import java.util.Objects;

/**
 * A time limit ran out while talking to the provider; never retried (the Rust router's rule). {@link #phase()}
 * says which limit: connecting, waiting for the response headers, an idle gap in the body, or the whole call.
 */
public class UpstreamTimeoutException extends TransportException {

  /** Which time limit ran out. */
  public enum Phase {
    /** Opening the TCP (and TLS) connection took too long ({@code ClientSettings.connectTimeout}). */
    CONNECT,
    /** The response headers did not arrive in time ({@code ClientSettings.responseHeadersTimeout}). */
    RESPONSE_HEADERS,
    /** Nothing arrived for too long while reading the body, between stream chunks for example. */
    STREAM_IDLE,
    /** The whole call took too long ({@code ClientSettings.requestTimeout}, OkHttp's call timeout). */
    TOTAL,
    /** A timeout whose phase is not known (a custom transport). */
    UNKNOWN
  }

  private final Phase phase;

  /** A timeout of unknown phase. */
  public UpstreamTimeoutException(String provider, String message, Throwable cause) {
    this(provider, Phase.UNKNOWN, message, cause);
  }

  /** A timeout in {@code phase}; the message starts with the phase name. */
  public UpstreamTimeoutException(String provider, Phase phase, String message, Throwable cause) {
    super(provider, "timed out" + (phase == null || phase == Phase.UNKNOWN ? "" : " (" + phase + ")")
        + ": " + message, false, cause);
    this.phase = Objects.requireNonNullElse(phase, Phase.UNKNOWN);
  }

  /** Which time limit ran out. */
  public Phase phase() {
    return phase;
  }

  @Override
  public int httpStatus() {
    return 504;
  }
}
