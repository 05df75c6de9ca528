package dev.llmrouter.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.ClientException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.StreamSession;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.ResponseTransform;
import dev.llmrouter.translate.Translator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs the lingua conformance corpus: one dynamic test per vector, with the pass rules of the corpus
 * README. The directory comes from the system property {@code conformance.dir} (default
 * {@code ../shared/conformance/dev} next to the repository). Writes
 * {@code target/conformance/summary.json} and prints {@code conformance: N passed, M failed}.
 *
 * <p>{@code -Dconformance.writeKnownFailures=<file>} writes the current gated failures as a
 * known-failures list (used while the engine is being built; the list must shrink to nothing), and
 * {@code -Dconformance.ignoreKnownFailures=true} runs as if the list were empty.
 */
class ConformanceTest {
  private static final String[] KINDS = {"request", "response", "stream", "error", "roundtrip"};
  private static final Summary SUMMARY = new Summary();
  private static final Expectations EXPECTATIONS = Expectations.load();

  static Path corpusDir() {
    String configured = System.getProperty("conformance.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String shared = System.getProperty("llmrouter.shared.dir");
    if (shared != null) {
      return Path.of(shared, "conformance", "dev");
    }
    return Path.of("..", "..", "shared", "conformance", "dev");
  }

  @TestFactory
  Stream<DynamicNode> corpus() throws IOException {
    Path dir = corpusDir().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      String message = "conformance corpus not found at " + dir + " (set -Dconformance.dir=...)";
      if (System.getenv("CI") != null) {
        fail(message + "; CI must run the conformance suite");
      }
      Assumptions.abort(message);
    }
    List<DynamicNode> kinds = new ArrayList<>();
    for (String kind : KINDS) {
      Path kindDir = dir.resolve(kind);
      if (!Files.isDirectory(kindDir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(kindDir)) {
        files = walk.filter(p -> p.toString().endsWith(".json")).sorted(Comparator.naturalOrder()).toList();
      }
      List<DynamicNode> tests = new ArrayList<>(files.size());
      for (Path file : files) {
        Vector v = Vector.load(file);
        tests.add(DynamicTest.dynamicTest(v.id(), file.toUri(), () -> run(v)));
      }
      kinds.add(DynamicContainer.dynamicContainer(kind, tests));
    }
    return kinds.stream();
  }

  @AfterAll
  static void writeSummary() throws IOException {
    String summaryDir = System.getProperty("conformance.summaryDir", "target/conformance");
    SUMMARY.write(Path.of(summaryDir, "summary.json"));
    System.out.println(SUMMARY.line());
    String rewrite = System.getProperty("conformance.writeKnownFailures");
    if (rewrite != null && !rewrite.isBlank()) {
      SUMMARY.writeFailures(Path.of(rewrite));
    }
  }

  private static void run(Vector v) {
    Optional<String> failure;
    try {
      failure = check(v);
    } catch (RuntimeException | AssertionError e) {
      failure = Optional.of("threw " + e);
    }
    Optional<String> known =
        Boolean.getBoolean("conformance.ignoreKnownFailures")
            ? Optional.empty()
            : EXPECTATIONS.knownFailure(v.id());
    boolean tracked = v.kind().equals("roundtrip") && !RoundTrips.gated(v);
    SUMMARY.record(tracked ? "roundtrip-tracked" : v.kind(), v.group(), failure.isEmpty());
    if (tracked) {
      // Tracked only: lingua itself does not enforce these; the summary shows how many hold.
      if (failure.isPresent()) {
        throw new TestAbortedException("tracked roundtrip, not gated: " + failure.get());
      }
      return;
    }
    failure.ifPresent(f -> SUMMARY.failure(v.id(), f));
    if (known.isPresent()) {
      if (failure.isEmpty()) {
        fail(v.id() + " now passes: remove it from conformance/known-failures.json");
      }
      throw new TestAbortedException("known failure (" + known.get() + "): " + failure.get());
    }
    failure.ifPresent(f -> fail(v.id() + ": " + f));
  }

  /** Empty when the vector passes. */
  static Optional<String> check(Vector v) {
    switch (v.kind()) {
      case "request":
        return checkRequest(v);
      case "response":
        return checkResponse(v);
      case "stream":
        return checkStream(v);
      case "error":
        return checkError(v);
      case "roundtrip":
        return RoundTrips.check(v);
      default:
        return Optional.of("unknown vector kind " + v.kind());
    }
  }

  private static JsonValue expected(Vector v) {
    return EXPECTATIONS.deviation(v.id()).map(Expectations.Deviation::expected).orElseGet(v::expected);
  }

  private static Optional<String> checkRequest(Vector v) {
    RequestTransform t = Translator.transformRequest(v.inputBytes(), v.targetFormat(), v.targetModel());
    return compareJson(JsonTree.parse(t.body()), expected(v));
  }

  private static Optional<String> checkResponse(Vector v) {
    ResponseTransform t = Translator.transformResponse(v.inputBytes(), v.targetFormat());
    return compareJson(JsonTree.parse(t.body()), expected(v));
  }

  private static Optional<String> checkStream(Vector v) {
    ProviderFormat target = v.targetFormat();
    StreamSession session = Translator.newStreamSession(target);
    List<StreamChunk> out = new ArrayList<>();
    for (JsonValue event : v.input().asArray().orElseThrow()) {
      session.push(StreamChunk.of(JsonTree.write(event)), out::add);
    }
    session.finish(out::add);
    List<SseEvents.Event> produced = SseEvents.fromChunks(out, target);
    return StreamChecks.compare(produced, SseEvents.fromExpected(expected(v)), target);
  }

  private static Optional<String> checkError(Vector v) {
    try {
      RequestTransform t = Translator.transformRequest(v.inputBytes(), v.targetFormat(), v.targetModel());
      return Optional.of("expected a client error, got a result: " + new String(t.body(),
          java.nio.charset.StandardCharsets.UTF_8));
    } catch (ClientException expected) {
      return Optional.empty();
    } catch (RuntimeException other) {
      return Optional.of("expected a client error, got " + other);
    }
  }

  static Optional<String> compareJson(JsonValue produced, JsonValue expected) {
    if (JsonTree.canonicalEquals(produced, expected)) {
      return Optional.empty();
    }
    return Optional.of(JsonDiff.describe(produced, expected));
  }
}
