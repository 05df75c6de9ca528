package dev.llmrouter.sdktests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.completions.CompletionUsage;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK ({@code com.openai:openai-java}) against the gateway's
 * {@code /v1/chat/completions}, with an Anthropic upstream and a Bedrock (Converse) upstream replaying
 * captured replies: every reply is parsed and validated with the SDK's own types.
 */
class OpenAiSdkThroughGatewayTest {
  private static final String ANTHROPIC_MODEL = "claude-sonnet-4-6";
  private static final String BEDROCK_MODEL = "amazon.nova-lite-v1:0";
  private static final String FROM_ANTHROPIC = "chat-completions_to_anthropic";
  private static final String FROM_BEDROCK = "chat-completions_to_bedrock";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static GatewayWithFakeVendors bench;
  private static OpenAIClient client;

  @BeforeAll
  static void start() throws Exception {
    bench = GatewayWithFakeVendors.start("openai-sdk");
    client = OpenAIOkHttpClient.builder()
        .baseUrl(bench.gateway.baseUrl() + "/v1")
        .apiKey(GatewayWithFakeVendors.TOKEN)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  @AfterAll
  static void stop() {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (bench != null) {
        bench.close();
        assertThat(bench.gateway.isAlive()).as("gateway process after close").isFalse();
      }
    }
  }

  @BeforeEach
  void resetVendors() {
    bench.reset();
  }

  @AfterEach
  void everyUpstreamCallWasChecked() {
    assertThat(bench.anthropic.pendingRequests() + bench.bedrock.pendingRequests()
        + bench.openai.pendingRequests() + bench.google.pendingRequests())
        .as("upstream requests no test looked at (retries or stray calls)").isZero();
  }

  // ---- Anthropic upstream ----

  @Test
  void chatCompletionFromAnthropic() throws Exception {
    bench.anthropic.enqueue(Corpus.json(FROM_ANTHROPIC, "simpleRequest", "anthropic"));

    ChatCompletion completion = client.chat().completions().create(question(ANTHROPIC_MODEL)).validate();

    assertThat(completion.choices()).hasSize(1);
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.message().content()).contains("The capital of France is Paris.");
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.id()).isNotBlank();
    assertThat(completion.model()).isNotBlank();
    assertThat(completion.usage()).hasValueSatisfying(u -> {
      assertThat(u.promptTokens()).isEqualTo(43);
      assertThat(u.completionTokens()).isEqualTo(46);
      assertThat(u.totalTokens()).isEqualTo(89);
    });
    assertAnthropicCall(bench.anthropic.takeRequest(), false);
  }

  @Test
  void streamingChatCompletionFromAnthropic() throws Exception {
    bench.anthropic.enqueue(Corpus.anthropicSse(FROM_ANTHROPIC, "simpleRequest"));

    Streamed s = stream(question(ANTHROPIC_MODEL));

    assertThat(s.text).isEqualTo(anthropicStreamText("simpleRequest"))
        .isEqualTo("The capital of France is Paris.");
    assertThat(s.finishReasons).containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
    assertThat(s.chunks).isGreaterThan(2);
    ChatCompletion accumulated = s.accumulated;
    assertThat(accumulated.choices()).hasSize(1);
    assertThat(accumulated.choices().get(0).message().content()).contains("The capital of France is Paris.");
    assertThat(accumulated.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertAnthropicCall(bench.anthropic.takeRequest(), true);
  }

  @Test
  void toolCallFromAnthropic() throws Exception {
    bench.anthropic.enqueue(Corpus.json(FROM_ANTHROPIC, "toolCallRequest", "anthropic"));

    ChatCompletion completion = client.chat().completions().create(weatherQuestion(ANTHROPIC_MODEL)).validate();

    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    ChatCompletionMessageFunctionToolCall call = onlyFunctionCall(choice.message().toolCalls().orElseThrow());
    assertThat(call.id()).isEqualTo("toolu_013K4kgwpn1Pj1Ba3ycY3Kux");
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(json(call.function().arguments())).isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
    assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(677);
    FakeVendor.Received upstream = bench.anthropic.takeRequest();
    assertAnthropicCall(upstream, false);
    JsonNode tool = json(upstream.body()).path("tools").path(0);
    assertThat(tool.path("name").asText()).isEqualTo("get_weather");
    assertThat(tool.path("input_schema").path("required").path(0).asText()).isEqualTo("location");
  }

  @Test
  void streamingToolCallFromAnthropic() throws Exception {
    bench.anthropic.enqueue(Corpus.anthropicSse(FROM_ANTHROPIC, "toolCallRequest"));

    Streamed s = stream(weatherQuestion(ANTHROPIC_MODEL));

    assertThat(s.finishReasons).containsExactly(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
    assertThat(s.toolCallIds).containsExactly(Map.entry(0L, "toolu_01D2eugp1eD9cwJozr1komip"));
    assertThat(s.toolCallNames).containsExactly(Map.entry(0L, "get_weather"));
    assertThat(json(s.toolCallArguments.get(0L))).isEqualTo(json("{\"location\": \"San Francisco, CA\"}"));
    ChatCompletionMessageFunctionToolCall call =
        onlyFunctionCall(s.accumulated.choices().get(0).message().toolCalls().orElseThrow());
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(json(call.function().arguments())).isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
    assertAnthropicCall(bench.anthropic.takeRequest(), true);
  }

  // ---- Bedrock (Converse) upstream ----

  @Test
  void chatCompletionFromBedrock() throws Exception {
    bench.bedrock.enqueue(Corpus.json(FROM_BEDROCK, "simpleRequest", "converse"));

    ChatCompletion completion = client.chat().completions().create(question(BEDROCK_MODEL)).validate();

    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.message().content()).contains("The capital of France is Paris.");
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.usage()).hasValueSatisfying(u -> {
      assertThat(u.promptTokens()).isEqualTo(43);
      assertThat(u.completionTokens()).isEqualTo(34);
      assertThat(u.totalTokens()).isEqualTo(77);
    });
    assertBedrockCall(bench.bedrock.takeRequest(), "converse");
  }

  @Test
  void streamingChatCompletionFromBedrock() throws Exception {
    bench.bedrock.enqueue(Corpus.converseEventStream(FROM_BEDROCK, "simpleRequest"));

    Streamed s = stream(question(BEDROCK_MODEL));

    assertThat(s.text).isEqualTo("The capital of France is Paris.");
    assertThat(s.finishReasons).containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
    assertThat(s.accumulated.choices().get(0).message().content()).contains("The capital of France is Paris.");
    assertThat(s.lastUsage).as("usage from the Converse metadata event").isNotNull();
    assertThat(s.lastUsage.promptTokens()).isEqualTo(43);
    assertThat(s.lastUsage.completionTokens()).isEqualTo(31);
    assertBedrockCall(bench.bedrock.takeRequest(), "converse-stream");
  }

  @Test
  void toolCallFromBedrock() throws Exception {
    bench.bedrock.enqueue(Corpus.json(FROM_BEDROCK, "toolCallRequest", "converse"));

    ChatCompletion completion = client.chat().completions().create(weatherQuestion(BEDROCK_MODEL)).validate();

    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    ChatCompletionMessageFunctionToolCall call = onlyFunctionCall(choice.message().toolCalls().orElseThrow());
    assertThat(call.id()).isEqualTo("tooluse_Tahd5nkVTg6dy6G5HQXphL");
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(json(call.function().arguments())).isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
    FakeVendor.Received upstream = bench.bedrock.takeRequest();
    assertBedrockCall(upstream, "converse");
    JsonNode spec = json(upstream.body()).path("toolConfig").path("tools").path(0).path("toolSpec");
    assertThat(spec.path("name").asText()).isEqualTo("get_weather");
  }

  @Test
  void streamingToolCallFromBedrock() throws Exception {
    bench.bedrock.enqueue(Corpus.converseEventStream(FROM_BEDROCK, "toolCallRequest"));

    Streamed s = stream(weatherQuestion(BEDROCK_MODEL));

    assertThat(s.finishReasons).containsExactly(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
    assertThat(s.toolCallIds).containsExactly(Map.entry(0L, "tooluse_b1eU43uHW1jXI6PMRpgILM"));
    assertThat(s.toolCallNames).containsExactly(Map.entry(0L, "get_weather"));
    assertThat(json(s.toolCallArguments.get(0L))).isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
    assertBedrockCall(bench.bedrock.takeRequest(), "converse-stream");
  }

  // ---- helpers ----

  private static ChatCompletionCreateParams question(String model) {
    return ChatCompletionCreateParams.builder()
        .model(model)
        .addUserMessage("What is the capital of France?")
        .maxCompletionTokens(256)
        .build();
  }

  private static ChatCompletionCreateParams weatherQuestion(String model) {
    FunctionParameters parameters = FunctionParameters.builder()
        .putAdditionalProperty("type", JsonValue.from("object"))
        .putAdditionalProperty("properties", JsonValue.from(Map.of("location",
            Map.of("type", "string", "description", "City and state"))))
        .putAdditionalProperty("required", JsonValue.from(List.of("location")))
        .build();
    return ChatCompletionCreateParams.builder()
        .model(model)
        .addUserMessage("What is the weather in San Francisco?")
        .maxCompletionTokens(256)
        .addTool(ChatCompletionFunctionTool.builder()
            .function(FunctionDefinition.builder()
                .name("get_weather")
                .description("Current weather for a location")
                .parameters(parameters)
                .build())
            .build())
        .build();
  }

  /** What a streamed reply accumulated to, chunk by chunk, from the SDK's typed deltas. */
  private static final class Streamed {
    final StringBuilder textBuilder = new StringBuilder();
    String text;
    int chunks;
    final List<ChatCompletionChunk.Choice.FinishReason> finishReasons = new ArrayList<>();
    final Map<Long, String> toolCallIds = new TreeMap<>();
    final Map<Long, String> toolCallNames = new TreeMap<>();
    final Map<Long, String> toolCallArguments = new TreeMap<>();
    CompletionUsage lastUsage;
    ChatCompletion accumulated;
  }

  private static Streamed stream(ChatCompletionCreateParams params) {
    Streamed s = new Streamed();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params)) {
      response.stream().forEach(chunk -> {
        chunk.validate();
        accumulator.accumulate(chunk);
        s.chunks++;
        chunk.usage().ifPresent(u -> s.lastUsage = u);
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          assertThat(choice.index()).isZero();
          choice.delta().content().ifPresent(s.textBuilder::append);
          choice.finishReason().ifPresent(s.finishReasons::add);
          choice.delta().toolCalls().ifPresent(calls -> calls.forEach(call -> {
            call.id().ifPresent(id -> s.toolCallIds.put(call.index(), id));
            call.function().ifPresent(f -> {
              f.name().ifPresent(n -> s.toolCallNames.put(call.index(), n));
              f.arguments().ifPresent(a -> s.toolCallArguments.merge(call.index(), a, String::concat));
            });
          }));
        }
      });
    }
    s.text = s.textBuilder.toString();
    s.accumulated = accumulator.chatCompletion();
    return s;
  }

  private static ChatCompletionMessageFunctionToolCall onlyFunctionCall(List<ChatCompletionMessageToolCall> calls) {
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).isFunction()).isTrue();
    return calls.get(0).asFunction();
  }

  /** The text deltas of a captured Anthropic stream, concatenated (what the client must see). */
  private static String anthropicStreamText(String name) {
    StringBuilder text = new StringBuilder();
    for (JsonNode e : Corpus.upstreamReply("stream", FROM_ANTHROPIC, name, "anthropic")) {
      if (e.path("delta").path("type").asText().equals("text_delta")) {
        text.append(e.path("delta").path("text").asText());
      }
    }
    return text.toString();
  }

  private static void assertAnthropicCall(FakeVendor.Received r, boolean stream) {
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.pathAndQuery()).isEqualTo("/v1/messages");
    assertThat(r.header("x-api-key")).isEqualTo(GatewayWithFakeVendors.ANTHROPIC_KEY);
    assertThat(r.header("anthropic-version")).isNotBlank();
    JsonNode body = json(r.body());
    assertThat(body.path("model").asText()).isEqualTo(ANTHROPIC_MODEL);
    assertThat(body.path("max_tokens").asLong()).isEqualTo(256);
    assertThat(body.path("stream").asBoolean(false)).isEqualTo(stream);
    assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").toString()).contains("What is the");
  }

  private static void assertBedrockCall(FakeVendor.Received r, String operation) {
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.pathAndQuery()).startsWith("/model/").endsWith("/" + operation);
    assertThat(URLDecoder.decode(r.pathAndQuery(), StandardCharsets.UTF_8))
        .contains(BEDROCK_MODEL);
    assertThat(r.header("authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=" + GatewayWithFakeVendors.AWS_ACCESS_KEY_ID + "/")
        .contains("/us-east-1/bedrock/aws4_request");
    JsonNode body = json(r.body());
    assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").toString()).contains("What is the");
    assertThat(body.path("inferenceConfig").path("maxTokens").asLong()).isEqualTo(256);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
