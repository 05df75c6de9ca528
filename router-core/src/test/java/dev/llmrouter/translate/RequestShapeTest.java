package dev.llmrouter.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestShapeTest {

  private static RequestShape scan(String json) {
    return RequestShape.scan(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsModelAndStreamHints() {
    RequestShape s = scan("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}");
    assertThat(s.model()).contains("gpt-4o");
    assertThat(s.isStream()).isTrue();
    assertThat(scan("{\"model\":\"m\",\"messages\":[]}").isStream()).isFalse();
    assertThat(scan("{\"modelId\":\"amazon.nova-pro\",\"messages\":[]}").model()).contains("amazon.nova-pro");
    assertThat(scan("{\"model\":7,\"messages\":[]}").model()).isEmpty();
  }

  @Test
  void detectsChatCompletions() {
    RequestShape s = scan("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
        + "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}]}");
    assertThat(s.detect()).contains(ProviderFormat.OPENAI);
    assertThat(s.isCompatibleWith(ProviderFormat.OPENAI)).isTrue();
    assertThat(s.isCompatibleWith(ProviderFormat.ANTHROPIC)).isFalse();
  }

  @Test
  void detectsAnthropicMessages() {
    RequestShape s = scan("{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":100,\"system\":\"be brief\","
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}");
    assertThat(s.detect()).contains(ProviderFormat.ANTHROPIC);
    assertThat(s.isCompatibleWith(ProviderFormat.ANTHROPIC)).isTrue();
    assertThat(s.isCompatibleWith(ProviderFormat.OPENAI)).isFalse();
  }

  @Test
  void anthropicToolUseIsAnthropic() {
    RequestShape s = scan("{\"model\":\"c\",\"max_tokens\":1,\"messages\":[{\"role\":\"assistant\",\"content\":"
        + "[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}]}],"
        + "\"tools\":[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}]}");
    assertThat(s.detect()).contains(ProviderFormat.ANTHROPIC);
  }

  @Test
  void plainMessagesBodyIsAmbiguousAndCompatibleWithBoth() {
    RequestShape s = scan("{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(s.isCompatibleWith(ProviderFormat.OPENAI)).isTrue();
    assertThat(s.isCompatibleWith(ProviderFormat.ANTHROPIC)).isTrue();
    RequestShape noMax = scan("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(noMax.isCompatibleWith(ProviderFormat.ANTHROPIC)).isFalse();
    assertThat(noMax.detect()).contains(ProviderFormat.OPENAI);
  }

  @Test
  void detectsResponsesGoogleAndConverse() {
    assertThat(scan("{\"model\":\"gpt-5\",\"input\":\"hi\",\"instructions\":\"x\"}").detect())
        .contains(ProviderFormat.RESPONSES);
    assertThat(scan("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}").detect())
        .contains(ProviderFormat.GOOGLE);
    RequestShape converse = scan("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],"
        + "\"inferenceConfig\":{\"maxTokens\":5}}");
    assertThat(converse.detect()).contains(ProviderFormat.CONVERSE);
    assertThat(converse.isCompatibleWith(ProviderFormat.CONVERSE)).isTrue();
    assertThat(converse.isCompatibleWith(ProviderFormat.OPENAI)).isFalse();
  }

  @Test
  void detectsBedrockAndVertexAnthropic() {
    assertThat(scan("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":5,\"messages\":[]}").detect())
        .contains(ProviderFormat.BEDROCK_ANTHROPIC);
    assertThat(scan("{\"anthropic_version\":\"vertex-2023-10-16\",\"max_tokens\":5,\"messages\":[]}").detect())
        .contains(ProviderFormat.VERTEX_ANTHROPIC);
  }

  @Test
  void undetectableBodyGivesEmpty() {
    assertThat(scan("{\"model\":\"m\",\"question\":\"hi\"}").detect()).isEmpty();
    assertThat(scan("{\"prompt\":\"hi\"}").detect()).isEmpty();
  }

  @Test
  void legacyCompletionsPromptIsChatButNeverPassedThrough() {
    RequestShape s = scan("{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"hi\"}");
    assertThat(s.detect()).contains(ProviderFormat.OPENAI);
    assertThat(s.isCompatibleWith(ProviderFormat.OPENAI)).isFalse();
  }

  @Test
  void jsonResponseFlag() {
    assertThat(scan("{\"model\":\"m\",\"messages\":[],\"response_format\":{\"type\":\"json_object\"}}")
        .requiresJsonResponse()).isTrue();
    assertThat(scan("{\"model\":\"m\",\"messages\":[],\"response_format\":{\"type\":\"text\"}}")
        .requiresJsonResponse()).isFalse();
  }

  @Test
  void badBodiesGiveClearErrors() {
    assertThatThrownBy(() -> RequestShape.scan(new byte[0]))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> scan("{\"model\": \"m\",,}"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> scan("[1,2]"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must be a JSON object, got an array");
    assertThatThrownBy(() -> scan("{\"model\":\"m\"} trailing"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> scan("{\"model\":\"m\""))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid JSON");
  }
}
