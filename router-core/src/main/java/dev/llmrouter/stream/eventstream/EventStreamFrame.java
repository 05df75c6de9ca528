package dev.llmrouter.stream.eventstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded event-stream message: its headers, in wire order, and its payload.
 *
 * <p>Frames handed to an {@link EventStreamDecoder.Listener} are <em>views</em>: to avoid a copy, their
 * payload points into the decoder's or the caller's buffer and may only be read during the
 * {@code onFrame} call; afterwards the payload accessors (and {@code equals}/{@code hashCode}) throw
 * {@link IllegalStateException}. The headers stay valid. Call {@link #copy()} to keep a whole frame.
 * Frames made with {@link #of} own their payload.
 */
public final class EventStreamFrame {
  /** The header naming the kind of message: {@code event}, {@code exception} or {@code error}. */
  public static final String MESSAGE_TYPE = ":message-type";
  /** The header naming an event, e.g. {@code chunk} or {@code contentBlockDelta}. */
  public static final String EVENT_TYPE = ":event-type";
  /** The header naming a modeled exception, e.g. {@code throttlingException}. */
  public static final String EXCEPTION_TYPE = ":exception-type";
  /** The header with the code of an unmodeled error message. */
  public static final String ERROR_CODE = ":error-code";
  /** The header with the text of an unmodeled error message. */
  public static final String ERROR_MESSAGE = ":error-message";
  /** The header with the payload's media type. */
  public static final String CONTENT_TYPE = ":content-type";

  private final Map<String, EventStreamHeaderValue> headers;
  private byte[] buf;
  private final int payloadOffset;
  private final int payloadLength;

  EventStreamFrame(Map<String, EventStreamHeaderValue> headers, byte[] buf, int payloadOffset,
      int payloadLength) {
    this.headers = headers;
    this.buf = buf;
    this.payloadOffset = payloadOffset;
    this.payloadLength = payloadLength;
  }

  /** A frame that owns copies of {@code headers} (order kept) and {@code payload}. */
  public static EventStreamFrame of(Map<String, EventStreamHeaderValue> headers, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    Map<String, EventStreamHeaderValue> copy = new LinkedHashMap<>(Objects.requireNonNull(headers, "headers"));
    return new EventStreamFrame(Collections.unmodifiableMap(copy), payload.clone(), 0, payload.length);
  }

  /** The headers by name, in wire order (unmodifiable). */
  public Map<String, EventStreamHeaderValue> headers() {
    return headers;
  }

  /** The value of a header. */
  public Optional<EventStreamHeaderValue> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The value of a header when it is present and of type string. */
  public Optional<String> stringHeader(String name) {
    EventStreamHeaderValue v = headers.get(name);
    return v != null && v.type() == EventStreamHeaderValue.Type.STRING
        ? Optional.of(v.asString())
        : Optional.empty();
  }

  /** The {@value #MESSAGE_TYPE} header, when it is a string. */
  public Optional<String> messageType() {
    return stringHeader(MESSAGE_TYPE);
  }

  /** The {@value #EVENT_TYPE} header, when it is a string. */
  public Optional<String> eventType() {
    return stringHeader(EVENT_TYPE);
  }

  /** The payload size in bytes; always available. */
  public int payloadLength() {
    return payloadLength;
  }

  /** A copy of the payload; throws {@link IllegalStateException} if this view is no longer valid. */
  public byte[] payload() {
    byte[] b = array();
    return Arrays.copyOfRange(b, payloadOffset, payloadOffset + payloadLength);
  }

  /**
   * Copies the payload into {@code dst} at {@code dstOffset}.
   *
   * @throws IllegalStateException if this view is no longer valid
   * @throws IndexOutOfBoundsException if it does not fit
   */
  public void copyPayloadTo(byte[] dst, int dstOffset) {
    System.arraycopy(array(), payloadOffset, dst, dstOffset, payloadLength);
  }

  /** A read-only view of the payload; throws {@link IllegalStateException} if this view is no longer valid. */
  public ByteBuffer payloadBuffer() {
    return ByteBuffer.wrap(array(), payloadOffset, payloadLength).slice().asReadOnlyBuffer();
  }

  /** The payload decoded as UTF-8; throws {@link IllegalStateException} if this view is no longer valid. */
  public String payloadUtf8() {
    return new String(array(), payloadOffset, payloadLength, StandardCharsets.UTF_8);
  }

  /** Whether the payload can still be read (always true for copies and frames made with {@link #of}). */
  public boolean isPayloadAvailable() {
    return buf != null;
  }

  /** A frame with the same headers that owns a copy of the payload. */
  public EventStreamFrame copy() {
    byte[] p = payload();
    return new EventStreamFrame(headers, p, 0, p.length);
  }

  /** The array holding the payload, for zero-copy reads in this package. */
  byte[] array() {
    byte[] b = buf;
    if (b == null) {
      throw new IllegalStateException(
          "the payload of an event-stream frame view is only readable during onFrame; use copy()");
    }
    return b;
  }

  /** Where the payload starts in {@link #array()}. */
  int payloadOffset() {
    return payloadOffset;
  }

  /** Ends the view: called by the decoder when {@code onFrame} returns. */
  void invalidate() {
    buf = null;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EventStreamFrame)) {
      return false;
    }
    EventStreamFrame other = (EventStreamFrame) o;
    return headers.equals(other.headers)
        && Arrays.equals(array(), payloadOffset, payloadOffset + payloadLength,
            other.array(), other.payloadOffset, other.payloadOffset + other.payloadLength);
  }

  @Override
  public int hashCode() {
    int h = 1;
    byte[] b = array();
    for (int i = payloadOffset; i < payloadOffset + payloadLength; i++) {
      h = 31 * h + b[i];
    }
    return 31 * headers.hashCode() + h;
  }

  @Override
  public String toString() {
    return "EventStreamFrame{headers=" + headers + ", payload="
        + (buf == null ? "<" + payloadLength + " bytes, no longer readable>" : payloadUtf8()) + "}";
  }
}
