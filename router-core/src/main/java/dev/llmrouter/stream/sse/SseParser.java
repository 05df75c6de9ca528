package dev.llmrouter.stream.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An incremental, push-style parser for the WHATWG {@code text/event-stream} format, working on bytes.
 *
 * <p>Feed the body as it arrives with {@link #feed}, then call {@link #finish} at end of input; events are
 * pushed to a {@link Listener}. The rules are those of the HTML standard's "event stream interpretation":
 * lines end in CRLF, CR or LF (a CR ending one buffer and an LF starting the next are one line end); a
 * UTF-8 byte order mark at the start is skipped; a field's value loses exactly one leading space;
 * {@code data} lines are joined with LF; {@code event} sets the type of the next event only; {@code id}
 * and {@code retry} are tracked ({@link #lastEventId()}, {@link #retryMillis()}); lines starting with
 * {@code :} are comments; unknown fields are ignored; a blank line dispatches the event, or only resets the
 * type when the event has no data. Two deliberate differences, so that no upstream data is lost:
 * <ul>
 *   <li>At {@link #finish}, an unterminated last line is still interpreted and a pending event with data
 *       is dispatched (the standard discards both; the Rust router keeps them).</li>
 *   <li>Vertex raw JSON: in an event block with no {@code data} field, lines whose first non-blank byte is
 *       <code>{</code> or {@code [} are collected (trimmed of spaces and tabs, joined with LF) and
 *       dispatched as the event's data. Vertex {@code streamRawPredict} emits such lines. If the block
 *       also has a {@code data} field, the data field wins and the raw lines are dropped.</li>
 * </ul>
 * An event whose data is {@code [DONE]} (ignoring surrounding ASCII whitespace) is reported through
 * {@link Listener#onDone()} instead of as an event, and all later input is ignored.
 *
 * <p>Cost: one pass over the bytes, no allocation per byte or per line; one {@code byte[]} and one
 * {@link SseEvent} per dispatched event (event-type strings are cached). Lines that arrive whole inside
 * one buffer are read in place; only a line split across buffers is copied. Buffers grow with the largest
 * event and shrink back after it. The size of one event (its data plus the pending line) is limited, see
 * {@link EventTooLargeException}.
 *
 * <p>Not thread-safe: one parser per stream, used by one thread at a time. If the listener throws, the
 * exception propagates and the parser is unusable afterwards.
 */
public final class SseParser {

  /** The default limit on one event's size: 16 MiB. */
  public static final int DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] DONE_MARKER = {'[', 'D', 'O', 'N', 'E', ']'};
  private static final int MIN_CAPACITY = 256;
  /** Buffers above this capacity are dropped after each event, so a huge event does not pin memory. */
  private static final int RETAINED_CAPACITY = 64 * 1024;
  private static final int TYPE_CACHE_SIZE = 32;
  private static final int TYPE_CACHE_MAX_LEN = 64;

  private static final int OPEN = 0;
  private static final int DONE = 1;
  private static final int FINISHED = 2;
  private static final int FAILED = 3;

  /**
   * Receives what the parser finds. Called on the thread that calls {@link #feed} or {@link #finish}.
   */
  public interface Listener {

    /** A dispatched event. Its data may be empty (a {@code data:} field with no value). */
    void onEvent(SseEvent event);

    /** The stream sent {@code [DONE]}; nothing more will be reported. */
    default void onDone() {
    }

    /**
     * A comment line: the bytes after the leading colon, in place. The array is the parser's or the caller's
     * buffer and is only valid during the call; copy what you keep.
     */
    default void onComment(byte[] buf, int off, int len) {
    }
  }

  /**
   * One event grew past the parser's maximum event size. The stream cannot be parsed further; callers
   * turn this into a protocol error that names {@link #maxEventSize()}.
   */
  public static final class EventTooLargeException extends RuntimeException {
    private final int maxEventSize;

    EventTooLargeException(int maxEventSize) {
      super("server-sent event exceeds the maximum event size of " + maxEventSize + " bytes");
      this.maxEventSize = maxEventSize;
    }

    /** The limit that was exceeded, in bytes. */
    public int maxEventSize() {
      return maxEventSize;
    }
  }

  private final int maxEventSize;
  private int state = OPEN;

  private boolean bomChecked;
  private int bomMatched;
  /** The previous buffer ended in CR: an LF at the start of the next one belongs to that line end. */
  private boolean skipLf;

  /** A line that started in an earlier buffer and is not finished yet. */
  private byte[] line = EMPTY;
  private int lineLen;

  /** The data buffer: each data value followed by LF. */
  private byte[] data = EMPTY;
  private int dataLen;
  private boolean hasData;

  /** Raw JSON lines of a block without data fields, joined with LF. */
  private byte[] raw = EMPTY;
  private int rawLen;

  private String eventType;
  private String lastEventId;
  private long retryMillis = -1;

  private final byte[][] typeCacheBytes = new byte[TYPE_CACHE_SIZE][];
  private final String[] typeCacheStrings = new String[TYPE_CACHE_SIZE];
  private int typeCacheCount;
  private int typeCacheNext;

  /** A parser with the {@link #DEFAULT_MAX_EVENT_SIZE default} event size limit. */
  public SseParser() {
    this(DEFAULT_MAX_EVENT_SIZE);
  }

  /**
   * A parser with the given limit on one event's size, in bytes.
   *
   * @throws IllegalArgumentException if the limit is not positive
   */
  public SseParser(int maxEventSize) {
    if (maxEventSize <= 0) {
      throw new IllegalArgumentException("maxEventSize must be positive: " + maxEventSize);
    }
    this.maxEventSize = maxEventSize;
  }

  /** The limit on one event's size, in bytes. */
  public int maxEventSize() {
    return maxEventSize;
  }

  /** Whether {@code [DONE]} was seen; later input is then ignored. */
  public boolean isDone() {
    return state == DONE;
  }

  /** The last event id set by an {@code id} field, when not empty. */
  public Optional<String> lastEventId() {
    return Optional.ofNullable(lastEventId);
  }

  /** The reconnection time set by the last valid {@code retry} field, in milliseconds. */
  public OptionalLong retryMillis() {
    return retryMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryMillis);
  }

  /** Parses all of {@code buf}; see {@link #feed(byte[], int, int, Listener)}. */
  public void feed(byte[] buf, Listener listener) {
    feed(buf, 0, buf.length, listener);
  }

  /**
   * Parses the next {@code len} bytes of the stream, pushing each complete event to the listener. The bytes
   * are not retained past the call except for an unfinished line, which is copied. Does nothing once
   * {@code [DONE]} was seen.
   *
   * @throws EventTooLargeException if an event exceeds the maximum event size
   * @throws IllegalStateException if {@link #finish} was already called or the parser failed earlier
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit {@code buf}
   */
  public void feed(byte[] buf, int off, int len, Listener listener) {
    Objects.requireNonNull(buf, "buf");
    Objects.requireNonNull(listener, "listener");
    Objects.checkFromIndexSize(off, len, buf.length);
    if (!checkUsable()) {
      return;
    }
    try {
      int i = off;
      int end = off + len;
      if (!bomChecked) {
        while (i < end && bomMatched < BOM.length && buf[i] == BOM[bomMatched]) {
          bomMatched++;
          i++;
        }
        if (bomMatched == BOM.length) {
          bomChecked = true;
        } else if (i == end) {
          return; // all of it may still be a BOM
        } else {
          bomChecked = true;
          if (bomMatched > 0) {
            scan(BOM, 0, bomMatched, listener); // not a BOM after all: those bytes are content
          }
        }
      }
      scan(buf, i, end, listener);
    } catch (RuntimeException | Error e) {
      fail();
      throw e;
    }
  }

  /**
   * Ends the input: interprets an unterminated last line and dispatches a pending event that has data.
   * Later calls do nothing; later {@link #feed} calls fail.
   *
   * @throws EventTooLargeException if the last event exceeds the maximum event size
   * @throws IllegalStateException if the parser failed earlier
   */
  public void finish(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    if (state == FINISHED || !checkUsable()) {
      return;
    }
    try {
      if (!bomChecked) {
        bomChecked = true;
        if (bomMatched > 0) {
          scan(BOM, 0, bomMatched, listener);
        }
      }
      skipLf = false;
      if (state == OPEN && lineLen > 0) {
        int n = lineLen;
        lineLen = 0;
        processLine(line, 0, n, listener);
      }
      if (state == OPEN) {
        dispatch(listener);
      }
    } catch (RuntimeException | Error e) {
      fail();
      throw e;
    }
    if (state == OPEN) {
      state = FINISHED;
    }
    line = EMPTY;
  }

  /** Whether input should be parsed: false after [DONE]; throws when finished or failed. */
  private boolean checkUsable() {
    switch (state) {
      case OPEN:
        return true;
      case DONE:
        return false;
      case FINISHED:
        throw new IllegalStateException("the SSE parser was already finished");
      default:
        throw new IllegalStateException("the SSE parser failed earlier and cannot continue");
    }
  }

  private void fail() {
    if (state != DONE) {
      state = FAILED;
    }
  }

  /** Splits {@code buf[i, end)} into lines, carrying an unfinished one over to the next call. */
  private void scan(byte[] buf, int i, int end, Listener listener) {
    if (skipLf) {
      if (i == end) {
        return;
      }
      skipLf = false;
      if (buf[i] == '\n') {
        i++;
      }
    }
    int start = i;
    while (i < end) {
      byte b = buf[i];
      if (b != '\n' && b != '\r') {
        i++;
        continue;
      }
      if (lineLen > 0) {
        appendLine(buf, start, i - start);
        int n = lineLen;
        lineLen = 0;
        processLine(line, 0, n, listener);
      } else {
        processLine(buf, start, i - start, listener);
      }
      if (state != OPEN) {
        return;
      }
      i++;
      if (b == '\r') {
        if (i == end) {
          skipLf = true;
        } else if (buf[i] == '\n') {
          i++;
        }
      }
      start = i;
    }
    if (start < end) {
      appendLine(buf, start, end - start);
    }
  }

  private void processLine(byte[] b, int off, int len, Listener listener) {
    if (len == 0) {
      dispatch(listener);
      return;
    }
    int end = off + len;
    if (b[off] == ':') {
      listener.onComment(b, off + 1, len - 1);
      return;
    }
    if (!hasData) {
      int j = off;
      while (j < end && (b[j] == ' ' || b[j] == '\t')) {
        j++;
      }
      if (j < end && (b[j] == '{' || b[j] == '[')) {
        int e = end;
        while (b[e - 1] == ' ' || b[e - 1] == '\t') {
          e--;
        }
        appendRaw(b, j, e - j);
        return;
      }
    }
    int colon = off;
    while (colon < end && b[colon] != ':') {
      colon++;
    }
    int nameLen = colon - off;
    int valueStart = colon;
    if (colon < end) {
      valueStart++;
      if (valueStart < end && b[valueStart] == ' ') {
        valueStart++;
      }
    }
    int valueLen = end - valueStart;
    if (nameLen == 4 && b[off] == 'd' && b[off + 1] == 'a' && b[off + 2] == 't' && b[off + 3] == 'a') {
      appendData(b, valueStart, valueLen);
    } else if (nameLen == 5 && b[off] == 'e' && b[off + 1] == 'v' && b[off + 2] == 'e'
        && b[off + 3] == 'n' && b[off + 4] == 't') {
      eventType = typeString(b, valueStart, valueLen);
    } else if (nameLen == 2 && b[off] == 'i' && b[off + 1] == 'd') {
      setId(b, valueStart, valueLen);
    } else if (nameLen == 5 && b[off] == 'r' && b[off + 1] == 'e' && b[off + 2] == 't'
        && b[off + 3] == 'r' && b[off + 4] == 'y') {
      setRetry(b, valueStart, valueLen);
    }
    // any other field is ignored
  }

  private void dispatch(Listener listener) {
    byte[] src;
    int n;
    if (hasData) {
      src = data;
      n = dataLen - 1; // drop the trailing LF
    } else if (rawLen > 0) {
      src = raw;
      n = rawLen;
    } else {
      eventType = null;
      return;
    }
    String type = eventType;
    boolean done = isDoneMarker(src, n);
    byte[] out = done || n == 0 ? EMPTY : Arrays.copyOf(src, n);
    resetEvent();
    if (done) {
      state = DONE;
      line = EMPTY;
      listener.onDone();
      return;
    }
    listener.onEvent(new SseEvent(out, type, lastEventId));
  }

  private void resetEvent() {
    dataLen = 0;
    rawLen = 0;
    hasData = false;
    eventType = null;
    if (data.length > RETAINED_CAPACITY) {
      data = EMPTY;
    }
    if (raw.length > RETAINED_CAPACITY) {
      raw = EMPTY;
    }
    if (line.length > RETAINED_CAPACITY && lineLen == 0) {
      line = EMPTY;
    }
  }

  private static boolean isDoneMarker(byte[] b, int n) {
    int s = 0;
    int e = n;
    while (s < e && isAsciiSpace(b[s])) {
      s++;
    }
    while (e > s && isAsciiSpace(b[e - 1])) {
      e--;
    }
    return Arrays.equals(b, s, e, DONE_MARKER, 0, DONE_MARKER.length);
  }

  private static boolean isAsciiSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private void appendLine(byte[] b, int off, int n) {
    if ((long) lineLen + n + dataLen + rawLen > maxEventSize) {
      throw new EventTooLargeException(maxEventSize);
    }
    line = ensure(line, lineLen + n);
    System.arraycopy(b, off, line, lineLen, n);
    lineLen += n;
  }

  private void appendData(byte[] b, int off, int n) {
    if ((long) dataLen + n + 1 + rawLen > maxEventSize) {
      throw new EventTooLargeException(maxEventSize);
    }
    data = ensure(data, dataLen + n + 1);
    System.arraycopy(b, off, data, dataLen, n);
    dataLen += n;
    data[dataLen++] = '\n';
    hasData = true;
  }

  private void appendRaw(byte[] b, int off, int n) {
    int sep = rawLen > 0 ? 1 : 0;
    if ((long) rawLen + sep + n + dataLen > maxEventSize) {
      throw new EventTooLargeException(maxEventSize);
    }
    raw = ensure(raw, rawLen + sep + n);
    if (sep == 1) {
      raw[rawLen++] = '\n';
    }
    System.arraycopy(b, off, raw, rawLen, n);
    rawLen += n;
  }

  /** Returns {@code buf} or a larger copy holding at least {@code need} bytes (need is within the limit). */
  private byte[] ensure(byte[] buf, int need) {
    if (need <= buf.length) {
      return buf;
    }
    int doubled = buf.length > maxEventSize / 2 ? maxEventSize : buf.length * 2;
    int cap = Math.min(Math.max(Math.max(need, doubled), MIN_CAPACITY), maxEventSize);
    return Arrays.copyOf(buf, Math.max(cap, need));
  }

  private String typeString(byte[] b, int off, int len) {
    if (len == 0) {
      return null;
    }
    if (len > TYPE_CACHE_MAX_LEN) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    for (int k = 0; k < typeCacheCount; k++) {
      byte[] cached = typeCacheBytes[k];
      if (cached.length == len && Arrays.equals(cached, 0, len, b, off, off + len)) {
        return typeCacheStrings[k];
      }
    }
    String s = new String(b, off, len, StandardCharsets.UTF_8);
    typeCacheBytes[typeCacheNext] = Arrays.copyOfRange(b, off, off + len);
    typeCacheStrings[typeCacheNext] = s;
    typeCacheNext = (typeCacheNext + 1) % TYPE_CACHE_SIZE;
    typeCacheCount = Math.min(typeCacheCount + 1, TYPE_CACHE_SIZE);
    return s;
  }

  private void setId(byte[] b, int off, int len) {
    for (int k = off; k < off + len; k++) {
      if (b[k] == 0) {
        return; // the standard ignores ids containing NUL
      }
    }
    lastEventId = len == 0 ? null : new String(b, off, len, StandardCharsets.UTF_8);
  }

  private void setRetry(byte[] b, int off, int len) {
    if (len == 0 || len > 18) {
      return; // empty, or too long to be a sane delay (and to fit a long)
    }
    long v = 0;
    for (int k = off; k < off + len; k++) {
      byte c = b[k];
      if (c < '0' || c > '9') {
        return;
      }
      v = v * 10 + (c - '0');
    }
    retryMillis = v;
  }
}
