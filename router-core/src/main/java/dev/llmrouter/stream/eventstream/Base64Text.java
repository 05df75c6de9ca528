package dev.llmrouter.stream.eventstream;

import java.util.Arrays;

/**
 * Decodes standard base64 (RFC 4648 alphabet, padding optional) straight from a char range, such as the
 * text buffer of a JSON parser, into one exactly sized array.
 */
final class Base64Text {
  private static final int[] VALUES = new int[128];

  static {
    Arrays.fill(VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = i;
    }
  }

  private Base64Text() {}

  /**
   * The bytes encoded by {@code len} chars of {@code text} from {@code off}.
   *
   * @throws IllegalArgumentException if they are not valid base64
   */
  static byte[] decode(char[] text, int off, int len) {
    int end = off + len;
    int padding = 0;
    if (len > 0 && text[end - 1] == '=') {
      padding = len > 1 && text[end - 2] == '=' ? 2 : 1;
      if (len % 4 != 0) {
        throw new IllegalArgumentException("padded base64 text must be a multiple of 4 characters long");
      }
    }
    int chars = len - padding;
    int tail = chars % 4;
    if (tail == 1) {
      throw new IllegalArgumentException("base64 text has a stray final character");
    }
    byte[] out = new byte[chars / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
    int i = off;
    int o = 0;
    int groupsEnd = off + chars - tail;
    while (i < groupsEnd) {
      int v = (value(text[i]) << 18) | (value(text[i + 1]) << 12) | (value(text[i + 2]) << 6)
          | value(text[i + 3]);
      if (v < 0) {
        throw invalid(text, i, 4);
      }
      out[o++] = (byte) (v >> 16);
      out[o++] = (byte) (v >> 8);
      out[o++] = (byte) v;
      i += 4;
    }
    if (tail == 2) {
      int v = (value(text[i]) << 18) | (value(text[i + 1]) << 12);
      if (v < 0) {
        throw invalid(text, i, 2);
      }
      out[o] = (byte) (v >> 16);
    } else if (tail == 3) {
      int v = (value(text[i]) << 18) | (value(text[i + 1]) << 12) | (value(text[i + 2]) << 6);
      if (v < 0) {
        throw invalid(text, i, 3);
      }
      out[o++] = (byte) (v >> 16);
      out[o] = (byte) (v >> 8);
    }
    return out;
  }

  /** The 6-bit value of {@code c}, or -1 (all bits set, so any OR with it stays negative). */
  private static int value(char c) {
    return c < 128 ? VALUES[c] : -1;
  }

  private static IllegalArgumentException invalid(char[] text, int at, int n) {
    return new IllegalArgumentException("invalid base64 character in \"" + new String(text, at, n) + "\"");
  }
}
