package dev.llmrouter.translate.anthropic;

import static dev.llmrouter.translate.anthropic.AJ.at;
import static dev.llmrouter.translate.anthropic.AJ.json;
import static dev.llmrouter.translate.anthropic.AJ.obj;
import static dev.llmrouter.translate.anthropic.AJ.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.translate.ir.AllowedCaller;
import dev.llmrouter.translate.ir.BuiltinToolProvider;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolKind;
import dev.llmrouter.translate.ir.ToolResultPart;
import dev.llmrouter.translate.ir.UnsupportedToolTypeException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's anthropic/convert.rs tests (messages, files, tools, tool discovery). */
class AnthropicMessagesTest {

  private static List<Message> toUniversal(String messagesJson) {
    JsonArray messages = (JsonArray) json(messagesJson);
    for (int i = 0; i < messages.size(); i++) {
      AnthropicSchema.checkInputMessage(messages.get(i), "messages[" + i + "]");
    }
    return AnthropicMessages.toUniversal(messages);
  }

  private static String userText(Message m) {
    assertThat(m.role()).isEqualTo(Role.USER);
    return m.stringContent() ? m.text().orElseThrow() : ((TextPart) m.content().get(0)).text();
  }

  private static String toolCallId(Message m) {
    assertThat(m.role()).isEqualTo(Role.TOOL);
    assertThat(m.content()).hasSize(1);
    return ((ToolResultPart) m.content().get(0)).toolCallId();
  }

  private static ToolDiscoveryResultPart discoveryResult(List<ToolDiscoveryResultItem> tools) {
    return new ToolDiscoveryResultPart(
        "call_tool_search_123", "tool_search", tools, Optional.of("completed"), Optional.of("server"), Optional.empty());
  }

  private static ToolDiscoveryCallPart discoveryCall(String query, JsonObject arguments) {
    return ToolDiscoveryCallPart.builder()
        .toolCallId("call_tool_search_123")
        .discoveryToolName("tool_search")
        .query(query)
        .arguments(arguments)
        .status("completed")
        .execution("server")
        .build();
  }

  private static ToolDiscoveryResultItem preservedUnknownItem() {
    return new ToolDiscoveryResultItem(
        "unknown",
        Optional.empty(),
        Optional.of(JsonObject.of("content", obj("{'type':'tool_search_tool_unknown_result','payload':{'opaque':true}}"))));
  }

  @Test
  void test_anthropic_system_role_imports_to_system_message() {
    List<Message> out = toUniversal("[{'role':'system','content':'Follow the project style guide.'}]");
    assertThat(out).containsExactly(Message.system("Follow the project style guide."));
  }

  @Test
  void anthropic_input_messages_to_universal_messages_preserves_pure_tool_results() {
    List<Message> out =
        toUniversal(
            "[{'role':'user','content':[{'type':'tool_result','tool_use_id':'call_1','content':'result one'},"
                + "{'type':'tool_result','tool_use_id':'call_2','content':'result two'}]}]");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).role()).isEqualTo(Role.TOOL);
    assertThat(out.get(0).content())
        .extracting(p -> ((ToolResultPart) p).toolCallId())
        .containsExactly("call_1", "call_2");
  }

  @Test
  void anthropic_input_messages_to_universal_messages_splits_tool_result_then_text() {
    List<Message> out =
        toUniversal(
            "[{'role':'user','content':[{'type':'tool_result','tool_use_id':'call_repro_123',"
                + "'content':'{\\\"records\\\":[{\\\"id\\\":\\\"record_1\\\",\\\"status\\\":\\\"ok\\\"}]}'},"
                + "{'type':'text','text':'What details are available?'}]}]");
    assertThat(out).hasSize(2);
    assertThat(toolCallId(out.get(0))).isEqualTo("call_repro_123");
    // JSON-looking tool output is parsed.
    assertThat(((ToolResultPart) out.get(0).content().get(0)).output())
        .isEqualTo(obj("{'records':[{'id':'record_1','status':'ok'}]}"));
    assertThat(userText(out.get(1))).isEqualTo("What details are available?");
  }

  @Test
  void anthropic_input_messages_to_universal_messages_preserves_interleaved_order() {
    List<Message> out =
        toUniversal(
            "[{'role':'user','content':[{'type':'text','text':'Before'},"
                + "{'type':'tool_result','tool_use_id':'call_repro_123','content':'tool output'},{'type':'text','text':'After'}]}]");
    assertThat(out).hasSize(3);
    assertThat(userText(out.get(0))).isEqualTo("Before");
    assertThat(toolCallId(out.get(1))).isEqualTo("call_repro_123");
    assertThat(userText(out.get(2))).isEqualTo("After");
  }

  @Test
  void universal_messages_to_anthropic_input_messages_does_not_absorb_later_user_turns() {
    JsonArray out =
        AnthropicMessages.fromUniversal(
            List.of(
                Message.tool(
                    List.of(ToolResultPart.of("call_repro_123", "", obj("{'records':[{'id':'record_1','status':'ok'}]}")))),
                Message.user("first"),
                Message.user("second")));
    assertThat(out)
        .isEqualTo(
            json(
                "[{'role':'user','content':[{'type':'tool_result','tool_use_id':'call_repro_123',"
                    + "'content':'{\\\"records\\\":[{\\\"id\\\":\\\"record_1\\\",\\\"status\\\":\\\"ok\\\"}]}'},"
                    + "{'type':'text','text':'first'}]},{'role':'user','content':'second'}]"));
  }

  @Test
  void universal_messages_to_anthropic_input_messages_does_not_merge_user_before_tool_result() {
    JsonArray out =
        AnthropicMessages.fromUniversal(
            List.of(Message.user("before"), Message.tool(List.of(ToolResultPart.of("call_repro_123", "", "result")))));
    assertThat(out.size()).isEqualTo(2);
    assertThat(str(out, "/0/content")).isEqualTo("before");
    assertThat(str(out, "/1/content/0/type")).isEqualTo("tool_result");
  }

  @Test
  void universal_messages_to_anthropic_input_messages_rejects_unpaired_tool_discovery_result() {
    assertThatThrownBy(() -> AnthropicMessages.fromUniversal(List.of(Message.tool(List.of(discoveryResult(List.of()))))))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("unpaired ToolDiscoveryResult");
  }

  @Test
  void universal_messages_to_anthropic_input_messages_rejects_query_only_tool_discovery_call() {
    assertThatThrownBy(
            () -> AnthropicMessages.fromUniversal(List.of(Message.assistant(List.of(discoveryCall("search_code", null))))))
        .hasMessageContaining("query-only ToolDiscoveryCall");
  }

  @Test
  void universal_messages_to_anthropic_input_messages_rejects_preserved_unknown_tool_search_result() {
    assertThatThrownBy(
            () ->
                AnthropicMessages.fromUniversal(
                    List.of(
                        Message.assistant(List.of(discoveryCall(null, JsonObject.empty()))),
                        Message.tool(List.of(discoveryResult(List.of(preservedUnknownItem())))))))
        .hasMessageContaining("preserved unknown Anthropic tool_search_tool_result.content")
        .hasMessageContaining("Anthropic InputContentBlock");
  }

  @Test
  void universal_messages_to_anthropic_response_blocks_rejects_preserved_unknown_tool_search_result() {
    assertThatThrownBy(
            () ->
                AnthropicResponses.contentFromUniversal(
                    List.of(Message.tool(List.of(discoveryResult(List.of(preservedUnknownItem())))))))
        .hasMessageContaining("Anthropic ContentBlock");
  }

  @Test
  void anthropic_input_tool_search_result_error_is_unsupported() {
    assertThatThrownBy(
            () ->
                toUniversal(
                    "[{'role':'user','content':[{'type':'tool_search_tool_result','tool_use_id':'srvtoolu_call_tool_search_123',"
                        + "'content':{'type':'tool_search_tool_result_error'}}]}]"))
        .hasMessageContaining("Anthropic tool_search_tool_result_error");
  }

  @Test
  void anthropic_response_tool_search_result_error_is_unsupported() {
    assertThatThrownBy(
            () ->
                AnthropicResponses.contentToUniversal(
                    (JsonArray)
                        json(
                            "[{'type':'tool_search_tool_result','tool_use_id':'srvtoolu_x','content':{'type':'tool_search_tool_result_error'}}]")))
        .hasMessageContaining("Anthropic tool_search_tool_result_error");
  }

  @Test
  void universal_messages_to_anthropic_input_messages_merges_matching_tool_discovery_result() {
    JsonArray out =
        AnthropicMessages.fromUniversal(
            List.of(
                Message.assistant(List.of(discoveryCall(null, JsonObject.empty()))),
                Message.tool(List.of(discoveryResult(List.of())))));
    assertThat(out)
        .isEqualTo(
            json(
                "[{'role':'assistant','content':[{'type':'server_tool_use','id':'srvtoolu_call_tool_search_123','input':{},"
                    + "'name':'tool_search_tool_regex'},{'type':'tool_search_tool_result','tool_use_id':'srvtoolu_call_tool_search_123',"
                    + "'content':{'type':'tool_search_tool_search_result','tool_references':[]}}]}]"));
  }

  @Test
  void universal_messages_to_anthropic_input_messages_splits_mixed_tool_discovery_results() {
    JsonArray out =
        AnthropicMessages.fromUniversal(
            List.of(
                Message.assistant(
                    List.of(
                        discoveryCall(null, JsonObject.empty()),
                        ToolCallPart.of("call_normal_123", "get_weather", ToolArguments.fromString("{}")))),
                Message.tool(
                    List.of(
                        ToolResultPart.of("call_normal_123", "get_weather", "sunny"), discoveryResult(List.of())))));
    assertThat(out.size()).isEqualTo(2);
    assertThat(((JsonArray) at(out, "/0/content")).values())
        .extracting(b -> ((JsonObject) b).getString("type").orElse(null))
        .containsExactly("server_tool_use", "tool_use", "tool_search_tool_result");
    assertThat(at(out, "/1/content"))
        .isEqualTo(json("[{'type':'tool_result','tool_use_id':'call_normal_123','content':'sunny'}]"));
  }

  @Test
  void universal_messages_to_anthropic_input_messages_rejects_unpaired_mixed_tool_discovery_result() {
    assertThatThrownBy(
            () ->
                AnthropicMessages.fromUniversal(
                    List.of(
                        Message.tool(
                            List.of(
                                ToolResultPart.of("call_normal_123", "get_weather", "sunny"),
                                discoveryResult(List.of()))))))
        .hasMessageContaining("unpaired ToolDiscoveryResult");
  }

  @Test
  void test_anthropic_mid_conv_system_imports_to_system_message() {
    List<Message> out =
        toUniversal(
            "[{'role':'system','content':[{'type':'mid_conv_system','content':[{'type':'text','text':'Use the updated policy.',"
                + "'cache_control':{'type':'ephemeral'}}]}]}]");
    assertThat(out)
        .containsExactly(
            Message.system(List.of(TextPart.builder().text("Use the updated policy.").cacheControl(CacheControl.EPHEMERAL).build())));
  }

  @Test
  void test_anthropic_mid_conv_system_import_preserves_parent_cache_control() {
    List<Message> out =
        toUniversal(
            "[{'role':'system','content':[{'type':'mid_conv_system','cache_control':{'type':'ephemeral'},"
                + "'content':[{'type':'text','text':'Use the updated policy.'}]}]}]");
    assertThat(((TextPart) out.get(0).content().get(0)).cacheControl()).contains(CacheControl.EPHEMERAL);
  }

  @Test
  void test_google_search_builtin_maps_to_anthropic_web_search() {
    Tool tool =
        Tool.builtin(
            "google_search",
            BuiltinToolProvider.GOOGLE,
            "google_search",
            Optional.of(obj("{'timeRangeFilter':{'startTime':'2025-01-01T00:00:00Z','endTime':'2025-01-02T00:00:00Z'}}")));
    assertThat(AnthropicTools.toAnthropic(tool)).isEqualTo(obj("{'type':'web_search_20250305','name':'web_search'}"));
  }

  @Test
  void test_dated_server_tool_variants_deserialize_and_roundtrip() {
    for (String raw :
        List.of(
            "{'type':'web_search_20260318','name':'web_search','max_uses':3}",
            "{'type':'web_fetch_20260318','name':'web_fetch','max_content_tokens':1000}")) {
      JsonObject anthropic = obj(raw);
      Tool universal = AnthropicTools.toUniversal(JsonArray.of(anthropic)).get(0);
      assertThat(universal.kind()).isInstanceOf(ToolKind.Builtin.class);
      assertThat(((ToolKind.Builtin) universal.kind()).builtinType()).isEqualTo(anthropic.getString("type").orElseThrow());
      assertThat(AnthropicTools.toAnthropic(universal)).isEqualTo(anthropic);
    }
  }

  @Test
  void test_file_to_anthropic_document_with_provider_options() {
    FilePart file =
        new FilePart(
            JsonString.of("base64encodeddata"),
            Optional.of("test.pdf"),
            "application/pdf",
            Optional.of(obj("{'anthropic_type':'document','title':'Test Document'}")));
    JsonArray out = AnthropicMessages.fromUniversal(List.of(Message.user(List.of(file))));
    assertThat(at(out, "/0/content/0"))
        .isEqualTo(
            obj(
                "{'type':'document','title':'Test Document','source':{'type':'text','data':'base64encodeddata','media_type':'application/pdf'}}"));
  }

  @Test
  void test_url_backed_and_base64_audio_file_errors_for_anthropic() {
    for (String data : List.of("https://example.com/sample.mp3", "c2FtcGxlIGF1ZGlv")) {
      FilePart file = new FilePart(JsonString.of(data), Optional.of("sample.mp3"), "audio/mp3", Optional.empty());
      assertThatThrownBy(() -> AnthropicMessages.fromUniversal(List.of(Message.user(List.of(file)))))
          .isInstanceOf(TranslationException.class)
          .hasMessageContaining("audio/mp3");
    }
  }

  @Test
  void test_regular_url_file_converts_to_anthropic_document() {
    FilePart file = FilePart.of("https://example.com/report.pdf", "application/pdf");
    JsonArray out = AnthropicMessages.fromUniversal(List.of(Message.user(List.of(file))));
    assertThat(at(out, "/0/content/0"))
        .isEqualTo(obj("{'type':'document','source':{'type':'url','url':'https://example.com/report.pdf'}}"));
  }

  @Test
  void test_anthropic_document_url_imports_back_to_file_url() {
    List<Message> out =
        toUniversal(
            "[{'role':'user','content':[{'type':'document','title':'Doc','source':{'type':'url','url':'https://example.com/report.pdf'}}]}]");
    FilePart file = (FilePart) out.get(0).content().get(0);
    assertThat(file.data()).isEqualTo(JsonString.of("https://example.com/report.pdf"));
    assertThat(file.filename()).isEmpty();
    assertThat(file.mediaType()).isEqualTo("application/pdf");
    assertThat(file.providerOptions()).contains(obj("{'anthropic_type':'document','title':'Doc'}"));
  }

  @Test
  void test_image_url_and_base64_to_anthropic() {
    JsonArray out =
        AnthropicMessages.fromUniversal(
            List.of(
                Message.user(
                    List.of(
                        ImagePart.of("https://example.com/image.jpg", Optional.of("image/jpeg")),
                        ImagePart.of("iVBORw0KGgo=", Optional.of("image/png")),
                        ImagePart.of("JVBERi0=", Optional.of("application/pdf")),
                        ImagePart.of("data:text/plain;base64,aGVsbG8=", Optional.of("text/plain"))))));
    assertThat(at(out, "/0/content"))
        .isEqualTo(
            json(
                "[{'type':'image','source':{'type':'url','url':'https://example.com/image.jpg'}},"
                    + "{'type':'image','source':{'type':'base64','data':'iVBORw0KGgo=','media_type':'image/png'}},"
                    + "{'type':'document','source':{'type':'base64','data':'JVBERi0=','media_type':'application/pdf'}},"
                    + "{'type':'text','text':'hello'}]"));
  }

  @Test
  void anthropic_url_images_are_skipped_and_base64_images_kept() {
    List<Message> out =
        toUniversal(
            "[{'role':'user','content':[{'type':'image','source':{'type':'url','url':'https://x/y.png'}},"
                + "{'type':'image','source':{'type':'base64','media_type':'image/png','data':'AAA'}}]}]");
    assertThat(out.get(0).content()).containsExactly(ImagePart.of("AAA", Optional.of("image/png")));
  }

  @Test
  void test_custom_tool_normalizes_google_schema_types() {
    Tool tool =
        Tool.function(
            "get_weather",
            Optional.of("Get weather"),
            Optional.of(
                obj(
                    "{'type':'OBJECT','properties':{'location':{'type':'STRING','description':'The city','items':null}},"
                        + "'required':['location'],'additionalProperties':null}")),
            Optional.empty());
    assertThat(AnthropicTools.toAnthropic(tool))
        .isEqualTo(
            obj(
                "{'name':'get_weather','description':'Get weather','input_schema':{'type':'object','properties':"
                    + "{'location':{'type':'string','description':'The city'}},'required':['location']}}"));
  }

  @Test
  void test_custom_tool_rejects_programmatic_allowed_callers() {
    Tool tool =
        Tool.function("get_weather", Optional.empty(), Optional.of(obj("{'type':'object'}")), Optional.empty())
            .toBuilder()
            .allowedCallers(List.of(AllowedCaller.PROGRAMMATIC, AllowedCaller.DIRECT))
            .build();
    assertThatThrownBy(() -> AnthropicTools.toAnthropic(tool))
        .isInstanceOf(UnsupportedToolTypeException.class)
        .hasMessageContaining("programmatic caller restriction");
  }

  @Test
  void test_custom_tool_preserves_supported_allowed_callers() {
    Tool tool =
        Tool.function("get_weather", Optional.empty(), Optional.of(obj("{'type':'object'}")), Optional.empty())
            .toBuilder()
            .allowedCallers(List.of(AllowedCaller.DIRECT, AllowedCaller.CODE_EXECUTION_20260521))
            .build();
    assertThat(at(AnthropicTools.toAnthropic(tool), "/allowed_callers"))
        .isEqualTo(json("['direct','code_execution_20260521']"));
  }

  @Test
  void test_custom_tool_rejects_bad_root_schema_type() {
    for (String[] c :
        new String[][] {
          {"{'properties':{'location':{'type':'string'}}}", "root type is required"},
          {"{'type':'string'}", "must be 'object'"},
          {"{'type':null}", "root type is required"}
        }) {
      Tool tool = Tool.function("get_weather", Optional.empty(), Optional.of(obj(c[0])), Optional.empty());
      assertThatThrownBy(() -> AnthropicTools.toAnthropic(tool)).as(c[0]).hasMessageContaining(c[1]);
    }
  }

  @Test
  void custom_tools_and_other_providers_builtins_are_unsupported() {
    assertThatThrownBy(() -> AnthropicTools.toAnthropic(Tool.custom("write", Optional.empty(), Optional.empty())))
        .isInstanceOf(UnsupportedToolTypeException.class)
        .hasMessageContaining("'custom'");
    Tool ci =
        Tool.builtin("code_interpreter", BuiltinToolProvider.RESPONSES, "code_interpreter", Optional.of(obj("{'type':'code_interpreter'}")));
    assertThatThrownBy(() -> AnthropicTools.toAnthropic(ci)).hasMessageContaining("code_interpreter");
  }

  @Test
  void assistant_blocks_round_trip() {
    String raw =
        "[{'role':'assistant','content':[{'type':'thinking','thinking':'hmm','signature':'sig'},"
            + "{'type':'text','text':'hi','citations':[{'type':'char_location','cited_text':'x','document_index':0,'start_char_index':0,'end_char_index':1}]},"
            + "{'type':'tool_use','id':'t1','name':'f','input':{'a':1}},"
            + "{'type':'server_tool_use','id':'s1','name':'web_search','input':{'query':'q'}},"
            + "{'type':'web_search_tool_result','tool_use_id':'s1','content':[{'type':'web_search_result','title':'T','url':'u','encrypted_content':'e'}]}]}]";
    List<Message> universal = toUniversal(raw);
    assertThat(universal).hasSize(1);
    assertThat(AnthropicMessages.fromUniversal(universal)).isEqualTo(json(raw));
  }
}
