package dev.llmrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every model endpoint answered by the mock provider through the real translation path, and the GET endpoints. */
class MockEndpointsTest {
  private static Harness h;

  @BeforeAll
  static void start() throws Exception {
    h = Harness.start();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  @Test
  void chatCompletionsEchoWithCostHeader() throws Exception {
    HttpResponse<String> r = h.post("/v1/chat/completions",
        "{\"model\":\"mock/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"object\":\"chat.completion\"").contains("\"content\":\"hi there\"");
    // 10 prompt tokens x $1/M + 20 completion tokens x $2/M = $0.00005
    assertThat(r.headers().firstValue("x-router-cost-usd")).hasValue("0.00005");
    assertThat(r.headers().firstValue("x-router-provider")).hasValue("mock");
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
  }

  @Test
  void responsesEndpoint() throws Exception {
    HttpResponse<String> r = h.post("/v1/responses", "{\"model\":\"mock/echo\",\"input\":\"respond please\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"object\":\"response\"").contains("respond please")
        .contains("\"input_tokens\":10");
  }

  @Test
  void messagesEndpoint() throws Exception {
    HttpResponse<String> r = h.post("/v1/messages", "{\"model\":\"mock/echo\",\"max_tokens\":10,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"anthropic hello\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"type\":\"message\"").contains("anthropic hello")
        .contains("\"output_tokens\":20");
    assertThat(r.headers().firstValue("x-router-cost-usd")).hasValue("0.00005");
  }

  @Test
  void geminiGenerateContentTakesTheModelFromThePath() throws Exception {
    HttpResponse<String> r = h.post("/v1beta/models/mock/echo:generateContent",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"gemini hello\"}]}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"candidates\"").contains("gemini hello").contains("\"usageMetadata\"");
  }

  @Test
  void geminiStreamWithAltSseIsServerSentEvents() throws Exception {
    HttpResponse<String> r = h.post("/v1beta/models/mock/echo:streamGenerateContent?alt=sse",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"one two\"}]}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
    assertThat(r.body()).startsWith("data: {").contains("\"text\":\"one \"").contains("\"text\":\"two\"")
        .doesNotContain("[DONE]").doesNotContain("event:");
  }

  @Test
  void geminiStreamWithoutAltSseIsAJsonArray() throws Exception {
    HttpResponse<String> r = h.post("/v1beta/models/mock/echo:streamGenerateContent",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"array please\"}]}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    String body = r.body().trim();
    assertThat(body).startsWith("[{").endsWith("}]").contains("\"text\":\"array \"");
    assertThat(dev.llmrouter.json.JsonTree.parse(body)).isInstanceOf(dev.llmrouter.json.JsonArray.class);
  }

  @Test
  void chatStreamIsFramedWithDone() throws Exception {
    HttpResponse<String> r = h.post("/v1/chat/completions", "{\"model\":\"mock/echo\",\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"a b\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("data: {").endsWith("data: [DONE]\n\n").doesNotContain("event:")
        .contains("\"content\":\"a \"").contains("\"prompt_tokens\":10");
  }

  @Test
  void messagesStreamHasEventLinesAndProtocolOrder() throws Exception {
    HttpResponse<String> r = h.post("/v1/messages", "{\"model\":\"mock/echo\",\"max_tokens\":10,\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"x y\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    String b = r.body();
    assertThat(b).startsWith("event: message_start\ndata: {").doesNotContain("[DONE]");
    assertThat(b.indexOf("event: content_block_delta")).isGreaterThan(b.indexOf("event: message_start"));
    assertThat(b.indexOf("event: message_stop")).isGreaterThan(b.indexOf("event: message_delta"));
  }

  @Test
  void responsesStreamStartsWithResponseCreated() throws Exception {
    HttpResponse<String> r = h.post("/v1/responses", "{\"model\":\"mock/fast\",\"stream\":true,\"input\":\"q\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("event: response.created\n").contains("event: response.completed");
  }

  @Test
  void toolCallsReachAnthropicClientsAsToolUse() throws Exception {
    HttpResponse<String> r = h.post("/v1/messages", "{\"model\":\"mock/tool\",\"max_tokens\":10,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"weather\"}],"
        + "\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\"}}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"type\":\"tool_use\"").contains("\"name\":\"get_weather\"")
        .contains("\"stop_reason\":\"tool_use\"");
  }

  @Test
  void modelsListsRoutableModelsInOpenAiShape() throws Exception {
    HttpResponse<String> r = h.get("/v1/models");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"object\":\"list\",\"data\":[")
        .contains("{\"id\":\"mock/echo\",\"object\":\"model\",\"created\":0,\"owned_by\":\"mock\"")
        .contains("\"id\":\"gpt-test\"").contains("\"owned_by\":\"anthropic\"");
  }

  @Test
  void healthNeedsNoToken() throws Exception {
    HttpResponse<String> r = h.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void unknownPathAndWrongMethodAreErrorsInTheFormatOfThePath() throws Exception {
    HttpResponse<String> missing = h.get("/v2/nothing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"error\":{\"message\":\"no such endpoint");
    HttpResponse<String> wrong = h.get("/v1/messages");
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.headers().firstValue("allow")).hasValue("POST");
    assertThat(wrong.body()).startsWith("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\"");
  }
}
