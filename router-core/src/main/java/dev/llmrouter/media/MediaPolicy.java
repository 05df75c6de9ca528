package dev.llmrouter.media;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.Optional;

/**
 * Which remote media a translated request inlines for its target format (Rust remote_media.rs): Gemini
 * takes neither image nor file URLs over http(s), Bedrock (Converse and Bedrock Anthropic) takes no image
 * URLs. Other targets fetch URLs themselves and get them as they are.
 */
public enum MediaPolicy {
  /** Gemini ({@link ProviderFormat#GOOGLE}): images and files are inlined. */
  GOOGLE(true, true),
  /** Bedrock ({@link ProviderFormat#CONVERSE}, {@link ProviderFormat#BEDROCK_ANTHROPIC}): images only. */
  BEDROCK(true, false);

  private final boolean images;
  private final boolean files;

  MediaPolicy(boolean images, boolean files) {
    this.images = images;
    this.files = files;
  }

  /** Whether remote image URLs are fetched and inlined. */
  public boolean inlinesImages() {
    return images;
  }

  /** Whether remote file URLs are fetched and inlined. */
  public boolean inlinesFiles() {
    return files;
  }

  /** Whether parts of {@code kind} are inlined. */
  public boolean inlines(MediaKind kind) {
    return kind == MediaKind.IMAGE ? images : files;
  }

  /** The policy of a target format; empty for formats whose providers take remote URLs. */
  public static Optional<MediaPolicy> forFormat(ProviderFormat target) {
    if (target == null) {
      return Optional.empty();
    }
    switch (target) {
      case GOOGLE:
        return Optional.of(GOOGLE);
      case CONVERSE:
      case BEDROCK_ANTHROPIC:
        return Optional.of(BEDROCK);
      default:
        return Optional.empty();
    }
  }
}
