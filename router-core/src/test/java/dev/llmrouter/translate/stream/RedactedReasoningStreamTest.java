package dev.llmrouter.translate.stream;

import static dev.llmrouter.translate.stream.StreamFixtures.data;
import static dev.llmrouter.translate.stream.StreamFixtures.num;
import static dev.llmrouter.translate.stream.StreamFixtures.raw;
import static dev.llmrouter.translate.stream.StreamFixtures.str;
import static dev.llmrouter.translate.stream.StreamFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Redacted reasoning in translated streams: Converse {@code redactedContent} deltas become balanced,
 * correctly indexed Anthropic {@code redacted_thinking} blocks; targets that cannot carry it get nothing
 * of it (a keep-alive, as lingua makes of these events).
 */
class RedactedReasoningStreamTest {

  private static final String DATA = "EmwKAhgBEgy3va3pzix/LafPsn4aDFa+x0w9ZJ8bT3e1=";
  private static final String DATA2 = "U2Vjb25kUmVkYWN0ZWRCbG9jaw==";

  private static final List<String> CONVERSE_EVENTS =
      List.of(
          "{'messageStart':{'role':'assistant'}}",
          "{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'text':'Thinking.'}}}}",
          "{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'signature':'sig-1'}}}}",
          "{'contentBlockStop':{'contentBlockIndex':0}}",
          "{'contentBlockDelta':{'contentBlockIndex':1,'delta':{'reasoningContent':{'redactedContent':'"
              + DATA + "'}}}}",
          "{'contentBlockStop':{'contentBlockIndex':1}}",
          "{'contentBlockDelta':{'contentBlockIndex':2,'delta':{'reasoningContent':{'redactedContent':'"
              + DATA2 + "'}}}}",
          "{'contentBlockStop':{'contentBlockIndex':2}}",
          "{'contentBlockDelta':{'contentBlockIndex':3,'delta':{'text':'Checking.'}}}",
          "{'contentBlockStop':{'contentBlockIndex':3}}",
          "{'contentBlockStart':{'contentBlockIndex':4,"
              + "'start':{'toolUse':{'toolUseId':'tooluse_1','name':'get_weather'}}}}",
          "{'contentBlockDelta':{'contentBlockIndex':4,'delta':{'toolUse':{'input':'{}'}}}}",
          "{'contentBlockStop':{'contentBlockIndex':4}}",
          "{'messageStop':{'stopReason':'tool_use'}}",
          "{'metadata':{'usage':{'inputTokens':10,'outputTokens':20,'totalTokens':30},"
              + "'metrics':{'latencyMs':100}}}");

  private static List<JsonObject> run(ProviderFormat target, List<String> events) {
    TranslatingStreamSession session = new TranslatingStreamSession(target);
    List<StreamChunk> out = new ArrayList<>();
    for (String e : events) {
      session.push(raw(e), out::add);
    }
    session.finish(out::add);
    return data(out);
  }

  /**
   * Checks the Anthropic invariants (one message_start, balanced starts and stops with matching indexes,
   * fresh indexes, deltas inside the open block, message_delta before message_stop) and returns the
   * started blocks in order.
   */
  private static List<JsonObject> assertBalancedAnthropic(List<JsonObject> events) {
    int messageStarts = 0;
    Long open = null;
    Set<Long> used = new HashSet<>();
    List<JsonObject> blocks = new ArrayList<>();
    boolean messageDelta = false;
    boolean messageStop = false;
    for (JsonObject e : events) {
      String type = str(e, "type");
      switch (type) {
        case "message_start":
          messageStarts++;
          break;
        case "content_block_start":
          assertThat(open).as("block opened while another is open: " + events).isNull();
          open = num(e, "index");
          assertThat(used.add(open)).as("index reused: " + events).isTrue();
          blocks.add(e.getObject("content_block").orElseThrow());
          break;
        case "content_block_delta":
          assertThat(num(e, "index")).as("delta outside its block: " + events).isEqualTo(open);
          break;
        case "content_block_stop":
          assertThat(num(e, "index")).as("stop of another block: " + events).isEqualTo(open);
          open = null;
          break;
        case "message_delta":
          messageDelta = true;
          break;
        case "message_stop":
          assertThat(messageDelta).isTrue();
          messageStop = true;
          break;
        default:
          break;
      }
    }
    assertThat(messageStarts).isEqualTo(1);
    assertThat(open).as("unclosed block: " + events).isNull();
    assertThat(messageStop).isTrue();
    return blocks;
  }

  @Test
  void converse_stream_to_anthropic_gives_balanced_redacted_blocks_in_order() {
    List<JsonObject> events = run(ProviderFormat.ANTHROPIC, CONVERSE_EVENTS);
    List<JsonObject> blocks = assertBalancedAnthropic(events);
    List<String> kinds = new ArrayList<>();
    for (JsonObject b : blocks) {
      kinds.add(str(b, "type"));
    }
    assertThat(kinds).as(events.toString())
        .containsExactly("thinking", "redacted_thinking", "redacted_thinking", "text", "tool_use");
    assertThat(str(blocks.get(1), "data")).isEqualTo(DATA);
    assertThat(str(blocks.get(2), "data")).isEqualTo(DATA2);
    // The thinking block keeps its text and signature.
    List<String> thinking = new ArrayList<>();
    for (JsonObject e : events) {
      if ("content_block_delta".equals(str(e, "type"))) {
        thinking.add(str(e, "delta.type"));
      }
    }
    assertThat(thinking).startsWith("thinking_delta", "signature_delta");
    JsonObject last = events.get(events.size() - 2);
    assertThat(str(last, "delta.stop_reason")).isEqualTo("tool_use");
  }

  @Test
  void a_redacted_block_first_opens_the_message() {
    List<JsonObject> events =
        run(
            ProviderFormat.ANTHROPIC,
            List.of(
                "{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'redactedContent':'"
                    + DATA + "'}}}}",
                "{'contentBlockDelta':{'contentBlockIndex':1,'delta':{'text':'Hi.'}}}",
                "{'messageStop':{'stopReason':'end_turn'}}"));
    List<JsonObject> blocks = assertBalancedAnthropic(events);
    assertThat(str(blocks.get(0), "type")).isEqualTo("redacted_thinking");
    assertThat(str(blocks.get(1), "type")).isEqualTo("text");
    assertThat(str(events.get(0), "type")).isEqualTo("message_start");
  }

  @Test
  void stateless_anthropic_family_targets_get_a_start_and_stop_pair() {
    TranslatingStreamSession session = new TranslatingStreamSession(ProviderFormat.VERTEX_ANTHROPIC);
    List<StreamChunk> out = new ArrayList<>();
    session.push(
        raw("{'contentBlockDelta':{'contentBlockIndex':0,'delta':{'reasoningContent':{'redactedContent':'"
            + DATA + "'}}}}"),
        out::add);
    assertThat(types(out)).containsExactly("content_block_start", "content_block_stop");
    List<JsonObject> events = data(out);
    assertThat(str(events.get(0), "content_block.type")).isEqualTo("redacted_thinking");
    assertThat(str(events.get(0), "content_block.data")).isEqualTo(DATA);
    assertThat(num(events.get(1), "index")).isEqualTo(num(events.get(0), "index"));
  }

  @Test
  void chat_responses_and_google_targets_drop_it_as_a_keep_alive() {
    List<String> anthropic =
        List.of(
            "{'type':'message_start','message':{'id':'msg_1','type':'message','role':'assistant',"
                + "'model':'claude-sonnet-4-5','content':[],'stop_reason':null,'stop_sequence':null,"
                + "'usage':{'input_tokens':5,'output_tokens':1}}}",
            "{'type':'content_block_start','index':0,'content_block':{'type':'redacted_thinking','data':'"
                + DATA + "'}}",
            "{'type':'content_block_stop','index':0}",
            "{'type':'content_block_start','index':1,'content_block':{'type':'text','text':''}}",
            "{'type':'content_block_delta','index':1,'delta':{'type':'text_delta','text':'Hi.'}}",
            "{'type':'content_block_stop','index':1}",
            "{'type':'message_delta','delta':{'stop_reason':'end_turn','stop_sequence':null},"
                + "'usage':{'output_tokens':3}}",
            "{'type':'message_stop'}");
    for (ProviderFormat target : List.of(ProviderFormat.OPENAI, ProviderFormat.RESPONSES, ProviderFormat.GOOGLE)) {
      List<JsonObject> events = run(target, anthropic);
      assertThat(events.toString()).as(target.id()).doesNotContain(DATA).doesNotContain("redacted").contains("Hi.");
    }
    List<JsonObject> chat = run(ProviderFormat.OPENAI, anthropic.subList(1, 2));
    assertThat(chat).hasSize(1);
    assertThat(chat.get(0).getArray("choices").orElseThrow().size()).isZero();
  }

  @Test
  void stripping_keeps_everything_else_in_the_chunk() {
    JsonObject delta = RedactedReasoningPart.of(DATA).delta().with("content", dev.llmrouter.json.JsonString.of("x"));
    UniversalStreamChunk chunk =
        UniversalStreamChunk.of(
            Optional.of("id-1"),
            Optional.empty(),
            List.of(new StreamChoice(0, Optional.of(delta), Optional.empty())),
            Optional.empty(),
            Optional.empty());
    UniversalStreamChunk stripped = TranslatingStreamSession.withoutRedactedReasoning(chunk);
    assertThat(stripped.id()).contains("id-1");
    assertThat(stripped.choices()).hasSize(1);
    assertThat(new String(dev.llmrouter.json.JsonTree.write(stripped.toJson()), StandardCharsets.UTF_8))
        .doesNotContain(DATA)
        .contains("\"content\":\"x\"");
    assertThat(TranslatingStreamSession.withoutRedactedReasoning(UniversalStreamChunk.textDelta(0, "a")))
        .isEqualTo(UniversalStreamChunk.textDelta(0, "a"));
    UniversalStreamChunk only =
        UniversalStreamChunk.of(
            Optional.empty(),
            Optional.empty(),
            List.of(new StreamChoice(0, Optional.of(RedactedReasoningPart.of(DATA).delta()), Optional.empty())),
            Optional.empty(),
            Optional.empty());
    assertThat(TranslatingStreamSession.withoutRedactedReasoning(only).isKeepAlive()).isTrue();
  }
}
