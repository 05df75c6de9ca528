package dev.llmrouter.translate.converse;

import static dev.llmrouter.translate.converse.Json.assertJson;
import static dev.llmrouter.translate.converse.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Converse content blocks to and from IR messages (ports of lingua's bedrock/convert.rs tests and more). */
class ConverseMessagesTest {

  private static List<Message> read(String messages) {
    return ConverseMessages.toUniversal((JsonArray) json(messages));
  }

  private static ToolCallPart call(String id, String name, String args) {
    return ToolCallPart.of(id, name, ToolArguments.fromString(args));
  }

  // ---- lingua: Bedrock -> universal ---------------------------------------------------------------

  @Test
  void test_bedrock_message_to_universal_user() {
    List<Message> m = read("[{'role':'user','content':[{'text':'Hello'}]}]");
    assertThat(m).containsExactly(Message.user("Hello"));
  }

  @Test
  void test_bedrock_message_to_universal_assistant() {
    List<Message> m = read("[{'role':'assistant','content':[{'text':'Hi there!'}]}]");
    assertThat(m).containsExactly(Message.assistant(List.of(TextPart.of("Hi there!"))));
  }

  @Test
  void test_bedrock_message_to_universal_tool_use() {
    List<Message> m =
        read(
            "[{'role':'assistant','content':[{'toolUse':{'toolUseId':'tool_123','name':'get_weather',"
                + "'input':{'location':'SF'}}}]}]");
    ToolCallPart part = (ToolCallPart) m.get(0).content().get(0);
    assertThat(part.toolCallId()).isEqualTo("tool_123");
    assertThat(part.toolName()).isEqualTo("get_weather");
    assertThat(part.arguments().text()).isEqualTo("{\"location\":\"SF\"}");
    assertThat(part.providerOptions()).isEmpty();
  }

  @Test
  void test_bedrock_to_universal_simple() {
    assertThat(read("[{'role':'user','content':[{'text':'Hello'}]}]").get(0).text()).contains("Hello");
  }

  @Test
  void tool_results_become_a_tool_message() {
    List<Message> m =
        read(
            "[{'role':'user','content':[{'toolResult':{'toolUseId':'t1','content':[{'text':'72F'}]}},"
                + "{'toolResult':{'toolUseId':'t2','content':[{'json':{'a':1}}]}}]}]");
    assertThat(m).hasSize(1);
    assertThat(m.get(0).role()).isEqualTo(Role.TOOL);
    ToolResultPart first = (ToolResultPart) m.get(0).content().get(0);
    assertThat(first.toolCallId()).isEqualTo("t1");
    assertThat(first.toolName()).isEmpty();
    assertThat(first.output()).isEqualTo(JsonString.of("72F"));
    assertThat(first.providerOptions()).isEmpty();
    ToolResultPart second = (ToolResultPart) m.get(0).content().get(1);
    assertJson(second.output(), "{'a':1}");
    assertThat(second.providerOptions()).isPresent();
  }

  @Test
  void text_next_to_tool_results_follows_as_a_user_message() {
    List<Message> m =
        read(
            "[{'role':'user','content':[{'toolResult':{'toolUseId':'t1','content':[{'text':'ok'}]}},"
                + "{'text':'and now?'}]}]");
    assertThat(m).extracting(Message::role).containsExactly(Role.TOOL, Role.USER);
    assertThat(m.get(1).text()).contains("and now?");
  }

  @Test
  void several_blocks_stay_separate_parts() {
    List<Message> m =
        read(
            "[{'role':'user','content':[{'text':'a'},{'text':'b'},"
                + "{'image':{'format':'png','source':{'bytes':'iVBOR'}}}]}]");
    assertThat(m.get(0).stringContent()).isFalse();
    assertThat(m.get(0).content())
        .containsExactly(TextPart.of("a"), TextPart.of("b"), ImagePart.of("iVBOR", Optional.of("image/png")));
  }

  @Test
  void reasoning_blocks_keep_signatures_and_redacted_content() {
    List<Message> m =
        read(
            "[{'role':'assistant','content':[{'reasoningContent':{'reasoningText':{'text':'hmm','signature':'sig'}}},"
                + "{'reasoningContent':{'redactedContent':'opaque'}},{'text':'answer'}]}]");
    assertThat(m.get(0).content())
        .containsExactly(
            ReasoningPart.of("hmm", "sig"), RedactedReasoningPart.of("opaque"), TextPart.of("answer"));
  }

  @Test
  void empty_assistant_turn_is_one_empty_text_part() {
    assertThat(read("[{'role':'assistant','content':[]}]").get(0).content()).containsExactly(TextPart.of(""));
  }

  @Test
  void malformed_messages_are_client_errors_naming_the_field() {
    assertThatThrownBy(() -> read("[{'role':'system','content':[]}]"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages[0].role");
    assertThatThrownBy(() -> read("[{'role':'user'}]"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages[0].content");
    assertThatThrownBy(() -> read("[{'role':'user','content':[{'video':{'format':'mp4'}}]}]"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("video")
        .hasMessageContaining("messages[0].content[0]");
    assertThatThrownBy(() -> read("[{'role':'assistant','content':[{'toolUse':{'toolUseId':'x','name':'f'}}]}]"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages[0].content[0].toolUse.input");
    assertThatThrownBy(() -> read("[{'role':'user','content':[{'text':5}]}]"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages[0].content[0].text");
    assertThatThrownBy(() -> read("[3]")).isInstanceOf(TranslationException.class).hasMessageContaining("messages[0]");
  }

  // ---- lingua: universal -> Bedrock ---------------------------------------------------------------

  @Test
  void test_message_to_bedrock_user() {
    assertJson(
        ConverseMessages.fromUniversal(List.of(Message.user("Hello"))),
        "[{'role':'user','content':[{'text':'Hello'}]}]");
  }

  @Test
  void test_universal_to_bedrock_simple() {
    test_message_to_bedrock_user();
  }

  @Test
  void test_message_to_bedrock_rejects_file_content() {
    Message m =
        Message.user(
            List.of(
                new FilePart(
                    JsonString.of("https://example.com/sample.mp3"),
                    Optional.of("sample.mp3"),
                    "audio/mp3",
                    Optional.empty())));
    assertThatThrownBy(() -> ConverseMessages.fromUniversal(List.of(m)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("does not support file input");
  }

  @Test
  void test_message_to_bedrock_assistant() {
    assertJson(
        ConverseMessages.fromUniversal(List.of(Message.assistant("Hi there!"))),
        "[{'role':'assistant','content':[{'text':'Hi there!'}]}]");
  }

  @Test
  void test_message_to_bedrock_tool_call() {
    assertJson(
        ConverseMessages.fromUniversal(
            List.of(Message.assistant(List.of(call("tool_123", "get_weather", "{\"location\":\"SF\"}"))))),
        "[{'role':'assistant','content':[{'toolUse':{'toolUseId':'tool_123','name':'get_weather',"
            + "'input':{'location':'SF'}}}]}]");
  }

  @Test
  void test_universal_to_bedrock_with_tool_call() {
    test_message_to_bedrock_tool_call();
  }

  @Test
  void invalid_arguments_are_parsed_or_become_an_empty_object() {
    JsonArray out =
        ConverseMessages.fromUniversal(
            List.of(Message.assistant(List.of(call("a", "f", "[1,2]"), call("b", "f", "not json")))));
    assertJson(Json.at(out, "/0/content/0/toolUse/input").orElseThrow(), "[1,2]");
    assertJson(Json.at(out, "/0/content/1/toolUse/input").orElseThrow(), "{}");
  }

  @Test
  void test_universal_to_bedrock_drops_discovery_only_history() {
    ToolDiscoveryCallPart discovery =
        ToolDiscoveryCallPart.builder()
            .toolCallId("call_tool_search_123")
            .discoveryToolName("tool_search")
            .query("repo:example symbol")
            .status("completed")
            .execution("client")
            .build();
    ToolDiscoveryResultPart result =
        new ToolDiscoveryResultPart(
            "call_tool_search_123",
            "tool_search",
            List.of(ToolDiscoveryResultItem.of("search_code")),
            Optional.of("completed"),
            Optional.of("client"),
            Optional.empty());
    JsonArray out =
        ConverseMessages.fromUniversal(
            List.of(
                Message.user("Find the available tools."),
                Message.assistant(List.of(discovery)),
                Message.tool(List.of(result)),
                Message.user("Use the discovered tool list.")));
    assertJson(
        out,
        "[{'role':'user','content':[{'text':'Find the available tools.'}]},"
            + "{'role':'user','content':[{'text':'Use the discovered tool list.'}]}]");
  }

  @Test
  void test_universal_to_bedrock_preserves_redacted_reasoning() {
    assertJson(
        ConverseMessages.fromUniversal(
            List.of(Message.assistant(List.of(ReasoningPart.of("", "redacted-by-provider"))))),
        "[{'role':'assistant','content':[{'reasoningContent':{'redactedContent':'redacted-by-provider'}}]}]");
  }

  @Test
  void test_bedrock_output_message_redacted_reasoning_roundtrip() {
    JsonArray content = (JsonArray) json("[{'reasoningContent':{'redactedContent':'redacted-by-provider'}}]");
    Message m = ConverseMessages.assistantToUniversal(content, "output.message.content");
    assertJson(ConverseMessages.assistantBlocks(m, false), content.toJson());
  }

  @Test
  void test_universal_to_bedrock_coalesces_parallel_tool_results() {
    JsonArray out =
        ConverseMessages.fromUniversal(
            List.of(
                Message.assistant(
                    List.of(
                        call("call_sf", "get_weather", "{\"location\":\"San Francisco, CA\"}"),
                        call("call_nyc", "get_weather", "{\"location\":\"New York, NY\"}"))),
                Message.tool(List.of(ToolResultPart.of("call_sf", "get_weather", "65F and sunny."))),
                Message.tool(List.of(ToolResultPart.of("call_nyc", "get_weather", "45F and cloudy.")))));
    assertThat(out.size()).isEqualTo(2);
    assertJson(
        out.get(1),
        "{'role':'user','content':["
            + "{'toolResult':{'toolUseId':'call_sf','content':[{'text':'65F and sunny.'}]}},"
            + "{'toolResult':{'toolUseId':'call_nyc','content':[{'text':'45F and cloudy.'}]}}]}");
  }

  @Test
  void system_and_developer_messages_become_system_blocks_with_cache_points() {
    // Deviation from lingua ("System: " user turns): real system blocks, cache points where marked.
    JsonArray system =
        ConverseMessages.systemBlocks(
            List.of(
                Message.system("Always say ok."),
                Message.developer(
                    List.of(
                        TextPart.of("a").withCacheControl(Optional.of(CacheControl.EPHEMERAL)),
                        TextPart.of("b")))),
            true);
    assertJson(
        system,
        "[{'text':'Always say ok.'},{'text':'a'},{'cachePoint':{'type':'default'}},{'text':'b'}]");
    JsonArray withoutCachePoints =
        ConverseMessages.systemBlocks(
            List.of(Message.system(List.of(TextPart.of("a").withCacheControl(Optional.of(CacheControl.EPHEMERAL))))),
            false);
    assertJson(withoutCachePoints, "[{'text':'a'}]");
    assertThatThrownBy(() -> ConverseMessages.fromUniversal(List.of(Message.system("x"))))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("system");
  }

  @Test
  void a_cache_point_block_marks_the_text_before_it() {
    List<Message> messages =
        read("[{'role':'user','content':[{'text':'ctx'},{'cachePoint':{'type':'default'}},{'text':'q'}]}]");
    Message user = messages.get(0);
    assertThat(((TextPart) user.content().get(0)).cacheControl()).contains(CacheControl.EPHEMERAL);
    assertThat(((TextPart) user.content().get(1)).cacheControl()).isEmpty();
    // And back out to a model that takes cache points.
    assertJson(
        ConverseMessages.fromUniversal(messages, true),
        "[{'role':'user','content':[{'text':'ctx'},{'cachePoint':{'type':'default'}},{'text':'q'}]}]");
  }


  @Test
  void structured_tool_output_is_written_as_sorted_compact_text() {
    JsonArray out =
        ConverseMessages.fromUniversal(
            List.of(Message.tool(List.of(ToolResultPart.of("c", "", json("{'b':[1],'a':\"x\"}"))))));
    assertThat(Json.at(out, "/0/content/0/toolResult/content/0/text")).contains(JsonString.of("{\"a\":\"x\",\"b\":[1]}"));
  }

  @Test
  void images_use_the_media_type_format_and_urls_go_into_bytes() {
    JsonArray out =
        ConverseMessages.fromUniversal(
            List.of(
                Message.user(
                    List.of(
                        ImagePart.of("https://example.com/a.jpg", Optional.empty()),
                        ImagePart.of("AAAA", Optional.of("image/webp")),
                        ImagePart.of("BBBB", Optional.of("image/tiff"))))));
    assertJson(
        out,
        "[{'role':'user','content':["
            + "{'image':{'format':'jpeg','source':{'bytes':'https://example.com/a.jpg'}}},"
            + "{'image':{'format':'webp','source':{'bytes':'AAAA'}}},"
            + "{'image':{'format':'jpeg','source':{'bytes':'BBBB'}}}]}]");
  }

  @Test
  void openai_encrypted_reasoning_cannot_be_replayed() {
    Message m = Message.assistant(List.of(ReasoningPart.of("", "gAAAAABqfNlzeppq")));
    assertThatThrownBy(() -> ConverseMessages.fromUniversal(List.of(m)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("OpenAI encrypted reasoning");
    // Anthropic/Bedrock signatures replay fine.
    Message ok = Message.assistant(List.of(ReasoningPart.of("t", "EqQBCkYIBxgC")));
    assertJson(
        ConverseMessages.fromUniversal(List.of(ok)),
        "[{'role':'assistant','content':[{'reasoningContent':{'reasoningText':{'text':'t','signature':'EqQBCkYIBxgC'}}}]}]");
  }

  @Test
  void additional_tools_messages_are_refused() {
    Message m = Message.additionalTools(List.of(), Optional.empty());
    assertThatThrownBy(() -> ConverseMessages.fromUniversal(List.of(m))).isInstanceOf(TranslationException.class);
  }

  // ---- Same-format fidelity -----------------------------------------------------------------------

  private static void assertRoundTrip(String messages) {
    JsonArray in = (JsonArray) json(messages);
    assertJson(ConverseMessages.fromUniversal(ConverseMessages.toUniversal(in)), in.toJson());
  }

  @Test
  void tool_use_extra_keys_round_trip() {
    assertRoundTrip(
        "[{'role':'assistant','content':[{'toolUse':{'toolUseId':'t','name':'f','input':{'x':1},'type':'tool_use'}}]}]");
  }

  @Test
  void images_documents_and_text_blocks_round_trip() {
    assertRoundTrip(
        "[{'role':'user','content':[{'document':{'name':'notes','format':'txt','source':{'bytes':{'0':66}}}},"
            + "{'text':'Answer using the document.'},"
            + "{'image':{'format':'jpeg','source':{'bytes':{'type':'Buffer','data':[255,216]}}}},"
            + "{'image':{'format':'gif','source':{'bytes':'R0lG'}}}]}]");
  }

  @Test
  void rich_tool_results_round_trip() {
    assertRoundTrip(
        "[{'role':'user','content':[{'toolResult':{'toolUseId':'t','content':[{'json':{'a':1}},{'text':'x'}],"
            + "'status':'error'}}]}]");
  }

  @Test
  void documents_become_file_parts_with_their_media_type() {
    Message m =
        read("[{'role':'user','content':[{'document':{'name':'r','format':'pdf','source':{'bytes':'JVBER'}}}]}]")
            .get(0);
    FilePart f = (FilePart) m.content().get(0);
    assertThat(f.mediaType()).isEqualTo("application/pdf");
    assertThat(f.filename()).contains("r");
    assertThat(f.data()).isEqualTo(JsonString.of("JVBER"));
  }

  @Test
  void system_blocks_become_one_system_message() {
    assertThat(ConverseMessages.systemToUniversal(json("[{'text':'Be brief.'}]"))).contains(Message.system("Be brief."));
    assertThat(ConverseMessages.systemToUniversal(json("[{'text':'a'},{'cachePoint':{'type':'default'}},{'text':'b'}]")))
        .contains(Message.system(List.of(TextPart.of("a"), TextPart.of("b"))));
    assertThat(ConverseMessages.systemToUniversal(null)).isEmpty();
    assertThatThrownBy(() -> ConverseMessages.systemToUniversal(json("'x'")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("system");
  }
}
