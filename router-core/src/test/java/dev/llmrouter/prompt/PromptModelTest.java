package dev.llmrouter.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PromptModelTest {
  private static JsonObject obj(String json) {
    return JsonTree.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void idsAreValidatedAgainstTraversalAndControlCharacters() {
    assertThat(PromptIds.isValid("hello-world_prompt.v2")).isTrue();
    assertThat(PromptIds.isValid("d8a2f1e0-1234-4bcd-9eef-0123456789ab")).isTrue();
    for (String bad : new String[] {"", "../x", "a/b", "a\\b", ".hidden", "a..b", "x\ny", "a b", "x".repeat(201)}) {
      assertThat(PromptIds.isValid(bad)).as(bad).isFalse();
    }
    assertThatThrownBy(() -> Prompt.builder("../etc").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("invalid prompt id '../etc'");
    assertThatThrownBy(() -> PromptRef.of("ok").withEnvironment("a/b")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void promptIsImmutableValueWithBuilder() {
    Prompt p = Prompt.builder("p").version("2").environment("production").message("system", "s")
        .model("gpt-4o").param("temperature", JsonTree.parse("0.2")).metadata(obj("{\"tag\":\"a\"}")).build();
    assertThat(p.kind()).isEqualTo(PromptKind.CHAT);
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(p.toBuilder().version("3").build()).isNotEqualTo(p);
    assertThat(p.messages()).isUnmodifiable();
    assertThat(p.text()).isEmpty();
    assertThat(p.tools()).isEmpty();
    assertThat(p.toString()).contains("p").doesNotContain("\"s\"");
    assertThatThrownBy(() -> Prompt.builder("both").message("user", "a").text("b").build())
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> PromptMessage.of(obj("{\"content\":\"no role\"}")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("role");
    assertThatThrownBy(() -> TemplateFormat.of("nunjucks")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void liteLlmJsonRoundTrips() {
    JsonObject response = obj("{\"prompt_id\":\"x\",\"prompt_template\":[{\"role\":\"user\",\"content\":\"{q}\"}],"
        + "\"prompt_template_model\":\"gpt-4\",\"prompt_template_optional_params\":{\"temperature\":0.7,"
        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"response_format\":{\"type\":\"json_object\"}}}");
    Prompt p = LiteLlmPromptJson.read(response, PromptRef.of("x"));
    assertThat(p.params()).isEqualTo(obj("{\"temperature\":0.7}"));
    assertThat(p.tools()).isPresent();
    assertThat(p.responseFormat()).contains(obj("{\"type\":\"json_object\"}"));
    assertThat(LiteLlmPromptJson.write(p, "x")).isEqualTo(response);
    assertThat(LiteLlmPromptJson.write(Prompt.builder("c").text("t").build(), "c.v2"))
        .isEqualTo(obj("{\"prompt_id\":\"c.v2\",\"prompt_template\":[{\"role\":\"user\",\"content\":\"t\"}]}"));
    assertThatThrownBy(() -> LiteLlmPromptJson.read(obj("{\"prompt_template_model\":5}"), PromptRef.of("x")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("prompt_template_model");
  }
}
