package dev.llmrouter.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.llmrouter.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The reference cost: parse a body with jackson-core and write it back out, token by token. */
final class JsonBaseline {
  private JsonBaseline() {}

  static byte[] parseAndRewrite(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
    try (JsonParser p = Json.factory().createParser(body);
        JsonGenerator g = Json.factory().createGenerator(out)) {
      p.nextToken();
      g.copyCurrentStructure(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
