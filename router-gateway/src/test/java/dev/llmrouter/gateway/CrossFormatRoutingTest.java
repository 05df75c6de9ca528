package dev.llmrouter.gateway;

import static dev.llmrouter.gateway.Upstreams.CHAT_REQUEST;
import static dev.llmrouter.gateway.Upstreams.MESSAGES_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Any client format reaches any upstream through the gateway, with usage, cost and the upstream's credentials. */
class CrossFormatRoutingTest {
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
  void openAiClientToAnthropicUpstream() throws Exception {
    h.enqueueJson(200, Upstreams.ANTHROPIC_REPLY);
    HttpResponse<String> r = h.post("/v1/chat/completions", CHAT_REQUEST.formatted("claude-test"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"object\":\"chat.completion\"").contains("\"content\":\"Bonjour\"")
        .contains("\"prompt_tokens\":20").contains("\"completion_tokens\":5");
    // 20 x $3/M + 5 x $15/M
    assertThat(r.headers().firstValue("x-router-cost-usd")).hasValue("0.000135");
    RecordedRequest up = h.upstream.takeRequest();
    assertThat(up.getUrl().encodedPath()).endsWith("/messages");
    assertThat(up.getHeaders().get("x-api-key")).isEqualTo(Harness.UPSTREAM_KEY);
    assertThat(up.getBody().utf8()).contains("\"max_tokens\"").contains("Capital of France?");
  }

  @Test
  void openAiClientGetsToolCallsFromAnthropicUpstream() throws Exception {
    h.enqueueJson(200, Upstreams.ANTHROPIC_TOOL_REPLY);
    HttpResponse<String> r = h.post("/v1/chat/completions", "{\"model\":\"claude-test\",\"messages\":"
        + "[{\"role\":\"user\",\"content\":\"weather in Paris?\"}],\"tools\":[{\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"tool_calls\"").contains("\"name\":\"get_weather\"")
        .contains("\"finish_reason\":\"tool_calls\"").contains("Paris");
    assertThat(h.upstream.takeRequest().getBody().utf8()).contains("\"input_schema\"");
  }

  @Test
  void openAiStreamingClientToAnthropicUpstream() throws Exception {
    h.enqueueSse(Upstreams.ANTHROPIC_STREAM);
    HttpResponse<String> r = h.post("/v1/chat/completions", "{\"model\":\"claude-test\",\"stream\":true,"
        + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("data: {").contains("\"content\":\"Bon\"").contains("\"content\":\"jour\"")
        .endsWith("data: [DONE]\n\n").doesNotContain("event:");
    assertThat(h.upstream.takeRequest().getBody().utf8()).contains("\"stream\":true");
  }

  @Test
  void anthropicClientToOpenAiUpstream() throws Exception {
    h.enqueueJson(200, Upstreams.OPENAI_REPLY);
    HttpResponse<String> r = h.post("/v1/messages", MESSAGES_REQUEST.formatted("gpt-test"),
        "anthropic-version", "2023-06-01");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"type\":\"message\"").contains("\"text\":\"Paris\"")
        .contains("\"input_tokens\":12").contains("\"output_tokens\":3");
    // 12 x $2/M + 3 x $8/M
    assertThat(r.headers().firstValue("x-router-cost-usd")).hasValue("0.000048");
    RecordedRequest up = h.upstream.takeRequest();
    assertThat(up.getUrl().encodedPath()).endsWith("/chat/completions");
    assertThat(up.getHeaders().get("authorization")).isEqualTo("Bearer " + Harness.UPSTREAM_KEY);
  }

  @Test
  void anthropicStreamingClientToOpenAiUpstream() throws Exception {
    h.enqueueSse(Upstreams.OPENAI_STREAM);
    HttpResponse<String> r = h.post("/v1/messages", "{\"model\":\"gpt-test\",\"max_tokens\":100,\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    String b = r.body();
    assertThat(b).startsWith("event: message_start\n").contains("\"text\":\"Par\"").contains("\"text\":\"is\"")
        .contains("event: message_stop").doesNotContain("[DONE]");
  }

  @Test
  void geminiClientToOpenAiUpstream() throws Exception {
    h.enqueueJson(200, Upstreams.OPENAI_REPLY);
    HttpResponse<String> r = h.post("/v1beta/models/gpt-test:generateContent",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Capital of France?\"}]}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"candidates\"").contains("\"text\":\"Paris\"")
        .contains("\"promptTokenCount\":12");
    assertThat(h.upstream.takeRequest().getBody().utf8()).contains("\"model\":\"gpt-test\"")
        .contains("Capital of France?");
  }

  @Test
  void openAiClientToGeminiUpstreamHasNoCostHeaderWithoutPrices() throws Exception {
    h.enqueueJson(200, Upstreams.GEMINI_REPLY);
    HttpResponse<String> r = h.post("/v1/chat/completions", CHAT_REQUEST.formatted("gemini-test"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"content\":\"Hallo\"").contains("\"prompt_tokens\":7");
    assertThat(r.headers().firstValue("x-router-cost-usd")).isEmpty();
    RecordedRequest up = h.upstream.takeRequest();
    assertThat(up.getUrl().encodedPath()).contains("gemini-test:generateContent");
    assertThat(up.getHeaders().get("x-goog-api-key")).isEqualTo(Harness.UPSTREAM_KEY);
  }

  @Test
  void gatewayTokensAreNeverForwardedUpstream() throws Exception {
    h.enqueueJson(200, Upstreams.OPENAI_REPLY);
    h.post("/v1/chat/completions", CHAT_REQUEST.formatted("gpt-test"),
        "x-api-key", "client-token", "x-goog-api-key", "client-token-2", "anthropic-beta", "tools-2024",
        "cookie", "session=1");
    RecordedRequest up = h.upstream.takeRequest();
    assertThat(up.getHeaders().toString()).doesNotContain("client-token").doesNotContain("session=1");
    assertThat(up.getHeaders().get("anthropic-beta")).isEqualTo("tools-2024");
  }
}
