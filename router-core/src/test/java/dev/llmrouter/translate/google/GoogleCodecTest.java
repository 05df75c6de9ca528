package dev.llmrouter.translate.google;

import static dev.llmrouter.translate.google.GJ.assertJsonEquals;
import static dev.llmrouter.translate.google.GJ.at;
import static dev.llmrouter.translate.google.GJ.json;
import static dev.llmrouter.translate.google.GJ.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.JsonSchema;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningCanonical;
import dev.llmrouter.translate.ir.ReasoningDelta;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.ir.ReasoningSignature;
import dev.llmrouter.translate.ir.ResponseFormat;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.ToolChoiceMode;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolFunctionDelta;
import dev.llmrouter.translate.ir.ToolResultPart;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import dev.llmrouter.translate.rules.GoogleRules;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's providers/google/adapter.rs and detect.rs tests, plus codec edge cases. */
class GoogleCodecTest {
  private final GoogleCodec codec = new GoogleCodec();

  private static UniversalRequest request(String model, List<Message> messages, UniversalParams params) {
    return UniversalRequest.of(model, messages, params);
  }

  private static JsonObject thinkingConfig(JsonObject request) {
    return (JsonObject) at(request, "/generationConfig/thinkingConfig").orElse(null);
  }

  // ---- detect.rs -----------------------------------------------------------------------------

  @Test
  void test_try_parse_google_with_contents_and_parts() {
    assertThat(codec.detectRequest(obj("{'contents':[{'role':'user','parts':[{'text':'Hello'}]}]}")))
        .isTrue();
  }

  @Test
  void test_try_parse_google_with_generation_config() {
    assertThat(
            codec.detectRequest(
                obj("{'contents':[{'parts':[{'text':'Hello'}]}],'generationConfig':{'temperature':0.7}}")))
        .isTrue();
  }

  @Test
  void test_try_parse_google_fails_for_openai() {
    assertThat(codec.detectRequest(obj("{'model':'gpt-4','messages':[{'role':'user','content':'Hello'}]}")))
        .isFalse();
  }

  @Test
  void test_try_parse_google_fails_without_contents() {
    assertThat(codec.detectRequest(obj("{'generationConfig':{'temperature':0.7}}"))).isFalse();
  }

  @Test
  void test_try_parse_google_accepts_numeric_and_string_schema_int64_fields() {
    JsonObject numeric =
        obj(
            "{'contents':[{'role':'user','parts':[{'text':'Hello'}]}],'tools':[{'functionDeclarations':"
                + "[{'name':'demo','description':'demo tool','parameters':{'type':'object','properties':"
                + "{'name':{'type':'string','minLength':1,'maxLength':9},'tags':{'type':'array',"
                + "'items':{'type':'string'},'minItems':1,'maxItems':3}}}}]}]}");
    assertThat(codec.detectRequest(numeric)).isTrue();
    UniversalRequest u = codec.requestToUniversal(numeric);
    assertThat(u.params().tools()).isPresent();
    JsonObject stringy =
        obj(
            "{'contents':[{'role':'user','parts':[{'text':'Hello'}]}],'tools':[{'functionDeclarations':"
                + "[{'name':'demo','parameters':{'type':'object','properties':{'name':{'type':'string',"
                + "'minLength':'1'}}}}]}]}");
    assertJsonEquals(
        codec.requestToUniversal(stringy).params().tools().get().get(0).parameters().get(),
        "{'type':'object','properties':{'name':{'type':'string','minLength':1}}}");
  }

  // ---- adapter.rs: requests -----------------------------------------------------------------

  @Test
  void test_google_passthrough() {
    JsonObject payload =
        obj(
            "{'contents':[{'role':'user','parts':[{'text':'Hello'}]}],"
                + "'generationConfig':{'temperature':0.7,'maxOutputTokens':1024}}");
    UniversalRequest u = codec.requestToUniversal(payload);
    assertThat(u.params().temperature()).contains(0.7);
    assertThat(u.params().tokenBudget()).contains(TokenBudget.outputTokens(1024));
    JsonObject back = codec.requestFromUniversal(u);
    assertJsonEquals(
        back,
        "{'contents':[{'role':'user','parts':[{'text':'Hello'}]}],"
            + "'generationConfig':{'temperature':0.7,'maxOutputTokens':1024,'responseSchema':null}}");
  }

  @Test
  void test_google_request_preserves_service_tier() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'contents':[{'role':'user','parts':[{'text':'Hello'}]}],'serviceTier':'priority'}"));
    assertThat(u.params().serviceTier()).contains("priority");
    assertThat(codec.requestFromUniversal(u).getString("serviceTier")).contains("priority");
  }

  @Test
  void test_google_same_provider_preserves_budget_based_thinking_config_for_gemini_3() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gemini-3.5-flash','contents':[{'role':'user','parts':[{'text':'Return JSON.'}]}],"
                    + "'generationConfig':{'maxOutputTokens':2048,'thinkingConfig':{'thinkingBudget':1024,"
                    + "'includeThoughts':true}}}"));
    Reasoning r = u.params().reasoning().orElseThrow();
    assertThat(r.canonical()).contains(ReasoningCanonical.GOOGLE_THINKING_BUDGET);
    assertThat(r.budgetTokens()).contains(1024L);
    assertJsonEquals(
        thinkingConfig(codec.requestFromUniversal(u)), "{'thinkingBudget':1024,'includeThoughts':true}");
  }

  @Test
  void test_google_same_provider_preserves_include_thoughts_without_budget_for_gemini_3() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gemini-3.5-flash','contents':[{'role':'user','parts':[{'text':'Return JSON.'}]}],"
                    + "'generationConfig':{'maxOutputTokens':2048,'thinkingConfig':{'includeThoughts':true}}}"));
    Reasoning r = u.params().reasoning().orElseThrow();
    assertThat(r.canonical()).contains(ReasoningCanonical.GOOGLE_INCLUDE_THOUGHTS);
    assertThat(r.budgetTokens()).isEmpty();
    assertJsonEquals(thinkingConfig(codec.requestFromUniversal(u)), "{'includeThoughts':true}");
  }

  private UniversalRequest geminiReasoningOff(String model) {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'" + model + "','contents':[{'role':'user','parts':[{'text':'hi'}]}]}"));
    return u.withParams(u.params().toBuilder().reasoning(Reasoning.disabled()).build());
  }

  @Test
  void test_google_flash_reasoning_off_emits_thinking_budget_zero() {
    JsonObject out = codec.requestFromUniversal(geminiReasoningOff("gemini-2.5-flash"));
    assertJsonEquals(thinkingConfig(out), "{'thinkingBudget':0,'includeThoughts':false}");
  }

  @Test
  void test_google_pro_reasoning_off_does_not_emit_budget_zero() {
    JsonObject out = codec.requestFromUniversal(geminiReasoningOff("gemini-2.5-pro"));
    assertThat(thinkingConfig(out)).isNull();
    // The opt-out still builds a generationConfig (lingua's has_reasoning check).
    assertJsonEquals(out.getObject("generationConfig").orElseThrow(), "{'responseSchema':null}");
  }

  @Test
  void test_google_gemini_3_uses_thinking_level_for_generic_budget_canonical_reasoning() {
    UniversalRequest req =
        request(
            "gemini-3.5-flash",
            List.of(Message.user("Return JSON.")),
            UniversalParams.builder()
                .reasoning(
                    Reasoning.builder()
                        .enabled(true)
                        .effort(ReasoningEffort.MEDIUM)
                        .budgetTokens(1024L)
                        .canonical(ReasoningCanonical.BUDGET_TOKENS)
                        .build())
                .tokenBudget(TokenBudget.outputTokens(2048))
                .build());
    assertJsonEquals(
        thinkingConfig(codec.requestFromUniversal(req)),
        "{'includeThoughts':true,'thinkingLevel':'MEDIUM'}");
  }

  @Test
  void gemini_25_gets_budget_and_defaults_to_the_minimum() {
    Reasoning onlyEnabled = Reasoning.builder().enabled(true).build();
    UniversalRequest req =
        request(
            "gemini-2.5-pro",
            List.of(Message.user("x")),
            UniversalParams.builder().reasoning(onlyEnabled).build());
    assertJsonEquals(
        thinkingConfig(codec.requestFromUniversal(req)), "{'includeThoughts':true,'thinkingBudget':1024}");
    UniversalRequest level =
        request("gemini-3-pro", List.of(Message.user("x")), UniversalParams.builder().reasoning(onlyEnabled).build());
    assertJsonEquals(
        thinkingConfig(codec.requestFromUniversal(level)), "{'includeThoughts':true,'thinkingLevel':'HIGH'}");
  }

  @Test
  void thinking_level_becomes_effort_with_derived_budget() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'contents':[{'role':'user','parts':[{'text':'x'}]}],'generationConfig':"
                    + "{'maxOutputTokens':8000,'thinkingConfig':{'thinkingLevel':'LOW'}}}"));
    Reasoning r = u.params().reasoning().orElseThrow();
    assertThat(r.enabled()).contains(true);
    assertThat(r.effort()).contains(ReasoningEffort.LOW);
    assertThat(r.budgetTokens()).contains(2000L);
    assertThat(r.canonical()).contains(ReasoningCanonical.EFFORT);
  }

  @Test
  void thinking_budget_zero_means_disabled() {
    Reasoning r =
        codec
            .requestToUniversal(
                obj(
                    "{'contents':[{'role':'user','parts':[{'text':'x'}]}],'generationConfig':"
                        + "{'thinkingConfig':{'thinkingBudget':0}}}"))
            .params()
            .reasoning()
            .orElseThrow();
    assertThat(r.enabled()).contains(false);
    assertThat(r.effort()).contains(ReasoningEffort.NONE);
  }

  @Test
  void unknown_thinking_level_is_a_client_error() {
    assertThatThrownBy(
            () ->
                codec.requestToUniversal(
                    obj(
                        "{'contents':[{'role':'user','parts':[{'text':'x'}]}],'generationConfig':"
                            + "{'thinkingConfig':{'thinkingLevel':'EXTREME'}}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("thinkingLevel");
  }

  @Test
  void test_google_preserves_extras() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'contents':[{'role':'user','parts':[{'text':'Hello'}]}],'safetySettings':[{'category':"
                    + "'HARM_CATEGORY_HARASSMENT','threshold':'BLOCK_NONE'}],'someFutureParam':'value'}"));
    // safetySettings is typed (not an extra); unknown keys are extras restored for Google.
    assertJsonEquals(u.params().extrasFor(dev.llmrouter.catalog.ProviderFormat.GOOGLE).orElseThrow(),
        "{'someFutureParam':'value'}");
    JsonObject back = codec.requestFromUniversal(u);
    assertThat(back.getString("someFutureParam")).contains("value");
    assertThat(back.has("contents")).isTrue();
  }

  @Test
  void test_google_tool_choice_to_universal() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'contents':[{'role':'user','parts':[{'text':'Hello'}]}],"
                    + "'toolConfig':{'functionCallingConfig':{'mode':'AUTO'}}}"));
    assertThat(u.params().toolChoice().orElseThrow().mode()).contains(ToolChoiceMode.AUTO);
  }

  @Test
  void test_google_tool_choice_from_universal() {
    UniversalRequest req =
        request(
            null,
            List.of(Message.user("Hello")),
            UniversalParams.builder().toolChoice(ToolChoice.of(ToolChoiceMode.REQUIRED)).build());
    assertJsonEquals(
        codec.requestFromUniversal(req).getObject("toolConfig").orElseThrow(),
        "{'functionCallingConfig':{'mode':'ANY'}}");
  }

  private static ToolCallPart call(String id, String name, String args, String signature) {
    return ToolCallPart.builder()
        .toolCallId(id)
        .toolName(name)
        .arguments(ToolArguments.fromString(args))
        .encryptedContent(signature)
        .build();
  }

  @Test
  void test_google_marks_transferred_function_call_history() {
    UniversalRequest req =
        request(
            "gemini-3.5-flash",
            List.of(
                Message.user("List databases."),
                Message.assistant(List.of(call("call_1", "list_databases", "{}", null))),
                Message.tool(
                    List.of(
                        ToolResultPart.of(
                            "call_1", "list_databases", json("{'databases':['admin','config','local']}"))))),
            UniversalParams.EMPTY);
    JsonObject out = codec.requestFromUniversal(req);
    assertThat(at(out, "/contents/1/parts/0/thoughtSignature"))
        .contains(JsonString.of(GoogleRules.DUMMY_THOUGHT_SIGNATURE));
    assertThat(at(out, "/contents/2/parts/0/functionResponse/name"))
        .contains(JsonString.of("list_databases"));
  }

  private static UniversalRequest parallelHistory(String firstSignature) {
    return request(
        "gemini-3.5-flash",
        List.of(
            Message.user("Check the weather in Paris and London."),
            Message.assistant(
                List.of(
                    call("call_paris", "get_current_temperature", "{\"location\":\"Paris\"}", firstSignature),
                    call("call_london", "get_current_temperature", "{\"location\":\"London\"}", null))),
            Message.tool(
                List.of(
                    ToolResultPart.of("call_paris", "get_current_temperature", json("{'temp':'15C'}")),
                    ToolResultPart.of("call_london", "get_current_temperature", json("{'temp':'12C'}"))))),
        UniversalParams.EMPTY);
  }

  @Test
  void test_google_preserves_parallel_transferred_function_call_history() {
    JsonObject out = codec.requestFromUniversal(parallelHistory(null));
    assertThat(at(out, "/contents/1/parts/0/thoughtSignature"))
        .contains(JsonString.of(GoogleRules.DUMMY_THOUGHT_SIGNATURE));
    assertThat(at(out, "/contents/1/parts/1/thoughtSignature")).isEmpty();
    assertThat(((JsonArray) at(out, "/contents/2/parts").orElseThrow()).size()).isEqualTo(2);
  }

  @Test
  void test_google_preserves_native_parallel_function_call_signatures() {
    JsonObject out = codec.requestFromUniversal(parallelHistory("real_google_signature"));
    assertThat(at(out, "/contents/1/parts/0/thoughtSignature"))
        .contains(JsonString.of("real_google_signature"));
    assertThat(at(out, "/contents/1/parts/1/thoughtSignature")).isEmpty();
  }

  @Test
  void no_dummy_signature_for_gemini_25() {
    UniversalRequest req = parallelHistory(null).withModel(Optional.of("gemini-2.5-flash"));
    assertThat(at(codec.requestFromUniversal(req), "/contents/1/parts/0/thoughtSignature")).isEmpty();
  }

  @Test
  void system_messages_go_to_system_instruction_joined_with_newlines() {
    UniversalRequest req =
        request(
            "gemini-2.5-flash",
            List.of(
                Message.system("Be brief."),
                Message.user("Hi"),
                Message.developer(List.of(dev.llmrouter.translate.ir.TextPart.of("a"),
                    dev.llmrouter.translate.ir.TextPart.of("b"))),
                Message.user("Again")),
            UniversalParams.EMPTY);
    JsonObject out = codec.requestFromUniversal(req);
    assertJsonEquals(out.getObject("systemInstruction").orElseThrow(), "{'parts':[{'text':'Be brief.\\na\\nb'}]}");
    // The two user messages are now neighbours and are merged.
    assertJsonEquals(
        out.getArray("contents").orElseThrow(),
        "[{'role':'user','parts':[{'text':'Hi'},{'text':'Again'}]}]");
    assertThat(out.getString("model")).contains("gemini-2.5-flash");
  }

  @Test
  void system_only_request_is_rejected() {
    assertThatThrownBy(
            () -> codec.requestFromUniversal(request(null, List.of(Message.system("x")), UniversalParams.EMPTY)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("non-system");
  }

  @Test
  void empty_tool_result_names_are_filled_from_calls() {
    UniversalRequest req =
        request(
            "gemini-2.5-flash",
            List.of(
                Message.user("q"),
                Message.assistant(List.of(call("abc", "lookup", "{'x':1}".replace('\'', '"'), null))),
                Message.tool(List.of(ToolResultPart.of("abc", "", "plain text")))),
            UniversalParams.EMPTY);
    assertJsonEquals(
        at(codec.requestFromUniversal(req), "/contents/2").orElseThrow(),
        "{'role':'user','parts':[{'functionResponse':{'id':'abc','name':'lookup',"
            + "'response':{'output':'plain text'}}}]}");
  }

  @Test
  void service_tier_mapping() {
    for (String[] c :
        new String[][] {
          {"fast", "priority"}, {"priority", "priority"}, {"flex", "flex"}, {"standard", "standard"},
          {"standard_only", "standard"}
        }) {
      UniversalRequest req =
          request(null, List.of(Message.user("x")), UniversalParams.builder().serviceTier(c[0]).build());
      assertThat(codec.requestFromUniversal(req).getString("serviceTier")).contains(c[1]);
    }
    UniversalRequest auto =
        request(null, List.of(Message.user("x")), UniversalParams.builder().serviceTier("auto").build());
    assertThat(codec.requestFromUniversal(auto).has("serviceTier")).isFalse();
  }

  @Test
  void test_exclusive_minimum_stripped_from_google_request() {
    UniversalRequest req =
        request(
            null,
            List.of(Message.user("Hello")),
            UniversalParams.builder()
                .tools(
                    List.of(
                        Tool.function(
                            "my_tool",
                            Optional.of("A tool"),
                            Optional.of(
                                json(
                                    "{'type':'object','properties':{'count':{'type':'integer',"
                                        + "'exclusiveMinimum':0}}}")),
                            Optional.empty())))
                .build());
    assertJsonEquals(
        codec.requestFromUniversal(req).getArray("tools").orElseThrow(),
        "[{'functionDeclarations':[{'name':'my_tool','description':'A tool','parameters':null,"
            + "'response':null,'parametersJsonSchema':{'type':'object','properties':{'count':"
            + "{'type':'integer'}}}}]}]");
  }

  @Test
  void test_google_rejects_discovery_only_history_after_filtering() {
    UniversalRequest req =
        request(
            "gemini-2.5-flash",
            List.of(
                Message.tool(
                    List.of(
                        new ToolDiscoveryResultPart(
                            "call_tool_search_123",
                            "tool_search",
                            List.of(new ToolDiscoveryResultItem("search_code", Optional.empty(), Optional.empty())),
                            Optional.of("completed"),
                            Optional.of("client"),
                            Optional.empty())))),
            UniversalParams.EMPTY);
    assertThatThrownBy(() -> codec.requestFromUniversal(req))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("dynamic tool discovery history");
  }

  @Test
  void openai_encrypted_reasoning_cannot_be_replayed_to_gemini() {
    UniversalRequest req =
        request(
            "gemini-3.5-flash",
            List.of(
                Message.user("q"),
                Message.assistant(
                    List.of(dev.llmrouter.translate.ir.ReasoningPart.of("", "gAAAAABqfNlzepp"))),
                Message.user("again")),
            UniversalParams.EMPTY);
    assertThatThrownBy(() -> codec.requestFromUniversal(req))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("OpenAI encrypted reasoning");
    // A Gemini signature is replayed as is, and responses are never refused.
    UniversalRequest native_ =
        req.withMessages(
            List.of(
                Message.user("q"),
                Message.assistant(List.of(dev.llmrouter.translate.ir.ReasoningPart.of("t", "EpsGCpgG"))),
                Message.user("again")));
    assertThat(at(codec.requestFromUniversal(native_), "/contents/1/parts/0/thoughtSignature"))
        .contains(JsonValue.of("EpsGCpgG"));
    UniversalResponse resp = UniversalResponse.builder().messages(req.messages().subList(1, 2)).build();
    assertThat(at(codec.responseFromUniversal(resp), "/candidates/0/content/parts/0/thoughtSignature"))
        .contains(JsonValue.of("gAAAAABqfNlzepp"));
  }

  @Test
  void apply_defaults_clears_strict() {
    UniversalRequest req =
        request(
            null,
            List.of(Message.user("x")),
            UniversalParams.builder()
                .responseFormat(
                    ResponseFormat.jsonSchema(
                        new JsonSchema("r", json("{'type':'object'}"), Optional.of(true), Optional.empty())))
                .build());
    UniversalRequest d = codec.applyDefaults(req);
    assertThat(d.params().responseFormat().orElseThrow().jsonSchema().orElseThrow().strict()).isEmpty();
    assertJsonEquals(
        codec.requestFromUniversal(d).getObject("generationConfig").orElseThrow(),
        "{'responseMimeType':'application/json','responseSchema':null,"
            + "'responseJsonSchema':{'type':'object','title':'r'}}");
  }

  @Test
  void response_schema_goes_through_the_typed_schema() {
    JsonObject body =
        obj(
            "{'contents':[{'role':'user','parts':[{'text':'x'}]}],'generationConfig':{'responseMimeType':"
                + "'application/json','responseSchema':{'type':'OBJECT','properties':{'gateway':{'type':"
                + "'STRING'},'score':{'type':'INTEGER'}},'required':['gateway','score'],'propertyOrdering':"
                + "['gateway','score'],'additionalProperties':false}}}");
    assertThat(codec.requestRequiresJsonResponse(body)).isTrue();
    ResponseFormat rf = codec.requestToUniversal(body).params().responseFormat().orElseThrow();
    assertJsonEquals(
        rf.jsonSchema().orElseThrow().schema(),
        "{'type':'object','properties':{'gateway':{'type':'string'},'score':{'type':'integer'}},"
            + "'required':['gateway','score'],'propertyOrdering':['gateway','score']}");
  }

  @Test
  void system_instruction_becomes_the_leading_system_message() {
    // Deviation from lingua, which drops systemInstruction (recorded in conformance/deviations.json).
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'contents':[{'role':'user','parts':[{'text':'Hi'}]}],"
                    + "'systemInstruction':{'parts':[{'text':'Always say ok.'}]}}"));
    assertThat(u.messages()).hasSize(2);
    assertThat(u.messages().get(0).role()).isEqualTo(dev.llmrouter.translate.ir.Role.SYSTEM);
    assertThat(u.messages().get(0).text()).contains("Always say ok.");
    assertThat(u.params().extras()).isEmpty();
  }


  @Test
  void bad_input_names_the_field() {
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'contents':[{'parts':[{'text':'x'}]}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("role");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'contents':[{'role':'user'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("parts");
    assertThatThrownBy(
            () -> codec.requestToUniversal(obj("{'contents':[{'role':'user','parts':[{'text':5}]}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("contents[].parts[].text");
    assertThatThrownBy(
            () ->
                codec.requestToUniversal(
                    obj("{'contents':[],'generationConfig':{'temperature':'hot'}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("generationConfig.temperature");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'contents':[],'serviceTier':'gold'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("serviceTier");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'x'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("contents");
  }

  // ---- adapter.rs: responses ----------------------------------------------------------------

  @Test
  void test_google_response_model_version_roundtrip() {
    UniversalResponse u =
        codec.responseToUniversal(
            obj(
                "{'modelVersion':'gemini-1.5','candidates':[{'content':{'role':'model','parts':[{'text':"
                    + "'Hi'}]},'finishReason':'STOP'}]}"));
    assertThat(u.model()).contains("gemini-1.5");
    assertJsonEquals(
        codec.responseFromUniversal(u),
        "{'modelVersion':'gemini-1.5','candidates':[{'index':0,'content':{'role':'model','parts':"
            + "[{'text':'Hi'}]},'finishReason':'STOP'}]}");
  }

  @Test
  void function_calls_force_tool_calls_and_get_positional_ids() {
    UniversalResponse u =
        codec.responseToUniversal(
            obj(
                "{'candidates':[{'content':{'role':'model','parts':[{'functionCall':{'name':'a','args':{}}},"
                    + "{'functionCall':{'name':'b','args':{'x':1}}}]},'finishReason':'STOP'}],"
                    + "'usageMetadata':{'promptTokenCount':9,'candidatesTokenCount':5,'thoughtsTokenCount':3,"
                    + "'totalTokenCount':17,'serviceTier':'standard'}}"));
    assertThat(u.finishReason()).contains(FinishReason.TOOL_CALLS);
    List<ToolCallPart> calls = u.messages().get(0).partsOf(ToolCallPart.class);
    assertThat(calls).extracting(ToolCallPart::toolCallId).containsExactly("call_0", "call_1");
    assertThat(u.usage().orElseThrow().completionTokens()).contains(8L);
    assertThat(u.servedServiceTier()).isPresent();
    assertJsonEquals(
        codec.responseFromUniversal(u),
        "{'candidates':[{'index':0,'content':{'role':'model','parts':[{'functionCall':{'name':'a',"
            + "'args':{}}},{'functionCall':{'name':'b','args':{'x':1}}}]},'finishReason':'STOP'}],"
            + "'usageMetadata':{'promptTokenCount':9,'candidatesTokenCount':5,'thoughtsTokenCount':3,"
            + "'totalTokenCount':17,'serviceTier':'standard'}}");
  }

  @Test
  void blocked_prompt_is_an_empty_content_filter_message() {
    JsonObject body = obj("{'promptFeedback':{'blockReason':'SAFETY'}}");
    assertThat(codec.detectResponse(body)).isTrue();
    assertThat(codec.detectStreamEvent(body)).isFalse();
    UniversalResponse u = codec.responseToUniversal(body);
    assertThat(u.messages()).hasSize(1);
    assertThat(u.messages().get(0).content()).isEmpty();
    assertThat(u.finishReason()).contains(FinishReason.CONTENT_FILTER);
    assertJsonEquals(
        codec.responseFromUniversal(u),
        "{'candidates':[{'index':0,'content':{'role':'model'},'finishReason':'SAFETY'}]}");
  }

  @Test
  void other_finish_reason_is_kept_in_responses() {
    UniversalResponse u =
        codec.responseToUniversal(
            obj("{'candidates':[{'content':{'role':'model','parts':[{'text':'x'}]},'finishReason':'OTHER'}]}"));
    assertThat(u.finishReason()).contains(FinishReason.other("OTHER"));
  }

  @Test
  void finish_reason_without_messages_gives_a_bare_candidate() {
    UniversalResponse u = UniversalResponse.builder().finishReason(FinishReason.LENGTH).build();
    assertJsonEquals(
        codec.responseFromUniversal(u), "{'candidates':[{'index':0,'finishReason':'MAX_TOKENS'}]}");
  }

  // ---- adapter.rs: streams ------------------------------------------------------------------

  @Test
  void test_google_stream_tool_call_sets_tool_calls_finish_reason() {
    UniversalStreamChunk chunk =
        codec
            .streamToUniversal(
                obj(
                    "{'responseId':'response_123','candidates':[{'index':0,'content':{'role':'model',"
                        + "'parts':[{'thoughtSignature':'thought_signature_123','functionCall':{'name':"
                        + "'get_summary','args':{}}}]},'finishReason':'STOP'}]}"))
            .orElseThrow();
    StreamChoice choice = chunk.choices().get(0);
    StreamDelta delta = choice.deltaView().orElseThrow();
    assertThat(choice.finishReason()).contains("tool_calls");
    assertThat(delta.reasoningSignature()).contains(ReasoningSignature.of("thought_signature_123"));
    assertThat(delta.toolCalls().get(0).index()).contains(0);
    assertThat(delta.toolCalls().get(0).id()).contains("call_response_123_0");
  }

  @Test
  void test_google_stream_tool_call_indexes_are_tool_call_relative() {
    UniversalStreamChunk chunk =
        codec
            .streamToUniversal(
                obj(
                    "{'responseId':'response_456','candidates':[{'index':0,'content':{'role':'model',"
                        + "'parts':[{'text':'I will call two tools.'},{'functionCall':{'name':'first_tool',"
                        + "'args':{'a':1}}},{'text':'Then another.'},{'functionCall':{'name':'second_tool',"
                        + "'args':{'b':2}}}]},'finishReason':'STOP'}]}"))
            .orElseThrow();
    StreamChoice choice = chunk.choices().get(0);
    StreamDelta delta = choice.deltaView().orElseThrow();
    assertThat(choice.finishReason()).contains("tool_calls");
    assertThat(delta.toolCalls()).hasSize(2);
    assertThat(delta.toolCalls().get(0).index()).contains(0);
    assertThat(delta.toolCalls().get(1).index()).contains(1);
    assertThat(delta.toolCalls().get(0).id()).contains("call_response_456_0");
    assertThat(delta.toolCalls().get(1).id()).contains("call_response_456_1");
    assertThat(delta.toolCalls().get(0).function().orElseThrow().arguments()).contains("{\"a\":1}");
    assertThat(delta.content()).contains("I will call two tools.Then another.");
  }

  @Test
  void test_google_stream_keeps_thought_text_out_of_content() {
    UniversalStreamChunk chunk =
        codec
            .streamToUniversal(
                obj(
                    "{'responseId':'response_json_thinking','candidates':[{'index':0,'content':{'role':"
                        + "'model','parts':[{'text':'thinking','thought':true},{'text':'{}','thoughtSignature':"
                        + "'thought_signature_123'}]},'finishReason':'STOP'}]}"))
            .orElseThrow();
    StreamDelta delta = chunk.choices().get(0).deltaView().orElseThrow();
    assertThat(delta.content()).contains("{}");
    assertThat(delta.reasoning()).containsExactly(ReasoningDelta.of("thinking"));
    assertThat(delta.reasoningSignature()).contains(ReasoningSignature.of("thought_signature_123"));
    assertThat(chunk.choices().get(0).finishReason()).contains("stop");
  }

  private static UniversalStreamChunk single(StreamDelta delta) {
    return UniversalStreamChunk.of(
        Optional.of("response_json_thinking"),
        Optional.of("gemini-2.5-flash"),
        List.of(StreamChoice.of(0, delta, Optional.empty())),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void test_google_stream_from_universal_emits_reasoning_as_thought_part() {
    StreamDelta delta =
        new StreamDelta(
            Optional.of("assistant"),
            Optional.empty(),
            List.of(),
            List.of(ReasoningDelta.of("thinking before visible text")),
            Optional.empty());
    JsonObject out = codec.streamFromUniversal(single(delta));
    assertJsonEquals(
        out.getArray("candidates").orElseThrow(),
        "[{'index':0,'content':{'role':'model','parts':[{'text':'thinking before visible text',"
            + "'thought':true}]}}]");
    StreamDelta back = codec.streamToUniversal(out).orElseThrow().choices().get(0).deltaView().orElseThrow();
    assertThat(back.content()).contains("");
    assertThat(back.reasoning()).containsExactly(ReasoningDelta.of("thinking before visible text"));
  }

  @Test
  void test_google_stream_from_universal_attaches_signature_to_reasoning_only_thought_part() {
    StreamDelta delta =
        new StreamDelta(
            Optional.of("assistant"),
            Optional.empty(),
            List.of(),
            List.of(ReasoningDelta.of("signed thinking without visible text")),
            Optional.of(ReasoningSignature.of("thought_signature_456")));
    JsonObject out = codec.streamFromUniversal(single(delta));
    assertJsonEquals(
        at(out, "/candidates/0/content/parts").orElseThrow(),
        "[{'text':'signed thinking without visible text','thought':true,"
            + "'thoughtSignature':'thought_signature_456'}]");
    StreamDelta back = codec.streamToUniversal(out).orElseThrow().choices().get(0).deltaView().orElseThrow();
    assertThat(back.reasoningSignature()).contains(ReasoningSignature.of("thought_signature_456"));
  }

  private static ToolCallDelta fn(String name) {
    return ToolCallDelta.of(null, null, null, null, ToolFunctionDelta.of(name, "{}"));
  }

  @Test
  void test_google_stream_from_universal_maps_tool_call_signatures_positionally() {
    StreamDelta delta =
        new StreamDelta(
            Optional.empty(),
            Optional.empty(),
            List.of(fn("first"), fn("second")),
            List.of(),
            Optional.of(new ReasoningSignature(List.of("signature_one", "signature_two"), false)));
    JsonObject out = codec.streamFromUniversal(
        UniversalStreamChunk.of(Optional.empty(), Optional.empty(),
            List.of(StreamChoice.of(0, delta, Optional.empty())), Optional.empty(), Optional.empty()));
    assertJsonEquals(
        at(out, "/candidates/0/content/parts").orElseThrow(),
        "[{'functionCall':{'name':'first','args':{}},'thoughtSignature':'signature_one'},"
            + "{'functionCall':{'name':'second','args':{}},'thoughtSignature':'signature_two'}]");
  }

  @Test
  void test_google_stream_from_universal_preserves_multiple_visible_text_signatures() {
    StreamDelta delta =
        new StreamDelta(
            Optional.empty(),
            Optional.of("visible text"),
            List.of(),
            List.of(),
            Optional.of(new ReasoningSignature(List.of("signature_one", "signature_two"), false)));
    JsonObject out = codec.streamFromUniversal(single(delta));
    assertJsonEquals(
        at(out, "/candidates/0/content/parts").orElseThrow(),
        "[{'text':'','thought':true,'thoughtSignature':'signature_one'},"
            + "{'text':'','thought':true,'thoughtSignature':'signature_two'},{'text':'visible text'}]");
    StreamDelta back = codec.streamToUniversal(out).orElseThrow().choices().get(0).deltaView().orElseThrow();
    assertThat(back.reasoningSignature())
        .contains(new ReasoningSignature(List.of("signature_one", "signature_two"), false));
  }

  @Test
  void test_google_stream_from_universal_rejects_multiple_reasoning_signatures() {
    StreamDelta delta =
        new StreamDelta(
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(ReasoningDelta.of("thinking")),
            Optional.of(new ReasoningSignature(List.of("signature_one", "signature_two"), false)));
    assertThatThrownBy(() -> codec.streamFromUniversal(single(delta)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("multiple reasoning signatures cannot be represented");
  }

  @Test
  void test_google_stream_from_universal_keep_alive_emits_placeholder_candidate() {
    assertJsonEquals(
        codec.streamFromUniversal(UniversalStreamChunk.keepAliveChunk()),
        "{'candidates':[{'index':0,'content':{'parts':[{'text':''}],'role':'model'}}]}");
  }

  @Test
  void test_google_stream_from_universal_usage_only_emits_placeholder_candidate() {
    UniversalStreamChunk chunk =
        UniversalStreamChunk.of(
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.of(UniversalUsage.builder().promptTokens(1L).completionTokens(2L).build()));
    JsonObject out = codec.streamFromUniversal(chunk);
    assertThat(out.getArray("candidates").orElseThrow().size()).isEqualTo(1);
    assertJsonEquals(
        out.getObject("usageMetadata").orElseThrow(),
        "{'promptTokenCount':1,'candidatesTokenCount':2,'totalTokenCount':3}");
  }

  @Test
  void stream_finish_reasons_use_the_google_names() {
    UniversalStreamChunk chunk = UniversalStreamChunk.finish(0, "length");
    assertThat(at(codec.streamFromUniversal(chunk), "/candidates/0/finishReason"))
        .contains(JsonValue.of("MAX_TOKENS"));
    UniversalStreamChunk other =
        codec
            .streamToUniversal(obj("{'candidates':[{'content':{'role':'model','parts':[]},'finishReason':'OTHER'}]}"))
            .orElseThrow();
    // In streams lingua maps OTHER to a content filter (unlike whole responses).
    assertThat(other.choices().get(0).finishReason()).contains("content_filter");
  }

  @Test
  void stream_chunk_without_candidates_is_rejected() {
    assertThat(codec.detectStreamEvent(obj("{'usageMetadata':{}}"))).isFalse();
    assertThatThrownBy(() -> codec.streamToUniversal(obj("{'usageMetadata':{}}")))
        .isInstanceOf(TranslationException.class);
  }
}
