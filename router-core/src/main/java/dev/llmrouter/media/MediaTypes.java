package dev.llmrouter.media;

import java.util.Locale;

/** Small helpers for media (MIME) type strings: the bare type of a {@code content-type} header value. */
public final class MediaTypes {
  private MediaTypes() {}

  /**
   * The bare, lower-case type of a content-type value: {@code "Image/PNG; charset=x"} gives
   * {@code "image/png"}; blank for a blank value.
   */
  public static String base(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    String t = semi >= 0 ? contentType.substring(0, semi) : contentType;
    return t.trim().toLowerCase(Locale.ROOT);
  }
}
