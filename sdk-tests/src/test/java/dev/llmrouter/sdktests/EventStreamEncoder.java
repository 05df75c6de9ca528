package dev.llmrouter.sdktests;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Encodes AWS event-stream frames (what Bedrock's {@code converse-stream} returns): a prelude of total
 * length, headers length and the CRC32 of those 8 bytes; string-typed headers; the payload; and the CRC32
 * of everything before it. All integers big-endian.
 */
final class EventStreamEncoder {
  private static final byte STRING_HEADER = 7;

  private EventStreamEncoder() {}

  /** A {@code :message-type event} frame of the given event type with a JSON payload. */
  static byte[] event(String eventType, String json) {
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    header(headers, ":event-type", eventType);
    header(headers, ":content-type", "application/json");
    header(headers, ":message-type", "event");
    return frame(headers.toByteArray(), json.getBytes(StandardCharsets.UTF_8));
  }

  private static void header(ByteArrayOutputStream out, String name, String value) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    out.write(n.length);
    out.writeBytes(n);
    out.write(STRING_HEADER);
    out.write((v.length >>> 8) & 0xff);
    out.write(v.length & 0xff);
    out.writeBytes(v);
  }

  private static byte[] frame(byte[] headers, byte[] payload) {
    int total = 12 + headers.length + payload.length + 4;
    ByteBuffer frame = ByteBuffer.allocate(total);
    frame.putInt(total);
    frame.putInt(headers.length);
    frame.putInt((int) crc32(frame.array(), 8));
    frame.put(headers);
    frame.put(payload);
    frame.putInt((int) crc32(frame.array(), total - 4));
    return frame.array();
  }

  private static long crc32(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }
}
