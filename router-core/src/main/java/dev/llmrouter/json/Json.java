package dev.llmrouter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.llmrouter.error.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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
          // Characters outside the BMP go out as four UTF-8 bytes, not as two \\u escapes.
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
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

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The end of the run of bytes from {@code from} that a JSON string can hold as they are (printable
   * ASCII other than {@code "} and backslash), also stopping at {@code ?}: the replacement byte Java's
   * encoders write for an unpaired surrogate, which the caller must tell apart from a real question
   * mark. Eight bytes at a time.
   */
  public static int plainAsciiRun(byte[] bytes, int from) {
    int n = bytes.length;
    int i = from;
    for (; i + 8 <= n; i += 8) {
      long x = (long) LONGS.get(bytes, i);
      long quote = x ^ 0x2222222222222222L;
      long backslash = x ^ 0x5C5C5C5C5C5C5C5CL;
      long question = x ^ 0x3F3F3F3F3F3F3F3FL;
      long special =
          (x | ((x - 0x2020202020202020L) & ~x)
                  | ((quote - 0x0101010101010101L) & ~quote)
                  | ((backslash - 0x0101010101010101L) & ~backslash)
                  | ((question - 0x0101010101010101L) & ~question))
              & 0x8080808080808080L;
      if (special != 0) {
        return i + (Long.numberOfTrailingZeros(special) >>> 3);
      }
    }
    for (; i < n; i++) {
      int c = bytes[i];
      if (c < 0x20 || c == '"' || c == '\\' || c == '?') {
        return i;
      }
    }
    return n;
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
