package dev.llmrouter.stream.sse;

import dev.llmrouter.stream.StreamChunk;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One dispatched server-sent event: its data bytes (the {@code data} lines joined by LF, or the raw JSON
 * lines of a Vertex event), its event type and the last event id seen so far.
 *
 * <p>For speed the data array is not copied in or out: treat it as read-only.
 */
public final class SseEvent {
  private final byte[] data;
  private final String eventType;
  private final String id;

  SseEvent(byte[] data, String eventType, String id) {
    this.data = data;
    this.eventType = eventType;
    this.id = id;
  }

  /**
   * An event from its parts; an empty event type or id counts as none. The array is used as is.
   *
   * @throws NullPointerException if {@code data} is null
   */
  public static SseEvent of(byte[] data, String eventType, String id) {
    Objects.requireNonNull(data, "data");
    return new SseEvent(data, emptyToNull(eventType), emptyToNull(id));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The data bytes, not copied: do not modify. */
  public byte[] data() {
    return data;
  }

  /** The {@code event} field's value, when the event had a non-empty one. */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** The last event id ({@code id} field) in effect when this event was dispatched, when not empty. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Whether the data is empty or only ASCII whitespace. */
  public boolean isBlank() {
    for (byte b : data) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** The data decoded as UTF-8 (malformed bytes become U+FFFD). */
  public String utf8() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** This event as a stream chunk: the same data array and event type; the id is dropped. */
  public StreamChunk toChunk() {
    return StreamChunk.of(data, eventType);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SseEvent)) {
      return false;
    }
    SseEvent other = (SseEvent) o;
    return Arrays.equals(data, other.data)
        && Objects.equals(eventType, other.eventType)
        && Objects.equals(id, other.id);
  }

  @Override
  public int hashCode() {
    return (31 * Arrays.hashCode(data) + Objects.hashCode(eventType)) * 31 + Objects.hashCode(id);
  }

  @Override
  public String toString() {
    return "SseEvent{" + (eventType == null ? "" : "event=" + eventType + ", ")
        + (id == null ? "" : "id=" + id + ", ") + "data=" + utf8() + "}";
  }
}
