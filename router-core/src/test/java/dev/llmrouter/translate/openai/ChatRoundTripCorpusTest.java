package dev.llmrouter.translate.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Rule R1 of the conformance corpus for the Chat codec alone: every captured Chat request and response
 * message list, converted to the IR and back, equals the original once both sides are seen through
 * lingua's typed message view ({@link ChatCompletionsCodec#typedMessageView}). Skipped when the corpus is
 * not next to the repository.
 */
class ChatRoundTripCorpusTest {
  private final ChatCompletionsCodec codec = new ChatCompletionsCodec();

  private static Path dir() {
    String configured = System.getProperty("conformance.dir");
    Path base =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("..", "..", "shared", "conformance", "dev");
    return base.resolve("roundtrip").resolve("chat-completions");
  }

  @TestFactory
  Stream<DynamicTest> chatMessagesRoundTrip() throws IOException {
    Path dir = dir();
    Assumptions.assumeTrue(Files.isDirectory(dir), "conformance corpus not found at " + dir);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private void check(Path file) throws IOException {
    JsonObject vector = (JsonObject) JsonTree.parse(Files.readAllBytes(file));
    JsonObject input = vector.getObject("input").orElseThrow();
    boolean response = vector.getString("payload").orElse("").equals("response");
    boolean errorSnapshot = vector.getBoolean("errorSnapshot").orElse(false);
    JsonValue expected;
    JsonValue actual;
    if (response) {
      UniversalResponse u = codec.responseToUniversal(input);
      if (errorSnapshot) {
        return;
      }
      expected = responseMessages(input);
      actual = responseMessages(codec.responseFromUniversal(u));
    } else {
      UniversalRequest u = codec.requestToUniversal(input);
      if (errorSnapshot) {
        return;
      }
      expected = input.getOrNull("messages");
      actual = codec.requestFromUniversal(u).getOrNull("messages");
    }
    JsonValue e = ChatCompletionsCodec.typedMessageView(expected, response);
    JsonValue a = ChatCompletionsCodec.typedMessageView(actual, response);
    assertThat(JsonTree.canonicalEquals(a, e)).as("expected %s but was %s", e.toJson(), a.toJson()).isTrue();
  }

  private static JsonValue responseMessages(JsonObject body) {
    JsonArray.Builder out = JsonArray.builder();
    for (JsonValue c : body.getArray("choices").orElse(JsonArray.empty())) {
      c.asObject().flatMap(o -> o.get("message")).ifPresent(out::add);
    }
    return out.build();
  }
}
