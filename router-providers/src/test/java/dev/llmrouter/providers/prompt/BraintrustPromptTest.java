package dev.llmrouter.providers.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptKind;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptRenderer;
import dev.llmrouter.prompt.PromptResolver;
import dev.llmrouter.prompt.PromptTemplateException;
import dev.llmrouter.prompt.TemplateFormat;
import dev.llmrouter.providers.Loopback;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Braintrust's documented prompt objects mapped to templates and params, and the client's lookups. */
@Timeout(60)
class BraintrustPromptTest {
  /** The chat prompt of the wrapper README, with OpenAI-style params and tools as a JSON string. */
  static final String CHAT =
      "{\"id\":\"prompt-123\",\"_xact_id\":\"1000192656880881099\",\"project_id\":\"p1\",\"log_id\":\"p\","
          + "\"name\":\"Greeter\",\"slug\":\"greeter\",\"function_type\":\"llm\",\"prompt_data\":{"
          + "\"prompt\":{\"type\":\"chat\",\"messages\":["
          + "{\"role\":\"system\",\"content\":\"You are a helpful assistant\"},"
          + "{\"role\":\"user\",\"content\":\"Hello {{name}}{{#items}} [{{.}}]{{/items}}\"},"
          + "{\"role\":\"model\",\"content\":\"ok\",\"reasoning\":[{\"id\":\"r\",\"content\":\"x\"}]}],"
          + "\"tools\":\"[{\\\"type\\\":\\\"function\\\",\\\"function\\\":{\\\"name\\\":\\\"lookup\\\","
          + "\\\"parameters\\\":{\\\"type\\\":\\\"object\\\"}}}]\"},"
          + "\"options\":{\"model\":\"gpt-4\",\"params\":{\"temperature\":0.7,\"max_completion_tokens\":100,"
          + "\"top_p\":0.9,\"frequency_penalty\":0.1,\"presence_penalty\":0.2,\"n\":1,\"stop\":[\"END\"],"
          + "\"reasoning_effort\":\"low\",\"tool_choice\":\"auto\",\"use_cache\":true,"
          + "\"response_format\":{\"type\":\"json_object\"}},\"position\":\"0\"},"
          + "\"parser\":{\"type\":\"llm_classifier\"},\"tool_functions\":[{\"type\":\"function\",\"id\":\"f1\"}]}}";

  static final String ANTHROPIC_STYLE =
      "{\"id\":\"p2\",\"prompt_data\":{\"prompt\":{\"type\":\"chat\",\"messages\":[{\"role\":\"user\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Summarize {{doc}}\"}]}]},"
          + "\"options\":{\"model\":\"claude-3-5-sonnet-latest\",\"params\":{\"max_tokens\":1024,"
          + "\"temperature\":0,\"top_k\":40,\"stop_sequences\":[\"\\n\\nHuman:\"],\"reasoning_enabled\":true,"
          + "\"reasoning_budget\":2048}}}}";

  static final String GOOGLE_STYLE =
      "{\"id\":\"p3\",\"prompt_data\":{\"prompt\":{\"type\":\"chat\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Hi\"}]},\"options\":{\"model\":\"gemini-2.0-flash\",\"params\":{"
          + "\"maxOutputTokens\":256,\"topP\":0.8,\"topK\":20,\"temperature\":0.3}}}}";

  static final String COMPLETION =
      "{\"id\":\"p4\",\"_xact_id\":\"42\",\"prompt_data\":{\"prompt\":{\"type\":\"completion\","
          + "\"content\":\"Translate to French: {{text}}\"},\"options\":{\"model\":\"gpt-3.5-turbo-instruct\"},"
          + "\"template_format\":\"mustache\"}}";

  private static JsonObject obj(String s) {
    return JsonTree.parseObject(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void chatPromptWithOpenAiParamsMapsCompletely() {
    Prompt p = BraintrustPromptMapper.map(obj(CHAT), PromptRef.of("prompt-123"));
    assertThat(p.kind()).isEqualTo(PromptKind.CHAT);
    assertThat(p.templateFormat()).isEqualTo(TemplateFormat.MUSTACHE);
    assertThat(p.version()).contains("1000192656880881099");
    assertThat(p.model()).contains("gpt-4");
    assertThat(p.messages()).hasSize(3);
    assertThat(p.messages().get(2).role()).isEqualTo("assistant");
    assertThat(p.messages().get(2).toJson().has("reasoning")).isFalse();
    assertThat(p.params()).isEqualTo(obj("{\"temperature\":0.7,\"max_completion_tokens\":100,\"top_p\":0.9,"
        + "\"frequency_penalty\":0.1,\"presence_penalty\":0.2,\"n\":1,\"stop\":[\"END\"],"
        + "\"reasoning_effort\":\"low\",\"tool_choice\":\"auto\"}"));
    assertThat(p.responseFormat()).contains(obj("{\"type\":\"json_object\"}"));
    assertThat(p.tools().orElseThrow().get(0).toJson()).contains("lookup");
    JsonObject bt = p.metadata().getObject("braintrust").orElseThrow();
    assertThat(bt.getBoolean("use_cache")).contains(true);
    assertThat(bt.has("parser")).isTrue();
    assertThat(bt.has("tool_functions")).isTrue();
    assertThat(bt.getString("slug")).contains("greeter");
    // Mustache: variables and sections, no HTML escaping.
    var rendered = PromptRenderer.of(true).render(p, obj("{\"name\":\"<Ann>\",\"items\":[1,2]}"));
    assertThat(rendered.messages().get(1).text()).contains("Hello <Ann> [1] [2]");
  }

  @Test
  void anthropicAndGoogleStyleParamsBecomeOpenAiVocabulary() {
    Prompt a = BraintrustPromptMapper.map(obj(ANTHROPIC_STYLE), PromptRef.of("p2"));
    assertThat(a.params()).isEqualTo(obj("{\"max_tokens\":1024,\"temperature\":0,\"top_k\":40,"
        + "\"stop\":[\"\\n\\nHuman:\"]}"));
    assertThat(a.metadata().getObject("braintrust").orElseThrow().getLong("reasoning_budget")).contains(2048L);
    var rendered = PromptRenderer.of(false).render(a, obj("{\"doc\":\"the report\"}"));
    assertThat(rendered.messages().get(0).toJson().toJson()).contains("Summarize the report");

    Prompt g = BraintrustPromptMapper.map(obj(GOOGLE_STYLE), PromptRef.of("p3"));
    assertThat(g.params()).isEqualTo(obj("{\"max_tokens\":256,\"top_p\":0.8,\"top_k\":20,\"temperature\":0.3}"));
    assertThat(g.model()).contains("gemini-2.0-flash");
  }

  @Test
  void completionPromptMapsToText() {
    Prompt p = BraintrustPromptMapper.map(obj(COMPLETION), PromptRef.of("p4").withEnvironment("production"));
    assertThat(p.kind()).isEqualTo(PromptKind.COMPLETION);
    assertThat(p.text()).contains("Translate to French: {{text}}");
    assertThat(p.environment()).contains("production");
    assertThat(p.version()).contains("42");
    assertThat(PromptRenderer.of(true).render(p, obj("{\"text\":\"cheese\"}")).text())
        .contains("Translate to French: cheese");
  }

  @Test
  void malformedObjectsAreClearErrors() {
    assertThatThrownBy(() -> BraintrustPromptMapper.map(obj("{\"id\":\"x\"}"), PromptRef.of("x")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("prompt_data");
    assertThatThrownBy(() -> BraintrustPromptMapper.map(
        obj("{\"prompt_data\":{\"prompt\":{\"type\":\"chat\",\"messages\":[],\"tools\":\"[oops\"}}}"),
        PromptRef.of("x")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("tools");
    assertThatThrownBy(() -> BraintrustPromptMapper.map(
        obj("{\"prompt_data\":{\"prompt\":{\"type\":\"chat\",\"messages\":[]},\"template_format\":\"nunjucks\"}}"),
        PromptRef.of("x")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("nunjucks");
  }

  @Test
  void clientLooksUpByIdOrProjectAndSlug() throws Exception {
    try (MockWebServer server = Loopback.startServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body(CHAT).build());
      server.enqueue(new MockResponse.Builder().code(200).body("{\"objects\":[" + GOOGLE_STYLE + "]}").build());
      server.enqueue(new MockResponse.Builder().code(200).body("{\"objects\":[]}").build());
      String base = server.url("/").toString();
      BraintrustPromptClient byId = BraintrustPromptClient.builder(Loopback.SECRET_KEY).baseUrl(base).build();
      assertThat(byId.load(PromptRef.of("prompt-123").withVersion("81cd05ee665fdfb3")).model()).contains("gpt-4");
      RecordedRequest r1 = server.takeRequest();
      assertThat(r1.getUrl().encodedPath()).isEqualTo("/v1/prompt/prompt-123");
      assertThat(r1.getUrl().queryParameter("version")).isEqualTo("81cd05ee665fdfb3");
      assertThat(r1.getHeaders().get("authorization")).isEqualTo("Bearer " + Loopback.SECRET_KEY);

      BraintrustPromptClient bySlug =
          BraintrustPromptClient.builder(Loopback.SECRET_KEY).baseUrl(base).projectName("My Project").build();
      assertThat(bySlug.load(PromptRef.of("greeter").withEnvironment("production")).model())
          .contains("gemini-2.0-flash");
      RecordedRequest r2 = server.takeRequest();
      assertThat(r2.getUrl().encodedPath()).isEqualTo("/v1/prompt");
      assertThat(r2.getUrl().queryParameter("project_name")).isEqualTo("My Project");
      assertThat(r2.getUrl().queryParameter("slug")).isEqualTo("greeter");
      assertThat(r2.getUrl().queryParameter("environment")).isEqualTo("production");

      assertThatThrownBy(() -> bySlug.load(PromptRef.of("gone"))).isInstanceOf(PromptNotFoundException.class);
      assertThatThrownBy(() -> bySlug.load(PromptRef.of("x").withVersion("1").withEnvironment("dev")))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(bySlug.toString()).doesNotContain(Loopback.SECRET_KEY);
    }
  }

  @Test
  void malformedAnswerIsAProtocolErrorAndResolverUsesMustache() throws Exception {
    try (MockWebServer server = Loopback.startServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"x\"}").build());
      server.enqueue(new MockResponse.Builder().code(200).body(CHAT).build());
      BraintrustPromptClient c =
          BraintrustPromptClient.builder(Loopback.SECRET_KEY).baseUrl(server.url("/").toString()).build();
      assertThatThrownBy(() -> c.load(PromptRef.of("x"))).isInstanceOf(UpstreamProtocolException.class);
      byte[] body = "{\"model\":\"gpt-4o\",\"prompt_id\":\"prompt-123\",\"prompt_variables\":{\"name\":\"Bo\"},\"messages\":[]}"
          .getBytes(StandardCharsets.UTF_8);
      JsonObject out = JsonTree.parseObject(PromptResolver.of(c).expand(body, ProviderFormat.OPENAI));
      assertThat(out.toJson()).contains("Hello Bo").doesNotContain("{{name}}");
      assertThat(out.getString("model")).contains("gpt-4");
      assertThat(out.getLong("max_completion_tokens")).contains(100L);
      assertThat(out.getObject("response_format")).contains(obj("{\"type\":\"json_object\"}"));
    }
  }
}
