package dev.llmrouter.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The two ways of computing a {@link RequestShape} (a streaming scan of the bytes, and a walk of the
 * parsed tree) must agree on everything detection and routing read, for every request-like input of the
 * conformance corpus and for the awkward bodies the tree path hands back to the scan.
 */
class RequestShapeAgreementTest {
  private static final List<String> KINDS = List.of("request", "error", "roundtrip");

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

  @Test
  void scanAndTreeWalkAgreeOnEveryCorpusInput() throws IOException {
    Path dir = corpusDir().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      if (System.getenv("CI") != null) {
        fail("conformance corpus not found at " + dir);
      }
      Assumptions.abort("conformance corpus not found at " + dir);
    }
    int compared = 0;
    for (String kind : KINDS) {
      Path kindDir = dir.resolve(kind);
      if (!Files.isDirectory(kindDir)) {
        continue;
      }
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(kindDir)) {
        walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
      for (Path f : files) {
        JsonObject vector = JsonTree.parseObject(Files.readAllBytes(f));
        Optional<JsonValue> input = vector.get("input");
        if (input.isEmpty() || !(input.get() instanceof JsonObject)) {
          continue;
        }
        String id = vector.getString("id").orElse(f.toString());
        byte[] compact = JsonTree.write(input.get());
        assertAgree(id, compact);
        // The same body pretty-printed: byte positions move, answers must not.
        assertAgree(id + " (spaced)", spaced(compact));
        compared++;
      }
    }
    assertThat(compared).as("corpus inputs compared").isGreaterThan(100);
  }

  @Test
  void bodiesATreeCannotMirrorAreScanned() {
    // A repeated key: the scan sees both values, a tree keeps one.
    String repeated = "{\"system\":\"s\",\"system\":[{\"text\":\"x\"}],\"messages\":[]}";
    RequestShape shape = RequestShape.parse(bytes(repeated));
    assertThat(shape.tree()).isEmpty();
    assertSame(repeated, RequestShape.scan(bytes(repeated)), shape);
    String nested = "{\"messages\":[{\"role\":\"user\",\"role\":\"tool\",\"content\":\"x\"}]}";
    assertThat(RequestShape.parse(bytes(nested)).tree()).isEmpty();
    assertSame(nested, RequestShape.scan(bytes(nested)), RequestShape.parse(bytes(nested)));
  }

  @Test
  void parseFailsExactlyAsTheScanDoes() {
    for (String bad :
        new String[] {
          "", "   ", "[1,2]", "[1,2", "\"x\"", "{\"model\": \"m\",,}", "{\"model\":\"m\"} trailing",
          "{\"model\":\"m\"", "{\"a\":1}{}", "nul"
        }) {
      byte[] body = bytes(bad);
      String expected = messageOf(() -> RequestShape.scan(body));
      assertThat(expected).as(bad).isNotNull();
      assertThatThrownBy(() -> RequestShape.parse(body))
          .as(bad)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessage(expected);
    }
    assertThatThrownBy(() -> RequestShape.parse(null)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aStringTheScanSkipsButATreeCannotReadKeepsTheOldErrors() {
    // The scan skips string contents it does not need; the tree parse decodes them. A UTF-8-encoded
    // surrogate (CESU-8) inside such a string passes the skip but not the decoder, and must give what it
    // gave before: a pass-through for a same-format body, the tree parser's error for a translation.
    byte[] prefix = bytes("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"");
    byte[] suffix = bytes("\"}]}");
    byte[] body = new byte[prefix.length + 3 + suffix.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[prefix.length] = (byte) 0xED;
    body[prefix.length + 1] = (byte) 0xA0;
    body[prefix.length + 2] = (byte) 0x80;
    System.arraycopy(suffix, 0, body, prefix.length + 3, suffix.length);
    RequestShape shape = RequestShape.parse(body);
    assertThat(shape.tree()).isEmpty();
    assertThat(shape.detect()).contains(ProviderFormat.OPENAI);
    RequestTransform same = Translator.transformRequest(body, ProviderFormat.OPENAI, Optional.empty());
    assertThat(same.isPassthrough()).isTrue();
    assertThat(same.body()).isSameAs(body);
    assertThatThrownBy(() -> Translator.transformRequest(body, ProviderFormat.ANTHROPIC, Optional.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("invalid JSON in request body: invalid JSON:");
  }

  @Test
  void treeShapesFindBytePositionsForPassThroughEdits() {
    String body = "{ \"messages\" : [ ] , \"model\" : \"a\" , \"stream\" : false }";
    RequestShape parsed = RequestShape.parse(bytes(body));
    assertThat(parsed.tree()).isPresent();
    byte[] edited = PayloadEdits.apply(parsed, ProviderFormat.OPENAI, Optional.of("b"), true);
    byte[] expected =
        PayloadEdits.apply(RequestShape.scan(bytes(body)), ProviderFormat.OPENAI, Optional.of("b"), true);
    assertThat(new String(edited, StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8))
        .isEqualTo("{ \"messages\" : [ ] , \"model\" : \"b\" , \"stream\" : true }");
  }

  @Test
  void shapeForParsesOnlyWhenTheClientFormatIsNotTheTargetFamily() {
    byte[] chat = bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(Translator.shapeFor(chat, ProviderFormat.ANTHROPIC, Optional.of(ProviderFormat.OPENAI)).tree())
        .isPresent();
    assertThat(Translator.shapeFor(chat, ProviderFormat.OPENAI, Optional.of(ProviderFormat.OPENAI)).tree())
        .isEmpty();
    assertThat(Translator.shapeFor(chat, ProviderFormat.OPENAI, Optional.of(ProviderFormat.MISTRAL)).tree())
        .isEmpty();
    assertThat(
            Translator.shapeFor(chat, ProviderFormat.BEDROCK_ANTHROPIC, Optional.of(ProviderFormat.ANTHROPIC))
                .tree())
        .isEmpty();
    assertThat(Translator.shapeFor(chat, ProviderFormat.MISTRAL, Optional.of(ProviderFormat.GOOGLE)).tree())
        .isEmpty();
    assertThat(Translator.shapeFor(chat, ProviderFormat.ANTHROPIC, Optional.empty()).tree()).isEmpty();
  }

  private static void assertAgree(String id, byte[] body) {
    RequestShape scanned = RequestShape.scan(body);
    RequestShape parsed = RequestShape.parse(body);
    assertThat(parsed.tree()).as(id + ": tree").isPresent();
    assertSame(id, scanned, parsed);
  }

  private static void assertSame(String id, RequestShape scanned, RequestShape parsed) {
    assertThat(parsed.detect()).as(id + ": detect").isEqualTo(scanned.detect());
    for (ProviderFormat f : ProviderFormat.values()) {
      assertThat(parsed.isCompatibleWith(f))
          .as(id + ": isCompatibleWith(" + f + ")")
          .isEqualTo(scanned.isCompatibleWith(f));
    }
    assertThat(parsed.model()).as(id + ": model").isEqualTo(scanned.model());
    assertThat(parsed.stream()).as(id + ": stream").isEqualTo(scanned.stream());
    assertThat(parsed.reasoningEffort()).as(id + ": reasoningEffort").isEqualTo(scanned.reasoningEffort());
    assertThat(parsed.anthropicVersion()).as(id + ": anthropicVersion").isEqualTo(scanned.anthropicVersion());
    assertThat(parsed.toolCount()).as(id + ": toolCount").isEqualTo(scanned.toolCount());
    assertThat(parsed.hasSystemTurns()).as(id + ": hasSystemTurns").isEqualTo(scanned.hasSystemTurns());
    assertThat(parsed.requiresJsonResponse())
        .as(id + ": requiresJsonResponse")
        .isEqualTo(scanned.requiresJsonResponse());
    for (String key : RequestShape.TRACKED_KEYS) {
      assertThat(parsed.hasKey(key)).as(id + ": hasKey(" + key + ")").isEqualTo(scanned.hasKey(key));
    }
    assertThat(parsed.isEmptyObject()).as(id + ": isEmptyObject").isEqualTo(scanned.isEmptyObject());
    assertThat(parsed.objectStart()).as(id + ": objectStart").isEqualTo(scanned.objectStart());
    assertThat(parsed.modelSpan()).as(id + ": modelSpan").isEqualTo(scanned.modelSpan());
    assertThat(parsed.streamSpan()).as(id + ": streamSpan").isEqualTo(scanned.streamSpan());
    assertThat(parsed.streamOptionsSpan())
        .as(id + ": streamOptionsSpan")
        .isEqualTo(scanned.streamOptionsSpan());
  }

  /** The compact body with a space around every structural character outside strings. */
  private static byte[] spaced(byte[] compact) {
    StringBuilder sb = new StringBuilder(" ");
    String s = new String(compact, StandardCharsets.UTF_8);
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        sb.append(c);
        if (c == '\\') {
          sb.append(s.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        sb.append(c);
      } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',') {
        sb.append(' ').append(c).append('\n');
      } else {
        sb.append(c);
      }
    }
    return sb.append('\t').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String messageOf(Runnable r) {
    try {
      r.run();
      return null;
    } catch (InvalidRequestException e) {
      return e.getMessage();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
