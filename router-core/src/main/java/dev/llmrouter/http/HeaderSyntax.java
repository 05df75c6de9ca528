package dev.llmrouter.http;

/** RFC 9110 header name and value syntax checks. */
public final class HeaderSyntax {
  private HeaderSyntax() {}

  /** A non-empty token: letters, digits and {@code !#$%&'*+-.^_`|~}. */
  public static boolean isValidName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Visible ASCII, space and tab (obs-text above 0x7f is refused: HTTP clients reject it). */
  public static boolean isValidValue(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
        return false;
      }
    }
    return true;
  }
}
