package dev.llmrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics counts requests, errors, latency, tokens and cost by endpoint, provider and model. */
class MetricsTest {
  private Harness h;

  @BeforeEach
  void start() throws Exception {
    h = Harness.start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void countsSuccessesErrorsTokensAndCost() throws Exception {
    String chat = "{\"model\":\"mock/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    h.post("/v1/chat/completions", chat);
    h.post("/v1/chat/completions", chat);
    h.post("/v1/messages", "{\"model\":\"mock/echo\",\"max_tokens\":5,\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    h.enqueueJson(500, "{\"error\":{\"message\":\"boom\"}}");
    h.post("/v1/chat/completions", Upstreams.CHAT_REQUEST.formatted("gpt-test"));
    h.post("/v1/chat/completions", Upstreams.CHAT_REQUEST.formatted("made-up-model-" + System.nanoTime()));

    HttpResponse<String> r = h.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
    String m = r.body();
    String chatLabels = "endpoint=\"/v1/chat/completions\",provider=\"mock\",model=\"mock/echo\"";
    assertThat(m).contains("# TYPE llmrouter_gateway_requests_total counter")
        .contains("llmrouter_gateway_requests_total{" + chatLabels + ",status=\"200\"} 2")
        .contains("llmrouter_gateway_requests_total{endpoint=\"/v1/messages\",provider=\"mock\","
            + "model=\"mock/echo\",status=\"200\"} 1")
        .contains("llmrouter_gateway_requests_total{endpoint=\"/v1/chat/completions\",provider=\"openai\","
            + "model=\"none\",status=\"500\"} 1")
        .contains("llmrouter_gateway_errors_total{endpoint=\"/v1/chat/completions\",provider=\"openai\","
            + "model=\"none\",kind=\"upstream\"} 1")
        .contains("llmrouter_gateway_errors_total{endpoint=\"/v1/chat/completions\",provider=\"none\","
            + "model=\"none\",kind=\"not_found\"} 1")
        .doesNotContain("made-up-model")
        .contains("# TYPE llmrouter_gateway_request_duration_seconds histogram")
        .contains("llmrouter_gateway_request_duration_seconds_count{" + chatLabels + "} 2")
        .contains("llmrouter_gateway_request_duration_seconds_bucket{" + chatLabels + ",le=\"+Inf\"} 2")
        // mock: 10 prompt and 20 completion tokens per call
        .contains("llmrouter_gateway_tokens_total{" + chatLabels + ",type=\"input\"} 20")
        .contains("llmrouter_gateway_tokens_total{" + chatLabels + ",type=\"output\"} 40")
        .contains("llmrouter_gateway_tokens_total{endpoint=\"/v1/messages\",provider=\"mock\","
            + "model=\"mock/echo\",type=\"output\"} 20")
        // 2 x (10 x $1/M + 20 x $2/M)
        .contains("llmrouter_gateway_cost_usd_total{" + chatLabels + "} 0.0001")
        .contains("llmrouter_gateway_requests_in_flight 1");
  }
}
