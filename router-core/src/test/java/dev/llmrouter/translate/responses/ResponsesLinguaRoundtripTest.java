package dev.llmrouter.translate.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * lingua's own Responses roundtrip test (openai/test_responses.rs) over the corpus's captured Responses
 * traffic (the files lingua's test covers), on the codec's item conversion alone: the raw items kept in the extras are removed first, and
 * both sides get lingua's normalization (no {@code phase} on input items, {@code type: message} on
 * role+content items, {@code content: []} on reasoning items, no null members).
 */
class ResponsesLinguaRoundtripTest {
  private final ResponsesCodec codec = new ResponsesCodec();

  private static Path corpus() {
    String dir = System.getProperty("conformance.dir");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    String shared = System.getProperty("llmrouter.shared.dir");
    return shared != null ? Path.of(shared, "conformance", "dev") : Path.of("..", "..", "shared", "conformance", "dev");
  }

  private static JsonValue normalize(JsonValue items, boolean input) {
    if (!(items instanceof JsonArray a)) {
      return items;
    }
    JsonArray.Builder out = JsonArray.builder();
    for (JsonValue v : a) {
      if (!(v instanceof JsonObject o)) {
        out.add(v);
        continue;
      }
      JsonObject.Builder b = JsonObject.builder();
      // lingua re-serializes items through its typed schema, which leaves out null members.
      o.members().forEach((k, val) -> {
        if (!val.isNull()) {
          b.put(k, val);
        }
      });
      if (input) {
        b.remove("phase");
      }
      if (!o.has("type") && o.has("role") && o.has("content")) {
        b.put("type", "message");
      }
      if ("reasoning".equals(o.getString("type").orElse(null)) && !o.has("content")) {
        b.put("content", JsonArray.empty());
      }
      out.add(b.build());
    }
    return out.build();
  }

  @Test
  void corpus_items_round_trip_like_lingua() throws IOException {
    Path dir = corpus().resolve("roundtrip").resolve("responses");
    Assumptions.assumeTrue(Files.isDirectory(dir), "conformance corpus not available at " + dir);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      JsonObject vector = JsonTree.parseObject(Files.readAllBytes(f));
      if (vector.getBoolean("errorSnapshot").orElse(false)
          || !vector.getBoolean("linguaRoundtripTest").orElse(false)) {
        continue;
      }
      JsonObject body = vector.getObject("input").orElseThrow();
      boolean response = "response".equals(vector.getString("payload").orElse(""));
      JsonValue original;
      JsonValue back;
      if (response) {
        UniversalResponse u = codec.responseToUniversal(body);
        u = u.toBuilder().extras(ProviderFormat.RESPONSES, null).build();
        original = body.getOrNull("output");
        back = codec.responseFromUniversal(u).getOrNull("output");
      } else {
        if (!(body.getOrNull("input") instanceof JsonArray)) {
          continue; // lingua's test only covers item arrays
        }
        UniversalRequest u = codec.requestToUniversal(body);
        JsonObject ex = u.params().extrasFor(ProviderFormat.RESPONSES).orElseThrow();
        u = u.withParams(u.params().toBuilder().extras(ProviderFormat.RESPONSES, ex.without(ResponsesCodec.RAW_INPUT)).build());
        original = body.getOrNull("input");
        back = codec.requestFromUniversal(u).getOrNull("input");
      }
      checked++;
      JsonValue a = normalize(original, !response);
      JsonValue b = normalize(back, !response);
      if (!JsonTree.canonicalEquals(a, b)) {
        failures.add(f.getFileName() + ": expected " + a.toJson() + "\n   got " + b.toJson());
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }
}
