package dev.llmrouter.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.ClientException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PromptResolverTest {

  /** The seed mock server's hello-world prompt, with LiteLLM's documented params. */
  private static final Prompt HELLO =
      Prompt.builder("hello-world-prompt")
          .message("system", "You are a helpful assistant specialized in {domain}.")
          .message("user", "Help me with: {task}")
          .model("gpt-4")
          .params(obj("{\"temperature\":0.7,\"max_tokens\":500}"))
          .build();

  private final InMemoryPromptSource source = InMemoryPromptSource.of(HELLO);

  private static JsonObject obj(String json) {
    return JsonTree.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject resolve(PromptResolver r, String body, ProviderFormat format) {
    return JsonTree.parseObject(r.expand(bytes(body), format));
  }

  @Test
  void chatRequestGetsTemplateMessagesFirstAndLiteLlmParamPrecedence() {
    JsonObject out =
        resolve(
            PromptResolver.of(source),
            "{\"model\":\"gpt-3.5-turbo\",\"prompt_id\":\"hello-world-prompt\","
                + "\"prompt_variables\":{\"domain\":\"data science\",\"task\":\"analyzing customer behavior\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Please help me get started\"}],"
                + "\"temperature\":0.9,\"top_p\":0.95}",
            ProviderFormat.OPENAI);
    assertThat(out.getArray("messages").orElseThrow())
        .containsExactly(
            obj("{\"role\":\"system\",\"content\":\"You are a helpful assistant specialized in data science.\"}"),
            obj("{\"role\":\"user\",\"content\":\"Help me with: analyzing customer behavior\"}"),
            obj("{\"role\":\"user\",\"content\":\"Please help me get started\"}"));
    // The documented example: prompt {0.7, 500} + client {0.9, top_p 0.95} -> {0.7, 500, 0.95}.
    assertThat(out.getDecimal("temperature").orElseThrow()).isEqualByComparingTo("0.7");
    assertThat(out.getLong("max_tokens")).contains(500L);
    assertThat(out.getDecimal("top_p").orElseThrow()).isEqualByComparingTo("0.95");
    assertThat(out.getString("model")).contains("gpt-4");
    assertThat(out.keys()).doesNotContain("prompt_id", "prompt_variables");
  }

  @Test
  void callerWinsAndIgnoreOptionsKeepTheCallersValues() {
    String body =
        "{\"model\":\"gpt-3.5-turbo\",\"prompt_id\":\"hello-world-prompt\",\"messages\":[],"
            + "\"temperature\":0.9,\"max_completion_tokens\":20}";
    JsonObject callerWins =
        resolve(
            PromptResolver.builder(source).paramPrecedence(ParamPrecedence.CALLER_WINS).build(),
            body,
            ProviderFormat.OPENAI);
    assertThat(callerWins.getDecimal("temperature").orElseThrow()).isEqualByComparingTo("0.9");
    assertThat(callerWins.has("max_tokens")).isFalse();
    assertThat(callerWins.getLong("max_completion_tokens")).contains(20L);
    assertThat(callerWins.getString("model")).contains("gpt-3.5-turbo");

    JsonObject promptWins = resolve(PromptResolver.of(source), body, ProviderFormat.OPENAI);
    // max_tokens and max_completion_tokens are one setting: the prompt's replaces the caller's.
    assertThat(promptWins.getLong("max_tokens")).contains(500L);
    assertThat(promptWins.has("max_completion_tokens")).isFalse();

    JsonObject ignored =
        resolve(
            PromptResolver.builder(source)
                .paramPrecedence(ParamPrecedence.IGNORE_PROMPT_PARAMS)
                .ignorePromptModel(true)
                .build(),
            body,
            ProviderFormat.OPENAI);
    assertThat(ignored.getDecimal("temperature").orElseThrow()).isEqualByComparingTo("0.9");
    assertThat(ignored.has("max_tokens")).isFalse();
    assertThat(ignored.getString("model")).contains("gpt-3.5-turbo");
  }

  @Test
  void genericPromptPrefixIsStrippedWhenThePromptHasNoModel() {
    source.put(Prompt.builder("no-model").message("system", "Be brief.").build());
    JsonObject out =
        resolve(
            PromptResolver.of(source),
            "{\"model\":\"generic_prompt/gpt-4o\",\"prompt_id\":\"no-model\",\"messages\":[]}",
            ProviderFormat.OPENAI);
    assertThat(out.getString("model")).contains("gpt-4o");
  }

  @Test
  void bodyWithoutPromptIdIsReturnedAsTheSameArray() {
    PromptResolver r = PromptResolver.of(source);
    byte[] plain = bytes("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.expand(plain, ProviderFormat.OPENAI)).isSameAs(plain);
    // The key inside a message, not at the top level: still untouched.
    byte[] nested =
        bytes("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"\\\"prompt_id\\\"\"}],"
            + "\"metadata\":{\"prompt_id\":\"x\"}}");
    assertThat(r.expand(nested, ProviderFormat.OPENAI)).isSameAs(nested);
    assertThat(r.resolve(nested, ProviderFormat.OPENAI).isApplied()).isFalse();
    assertThat(PromptResolver.hasPromptId(nested)).isFalse();
    assertThat(PromptResolver.hasPromptId(bytes("{\"prompt_id\":\"a\"}"))).isTrue();
  }

  @Test
  void unknownPromptIsAClientErrorNamingIt() {
    assertThatThrownBy(
            () -> PromptResolver.of(source)
                .expand(bytes("{\"model\":\"m\",\"prompt_id\":\"nope\",\"messages\":[]}"), ProviderFormat.OPENAI))
        .isInstanceOf(PromptNotFoundException.class)
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("'nope'")
        .satisfies(e -> assertThat(((PromptNotFoundException) e).httpStatus()).isEqualTo(404));
  }

  @Test
  void sourceDownIsATypedErrorWithNoFallback() {
    AtomicInteger calls = new AtomicInteger();
    PromptSource down = ref -> {
      calls.incrementAndGet();
      throw new TransportException("prompt-service", "connection refused", true, null);
    };
    assertThatThrownBy(
            () -> PromptResolver.of(down)
                .expand(bytes("{\"model\":\"m\",\"prompt_id\":\"p\",\"messages\":[]}"), ProviderFormat.OPENAI))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("prompt-service");
    assertThat(calls).hasValue(1);
  }

  @Test
  void malformedPromptFieldsAreClientErrors() {
    PromptResolver r = PromptResolver.of(source);
    assertThatThrownBy(() -> r.expand(bytes("{\"prompt_id\":5}"), ProviderFormat.OPENAI))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("prompt_id");
    assertThatThrownBy(
            () -> r.expand(bytes("{\"prompt_id\":\"hello-world-prompt\",\"prompt_variables\":[1]}"),
                ProviderFormat.OPENAI))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("prompt_variables");
    assertThatThrownBy(() -> r.expand(bytes("{\"prompt_id\":\"../etc/passwd\"}"), ProviderFormat.OPENAI))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("invalid prompt_id");
    assertThatThrownBy(() -> r.expand(bytes("{\"prompt_id\":\"x\" "), ProviderFormat.OPENAI))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void strictModeFailsNamingTheMissingVariable() {
    PromptResolver strict = PromptResolver.builder(source).strict(true).build();
    assertThatThrownBy(
            () -> strict.expand(
                bytes("{\"prompt_id\":\"hello-world-prompt\",\"prompt_variables\":{\"domain\":\"x\"}}"),
                ProviderFormat.OPENAI))
        .isInstanceOf(MissingVariableException.class)
        .hasMessageContaining("'task'")
        .hasMessageContaining("hello-world-prompt");
  }

  @Test
  void versionAndEnvironmentSelectThePrompt() {
    source.put(Prompt.builder("greet").version("1").message("system", "v1").build());
    source.put(Prompt.builder("greet").version("2").message("system", "v2").build());
    source.put(Prompt.builder("greet").version("3").environment("staging").message("system", "v3 staging").build());
    PromptResolver r = PromptResolver.of(source);
    assertThat(firstContent(r, "{\"prompt_id\":\"greet\",\"prompt_version\":1}")).isEqualTo("v1");
    assertThat(firstContent(r, "{\"prompt_id\":\"greet.v2\"}")).isEqualTo("v2");
    assertThat(firstContent(r, "{\"prompt_id\":\"greet\",\"prompt_environment\":\"staging\"}"))
        .isEqualTo("v3 staging");
    assertThat(firstContent(r, "{\"prompt_id\":\"greet\",\"prompt_label\":\"staging\"}")).isEqualTo("v3 staging");
    assertThatThrownBy(() -> firstContent(r, "{\"prompt_id\":\"greet\",\"prompt_version\":\"9\"}"))
        .isInstanceOf(PromptNotFoundException.class)
        .hasMessageContaining("version '9'");
  }

  private static String firstContent(PromptResolver r, String body) {
    JsonObject out = resolve(r, body, ProviderFormat.OPENAI);
    return out.getArray("messages").orElseThrow().get(0).asObject().orElseThrow().getString("content").orElseThrow();
  }

  @Test
  void anthropicRequestGetsSystemAndMessagesInItsOwnShape() {
    JsonObject out =
        resolve(
            PromptResolver.of(source),
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":\"Caller system.\","
                + "\"prompt_id\":\"hello-world-prompt\",\"prompt_variables\":{\"domain\":\"law\",\"task\":\"a will\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Start\"}],\"top_p\":0.5}",
            ProviderFormat.ANTHROPIC);
    JsonArray system = out.getArray("system").orElseThrow();
    assertThat(system.toJson()).contains("You are a helpful assistant specialized in law.");
    assertThat(system.get(system.size() - 1).toJson()).contains("Caller system.");
    JsonArray messages = out.getArray("messages").orElseThrow();
    assertThat(messages.size()).isEqualTo(2);
    assertThat(messages.get(0).toJson()).contains("Help me with: a will");
    assertThat(messages.get(1).toJson()).contains("Start");
    assertThat(out.getLong("max_tokens")).contains(500L);
    assertThat(out.getDecimal("temperature").orElseThrow()).isEqualByComparingTo("0.7");
    assertThat(out.getDecimal("top_p").orElseThrow()).isEqualByComparingTo("0.5");
    assertThat(out.getString("model")).contains("gpt-4");
    assertThat(out.keys()).doesNotContain("prompt_id", "prompt_variables");
  }

  @Test
  void responsesRequestGetsInputItemsFirst() {
    JsonObject out =
        resolve(
            PromptResolver.of(source),
            "{\"model\":\"gpt-4o\",\"input\":\"Follow-up question\",\"prompt_id\":\"hello-world-prompt\","
                + "\"prompt_variables\":{\"domain\":\"chess\",\"task\":\"openings\"}}",
            ProviderFormat.RESPONSES);
    String json = out.toJson();
    assertThat(json).contains("specialized in chess").contains("Help me with: openings");
    JsonArray input = out.getArray("input").orElseThrow();
    assertThat(input.get(input.size() - 1).toJson()).contains("Follow-up question");
    assertThat(out.getLong("max_output_tokens")).contains(500L);
    assertThat(out.has("max_tokens")).isFalse();
    assertThat(out.keys()).doesNotContain("prompt_id", "prompt_variables");
  }

  @Test
  void geminiRequestGetsContentsSystemInstructionAndGenerationConfig() {
    JsonObject out =
        resolve(
            PromptResolver.of(source),
            "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Go\"}]}],"
                + "\"generationConfig\":{\"topK\":3,\"temperature\":1.0},"
                + "\"prompt_id\":\"hello-world-prompt\",\"prompt_variables\":{\"domain\":\"maps\",\"task\":\"routes\"}}",
            ProviderFormat.GOOGLE);
    assertThat(out.getObject("systemInstruction").orElseThrow().toJson()).contains("specialized in maps");
    JsonArray contents = out.getArray("contents").orElseThrow();
    assertThat(contents.get(0).toJson()).contains("Help me with: routes");
    assertThat(contents.get(contents.size() - 1).toJson()).contains("Go");
    JsonObject config = out.getObject("generationConfig").orElseThrow();
    assertThat(config.getDecimal("temperature").orElseThrow()).isEqualByComparingTo("0.7");
    assertThat(config.getLong("maxOutputTokens")).contains(500L);
    assertThat(config.getLong("topK")).contains(3L);
    assertThat(out.keys()).doesNotContain("prompt_id", "prompt_variables");
  }

  @Test
  void promptToolsAndResponseFormatAreMappedToTheCallersFormat() {
    JsonArray tools = JsonTree.parse(bytes(
        "[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"description\":\"Find\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}}}]"))
        .asArray().orElseThrow();
    source.put(Prompt.builder("tools").message("system", "Use tools.").tools(tools)
        .param("tool_choice", JsonValue.of("required")).build());
    PromptResolver r = PromptResolver.of(source);
    JsonObject chat = resolve(r, "{\"model\":\"gpt-4o\",\"prompt_id\":\"tools\",\"messages\":[]}", ProviderFormat.OPENAI);
    assertThat(chat.getArray("tools")).contains(tools);
    JsonObject anthropic = resolve(r,
        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"prompt_id\":\"tools\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", ProviderFormat.ANTHROPIC);
    JsonObject tool = anthropic.getArray("tools").orElseThrow().get(0).asObject().orElseThrow();
    assertThat(tool.getString("name")).contains("lookup");
    assertThat(tool.has("input_schema")).isTrue();
    assertThat(anthropic.getObject("tool_choice").orElseThrow().getString("type")).contains("any");
    assertThat(anthropic.getLong("max_tokens")).contains(10L);
  }

  @Test
  void completionPromptBecomesAUserMessage() {
    source.put(Prompt.builder("summarize").text("Summarize: {text}").build());
    JsonObject out = resolve(PromptResolver.of(source),
        "{\"model\":\"gpt-4o\",\"prompt_id\":\"summarize\",\"prompt_variables\":{\"text\":\"long story\"}}",
        ProviderFormat.OPENAI);
    assertThat(out.getArray("messages").orElseThrow())
        .containsExactly(obj("{\"role\":\"user\",\"content\":\"Summarize: long story\"}"));
  }

  @Test
  void nullPromptIdOnlyRemovesThePromptFields() {
    PromptResolution res = PromptResolver.of(source)
        .resolve(bytes("{\"model\":\"m\",\"prompt_id\":null,\"prompt_variables\":{},\"messages\":[]}"),
            ProviderFormat.OPENAI);
    assertThat(res.isApplied()).isFalse();
    assertThat(JsonTree.parseObject(res.body()).keys()).containsExactly("model", "messages");
  }
}
