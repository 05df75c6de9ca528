package dev.llmrouter.sdktests;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Anthropic Java SDK ({@code com.anthropic:anthropic-java}) against the gateway's
 * {@code /v1/messages}, with an OpenAI (Chat Completions) upstream and a Gemini upstream replaying captured
 * replies: every reply and stream event is parsed and validated with the SDK's own types, and streams are
 * assembled with the SDK's {@link MessageAccumulator}.
 */
class AnthropicSdkThroughGatewayTest {
  private static final String OPENAI_MODEL = "gpt-4o-mini";
  private static final String GEMINI_MODEL = "gemini-3.5-flash";
  private static final String FROM_OPENAI = "anthropic_to_chat-completions";
  private static final String FROM_GEMINI = "anthropic_to_google";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static GatewayWithFakeVendors bench;
  private static AnthropicClient client;

  @BeforeAll
  static void start() throws Exception {
    bench = GatewayWithFakeVendors.start("anthropic-sdk");
    client = AnthropicOkHttpClient.builder()
        .baseUrl(bench.gateway.baseUrl())
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

  // ---- OpenAI (Chat Completions) upstream ----

  @Test
  void messageFromOpenAi() throws Exception {
    bench.openai.enqueue(Corpus.json(FROM_OPENAI, "simpleRequest", "openai"));

    Message message = client.messages().create(question(OPENAI_MODEL)).validate();

    assertThat(text(message)).isEqualTo("Paris.");
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
    assertThat(message.id()).isNotBlank();
    assertThat(message.usage().inputTokens()).isEqualTo(13);
    assertThat(message.usage().outputTokens()).isEqualTo(203);
    assertOpenAiCall(bench.openai.takeRequest(), false);
  }

  @Test
  void streamingMessageFromOpenAi() throws Exception {
    bench.openai.enqueue(Corpus.openAiSse(FROM_OPENAI, "simpleRequest"));

    Streamed s = stream(question(OPENAI_MODEL));

    String expected = openAiStreamText("simpleRequest");
    assertThat(expected).isEqualTo("Paris. Would you like more details about the city?");
    assertThat(s.textDeltas).isEqualTo(expected);
    assertThat(text(s.message)).isEqualTo(expected);
    assertThat(s.message.stopReason()).contains(StopReason.END_TURN);
    assertThat(s.eventTypes.get(0)).isEqualTo("message_start");
    assertThat(s.eventTypes.get(s.eventTypes.size() - 1)).isEqualTo("message_stop");
    assertOpenAiCall(bench.openai.takeRequest(), true);
  }

  @Test
  void toolUseFromOpenAi() throws Exception {
    bench.openai.enqueue(Corpus.json(FROM_OPENAI, "toolCallRequest", "openai"));

    Message message = client.messages().create(weatherQuestion(OPENAI_MODEL)).validate();

    assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    ToolUseBlock call = onlyToolUse(message);
    assertThat(call.id()).isEqualTo("call_61ghTXSmEpppLoFqx3uUm7lf");
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call._input().convert(JsonNode.class))
        .isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
    FakeVendor.Received upstream = bench.openai.takeRequest();
    assertOpenAiCall(upstream, false);
    JsonNode tool = json(upstream.body()).path("tools").path(0);
    assertThat(tool.path("type").asText()).isEqualTo("function");
    assertThat(tool.path("function").path("name").asText()).isEqualTo("get_weather");
  }

  @Test
  void streamingToolUseFromOpenAi() throws Exception {
    bench.openai.enqueue(Corpus.openAiSse(FROM_OPENAI, "toolCallRequest"));

    Streamed s = stream(weatherQuestion(OPENAI_MODEL));

    assertThat(s.message.stopReason()).contains(StopReason.TOOL_USE);
    ToolUseBlock call = onlyToolUse(s.message);
    assertThat(call.id()).isEqualTo("call_SiDfZ3oGHIRYQXk72bYPiNUy");
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call._input().convert(JsonNode.class))
        .isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
    assertThat(json(s.inputJsonDeltas)).isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
    assertOpenAiCall(bench.openai.takeRequest(), true);
  }

  // ---- Gemini upstream ----

  @Test
  void messageFromGemini() throws Exception {
    bench.google.enqueue(Corpus.json(FROM_GEMINI, "simpleRequest", "google"));

    Message message = client.messages().create(question(GEMINI_MODEL)).validate();

    assertThat(text(message)).isEqualTo("The capital of France is **Paris**.");
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
    assertThat(message.usage().inputTokens()).isEqualTo(8);
    assertThat(message.usage().outputTokens()).as("candidates plus thoughts tokens").isEqualTo(40);
    assertGeminiCall(bench.google.takeRequest(), "generateContent");
  }

  @Test
  void streamingMessageFromGemini() throws Exception {
    bench.google.enqueue(Corpus.geminiSse(FROM_GEMINI, "anthropicOpus5AdaptiveThinkingMaxEffortParam"));

    Streamed s = stream(question(GEMINI_MODEL));

    assertThat(s.textDeltas).isEqualTo("2 + 2 is 4.");
    assertThat(text(s.message)).isEqualTo("2 + 2 is 4.");
    assertThat(s.message.stopReason()).contains(StopReason.END_TURN);
    assertThat(s.message.usage().inputTokens()).isEqualTo(8);
    assertThat(s.eventTypes.get(0)).isEqualTo("message_start");
    assertThat(s.eventTypes.get(s.eventTypes.size() - 1)).isEqualTo("message_stop");
    assertGeminiCall(bench.google.takeRequest(), "streamGenerateContent");
  }

  @Test
  void toolUseFromGemini() throws Exception {
    bench.google.enqueue(Corpus.json(FROM_GEMINI, "toolCallRequest", "google"));

    Message message = client.messages().create(weatherQuestion(GEMINI_MODEL)).validate();

    assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    ToolUseBlock call = onlyToolUse(message);
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.id()).isNotBlank();
    assertThat(call._input().convert(JsonNode.class))
        .isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
    FakeVendor.Received upstream = bench.google.takeRequest();
    assertGeminiCall(upstream, "generateContent");
    JsonNode declaration = json(upstream.body()).path("tools").path(0).path("functionDeclarations").path(0);
    assertThat(declaration.path("name").asText()).isEqualTo("get_weather");
  }

  // ---- helpers ----

  private static MessageCreateParams question(String model) {
    return MessageCreateParams.builder()
        .model(model)
        .maxTokens(256)
        .addUserMessage("What is the capital of France?")
        .build();
  }

  private static MessageCreateParams weatherQuestion(String model) {
    return MessageCreateParams.builder()
        .model(model)
        .maxTokens(256)
        .addUserMessage("What is the weather in San Francisco?")
        .addTool(Tool.builder()
            .name("get_weather")
            .description("Current weather for a location")
            .inputSchema(Tool.InputSchema.builder()
                .properties(Tool.InputSchema.Properties.builder()
                    .putAdditionalProperty("location",
                        JsonValue.from(Map.of("type", "string", "description", "City and state")))
                    .build())
                .required(List.of("location"))
                .build())
            .build())
        .build();
  }

  /** A streamed reply: the accumulated message plus what the typed events said along the way. */
  private static final class Streamed {
    Message message;
    String textDeltas;
    String inputJsonDeltas;
    final List<String> eventTypes = new ArrayList<>();
  }

  private static Streamed stream(MessageCreateParams params) {
    Streamed s = new Streamed();
    StringBuilder text = new StringBuilder();
    StringBuilder inputJson = new StringBuilder();
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> response = client.messages().createStreaming(params)) {
      response.stream().forEach(event -> {
        // Every event is validated with the SDK's own types (the router completes message_start usage
        // and thinking-block signatures, which lingua's translation leaves out), read through its typed
        // accessors, and the accumulated message is validated as a whole.
        event.validate();
        accumulator.accumulate(event);
        s.eventTypes.add(typeOf(event));
        event.contentBlockDelta().ifPresent(d -> {
          d.delta().text().ifPresent(t -> text.append(t.text()));
          d.delta().inputJson().ifPresent(j -> inputJson.append(j.partialJson()));
        });
      });
    }
    s.message = accumulator.message().validate();
    s.textDeltas = text.toString();
    s.inputJsonDeltas = inputJson.toString();
    return s;
  }

  private static String typeOf(RawMessageStreamEvent event) {
    if (event.isMessageStart()) {
      return "message_start";
    } else if (event.isMessageDelta()) {
      return "message_delta";
    } else if (event.isMessageStop()) {
      return "message_stop";
    } else if (event.isContentBlockStart()) {
      return "content_block_start";
    } else if (event.isContentBlockDelta()) {
      return "content_block_delta";
    } else if (event.isContentBlockStop()) {
      return "content_block_stop";
    }
    throw new AssertionError("unknown stream event " + event);
  }

  private static String text(Message message) {
    return message.content().stream()
        .flatMap(b -> b.text().stream())
        .map(TextBlock::text)
        .collect(Collectors.joining());
  }

  private static ToolUseBlock onlyToolUse(Message message) {
    List<ToolUseBlock> calls = message.content().stream()
        .flatMap(b -> b.toolUse().stream())
        .toList();
    assertThat(calls).hasSize(1);
    assertThat(message.content().stream().filter(ContentBlock::isText).map(b -> b.asText().text()))
        .allMatch(String::isBlank);
    return calls.get(0);
  }

  /** The content deltas of a captured Chat Completions stream, concatenated (what the client must see). */
  private static String openAiStreamText(String name) {
    StringBuilder text = new StringBuilder();
    for (JsonNode chunk : Corpus.upstreamReply("stream", FROM_OPENAI, name, "openai")) {
      for (JsonNode choice : chunk.path("choices")) {
        JsonNode content = choice.path("delta").path("content");
        if (content.isTextual()) {
          text.append(content.asText());
        }
      }
    }
    return text.toString();
  }

  private static void assertOpenAiCall(FakeVendor.Received r, boolean stream) {
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.pathAndQuery()).isEqualTo("/v1/chat/completions");
    assertThat(r.header("authorization")).isEqualTo("Bearer " + GatewayWithFakeVendors.OPENAI_KEY);
    JsonNode body = json(r.body());
    assertThat(body.path("model").asText()).isEqualTo(OPENAI_MODEL);
    assertThat(body.path("stream").asBoolean(false)).isEqualTo(stream);
    assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").toString()).contains("What is the");
  }

  private static void assertGeminiCall(FakeVendor.Received r, String method) {
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.pathAndQuery()).startsWith("/v1beta/models/" + GEMINI_MODEL + ":" + method);
    if (method.equals("streamGenerateContent")) {
      assertThat(r.pathAndQuery()).contains("alt=sse");
    }
    boolean keyInHeader = r.header("x-goog-api-key").equals(GatewayWithFakeVendors.GEMINI_KEY);
    boolean keyInQuery = r.pathAndQuery().contains("key=" + GatewayWithFakeVendors.GEMINI_KEY);
    assertThat(keyInHeader || keyInQuery).as("Gemini API key sent").isTrue();
    JsonNode body = json(r.body());
    assertThat(body.path("contents").path(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("contents").toString()).contains("What is the");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
