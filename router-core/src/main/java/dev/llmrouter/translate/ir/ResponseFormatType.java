package dev.llmrouter.translate.ir;

import dev.llmrouter.error.TranslationException;
import java.util.Locale;
import java.util.Optional;

/** Output format type (lingua's {@code ResponseFormatType}). */
public enum ResponseFormatType {
  /** Plain text. */
  TEXT("text"),
  /** Any JSON object. */
  JSON_OBJECT("json_object"),
  /** JSON conforming to a schema. */
  JSON_SCHEMA("json_schema");

  private final String wire;

  ResponseFormatType(String wire) {
    this.wire = wire;
  }

  /** The snake_case name. */
  public String wire() {
    return wire;
  }

  /** Parses case-insensitively. */
  public static Optional<ResponseFormatType> fromWire(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String lower = s.toLowerCase(Locale.ROOT);
    for (ResponseFormatType t : values()) {
      if (t.wire.equals(lower)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses case-insensitively.
   *
   * @throws TranslationException naming {@code field} for unknown values
   */
  public static ResponseFormatType parse(String s, String field) {
    return fromWire(s)
        .orElseThrow(
            () ->
                new TranslationException(
                    "Invalid ResponseFormatType value: '" + s + "' (field " + field + ")"));
  }

  @Override
  public String toString() {
    return wire;
  }
}
