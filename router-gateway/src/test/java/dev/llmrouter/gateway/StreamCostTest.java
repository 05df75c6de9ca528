package dev.llmrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stream's cost is written into its final usage report as {@code usage.cost} where the client format has
 * room (Chat Completions, Anthropic {@code message_delta}; Responses in StreamCostEventsTest), never into
 * Gemini's usage metadata,
 * and it is still counted in /metrics. The mock model costs $1 / $2 per million tokens and reports 10
 * input and 20 output tokens: $0.00005.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamCostTest {
  private static final String COST = "0.00005";
  private Harness h;

  @BeforeEach
  void start() throws Exception {
    h = Harness.start(c -> c.adminTokens(List.of("admin-token-1")));
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private static List<JsonObject> events(String sse) {
    List<JsonObject> out = new ArrayList<>();
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
        out.add(JsonTree.parseObject(line.substring(6).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  private static List<String> costs(List<JsonObject> events, String... path) {
    List<String> out = new ArrayList<>();
    for (JsonObject e : events) {
      JsonObject o = e;
      for (String key : path) {
        o = o == null ? null : o.getObject(key).orElse(null);
      }
      if (o != null && o.getDecimal("cost").isPresent()) {
        out.add(o.getDecimal("cost").get().toPlainString());
      }
    }
    return out;
  }

  private String stream(String path, String body) throws Exception {
    HttpResponse<String> r = h.post(path, body, "authorization", "Bearer admin-token-1");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void chatCompletionsFinalUsageChunkCarriesTheCost() throws Exception {
    String sse = stream("/v1/chat/completions", "{\"model\":\"mock/echo\",\"stream\":true,"
        + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    List<JsonObject> events = events(sse);
    assertThat(costs(events, "usage")).containsExactly(COST);
    JsonObject last = events.get(events.size() - 1);
    assertThat(last.getObject("usage").orElseThrow().getLong("prompt_tokens")).contains(10L);
    assertThat(last.getObject("usage").orElseThrow().getDecimal("cost")).isPresent();
    assertThat(sse).endsWith("data: [DONE]\n\n");
  }

  @Test
  void anthropicMessageDeltaUsageCarriesTheCost() throws Exception {
    String sse = stream("/v1/messages", "{\"model\":\"mock/echo\",\"stream\":true,\"max_tokens\":50,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    List<JsonObject> events = events(sse);
    List<JsonObject> deltas = events.stream().filter(e -> e.getString("type").orElse("").equals("message_delta"))
        .toList();
    assertThat(costs(deltas, "usage")).containsExactly(COST);
    assertThat(costs(events, "message", "usage")).as("message_start has no cost yet").isEmpty();
    assertThat(sse).contains("event: message_delta");
  }

  @Test
  void geminiUsageMetadataIsLeftAloneAndMetricsCountTheCost() throws Exception {
    String sse = stream("/v1beta/models/mock/echo:streamGenerateContent?alt=sse",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}");
    List<JsonObject> events = events(sse);
    assertThat(events).isNotEmpty();
    assertThat(costs(events, "usageMetadata")).isEmpty();
    assertThat(events.get(events.size() - 1).getObject("usageMetadata")).isPresent();

    String metrics = h.get("/metrics", "authorization", "Bearer admin-token-1").body();
    assertThat(metrics).containsPattern(
        "llmrouter_gateway_cost_usd_total\\{.*model=\"mock/echo\"\\} 0\\.00005\\n");
  }
}
