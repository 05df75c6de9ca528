package dev.llmrouter.translate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.StreamSession;
import dev.llmrouter.translate.Translator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gemini sends each function call whole and numbers calls from 0 in every chunk: two calls in two chunks
 * must still reach the client as two distinct tool calls (field lessons 1 and 2).
 */
class GoogleToolCallStreamTest {
  private static final String[] EVENTS = {
    "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"weather\","
        + "\"args\":{\"city\":\"Paris\"}}}]},\"index\":0}],\"responseId\":\"R1\",\"modelVersion\":\"gemini-2.5-flash\"}",
    "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"weather\","
        + "\"args\":{\"city\":\"Rome\"}}}]},\"index\":0,\"finishReason\":\"STOP\"}],\"responseId\":\"R1\","
        + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":7,\"totalTokenCount\":12}}"
  };

  private static List<StreamChunk> run(ProviderFormat target) {
    StreamSession session = Translator.newStreamSession(target);
    List<StreamChunk> out = new ArrayList<>();
    for (String e : EVENTS) {
      session.push(StreamChunk.of(e.getBytes(StandardCharsets.UTF_8)), out::add);
    }
    session.finish(out::add);
    return out;
  }

  @Test
  void chatClientsGetOneIndexAndOneIdPerCall() {
    List<String> indexes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (StreamChunk c : run(ProviderFormat.OPENAI)) {
      JsonObject chunk = JsonTree.parseObject(c.data());
      for (var choice : chunk.getArray("choices").orElseThrow()) {
        choice.asObject().flatMap(o -> o.getObject("delta")).flatMap(d -> d.getArray("tool_calls"))
            .ifPresent(calls -> calls.forEach(call -> {
              JsonObject o = call.asObject().orElseThrow();
              indexes.add(o.getNumber("index").orElseThrow().text());
              ids.add(o.getString("id").orElseThrow());
              args.add(o.getObject("function").orElseThrow().getString("arguments").orElseThrow());
            }));
      }
    }
    assertThat(indexes).containsExactly("0", "1");
    assertThat(ids).doesNotHaveDuplicates().hasSize(2);
    assertThat(args).containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}");
  }

  @Test
  void anthropicClientsGetTwoToolUseBlocksWithDistinctIndexes() {
    List<Long> starts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (StreamChunk c : run(ProviderFormat.ANTHROPIC)) {
      if (c.eventType().filter("content_block_start"::equals).isPresent()) {
        JsonObject e = JsonTree.parseObject(c.data());
        starts.add(e.getLong("index").orElseThrow());
        ids.add(e.getObject("content_block").orElseThrow().getString("id").orElseThrow());
      }
    }
    assertThat(starts).containsExactly(0L, 1L);
    assertThat(ids).doesNotHaveDuplicates();
  }
}
