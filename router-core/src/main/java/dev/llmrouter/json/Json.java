package dev.llmrouter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.llmrouter.error.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one jackson-core {@link JsonFactory} the router uses, and helpers around it. Streaming only: no
 * data binding, no trees; numbers are never converted, so their text survives byte for byte.
 */
public final class Json {
  /** Large inline images and documents are legitimate: strings are bounded by the body limit instead. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(1000)
                  .build())
          .build();

  private Json() {}

  /** The shared factory (thread-safe). */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** A parser over {@code body}; byte offsets in token locations index into it. */
  public static JsonParser parser(byte[] body) {
    try {
      return FACTORY.createParser(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON string literal (quotes included) for {@code value}, as UTF-8 bytes. */
  public static byte[] quote(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() + 8);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * An {@link InvalidRequestException} for malformed JSON in {@code what} (e.g. "request body"), naming
   * the line and column.
   */
  public static InvalidRequestException invalid(String what, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String where =
        loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    return new InvalidRequestException(
        "invalid JSON in " + what + where + ": " + e.getOriginalMessage(), e);
  }
}
