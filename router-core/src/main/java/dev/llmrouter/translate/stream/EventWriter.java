package dev.llmrouter.translate.stream;

import dev.llmrouter.json.Json;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Compact UTF-8 JSON for stream events, written into one buffer the session reuses (events are small and
 * many; a generator per event costs more than the event). Numbers keep their text; strings are escaped as
 * JSON requires, and a lone surrogate is written as a {@code \\u} escape so nothing is lost.
 */
final class EventWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private static final int INITIAL = 1024;
  /** A buffer grown past this (a whole response pushed into the session) is not kept. */
  private static final int KEEP_LIMIT = 256 * 1024;

  private byte[] buf = new byte[INITIAL];
  private int len;

  /** The event's bytes, as a new array of exact length. */
  byte[] write(JsonValue value) {
    len = 0;
    value(value);
    byte[] out = Arrays.copyOf(buf, len);
    if (buf.length > KEEP_LIMIT) {
      buf = new byte[INITIAL];
    }
    return out;
  }

  private void value(JsonValue v) {
    if (v instanceof JsonObject o) {
      object(o);
    } else if (v instanceof JsonString s) {
      string(s.value());
    } else if (v instanceof JsonArray a) {
      array(a.values());
    } else if (v instanceof JsonNumber n) {
      ascii(n.text());
    } else if (v instanceof JsonBoolean b) {
      raw(b.value() ? TRUE : FALSE);
    } else {
      raw(NULL);
    }
  }

  private void object(JsonObject o) {
    ensure(2);
    buf[len++] = '{';
    for (int i = 0, n = o.size(); i < n; i++) {
      if (i > 0) {
        ensure(1);
        buf[len++] = ',';
      }
      string(o.keyAt(i));
      ensure(1);
      buf[len++] = ':';
      value(o.valueAt(i));
    }
    ensure(1);
    buf[len++] = '}';
  }

  private void array(List<JsonValue> values) {
    ensure(2);
    buf[len++] = '[';
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        ensure(1);
        buf[len++] = ',';
      }
      value(values.get(i));
    }
    ensure(1);
    buf[len++] = ']';
  }

  private void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** Strings at least this long are checked eight bytes at a time and copied in bulk. */
  private static final int BULK = 24;

  private void string(String s) {
    int n = s.length();
    if (n >= BULK) {
      bulkString(s);
      return;
    }
    // Enough for every char as UTF-8 (at most three bytes per char) and the quotes; escapes make room
    // for themselves.
    ensure(n * 3 + 2);
    byte[] b = buf;
    int p = len;
    b[p++] = '"';
    int start = 0;
    for (int i = start; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[p++] = (byte) c;
          continue;
        }
        len = p;
        ensure(6 + (n - i) * 3 + 1);
        b = buf;
        b[p++] = '\\';
        switch (c) {
          case '"':
            b[p++] = '"';
            break;
          case '\\':
            b[p++] = '\\';
            break;
          case '\n':
            b[p++] = 'n';
            break;
          case '\r':
            b[p++] = 'r';
            break;
          case '\t':
            b[p++] = 't';
            break;
          case '\b':
            b[p++] = 'b';
            break;
          case '\f':
            b[p++] = 'f';
            break;
          default:
            p = unicodeEscape(b, p, c);
            break;
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        len = p;
        ensure(6 + (n - i) * 3 + 1);
        b = buf;
        b[p++] = '\\';
        p = unicodeEscape(b, p, c);
      } else {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    b[p++] = '"';
    len = p;
  }

  /**
   * A long string from its UTF-8 bytes: runs of plain ASCII are found eight bytes at a time and copied in
   * bulk; between runs, one character at a time is escaped or copied as its UTF-8 bytes (this writer's
   * UTF-8 for every non-ASCII character, pairs included). Java's encoder writes {@code ?} for an unpaired
   * surrogate, so a {@code ?} byte is checked against the character.
   */
  private void bulkString(String s) {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    int n = u.length;
    ensure(2);
    buf[len++] = '"';
    int bi = 0;
    int ci = 0;
    while (true) {
      int end = Json.plainAsciiRun(u, bi);
      int run = end - bi;
      ensure(run + 8);
      System.arraycopy(u, bi, buf, len, run);
      len += run;
      ci += run;
      bi = end;
      if (bi >= n) {
        break;
      }
      int lead = u[bi] & 0xFF;
      byte[] b = buf;
      if (lead < 0x80) {
        char c = s.charAt(ci);
        switch (c) {
          case '?':
            b[len++] = '?';
            break;
          case '"':
            b[len++] = '\\';
            b[len++] = '"';
            break;
          case '\\':
            b[len++] = '\\';
            b[len++] = '\\';
            break;
          case '\n':
            b[len++] = '\\';
            b[len++] = 'n';
            break;
          case '\r':
            b[len++] = '\\';
            b[len++] = 'r';
            break;
          case '\t':
            b[len++] = '\\';
            b[len++] = 't';
            break;
          case '\b':
            b[len++] = '\\';
            b[len++] = 'b';
            break;
          case '\f':
            b[len++] = '\\';
            b[len++] = 'f';
            break;
          default:
            // another control character, or an unpaired surrogate (encoded as '?')
            b[len++] = '\\';
            len = unicodeEscape(b, len, c);
            break;
        }
        bi++;
        ci++;
      } else {
        int size = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        System.arraycopy(u, bi, b, len, size);
        len += size;
        bi += size;
        ci += size == 4 ? 2 : 1;
      }
    }
    ensure(1);
    buf[len++] = '"';
  }

  /** Writes {@code uXXXX} (the backslash is already written). */
  private static int unicodeEscape(byte[] b, int p, char c) {
    b[p++] = 'u';
    b[p++] = HEX[(c >> 12) & 0xf];
    b[p++] = HEX[(c >> 8) & 0xf];
    b[p++] = HEX[(c >> 4) & 0xf];
    b[p++] = HEX[c & 0xf];
    return p;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
