package dev.llmrouter.stream.eventstream;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * The typed value of one event-stream header. The wire format has ten value types (bool true, bool false,
 * byte, short, int, long, byte array, string, timestamp, uuid); {@link #type()} says which one this is and
 * the matching {@code as...} accessor returns it. Immutable.
 */
public final class EventStreamHeaderValue {

  /** The wire value types, with their type codes. */
  public enum Type {
    /** Code 0: boolean {@code true}, no value bytes. */
    BOOL_TRUE(0),
    /** Code 1: boolean {@code false}, no value bytes. */
    BOOL_FALSE(1),
    /** Code 2: a signed byte. */
    BYTE(2),
    /** Code 3: a big-endian signed 16-bit integer. */
    SHORT(3),
    /** Code 4: a big-endian signed 32-bit integer. */
    INT(4),
    /** Code 5: a big-endian signed 64-bit integer. */
    LONG(5),
    /** Code 6: bytes with a 16-bit big-endian length prefix. */
    BYTE_ARRAY(6),
    /** Code 7: UTF-8 text with a 16-bit big-endian length prefix. */
    STRING(7),
    /** Code 8: milliseconds since the Unix epoch as a big-endian signed 64-bit integer. */
    TIMESTAMP(8),
    /** Code 9: a 16-byte UUID, most significant byte first. */
    UUID(9);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** The type code on the wire. */
    public int code() {
      return code;
    }
  }

  static final EventStreamHeaderValue TRUE = new EventStreamHeaderValue(Type.BOOL_TRUE, Boolean.TRUE);
  static final EventStreamHeaderValue FALSE = new EventStreamHeaderValue(Type.BOOL_FALSE, Boolean.FALSE);

  private final Type type;
  /** Boolean, Byte, Short, Integer, Long (also for timestamps), byte[] (never exposed), String or UUID. */
  private final Object value;

  private EventStreamHeaderValue(Type type, Object value) {
    this.type = type;
    this.value = value;
  }

  /** A boolean value (type {@link Type#BOOL_TRUE} or {@link Type#BOOL_FALSE}). */
  public static EventStreamHeaderValue ofBoolean(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** A byte value. */
  public static EventStreamHeaderValue ofByte(byte value) {
    return new EventStreamHeaderValue(Type.BYTE, value);
  }

  /** A 16-bit integer value. */
  public static EventStreamHeaderValue ofShort(short value) {
    return new EventStreamHeaderValue(Type.SHORT, value);
  }

  /** A 32-bit integer value. */
  public static EventStreamHeaderValue ofInt(int value) {
    return new EventStreamHeaderValue(Type.INT, value);
  }

  /** A 64-bit integer value. */
  public static EventStreamHeaderValue ofLong(long value) {
    return new EventStreamHeaderValue(Type.LONG, value);
  }

  /** A byte-array value; the array is copied. */
  public static EventStreamHeaderValue ofByteArray(byte[] value) {
    return new EventStreamHeaderValue(Type.BYTE_ARRAY, Objects.requireNonNull(value, "value").clone());
  }

  /** A string value. */
  public static EventStreamHeaderValue ofString(String value) {
    return new EventStreamHeaderValue(Type.STRING, Objects.requireNonNull(value, "value"));
  }

  /** A timestamp value, in milliseconds since the Unix epoch. */
  public static EventStreamHeaderValue ofTimestamp(long epochMillis) {
    return new EventStreamHeaderValue(Type.TIMESTAMP, epochMillis);
  }

  /** A UUID value. */
  public static EventStreamHeaderValue ofUuid(UUID value) {
    return new EventStreamHeaderValue(Type.UUID, Objects.requireNonNull(value, "value"));
  }

  /** A byte-array value that takes ownership of {@code value} (the decoder's fresh copy). */
  static EventStreamHeaderValue ownedByteArray(byte[] value) {
    return new EventStreamHeaderValue(Type.BYTE_ARRAY, value);
  }

  /** The wire type. */
  public Type type() {
    return type;
  }

  /** The boolean value; throws {@link IllegalStateException} if this is not a boolean. */
  public boolean asBoolean() {
    return (Boolean) expect(Type.BOOL_TRUE, Type.BOOL_FALSE);
  }

  /** The byte value; throws {@link IllegalStateException} if this is not a byte. */
  public byte asByte() {
    return (Byte) expect(Type.BYTE, null);
  }

  /** The 16-bit value; throws {@link IllegalStateException} if this is not a short. */
  public short asShort() {
    return (Short) expect(Type.SHORT, null);
  }

  /** The 32-bit value; throws {@link IllegalStateException} if this is not an int. */
  public int asInt() {
    return (Integer) expect(Type.INT, null);
  }

  /** The 64-bit value; throws {@link IllegalStateException} if this is not a long. */
  public long asLong() {
    return (Long) expect(Type.LONG, null);
  }

  /** A copy of the byte-array value; throws {@link IllegalStateException} if this is not a byte array. */
  public byte[] asByteArray() {
    return ((byte[]) expect(Type.BYTE_ARRAY, null)).clone();
  }

  /** The string value; throws {@link IllegalStateException} if this is not a string. */
  public String asString() {
    return (String) expect(Type.STRING, null);
  }

  /** The timestamp in milliseconds since the epoch; throws {@link IllegalStateException} if not a timestamp. */
  public long asEpochMillis() {
    return (Long) expect(Type.TIMESTAMP, null);
  }

  /** The timestamp as an instant; throws {@link IllegalStateException} if this is not a timestamp. */
  public Instant asTimestamp() {
    return Instant.ofEpochMilli(asEpochMillis());
  }

  /** The UUID value; throws {@link IllegalStateException} if this is not a UUID. */
  public UUID asUuid() {
    return (UUID) expect(Type.UUID, null);
  }

  private Object expect(Type a, Type b) {
    if (type != a && type != b) {
      throw new IllegalStateException("header value is a " + type + ", not a " + a);
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EventStreamHeaderValue)) {
      return false;
    }
    EventStreamHeaderValue other = (EventStreamHeaderValue) o;
    if (type != other.type) {
      return false;
    }
    if (type == Type.BYTE_ARRAY) {
      return Arrays.equals((byte[]) value, (byte[]) other.value);
    }
    return value.equals(other.value);
  }

  @Override
  public int hashCode() {
    int h = type == Type.BYTE_ARRAY ? Arrays.hashCode((byte[]) value) : value.hashCode();
    return 31 * type.hashCode() + h;
  }

  @Override
  public String toString() {
    switch (type) {
      case BYTE_ARRAY:
        return "bytes:" + Base64.getEncoder().encodeToString((byte[]) value);
      case STRING:
        return "\"" + value + "\"";
      case TIMESTAMP:
        return asTimestamp().toString();
      default:
        return String.valueOf(value);
    }
  }
}
