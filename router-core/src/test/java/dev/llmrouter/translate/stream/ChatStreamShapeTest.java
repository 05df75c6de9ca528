package dev.llmrouter.translate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.stream.StreamChunk;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chat Completions chunks for SDK clients ({@link ChatStreamShape}, {@link TranslatingStreamSession#forClients}):
 * every chunk has id, created and model, usage comes once at the end, one choice for single-choice sources.
 */
class ChatStreamShapeTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  private static JsonObject obj(String json) {
    return JsonTree.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void translatedChunksGetTheFirstIdAndModelACreatedTimeChoiceZeroAndUsageOnlyAtTheEnd() {
    ChatStreamShape shape = new ChatStreamShape("routed", CLOCK);

    JsonObject first = shape.shape(obj("{\"id\":\"msg_1\",\"model\":\"claude-x\",\"object\":\"chat.completion.chunk\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}],\"usage\":{\"prompt_tokens\":43}}"),
        ProviderFormat.ANTHROPIC).orElseThrow();
    JsonObject text = shape.shape(obj("{\"object\":\"chat.completion.chunk\","
        + "\"choices\":[{\"index\":1,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}"),
        ProviderFormat.ANTHROPIC).orElseThrow();
    JsonObject last = shape.shape(obj("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":43,\"completion_tokens\":5}}"),
        ProviderFormat.ANTHROPIC).orElseThrow();
    JsonObject usage = shape.finalChunk().orElseThrow();

    for (JsonObject o : new JsonObject[] {first, text, last, usage}) {
      assertThat(o.getString("id")).contains("msg_1");
      assertThat(o.getString("model")).contains("claude-x");
      assertThat(o.getLong("created")).contains(1_700_000_000L);
      assertThat(o.getString("object")).contains("chat.completion.chunk");
    }
    assertThat(first.has("usage")).isFalse();
    assertThat(last.has("usage")).isFalse();
    assertThat(JsonTree.writeString(text.getArray("choices").orElseThrow()))
        .isEqualTo("[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]");
    assertThat(usage.getArray("choices").orElseThrow().size()).isZero();
    assertThat(JsonTree.writeString(usage.getObject("usage").orElseThrow()))
        .isEqualTo("{\"prompt_tokens\":43,\"completion_tokens\":5}");
    assertThat(shape.finalChunk()).as("usage is sent once").isEmpty();
  }

  @Test
  void aStreamWithoutIdsGetsOneGeneratedIdAndTheRoutedModelAndEmptyChunksAreDropped() {
    ChatStreamShape shape = new ChatStreamShape("amazon.nova-lite-v1:0", CLOCK);

    assertThat(shape.shape(obj("{\"choices\":[],\"object\":\"chat.completion.chunk\"}"), ProviderFormat.CONVERSE))
        .as("a translated chunk with nothing in it is not sent").isEmpty();
    JsonObject a = shape.shape(obj("{\"choices\":[{\"delta\":{\"role\":\"assistant\"},\"index\":0}]}"),
        ProviderFormat.CONVERSE).orElseThrow();
    JsonObject b = shape.shape(obj("{\"choices\":[{\"delta\":{\"content\":\"x\"},\"index\":0}]}"),
        ProviderFormat.CONVERSE).orElseThrow();
    assertThat(shape.shape(obj("{\"choices\":[],\"usage\":{\"prompt_tokens\":3}}"), ProviderFormat.CONVERSE)).isEmpty();

    assertThat(a.getString("id").orElseThrow()).startsWith("chatcmpl-").hasSizeGreaterThan(20);
    assertThat(b.getString("id")).isEqualTo(a.getString("id"));
    assertThat(b.getString("model")).contains("amazon.nova-lite-v1:0");
    JsonObject usage = shape.finalChunk().orElseThrow();
    assertThat(usage.getString("id")).isEqualTo(a.getString("id"));
    assertThat(JsonTree.writeString(usage.getObject("usage").orElseThrow())).isEqualTo("{\"prompt_tokens\":3}");
  }

  @Test
  void errorEventsAreNotChunksAndPassUntouched() {
    ChatStreamShape shape = new ChatStreamShape("m", CLOCK);
    JsonObject error = obj("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
    assertThat(shape.shape(error, ProviderFormat.ANTHROPIC).orElseThrow()).isSameAs(error);
    assertThat(shape.finalChunk()).isEmpty();
  }

  @Test
  void theClientSessionShapesAnAnthropicStreamEndToEndWhileTheLinguaSessionDoesNot() {
    String[] anthropic = {
      "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_9\",\"type\":\"message\",\"role\":\"assistant\","
          + "\"model\":\"claude-x\",\"content\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}",
      "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
      "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hm\"}}",
      "{\"type\":\"content_block_stop\",\"index\":0}",
      "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
      "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}",
      "{\"type\":\"content_block_stop\",\"index\":1}",
      "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":7}}",
      "{\"type\":\"message_stop\"}"
    };
    List<JsonObject> shaped = run(TranslatingStreamSession.forClients(ProviderFormat.OPENAI, "claude-x"), anthropic);
    for (JsonObject o : shaped) {
      assertThat(o.getString("id")).contains("msg_9");
      assertThat(o.getString("model")).contains("claude-x");
      assertThat(o.getLong("created")).isPresent();
      for (var c : o.getArray("choices").orElseThrow().values()) {
        assertThat(c.asObject().orElseThrow().getLong("index")).contains(0L);
      }
    }
    JsonObject lastChunk = shaped.get(shaped.size() - 1);
    assertThat(lastChunk.getArray("choices").orElseThrow().size()).isZero();
    assertThat(lastChunk.getObject("usage")).isPresent();
    assertThat(shaped.subList(0, shaped.size() - 1)).allMatch(o -> !o.has("usage"));

    List<JsonObject> lingua = run(new TranslatingStreamSession(ProviderFormat.OPENAI), anthropic);
    assertThat(lingua).anyMatch(o -> !o.has("id"));
  }

  private static List<JsonObject> run(TranslatingStreamSession session, String[] events) {
    List<StreamChunk> out = new ArrayList<>();
    for (String e : events) {
      session.push(StreamChunk.ofUtf8(e, null), out::add);
    }
    session.finish(out::add);
    List<JsonObject> objects = new ArrayList<>();
    for (StreamChunk c : out) {
      if (!c.isKeepAlive() && !c.isBlank()) {
        objects.add(JsonTree.parseObject(c.data()));
      }
    }
    return objects;
  }
}
