package dev.llmrouter.providers.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.prompt.MissingVariableException;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.prompt.TemplateEngines;
import dev.llmrouter.prompt.TemplateFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MustacheTemplateEngineTest {
  private final MustacheTemplateEngine engine = new MustacheTemplateEngine();

  private static JsonObject vars(String json) {
    return JsonTree.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void isFoundThroughServiceLoader() {
    assertThat(TemplateEngines.defaults().get(TemplateFormat.MUSTACHE)).isInstanceOf(MustacheTemplateEngine.class);
  }

  @Test
  void rendersVariablesSectionsAndInvertedSectionsWithoutEscaping() {
    JsonObject v = vars("{\"user\":{\"name\":\"A&B\"},\"items\":[{\"n\":1},{\"n\":2.50}],\"vip\":false,"
        + "\"cfg\":{\"k\":[1,2]}}");
    assertThat(engine.render("Hi {{user.name}}:{{#items}} {{n}}{{/items}}{{^vip}} (regular){{/vip}} {{cfg}}", v, true))
        .isEqualTo("Hi A&B: 1 2.50 (regular) {\"k\":[1,2]}");
  }

  @Test
  void strictFailsNamingTheVariableAndLenientRendersEmpty() {
    assertThatThrownBy(() -> engine.render("Hello {{name}}", JsonObject.empty(), true))
        .isInstanceOf(MissingVariableException.class)
        .hasMessageContaining("'name'");
    assertThat(engine.render("Hello {{name}}!", JsonObject.empty(), false)).isEqualTo("Hello !");
  }

  @Test
  void malformedTemplateIsAClientError() {
    assertThatThrownBy(() -> engine.render("{{#open}} never closed", JsonObject.empty(), false))
        .isInstanceOf(PromptTemplateException.class);
  }
}
