package dev.llmrouter.translate.responses;

import static dev.llmrouter.translate.responses.Js.assertAbsent;
import static dev.llmrouter.translate.responses.Js.assertAt;
import static dev.llmrouter.translate.responses.Js.assertJson;
import static dev.llmrouter.translate.responses.Js.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.translate.ir.BuiltinToolProvider;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.ConversationReference;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.ProgramOutputPart;
import dev.llmrouter.translate.ir.ProgramPart;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningCanonical;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolCaller;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.ToolChoiceMode;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Request conversion of the Responses codec (ports of lingua's responses_adapter.rs tests and own cases). */
class ResponsesRequestTest {
  private final ResponsesCodec codec = new ResponsesCodec();

  private static UniversalRequest request(String model, List<Message> messages, UniversalParams params) {
    return UniversalRequest.of(model, messages, params);
  }

  /** The request without the raw input kept for same-format round trips (forces re-derivation of items). */
  private static UniversalRequest withoutRawInput(UniversalRequest req) {
    JsonObject ex = req.params().extrasFor(ProviderFormat.RESPONSES).orElse(JsonObject.empty());
    return req.withParams(
        req.params().toBuilder().extras(ProviderFormat.RESPONSES, ex.without(ResponsesCodec.RAW_INPUT)).build());
  }

  @Test
  void test_responses_detect_request() {
    assertThat(codec.detectRequest(obj("{'model':'o1','input':[{'role':'user','content':'Hello'}]}"))).isTrue();
    assertThat(codec.detectRequest(obj("{'model':'o1','input':'Hello'}"))).isTrue();
    assertThat(codec.detectRequest(obj("{'model':'o1','messages':[],'input':'x'}"))).isFalse();
    assertThat(codec.detectRequest(obj("{'model':'o1','messages':[]}"))).isFalse();
  }

  @Test
  void test_responses_prompt_cache_key_imports_to_canonical_param() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-5-nano','input':[{'role':'user','content':'Hello'}],'prompt_cache_key':'cache-key-1'}"));
    assertThat(u.params().promptCacheKey()).contains("cache-key-1");
    assertThat(u.params().extrasFor(ProviderFormat.RESPONSES).orElseThrow().has("prompt_cache_key")).isFalse();
  }

  @Test
  void test_responses_prompt_cache_key_exports_from_canonical_param() {
    JsonObject out =
        codec.requestFromUniversal(
            request("gpt-5-nano", List.of(Message.user("Hello")), UniversalParams.builder().promptCacheKey("cache-key-1").build()));
    assertAt(out, "/prompt_cache_key", "'cache-key-1'");
  }

  @Test
  void test_responses_prompt_cache_key_canonical_value_overrides_stale_extra() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-5-nano','input':[{'role':'user','content':'Hello'}],'prompt_cache_key':'cache-key-original'}"));
    u = u.withParams(u.params().toBuilder().promptCacheKey("cache-key-updated").build());
    assertAt(codec.requestFromUniversal(u), "/prompt_cache_key", "'cache-key-updated'");
  }

  @Test
  void test_responses_preserves_gpt56_request_controls_in_extras() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5.6-terra','input':[{'role':'user','content':'Hello'}],"
                    + "'include':['reasoning.encrypted_content'],"
                    + "'reasoning':{'effort':'max','mode':'pro','context':'all_turns'},"
                    + "'previous_response_id':'resp_123','prompt_cache_options':{'mode':'explicit','ttl':'30m'},"
                    + "'prompt_cache_retention':'24h'}"));
    JsonObject ex = u.params().extrasFor(ProviderFormat.RESPONSES).orElseThrow();
    assertAt(ex, "/include", "['reasoning.encrypted_content']");
    assertAt(ex, "/reasoning", "{'effort':'max','mode':'pro','context':'all_turns'}");
    assertAt(ex, "/previous_response_id", "'resp_123'");
    assertAt(ex, "/prompt_cache_options", "{'mode':'explicit','ttl':'30m'}");
    assertAt(ex, "/prompt_cache_retention", "'24h'");
    JsonObject out = codec.requestFromUniversal(u);
    assertAt(out, "/include", "['reasoning.encrypted_content']");
    assertAt(out, "/reasoning", "{'effort':'max','mode':'pro','context':'all_turns'}");
    assertAt(out, "/previous_response_id", "'resp_123'");
    assertAt(out, "/prompt_cache_options", "{'mode':'explicit','ttl':'30m'}");
    assertAt(out, "/prompt_cache_retention", "'24h'");
  }

  @Test
  void responses_programmatic_items_and_callers_export_to_input_json() {
    ToolCaller caller = ToolCaller.program("call_prog_123");
    List<Message> messages =
        List.of(
            Message.user("Check inventory."),
            Message.assistant(
                List.of(
                    new ProgramPart(
                        "call_prog_123",
                        "const result = await get_inventory({ sku: \"sku_123\" });",
                        Optional.of("opaque_state"),
                        Optional.of("prog_123")),
                    ToolCallPart.builder()
                        .toolCallId("call_inventory_123")
                        .toolName("get_inventory")
                        .arguments(ToolArguments.fromString("{\"sku\":\"sku_123\"}"))
                        .caller(caller)
                        .build())),
            Message.tool(
                List.of(
                    ToolResultPart.builder()
                        .toolCallId("call_inventory_123")
                        .toolName("get_inventory")
                        .output(obj("{'sku':'sku_123','available_units':42}"))
                        .caller(caller)
                        .build())),
            Message.assistant(
                List.of(new ProgramOutputPart("call_prog_123", "{\"done\":true}", "completed", Optional.of("prog_out_123")))));
    JsonArray input = codec.requestFromUniversal(request("gpt-5.6-terra", messages, UniversalParams.EMPTY)).getArray("input").orElseThrow();
    assertJson(
        input,
        "[{'role':'user','content':'Check inventory.','type':'message'},"
            + "{'type':'program','id':'prog_123','call_id':'call_prog_123',"
            + "'code':'const result = await get_inventory({ sku: \\\"sku_123\\\" });','fingerprint':'opaque_state'},"
            + "{'type':'function_call','call_id':'call_inventory_123','name':'get_inventory',"
            + "'arguments':'{\\\"sku\\\":\\\"sku_123\\\"}','status':'completed',"
            + "'caller':{'type':'program','caller_id':'call_prog_123'}},"
            + "{'type':'function_call_output','call_id':'call_inventory_123','name':'get_inventory',"
            + "'output':'{\\\"available_units\\\":42,\\\"sku\\\":\\\"sku_123\\\"}',"
            + "'caller':{'type':'program','caller_id':'call_prog_123'}},"
            + "{'type':'program_output','id':'prog_out_123','call_id':'call_prog_123','result':'{\\\"done\\\":true}',"
            + "'status':'completed'}]");
  }

  @Test
  void program_caller_without_id_is_refused() {
    JsonObject body =
        obj(
            "{'model':'gpt-5.6','input':[{'type':'function_call','call_id':'c','name':'n','arguments':'{}',"
                + "'caller':{'type':'program'}}]}");
    assertThatThrownBy(() -> codec.requestToUniversal(body))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("caller.caller_id");
  }

  @Test
  void responses_tool_search_input_items_convert_to_universal() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5-nano','input':[{'type':'message','role':'user','content':'Find the available tools.'},"
                    + "{'type':'tool_search_call','call_id':'call_tool_search_123','status':'completed',"
                    + "'execution':'client','arguments':{}},"
                    + "{'type':'tool_search_output','call_id':'call_tool_search_123','status':'completed',"
                    + "'execution':'client','tools':[{'type':'function','name':'search_code',"
                    + "'description':'Search code.','parameters':{'type':'object','properties':{},"
                    + "'additionalProperties':false}}]}]}"));
    assertThat(u.messages()).hasSize(3);
    ToolDiscoveryCallPart call = (ToolDiscoveryCallPart) u.messages().get(1).content().get(0);
    assertThat(call.toolCallId()).isEqualTo("call_tool_search_123");
    assertThat(call.discoveryToolName()).isEqualTo("tool_search");
    assertThat(call.status()).contains("completed");
    assertThat(call.execution()).contains("client");
    ToolDiscoveryResultPart result = (ToolDiscoveryResultPart) u.messages().get(2).content().get(0);
    assertThat(result.toolCallId()).isEqualTo("call_tool_search_123");
    assertThat(result.tools().get(0).toolName()).isEqualTo("search_code");
    // Re-derived items give back the same tool definitions.
    JsonObject out = codec.requestFromUniversal(withoutRawInput(u));
    assertAt(out, "/input/2/tools/0/name", "'search_code'");
    assertAt(out, "/input/2/tools/0/parameters/additionalProperties", "false");
  }

  @Test
  void responses_tool_search_json_string_arguments_extract_query_and_preserve_string() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5-nano','input':[{'type':'tool_search_call','call_id':'call_tool_search_123',"
                    + "'status':'completed','execution':'client','arguments':'{\\\"query\\\":\\\"weather\\\"}'}]}"));
    ToolDiscoveryCallPart call = (ToolDiscoveryCallPart) u.messages().get(0).content().get(0);
    assertThat(call.query()).contains("weather");
    assertThat(call.arguments()).contains(JsonString.of("{\"query\":\"weather\"}"));
    JsonObject out = codec.requestFromUniversal(withoutRawInput(u));
    assertAt(out, "/input/0/type", "'tool_search_call'");
    assertAt(out, "/input/0/arguments", "'{\\\"query\\\":\\\"weather\\\"}'");
  }

  @Test
  void responses_tool_search_opaque_string_arguments_import_without_query() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5-nano','input':[{'type':'tool_search_call','call_id':'call_tool_search_123',"
                    + "'status':'completed','execution':'client','arguments':'not json'}]}"));
    ToolDiscoveryCallPart call = (ToolDiscoveryCallPart) u.messages().get(0).content().get(0);
    assertThat(call.query()).isEmpty();
    assertThat(call.arguments()).contains(JsonString.of("not json"));
  }

  @Test
  void tool_search_output_without_call_id_uses_the_previous_call() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'m','input':[{'type':'tool_search_call','id':'tsc_1','arguments':{}},"
                    + "{'type':'tool_search_output','id':'tso_1','tools':[]}]}"));
    ToolDiscoveryResultPart result = (ToolDiscoveryResultPart) u.messages().get(1).content().get(0);
    assertThat(result.toolCallId()).isEqualTo("tsc_1");
  }

  @Test
  void responses_function_named_tool_search_stays_function_call() {
    Message m =
        Message.assistant(
            List.of(
                ToolCallPart.of(
                    "call_regular_tool_search", "tool_search", ToolArguments.fromString("{\"query\":\"weather\"}"))));
    JsonObject out = codec.requestFromUniversal(request("gpt-5-nano", List.of(m), UniversalParams.EMPTY));
    assertAt(out, "/input/0/type", "'function_call'");
    assertAt(out, "/input/0/name", "'tool_search'");
    assertAt(out, "/input/0/arguments", "'{\\\"query\\\":\\\"weather\\\"}'");
  }

  @Test
  void test_responses_moderation_is_kept_in_extras() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-5-nano','input':[{'role':'user','content':'Hello'}],'moderation':{'model':'omni-moderation-latest'}}"));
    assertAt(u.params().extrasFor(ProviderFormat.RESPONSES).orElseThrow(), "/moderation", "{'model':'omni-moderation-latest'}");
    assertAt(codec.requestFromUniversal(u), "/moderation", "{'model':'omni-moderation-latest'}");
  }

  @Test
  void moderation_from_chat_extras_is_written() {
    UniversalParams p =
        UniversalParams.builder().extras(ProviderFormat.OPENAI, obj("{'moderation':{'model':'m1'}}")).build();
    assertAt(codec.requestFromUniversal(request("gpt-5-nano", List.of(Message.user("x")), p)), "/moderation", "{'model':'m1'}");
  }

  @Test
  void test_responses_preserves_deferred_namespace_tool_search_tools() {
    String namespace =
        "{'type':'namespace','name':'inventory','description':'Deferred inventory lookup tools.',"
            + "'tools':[{'type':'function','name':'lookup_inventory_sku','description':'Look up.',"
            + "'parameters':{'type':'object','properties':{'item_name':{'type':'string'}},'required':['item_name']},"
            + "'defer_loading':true}]}";
    JsonObject body =
        obj(
            "{'model':'gpt-5.4-2026-03-05','input':[{'role':'user','content':'Look up cobalt-bandage.'}],"
                + "'tools':[" + namespace + ",{'type':'tool_search'}]}");
    UniversalRequest u = codec.requestToUniversal(body);
    assertThat(u.params().tools().orElseThrow().get(0).builtinProvider()).contains(BuiltinToolProvider.RESPONSES);
    assertAt(codec.requestFromUniversal(u), "/tools", "[" + namespace + ",{'type':'tool_search'}]");
  }

  @Test
  void test_responses_item_reference_imports_to_conversation_reference() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-4.1','input':[{'type':'item_reference','id':'rs_0c44'},"
                    + "{'type':'message','role':'user','content':'Continue.'}]}"));
    assertThat(u.messages()).hasSize(1);
    assertThat(u.params().conversationReference()).contains(List.of(new ConversationReference("rs_0c44")));
  }

  @Test
  void test_responses_conversation_reference_serializes_to_item_reference() {
    UniversalParams p = UniversalParams.builder().conversationReference(List.of(new ConversationReference("rs_0c44"))).build();
    JsonObject out = codec.requestFromUniversal(request("gpt-4.1", List.of(Message.user("Continue.")), p));
    assertAt(out, "/input/0", "{'type':'item_reference','id':'rs_0c44'}");
    assertAt(out, "/input/1", "{'role':'user','content':'Continue.','type':'message'}");
  }

  @Test
  void item_reference_without_id_is_refused() {
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m','input':[{'type':'item_reference'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("item_reference");
  }

  @Test
  void test_responses_parses_safety_identifier_as_user_id_metadata() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-5-nano','input':[{'role':'user','content':'Hello'}],'safety_identifier':'user-123'}"));
    assertJson(u.params().metadata().orElseThrow(), "{'user_id':'user-123'}");
    assertAt(u.params().extrasFor(ProviderFormat.RESPONSES).orElseThrow(), "/safety_identifier", "'user-123'");
  }

  @Test
  void test_responses_prefers_explicit_metadata_over_safety_identifier() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5-nano','input':[{'role':'user','content':'Hello'}],"
                    + "'metadata':{'request_id':'req-123'},'safety_identifier':'user-123'}"));
    assertJson(u.params().metadata().orElseThrow(), "{'request_id':'req-123'}");
  }

  @Test
  void test_responses_omits_top_p_for_reasoning_models() {
    UniversalParams p = UniversalParams.builder().topP(0.9).temperature(0.5).build();
    JsonObject out = codec.requestFromUniversal(request("gpt-5-mini", List.of(Message.user("Hello")), p));
    assertAbsent(out, "/top_p");
    assertAbsent(out, "/temperature");
  }

  @Test
  void test_responses_preserves_top_p_for_non_reasoning_models() {
    UniversalParams p = UniversalParams.builder().topP(0.9).build();
    assertAt(codec.requestFromUniversal(request("gpt-4.1", List.of(Message.user("Hello")), p)), "/top_p", "0.9");
  }

  private static UniversalParams effort(ReasoningEffort e) {
    return UniversalParams.builder()
        .reasoning(Reasoning.builder().enabled(true).effort(e).canonical(ReasoningCanonical.EFFORT).build())
        .build();
  }

  @Test
  void test_responses_clamps_reasoning_effort_for_target_model() {
    JsonObject out = codec.requestFromUniversal(request("gpt-5.1", List.of(Message.user("Hello")), effort(ReasoningEffort.XHIGH)));
    assertAt(out, "/reasoning", "{'effort':'high'}");
  }

  @Test
  void test_responses_clamps_synthesized_max_reasoning_effort_for_target_model() {
    JsonObject out = codec.requestFromUniversal(request("gpt-5.4", List.of(Message.user("Hello")), effort(ReasoningEffort.MAX)));
    assertAt(out, "/reasoning/effort", "'xhigh'");
  }

  @Test
  void raw_responses_effort_is_not_clamped() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-5.4','input':[{'role':'user','content':'Hello'}],'reasoning':{'effort':'max'}}"));
    assertAt(codec.requestFromUniversal(u.withModel(Optional.of("gpt-5-nano"))), "/reasoning/effort", "'max'");
  }

  @Test
  void test_responses_provider_only_reasoning_does_not_synthesize_effort() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5.4','input':[{'role':'user','content':'Hello'}],"
                    + "'reasoning':{'context':'all_turns','mode':'persistent'}}"));
    assertThat(u.params().reasoning()).isEmpty();
    JsonObject out = codec.requestFromUniversal(u);
    assertAt(out, "/reasoning", "{'context':'all_turns','mode':'persistent'}");
  }

  @Test
  void test_responses_summary_only_reasoning_does_not_synthesize_effort() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-5.4','input':[{'role':'user','content':'Hello'}],'reasoning':{'summary':'auto'}}"));
    assertAt(codec.requestFromUniversal(u), "/reasoning", "{'summary':'auto'}");
  }

  @Test
  void reasoning_summary_concise_and_generate_summary_become_auto() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5.4','input':'Hi','max_output_tokens':1000,"
                    + "'reasoning':{'effort':'low','generate_summary':'concise'}}"));
    Reasoning r = u.params().reasoning().orElseThrow();
    assertThat(r.enabled()).contains(true);
    assertThat(r.effort()).contains(ReasoningEffort.LOW);
    assertThat(r.budgetTokens()).contains(1024L);
    assertThat(r.summary().map(Enum::name)).contains("AUTO");
    assertAt(codec.requestFromUniversal(u), "/reasoning", "{'effort':'low','summary':'auto'}");
  }

  @Test
  void unknown_reasoning_effort_is_a_client_error() {
    assertThatThrownBy(
            () -> codec.requestToUniversal(obj("{'model':'m','input':'Hi','reasoning':{'effort':'extreme'}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("reasoning.effort");
  }

  @Test
  void test_responses_roundtrip_preserves_prompt_cache_breakpoint() {
    JsonObject body =
        obj(
            "{'model':'gpt-5.6','input':[{'role':'user','content':[{'type':'input_text','text':'Hello',"
                + "'prompt_cache_breakpoint':{'mode':'explicit'}}]}],'prompt_cache_options':{'ttl':'24h'}}");
    UniversalRequest u = codec.requestToUniversal(body);
    assertThat(((TextPart) u.messages().get(0).content().get(0)).cacheControl()).contains(CacheControl.EPHEMERAL);
    for (UniversalRequest r : List.of(u, withoutRawInput(u))) {
      JsonObject out = codec.requestFromUniversal(r);
      assertAt(out, "/input/0/content/0/prompt_cache_breakpoint/mode", "'explicit'");
      assertAt(out, "/prompt_cache_options/ttl", "'24h'");
    }
    // Older models lose the breakpoint and the options.
    JsonObject older = codec.requestFromUniversal(u.withModel(Optional.of("gpt-5.5")));
    assertAbsent(older, "/input/0/content/0/prompt_cache_breakpoint");
    assertAbsent(older, "/prompt_cache_options");
  }

  @Test
  void test_responses_roundtrip_preserves_prompt_cache_retention_before_gpt_5_6() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-5.5','input':[{'role':'user','content':'Hello'}],'prompt_cache_retention':'24h'}"));
    assertAt(codec.requestFromUniversal(u), "/prompt_cache_retention", "'24h'");
  }

  @Test
  void test_responses_strips_prompt_variable_cache_breakpoint_before_gpt_5_6() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5.5','input':[{'role':'user','content':'Hello'}],'prompt':{'id':'pmpt_123',"
                    + "'variables':{'ctx':{'type':'input_text','text':'Reusable context',"
                    + "'prompt_cache_breakpoint':{'mode':'explicit'}}}}}"));
    JsonObject out = codec.requestFromUniversal(u);
    assertAt(out, "/prompt/id", "'pmpt_123'");
    assertAbsent(out, "/prompt/variables/ctx/prompt_cache_breakpoint");
  }

  @Test
  void cache_ttl_cannot_be_sent_to_responses() {
    Message m =
        Message.user(List.of(TextPart.builder().text("ctx").cacheControl(CacheControl.of(CacheControl.Ttl.ONE_HOUR)).build()));
    assertThatThrownBy(() -> codec.requestFromUniversal(request("gpt-5.6", List.of(m), UniversalParams.EMPTY)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("cache_control.ttl `1h`");
  }

  @Test
  void assistant_cache_control_cannot_be_sent_to_responses() {
    Message m = Message.assistant(List.of(TextPart.builder().text("x").cacheControl(CacheControl.EPHEMERAL).build()));
    assertThatThrownBy(() -> codec.requestFromUniversal(request("gpt-5.6", List.of(m), UniversalParams.EMPTY)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("output_text");
  }

  @Test
  void test_responses_roundtrip_preserves_direct_caller_without_id() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5.6-terra','input':[{'type':'function_call','call_id':'call_direct_123',"
                    + "'name':'get_weather','arguments':'{}','caller':{'type':'direct'}}]}"));
    ToolCallPart call = (ToolCallPart) u.messages().get(0).content().get(0);
    assertThat(call.caller()).contains(ToolCaller.direct());
    JsonObject out = codec.requestFromUniversal(withoutRawInput(u));
    assertAt(out, "/input/0/caller", "{'type':'direct'}");
  }

  @Test
  void test_responses_roundtrip_preserves_reasoning_provider_fields() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5.4','input':[{'role':'user','content':'Hello'}],'reasoning':{'effort':'max',"
                    + "'context':'all_turns','mode':'persistent','future_reasoning_field':{'enabled':true}}}"));
    assertThat(u.params().reasoning().flatMap(Reasoning::effort)).contains(ReasoningEffort.MAX);
    assertAt(
        codec.requestFromUniversal(u),
        "/reasoning",
        "{'effort':'max','context':'all_turns','mode':'persistent','future_reasoning_field':{'enabled':true}}");
  }

  @Test
  void test_responses_clamps_synthesized_max_output_tokens_to_provider_minimum() {
    UniversalParams p = UniversalParams.builder().tokenBudget(TokenBudget.outputTokens(1)).build();
    assertAt(codec.requestFromUniversal(request("gpt-5-nano", List.of(Message.user("x")), p)), "/max_output_tokens", "16");
    UniversalParams p100 = UniversalParams.builder().tokenBudget(TokenBudget.outputTokens(100)).build();
    assertAt(codec.requestFromUniversal(request("gpt-5-nano", List.of(Message.user("x")), p100)), "/max_output_tokens", "100");
  }

  @Test
  void test_responses_preserves_raw_max_output_tokens_from_same_provider_extras() {
    UniversalParams p =
        UniversalParams.builder()
            .tokenBudget(TokenBudget.outputTokens(100))
            .extras(ProviderFormat.RESPONSES, obj("{'max_output_tokens':1}"))
            .build();
    assertAt(codec.requestFromUniversal(request("gpt-5-nano", List.of(Message.user("x")), p)), "/max_output_tokens", "1");
  }

  @Test
  void instructions_become_a_leading_system_message_and_come_back() {
    JsonObject body =
        obj("{'model':'gpt-5-nano','instructions':'Be brief.','input':[{'role':'user','content':'Hi'}],'store':false}");
    UniversalRequest u = codec.requestToUniversal(body);
    assertThat(u.messages().get(0)).isEqualTo(Message.system("Be brief."));
    assertThat(u.params().store()).contains(false);
    JsonObject same = codec.requestFromUniversal(u);
    assertAt(same, "/instructions", "'Be brief.'");
    assertAt(same, "/input", "[{'role':'user','content':'Hi'}]");
    assertAt(same, "/store", "false");
    JsonObject derived = codec.requestFromUniversal(withoutRawInput(u));
    assertAt(derived, "/instructions", "'Be brief.'");
    assertAt(derived, "/input", "[{'role':'user','content':'Hi','type':'message'}]");
    // Once the leading system message differs from the instructions it stays in the input.
    UniversalRequest edited = u.withMessages(List.of(Message.system("Be verbose."), Message.user("Hi")));
    assertAt(codec.requestFromUniversal(edited), "/input/0", "{'role':'system','content':'Be verbose.','type':'message'}");
  }

  @Test
  void string_input_is_one_user_message() {
    UniversalRequest u = codec.requestToUniversal(obj("{'model':'gpt-4.1','input':'Hello'}"));
    assertThat(u.messages()).containsExactly(Message.user("Hello"));
    assertAt(codec.requestFromUniversal(u), "/input", "'Hello'");
    assertAt(codec.requestFromUniversal(withoutRawInput(u)), "/input", "[{'role':'user','content':'Hello','type':'message'}]");
  }

  @Test
  void raw_input_is_not_reused_once_messages_change() {
    UniversalRequest u =
        codec.requestToUniversal(obj("{'model':'gpt-4.1','input':[{'role':'user','content':'Hello','phase':'x'}]}"));
    assertAt(codec.requestFromUniversal(u), "/input/0/phase", "'x'");
    UniversalRequest changed = u.withMessages(List.of(Message.user("Bye")));
    assertAt(codec.requestFromUniversal(changed), "/input", "[{'role':'user','content':'Bye','type':'message'}]");
  }

  @Test
  void user_content_parts_convert_both_ways() {
    JsonObject body =
        obj(
            "{'model':'gpt-4.1','input':[{'role':'user','content':["
                + "{'type':'input_text','text':'Look'},"
                + "{'type':'input_image','image_url':'data:image/png;base64,iVBOR','detail':'low'},"
                + "{'type':'input_image','image_url':'https://x.test/a.jpg'},"
                + "{'type':'input_file','file_url':'https://x.test/doc.pdf'},"
                + "{'type':'input_file','filename':'notes.txt','file_data':'data:text/plain;base64,aGVsbG8='}]}]}");
    UniversalRequest u = codec.requestToUniversal(body);
    List<?> parts = u.messages().get(0).content();
    ImagePart png = (ImagePart) parts.get(1);
    assertThat(png.imageString()).contains("iVBOR");
    assertThat(png.mediaType()).contains("image/png");
    assertJson(png.providerOptions().orElseThrow(), "{'detail':'low'}");
    assertThat(((ImagePart) parts.get(2)).mediaType()).contains("image/jpeg");
    FilePart url = (FilePart) parts.get(3);
    assertThat(url.mediaType()).isEqualTo("application/pdf");
    FilePart text = (FilePart) parts.get(4);
    assertThat(text.dataString()).contains("hello");
    assertThat(text.mediaType()).isEqualTo("text/plain");
    assertThat(text.filename()).contains("notes.txt");
    JsonObject out = codec.requestFromUniversal(withoutRawInput(u));
    assertAt(
        out,
        "/input/0/content",
        "[{'type':'input_text','text':'Look'},"
            + "{'type':'input_image','image_url':'data:image/png;base64,iVBOR','detail':'low'},"
            + "{'type':'input_image','image_url':'https://x.test/a.jpg'},"
            + "{'type':'input_file','file_url':'https://x.test/doc.pdf'},"
            + "{'type':'input_file','file_data':'data:text/plain;base64,aGVsbG8=','filename':'notes.txt'}]");
  }

  @Test
  void audio_and_video_files_cannot_be_sent() {
    Message m = Message.user(List.of(FilePart.of("gs://b/v.mp4", "video/mp4")));
    assertThatThrownBy(() -> codec.requestFromUniversal(request("gpt-5.6", List.of(m), UniversalParams.EMPTY)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("video/mp4");
  }

  @Test
  void file_ids_and_audio_input_are_refused() {
    assertThatThrownBy(
            () ->
                codec.requestToUniversal(
                    obj("{'model':'m','input':[{'role':'user','content':[{'type':'input_file','file_id':'file-1'}]}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("file_id");
    assertThatThrownBy(
            () ->
                codec.requestToUniversal(
                    obj("{'model':'m','input':[{'role':'user','content':[{'type':'input_audio'}]}]}")))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void reasoning_and_function_items_convert_both_ways() {
    JsonObject body =
        obj(
            "{'model':'gpt-5-nano','input':[{'role':'user','content':'Weather?'},"
                + "{'id':'rs_1','type':'reasoning','summary':[{'type':'summary_text','text':'a'},"
                + "{'type':'summary_text','text':'b'}],'encrypted_content':'enc'},"
                + "{'id':'fc_1','type':'function_call','status':'completed','arguments':'{\\\"city\\\":\\\"SF\\\"}',"
                + "'call_id':'call_1','name':'get_weather'},"
                + "{'type':'function_call_output','call_id':'call_1','output':'{\\\"temp\\\":71}'},"
                + "{'type':'custom_tool_call','call_id':'call_2','name':'exec','input':'ls','status':'in_progress'},"
                + "{'type':'custom_tool_call_output','call_id':'call_2','output':'done'}]}");
    UniversalRequest u = codec.requestToUniversal(body);
    Message reasoning = u.messages().get(1);
    assertThat(reasoning.id()).contains("rs_1");
    assertThat(reasoning.content()).containsExactly(ReasoningPart.of("a", "enc"), ReasoningPart.of("b"));
    ToolCallPart call = (ToolCallPart) u.messages().get(2).content().get(0);
    assertThat(call.arguments()).isEqualTo(ToolArguments.valid(obj("{'city':'SF'}")));
    assertThat(call.status()).isEmpty();
    ToolResultPart result = (ToolResultPart) u.messages().get(3).content().get(0);
    assertJson(result.output(), "{'temp':71}");
    ToolCallPart custom = (ToolCallPart) u.messages().get(4).content().get(0);
    assertThat(custom.arguments()).isEqualTo(ToolArguments.custom("ls"));
    assertThat(custom.status()).contains("in_progress");
    assertThat(((ToolResultPart) u.messages().get(5).content().get(0)).customToolCall()).contains(true);
    JsonObject out = codec.requestFromUniversal(withoutRawInput(u));
    assertAt(
        out,
        "/input",
        "[{'role':'user','content':'Weather?','type':'message'},"
            + "{'id':'rs_1','type':'reasoning','content':[],'summary':[{'type':'summary_text','text':'a'},"
            + "{'type':'summary_text','text':'b'}],'encrypted_content':'enc'},"
            + "{'id':'fc_1','type':'function_call','status':'completed','arguments':'{\\\"city\\\":\\\"SF\\\"}',"
            + "'call_id':'call_1','name':'get_weather'},"
            + "{'type':'function_call_output','call_id':'call_1','output':'{\\\"temp\\\":71}'},"
            + "{'type':'custom_tool_call','call_id':'call_2','name':'exec','input':'ls','status':'in_progress'},"
            + "{'type':'custom_tool_call_output','call_id':'call_2','output':'done'}]");
  }

  @Test
  void mixed_assistant_message_expands_into_reasoning_message_and_calls() {
    Message m =
        new Message(
            Role.ASSISTANT,
            List.of(
                ReasoningPart.of("think", "sig"),
                TextPart.of("Calling."),
                ToolCallPart.of("c1", "f", ToolArguments.fromString("{}")),
                ToolCallPart.of("c2", "g", ToolArguments.fromString("{\"a\":1}"))),
            false,
            Optional.of("msg_9"),
            List.of());
    JsonObject out = codec.requestFromUniversal(request("gpt-4.1", List.of(Message.user("go"), m), UniversalParams.EMPTY));
    assertAt(
        out,
        "/input",
        "[{'role':'user','content':'go','type':'message'},"
            + "{'type':'reasoning','content':[],'id':'msg_9','summary':[{'type':'summary_text','text':'think'}],"
            + "'encrypted_content':'sig'},"
            + "{'role':'assistant','content':[{'type':'output_text','text':'Calling.','annotations':[],'logprobs':[]}],"
            + "'type':'message','status':'completed'},"
            + "{'type':'function_call','id':'msg_9','call_id':'c1','name':'f','arguments':'{}','status':'completed'},"
            + "{'type':'function_call','id':'msg_9','call_id':'c2','name':'g','arguments':'{\\\"a\\\":1}',"
            + "'status':'completed'}]");
  }

  @Test
  void tool_call_signature_without_reasoning_is_refused() {
    Message m =
        Message.assistant(
            List.of(
                ToolCallPart.builder()
                    .toolCallId("c")
                    .toolName("f")
                    .arguments(ToolArguments.fromString("{}"))
                    .encryptedContent("gemini-signature")
                    .build()));
    assertThatThrownBy(() -> codec.requestFromUniversal(request("gpt-5.6", List.of(m), UniversalParams.EMPTY)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("encrypted reasoning signatures");
  }

  @Test
  void builtin_calls_round_trip_as_provider_executed_tool_calls() {
    JsonObject body =
        obj(
            "{'model':'gpt-5-nano','input':[{'id':'ws_1','type':'web_search_call','status':'completed',"
                + "'action':{'type':'search','query':'q'}}]}");
    UniversalRequest u = codec.requestToUniversal(body);
    ToolCallPart call = (ToolCallPart) u.messages().get(0).content().get(0);
    assertThat(call.isProviderExecuted()).isTrue();
    assertThat(call.toolName()).isEqualTo("web_search");
    assertJson(call.arguments().asObject().orElseThrow(), "{'action':{'type':'search','query':'q'},'queries':null,'status':'completed'}");
    assertAt(
        codec.requestFromUniversal(withoutRawInput(u)),
        "/input/0",
        "{'id':'ws_1','type':'web_search_call','status':'completed','action':{'type':'search','query':'q'}}");
  }

  @Test
  void additional_tools_items_convert_both_ways() {
    JsonObject body =
        obj(
            "{'model':'gpt-5-nano','input':[{'type':'additional_tools','role':'developer','tools':[{'type':'function',"
                + "'name':'lookup','parameters':{'type':'object'},'strict':true}]}]}");
    UniversalRequest u = codec.requestToUniversal(body);
    Message m = u.messages().get(0);
    assertThat(m.role()).isEqualTo(Role.ADDITIONAL_TOOLS);
    assertThat(m.tools()).extracting(Tool::name).containsExactly("lookup");
    assertAt(
        codec.requestFromUniversal(withoutRawInput(u)),
        "/input/0",
        "{'role':'developer','type':'additional_tools','tools':[{'type':'function','name':'lookup',"
            + "'parameters':{'type':'object'},'strict':true}]}");
    assertThatThrownBy(
            () ->
                codec.requestToUniversal(
                    obj("{'model':'m','input':[{'type':'additional_tools','role':'user','tools':[]}]}")))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void request_tools_and_tool_choice() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-4.1','input':'x','tool_choice':{'type':'function','name':'f'},'parallel_tool_calls':false,"
                    + "'tools':[{'type':'function','name':'f','parameters':{'type':'object'},'strict':true,"
                    + "'defer_loading':true,'allowed_callers':['programmatic'],'output_schema':{'type':'object'}},"
                    + "{'type':'custom','name':'c','format':{'type':'text'}},"
                    + "{'type':'function','description':'no name: skipped as lingua does'},"
                    + "{'type':'web_search_preview'}]}"));
    List<Tool> tools = u.params().tools().orElseThrow();
    assertThat(tools).extracting(Tool::name).containsExactly("f", "c", "web_search_preview");
    assertThat(u.params().toolChoice()).contains(ToolChoice.tool("f"));
    assertThat(u.params().parallelToolCalls()).contains(false);
    JsonObject out = codec.requestFromUniversal(u);
    assertAt(out, "/tool_choice", "{'type':'function','name':'f'}");
    assertAt(
        out,
        "/tools",
        "[{'type':'function','name':'f','parameters':{'type':'object'},'strict':true,'defer_loading':true,"
            + "'allowed_callers':['programmatic'],'output_schema':{'type':'object'}},"
            + "{'type':'custom','name':'c','format':{'type':'text'}},{'type':'web_search_preview'}]");
  }

  @Test
  void tool_choice_modes_and_errors() {
    UniversalRequest u = codec.requestToUniversal(obj("{'model':'m','input':'x','tool_choice':'required'}"));
    assertThat(u.params().toolChoice()).contains(ToolChoice.of(ToolChoiceMode.REQUIRED));
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m','input':'x','tool_choice':'sometimes'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("tool_choice");
    // A hosted-tool choice has no universal form: kept for a Responses target only.
    UniversalRequest hosted =
        codec.requestToUniversal(obj("{'model':'m','input':'x','tool_choice':{'type':'file_search'}}"));
    assertThat(hosted.params().toolChoice()).isEmpty();
    assertAt(codec.requestFromUniversal(hosted), "/tool_choice", "{'type':'file_search'}");
  }

  @Test
  void unknown_keys_are_kept_for_a_responses_target() {
    UniversalRequest u =
        codec.requestToUniversal(obj("{'model':'m','input':'x','background':true,'truncation':'auto','user':'u1'}"));
    JsonObject out = codec.requestFromUniversal(u);
    assertAt(out, "/background", "true");
    assertAt(out, "/truncation", "'auto'");
    assertAt(out, "/user", "'u1'");
  }

  @Test
  void text_format_is_canonical_and_requires_json() {
    JsonObject body =
        obj(
            "{'model':'gpt-4.1','input':'x','text':{'format':{'type':'json_schema','name':'r','strict':true,"
                + "'schema':{'type':'object','properties':{'a':{'type':'string'}}}}}}");
    assertThat(codec.requestRequiresJsonResponse(body)).isTrue();
    assertThat(codec.requestRequiresJsonResponse(obj("{'model':'m','input':'x','text':{'format':{'type':'text'}}}"))).isFalse();
    assertThat(codec.requestRequiresJsonResponse(obj("{'model':'m','input':'x'}"))).isFalse();
    assertThatThrownBy(
            () -> codec.requestRequiresJsonResponse(obj("{'model':'m','input':'x','text':{'format':{'type':'yaml'}}}")))
        .isInstanceOf(TranslationException.class);
    UniversalRequest u = codec.requestToUniversal(body);
    assertThat(u.params().responseFormat().orElseThrow().jsonSchema().orElseThrow().name()).isEqualTo("r");
    // Canonical emission (no raw text in the extras) normalizes the schema for strict OpenAI targets.
    UniversalRequest canonical =
        u.withParams(
            u.params().toBuilder()
                .extras(ProviderFormat.RESPONSES, u.params().extrasFor(ProviderFormat.RESPONSES).orElseThrow().without("text"))
                .build());
    assertAt(
        codec.requestFromUniversal(canonical),
        "/text/format",
        "{'type':'json_schema','name':'r','strict':true,'schema':{'type':'object','properties':"
            + "{'a':{'type':'string'}},'additionalProperties':false,'required':['a']}}");
  }

  @Test
  void bad_input_is_a_client_error_naming_the_field() {
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("input");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m','input':42}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("input");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m','input':[{'type':'bogus'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("input[0].type");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m','input':[{'content':'x'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("role");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m','input':'x','temperature':'hot'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("temperature");
    assertThatThrownBy(
            () -> codec.requestToUniversal(obj("{'model':'m','input':[{'type':'function_call','name':'f'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("call_id");
    assertThatThrownBy(() -> codec.requestFromUniversal(UniversalRequest.of(null, List.of(), UniversalParams.EMPTY)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("model");
  }
}
