package dev.llmrouter.error;

import java.util.Objects;
import java.util.Optional;

/**
 * The provider's reply is malformed or unusable: undecodable stream frame, bad JSON, a reply over a size
 * limit, a body cut off mid-frame, an error event inside a 200 stream. {@link #kind()} says which.
 */
public class UpstreamProtocolException extends UpstreamException {

  /** What was wrong with the reply. */
  public enum Kind {
    /** The reply could not be decoded (bad frame, bad JSON, wrong shape). */
    MALFORMED,
    /** The reply ended in the middle of a frame or event. */
    TRUNCATED,
    /** The reply, or one event or frame of it, is larger than a configured limit ({@link #limit()}). */
    LIMIT_EXCEEDED,
    /** The provider sent an error event inside a successful (2xx) stream. */
    ERROR_EVENT
  }

  private final Kind kind;
  private final String limit;

  public UpstreamProtocolException(String provider, String message) {
    this(provider, Kind.MALFORMED, null, message, null);
  }

  public UpstreamProtocolException(String provider, String message, Throwable cause) {
    this(provider, Kind.MALFORMED, null, message, cause);
  }

  /** A protocol error of {@code kind}. */
  public UpstreamProtocolException(String provider, Kind kind, String message, Throwable cause) {
    this(provider, kind, null, message, cause);
  }

  /**
   * A protocol error of {@code kind}; {@code limit} names the setting that was exceeded (for
   * {@link Kind#LIMIT_EXCEEDED}), such as {@code ClientSettings.maxResponseBodyBytes}.
   */
  public UpstreamProtocolException(String provider, Kind kind, String limit, String message, Throwable cause) {
    super(provider, message, cause);
    this.kind = Objects.requireNonNullElse(kind, Kind.MALFORMED);
    this.limit = limit;
  }

  /** What was wrong with the reply. */
  public Kind kind() {
    return kind;
  }

  /** The name of the limit that was exceeded, for {@link Kind#LIMIT_EXCEEDED}. */
  public Optional<String> limit() {
    return Optional.ofNullable(limit);
  }

  @Override
  public int httpStatus() {
    return 502;
  }
}
