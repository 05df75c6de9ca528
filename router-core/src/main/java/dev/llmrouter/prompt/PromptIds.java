package dev.llmrouter.prompt;

import dev.llmrouter.error.InvalidRequestException;

/**
 * Validation of prompt ids, versions and environment names: each is 1 to {@value #MAX_LENGTH} characters of
 * letters, digits, {@code .}, {@code _}, {@code -} and {@code :}, starting with a letter or digit, and never
 * contains {@code ..}. Such names are safe as file names and URL path segments (no traversal, no
 * separators, no control characters).
 */
public final class PromptIds {
  /** The longest accepted id, version or environment. */
  public static final int MAX_LENGTH = 200;

  private PromptIds() {}

  /** Whether {@code name} is a valid id, version or environment name. */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (i == 0 ? !alnum : !(alnum || c == '.' || c == '_' || c == '-' || c == ':')) {
        return false;
      }
    }
    return !name.contains("..");
  }

  /**
   * Returns {@code name} when valid.
   *
   * @param what what the name is, for the message ("prompt id", "environment", ...)
   * @throws InvalidRequestException naming the field and the (shortened, sanitized) value otherwise
   */
  public static String require(String what, String name) {
    if (!isValid(name)) {
      throw new InvalidRequestException(
          "invalid " + what + " " + describe(name) + ": expected 1-" + MAX_LENGTH
              + " characters of letters, digits, '.', '_', '-' or ':', starting with a letter or digit,"
              + " without '..'");
    }
    return name;
  }

  /** A printable, quoted, shortened form of a possibly hostile name for error messages. */
  static String describe(String name) {
    if (name == null) {
      return "(null)";
    }
    StringBuilder sb = new StringBuilder("'");
    int n = Math.min(name.length(), 80);
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (name.length() > n) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }
}
