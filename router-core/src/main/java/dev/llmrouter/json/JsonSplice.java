package dev.llmrouter.json;

/**
 * Byte-level edits of a JSON object: replace a value or remove a member. Every byte outside
 * the edit stays as it was (key order, whitespace, number text), which is what keeps pass-through exact.
 */
public final class JsonSplice {
  private JsonSplice() {}

  /** {@code body} with bytes {@code [start, end)} replaced by {@code replacement}. */
  public static byte[] replace(byte[] body, int start, int end, byte[] replacement) {
    byte[] out = new byte[body.length - (end - start) + replacement.length];
    System.arraycopy(body, 0, out, 0, start);
    System.arraycopy(replacement, 0, out, start, replacement.length);
    System.arraycopy(body, end, out, start + replacement.length, body.length - end);
    return out;
  }

  /** {@code body} with the value of {@code member} replaced. */
  public static byte[] replaceValue(byte[] body, MemberSpan member, byte[] value) {
    return replace(body, member.valueStart(), member.valueEnd(), value);
  }

  /**
   * {@code body} without {@code member} and one adjacent comma: the following comma if there is one, else
   * the preceding one (the member was last).
   */
  public static byte[] removeMember(byte[] body, MemberSpan member) {
    int start = member.keyStart();
    int end = member.valueEnd();
    int after = skipWhitespace(body, end);
    if (after < body.length && body[after] == ',') {
      end = skipWhitespace(body, after + 1);
    } else {
      int before = start - 1;
      while (before >= 0 && isWhitespace(body[before])) {
        before--;
      }
      if (before >= 0 && body[before] == ',') {
        start = before;
      }
    }
    return replace(body, start, end, new byte[0]);
  }

  private static int skipWhitespace(byte[] body, int i) {
    while (i < body.length && isWhitespace(body[i])) {
      i++;
    }
    return i;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
