package dev.llmrouter.providers.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptResolver;
import dev.llmrouter.providers.Loopback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our client against a server answering as LiteLLM's generic prompt-management API documents. */
@Timeout(60)
class LiteLlmPromptClientTest {
  /** The mock server's documented answer for hello-world-prompt. */
  static final String HELLO_WORLD =
      "{\"prompt_id\":\"hello-world-prompt\",\"prompt_template\":["
          + "{\"role\":\"system\",\"content\":\"You are a helpful assistant specialized in {domain}.\"},"
          + "{\"role\":\"user\",\"content\":\"Help me with: {task}\"}],"
          + "\"prompt_template_model\":\"gpt-4\","
          + "\"prompt_template_optional_params\":{\"temperature\":0.7,\"max_tokens\":500}}";

  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = Loopback.startServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("content-type", "application/json").body(body).build();
  }

  private LiteLlmPromptClient.Builder client() {
    return LiteLlmPromptClient.builder(server.url("/").toString());
  }

  @Test
  void sendsTheDocumentedRequestAndReadsTheDocumentedResponse() throws Exception {
    server.enqueue(json(200, HELLO_WORLD));
    LiteLlmPromptClient c = client().apiKey(Loopback.SECRET_KEY).queryParam("project_name", "demo").build();
    Prompt p = c.load(PromptRef.of("hello-world-prompt"));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/beta/litellm_prompt_management");
    assertThat(r.getUrl().queryParameter("prompt_id")).isEqualTo("hello-world-prompt");
    assertThat(r.getUrl().queryParameter("project_name")).isEqualTo("demo");
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer " + Loopback.SECRET_KEY);
    assertThat(r.getHeaders().get("accept")).isEqualTo("application/json");
    assertThat(p.messages()).hasSize(2);
    assertThat(p.model()).contains("gpt-4");
    assertThat(p.params().getLong("max_tokens")).contains(500L);
    assertThat(c.toString()).doesNotContain(Loopback.SECRET_KEY);
  }

  @Test
  void noAuthorizationHeaderWithoutAKeyAndVersionsEncodedInTheId() throws Exception {
    server.enqueue(json(200, HELLO_WORLD));
    client().build().load(PromptRef.of("hello-world-prompt").withVersion("3").withEnvironment("staging"));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("authorization")).isNull();
    assertThat(r.getUrl().queryParameter("prompt_id")).isEqualTo("hello-world-prompt.v3");
    assertThat(r.getUrl().queryParameter("environment")).isEqualTo("staging");
  }

  @Test
  void resolverExpandsARequestAsLiteLlmDocuments() {
    server.enqueue(json(200, HELLO_WORLD));
    PromptResolver resolver = PromptResolver.of(client().build());
    byte[] body = ("{\"model\":\"generic_prompt/gpt-3.5-turbo\",\"prompt_id\":\"hello-world-prompt\","
        + "\"prompt_variables\":{\"domain\":\"data science\",\"task\":\"analyzing customer behavior\"},"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Please help me get started\"}],"
        + "\"temperature\":0.9,\"top_p\":0.95}").getBytes(StandardCharsets.UTF_8);
    JsonObject out = JsonTree.parseObject(resolver.expand(body, ProviderFormat.OPENAI));
    assertThat(out).isEqualTo(JsonTree.parseObject((
        "{\"model\":\"gpt-4\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"You are a helpful assistant specialized in data science.\"},"
            + "{\"role\":\"user\",\"content\":\"Help me with: analyzing customer behavior\"},"
            + "{\"role\":\"user\",\"content\":\"Please help me get started\"}],"
            + "\"temperature\":0.7,\"top_p\":0.95,\"max_tokens\":500}").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void missingTemplateIsAnEmptyList() {
    server.enqueue(json(200, "{\"prompt_id\":\"x\"}"));
    assertThat(client().build().load(PromptRef.of("x")).messages()).isEmpty();
  }

  @Test
  void unknownPromptIsAClientErrorAndOtherStatusesAreTyped() {
    server.enqueue(json(404, "{\"detail\":\"Prompt not found\"}"));
    assertThatThrownBy(() -> client().build().load(PromptRef.of("missing")))
        .isInstanceOf(PromptNotFoundException.class)
        .hasMessageContaining("'missing'");
    server.enqueue(json(401, "{\"detail\":\"bad token " + Loopback.SECRET_KEY + "\"}"));
    assertThatThrownBy(() -> client().apiKey(Loopback.SECRET_KEY).build().load(PromptRef.of("x")))
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(new String(e.body(), StandardCharsets.UTF_8)).doesNotContain(Loopback.SECRET_KEY);
          assertThat(e.getMessage()).doesNotContain(Loopback.SECRET_KEY);
        });
    server.enqueue(json(200, "not json"));
    assertThatThrownBy(() -> client().build().load(PromptRef.of("x")))
        .isInstanceOf(UpstreamProtocolException.class);
    server.enqueue(json(200, "{\"prompt_template\":\"oops\"}"));
    assertThatThrownBy(() -> client().build().load(PromptRef.of("x")))
        .isInstanceOf(UpstreamProtocolException.class)
        .hasMessageContaining("prompt_template");
  }

  @Test
  void serviceDownAndTimeoutAreTypedErrors() throws Exception {
    int port = Loopback.closedPort();
    LiteLlmPromptClient down = LiteLlmPromptClient.builder("http://127.0.0.1:" + port).build();
    assertThatThrownBy(() -> down.load(PromptRef.of("x")))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("litellm-prompts");
    server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
    LiteLlmPromptClient slow = client().timeout(Duration.ofMillis(200)).build();
    assertThatThrownBy(() -> slow.load(PromptRef.of("x"))).isInstanceOf(UpstreamTimeoutException.class);
  }
}
