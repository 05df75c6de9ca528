package dev.llmrouter.conformance;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The repository's two lists about the corpus. {@code deviations.json}: vectors where we deliberately
 * differ from lingua, each with a reason and the replacement expectation. {@code known-failures.json}:
 * vectors we do not pass yet, each with a reason; they are reported as failed in the summary and skipped
 * as tests, and a known failure that starts passing fails the build until it is removed from the list.
 */
final class Expectations {
  private final Map<String, Deviation> deviations;
  private final Map<String, String> knownFailures;

  record Deviation(String reason, JsonValue expected) {}

  private Expectations(Map<String, Deviation> deviations, Map<String, String> knownFailures) {
    this.deviations = deviations;
    this.knownFailures = knownFailures;
  }

  static Expectations load() {
    Map<String, Deviation> deviations = new TreeMap<>();
    for (Map.Entry<String, JsonValue> e : resource("deviations.json").members().entrySet()) {
      JsonObject entry = e.getValue().asObject()
          .orElseThrow(() -> new IllegalStateException("deviation " + e.getKey() + " is not an object"));
      String reason = entry.getString("reason")
          .orElseThrow(() -> new IllegalStateException("deviation " + e.getKey() + " has no reason"));
      JsonValue expected = entry.get("expected")
          .orElseThrow(() -> new IllegalStateException("deviation " + e.getKey() + " has no expected"));
      deviations.put(e.getKey(), new Deviation(reason, expected));
    }
    Map<String, String> known = new TreeMap<>();
    for (Map.Entry<String, JsonValue> e : resource("known-failures.json").members().entrySet()) {
      known.put(e.getKey(), e.getValue().asString().orElse(""));
    }
    return new Expectations(deviations, known);
  }

  Optional<Deviation> deviation(String id) {
    return Optional.ofNullable(deviations.get(id));
  }

  Optional<String> knownFailure(String id) {
    return Optional.ofNullable(knownFailures.get(id));
  }

  int deviationCount() {
    return deviations.size();
  }

  private static JsonObject resource(String name) {
    try (InputStream in = Expectations.class.getResourceAsStream("/conformance/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource conformance/" + name);
      }
      return JsonTree.parseObject(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
