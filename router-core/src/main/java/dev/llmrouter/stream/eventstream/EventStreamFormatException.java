package dev.llmrouter.stream.eventstream;

import java.util.Objects;

/**
 * The bytes are not a valid AWS event stream. {@link #problem()} says what is wrong and {@link #position()}
 * where the offending frame starts; the message names both. The decoder cannot continue after this error;
 * {@link EventStreamRawStream} reports it as a {@link dev.llmrouter.error.UpstreamProtocolException}.
 */
public final class EventStreamFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the stream. */
  public enum Problem {
    /** The CRC32 of the first eight bytes does not match the prelude CRC. */
    PRELUDE_CRC_MISMATCH,
    /** The CRC32 of the frame does not match the message CRC at its end. */
    MESSAGE_CRC_MISMATCH,
    /** The total length is below the 16 bytes of prelude and message CRC. */
    FRAME_TOO_SHORT,
    /** The total length exceeds the decoder's maximum frame size. */
    FRAME_TOO_LARGE,
    /** The headers length does not fit in the frame. */
    HEADERS_LENGTH_OUT_OF_RANGE,
    /**
     * A header is malformed: an empty name, a repeated name, an unknown value type, or a name or value
     * overrunning the headers section.
     */
    MALFORMED_HEADER,
    /** The input ended inside a frame. */
    TRUNCATED_FRAME
  }

  private final Problem problem;
  private final long position;

  EventStreamFormatException(Problem problem, long position, String message) {
    super(message + " (frame at stream byte " + position + ")");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.position = position;
  }

  /** What is wrong. */
  public Problem problem() {
    return problem;
  }

  /** The offset in the stream, counted from the first byte fed, of the start of the offending frame. */
  public long position() {
    return position;
  }
}
