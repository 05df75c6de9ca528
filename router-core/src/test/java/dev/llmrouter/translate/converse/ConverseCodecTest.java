package dev.llmrouter.translate.converse;

import static dev.llmrouter.translate.converse.Json.assertJson;
import static dev.llmrouter.translate.converse.Json.at;
import static dev.llmrouter.translate.converse.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.translate.Translator;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.ToolChoiceMode;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Converse codec: requests, responses and detection (ports of lingua's bedrock adapter.rs, params.rs and
 * detect.rs tests, plus Chat-to-Converse scenarios through {@link Translator}).
 */
class ConverseCodecTest {
  private final ConverseCodec codec = new ConverseCodec();

  private static final String HELLO = "'messages':[{'role':'user','content':[{'text':'Hello'}]}]";

  private static UniversalRequest request(String model, UniversalParams params) {
    return UniversalRequest.of(model, List.of(), params);
  }

  // ---- Detection (detect.rs) ----------------------------------------------------------------------

  @Test
  void test_bedrock_detect_request() {
    assertThat(codec.detectRequest(obj("{'modelId':'anthropic.claude-3-sonnet'," + HELLO + "}"))).isTrue();
  }

  @Test
  void test_try_parse_bedrock_fails_for_openai_and_anthropic_formats() {
    assertThat(codec.detectRequest(obj("{'model':'gpt-4','messages':[{'role':'user','content':'Hello'}]}"))).isFalse();
    assertThat(codec.detectRequest(obj("{'model':'claude-3-5-sonnet','max_tokens':1024,'messages':[]}"))).isFalse();
  }

  @Test
  void test_try_parse_bedrock_fails_without_model_id() {
    assertThat(codec.detectRequest(obj("{" + HELLO + "}"))).isFalse();
  }

  @Test
  void responses_are_detected_by_output_message() {
    assertThat(codec.detectResponse(obj("{'output':{'message':{'role':'assistant','content':[]}}}"))).isTrue();
    assertThat(codec.detectResponse(obj("{'output':[]}"))).isFalse();
  }

  // ---- Requests (adapter.rs, params.rs) -----------------------------------------------------------

  @Test
  void test_bedrock_passthrough() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'modelId':'anthropic.claude-3-sonnet'," + HELLO + ",'inferenceConfig':{'temperature':0.7,'maxTokens':1024}}"));
    assertThat(u.model()).contains("anthropic.claude-3-sonnet");
    assertThat(u.params().temperature()).contains(0.7);
    assertThat(u.params().tokenBudget()).contains(TokenBudget.outputTokens(1024));
    JsonObject back = codec.requestFromUniversal(u);
    assertThat(back.getString("modelId")).contains("anthropic.claude-3-sonnet");
    assertJson(back.getOrNull("messages"), "[{'role':'user','content':[{'text':'Hello'}]}]");
    assertJson(back.getOrNull("inferenceConfig"), "{'temperature':0.7,'maxTokens':1024}");
  }

  @Test
  void test_bedrock_params_known_fields() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'modelId':'anthropic.claude-3-sonnet'," + HELLO + ",'inferenceConfig':{'temperature':0.7,'maxTokens':1024}}"));
    assertThat(u.params().extras()).isEmpty();
  }

  @Test
  void test_bedrock_params_unknown_fields_go_to_extras_and_come_back() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'modelId':'anthropic.claude-3-sonnet','messages':[],'someFutureParam':'value','customField':{'nested':'data'}}"));
    assertJson(u.params().extrasFor(ProviderFormat.CONVERSE).orElseThrow(), "{'someFutureParam':'value','customField':{'nested':'data'}}");
    JsonObject back = codec.requestFromUniversal(u);
    assertThat(back.getString("someFutureParam")).contains("value");
    assertJson(back.getOrNull("customField"), "{'nested':'data'}");
  }

  @Test
  void test_bedrock_preserves_extras() {
    JsonObject in =
        obj(
            "{'modelId':'anthropic.claude-3-sonnet'," + HELLO
                + ",'guardrailConfig':{'guardrailIdentifier':'test','guardrailVersion':'1'}}");
    JsonObject back = codec.requestFromUniversal(codec.requestToUniversal(in));
    assertThat(back.has("modelId")).isTrue();
    assertThat(back.has("messages")).isTrue();
    // lingua drops guardrailConfig; it is kept here for Converse targets.
    assertJson(back.getOrNull("guardrailConfig"), "{'guardrailIdentifier':'test','guardrailVersion':'1'}");
  }

  @Test
  void test_bedrock_extracts_reasoning_from_additional_fields() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'modelId':'anthropic.claude-3-7-sonnet'," + HELLO + ",'inferenceConfig':{'maxTokens':4096},"
                    + "'additionalModelRequestFields':{'thinking':{'type':'enabled','budget_tokens':2048}}}"));
    Reasoning r = u.params().reasoning().orElseThrow();
    assertThat(r.enabled()).contains(true);
    assertThat(r.budgetTokens()).contains(2048L);
    assertThat(u.params().extras()).isEmpty();
  }

  @Test
  void unreadable_thinking_is_ignored_like_lingua() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'modelId':'m'," + HELLO + ",'additionalModelRequestFields':{'thinking':{'type':'sometimes'},'top_k':5}}"));
    assertThat(u.params().reasoning()).isEmpty();
    // ...but the raw fields come back to a Converse target.
    assertJson(codec.requestFromUniversal(u).getOrNull("additionalModelRequestFields"), "{'thinking':{'type':'sometimes'},'top_k':5}");
  }

  @Test
  void test_bedrock_injects_reasoning_into_additional_fields() {
    UniversalParams p =
        UniversalParams.builder()
            .reasoning(Reasoning.builder().enabled(true).budgetTokens(3000L).build())
            .tokenBudget(TokenBudget.outputTokens(4096))
            .build();
    JsonObject out = codec.requestFromUniversal(request("anthropic.claude-3-7-sonnet", p));
    assertJson(out.getOrNull("additionalModelRequestFields"), "{'thinking':{'type':'enabled','budget_tokens':3000}}");
  }

  @Test
  void test_bedrock_reasoning_omits_temperature() {
    UniversalParams p =
        UniversalParams.builder()
            .reasoning(Reasoning.builder().enabled(true).budgetTokens(2048L).build())
            .temperature(0.5)
            .tokenBudget(TokenBudget.outputTokens(4096))
            .build();
    JsonObject out = codec.requestFromUniversal(request("anthropic.claude-3-7-sonnet", p));
    assertJson(out.getOrNull("inferenceConfig"), "{'maxTokens':4096}");
  }

  @Test
  void disabled_thinking_keeps_temperature() {
    UniversalParams p = UniversalParams.builder().reasoning(Reasoning.disabled()).temperature(0.5).build();
    JsonObject out = codec.requestFromUniversal(request("anthropic.claude-3-7-sonnet", p));
    assertJson(out.getOrNull("inferenceConfig"), "{'temperature':0.5}");
    assertJson(out.getOrNull("additionalModelRequestFields"), "{'thinking':{'type':'disabled'}}");
  }

  @Test
  void test_bedrock_anthropic_opus_4_8_strips_sampling_params() {
    UniversalParams p =
        UniversalParams.builder().temperature(0.7).topP(0.9).tokenBudget(TokenBudget.outputTokens(4096)).build();
    JsonObject out = codec.requestFromUniversal(request("global.anthropic.claude-opus-4-8", p));
    assertJson(out.getOrNull("inferenceConfig"), "{'maxTokens':4096}");
    JsonObject none =
        codec.requestFromUniversal(request("global.anthropic.claude-opus-4-8", UniversalParams.builder().temperature(0.7).build()));
    assertThat(none.has("inferenceConfig")).isFalse();
  }

  @Test
  void test_bedrock_reasoning_roundtrip() {
    JsonObject in =
        obj(
            "{'modelId':'anthropic.claude-3-7-sonnet','messages':[{'role':'user','content':[{'text':'Think about this carefully'}]}],"
                + "'inferenceConfig':{'maxTokens':4096,'temperature':1.0},"
                + "'additionalModelRequestFields':{'thinking':{'type':'enabled','budget_tokens':2500}}}");
    UniversalRequest u = codec.requestToUniversal(in);
    assertThat(u.params().reasoning().orElseThrow().budgetTokens()).contains(2500L);
    JsonObject out = codec.requestFromUniversal(u);
    assertJson(out.getOrNull("additionalModelRequestFields"), "{'thinking':{'type':'enabled','budget_tokens':2500}}");
    assertJson(out.getOrNull("inferenceConfig"), "{'maxTokens':4096}");
  }

  @Test
  void test_bedrock_rejects_discovery_only_history_after_filtering() {
    ToolDiscoveryCallPart discovery =
        ToolDiscoveryCallPart.builder()
            .toolCallId("call_tool_search_123")
            .discoveryToolName("tool_search")
            .query("search_code")
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
    UniversalRequest r =
        UniversalRequest.of(
            "anthropic.claude-3-sonnet",
            List.of(Message.assistant(List.of(discovery)), Message.tool(List.of(result))),
            UniversalParams.EMPTY);
    assertThatThrownBy(() -> codec.requestFromUniversal(r))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("dynamic tool discovery history");
  }

  @Test
  void missing_model_is_a_client_error() {
    assertThatThrownBy(() -> codec.requestFromUniversal(UniversalRequest.of(null, List.of(), UniversalParams.EMPTY)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("modelId");
  }

  @Test
  void bad_request_fields_are_client_errors_naming_the_field() {
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'modelId':'m'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'modelId':'m'," + HELLO + ",'inferenceConfig':{'maxTokens':'x'}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("inferenceConfig.maxTokens");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'modelId':'m'," + HELLO + ",'inferenceConfig':{'stopSequences':[1]}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("inferenceConfig.stopSequences");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'modelId':'m'," + HELLO + ",'toolConfig':{'tools':[{'cachePoint':{}}]}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("toolConfig.tools[0]");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'modelId':5," + HELLO + "}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("modelId");
  }

  @Test
  void tool_config_reads_tool_specs_and_tool_choice() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'modelId':'m'," + HELLO + ",'toolConfig':{'tools':[{'toolSpec':{'name':'get_weather','description':'Get weather',"
                    + "'inputSchema':{'json':{'type':'object'}}}}],'toolChoice':{'tool':{'name':'get_weather'}}}}"));
    Tool t = u.params().tools().orElseThrow().get(0);
    assertThat(t.name()).isEqualTo("get_weather");
    assertThat(t.description()).contains("Get weather");
    assertJson(t.parameters().orElseThrow(), "{'type':'object'}");
    assertThat(u.params().toolChoice()).contains(ToolChoice.tool("get_weather"));
    // A Converse target gets the tool choice back; lingua would drop it.
    assertJson(
        codec.requestFromUniversal(u).getOrNull("toolConfig"),
        "{'tools':[{'toolSpec':{'name':'get_weather','description':'Get weather','inputSchema':{'json':{'type':'object'}}}}],"
            + "'toolChoice':{'tool':{'name':'get_weather'}}}");
    UniversalRequest any =
        codec.requestToUniversal(
            obj("{'modelId':'m'," + HELLO + ",'toolConfig':{'tools':[{'toolSpec':{'name':'f','inputSchema':{'json':{}}}}],'toolChoice':{'any':{}}}}"));
    assertThat(any.params().toolChoice()).contains(ToolChoice.of(ToolChoiceMode.REQUIRED));
  }

  @Test
  void empty_tool_list_is_kept_as_an_opaque_builtin() {
    JsonObject in = obj("{'modelId':'m'," + HELLO + ",'toolConfig':{'tools':[]}}");
    UniversalRequest u = codec.requestToUniversal(in);
    assertThat(u.params().tools().orElseThrow().get(0).isBuiltin()).isTrue();
    assertJson(codec.requestFromUniversal(u).getOrNull("toolConfig"), "{'tools':[]}");
  }

  @Test
  void function_tools_without_description_write_a_null_description_and_the_tool_choice() {
    UniversalParams p =
        UniversalParams.builder()
            .tools(
                List.of(
                    Tool.function("f", Optional.empty(), Optional.empty(), Optional.of(true)),
                    Tool.custom("c", Optional.empty(), Optional.empty())))
            .toolChoice(ToolChoice.of(ToolChoiceMode.REQUIRED))
            .build();
    // lingua writes no toolChoice; we write it for models that take one (see ConverseRules).
    assertJson(
        codec.requestFromUniversal(request("anthropic.claude-3-sonnet", p)).getOrNull("toolConfig"),
        "{'tools':[{'toolSpec':{'name':'f','description':null,'inputSchema':{'json':{}}}}],'toolChoice':{'any':{}}}");
  }

  @Test
  void stop_sequences_and_top_p_go_to_inference_config() {
    UniversalParams p = UniversalParams.builder().stop(List.of("10", "ten")).topP(0.9).build();
    assertJson(codec.requestFromUniversal(request("m", p)).getOrNull("inferenceConfig"), "{'stopSequences':['10','ten'],'topP':0.9}");
  }

  @Test
  void system_prompt_is_read_as_a_system_message() {
    UniversalRequest u = codec.requestToUniversal(obj("{'modelId':'m','system':[{'text':'Be brief.'}]," + HELLO + "}"));
    assertThat(u.messages()).containsExactly(Message.system("Be brief."), Message.user("Hello"));
  }

  // ---- Responses ----------------------------------------------------------------------------------

  private static final String RESPONSE =
      "{'output':{'message':{'role':'assistant','content':["
          + "{'reasoningContent':{'reasoningText':{'text':'Think','signature':'EucC'}}},"
          + "{'toolUse':{'toolUseId':'tooluse_1','name':'get_weather','input':{'location':'Tokyo'},'type':'tool_use'}}]}},"
          + "'stopReason':'tool_use','usage':{'inputTokens':592,'outputTokens':104,'totalTokens':696,"
          + "'cacheReadInputTokens':0,'cacheWriteInputTokens':0},'metrics':{'latencyMs':1541},"
          + "'serviceTier':{'type':'flex'}}";

  @Test
  void response_to_universal() {
    UniversalResponse r = codec.responseToUniversal(obj(RESPONSE));
    assertThat(r.model()).isEmpty();
    assertThat(r.id()).isEmpty();
    assertThat(r.finishReason()).contains(FinishReason.TOOL_CALLS);
    assertThat(r.finishReasons()).containsExactly(FinishReason.TOOL_CALLS);
    assertThat(r.servedServiceTier()).contains(ServedServiceTier.FLEX);
    UniversalUsage u = r.usage().orElseThrow();
    assertThat(u.promptTokens()).contains(592L);
    assertThat(u.totalTokens()).contains(696L);
    Message m = r.messages().get(0);
    assertThat(m.role()).isEqualTo(Role.ASSISTANT);
    assertThat(m.content().get(0)).isEqualTo(ReasoningPart.of("Think", "EucC"));
  }

  @Test
  void response_round_trips_its_message() {
    JsonObject in = obj(RESPONSE);
    JsonObject out = codec.responseFromUniversal(codec.responseToUniversal(in));
    assertJson(out.getOrNull("output"), in.getOrNull("output").toJson());
    assertThat(out.getString("stopReason")).contains("tool_use");
    assertJson(
        out.getOrNull("usage"),
        "{'inputTokens':592,'outputTokens':104,'totalTokens':696,'cacheReadInputTokens':0,'cacheWriteInputTokens':0}");
    assertJson(out.getOrNull("serviceTier"), "{'type':'flex'}");
  }

  @Test
  void response_from_universal_defaults_and_joins_one_answer() {
    UniversalResponse r =
        UniversalResponse.builder()
            .messages(
                List.of(
                    Message.assistant(List.of(ReasoningPart.of("plan", "EucC"))),
                    Message.assistant("done")))
            .finishReason(FinishReason.CONTENT_FILTER)
            .finishReasons(List.of(FinishReason.CONTENT_FILTER))
            .build();
    JsonObject out = codec.responseFromUniversal(r);
    assertJson(
        out,
        "{'output':{'message':{'role':'assistant','content':["
            + "{'reasoningContent':{'reasoningText':{'text':'plan','signature':'EucC'}}},{'text':'done'}]}},"
            + "'stopReason':'content_filtered'}");
    UniversalResponse bare = UniversalResponse.builder().messages(List.of(Message.assistant("x"))).build();
    assertThat(codec.responseFromUniversal(bare).getString("stopReason")).contains("end_turn");
    UniversalResponse choices =
        UniversalResponse.builder()
            .messages(List.of(Message.assistant("a"), Message.assistant("b")))
            .finishReasons(List.of(FinishReason.STOP, FinishReason.STOP))
            .build();
    assertJson(at(codec.responseFromUniversal(choices), "/output/message/content").orElseThrow(), "[{'text':'a'}]");
    assertThatThrownBy(() -> codec.responseFromUniversal(UniversalResponse.builder().build()))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void malformed_responses_are_client_errors() {
    assertThatThrownBy(() -> codec.responseToUniversal(obj("{}"))).isInstanceOf(TranslationException.class).hasMessageContaining("output");
    assertThatThrownBy(() -> codec.responseToUniversal(obj("{'output':{}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("output.message");
    assertThatThrownBy(
            () -> codec.responseToUniversal(obj("{'output':{'message':{'role':'assistant','content':[{'video':{}}]}}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("video");
  }

  // ---- Chat Completions -> Converse through the translator -----------------------------------------

  private static JsonObject chatToConverse(String chatBody, String model) {
    byte[] out =
        Translator.transformRequest(
                chatBody.replace('\'', '"').getBytes(StandardCharsets.UTF_8), ProviderFormat.CONVERSE, Optional.of(model))
            .body();
    return (JsonObject) JsonTree.parse(out);
  }

  @Test
  void chat_parallel_tool_results_are_grouped() {
    JsonObject out =
        chatToConverse(
            "{'model':'gpt-5-nano','messages':[{'role':'user','content':'Weather in SF and NY?'},"
                + "{'role':'assistant','content':null,'tool_calls':["
                + "{'id':'call_sf','type':'function','function':{'name':'get_weather','arguments':'{}'}},"
                + "{'id':'call_nyc','type':'function','function':{'name':'get_weather','arguments':'{}'}}]},"
                + "{'role':'tool','tool_call_id':'call_sf','content':'65F'},"
                + "{'role':'tool','tool_call_id':'call_nyc','content':'45F'}]}",
            "us.anthropic.claude-haiku-4-5-20251001-v1:0");
    assertJson(
        out.getOrNull("messages"),
        "[{'role':'user','content':[{'text':'Weather in SF and NY?'}]},"
            + "{'role':'assistant','content':[{'toolUse':{'toolUseId':'call_sf','name':'get_weather','input':{}}},"
            + "{'toolUse':{'toolUseId':'call_nyc','name':'get_weather','input':{}}}]},"
            + "{'role':'user','content':[{'toolResult':{'toolUseId':'call_sf','content':[{'text':'65F'}]}},"
            + "{'toolResult':{'toolUseId':'call_nyc','content':[{'text':'45F'}]}}]}]");
  }

  @Test
  void chat_temperature_is_dropped_for_fable_and_kept_for_haiku() {
    String body = "{'model':'gpt-4o-mini','messages':[{'role':'user','content':'Say hi.'}],'temperature':0.7}";
    assertThat(chatToConverse(body, "us.anthropic.claude-fable-5-v1:0").has("inferenceConfig")).isFalse();
    assertJson(chatToConverse(body, "us.anthropic.claude-haiku-4-5-20251001-v1:0").getOrNull("inferenceConfig"), "{'temperature':0.7}");
  }

  @Test
  void converse_text_only_user_turn_is_string_content() {
    UniversalRequest u = codec.requestToUniversal(obj("{'modelId':'m'," + HELLO + "}"));
    assertThat(u.messages().get(0).stringContent()).isTrue();
    assertThat(u.messages().get(0).content()).containsExactly(TextPart.of("Hello"));
  }

  private static final String WEATHER_TOOL =
      "'tools':[{'type':'function','function':{'name':'get_weather','parameters':{'type':'object'}}}]";

  @Test
  void chat_tool_choice_becomes_converse_tool_choice_on_models_that_take_it() {
    String claude = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    String base = "{'model':'gpt-4o','messages':[{'role':'user','content':'Tokyo?'}]," + WEATHER_TOOL;
    assertJson(
        chatToConverse(base + ",'tool_choice':{'type':'function','function':{'name':'get_weather'}}}", claude)
            .getObject("toolConfig").orElseThrow().getOrNull("toolChoice"),
        "{'tool':{'name':'get_weather'}}");
    assertJson(
        chatToConverse(base + ",'tool_choice':'required'}", claude)
            .getObject("toolConfig").orElseThrow().getOrNull("toolChoice"),
        "{'any':{}}");
    assertJson(
        chatToConverse(base + ",'tool_choice':'auto'}", "amazon.nova-pro-v1:0")
            .getObject("toolConfig").orElseThrow().getOrNull("toolChoice"),
        "{'auto':{}}");
    // No choice given: none written.
    assertThat(chatToConverse(base + "}", claude).getObject("toolConfig").orElseThrow().has("toolChoice"))
        .isFalse();
  }

  @Test
  void chat_tool_choice_none_leaves_the_tools_out_unless_earlier_turns_use_tools() {
    String claude = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    assertThat(
            chatToConverse(
                    "{'model':'gpt-4o','messages':[{'role':'user','content':'Hi'}]," + WEATHER_TOOL
                        + ",'tool_choice':'none'}",
                    claude)
                .has("toolConfig"))
        .isFalse();
    JsonObject withHistory =
        chatToConverse(
            "{'model':'gpt-4o','messages':[{'role':'user','content':'Weather?'},"
                + "{'role':'assistant','content':null,'tool_calls':[{'id':'c1','type':'function',"
                + "'function':{'name':'get_weather','arguments':'{}'}}]},"
                + "{'role':'tool','tool_call_id':'c1','content':'65F'}]," + WEATHER_TOOL
                + ",'tool_choice':'none'}",
            claude);
    assertThat(withHistory.getObject("toolConfig").orElseThrow().has("tools")).isTrue();
    assertThat(withHistory.getObject("toolConfig").orElseThrow().has("toolChoice")).isFalse();
  }

  @Test
  void forced_tool_choice_for_a_model_without_tool_choice_support_is_a_client_error() {
    String llama = "meta.llama3-1-70b-instruct-v1:0";
    String base = "{'model':'gpt-4o','messages':[{'role':'user','content':'Tokyo?'}]," + WEATHER_TOOL;
    assertThatThrownBy(() -> chatToConverse(base + ",'tool_choice':'required'}", llama))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("tool_choice")
        .hasMessageContaining(llama);
    // auto is the default there: nothing to write, nothing lost.
    assertThat(chatToConverse(base + ",'tool_choice':'auto'}", llama).getObject("toolConfig").orElseThrow()
            .has("toolChoice"))
        .isFalse();
    // An id we cannot classify gets the forced choice; Bedrock decides.
    String arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
    assertJson(
        chatToConverse(base + ",'tool_choice':'required'}", arn)
            .getObject("toolConfig").orElseThrow().getOrNull("toolChoice"),
        "{'any':{}}");
  }
}
