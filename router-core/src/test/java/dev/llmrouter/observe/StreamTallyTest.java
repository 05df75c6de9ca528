package dev.llmrouter.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.stream.StreamChunk;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Usage and finish reasons read from client-format stream events and reply bodies. */
class StreamTallyTest {

  private static StreamChunk chunk(String json) {
    return StreamChunk.ofUtf8(json, null);
  }

  @Test
  void anthropicMergesMessageStartAndDeltaAndKeepsTheStopReason() {
    StreamTally t = new StreamTally(ProviderFormat.ANTHROPIC);
    assertThat(t.accept(chunk("{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"stop_reason\":null,"
        + "\"usage\":{\"input_tokens\":20,\"cache_read_input_tokens\":5,\"output_tokens\":1}}}"))).isTrue();
    assertThat(t.accept(chunk("{\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}"))).isFalse();
    assertThat(t.accept(chunk("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},"
        + "\"usage\":{\"output_tokens\":9}}"))).isTrue();

    Usage u = t.usage().orElseThrow();
    assertThat(u.uncachedInputTokens()).isEqualTo(20);
    assertThat(u.cacheReadTokens()).isEqualTo(5);
    assertThat(u.outputTokens()).isEqualTo(9);
    assertThat(t.finishReasons()).containsExactly("tool_use");
  }

  @Test
  void chatNullFinishReasonsAreSkippedAndRepeatedReasonsKeptOnce() {
    StreamTally t = new StreamTally(ProviderFormat.OPENAI);
    t.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}"));
    assertThat(t.finishReasons()).isEmpty();
    t.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"},"
        + "{\"index\":1,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
    assertThat(t.finishReasons()).containsExactly("stop");
    assertThat(t.usage()).isEmpty();
  }

  @Test
  void geminiAndResponsesFinalEvents() {
    StreamTally g = new StreamTally(ProviderFormat.GOOGLE);
    g.accept(chunk("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]},\"finishReason\":\"MAX_TOKENS\"}],"
        + "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":3}}"));
    assertThat(g.finishReasons()).containsExactly("MAX_TOKENS");
    assertThat(g.usage().orElseThrow().outputTokens()).isEqualTo(3);

    StreamTally r = new StreamTally(ProviderFormat.RESPONSES);
    r.accept(StreamChunk.ofUtf8("{\"type\":\"response.created\",\"response\":{\"status\":\"in_progress\","
        + "\"usage\":null}}", "response.created"));
    assertThat(r.finishReasons()).isEmpty();
    r.accept(StreamChunk.ofUtf8("{\"type\":\"response.completed\",\"response\":{\"status\":\"completed\","
        + "\"usage\":{\"input_tokens\":8,\"output_tokens\":2,\"input_tokens_details\":{\"cached_tokens\":3}}}}",
        "response.completed"));
    assertThat(r.finishReasons()).containsExactly("completed");
    assertThat(r.usage().orElseThrow().cacheReadTokens()).isEqualTo(3);
    assertThat(r.usage().orElseThrow().uncachedInputTokens()).isEqualTo(5);
  }

  @Test
  void bodiesAndUnreadableInput() {
    byte[] anthropic = ("{\"type\":\"message\",\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":3,"
        + "\"output_tokens\":4}}").getBytes(StandardCharsets.UTF_8);
    assertThat(ReplyReader.finishReasonsOfBody(anthropic, ProviderFormat.ANTHROPIC)).containsExactly("end_turn");
    assertThat(ReplyReader.usageOfBody(anthropic, ProviderFormat.ANTHROPIC).orElseThrow().outputTokens())
        .isEqualTo(4);
    byte[] junk = "not json".getBytes(StandardCharsets.UTF_8);
    assertThat(ReplyReader.usageOfBody(junk, ProviderFormat.OPENAI)).isEmpty();
    assertThat(ReplyReader.finishReasonsOfBody(junk, ProviderFormat.OPENAI)).isEmpty();
    StreamTally t = new StreamTally(ProviderFormat.OPENAI);
    assertThat(t.accept(chunk("{\"usage\": broken"))).isFalse();
    assertThat(t.usage()).isEmpty();
  }
}
