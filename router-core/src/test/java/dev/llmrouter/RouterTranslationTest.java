package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.catalog;
import static dev.llmrouter.testing.Fixtures.openaiSpec;
import static dev.llmrouter.testing.Fixtures.spec;
import static dev.llmrouter.testing.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.ResponseTransformException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.testing.EventSequences;
import dev.llmrouter.testing.EventSequences.ToolCall;
import dev.llmrouter.testing.Fixtures;
import dev.llmrouter.testing.JsonProbe;
import dev.llmrouter.testing.NativeReplies;
import dev.llmrouter.testing.StubProvider;
import dev.llmrouter.translate.Translator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end through the one-call facade ({@link Router#handle}, {@link Router#complete},
 * {@link Router#completeStream}) with stub providers that answer in their own wire format: the request
 * goes out in the provider's format, the reply (complete or streamed) comes back in the client's, and
 * {@link RouterMetadata} says what happened. Same-format traffic must still go out as the caller's array.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouterTranslationTest {
  private static final String GPT = "gpt-4o";
  private static final String CLAUDE = "claude-haiku-4-5";
  private static final String GEMINI = "gemini-2.5-flash";
  private static final String NOVA = "amazon.nova-lite-v1:0";

  private static final String WEATHER_TOOL =
      "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
          + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]";

  /** A Chat Completions request for {@code model}: system and user turns, optionally streaming. */
  private static byte[] chatBody(String model, boolean stream) {
    return bytes("{\"model\":" + Fixtures.quote(model) + (stream ? ",\"stream\":true" : "")
        + ",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
        + "{\"role\":\"user\",\"content\":\"Weather in Paris and Rome?\"}]," + WEATHER_TOOL + "}");
  }

  /** An Anthropic Messages request for {@code model}, optionally streaming. */
  private static byte[] messagesBody(String model, boolean stream) {
    return bytes("{\"model\":" + Fixtures.quote(model) + (stream ? ",\"stream\":true" : "")
        + ",\"max_tokens\":256,\"system\":\"Be brief\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");
  }

  private static List<StreamChunk> drain(ResponseStream stream) {
    List<StreamChunk> out = new ArrayList<>();
    try (stream) {
      for (StreamChunk c : stream) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Drains a stream that must end with an upstream error event: the chunks before the typed exception
   * (issue 5: the client's error event is the last chunk, then an ERROR_EVENT protocol error).
   */
  private static List<StreamChunk> drainUntilErrorEvent(ResponseStream stream, String message) {
    List<StreamChunk> out = new ArrayList<>();
    try (stream) {
      assertThatThrownBy(() -> stream.forEachRemaining(out::add))
          .isInstanceOfSatisfying(dev.llmrouter.error.UpstreamProtocolException.class,
              e -> assertThat(e.kind()).isEqualTo(dev.llmrouter.error.UpstreamProtocolException.Kind.ERROR_EVENT))
          .hasMessageContaining(message);
    }
    assertThat(stream.hasNext()).isFalse();
    return out;
  }

  private static void assertTranslated(
      RouterMetadata m, ProviderFormat client, ProviderFormat provider, boolean stream) {
    assertThat(m.detectedInputFormat()).contains(client);
    assertThat(m.outputFormat()).isEqualTo(client);
    assertThat(m.providerFormat()).isEqualTo(provider);
    assertThat(m.passthrough()).isFalse();
    assertThat(m.stream()).isEqualTo(stream);
  }

  private static void assertPassthrough(RouterMetadata m, ProviderFormat format) {
    assertThat(m.detectedInputFormat()).contains(format);
    assertThat(m.outputFormat()).isEqualTo(format);
    assertThat(m.providerFormat()).isEqualTo(format);
    assertThat(m.passthrough()).isTrue();
  }

  // ---- Anthropic clients on an OpenAI model ---------------------------------------------------------

  private static StubProvider openai(byte[] reply, List<StreamChunk> events) {
    return StubProvider.builder("openai")
        .formats(ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
        .responseFor(ProviderFormat.OPENAI, reply)
        .streamChunks(events)
        .build();
  }

  private static Router gptRouter(StubProvider openai) {
    return Router.builder()
        .catalog(catalog(GPT, openaiSpec(GPT)))
        .addProvider("openai", openai, auth(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
        .build();
  }

  @Test
  void anthropic_client_on_an_openai_model_gets_an_anthropic_message() {
    byte[] reply = Fixtures.chatResponse(GPT, "Pong");
    StubProvider openai = openai(reply, List.of());
    Router router = gptRouter(openai);

    RouterResult result = router.handle(messagesBody(GPT, false), ProviderFormat.ANTHROPIC, ClientHeaders.empty());

    ProviderRequest call = openai.onlyCall();
    assertThat(call.format()).isEqualTo(ProviderFormat.OPENAI);
    byte[] sent = call.payload();
    assertThat(JsonProbe.keys(sent)).contains("model", "messages").doesNotContain("system", "max_tokens");
    assertThat(JsonProbe.text(sent, "messages", 0, "role")).isEqualTo("system");
    assertThat(JsonProbe.text(sent, "messages", 0, "content")).isEqualTo("Be brief");
    assertThat(JsonProbe.text(sent, "messages", 1, "role")).isEqualTo("user");
    assertThat(JsonProbe.integer(sent, "max_completion_tokens")).isEqualTo(256);

    Completion completion = result.completion().orElseThrow();
    byte[] body = completion.body();
    assertThat(completion.rawBody()).isSameAs(reply);
    assertThat(JsonProbe.text(body, "type")).isEqualTo("message");
    assertThat(JsonProbe.text(body, "role")).isEqualTo("assistant");
    assertThat(JsonProbe.text(body, "model")).isEqualTo(GPT);
    assertThat(JsonProbe.array(body, "content")).hasSize(1);
    assertThat(JsonProbe.text(body, "content", 0, "type")).isEqualTo("text");
    assertThat(JsonProbe.text(body, "content", 0, "text")).isEqualTo("Pong");
    assertThat(JsonProbe.text(body, "stop_reason")).isEqualTo("end_turn");
    assertThat(JsonProbe.integer(body, "usage", "input_tokens")).isEqualTo(1);
    assertThat(JsonProbe.integer(body, "usage", "output_tokens")).isEqualTo(1);
    assertThat(JsonProbe.has(body, "choices")).isFalse();
    assertTranslated(result.metadata(), ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI, false);
  }

  @Test
  void anthropic_client_streaming_from_an_openai_model_gets_well_formed_message_events() {
    StubProvider openai = openai(new byte[0], NativeReplies.chatTextStream(GPT, "Po", "ng"));
    Router router = gptRouter(openai);

    RouterResult result = router.handle(messagesBody(GPT, true), ProviderFormat.ANTHROPIC, ClientHeaders.empty());
    List<StreamChunk> events = drain(result.stream().orElseThrow());

    ProviderRequest call = openai.streamCalls().get(0);
    assertThat(call.format()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(call.stream()).isTrue();
    assertThat(JsonProbe.members(call.payload())).containsEntry("stream", "true").doesNotContainKey("system");
    EventSequences.assertWellFormedAnthropic(events);
    assertThat(EventSequences.eventTypes(events)).startsWith("message_start").endsWith("message_delta", "message_stop");
    assertThat(EventSequences.anthropicText(events)).isEqualTo("Pong");
    assertThat(EventSequences.anthropicToolUses(events)).isEmpty();
    StreamChunk messageDelta = events.get(events.size() - 2);
    assertThat(JsonProbe.text(messageDelta.data(), "delta", "stop_reason")).isEqualTo("end_turn");
    assertThat(JsonProbe.integer(messageDelta.data(), "usage", "output_tokens")).isEqualTo(2);
    assertThat(JsonProbe.text(events.get(0).data(), "message", "model")).isEqualTo(GPT);
    assertTranslated(result.metadata(), ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI, true);
  }

  @Test
  void anthropic_client_streaming_parallel_tool_calls_gets_one_balanced_block_per_call() throws IOException {
    StubProvider openai = openai(new byte[0], NativeReplies.chatParallelToolStream(GPT));
    Router router = gptRouter(openai);

    List<StreamChunk> events =
        drain(router.completeStream(messagesBody(GPT, true), GPT, ProviderFormat.ANTHROPIC, ClientHeaders.empty()));

    EventSequences.assertWellFormedAnthropic(events);
    assertThat(EventSequences.anthropicText(events)).isEqualTo("Checking.");
    Map<Long, ToolCall> tools = EventSequences.anthropicToolUses(events);
    assertThat(tools.values())
        .containsExactly(
            new ToolCall("call_A", "get_weather", "{\"city\":\"Paris\"}"),
            new ToolCall("call_B", "get_weather", "{\"city\":\"Rome\"}"));
    assertThat(tools.keySet()).doesNotHaveDuplicates().hasSize(2);
    StreamChunk messageDelta = events.get(events.size() - 2);
    assertThat(JsonProbe.text(messageDelta.data(), "delta", "stop_reason")).isEqualTo("tool_use");
    assertThat(JsonProbe.integer(messageDelta.data(), "usage", "output_tokens")).isEqualTo(4);

    // Framed for the wire: an event line per event, and no [DONE] for Anthropic clients.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    router.completeStream(messagesBody(GPT, true), GPT, ProviderFormat.ANTHROPIC, ClientHeaders.empty()).writeSseTo(out);
    String sse = out.toString(StandardCharsets.UTF_8);
    assertThat(sse).startsWith("event: message_start\ndata: {").endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    assertThat(sse).doesNotContain("[DONE]");
    assertThat(sse.split("\n\n")).hasSize(events.size());
  }

  @Test
  void anthropic_client_on_a_model_without_streaming_support_gets_a_synthesized_event_stream() {
    ModelSpec noStreaming =
        ModelSpec.builder(GPT, ProviderFormat.OPENAI, ModelFlavor.CHAT).supportsStreaming(false).build();
    StubProvider openai = openai(Fixtures.chatResponse(GPT, "Pong"), List.of());
    Router router =
        Router.builder().catalog(catalog(GPT, noStreaming)).addProvider("openai", openai, auth(), ProviderFormat.OPENAI).build();

    List<StreamChunk> events =
        drain(router.handle(messagesBody(GPT, true), ProviderFormat.ANTHROPIC, ClientHeaders.empty()).stream().orElseThrow());

    assertThat(openai.streamCalls()).isEmpty();
    assertThat(JsonProbe.members(openai.onlyCall().payload())).doesNotContainKeys("stream", "stream_options");
    EventSequences.assertWellFormedAnthropic(events);
    assertThat(EventSequences.anthropicText(events)).isEqualTo("Pong");
  }

  // ---- OpenAI clients on an Anthropic model ---------------------------------------------------------

  private static Router claudeRouter(StubProvider anthropic) {
    return Router.builder()
        .catalog(catalog(CLAUDE, spec(CLAUDE, ProviderFormat.ANTHROPIC)))
        .addProvider("anthropic", anthropic, auth(), ProviderFormat.ANTHROPIC)
        .build();
  }

  @Test
  void openai_client_on_an_anthropic_model_gets_a_chat_completion() {
    byte[] reply = NativeReplies.anthropicMessage(CLAUDE, "Sunny in both.");
    StubProvider anthropic = StubProvider.builder("anthropic").formats(ProviderFormat.ANTHROPIC).response(reply).build();
    Router router = claudeRouter(anthropic);

    RouterResult result = router.handle(chatBody(CLAUDE, false), ProviderFormat.OPENAI, ClientHeaders.empty());

    ProviderRequest call = anthropic.onlyCall();
    assertThat(call.format()).isEqualTo(ProviderFormat.ANTHROPIC);
    byte[] sent = call.payload();
    assertThat(JsonProbe.text(sent, "model")).isEqualTo(CLAUDE);
    assertThat(JsonProbe.text(sent, "system")).isEqualTo("Be brief");
    assertThat(JsonProbe.array(sent, "messages")).hasSize(1);
    assertThat(JsonProbe.text(sent, "tools", 0, "name")).isEqualTo("get_weather");
    assertThat(JsonProbe.has(sent, "tools", 0, "input_schema")).isTrue();
    assertThat(JsonProbe.integer(sent, "max_tokens")).isPositive();

    Completion completion = result.completion().orElseThrow();
    byte[] body = completion.body();
    assertThat(completion.rawBody()).isSameAs(reply);
    assertThat(JsonProbe.text(body, "object")).isEqualTo("chat.completion");
    assertThat(JsonProbe.text(body, "model")).isEqualTo(CLAUDE);
    assertThat(JsonProbe.text(body, "choices", 0, "message", "role")).isEqualTo("assistant");
    assertThat(JsonProbe.text(body, "choices", 0, "message", "content")).isEqualTo("Sunny in both.");
    assertThat(JsonProbe.text(body, "choices", 0, "finish_reason")).isEqualTo("stop");
    assertThat(JsonProbe.integer(body, "usage", "prompt_tokens")).isEqualTo(12);
    assertThat(JsonProbe.integer(body, "usage", "completion_tokens")).isEqualTo(1);
    assertThat(JsonProbe.integer(body, "usage", "total_tokens")).isEqualTo(13);
    assertTranslated(result.metadata(), ProviderFormat.OPENAI, ProviderFormat.ANTHROPIC, false);
  }

  @Test
  void openai_client_streaming_from_an_anthropic_model_gets_chat_chunks() {
    StubProvider anthropic =
        StubProvider.builder("anthropic")
            .formats(ProviderFormat.ANTHROPIC)
            .streamChunks(NativeReplies.anthropicTextStream(CLAUDE, "Sunny", " in both."))
            .build();
    Router router = claudeRouter(anthropic);

    RouterResult result = router.handle(chatBody(CLAUDE, true), ProviderFormat.OPENAI, ClientHeaders.empty());
    List<StreamChunk> chunks = drain(result.stream().orElseThrow());

    ProviderRequest call = anthropic.streamCalls().get(0);
    assertThat(call.format()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(JsonProbe.members(call.payload())).containsEntry("stream", "true");
    EventSequences.assertAllChatChunks(chunks);
    assertThat(EventSequences.chatChoiceIndexes(chunks)).containsOnly(0L);
    assertThat(EventSequences.chatText(chunks)).isEqualTo("Sunny in both.");
    assertThat(EventSequences.chatFinishReasons(chunks)).containsExactly("stop");
    assertThat(chunks).anySatisfy(c -> assertThat(JsonProbe.has(c.data(), "usage", "completion_tokens")).isTrue());
    assertThat(JsonProbe.text(chunks.get(0).data(), "model")).isEqualTo(CLAUDE);
    assertTranslated(result.metadata(), ProviderFormat.OPENAI, ProviderFormat.ANTHROPIC, true);
  }

  // ---- OpenAI clients on a Gemini model -------------------------------------------------------------

  private static StubProvider google(byte[] reply, List<StreamChunk> events) {
    return StubProvider.builder("google")
        .formats(ProviderFormat.GOOGLE, ProviderFormat.OPENAI)
        .notBackupDefaultFor(ProviderFormat.OPENAI)
        .responseFor(ProviderFormat.GOOGLE, reply)
        .streamChunks(events)
        .build();
  }

  private static Router geminiRouter(StubProvider google) {
    return Router.builder()
        .catalog(catalog(GEMINI, Fixtures.googleSpec(GEMINI)))
        .addProvider("google", google, auth(), ProviderFormat.GOOGLE)
        .build();
  }

  @Test
  void openai_client_on_a_gemini_model_gets_a_chat_completion() {
    byte[] reply = NativeReplies.googleResponse(GEMINI, "Sunny in both.");
    StubProvider google = google(reply, List.of());
    Router router = geminiRouter(google);

    Completion completion = router.complete(chatBody(GEMINI, false), GEMINI, ProviderFormat.OPENAI, ClientHeaders.empty());

    ProviderRequest call = google.onlyCall();
    assertThat(call.format()).isEqualTo(ProviderFormat.GOOGLE);
    byte[] sent = call.payload();
    assertThat(JsonProbe.keys(sent)).contains("contents").doesNotContain("messages");
    assertThat(JsonProbe.text(sent, "systemInstruction", "parts", 0, "text")).isEqualTo("Be brief");
    assertThat(JsonProbe.text(sent, "contents", 0, "parts", 0, "text")).isEqualTo("Weather in Paris and Rome?");
    assertThat(JsonProbe.text(sent, "tools", 0, "functionDeclarations", 0, "name")).isEqualTo("get_weather");

    byte[] body = completion.body();
    assertThat(completion.rawBody()).isSameAs(reply);
    assertThat(JsonProbe.text(body, "object")).isEqualTo("chat.completion");
    assertThat(JsonProbe.text(body, "model")).isEqualTo(GEMINI);
    assertThat(JsonProbe.text(body, "choices", 0, "message", "content")).isEqualTo("Sunny in both.");
    assertThat(JsonProbe.text(body, "choices", 0, "finish_reason")).isEqualTo("stop");
    assertThat(JsonProbe.integer(body, "usage", "total_tokens")).isEqualTo(13);
    assertTranslated(completion.metadata(), ProviderFormat.OPENAI, ProviderFormat.GOOGLE, false);
  }

  @Test
  void openai_client_streaming_parallel_tool_calls_from_a_gemini_model_gets_tool_indexes_0_and_1() {
    StubProvider google = google(new byte[0], NativeReplies.googleParallelToolStream(GEMINI));
    Router router = geminiRouter(google);

    ResponseStream stream =
        router.completeStream(chatBody(GEMINI, true), GEMINI, ProviderFormat.OPENAI, ClientHeaders.empty());
    RouterMetadata metadata = stream.metadata();
    List<StreamChunk> chunks = drain(stream);

    ProviderRequest call = google.streamCalls().get(0);
    assertThat(call.format()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(JsonProbe.members(call.payload())).containsKey("contents").doesNotContainKey("stream");
    EventSequences.assertAllChatChunks(chunks);
    assertThat(EventSequences.chatChoiceIndexes(chunks)).containsOnly(0L);
    assertThat(EventSequences.chatText(chunks)).isEqualTo("Checking.");
    Map<Long, ToolCall> tools = EventSequences.chatToolCalls(chunks);
    assertThat(tools.keySet()).containsExactly(0L, 1L);
    assertThat(tools.get(0L).name()).isEqualTo("get_weather");
    assertThat(tools.get(0L).arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(tools.get(1L).name()).isEqualTo("get_weather");
    assertThat(tools.get(1L).arguments()).isEqualTo("{\"city\":\"Rome\"}");
    assertThat(tools.get(0L).id()).isNotBlank().isNotEqualTo(tools.get(1L).id());
    assertThat(EventSequences.chatFinishReasons(chunks)).containsExactly("tool_calls");
    assertTranslated(metadata, ProviderFormat.OPENAI, ProviderFormat.GOOGLE, true);
  }

  // ---- Clients on a Bedrock Converse model ----------------------------------------------------------

  private static StubProvider bedrock(byte[] reply, List<StreamChunk> events) {
    return StubProvider.builder("bedrock")
        .formats(ProviderFormat.CONVERSE, ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.RESPONSES)
        .responseFor(ProviderFormat.CONVERSE, reply)
        .streamChunks(events)
        .build();
  }

  private static Router novaRouter(StubProvider bedrock) {
    return Router.builder()
        .catalog(catalog(NOVA, spec(NOVA, ProviderFormat.CONVERSE, "bedrock")))
        .addProvider("bedrock", bedrock, auth(), ProviderFormat.CONVERSE)
        .build();
  }

  /**
   * Converse replies carry no model, so the translation writes lingua's {@code "model":"transformed"}
   * placeholder; the router replaces it with the route's model (spec 1.6, step 4).
   */
  @Test
  void converse_reply_has_the_transformed_placeholder_replaced_by_the_route_model() {
    byte[] reply = NativeReplies.converseResponse("Sunny in both.");
    assertThat(JsonProbe.text(Translator.transformResponse(reply, ProviderFormat.CONVERSE, ProviderFormat.OPENAI).body(),
        "model")).as("precondition: the translation writes the placeholder").isEqualTo("transformed");
    StubProvider bedrock = bedrock(reply, List.of());
    Router router = novaRouter(bedrock);

    RouterResult chat = router.handle(chatBody(NOVA, false), ProviderFormat.OPENAI, ClientHeaders.empty());

    ProviderRequest call = bedrock.calls().get(0);
    assertThat(call.format()).isEqualTo(ProviderFormat.CONVERSE);
    assertThat(JsonProbe.keys(call.payload())).contains("messages").doesNotContain("model", "tools");
    assertThat(JsonProbe.text(call.payload(), "toolConfig", "tools", 0, "toolSpec", "name")).isEqualTo("get_weather");
    byte[] chatBody = chat.completion().orElseThrow().body();
    assertThat(JsonProbe.text(chatBody, "object")).isEqualTo("chat.completion");
    assertThat(JsonProbe.text(chatBody, "model")).isEqualTo(NOVA);
    assertThat(JsonProbe.text(chatBody, "choices", 0, "message", "content")).isEqualTo("Sunny in both.");
    assertThat(JsonProbe.integer(chatBody, "usage", "total_tokens")).isEqualTo(13);
    assertTranslated(chat.metadata(), ProviderFormat.OPENAI, ProviderFormat.CONVERSE, false);

    RouterResult messages = router.handle(messagesBody(NOVA, false), ProviderFormat.ANTHROPIC, ClientHeaders.empty());

    byte[] messageBody = messages.completion().orElseThrow().body();
    assertThat(JsonProbe.text(messageBody, "type")).isEqualTo("message");
    assertThat(JsonProbe.text(messageBody, "model")).isEqualTo(NOVA);
    assertThat(JsonProbe.text(messageBody, "content", 0, "text")).isEqualTo("Sunny in both.");
    assertThat(text(messageBody)).doesNotContain("\"transformed\"");
    assertTranslated(messages.metadata(), ProviderFormat.ANTHROPIC, ProviderFormat.CONVERSE, false);
  }

  @Test
  void openai_client_streaming_parallel_tool_calls_from_a_converse_model_gets_sequential_tool_indexes() {
    StubProvider bedrock = bedrock(new byte[0], NativeReplies.converseParallelToolStream());
    Router router = novaRouter(bedrock);

    RouterResult result = router.handle(chatBody(NOVA, true), ProviderFormat.OPENAI, ClientHeaders.empty());
    List<StreamChunk> chunks = drain(result.stream().orElseThrow());

    assertThat(bedrock.streamCalls().get(0).format()).isEqualTo(ProviderFormat.CONVERSE);
    EventSequences.assertAllChatChunks(chunks);
    // Converse numbers content blocks (text 0, tools 1 and 2); Chat numbers tool calls from 0.
    assertThat(EventSequences.chatChoiceIndexes(chunks)).containsOnly(0L);
    assertThat(EventSequences.chatText(chunks)).isEqualTo("Checking.");
    Map<Long, ToolCall> tools = EventSequences.chatToolCalls(chunks);
    assertThat(tools)
        .containsExactly(
            Map.entry(0L, new ToolCall("tooluse_A", "get_weather", "{\"city\":\"Paris\"}")),
            Map.entry(1L, new ToolCall("tooluse_B", "get_weather", "{\"city\":\"Rome\"}")));
    assertThat(EventSequences.chatFinishReasons(chunks)).containsExactly("tool_calls");
    assertThat(chunks).anySatisfy(c -> assertThat(JsonProbe.has(c.data(), "usage", "total_tokens")).isTrue());
    assertTranslated(result.metadata(), ProviderFormat.OPENAI, ProviderFormat.CONVERSE, true);
  }

  // ---- An OpenAI client whose request was upgraded to Responses -------------------------------------

  @Test
  void openai_client_streaming_an_upgraded_responses_call_gets_sequential_tool_indexes() {
    String model = "gpt-5.2-mini";
    StubProvider openai =
        StubProvider.builder("openai")
            .formats(ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .streamChunks(NativeReplies.responsesParallelToolStream(model))
            .build();
    Router router =
        Router.builder()
            .catalog(catalog(model, openaiSpec(model)))
            .addProvider("openai", openai, auth(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .build();
    byte[] body =
        bytes("{\"model\":\"gpt-5.2-mini\",\"stream\":true,\"reasoning_effort\":\"low\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Tokyo and Osaka?\"}]," + WEATHER_TOOL + "}");

    RouterResult result = router.handle(body, ProviderFormat.OPENAI, ClientHeaders.empty());
    List<StreamChunk> chunks = drain(result.stream().orElseThrow());

    ProviderRequest call = openai.streamCalls().get(0);
    assertThat(call.format()).isEqualTo(ProviderFormat.RESPONSES);
    assertThat(JsonProbe.members(call.payload())).containsEntry("stream", "true").doesNotContainKey("messages");
    assertThat(JsonProbe.text(call.payload(), "input", 0, "content")).isEqualTo("Weather in Tokyo and Osaka?");
    EventSequences.assertAllChatChunks(chunks);
    // Responses numbers output items (reasoning 0, calls 1 and 2); Chat numbers tool calls from 0.
    assertThat(EventSequences.chatChoiceIndexes(chunks)).containsOnly(0L);
    Map<Long, ToolCall> tools = EventSequences.chatToolCalls(chunks);
    assertThat(tools)
        .containsExactly(
            Map.entry(0L, new ToolCall("call_A", "get_weather", "{\"location\":\"Tokyo\"}")),
            Map.entry(1L, new ToolCall("call_B", "get_weather", "{\"location\":\"Osaka\"}")));
    assertThat(EventSequences.chatFinishReasons(chunks)).hasSize(1);
    assertTranslated(result.metadata(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES, true);
  }

  // ---- Upstream errors --------------------------------------------------------------------------------

  private static List<StreamChunk> anthropicStreamFailingMidway(StreamChunk error) {
    return List.of(
        NativeReplies.anthropicMessageStart(CLAUDE),
        NativeReplies.anthropicEvent("content_block_start", "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}"),
        NativeReplies.anthropicEvent("content_block_delta", "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}"),
        error);
  }

  @Test
  void upstream_anthropic_error_event_mid_stream_becomes_the_chat_error_chunk() {
    StreamChunk error = NativeReplies.anthropicError("overloaded_error", "Overloaded");
    StubProvider anthropic =
        StubProvider.builder("anthropic").formats(ProviderFormat.ANTHROPIC)
            .streamChunks(anthropicStreamFailingMidway(error)).build();
    Router router = claudeRouter(anthropic);

    List<StreamChunk> chunks = drainUntilErrorEvent(
        router.handle(chatBody(CLAUDE, true), ProviderFormat.OPENAI, ClientHeaders.empty()).stream().orElseThrow(),
        "Overloaded");

    StreamChunk last = chunks.get(chunks.size() - 1);
    EventSequences.assertAllChatChunks(chunks.subList(0, chunks.size() - 1));
    assertThat(EventSequences.chatText(chunks.subList(0, chunks.size() - 1))).isEqualTo("Hi");
    assertThat(last.eventType()).isEmpty();
    assertThat(JsonProbe.keys(last.data())).containsExactly("error");
    assertThat(JsonProbe.text(last.data(), "error", "message")).isEqualTo("Overloaded");
    assertThat(JsonProbe.at(last.data(), "error", "type")).isInstanceOf(String.class);
  }

  @Test
  void upstream_anthropic_error_event_mid_stream_fails_a_responses_client_and_reaches_a_messages_client_as_is() {
    StreamChunk error = NativeReplies.anthropicError("overloaded_error", "Overloaded");
    StubProvider anthropic =
        StubProvider.builder("anthropic").formats(ProviderFormat.ANTHROPIC)
            .streamChunks(anthropicStreamFailingMidway(error)).build();
    Router router = claudeRouter(anthropic);

    List<StreamChunk> responses =
        drainUntilErrorEvent(router.completeStream(bytes("{\"model\":\"claude-haiku-4-5\",\"stream\":true,\"input\":\"Ping\"}"), CLAUDE,
            ProviderFormat.RESPONSES, ClientHeaders.empty()), "Overloaded");

    assertThat(responses).hasSizeGreaterThan(2);
    StreamChunk errorEvent = responses.get(responses.size() - 2);
    StreamChunk failed = responses.get(responses.size() - 1);
    assertThat(errorEvent.eventType()).contains("error");
    assertThat(JsonProbe.text(errorEvent.data(), "type")).isEqualTo("error");
    assertThat(JsonProbe.text(errorEvent.data(), "message")).isEqualTo("Overloaded");
    assertThat(failed.eventType()).contains("response.failed");
    assertThat(JsonProbe.text(failed.data(), "response", "status")).isEqualTo("failed");
    assertThat(JsonProbe.text(failed.data(), "response", "error", "message")).isEqualTo("Overloaded");

    List<StreamChunk> messages =
        drainUntilErrorEvent(router.handle(messagesBody(CLAUDE, true), ProviderFormat.ANTHROPIC, ClientHeaders.empty())
            .stream().orElseThrow(), "Overloaded");
    assertThat(messages).hasSize(4);
    assertThat(messages.get(3)).isSameAs(error);
  }

  @Test
  void non_json_reply_on_a_translated_route_is_a_response_transform_exception_with_the_raw_body() {
    byte[] html = bytes("<html><body>502 Bad Gateway</body></html>");
    StubProvider anthropic = StubProvider.builder("anthropic").formats(ProviderFormat.ANTHROPIC).response(html).build();
    Router router = claudeRouter(anthropic);

    assertThatThrownBy(() -> router.handle(chatBody(CLAUDE, false), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(ResponseTransformException.class, e -> {
          assertThat(e.rawResponse()).isEqualTo(html);
          assertThat(e.provider()).isEqualTo("anthropic");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(anthropic.calls()).hasSize(1);
  }

  // ---- Same-format traffic stays zero-copy ------------------------------------------------------------

  @Test
  void same_format_chat_and_messages_traffic_goes_out_and_comes_back_as_the_identical_arrays() {
    byte[] chatReply = Fixtures.chatResponse(GPT, "Pong");
    List<StreamChunk> chatEvents = NativeReplies.chatTextStream(GPT, "Po", "ng");
    StubProvider openai = openai(chatReply, chatEvents);
    Router gpt = gptRouter(openai);
    byte[] chat = chatBody(GPT, false);

    Completion completion = gpt.complete(chat, GPT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(openai.onlyCall().payload()).isSameAs(chat);
    assertThat(completion.body()).isSameAs(chatReply);
    assertPassthrough(completion.metadata(), ProviderFormat.OPENAI);
    byte[] streamingChat = chatBody(GPT, true);
    List<StreamChunk> chunks =
        drain(gpt.handle(streamingChat, ProviderFormat.OPENAI, ClientHeaders.empty()).stream().orElseThrow());
    assertThat(openai.streamCalls().get(0).payload()).isSameAs(streamingChat);
    assertThat(chunks).hasSameSizeAs(chatEvents);
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(chunks.get(i)).isSameAs(chatEvents.get(i));
    }

    byte[] messagesReply = NativeReplies.anthropicMessage(CLAUDE, "Pong");
    List<StreamChunk> messageEvents = NativeReplies.anthropicTextStream(CLAUDE, "Pong");
    StubProvider anthropic =
        StubProvider.builder("anthropic").formats(ProviderFormat.ANTHROPIC).response(messagesReply)
            .streamChunks(messageEvents).build();
    Router claude = claudeRouter(anthropic);
    byte[] messages = messagesBody(CLAUDE, false);

    RouterResult result = claude.handle(messages, ProviderFormat.ANTHROPIC, ClientHeaders.empty());

    assertThat(anthropic.onlyCall().payload()).isSameAs(messages);
    assertThat(result.completion().orElseThrow().body()).isSameAs(messagesReply);
    assertPassthrough(result.metadata(), ProviderFormat.ANTHROPIC);
    byte[] streamingMessages = messagesBody(CLAUDE, true);
    List<StreamChunk> events =
        drain(claude.handle(streamingMessages, ProviderFormat.ANTHROPIC, ClientHeaders.empty()).stream().orElseThrow());
    assertThat(anthropic.streamCalls().get(0).payload()).isSameAs(streamingMessages);
    assertThat(events).hasSameSizeAs(messageEvents);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i)).isSameAs(messageEvents.get(i));
    }
  }

  @Test
  void same_format_responses_google_and_converse_traffic_goes_out_and_comes_back_as_the_identical_arrays() {
    byte[] responsesReply = NativeReplies.responsesFunctionCall(GPT);
    StubProvider openai =
        StubProvider.builder("openai").formats(ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .responseFor(ProviderFormat.RESPONSES, responsesReply).build();
    byte[] input = bytes("{\"model\":\"gpt-4o\",\"input\":\"Ping\"}");

    RouterResult responses = gptRouter(openai).handle(input, ProviderFormat.RESPONSES, ClientHeaders.empty());

    assertThat(openai.onlyCall().format()).isEqualTo(ProviderFormat.RESPONSES);
    assertThat(openai.onlyCall().payload()).isSameAs(input);
    assertThat(responses.completion().orElseThrow().body()).isSameAs(responsesReply);
    assertPassthrough(responses.metadata(), ProviderFormat.RESPONSES);

    byte[] googleReply = NativeReplies.googleResponse(GEMINI, "Pong");
    StubProvider google = google(googleReply, List.of());
    byte[] contents = bytes("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Ping\"}]}]}");

    Completion gemini = geminiRouter(google).complete(contents, GEMINI, ProviderFormat.GOOGLE, ClientHeaders.empty());

    assertThat(google.onlyCall().payload()).isSameAs(contents);
    assertThat(gemini.body()).isSameAs(googleReply);
    assertPassthrough(gemini.metadata(), ProviderFormat.GOOGLE);

    byte[] converseReply = NativeReplies.converseResponse("Pong");
    StubProvider bedrock = bedrock(converseReply, List.of());
    byte[] converse =
        bytes("{\"modelId\":\"amazon.nova-lite-v1:0\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Ping\"}]}]}");

    RouterResult nova = novaRouter(bedrock).handle(converse, ProviderFormat.CONVERSE, ClientHeaders.empty());

    assertThat(bedrock.onlyCall().payload()).isSameAs(converse);
    assertThat(nova.completion().orElseThrow().body()).isSameAs(converseReply);
    assertPassthrough(nova.metadata(), ProviderFormat.CONVERSE);
  }
}
