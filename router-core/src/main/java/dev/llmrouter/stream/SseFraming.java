package dev.llmrouter.stream;

import dev.llmrouter.catalog.ProviderFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts {@link StreamChunk}s on the wire as server-sent events in the client's format. The router emits
 * unframed chunks; a host writes each one with {@link #writeTo} (or {@link #frame}) and ends the stream
 * with {@link #done}.
 *
 * <p>A chunk becomes an optional {@code event: <type>} line (only for Anthropic-flavoured and Responses
 * output, and only when the chunk has a type), one {@code data: } line per line of the payload (a payload
 * containing CR or LF is split so the frame stays valid and parses back to the same bytes), and a blank
 * line. The keep-alive chunk becomes the comment {@code : keep-alive}. {@code data: [DONE]} ends only
 * OpenAI Chat Completions output.
 */
public final class SseFraming {
  private static final byte[] EVENT_PREFIX = ascii("event: ");
  private static final byte[] DATA_PREFIX = ascii("data: ");
  private static final byte[] KEEP_ALIVE = ascii(": keep-alive\n\n");
  private static final byte[] DONE = ascii("data: [DONE]\n\n");
  private static final byte[] EMPTY = new byte[0];
  private static final int LF = '\n';
  private static final int CR = '\r';
  /** Encoded {@code event:} lines by type; bounded, as types come from upstream data. */
  private static final ConcurrentHashMap<String, byte[]> EVENT_LINES = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_EVENT_LINES = 256;

  private SseFraming() {
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Whether frames for this output format carry an {@code event:} line: Anthropic (direct, Bedrock,
   * Vertex) and Responses.
   */
  public static boolean usesEventType(ProviderFormat outputFormat) {
    Objects.requireNonNull(outputFormat, "outputFormat");
    switch (outputFormat) {
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
      case RESPONSES:
        return true;
      default:
        return false;
    }
  }

  /** The complete SSE frame for one chunk, as a new array. */
  public static byte[] frame(StreamChunk chunk, ProviderFormat outputFormat) {
    Objects.requireNonNull(chunk, "chunk");
    byte[] eventLine = eventLine(chunk, outputFormat);
    if (chunk.isKeepAlive()) {
      return KEEP_ALIVE.clone();
    }
    byte[] data = chunk.data();
    int breaks = 0;
    int breakBytes = 0;
    for (int i = 0; i < data.length; i++) {
      byte b = data[i];
      if (b == LF) {
        breaks++;
        breakBytes++;
      } else if (b == CR) {
        breaks++;
        breakBytes++;
        if (i + 1 < data.length && data[i + 1] == LF) {
          breakBytes++;
          i++;
        }
      }
    }
    int size = eventLine.length + (breaks + 1) * (DATA_PREFIX.length + 1) + data.length - breakBytes + 1;
    byte[] out = new byte[size];
    System.arraycopy(eventLine, 0, out, 0, eventLine.length);
    int pos = eventLine.length;
    int start = 0;
    for (int i = 0; i <= data.length; i++) {
      if (i < data.length && data[i] != LF && data[i] != CR) {
        continue;
      }
      System.arraycopy(DATA_PREFIX, 0, out, pos, DATA_PREFIX.length);
      pos += DATA_PREFIX.length;
      System.arraycopy(data, start, out, pos, i - start);
      pos += i - start;
      out[pos++] = LF;
      if (i + 1 < data.length && data[i] == CR && data[i + 1] == LF) {
        i++;
      }
      start = i + 1;
    }
    out[pos] = LF;
    return out;
  }

  /**
   * Writes the SSE frame for one chunk without building it in memory first. It takes a few small writes:
   * give it a buffered stream and flush after the frames you want sent.
   */
  public static void writeTo(OutputStream out, StreamChunk chunk, ProviderFormat outputFormat)
      throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(chunk, "chunk");
    byte[] eventLine = eventLine(chunk, outputFormat);
    if (chunk.isKeepAlive()) {
      out.write(KEEP_ALIVE);
      return;
    }
    if (eventLine.length > 0) {
      out.write(eventLine);
    }
    byte[] data = chunk.data();
    int start = 0;
    for (int i = 0; i <= data.length; i++) {
      if (i < data.length && data[i] != LF && data[i] != CR) {
        continue;
      }
      out.write(DATA_PREFIX);
      out.write(data, start, i - start);
      out.write(LF);
      if (i + 1 < data.length && data[i] == CR && data[i + 1] == LF) {
        i++;
      }
      start = i + 1;
    }
    out.write(LF);
  }

  /** The end-of-stream marker: {@code data: [DONE]\n\n} for {@link ProviderFormat#OPENAI}, else empty. */
  public static byte[] done(ProviderFormat outputFormat) {
    Objects.requireNonNull(outputFormat, "outputFormat");
    return outputFormat == ProviderFormat.OPENAI ? DONE.clone() : EMPTY;
  }

  /** Writes {@link #done} for the format (nothing unless it is {@link ProviderFormat#OPENAI}). */
  public static void writeDone(OutputStream out, ProviderFormat outputFormat) throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(outputFormat, "outputFormat");
    if (outputFormat == ProviderFormat.OPENAI) {
      out.write(DONE);
    }
  }

  /** The keep-alive comment frame, {@code : keep-alive\n\n}, as a new array. */
  public static byte[] keepAliveComment() {
    return KEEP_ALIVE.clone();
  }

  /** The {@code event:} line for the chunk in this format, or an empty array; shared, do not modify. */
  private static byte[] eventLine(StreamChunk chunk, ProviderFormat outputFormat) {
    if (!usesEventType(outputFormat) || chunk.isKeepAlive()) {
      return EMPTY;
    }
    return chunk.eventType().map(SseFraming::cachedEventLine).orElse(EMPTY);
  }

  private static byte[] cachedEventLine(String type) {
    byte[] line = EVENT_LINES.get(type);
    if (line == null) {
      line = encodeEventLine(type);
      if (EVENT_LINES.size() < MAX_CACHED_EVENT_LINES) {
        EVENT_LINES.putIfAbsent(type, line);
      }
    }
    return line;
  }

  /** {@code event: <type>\n}; CR and LF cannot occur in a field value and are dropped from the type. */
  private static byte[] encodeEventLine(String type) {
    String clean = type;
    if (type.indexOf('\n') >= 0 || type.indexOf('\r') >= 0) {
      clean = type.replace("\r", "").replace("\n", "");
    }
    byte[] t = clean.getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[EVENT_PREFIX.length + t.length + 1];
    System.arraycopy(EVENT_PREFIX, 0, line, 0, EVENT_PREFIX.length);
    System.arraycopy(t, 0, line, EVENT_PREFIX.length, t.length);
    line[line.length - 1] = LF;
    return line;
  }
}
