package dev.llmrouter.providers.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A small encoder of AWS event-stream frames for tests, written from the framing description: a 12-byte
 * prelude (total length, headers length, CRC32 of those 8 bytes), string headers (name length, name, type
 * 7, value length, value), the payload, and a CRC32 of everything before it; all big-endian.
 */
public final class EventStreamFrames {
  private EventStreamFrames() {}

  /** One frame with string headers, in the given order. */
  public static byte[] frame(Map<String, String> headers, byte[] payload) {
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    for (Map.Entry<String, String> e : headers.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
      h.write(name.length);
      h.writeBytes(name);
      h.write(7);
      h.write((value.length >> 8) & 0xff);
      h.write(value.length & 0xff);
      h.writeBytes(value);
    }
    byte[] headerBytes = h.toByteArray();
    int total = 12 + headerBytes.length + payload.length + 4;
    ByteBuffer b = ByteBuffer.allocate(total);
    b.putInt(total).putInt(headerBytes.length);
    b.putInt((int) crc(b.array(), 0, 8));
    b.put(headerBytes).put(payload);
    b.putInt((int) crc(b.array(), 0, total - 4));
    return b.array();
  }

  /** A {@code :message-type event} frame with a JSON payload. */
  public static byte[] event(String eventType, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":event-type", eventType);
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "event");
    return frame(headers, json.getBytes(StandardCharsets.UTF_8));
  }

  /** An InvokeModelWithResponseStream {@code chunk} event: {@code json} base64-encoded, plus a padding field. */
  public static byte[] chunk(String json) {
    String b64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return event("chunk", "{\"bytes\":\"" + b64 + "\",\"p\":\"abcdefghij\"}");
  }

  /** A {@code :message-type exception} frame. */
  public static byte[] exception(String exceptionType, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":exception-type", exceptionType);
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "exception");
    return frame(headers, json.getBytes(StandardCharsets.UTF_8));
  }

  /** The frames back to back. */
  public static byte[] concat(byte[]... frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      out.writeBytes(f);
    }
    return out.toByteArray();
  }

  private static long crc(byte[] b, int off, int len) {
    CRC32 crc = new CRC32();
    crc.update(b, off, len);
    return crc.getValue();
  }
}
