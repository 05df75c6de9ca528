package dev.llmrouter.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One pre-serialized stream event: the JSON bytes of an SSE {@code data} payload, and the SSE event type
 * when the format has one (Anthropic, Responses). Carries no SSE framing; see {@link SseFraming}.
 *
 * <p>For speed the data array is not copied in or out: treat it as read-only.
 */
public final class StreamChunk {
  private static final byte[] KEEP_ALIVE_DATA = "{\"_keep_alive\":true}".getBytes(StandardCharsets.US_ASCII);
  private static final StreamChunk KEEP_ALIVE = new StreamChunk(KEEP_ALIVE_DATA, null);

  private final byte[] data;
  private final String eventType;

  private StreamChunk(byte[] data, String eventType) {
    this.data = data;
    this.eventType = eventType;
  }

  /** A chunk with no event type. The array is used as is. */
  public static StreamChunk of(byte[] data) {
    return new StreamChunk(Objects.requireNonNull(data, "data"), null);
  }

  /** A chunk with an event type (null or empty means none). The array is used as is. */
  public static StreamChunk of(byte[] data, String eventType) {
    Objects.requireNonNull(data, "data");
    return new StreamChunk(data, eventType == null || eventType.isEmpty() ? null : eventType);
  }

  /** A chunk from text, encoded as UTF-8. */
  public static StreamChunk ofUtf8(String data, String eventType) {
    return of(data.getBytes(StandardCharsets.UTF_8), eventType);
  }

  /** The keep-alive marker ({@code {"_keep_alive":true}}), framed as an SSE comment. */
  public static StreamChunk keepAlive() {
    return KEEP_ALIVE;
  }

  /** The event payload bytes, not copied: do not modify. */
  public byte[] data() {
    return data;
  }

  /** The SSE event type, e.g. {@code content_block_delta}. */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** Whether this is the keep-alive marker. */
  public boolean isKeepAlive() {
    return this == KEEP_ALIVE || Arrays.equals(data, KEEP_ALIVE_DATA);
  }

  /** Whether the payload is empty or only whitespace. */
  public boolean isBlank() {
    for (byte b : data) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** The payload decoded as UTF-8. */
  public String utf8() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** Writes the payload bytes. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamChunk other
        && Arrays.equals(data, other.data)
        && Objects.equals(eventType, other.eventType);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(data) + Objects.hashCode(eventType);
  }

  @Override
  public String toString() {
    return "StreamChunk{" + (eventType == null ? "" : "event=" + eventType + ", ") + "data=" + utf8() + "}";
  }
}
