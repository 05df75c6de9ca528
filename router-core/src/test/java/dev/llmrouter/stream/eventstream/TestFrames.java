package dev.llmrouter.stream.eventstream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A test-only event-stream ENCODER, written independently of {@link EventStreamDecoder}: big-endian writes by
 * hand and a bit-at-a-time CRC32 (reflected polynomial 0xEDB88320), so a bug shared with the decoder's
 * {@code java.util.zip.CRC32} use or its byte reading would not cancel out.
 */
final class TestFrames {

  private TestFrames() {}

  /** One header as it goes on the wire: name, type code, value bytes (including any length prefix). */
  record Header(String name, int type, byte[] value) {}

  static Header str(String name, String value) {
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    return new Header(name, 7, concat(u16(v.length), v));
  }

  static Header bool(String name, boolean value) {
    return new Header(name, value ? 0 : 1, new byte[0]);
  }

  static Header int8(String name, int value) {
    return new Header(name, 2, new byte[] {(byte) value});
  }

  static Header int16(String name, int value) {
    return new Header(name, 3, u16(value));
  }

  static Header int32(String name, int value) {
    return new Header(name, 4, be32(value));
  }

  static Header int64(String name, long value) {
    return new Header(name, 5, be64(value));
  }

  static Header bytes(String name, byte[] value) {
    return new Header(name, 6, concat(u16(value.length), value));
  }

  static Header timestamp(String name, long epochMillis) {
    return new Header(name, 8, be64(epochMillis));
  }

  static Header uuid(String name, UUID value) {
    return new Header(name, 9, concat(be64(value.getMostSignificantBits()), be64(value.getLeastSignificantBits())));
  }

  /** The encoded headers section. */
  static byte[] headers(List<Header> headers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Header h : headers) {
      byte[] name = h.name().getBytes(StandardCharsets.UTF_8);
      out.write(name.length);
      out.writeBytes(name);
      out.write(h.type());
      out.writeBytes(h.value());
    }
    return out.toByteArray();
  }

  /** A valid frame. */
  static byte[] frame(List<Header> headers, byte[] payload) {
    byte[] h = headers(headers);
    return raw(16 + h.length + payload.length, h.length, concat(h, payload));
  }

  /** A frame with the given (possibly wrong) lengths and body, and correct CRCs over those bytes. */
  static byte[] raw(long totalLength, long headersLength, byte[] headersAndPayload) {
    byte[] prelude = concat(be32((int) totalLength), be32((int) headersLength));
    byte[] withPreludeCrc = concat(prelude, be32(crc32(prelude)), headersAndPayload);
    return concat(withPreludeCrc, be32(crc32(withPreludeCrc)));
  }

  /** A ConverseStream-style event frame. */
  static byte[] event(String eventType, String payload) {
    return frame(List.of(str(":event-type", eventType), str(":content-type", "application/json"),
        str(":message-type", "event")), utf8(payload));
  }

  /** An InvokeModelWithResponseStream chunk frame carrying {@code json} base64-encoded, with padding. */
  static byte[] chunk(String json) {
    String b64 = Base64.getEncoder().encodeToString(utf8(json));
    return event("chunk", "{\"bytes\":\"" + b64 + "\",\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEF\"}");
  }

  /** A modeled exception frame. */
  static byte[] exception(String type, String payload) {
    return frame(List.of(str(":exception-type", type), str(":content-type", "application/json"),
        str(":message-type", "exception")), utf8(payload));
  }

  /** An unmodeled error frame. */
  static byte[] error(String code, String message) {
    return frame(List.of(str(":error-code", code), str(":error-message", message),
        str(":message-type", "error")), new byte[0]);
  }

  /** CRC-32 (ISO-HDLC / gzip), one bit at a time. */
  static int crc32(byte[] data) {
    int crc = 0xFFFFFFFF;
    for (byte b : data) {
      crc ^= b & 0xFF;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320 : crc >>> 1;
      }
    }
    return ~crc;
  }

  static byte[] be32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  static byte[] be64(long v) {
    return concat(be32((int) (v >>> 32)), be32((int) v));
  }

  static byte[] u16(int v) {
    return new byte[] {(byte) (v >>> 8), (byte) v};
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** {@code bytes} given as unsigned decimal values, as published examples print them. */
  static byte[] unsigned(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
