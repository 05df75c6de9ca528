package dev.llmrouter.providers.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptTemplateException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rules the one dotprompt parser settled on where the gateway's former copy and this one disagreed. */
class DotpromptTest {
  private static JsonObject obj(String s) {
    return JsonTree.parseObject(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void textBeforeTheFirstRoleMarkerIsRefusedNotGuessedAt() {
    assertThatThrownBy(() -> Dotprompt.parse("p", "Intro text\nSystem: Be brief.\nUser: hi"))
        .isInstanceOf(PromptTemplateException.class)
        .hasMessageContaining("text before the first role marker").hasMessageContaining("line 2");
    assertThatThrownBy(() -> Dotprompt.parse("p", "Intro {{role \"user\"}} hi"))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("text before the first role marker");
    assertThat(Dotprompt.parse("p", "\n\nSystem: a\nUser: b").messages()).extracting(m -> m.role())
        .containsExactly("system", "user");
  }

  @Test
  void emptyTemplatesAndMarkersWithoutTextAreRefused() {
    assertThatThrownBy(() -> Dotprompt.parse("p", "---\nmodel: gpt-4o\n---\n  \n"))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("template is empty");
    assertThatThrownBy(() -> Dotprompt.parse("p", "System:\nUser:  \n"))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("role markers but no text");
  }

  @Test
  void frontMatterMayFollowBlankLinesAndReportsYamlErrorLines() {
    Prompt p = Dotprompt.parse("p", "\n\n---\nmodel: gpt-4o\n---\nUser: hi");
    assertThat(p.model()).contains("gpt-4o");
    assertThat(p.messages()).hasSize(1);
    assertThatThrownBy(() -> Dotprompt.parse("p", "\n---\nmodel: gpt-4o\nx: [unclosed\n---\nUser: hi"))
        .isInstanceOf(PromptTemplateException.class)
        .hasMessageContaining("invalid YAML front matter").hasMessageContaining("'p'");
    assertThatThrownBy(() -> Dotprompt.parse("p", "\n---\nmodel: gpt\nUser: hi"))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("on line 2 is never closed");
    assertThatThrownBy(() -> Dotprompt.parse("p", "---\n1: x\n---\nUser: hi"))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("keys must be strings");
  }

  @Test
  void frontMatterTypesAreChecked() {
    assertThatThrownBy(() -> Dotprompt.parse("p", "---\nmodel: '  '\n---\nhi"))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("'model' must not be empty");
    assertThatThrownBy(() -> Dotprompt.parse("p", "---\nresponse_format: json\n---\nhi"))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("'response_format' must be a mapping");
    assertThatThrownBy(() -> Dotprompt.parse("p", "---\ntools: [lookup, {type: function}]\n---\nhi"))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("'tools' must be a list");
    Prompt named = Dotprompt.parse("p", "---\ntools: [lookup, search]\n---\nhi");
    assertThat(named.tools()).isEmpty();
    assertThat(named.metadata().has("tools")).isTrue();
  }

  @Test
  void responseFormatIdAndVariantAreNotRequestParams() {
    Prompt p = Dotprompt.parse("p", "---\nmodel: ' gpt-4o '\nid: x\nvariant: b\ntemperature: 0.2\n"
        + "response_format: {type: json_object}\nconfig:\n  topK: 3\n---\nUser: hi");
    assertThat(p.model()).contains("gpt-4o");
    assertThat(p.params()).isEqualTo(obj("{\"temperature\":0.2,\"top_k\":3}"));
    assertThat(p.responseFormat()).contains(obj("{\"type\":\"json_object\"}"));
    assertThat(p.metadata().keys()).containsExactlyInAnyOrder("id", "variant");
  }

  @Test
  void jsonContentMayCarryItsOwnFrontMatterOverTheMetadata() {
    JsonObject json = JsonObject.of("content", JsonValue.of("---\nmodel: gpt-4o-mini\n---\nUser: hi"),
        "metadata", obj("{\"model\":\"gpt-4\",\"max_tokens\":5}"));
    Prompt p = Dotprompt.fromJson("p", json);
    assertThat(p.model()).contains("gpt-4o-mini");
    assertThat(p.params()).isEqualTo(obj("{\"max_tokens\":5}"));
    assertThat(p.messages().get(0).text()).contains("hi");
  }
}
