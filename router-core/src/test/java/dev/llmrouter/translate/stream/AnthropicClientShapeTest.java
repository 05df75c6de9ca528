package dev.llmrouter.translate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Anthropic events completed for SDK clients: token counts in message_start, a signature on thinking. */
class AnthropicClientShapeTest {

  private static OutEvent event(String json) {
    return OutEvent.of(JsonTree.parseObject(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void messageStartUsageGetsBothTokenCountsAndKeepsTheRest() {
    OutEvent shaped =
        AnthropicClientShape.apply(
            event("{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"usage\":{\"cache_read_input_tokens\":4}}}"));
    JsonObject usage = shaped.data().getObject("message").orElseThrow().getObject("usage").orElseThrow();
    assertThat(usage.getLong("input_tokens")).contains(0L);
    assertThat(usage.getLong("output_tokens")).contains(0L);
    assertThat(usage.getLong("cache_read_input_tokens")).contains(4L);

    OutEvent noUsage = AnthropicClientShape.apply(event("{\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}"));
    assertThat(noUsage.data().getObject("message").orElseThrow().getObject("usage").orElseThrow()
            .getLong("input_tokens"))
        .contains(0L);
  }

  @Test
  void completeEventsAreLeftAsTheyAre() {
    OutEvent full =
        event("{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}");
    assertThat(AnthropicClientShape.apply(full)).isSameAs(full);
    OutEvent text = event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    assertThat(AnthropicClientShape.apply(text)).isSameAs(text);
    OutEvent delta = event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}");
    assertThat(AnthropicClientShape.apply(delta)).isSameAs(delta);
  }

  @Test
  void aThinkingBlockStartsWithAnEmptySignature() {
    OutEvent shaped =
        AnthropicClientShape.apply(
            event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}"));
    assertThat(shaped.data().getObject("content_block").orElseThrow().getString("signature")).contains("");
    assertThat(shaped.type()).isEqualTo("content_block_start");
  }
}
