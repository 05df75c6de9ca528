package dev.llmrouter.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BraceTemplateEngineTest {
  private final BraceTemplateEngine engine = BraceTemplateEngine.instance();

  private static JsonObject vars(String json) {
    return JsonTree.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void doubleBracesAreReplacedWholeNeverLeavingStrayBraces() {
    // LiteLLM replaces {name} first and leaves "{Alice}"; we never do.
    assertThat(engine.render("Hi {{name}} and {name}", vars("{\"name\":\"Alice\"}"), false))
        .isEqualTo("Hi Alice and Alice");
    assertThat(engine.render("{{ name }}", vars("{\"name\":\"Bob\"}"), true)).isEqualTo("Bob");
  }

  @Test
  void nestedBracesAndJsonTextAreHandled() {
    JsonObject v = vars("{\"x\":\"1\"}");
    assertThat(engine.render("{{{x}}}", v, false)).isEqualTo("{1}");
    assertThat(engine.render("JSON: {\"a\": {x}}", v, false)).isEqualTo("JSON: {\"a\": 1}");
    assertThat(engine.render("no placeholders {}", v, true)).isEqualTo("no placeholders {}");
  }

  @Test
  void valuesAreNotScannedAgainAndNonStringsAreJson() {
    JsonObject v = vars("{\"a\":\"{{b}}\",\"b\":\"B\",\"n\":1.50,\"t\":true,\"o\":{\"k\":[1]},\"user\":{\"name\":\"Cy\"}}");
    assertThat(engine.render("{{a}}|{n}|{t}|{{o}}|{{user.name}}", v, true)).isEqualTo("{{b}}|1.50|true|{\"k\":[1]}|Cy");
  }

  @Test
  void strictFailsNamingTheVariableAndLenientLeavesIt() {
    assertThatThrownBy(() -> engine.render("Hi {{who}}", JsonObject.empty(), true))
        .isInstanceOf(MissingVariableException.class)
        .hasMessageContaining("'who'")
        .satisfies(e -> assertThat(((MissingVariableException) e).variable()).isEqualTo("who"));
    assertThat(engine.render("Hi {{who}} and {who}", JsonObject.empty(), false)).isEqualTo("Hi {{who}} and {who}");
  }

  @Test
  void variableNamesAreListedInOrder() {
    assertThat(BraceTemplateEngine.variableNames("{b} {{a}} {b} {{ c.d }}")).containsExactly("b", "a", "c.d");
  }
}
