package dev.llmrouter.translate.anthropic;

import static dev.llmrouter.translate.anthropic.AJ.at;
import static dev.llmrouter.translate.anthropic.AJ.obj;
import static dev.llmrouter.translate.anthropic.AJ.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.Translator;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Anthropic {@code redacted_thinking} blocks survive the translation layer: read into the IR as {@link
 * RedactedReasoningPart}, written back unchanged in requests, responses and stream events, and dropped
 * without an error for targets that cannot carry them.
 */
class RedactedThinkingAnthropicTest {

  /** An opaque payload as Claude sends it (base64-like, with '+', '/' and '=' that must not be altered). */
  static final String DATA = "EmwKAhgBEgy3va3pzix/LafPsn4aDFa+x0w9ZJ8bT3e1=";

  static final String REQUEST =
      "{'model':'claude-sonnet-4-5-20250929','max_tokens':2048,"
          + "'thinking':{'type':'enabled','budget_tokens':1024},"
          + "'tools':[{'name':'get_weather','description':'Weather','input_schema':{'type':'object',"
          + "'properties':{'city':{'type':'string'}}}}],"
          + "'messages':[{'role':'user','content':'Weather in Paris?'},"
          + "{'role':'assistant','content':["
          + "{'type':'thinking','thinking':'Let me check.','signature':'sig-1'},"
          + "{'type':'redacted_thinking','data':'" + DATA + "'},"
          + "{'type':'tool_use','id':'toolu_1','name':'get_weather','input':{'city':'Paris'}}]},"
          + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'toolu_1','content':'18C'}]}]}";

  static final String RESPONSE =
      "{'id':'msg_1','type':'message','role':'assistant','model':'claude-sonnet-4-5-20250929',"
          + "'content':[{'type':'thinking','thinking':'Hmm.','signature':'sig-2'},"
          + "{'type':'redacted_thinking','data':'" + DATA + "'},"
          + "{'type':'text','text':'It is 18C.'}],"
          + "'stop_reason':'end_turn','stop_sequence':null,'usage':{'input_tokens':10,'output_tokens':20}}";

  private final AnthropicCodec codec = new AnthropicCodec();

  private static byte[] bytes(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject body(RequestTransform t) {
    return (JsonObject) JsonTree.parse(t.body());
  }

  @Test
  void request_reads_redacted_thinking_in_order_and_writes_it_back_unchanged() {
    JsonObject request = obj(REQUEST);
    UniversalRequest universal = codec.requestToUniversal(request);
    Message assistant = universal.messages().get(1);
    assertThat(assistant.role()).isEqualTo(Role.ASSISTANT);
    assertThat(assistant.content()).hasSize(3);
    assertThat(assistant.content().get(0)).isEqualTo(ReasoningPart.of("Let me check.", "sig-1"));
    assertThat(assistant.content().get(1)).isEqualTo(RedactedReasoningPart.of(DATA));
    assertThat(assistant.content().get(2)).isInstanceOf(ToolCallPart.class);

    JsonObject out = codec.requestFromUniversal(universal);
    JsonValue expected = at(request, "/messages/1/content");
    assertThat(JsonTree.canonicalEquals(at(out, "/messages/1/content"), expected))
        .as(String.valueOf(at(out, "/messages/1/content")))
        .isTrue();
  }

  @Test
  void redacted_block_without_string_data_is_skipped_as_before() {
    UniversalRequest universal =
        codec.requestToUniversal(
            obj("{'model':'m','max_tokens':5,'messages':[{'role':'user','content':'hi'},"
                + "{'role':'assistant','content':[{'type':'redacted_thinking'},{'type':'text','text':'a'}]}]}"));
    assertThat(universal.messages().get(1).partsOf(RedactedReasoningPart.class)).isEmpty();
  }

  @Test
  void response_round_trip_keeps_the_redacted_block_between_its_neighbours() {
    JsonObject response = obj(RESPONSE);
    UniversalResponse universal = codec.responseToUniversal(response);
    assertThat(universal.messages().get(0).partsOf(RedactedReasoningPart.class))
        .containsExactly(RedactedReasoningPart.of(DATA));
    JsonObject out = codec.responseFromUniversal(universal);
    JsonArray content = (JsonArray) at(out, "/content");
    assertThat(content.size()).isEqualTo(3);
    assertThat(str(out, "/content/0/type")).isEqualTo("thinking");
    assertThat(JsonTree.canonicalEquals(content.get(1), obj("{'type':'redacted_thinking','data':'" + DATA + "'}")))
        .isTrue();
    assertThat(str(out, "/content/2/text")).isEqualTo("It is 18C.");
  }

  @Test
  void stream_block_start_becomes_a_redacted_delta_and_back_a_balanced_block() {
    Optional<UniversalStreamChunk> chunk =
        codec.streamToUniversal(
            obj("{'type':'content_block_start','index':1,"
                + "'content_block':{'type':'redacted_thinking','data':'" + DATA + "'}}"));
    assertThat(chunk).isPresent();
    assertThat(chunk.get().isKeepAlive()).isFalse();
    assertThat(chunk.get().choices()).hasSize(1);
    assertThat(chunk.get().choices().get(0).index()).isEqualTo(1);
    assertThat(chunk.get().choices().get(0).delta().flatMap(RedactedReasoningPart::fromDelta))
        .contains(RedactedReasoningPart.of(DATA));

    List<JsonObject> events = codec.streamEventsFromUniversal(chunk.get());
    assertThat(events).hasSize(2);
    assertThat(
            JsonTree.canonicalEquals(
                events.get(0),
                obj("{'type':'content_block_start','index':1,"
                    + "'content_block':{'type':'redacted_thinking','data':'" + DATA + "'}}")))
        .as(events.get(0).toString())
        .isTrue();
    assertThat(JsonTree.canonicalEquals(events.get(1), obj("{'type':'content_block_stop','index':1}"))).isTrue();
  }

  @Test
  void stream_block_start_without_data_stays_a_keep_alive() {
    assertThat(
            codec
                .streamToUniversal(
                    obj("{'type':'content_block_start','index':0,'content_block':{'type':'redacted_thinking'}}"))
                .orElseThrow()
                .isKeepAlive())
        .isTrue();
  }

  @Test
  void bedrock_and_vertex_anthropic_targets_carry_the_block() {
    for (ProviderFormat target : List.of(ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.VERTEX_ANTHROPIC)) {
      RequestTransform t =
          Translator.transformRequest(
              bytes(REQUEST), target, Optional.of("us.anthropic.claude-haiku-4-5-20251001-v1:0"));
      JsonObject out = body(t);
      JsonArray content = (JsonArray) at(out, "/messages/1/content");
      assertThat(content).as(target + ": " + out).isNotNull();
      assertThat(content.size()).as(target.id()).isEqualTo(3);
      assertThat(str(out, "/messages/1/content/1/type")).as(target.id()).isEqualTo("redacted_thinking");
      assertThat(str(out, "/messages/1/content/1/data")).as(target.id()).isEqualTo(DATA);
    }
  }

  @Test
  void targets_without_redacted_reasoning_drop_it_without_an_error() {
    for (ProviderFormat target : List.of(ProviderFormat.OPENAI, ProviderFormat.RESPONSES, ProviderFormat.GOOGLE)) {
      RequestTransform t = Translator.transformRequest(bytes(REQUEST), target, Optional.of("gpt-4o"));
      String out = new String(t.body(), StandardCharsets.UTF_8);
      assertThat(t.isPassthrough()).as(target.id()).isFalse();
      assertThat(out).as(target.id()).doesNotContain(DATA).contains("toolu_1").contains("Let me check.");
    }
  }

  @Test
  void chat_response_drops_it_without_an_error() {
    byte[] out =
        Translator.transformResponse(bytes(RESPONSE), ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI).body();
    JsonObject chat = (JsonObject) JsonTree.parse(out);
    assertThat(new String(out, StandardCharsets.UTF_8)).doesNotContain(DATA);
    assertThat(str(chat, "/choices/0/message/content")).isEqualTo("It is 18C.");
    assertThat(str(chat, "/choices/0/message/reasoning")).isEqualTo("Hmm.");
  }
}
