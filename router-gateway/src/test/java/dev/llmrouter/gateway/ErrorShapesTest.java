package dev.llmrouter.gateway;

import static dev.llmrouter.gateway.Upstreams.CHAT_REQUEST;
import static dev.llmrouter.gateway.Upstreams.MESSAGES_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.providers.ProviderFactory;
import dev.llmrouter.providers.ProviderSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors come back in the caller's own shape with a meaningful status. */
class ErrorShapesTest {
  private Harness h;
  private int deadPort;

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      deadPort = s.getLocalPort();
    }
    h = Harness.start(c -> c.maxBodyBytes(2000));
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void upstreamRateLimitKeepsStatusAndRetryAfterInOpenAiShape() throws Exception {
    h.upstream.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "7")
        .body("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}").build());
    HttpResponse<String> r = h.post("/v1/chat/completions", CHAT_REQUEST.formatted("gpt-test"));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("retry-after")).hasValue("7");
    assertThat(r.body()).startsWith("{\"error\":{\"message\":\"upstream provider 'openai' returned HTTP 429: slow down\"")
        .contains("\"type\":\"rate_limit_error\"").contains("\"code\":\"rate_limit_exceeded\"");
  }

  @Test
  void upstreamBadRequestIs400InAnthropicShape() throws Exception {
    h.enqueueJson(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens too big\"}}");
    HttpResponse<String> r = h.post("/v1/messages", MESSAGES_REQUEST.formatted("claude-test"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\"")
        .contains("max_tokens too big");
  }

  @Test
  void upstreamOverloadIs529ForAnthropicClientsAnd503ForOthers() throws Exception {
    String overloaded = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    h.enqueueJson(529, overloaded);
    HttpResponse<String> a = h.post("/v1/messages", MESSAGES_REQUEST.formatted("claude-test"));
    assertThat(a.statusCode()).isEqualTo(529);
    assertThat(a.body()).contains("\"type\":\"overloaded_error\"");
    h.enqueueJson(529, overloaded);
    HttpResponse<String> g = h.post("/v1beta/models/claude-test:generateContent",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\"}]}]}");
    assertThat(g.statusCode()).isEqualTo(503);
    assertThat(g.body()).startsWith("{\"error\":{\"code\":503,").contains("\"status\":\"UNAVAILABLE\"");
  }

  @Test
  void upstreamRejectingTheGatewaysKeyIs502NotTheCallersFault() throws Exception {
    h.enqueueJson(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
    HttpResponse<String> r = h.post("/v1/chat/completions", CHAT_REQUEST.formatted("gpt-test"));
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.body()).contains("refused the gateway's credentials").doesNotContain(Harness.UPSTREAM_KEY);
  }

  @Test
  void unknownModelIs404InGeminiShape() throws Exception {
    HttpResponse<String> r = h.post("/v1beta/models/no-such-model:generateContent",
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\"}]}]}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).startsWith("{\"error\":{\"code\":404,").contains("no-such-model")
        .contains("\"status\":\"NOT_FOUND\"");
  }

  @Test
  void unknownModelIs404InOpenAiShape() throws Exception {
    HttpResponse<String> r = h.post("/v1/chat/completions", CHAT_REQUEST.formatted("no-such-model"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"code\":\"model_not_found\"");
  }

  @Test
  void oversizedBodyIs413BeforeAnyUpstreamCall() throws Exception {
    String big = MESSAGES_REQUEST.formatted("claude-test").replace("Capital of France?", "x".repeat(5000));
    HttpResponse<String> r = h.post("/v1/messages", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).startsWith("{\"type\":\"error\",\"error\":{\"type\":\"request_too_large\"");
    assertThat(h.upstream.getRequestCount()).isZero();
  }

  @Test
  void invalidJsonIs400() throws Exception {
    HttpResponse<String> r = h.post("/v1/chat/completions", "{\"model\": ");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"type\":\"invalid_request_error\"");
  }

  @Test
  void missingModelIs400() throws Exception {
    HttpResponse<String> r = h.post("/v1/chat/completions", "{\"messages\":[]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("model");
  }

  @Test
  void upstreamTimeoutIs504() throws Exception {
    // A router whose provider has a 200 ms timeout, against a server that answers after 3 s.
    ModelCatalog slow = ModelCatalog.builder().put("slow-test", ModelSpec.builder("slow-test",
        ProviderFormat.OPENAI, ModelFlavor.CHAT).availableProviders(List.of("slowai")).build()).build();
    Harness[] holder = new Harness[1];
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
      server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());
      holder[0] = Harness.start(c -> { }, b -> b.addProvider("slowai", ProviderFactory.create("openai",
          ProviderSettings.builder().endpoint(server.url("/v1").toString()).timeout(Duration.ofMillis(200)).build()),
          AuthConfig.bearer("k")), slow);
      HttpResponse<String> r = holder[0].post("/v1/messages", MESSAGES_REQUEST.formatted("slow-test"));
      assertThat(r.statusCode()).isEqualTo(504);
      assertThat(r.body()).contains("\"type\":\"timeout_error\"");
    } finally {
      if (holder[0] != null) {
        holder[0].close();
      }
    }
  }

  @Test
  void unreachableUpstreamIs502() throws Exception {
    ModelCatalog dead = ModelCatalog.builder().put("dead-test", ModelSpec.builder("dead-test",
        ProviderFormat.OPENAI, ModelFlavor.CHAT).availableProviders(List.of("deadai")).build()).build();
    try (Harness d = Harness.start(c -> { }, b -> b.addProvider("deadai", ProviderFactory.create("openai",
        ProviderSettings.builder().endpoint("http://127.0.0.1:" + deadPort + "/v1").build()),
        AuthConfig.bearer("k")), dead)) {
      HttpResponse<String> r = d.post("/v1/chat/completions", CHAT_REQUEST.formatted("dead-test"));
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.body()).contains("\"type\":\"server_error\"").contains("\"code\":\"upstream_error\"");
    }
  }
}
