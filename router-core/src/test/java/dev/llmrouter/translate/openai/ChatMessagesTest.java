package dev.llmrouter.translate.openai;

import static dev.llmrouter.translate.openai.ChatCompletionsCodecTest.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Chat message conversions (ports of the Chat tests of lingua's openai/convert.rs, plus our own). */
class ChatMessagesTest {

  private static JsonValue json(String s) {
    return JsonTree.parse(s.replace('\'', '"'));
  }

  private static Message request(String message) {
    return ChatMessages.toUniversal(JsonArray.of(json(message)), "messages").get(0);
  }

  private static JsonObject toChat(Message m) {
    return (JsonObject) ChatMessages.fromUniversal(List.of(m)).get(0);
  }

  private static Message response(String message) {
    return ChatMessages.responseMessageToUniversal(json(message), "message");
  }

  private static JsonObject toResponse(Message m) {
    return ChatMessages.responseMessageFromUniversal(m, "message");
  }

  private static List<String> signatures(Message m) {
    List<String> out = new ArrayList<>();
    for (Part p : m.content()) {
      if (p instanceof ReasoningPart r) {
        r.encryptedContent().ifPresent(out::add);
      } else if (p instanceof ToolCallPart c) {
        c.encryptedContent().ifPresent(out::add);
      }
    }
    return out;
  }

  private static ToolCallPart call(String id, String name, String signature) {
    return ToolCallPart.builder()
        .toolCallId(id)
        .toolName(name)
        .arguments(ToolArguments.fromString("{}"))
        .encryptedContent(signature)
        .build();
  }

  private static final TextPart CACHED_TEXT =
      TextPart.builder().text("Cached context.").cacheControl(CacheControl.EPHEMERAL).build();

  // ---- Basic roles ------------------------------------------------------------------------------

  @Test
  void stringAndPartContent() {
    assertThat(request("{'role':'system','content':'Be brief.'}")).isEqualTo(Message.system("Be brief."));
    assertThat(request("{'role':'developer','content':'Rules'}")).isEqualTo(Message.developer("Rules"));
    Message user =
        request(
            "{'role':'user','name':'bob','content':[{'type':'text','text':'Describe.'},"
                + "{'type':'image_url','image_url':{'url':'https://example.com/a.png','detail':'high'}}]}");
    assertThat(user.content())
        .containsExactly(TextPart.of("Describe."), ImagePart.of("https://example.com/a.png", Optional.empty()));
  }

  @Test
  void dataUrlImagesAreSplitAndRebuilt() {
    Message user =
        request("{'role':'user','content':[{'type':'image_url','image_url':{'url':'data:image/png;base64,iVBORw0K'}}]}");
    assertThat(user.content()).containsExactly(ImagePart.of("iVBORw0K", Optional.of("image/png")));
    assertJson(
        toChat(user),
        "{'role':'user','content':[{'type':'image_url','image_url':{'url':'data:image/png;base64,iVBORw0K'}}]}");
    // Raw base64 without a media type gets the default image/jpeg.
    assertJson(
        toChat(Message.user(List.of(ImagePart.of("AAAA", Optional.empty())))),
        "{'role':'user','content':[{'type':'image_url','image_url':{'url':'data:image/jpeg;base64,AAAA'}}]}");
  }

  @Test
  void inputAudioAndRefusalPartsAreRejected() {
    assertThatThrownBy(
            () ->
                request(
                    "{'role':'user','content':[{'type':'input_audio','input_audio':{'data':'AAAA','format':'wav'}}]}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("input_audio");
    assertThatThrownBy(() -> request("{'role':'user','content':[{'type':'refusal','refusal':'no'}]}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("refusal");
  }

  @Test
  void toolMessagesParseJsonOutputAndWriteItBackSorted() {
    Message tool = request("{'role':'tool','tool_call_id':'call_1','content':'{\\'b\\':1,\\'a\\':[2]}'}");
    ToolResultPart r = (ToolResultPart) tool.content().get(0);
    assertThat(r.toolCallId()).isEqualTo("call_1");
    assertThat(r.toolName()).isEmpty();
    assertJson(r.output(), "{'b':1,'a':[2]}");
    assertJson(toChat(tool), "{'role':'tool','tool_call_id':'call_1','content':'{\\'a\\':[2],\\'b\\':1}'}");
    Message text = request("{'role':'tool','tool_call_id':'call_2','content':[{'type':'text','text':'71 degrees'}]}");
    assertJson(toChat(text), "{'role':'tool','tool_call_id':'call_2','content':'71 degrees'}");
    assertThatThrownBy(() -> request("{'role':'tool','content':'x'}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("tool_call_id");
  }

  @Test
  void multipleToolResultsBecomeOneMessageEach() {
    Message tool =
        Message.tool(
            List.of(ToolResultPart.of("a", "f", "one"), ToolResultPart.of("b", "g", JsonString.of("two"))));
    JsonArray out = ChatMessages.fromUniversal(List.of(tool));
    assertJson(
        out,
        "[{'role':'tool','tool_call_id':'a','content':'one'},{'role':'tool','tool_call_id':'b','content':'two'}]");
  }

  @Test
  void legacyFunctionMessages() {
    Message m = request("{'role':'function','name':'lookup','content':'42'}");
    assertThat(m.content()).containsExactly(ToolResultPart.of("lookup", "lookup", "42"));
  }

  @Test
  void assistantContentShapes() {
    assertThat(request("{'role':'assistant','content':'hi'}")).isEqualTo(Message.assistant("hi"));
    assertThat(request("{'role':'assistant','content':''}")).isEqualTo(Message.assistant(""));
    assertThat(request("{'role':'assistant','content':null}")).isEqualTo(Message.assistant(""));
    Message calls =
        request(
            "{'role':'assistant','content':null,'tool_calls':[{'id':'c1','type':'function',"
                + "'function':{'name':'f','arguments':'{\\'x\\':1}'}},"
                + "{'id':'c2','type':'custom','custom':{'name':'g','input':'raw'}}]}");
    assertThat(calls.content()).hasSize(1); // custom calls are dropped, as lingua does
    assertJson(
        toChat(calls),
        "{'role':'assistant','tool_calls':[{'id':'c1','type':'function','function':{'name':'f','arguments':'{\\'x\\':1}'}}]}");
  }

  // ---- Reasoning ------------------------------------------------------------------------------

  @Test
  void request_message_reasoning_accepts_array_objects() {
    Message m =
        request(
            "{'role':'assistant','content':'The Greek name for the Sun is Helios.',"
                + "'reasoning':[{'id':'reasoning_1','content':'Identify Greek name for Sun.'}]}");
    assertThat(m.partsOf(ReasoningPart.class)).containsExactly(ReasoningPart.of("Identify Greek name for Sun."));
  }

  @Test
  void reasoningContentAliasIsAccepted() {
    Message m = request("{'role':'assistant','content':'ok','reasoning_content':'thought'}");
    assertThat(m.partsOf(ReasoningPart.class)).containsExactly(ReasoningPart.of("thought"));
    assertThatThrownBy(() -> request("{'role':'assistant','content':'ok','reasoning':'a','reasoning_content':'b'}"))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void request_message_reasoning_signature_applies_to_tool_calls() {
    Message m =
        request(
            "{'role':'assistant','content':'','reasoning_signature':'thought_signature_123',"
                + "'tool_calls':[{'id':'call_123','type':'function','function':{'name':'get_summary','arguments':'{}'}}]}");
    assertThat(m.partsOf(ToolCallPart.class).get(0).encryptedContent()).contains("thought_signature_123");
  }

  @Test
  void request_scalar_reasoning_signature_applies_to_reasoning_and_tool_calls() {
    Message m =
        request(
            "{'role':'assistant','content':'','reasoning':'thinking','reasoning_signature':'thought_signature_123',"
                + "'tool_calls':[{'id':'call_123','type':'function','function':{'name':'get_summary','arguments':'{}'}}]}");
    assertThat(signatures(m)).containsExactly("thought_signature_123", "thought_signature_123");
  }

  @Test
  void request_scalar_signature_applies_to_multiple_tool_calls() {
    Message m =
        request(
            "{'role':'assistant','content':'','reasoning_signature':'signature_123','tool_calls':["
                + "{'id':'call_1','type':'function','function':{'name':'first','arguments':'{}'}},"
                + "{'id':'call_2','type':'function','function':{'name':'second','arguments':'{}'}}]}");
    assertThat(signatures(m)).containsExactly("signature_123", "signature_123");
  }

  @Test
  void empty_request_reasoning_replays_positional_tool_signatures() {
    Message m =
        request(
            "{'role':'assistant','content':'','reasoning':[],'reasoning_signature':['signature_123'],"
                + "'tool_calls':[{'id':'call_123','type':'function','function':{'name':'lookup','arguments':'{}'}}]}");
    assertThat(m.content().get(0)).isInstanceOf(ToolCallPart.class);
    assertThat(signatures(m)).containsExactly("signature_123");
  }

  @Test
  void request_rejects_unmatched_positional_tool_signatures() {
    assertThatThrownBy(
            () ->
                request(
                    "{'role':'assistant','content':'','reasoning_signature':['signature_one','signature_two'],"
                        + "'tool_calls':[{'id':'call_123','type':'function','function':{'name':'lookup','arguments':'{}'}}]}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("2 entries for 1 function tool calls");
  }

  @Test
  void multipleSignaturesWithReasoningBecomeOneReasoningPartEach() {
    Message m = request("{'role':'assistant','content':'','reasoning':'','reasoning_signature':['a','b','c']}");
    assertThat(m.content())
        .containsExactly(ReasoningPart.of("", "a"), ReasoningPart.of("", "b"), ReasoningPart.of("", "c"));
    assertJson(toChat(m), "{'role':'assistant','content':'','reasoning':'','reasoning_signature':['a','b','c']}");
  }

  @Test
  void response_message_tool_call_signature_becomes_reasoning_signature() {
    Message m =
        Message.assistant(
            List.of(
                ToolCallPart.builder()
                    .toolCallId("call_123")
                    .toolName("list_collections")
                    .arguments(ToolArguments.fromString("{\"database\":\"mydb\"}"))
                    .encryptedContent("dGhvdWdodF9zaWduYXR1cmVfMTIz")
                    .build()));
    assertJson(
        toResponse(m),
        "{'role':'assistant','annotations':[],'reasoning_signature':'dGhvdWdodF9zaWduYXR1cmVfMTIz',"
            + "'tool_calls':[{'id':'call_123','type':'function','function':{'name':'list_collections',"
            + "'arguments':'{\\'database\\':\\'mydb\\'}'}}]}");
  }

  @Test
  void multiple_reasoning_signatures_round_trip() {
    Message m =
        Message.assistant(
            List.of(
                ReasoningPart.of("first reasoning step", "signature_one"),
                ReasoningPart.of("second reasoning step", "signature_two"),
                call("call_123", "lookup_weather", null)));
    JsonObject chat = toResponse(m);
    assertJson(chat.getOrNull("reasoning_signature"), "['signature_one','signature_two']");
    Message reparsed = request(chat.toJson());
    assertThat(reparsed.partsOf(ReasoningPart.class).stream().map(r -> r.encryptedContent().orElseThrow()))
        .containsExactly("signature_one", "signature_two");
    assertJson(toChat(reparsed).getOrNull("content"), "''");
  }

  @Test
  void response_message_deduplicates_shared_reasoning_and_tool_signature() {
    Message m =
        response(
            "{'role':'assistant','content':'','reasoning':'reasoning','reasoning_signature':'signature_123',"
                + "'tool_calls':[{'id':'call_123','type':'function','function':{'name':'lookup','arguments':'{}'}}]}");
    assertJson(toResponse(m).getOrNull("reasoning_signature"), "'signature_123'");
  }

  @Test
  void response_message_preserves_reasoning_only_signature_vector_with_tool_call() {
    Message m =
        response(
            "{'role':'assistant','content':'','reasoning':'reasoning','reasoning_signature':['signature_123'],"
                + "'tool_calls':[{'id':'call_123','type':'function','function':{'name':'lookup','arguments':'{}'}}]}");
    JsonObject back = toResponse(m);
    assertJson(back.getOrNull("reasoning_signature"), "['signature_123']");
    Message replayed = response(back.toJson());
    assertThat(((ToolCallPart) replayed.content().get(1)).encryptedContent()).isEmpty();
  }

  @Test
  void response_message_preserves_duplicate_reasoning_only_signatures() {
    Message m =
        Message.assistant(List.of(ReasoningPart.of("first", "signature_123"), ReasoningPart.of("second", "signature_123")));
    assertJson(toResponse(m).getOrNull("reasoning_signature"), "['signature_123','signature_123']");
  }

  @Test
  void response_message_preserves_duplicate_positional_tool_signatures() {
    Message m =
        response(
            "{'role':'assistant','reasoning_signature':['signature_one','signature_one','signature_two'],'tool_calls':["
                + "{'id':'call_1','type':'function','function':{'name':'first','arguments':'{}'}},"
                + "{'id':'call_2','type':'function','function':{'name':'second','arguments':'{}'}},"
                + "{'id':'call_3','type':'function','function':{'name':'third','arguments':'{}'}}]}");
    assertJson(toResponse(m).getOrNull("reasoning_signature"), "['signature_one','signature_one','signature_two']");
  }

  @Test
  void response_message_preserves_mixed_tool_signature_slots_as_scalar() {
    Message m = Message.assistant(List.of(call("call_1", "first", null), call("call_2", "second", "signature_123")));
    assertJson(toResponse(m).getOrNull("reasoning_signature"), "'signature_123'");
  }

  @Test
  void response_message_preserves_distinct_tool_call_signatures() {
    Message m =
        Message.assistant(List.of(call("call_1", "first_tool", "signature_one"), call("call_2", "second_tool", "signature_two")));
    assertJson(toResponse(m).getOrNull("reasoning_signature"), "['signature_one','signature_two']");
  }

  @Test
  void response_message_rejects_mixed_reasoning_and_tool_signature_provenance() {
    Message m =
        Message.assistant(
            List.of(ReasoningPart.of("reasoning", "reasoning_signature"), call("call_123", "lookup", "tool_signature")));
    assertThatThrownBy(() -> toResponse(m))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("distinct reasoning and tool-call provenance");
  }

  // ---- Cache breakpoints ----------------------------------------------------------------------

  @Test
  void chat_completions_prompt_cache_breakpoint_imports_as_cache_control() {
    Message m =
        request(
            "{'role':'user','content':[{'type':'text','text':'Use the cached reference text.',"
                + "'prompt_cache_breakpoint':{'mode':'explicit'}}]}");
    assertThat(((TextPart) m.content().get(0)).cacheControl()).contains(CacheControl.EPHEMERAL);
  }

  @Test
  void chat_completions_assistant_prompt_cache_breakpoint_imports_as_cache_control() {
    Message m =
        request(
            "{'role':'assistant','content':[{'type':'text','text':'Cached assistant prefill.',"
                + "'prompt_cache_breakpoint':{'mode':'explicit'}}]}");
    assertThat(m.stringContent()).isFalse();
    assertThat(((TextPart) m.content().get(0)).cacheControl()).contains(CacheControl.EPHEMERAL);
  }

  @Test
  void chat_completions_cache_control_content_part_keeps_ttl() {
    Message m =
        request(
            "{'role':'user','content':[{'type':'text','text':'Use the cached reference text.',"
                + "'cache_control':{'type':'ephemeral','ttl':'1h'}},{'type':'text','text':'Now summarize it.'}]}");
    assertThat(((TextPart) m.content().get(0)).cacheControl())
        .contains(CacheControl.of(CacheControl.Ttl.ONE_HOUR));
    assertThat(((TextPart) m.content().get(1)).cacheControl()).isEmpty();
  }

  @Test
  void messageLevelCacheControlOnStringContent() {
    Message m = request("{'role':'user','content':'Hello','cache_control':{'type':'ephemeral'}}");
    assertThat(m.stringContent()).isFalse();
    assertThat(((TextPart) m.content().get(0)).cacheControl()).contains(CacheControl.EPHEMERAL);
  }

  @Test
  void chat_completions_media_cache_breakpoints_are_rejected() {
    assertThatThrownBy(
            () ->
                request(
                    "{'role':'user','content':[{'type':'image_url','image_url':{'url':'https://example.com/image.jpg'},"
                        + "'prompt_cache_breakpoint':{'mode':'explicit'}}]}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("image_url");
    assertThatThrownBy(
            () ->
                request(
                    "{'role':'user','content':[{'type':'file','file':{'file_data':'U2FtcGxlIHRleHQu','filename':'Doc.txt'},"
                        + "'prompt_cache_breakpoint':{'mode':'explicit'}}]}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("file");
  }

  @Test
  void universal_cache_control_emits_chat_completions_prompt_cache_breakpoint() {
    assertJson(
        toChat(Message.user(List.of(CACHED_TEXT))),
        "{'role':'user','content':[{'type':'text','text':'Cached context.','cache_control':{'type':'ephemeral'},"
            + "'prompt_cache_breakpoint':{'mode':'explicit'}}]}");
    assertJson(
        toChat(Message.assistant(List.of(CACHED_TEXT))),
        "{'role':'assistant','content':[{'type':'text','text':'Cached context.','cache_control':{'type':'ephemeral'},"
            + "'prompt_cache_breakpoint':{'mode':'explicit'}}]}");
  }

  @Test
  void chat_completions_rejects_unsupported_cache_ttls() {
    for (CacheControl.Ttl ttl : CacheControl.Ttl.values()) {
      TextPart part = CACHED_TEXT.withCacheControl(Optional.of(CacheControl.of(ttl)));
      assertThatThrownBy(() -> toChat(Message.user(List.of(part))))
          .isInstanceOf(TranslationException.class)
          .hasMessageContaining(ttl.wire())
          .hasMessageContaining("Chat Completions");
      assertThatThrownBy(() -> toChat(Message.assistant(List.of(part))))
          .isInstanceOf(TranslationException.class)
          .hasMessageContaining(ttl.wire());
    }
  }

  // ---- Files ----------------------------------------------------------------------------------

  @Test
  void chat_completions_file_imports_back_to_text_file() {
    Message m =
        request("{'role':'user','content':[{'type':'file','file':{'file_data':'U2FtcGxlIHRleHQu','filename':'Doc.txt'}}]}");
    assertThat(m.content())
        .containsExactly(new FilePart(JsonString.of("Sample text."), Optional.of("Doc.txt"), "text/plain", Optional.empty()));
  }

  @Test
  void textFilesWithoutAKnownExtensionLoseTheirName() {
    Message m =
        request(
            "{'role':'user','content':[{'type':'file','file':{'file_data':'data:text/plain;base64,U2FtcGxlIHRleHQu',"
                + "'filename':'notes'}}]}");
    assertThat(m.content())
        .containsExactly(new FilePart(JsonString.of("Sample text."), Optional.empty(), "text/plain", Optional.empty()));
  }

  @Test
  void binaryDataUrlsKeepTheirMediaType() {
    Message m =
        request(
            "{'role':'user','content':[{'type':'file','file':{'file_data':'data:application/pdf;base64,JVBERi0xLjQK/w==',"
                + "'filename':'a.pdf'}}]}");
    assertThat(m.content())
        .containsExactly(
            new FilePart(JsonString.of("JVBERi0xLjQK/w=="), Optional.of("a.pdf"), "application/pdf", Optional.empty()));
  }

  @Test
  void chat_completions_url_backed_file_infers_audio_mime_type_from_filename() {
    Message m =
        request(
            "{'role':'user','content':[{'type':'file','file':{'file_data':'https://example.com/media','filename':'sample-3s.mp3'}}]}");
    assertThat(((FilePart) m.content().get(0)).mediaType()).isEqualTo("audio/mp3");
  }

  @Test
  void chat_completions_gcs_backed_file_preserves_uri_and_infers_video_mime_type() {
    Message m =
        request("{'role':'user','content':[{'type':'file','file':{'file_data':'gs://lingua-test-bucket/sample-200mb.mp4'}}]}");
    FilePart f = (FilePart) m.content().get(0);
    assertJson(f.data(), "'gs://lingua-test-bucket/sample-200mb.mp4'");
    assertThat(f.mediaType()).isEqualTo("video/mp4");
  }

  @Test
  void fileIdsAreRejected() {
    assertThatThrownBy(() -> request("{'role':'user','content':[{'type':'file','file':{'file_id':'file-123'}}]}"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("file_id");
  }

  @Test
  void user_file_is_not_supported_for_chat_completions() {
    for (String data : new String[] {"Sample text.", "https://example.com/doc.txt"}) {
      Message m = Message.user(List.of(FilePart.of(data, "text/plain")));
      assertThatThrownBy(() -> toChat(m))
          .isInstanceOf(TranslationException.class)
          .hasMessageContaining("is not supported by OpenAI ChatCompletions");
    }
  }

  // ---- Tool discovery -------------------------------------------------------------------------

  @Test
  void chat_messages_project_tool_discovery_history() {
    ToolDiscoveryCallPart call =
        ToolDiscoveryCallPart.builder()
            .toolCallId("call_tool_search_123")
            .discoveryToolName("tool_search")
            .arguments(JsonObject.empty())
            .status("completed")
            .execution("server")
            .build();
    ToolDiscoveryResultPart result =
        new ToolDiscoveryResultPart(
            "call_tool_search_123",
            "tool_search",
            List.of(ToolDiscoveryResultItem.of("search_code")),
            Optional.of("completed"),
            Optional.of("server"),
            Optional.empty());
    JsonArray out =
        ChatMessages.fromUniversal(List.of(Message.assistant(List.of(call)), Message.tool(List.of(result))));
    assertJson(
        out,
        "[{'role':'assistant','tool_calls':[{'id':'call_tool_search_123','type':'function',"
            + "'function':{'name':'tool_search','arguments':'{}'}}]},"
            + "{'role':'tool','tool_call_id':'call_tool_search_123','content':"
            + "'{\\'discovery_tool_name\\':\\'tool_search\\',\\'execution\\':\\'server\\',\\'status\\':\\'completed\\',"
            + "\\'tools\\':[{\\'tool_name\\':\\'search_code\\'}]}'}]");
  }

  @Test
  void chat_messages_keep_non_discovery_assistant_content() {
    ToolDiscoveryCallPart call =
        ToolDiscoveryCallPart.builder().toolCallId("call_tool_search_123").discoveryToolName("tool_search").query("q").build();
    JsonObject out = toChat(Message.assistant(List.of(TextPart.of("done"), call)));
    assertJson(
        out,
        "{'role':'assistant','content':'done','tool_calls':[{'id':'call_tool_search_123','type':'function',"
            + "'function':{'name':'tool_search','arguments':'{\\'query\\':\\'q\\'}'}}]}");
  }
}
