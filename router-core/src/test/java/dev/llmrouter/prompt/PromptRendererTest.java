package dev.llmrouter.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PromptRendererTest {
  private static JsonObject obj(String json) {
    return JsonTree.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void substitutesInStringContentAndTextPartsOnly() {
    Prompt p = Prompt.builder("parts")
        .message(PromptMessage.of(obj("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look at {{thing}}\"},"
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/{{thing}}.png\"}}]}")))
        .message("assistant", "Seen {thing}.")
        .build();
    RenderedPrompt r = PromptRenderer.of(true).render(p, obj("{\"thing\":\"cat\"}"));
    assertThat(r.messagesJson().toJson())
        .contains("\"text\":\"Look at cat\"")
        .contains("https://x/{{thing}}.png")
        .contains("Seen cat.");
  }

  @Test
  void strictErrorNamesVariablePromptAndMessage() {
    Prompt p = Prompt.builder("greet").message("system", "ok").message("user", "Hi {{name}}").build();
    assertThatThrownBy(() -> PromptRenderer.of(true).render(p, null))
        .isInstanceOf(MissingVariableException.class)
        .hasMessageContaining("'name'")
        .hasMessageContaining("prompt 'greet' message 2 (user)");
    assertThat(PromptRenderer.of(false).render(p, null).messages().get(1).text()).contains("Hi {{name}}");
  }

  @Test
  void mustacheWithoutAnEngineIsAClearError() {
    Prompt p = Prompt.builder("m").templateFormat(TemplateFormat.MUSTACHE).message("user", "{{#a}}x{{/a}}").build();
    assertThatThrownBy(() -> PromptRenderer.of(TemplateEngines.builtIn(), false).render(p, null))
        .isInstanceOf(PromptTemplateException.class)
        .hasMessageContaining("mustache");
  }

  @Test
  void noneFormatLeavesTextAlone() {
    Prompt p = Prompt.builder("raw").templateFormat(TemplateFormat.NONE).text("{{keep}}").build();
    assertThat(PromptRenderer.of(true).render(p, obj("{\"keep\":\"no\"}")).text()).contains("{{keep}}");
  }
}
