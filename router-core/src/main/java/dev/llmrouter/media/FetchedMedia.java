package dev.llmrouter.media;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The bytes of one fetched media URL and its media type (the bare type of the response's content-type),
 * as a {@link MediaFetcher} returns them. Immutable: the bytes are copied in and out; {@link #toString()}
 * never shows them.
 */
public final class FetchedMedia {
  private final byte[] bytes;
  private final String mediaType;

  private FetchedMedia(byte[] bytes, String mediaType) {
    this.bytes = bytes;
    this.mediaType = mediaType;
  }

  /**
   * The media {@code bytes} (copied) of type {@code mediaType} (parameters such as {@code charset} are
   * dropped and the type is lower-cased).
   *
   * @throws IllegalArgumentException if an argument is null or the media type is blank
   */
  public static FetchedMedia of(byte[] bytes, String mediaType) {
    return own(Objects.requireNonNull(bytes, "bytes").clone(), mediaType);
  }

  /** Like {@link #of} without the copy, for fetchers that hand over a buffer they no longer touch. */
  static FetchedMedia own(byte[] bytes, String mediaType) {
    if (bytes == null) {
      throw new IllegalArgumentException("bytes must not be null");
    }
    String base = MediaTypes.base(mediaType);
    if (base.isEmpty()) {
      throw new IllegalArgumentException("mediaType must not be blank");
    }
    return new FetchedMedia(bytes, base);
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** The bare media type, e.g. {@code image/png}. */
  public String mediaType() {
    return mediaType;
  }

  /** The bytes in standard base64 (with padding, no line breaks), as the providers' inline data wants. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FetchedMedia m && mediaType.equals(m.mediaType) && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "FetchedMedia[" + mediaType + ", " + bytes.length + " bytes]";
  }
}
