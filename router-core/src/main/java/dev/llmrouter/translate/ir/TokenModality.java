package dev.llmrouter.translate.ir;

import java.util.Optional;

/** A provider-independent token modality (lingua's {@code TokenModality}). */
public enum TokenModality {
  /** Unspecified ({@code MODALITY_UNSPECIFIED}). */
  UNSPECIFIED("unspecified", "MODALITY_UNSPECIFIED"),
  /** Text. */
  TEXT("text", "TEXT"),
  /** Image. */
  IMAGE("image", "IMAGE"),
  /** Audio. */
  AUDIO("audio", "AUDIO"),
  /** Video. */
  VIDEO("video", "VIDEO"),
  /** Document. */
  DOCUMENT("document", "DOCUMENT");

  private final String wire;
  private final String google;

  TokenModality(String wire, String google) {
    this.wire = wire;
    this.google = google;
  }

  /** The snake_case name used in the universal serialization. */
  public String wire() {
    return wire;
  }

  /** Google's name ({@code TEXT}, {@code MODALITY_UNSPECIFIED}, ...). */
  public String googleName() {
    return google;
  }

  /** Parses Google's name (exact). */
  public static Optional<TokenModality> fromGoogle(String s) {
    for (TokenModality m : values()) {
      if (m.google.equals(s)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Parses the snake_case name (exact). */
  public static Optional<TokenModality> fromWire(String s) {
    for (TokenModality m : values()) {
      if (m.wire.equals(s)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
