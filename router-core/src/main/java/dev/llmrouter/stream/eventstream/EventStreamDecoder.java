package dev.llmrouter.stream.eventstream;

import dev.llmrouter.stream.eventstream.EventStreamFormatException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * An incremental, push-style decoder of the AWS event-stream framing
 * ({@code application/vnd.amazon.eventstream}).
 *
 * <p>Each frame is, big-endian throughout: a 12-byte prelude (total length, headers length, CRC32 of those
 * eight bytes), the headers, the payload, and a CRC32 of everything before it. A header is a one-byte name
 * length, the name, a one-byte value type and the value (see {@link EventStreamHeaderValue.Type}). The
 * decoder checks the prelude CRC before trusting the lengths, then that the total length is at least 16 and
 * at most the maximum frame size and that the headers fit, then the message CRC, then the header syntax
 * (names of 1 to 255 bytes, each at most once; a known value type; values inside the headers section).
 * Any violation throws an {@link EventStreamFormatException} naming the problem; the decoder is then
 * unusable.
 *
 * <p>Feed the body as it arrives with {@link #feed}; frames may be split across calls at any byte. Call
 * {@link #finish} at end of input: it fails if a frame was left incomplete.
 *
 * <p>Cost: a frame that arrives whole inside one buffer is decoded in place, without copying; a frame split
 * across buffers is copied once into a reusable buffer (which grows with the largest frame and is dropped
 * after a frame over 64 KiB). Per frame the decoder allocates the header map and the frame view; header
 * names and short string values are served from a small cache, so typical Bedrock frames allocate no
 * strings. No allocation per byte.
 *
 * <p>Not thread-safe: one decoder per stream, used by one thread at a time. If the listener throws, the
 * exception propagates and the decoder is unusable afterwards.
 */
public final class EventStreamDecoder {

  /** The default maximum total length of one frame: 16 MiB. */
  public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;
  /** The smallest valid frame: the prelude and the message CRC, with no headers and no payload. */
  public static final int MIN_FRAME_SIZE = 16;

  private static final int PRELUDE_SIZE = 12;
  private static final int CRC_SIZE = 4;
  private static final int MIN_CAPACITY = 1024;
  /** A split-frame buffer above this capacity is dropped after its frame, so one huge frame does not pin it. */
  private static final int RETAINED_CAPACITY = 64 * 1024;
  private static final int CACHE_SIZE = 64; // power of two
  private static final int CACHE_MAX_LEN = 64;
  private static final byte[] EMPTY = new byte[0];

  private static final int OPEN = 0;
  private static final int FINISHED = 1;
  private static final int FAILED = 2;

  /** Receives decoded frames, on the thread that calls {@link #feed}. */
  @FunctionalInterface
  public interface Listener {

    /**
     * A complete, valid frame. Its payload may only be read during this call; see {@link EventStreamFrame}.
     */
    void onFrame(EventStreamFrame frame);
  }

  private final int maxFrameSize;
  private final CRC32 crc = new CRC32();
  private int state = OPEN;

  /** Bytes of a frame split across buffers. */
  private byte[] partial = EMPTY;
  private int partialLen;
  /** The total length of the frame in {@link #partial} once its prelude was checked, else 0. */
  private int partialTotal;
  /** Stream offset of the start of the current frame. */
  private long position;
  private long frames;

  private final byte[][] cacheBytes = new byte[CACHE_SIZE][];
  private final String[] cacheStrings = new String[CACHE_SIZE];

  /** A decoder with the {@link #DEFAULT_MAX_FRAME_SIZE default} maximum frame size. */
  public EventStreamDecoder() {
    this(DEFAULT_MAX_FRAME_SIZE);
  }

  /**
   * A decoder with the given maximum total frame length, in bytes.
   *
   * @throws IllegalArgumentException if {@code maxFrameSize} is below {@link #MIN_FRAME_SIZE}
   */
  public EventStreamDecoder(int maxFrameSize) {
    if (maxFrameSize < MIN_FRAME_SIZE) {
      throw new IllegalArgumentException(
          "maxFrameSize must be at least " + MIN_FRAME_SIZE + ": " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
  }

  /** The maximum total length of one frame, in bytes. */
  public int maxFrameSize() {
    return maxFrameSize;
  }

  /** How many frames were decoded so far. */
  public long framesDecoded() {
    return frames;
  }

  /** How many bytes of an incomplete frame are buffered; 0 between frames. */
  public int bufferedBytes() {
    return partialLen;
  }

  /** Decodes all of {@code buf}; see {@link #feed(byte[], int, int, Listener)}. */
  public void feed(byte[] buf, Listener listener) {
    feed(buf, 0, buf.length, listener);
  }

  /**
   * Decodes the next {@code len} bytes of the stream, pushing each completed frame to the listener. The
   * bytes are not retained past the call except for an incomplete frame, which is copied.
   *
   * @throws EventStreamFormatException if the stream is invalid
   * @throws IllegalStateException if {@link #finish} was called or the decoder failed earlier
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit {@code buf}
   */
  public void feed(byte[] buf, int off, int len, Listener listener) {
    Objects.requireNonNull(buf, "buf");
    Objects.requireNonNull(listener, "listener");
    Objects.checkFromIndexSize(off, len, buf.length);
    checkOpen();
    boolean ok = false;
    try {
      decode(buf, off, off + len, listener);
      ok = true;
    } finally {
      if (!ok) {
        state = FAILED;
        partial = EMPTY;
        partialLen = 0;
      }
    }
  }

  /**
   * Ends the input.
   *
   * @throws EventStreamFormatException with {@link Problem#TRUNCATED_FRAME} if the input ended inside a
   *     frame
   * @throws IllegalStateException if already finished or the decoder failed earlier
   */
  public void finish() {
    checkOpen();
    if (partialLen > 0) {
      state = FAILED;
      String detail = partialTotal == 0
          ? partialLen + " of the " + PRELUDE_SIZE + " prelude bytes were received"
          : partialLen + " of its " + partialTotal + " bytes were received";
      partial = EMPTY;
      partialLen = 0;
      throw new EventStreamFormatException(Problem.TRUNCATED_FRAME, position,
          "stream ended inside a frame: " + detail);
    }
    state = FINISHED;
  }

  private void checkOpen() {
    if (state == FINISHED) {
      throw new IllegalStateException("the event-stream decoder was already finished");
    }
    if (state == FAILED) {
      throw new IllegalStateException("the event-stream decoder failed earlier and cannot continue");
    }
  }

  private void decode(byte[] buf, int i, int end, Listener listener) {
    while (i < end) {
      if (partialLen == 0) {
        // Between frames: decode in place when the whole frame is in this buffer.
        int avail = end - i;
        if (avail >= PRELUDE_SIZE) {
          int total = checkPrelude(buf, i);
          if (avail >= total) {
            decodeFrame(buf, i, total, listener);
            i += total;
            continue;
          }
          ensureCapacity(total);
          partialTotal = total;
        } else {
          ensureCapacity(PRELUDE_SIZE);
        }
      }
      int target = partialTotal == 0 ? PRELUDE_SIZE : partialTotal;
      int n = Math.min(target - partialLen, end - i);
      System.arraycopy(buf, i, partial, partialLen, n);
      partialLen += n;
      i += n;
      if (partialTotal == 0 && partialLen == PRELUDE_SIZE) {
        int total = checkPrelude(partial, 0);
        ensureCapacity(total);
        partialTotal = total;
      }
      if (partialTotal != 0 && partialLen == partialTotal) {
        int total = partialTotal;
        partialLen = 0;
        partialTotal = 0;
        decodeFrame(partial, 0, total, listener);
        if (partial.length > RETAINED_CAPACITY) {
          partial = EMPTY;
        }
      }
    }
  }

  private void ensureCapacity(int needed) {
    if (partial.length >= needed) {
      return;
    }
    int capacity = Math.max(needed, MIN_CAPACITY);
    byte[] grown = new byte[capacity];
    System.arraycopy(partial, 0, grown, 0, partialLen);
    partial = grown;
  }

  /** Checks the prelude at {@code p} and returns the frame's total length. */
  private int checkPrelude(byte[] b, int p) {
    int total = readInt(b, p);
    int headersLen = readInt(b, p + 4);
    int expected = readInt(b, p + 8);
    crc.reset();
    crc.update(b, p, 8);
    int actual = (int) crc.getValue();
    if (actual != expected) {
      throw new EventStreamFormatException(Problem.PRELUDE_CRC_MISMATCH, position,
          "prelude CRC mismatch: the frame says " + hex(expected) + ", its first 8 bytes give " + hex(actual));
    }
    long totalU = Integer.toUnsignedLong(total);
    long headersU = Integer.toUnsignedLong(headersLen);
    if (totalU < MIN_FRAME_SIZE) {
      throw new EventStreamFormatException(Problem.FRAME_TOO_SHORT, position,
          "frame total length " + totalU + " is below the minimum of " + MIN_FRAME_SIZE + " bytes");
    }
    if (totalU > maxFrameSize) {
      throw new EventStreamFormatException(Problem.FRAME_TOO_LARGE, position,
          "frame total length " + totalU + " exceeds the maximum frame size of " + maxFrameSize + " bytes");
    }
    if (headersU > totalU - MIN_FRAME_SIZE) {
      throw new EventStreamFormatException(Problem.HEADERS_LENGTH_OUT_OF_RANGE, position,
          "headers length " + headersU + " does not fit in a frame of " + totalU + " bytes (at most "
              + (totalU - MIN_FRAME_SIZE) + ")");
    }
    return (int) totalU;
  }

  /** Decodes the complete frame of {@code total} bytes at {@code p}, whose prelude was checked. */
  private void decodeFrame(byte[] b, int p, int total, Listener listener) {
    int crcAt = p + total - CRC_SIZE;
    int expected = readInt(b, crcAt);
    crc.reset();
    crc.update(b, p, total - CRC_SIZE);
    int actual = (int) crc.getValue();
    if (actual != expected) {
      throw new EventStreamFormatException(Problem.MESSAGE_CRC_MISMATCH, position,
          "message CRC mismatch: the frame says " + hex(expected) + ", its bytes give " + hex(actual));
    }
    int headersLen = readInt(b, p + 4);
    int headersAt = p + PRELUDE_SIZE;
    Map<String, EventStreamHeaderValue> headers = parseHeaders(b, headersAt, headersAt + headersLen);
    int payloadAt = headersAt + headersLen;
    EventStreamFrame frame = new EventStreamFrame(headers, b, payloadAt, crcAt - payloadAt);
    try {
      listener.onFrame(frame);
    } finally {
      frame.invalidate();
    }
    position += total;
    frames++;
  }

  private Map<String, EventStreamHeaderValue> parseHeaders(byte[] b, int start, int end) {
    if (start == end) {
      return Collections.emptyMap();
    }
    Map<String, EventStreamHeaderValue> headers = new LinkedHashMap<>(8);
    int i = start;
    while (i < end) {
      int at = i - start;
      int nameLen = b[i++] & 0xFF;
      if (nameLen == 0) {
        throw malformed("empty header name at header byte " + at);
      }
      if (nameLen > end - i) {
        throw malformed("header name of " + nameLen + " bytes at header byte " + at
            + " overruns the headers section");
      }
      String name = cachedString(b, i, nameLen);
      i += nameLen;
      if (i == end) {
        throw malformed("header '" + name + "' has no value type");
      }
      int type = b[i++] & 0xFF;
      EventStreamHeaderValue value;
      switch (type) {
        case 0:
          value = EventStreamHeaderValue.TRUE;
          break;
        case 1:
          value = EventStreamHeaderValue.FALSE;
          break;
        case 2:
          require(name, 1, i, end);
          value = EventStreamHeaderValue.ofByte(b[i]);
          i += 1;
          break;
        case 3:
          require(name, 2, i, end);
          value = EventStreamHeaderValue.ofShort((short) readShort(b, i));
          i += 2;
          break;
        case 4:
          require(name, 4, i, end);
          value = EventStreamHeaderValue.ofInt(readInt(b, i));
          i += 4;
          break;
        case 5:
          require(name, 8, i, end);
          value = EventStreamHeaderValue.ofLong(readLong(b, i));
          i += 8;
          break;
        case 6: {
          require(name, 2, i, end);
          int n = readShort(b, i);
          i += 2;
          require(name, n, i, end);
          value = EventStreamHeaderValue.ownedByteArray(Arrays.copyOfRange(b, i, i + n));
          i += n;
          break;
        }
        case 7: {
          require(name, 2, i, end);
          int n = readShort(b, i);
          i += 2;
          require(name, n, i, end);
          value = EventStreamHeaderValue.ofString(cachedString(b, i, n));
          i += n;
          break;
        }
        case 8:
          require(name, 8, i, end);
          value = EventStreamHeaderValue.ofTimestamp(readLong(b, i));
          i += 8;
          break;
        case 9:
          require(name, 16, i, end);
          value = EventStreamHeaderValue.ofUuid(new UUID(readLong(b, i), readLong(b, i + 8)));
          i += 16;
          break;
        default:
          throw malformed("header '" + name + "' has unknown value type " + type);
      }
      if (headers.put(name, value) != null) {
        throw malformed("header '" + name + "' appears more than once");
      }
    }
    return Collections.unmodifiableMap(headers);
  }

  private void require(String name, int n, int i, int end) {
    if (n > end - i) {
      throw malformed("the value of header '" + name + "' overruns the headers section (" + n
          + " bytes needed, " + (end - i) + " left)");
    }
  }

  private EventStreamFormatException malformed(String message) {
    return new EventStreamFormatException(Problem.MALFORMED_HEADER, position, message);
  }

  /** Decodes UTF-8, serving short strings (header names, event types) from a small cache. */
  private String cachedString(byte[] b, int off, int len) {
    if (len > CACHE_MAX_LEN) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    int h = len;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + b[i];
    }
    int slot = (h ^ (h >>> 16)) & (CACHE_SIZE - 1);
    byte[] cached = cacheBytes[slot];
    if (cached != null && Arrays.equals(cached, 0, cached.length, b, off, off + len)) {
      return cacheStrings[slot];
    }
    String s = new String(b, off, len, StandardCharsets.UTF_8);
    cacheBytes[slot] = Arrays.copyOfRange(b, off, off + len);
    cacheStrings[slot] = s;
    return s;
  }

  private static int readShort(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int readInt(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }

  private static long readLong(byte[] b, int i) {
    return ((long) readInt(b, i) << 32) | Integer.toUnsignedLong(readInt(b, i + 4));
  }

  private static String hex(int v) {
    return String.format("0x%08x", v);
  }
}
