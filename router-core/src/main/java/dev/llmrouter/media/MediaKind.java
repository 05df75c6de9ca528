package dev.llmrouter.media;

import java.util.Locale;

/**
 * What a remote media URL stands for in the request (an image part or a file part), and which content
 * types a fetch of it may return.
 */
public enum MediaKind {
  /** An image part: only {@code image/*} content is accepted. */
  IMAGE,
  /**
   * A file (document) part: images, PDF, plain text and other {@code text/*} documents, JSON, audio and
   * video, which is what Gemini accepts as inline data. HTML pages (typically an error or login page
   * served instead of the document) and opaque binaries are refused.
   */
  FILE;

  /** Whether a fetched body of {@code mediaType} (a bare type, no parameters) may be inlined as this kind. */
  public boolean accepts(String mediaType) {
    if (mediaType == null || mediaType.isBlank()) {
      return false;
    }
    String t = MediaTypes.base(mediaType);
    if (this == IMAGE) {
      return t.startsWith("image/") && t.length() > "image/".length();
    }
    if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
      return false;
    }
    return t.startsWith("image/")
        || t.startsWith("audio/")
        || t.startsWith("video/")
        || t.startsWith("text/")
        || t.equals("application/pdf")
        || t.equals("application/json");
  }

  /** The lower-case name used in messages ({@code image}, {@code file}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
