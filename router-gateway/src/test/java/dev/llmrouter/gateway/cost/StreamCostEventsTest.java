package dev.llmrouter.gateway.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.stream.StreamChunk;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Which events get {@code usage.cost}, per client format; everything else passes through unchanged. */
class StreamCostEventsTest {
  private static final BigDecimal COST = new BigDecimal("0.0123");

  private static JsonObject json(StreamChunk c) {
    return JsonTree.parseObject(c.data());
  }

  @Test
  void responsesCompletedGetsCostInResponseUsageAndKeepsItsEventType() {
    StreamChunk in = StreamChunk.ofUtf8("{\"type\":\"response.completed\",\"response\":{\"id\":\"r\",\"status\":"
        + "\"completed\",\"usage\":{\"input_tokens\":5,\"output_tokens\":6}},\"sequence_number\":9}",
        "response.completed");
    StreamChunk out = StreamCost.withCost(in, ProviderFormat.RESPONSES, COST);
    assertThat(out.eventType()).contains("response.completed");
    JsonObject usage = json(out).getObject("response").orElseThrow().getObject("usage").orElseThrow();
    assertThat(usage.getDecimal("cost")).contains(COST);
    assertThat(usage.getLong("output_tokens")).contains(6L);
    assertThat(json(out).getLong("sequence_number")).contains(9L);
  }

  @Test
  void eventsWithoutRoomAreReturnedAsTheyAre() {
    StreamChunk created = StreamChunk.ofUtf8("{\"type\":\"response.created\",\"response\":{\"usage\":null}}",
        "response.created");
    assertThat(StreamCost.withCost(created, ProviderFormat.RESPONSES, COST)).isSameAs(created);
    StreamChunk start = StreamChunk.ofUtf8("{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":1}}}",
        "message_start");
    assertThat(StreamCost.withCost(start, ProviderFormat.ANTHROPIC, COST)).isSameAs(start);
    StreamChunk gemini = StreamChunk.ofUtf8("{\"usageMetadata\":{\"promptTokenCount\":1}}", null);
    assertThat(StreamCost.withCost(gemini, ProviderFormat.GOOGLE, COST)).isSameAs(gemini);
    StreamChunk junk = StreamChunk.ofUtf8("{\"usage\":", null);
    assertThat(StreamCost.withCost(junk, ProviderFormat.OPENAI, COST)).isSameAs(junk);
  }

  @Test
  void chatAndAnthropicDeltaGetTopLevelUsageCost() {
    StreamChunk chat = StreamChunk.ofUtf8("{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}",
        null);
    assertThat(json(StreamCost.withCost(chat, ProviderFormat.OPENAI, COST)).getObject("usage").orElseThrow()
        .getDecimal("cost")).contains(COST);
    StreamChunk delta = StreamChunk.ofUtf8("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
        + "\"usage\":{\"output_tokens\":2}}", "message_delta");
    StreamChunk out = StreamCost.withCost(delta, ProviderFormat.ANTHROPIC, COST);
    assertThat(out.eventType()).contains("message_delta");
    assertThat(json(out).getObject("usage").orElseThrow().getDecimal("cost")).contains(COST);
  }
}
