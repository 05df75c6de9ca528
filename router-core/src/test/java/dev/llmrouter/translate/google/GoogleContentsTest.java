package dev.llmrouter.translate.google;

import static dev.llmrouter.translate.google.GJ.assertJsonEquals;
import static dev.llmrouter.translate.google.GJ.json;
import static dev.llmrouter.translate.google.GJ.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.translate.ir.AllowedCaller;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.MediaReferences;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import dev.llmrouter.translate.ir.UnsupportedToolTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's providers/google/convert.rs tests (contents, tools, media). */
class GoogleContentsTest {

  private static Message toMessage(String content) {
    return GoogleContents.toMessage(obj(content), "contents[]", "contents[].parts[]");
  }

  private static JsonObject fromMessage(Message m) {
    return GoogleContents.fromMessage(m, true);
  }

  @Test
  void test_google_content_to_message_user() {
    Message m = toMessage("{'role':'user','parts':[{'text':'Hello'}]}");
    assertThat(m.role()).isEqualTo(Role.USER);
    assertThat(m.text()).contains("Hello");
  }

  @Test
  void test_google_content_to_message_model() {
    Message m = toMessage("{'role':'model','parts':[{'text':'Hi there!'}]}");
    assertThat(m.role()).isEqualTo(Role.ASSISTANT);
    assertThat(m.stringContent()).isFalse();
    assertThat(m.content()).containsExactly(TextPart.of("Hi there!"));
  }

  @Test
  void test_google_content_to_message_function_call() {
    Message m =
        toMessage(
            "{'role':'model','parts':[{'functionCall':{'name':'get_weather','args':{'location':'SF'}}}]}");
    ToolCallPart call = (ToolCallPart) m.content().get(0);
    assertThat(call.toolName()).isEqualTo("get_weather");
    assertThat(call.toolCallId()).isEqualTo("call_0");
    assertThat(call.arguments()).isEqualTo(ToolArguments.valid(obj("{'location':'SF'}")));
  }

  @Test
  void model_turn_without_parts_is_allowed_but_user_turn_is_not() {
    assertThat(toMessage("{'role':'model'}").content()).isEmpty();
    assertThatThrownBy(() -> toMessage("{'role':'user'}")).isInstanceOf(TranslationException.class);
  }

  @Test
  void thought_parts_are_reasoning_with_signature() {
    Message m =
        toMessage(
            "{'role':'model','parts':[{'text':'think','thought':true,'thoughtSignature':'s1'},"
                + "{'text':'answer','thoughtSignature':'s2'}]}");
    assertThat(m.content().get(0)).isEqualTo(ReasoningPart.of("think", "s1"));
    assertThat(m.content().get(1))
        .isEqualTo(new TextPart("answer", Optional.of("s2"), Optional.empty(), Optional.empty()));
    assertJsonEquals(
        fromMessage(m),
        "{'role':'model','parts':[{'text':'think','thought':true,'thoughtSignature':'s1'},"
            + "{'text':'answer','thoughtSignature':'s2'}]}");
  }

  @Test
  void function_responses_make_a_tool_message() {
    Message m =
        toMessage(
            "{'role':'user','parts':[{'text':'ignored'},{'functionResponse':{'name':'f','response':"
                + "{'temperature':20}}},{'functionResponse':{'id':'x','name':'g'}}]}");
    assertThat(m.role()).isEqualTo(Role.TOOL);
    assertThat(m.content())
        .containsExactly(
            ToolResultPart.of("call_0", "f", json("{'temperature':20}")),
            ToolResultPart.of("x", "g", dev.llmrouter.json.JsonNull.INSTANCE));
    assertJsonEquals(
        fromMessage(m),
        "{'role':'user','parts':[{'functionResponse':{'name':'f','response':{'temperature':20}}},"
            + "{'functionResponse':{'id':'x','name':'g'}}]}");
  }

  @Test
  void test_message_to_google_content_user() {
    assertJsonEquals(fromMessage(Message.user("Hello")), "{'role':'user','parts':[{'text':'Hello'}]}");
  }

  @Test
  void test_google_inline_text_blob_imports_back_to_file() {
    Message m =
        toMessage("{'role':'user','parts':[{'inlineData':{'mimeType':'text/plain','data':'Sample text.'}}]}");
    FilePart f = (FilePart) m.content().get(0);
    assertThat(f.data()).isEqualTo(JsonString.of("Sample text."));
    assertThat(f.filename()).isEmpty();
    assertThat(f.mediaType()).isEqualTo("text/plain");
  }

  @Test
  void inline_images_are_image_parts() {
    Message m =
        toMessage(
            "{'role':'user','parts':[{'text':'what?'},{'inlineData':{'mimeType':'image/png','data':'AAA'}},"
                + "{'fileData':{'fileUri':'gs://b/x.mp4','mimeType':'video/mp4'}}]}");
    assertThat(m.content().get(1))
        .isEqualTo(new ImagePart(JsonString.of("AAA"), Optional.of("image/png"), Optional.empty()));
    assertThat(m.content().get(2)).isEqualTo(FilePart.of("gs://b/x.mp4", "video/mp4"));
    assertJsonEquals(
        fromMessage(m),
        "{'role':'user','parts':[{'text':'what?'},{'inlineData':{'mimeType':'image/png','data':'AAA'}},"
            + "{'fileData':{'fileUri':'gs://b/x.mp4','mimeType':'video/mp4'}}]}");
  }

  private static Message userFile(String data, String filename, String mediaType) {
    return Message.user(
        List.of(new FilePart(JsonString.of(data), Optional.ofNullable(filename), mediaType, Optional.empty())));
  }

  @Test
  void test_file_url_to_google_file_data() {
    assertJsonEquals(
        fromMessage(userFile("https://example.com/report.pdf", null, "application/pdf")),
        "{'role':'user','parts':[{'fileData':{'fileUri':'https://example.com/report.pdf',"
            + "'mimeType':'application/pdf'}}]}");
  }

  @Test
  void test_url_backed_file_infers_audio_and_video_mime_types() {
    List<FilePart> parts =
        List.of(
            new FilePart(
                JsonString.of("https://example.com/audio"),
                Optional.of("sample-3s.mp3"),
                "application/octet-stream",
                Optional.empty()),
            new FilePart(
                JsonString.of("https://example.com/video/sample-5s.mp4"),
                Optional.empty(),
                "application/octet-stream",
                Optional.empty()));
    JsonObject out = fromMessage(Message.user(parts));
    JsonArray p = out.getArray("parts").orElseThrow();
    assertJsonEquals(p.get(0), "{'fileData':{'fileUri':'https://example.com/audio','mimeType':'audio/mp3'}}");
    assertJsonEquals(
        p.get(1),
        "{'fileData':{'fileUri':'https://example.com/video/sample-5s.mp4','mimeType':'video/mp4'}}");
  }

  @Test
  void test_gcs_backed_video_file_emits_google_file_data() {
    assertJsonEquals(
        fromMessage(userFile("gs://lingua-test-bucket/sample-200mb.mp4", null, "application/octet-stream")),
        "{'role':'user','parts':[{'fileData':{'fileUri':'gs://lingua-test-bucket/sample-200mb.mp4',"
            + "'mimeType':'video/mp4'}}]}");
  }

  @Test
  void test_url_backed_file_with_unknown_mime_type_errors() {
    assertThatThrownBy(
            () -> fromMessage(userFile("https://example.com/file", null, "application/octet-stream")))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void presigned_url_content_type_and_disposition() {
    assertThat(
            inferMime(
                null,
                "https://bucket.s3.amazonaws.com/abc?X-Amz-Expires=60&response-content-type=application%2Fpdf"))
        .isEqualTo("application/pdf");
    assertThat(
            inferMime(
                null,
                "https://bucket.s3.amazonaws.com/abc?X-Amz-Expires=60&response-content-disposition="
                    + "attachment%3B%20filename%3D%22report.png%22"))
        .isEqualTo("image/png");
    assertThat(inferMime(null, "https://example.com/dir/")).isNull();
    assertThat(inferMime(null, "ftp://example.com/a.png")).isNull();
  }

  @Test
  void data_urls_become_inline_data() {
    Message m =
        Message.user(
            List.of(
                ImagePart.of("data:image/png;base64,iVBORw0KGgo=", Optional.empty()),
                new FilePart(
                    JsonString.of("data:application/pdf;base64,JVBE"), Optional.empty(), "application/pdf",
                    Optional.empty()),
                ImagePart.of("rawbase64", Optional.empty())));
    assertJsonEquals(
        fromMessage(m),
        "{'role':'user','parts':[{'inlineData':{'mimeType':'image/png','data':'iVBORw0KGgo='}},"
            + "{'inlineData':{'mimeType':'application/pdf','data':'JVBE'}},"
            + "{'inlineData':{'mimeType':'image/jpeg','data':'rawbase64'}}]}");
  }

  @Test
  void test_image_url_to_google_file_data_infers_mime_type_from_extension() {
    assertJsonEquals(
        fromMessage(Message.user(List.of(ImagePart.of("https://example.com/image.jpg", Optional.empty())))),
        "{'role':'user','parts':[{'fileData':{'fileUri':'https://example.com/image.jpg',"
            + "'mimeType':'image/jpeg'}}]}");
  }

  @Test
  void test_image_url_to_google_file_data_falls_back_to_default_mime_type() {
    assertJsonEquals(
        fromMessage(Message.user(List.of(ImagePart.of("https://example.com/image", Optional.empty())))),
        "{'role':'user','parts':[{'fileData':{'fileUri':'https://example.com/image',"
            + "'mimeType':'image/jpeg'}}]}");
  }

  @Test
  void test_message_to_google_content_assistant() {
    assertJsonEquals(
        fromMessage(Message.assistant("Hi there!")), "{'role':'model','parts':[{'text':'Hi there!'}]}");
  }

  @Test
  void test_message_to_google_content_tool_call() {
    Message m =
        Message.assistant(
            List.of(
                ToolCallPart.of(
                    "call_123", "get_weather", ToolArguments.fromString("{\"location\":\"SF\"}"))));
    // Synthetic call_ ids are not sent back to Google.
    assertJsonEquals(
        fromMessage(m),
        "{'role':'model','parts':[{'functionCall':{'name':'get_weather','args':{'location':'SF'}}}]}");
  }

  @Test
  void invalid_arguments_are_left_out() {
    Message m =
        Message.assistant(List.of(ToolCallPart.of("id-1", "f", ToolArguments.invalid("not json"))));
    assertJsonEquals(fromMessage(m), "{'role':'model','parts':[{'functionCall':{'id':'id-1','name':'f'}}]}");
  }

  @Test
  void test_universal_to_google_with_assistant() {
    assertThat(fromMessage(Message.user("Hello")).getString("role")).contains("user");
    assertThat(fromMessage(Message.assistant("Hi there!")).getString("role")).contains("model");
  }

  @Test
  void additional_tools_messages_are_rejected() {
    assertThatThrownBy(() -> fromMessage(Message.additionalTools(List.of(), Optional.empty())))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void test_executable_code_parts_roundtrip() {
    String content =
        "{'role':'model','parts':[{'executableCode':{'code':'print(1)'}},"
            + "{'codeExecutionResult':{'output':'1\\n'}},{'text':'done'}]}";
    Message m = toMessage(content);
    assertThat(((TextPart) m.content().get(0)).providerOptions())
        .contains(obj("{'executable_code':{'code':'print(1)'}}"));
    assertJsonEquals(fromMessage(m), content);
  }

  // ---- tools ----------------------------------------------------------------------------------

  @Test
  void test_function_declaration_to_universal_tool() {
    List<Tool> tools =
        GoogleTools.toUniversal(
            (JsonArray)
                json(
                    "[{'functionDeclarations':[{'name':'get_weather','description':'Get weather info',"
                        + "'parameters':{'type':'OBJECT','properties':{'location':{'type':'STRING'}}}}]}]"));
    Tool t = tools.get(0);
    assertThat(t.name()).isEqualTo("get_weather");
    assertThat(t.description()).contains("Get weather info");
    assertThat(t.isFunction()).isTrue();
    assertJsonEquals(
        t.parameters().orElseThrow(), "{'type':'object','properties':{'location':{'type':'string'}}}");
  }

  @Test
  void test_function_declaration_schema_int64_fields_normalize_to_json_numbers() {
    List<Tool> tools =
        GoogleTools.toUniversal(
            (JsonArray)
                json(
                    "[{'functionDeclarations':[{'name':'demo','description':'demo tool','parameters':"
                        + "{'type':'object','properties':{'name':{'type':'string','minLength':1,"
                        + "'maxLength':'9'},'tags':{'type':'array','items':{'type':'string'},'minItems':1,"
                        + "'maxItems':'3'}}}}]}]"));
    assertJsonEquals(
        tools.get(0).parameters().orElseThrow(),
        "{'type':'object','properties':{'name':{'type':'string','minLength':1,'maxLength':9},"
            + "'tags':{'type':'array','items':{'type':'string'},'minItems':1,'maxItems':3}}}");
  }

  @Test
  void test_universal_tool_to_function_declaration() {
    Tool t =
        Tool.function(
            "get_weather",
            Optional.of("Get weather info"),
            Optional.of(json("{'type':'OBJECT','properties':{'location':{'type':'STRING'}}}")),
            Optional.empty());
    assertJsonEquals(
        GoogleTools.fromUniversal(List.of(t)).orElseThrow(),
        "[{'functionDeclarations':[{'name':'get_weather','description':'Get weather info',"
            + "'parameters':null,'response':null,'parametersJsonSchema':{'type':'OBJECT',"
            + "'properties':{'location':{'type':'STRING'}}}}]}]");
  }

  @Test
  void test_function_declaration_rejects_responses_tool_metadata() {
    Tool base =
        Tool.function("get_inventory", Optional.of("Get inventory"), Optional.of(json("{'type':'object'}")),
            Optional.empty());
    Tool callers = base.toBuilder().allowedCallers(List.of(AllowedCaller.values()[0])).build();
    assertThatThrownBy(() -> GoogleTools.fromUniversal(List.of(callers)))
        .isInstanceOfSatisfying(
            UnsupportedToolTypeException.class,
            e -> {
              assertThat(e.toolType()).isEqualTo("allowed_callers");
              assertThat(e.targetFormat()).isEqualTo(ProviderFormat.GOOGLE);
            });
    Tool output = base.toBuilder().outputSchema(json("{'type':'object'}")).build();
    assertThatThrownBy(() -> GoogleTools.fromUniversal(List.of(output)))
        .isInstanceOfSatisfying(
            UnsupportedToolTypeException.class, e -> assertThat(e.toolType()).isEqualTo("output_schema"));
  }

  @Test
  void test_google_tools_to_universal_roundtrip() {
    List<Tool> tools =
        GoogleTools.toUniversal(
            (JsonArray) json("[{'functionDeclarations':[{'name':'get_weather','description':'Get weather'}]}]"));
    assertThat(tools).hasSize(1);
    assertJsonEquals(
        GoogleTools.fromUniversal(tools).orElseThrow(),
        "[{'functionDeclarations':[{'name':'get_weather','description':'Get weather','parameters':null,"
            + "'response':null}]}]");
  }

  @Test
  void test_google_search_builtin_roundtrip() {
    List<Tool> tools = GoogleTools.toUniversal((JsonArray) json("[{'googleSearch':{}}]"));
    assertThat(tools.get(0).name()).isEqualTo("google_search");
    assertThat(tools.get(0).isFunction()).isFalse();
    assertJsonEquals(GoogleTools.fromUniversal(tools).orElseThrow(), "[{'googleSearch':{}}]");
  }

  @Test
  void test_url_context_builtin_roundtrip() {
    List<Tool> tools = GoogleTools.toUniversal((JsonArray) json("[{'urlContext':{}}]"));
    assertThat(tools.get(0).name()).isEqualTo("url_context");
    assertJsonEquals(GoogleTools.fromUniversal(tools).orElseThrow(), "[{'urlContext':{}}]");
  }

  @Test
  void builtins_keep_order_after_declarations_and_foreign_tools_are_skipped() {
    List<Tool> tools =
        new ArrayList<>(
            GoogleTools.toUniversal(
                (JsonArray)
                    json(
                        "[{'codeExecution':{}},{'googleSearch':{'timeRangeFilter':{'startTime':'a',"
                            + "'endTime':'b'},'unknown':1}},{'functionDeclarations':[{'name':'f'}]}]")));
    tools.add(Tool.custom("free", Optional.empty(), Optional.empty()));
    tools.add(
        Tool.builtin(
            "web_search",
            dev.llmrouter.translate.ir.BuiltinToolProvider.ANTHROPIC,
            "web_search_20250305",
            Optional.empty()));
    assertJsonEquals(
        GoogleTools.fromUniversal(tools).orElseThrow(),
        "[{'functionDeclarations':[{'name':'f','parameters':null,'response':null}]},{'codeExecution':{}},"
            + "{'googleSearch':{'timeRangeFilter':{'startTime':'a','endTime':'b'}}}]");
    assertThat(GoogleTools.fromUniversal(tools.subList(3, 5))).isEmpty();
  }

  @Test
  void one_pass_json_schema_equals_typed_then_normalized() {
    String schema =
        "{'type':'object','title':'t','additionalProperties':false,'properties':{'a':{'anyOf':[{'type':"
            + "'STRING','maxLength':'12'},{'type':'null'}],'default':{'type':'X','minLength':'2'}},"
            + "'b':{'type':'array','items':{'type':'integer','minimum':1,'maximum':5.5},'minItems':1,"
            + "'maxItems':'x'},'c':{'type':'TYPE_UNSPECIFIED','enum':['p','q'],'nullable':true}},"
            + "'required':['a'],'propertyOrdering':['a','b','c']}";
    JsonObject oneShot = GoogleSchemas.typedJsonSchema(json(schema), "parameters");
    assertJsonEquals(oneShot, GoogleSchemas.toJsonSchema(GoogleSchemas.typed(json(schema), "p")).toJson());
    assertJsonEquals(
        oneShot,
        "{'type':'object','title':'t','properties':{'a':{'anyOf':[{'type':'string','maxLength':12},"
            + "{'type':'null'}],'default':{'type':'x','minLength':2}},'b':{'type':'array','items':"
            + "{'type':'integer','minimum':1,'maximum':5.5},'minItems':1,'maxItems':'x'},'c':{'type':"
            + "'type_unspecified','enum':['p','q'],'nullable':true}},'required':['a'],"
            + "'propertyOrdering':['a','b','c']}");
    assertThatThrownBy(() -> GoogleSchemas.typed(json("{'properties':{'a':{'minItems':1.5}}}"), "p"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("p.properties.a.minItems");
  }

  @Test
  void typed_schema_rejects_unknown_type_names() {
    assertThatThrownBy(
            () ->
                GoogleTools.toUniversal(
                    (JsonArray)
                        json("[{'functionDeclarations':[{'name':'f','parameters':{'type':'type_unspecified'}}]}]")))
        .isInstanceOf(TranslationException.class);
  }

  private static String inferMime(String filename, String url) {
    return MediaReferences.inferMimeTypeFromReference(filename, url).orElse(null);
  }
}
