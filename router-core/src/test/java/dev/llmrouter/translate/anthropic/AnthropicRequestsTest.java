package dev.llmrouter.translate.anthropic;

import static dev.llmrouter.translate.anthropic.AJ.at;
import static dev.llmrouter.translate.anthropic.AJ.obj;
import static dev.llmrouter.translate.anthropic.AJ.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.BuiltinToolProvider;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningCanonical;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.ResponseFormat;
import dev.llmrouter.translate.ir.ResponseFormatType;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.ToolChoiceMode;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's anthropic/adapter.rs and detect.rs request tests. */
class AnthropicRequestsTest {
  private final AnthropicCodec codec = new AnthropicCodec();

  private static UniversalRequest request(String model, Message message, UniversalParams.Builder params) {
    return UniversalRequest.of(model, List.of(message), params.build());
  }

  private static UniversalParams.Builder budget(long tokens) {
    return UniversalParams.builder().tokenBudget(TokenBudget.outputTokens(tokens));
  }

  private JsonObject out(UniversalRequest req) {
    return codec.requestFromUniversal(req);
  }

  // ---- detect.rs ---------------------------------------------------------------------------------

  @Test
  void test_anthropic_detect_request() {
    assertThat(
            codec.detectRequest(
                obj("{'model':'claude-3-5-sonnet-20241022','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}")))
        .isTrue();
  }

  @Test
  void test_try_parse_anthropic_with_tool_use_result_and_image() {
    assertThat(
            codec.detectPassthroughRequest(
                obj(
                    "{'model':'claude-3-5-sonnet-20241022','max_tokens':1024,'messages':["
                        + "{'role':'assistant','content':[{'type':'tool_use','id':'toolu_123','name':'get_weather','input':{'location':'SF'}}]},"
                        + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'toolu_123','content':'72F'}]},"
                        + "{'role':'user','content':[{'type':'image','source':{'type':'base64','data':'iVBOR','media_type':'image/png'}}]}]}")))
        .isTrue();
  }

  @Test
  void test_try_parse_anthropic_missing_max_tokens() {
    assertThat(
            codec.detectPassthroughRequest(
                obj("{'model':'claude-3-5-sonnet-20241022','messages':[{'role':'user','content':'Hello'}]}")))
        .isFalse();
  }

  @Test
  void test_try_parse_anthropic_fails_for_openai_format() {
    JsonObject body =
        obj(
            "{'model':'claude-haiku-4-5-20251001','max_tokens':1024,'messages':["
                + "{'role':'system','content':'You are helpful'},{'role':'user','content':'Hello'}]}");
    assertThat(codec.detectPassthroughRequest(body)).isFalse();
    assertThatThrownBy(() -> AnthropicDetect.checkPassthrough(body))
        .hasMessageContaining("system-role messages are not supported");
  }

  @Test
  void test_try_parse_anthropic_allows_opus_4_8_mid_conversation_system() {
    assertThat(
            codec.detectPassthroughRequest(
                obj(
                    "{'model':'claude-opus-4-8','max_tokens':1024,'messages':["
                        + "{'role':'user','content':'Review this function.'},"
                        + "{'role':'system','content':'From now on, include type annotations.'}]}")))
        .isTrue();
  }

  @Test
  void test_try_parse_anthropic_rejects_invalid_opus_4_8_system_placement() {
    JsonObject body =
        obj(
            "{'model':'claude-opus-4-8','max_tokens':1024,'messages':["
                + "{'role':'system','content':'You are helpful'},{'role':'user','content':'Hello'}]}");
    assertThatThrownBy(() -> AnthropicDetect.checkPassthrough(body)).hasMessageContaining("placement is invalid");
  }

  @Test
  void test_try_parse_anthropic_source_allows_claude_code_system_messages_for_other_models() {
    JsonObject body =
        obj(
            "{'model':'gpt-5.5','max_tokens':1024,'system':[{'type':'text','text':'You are running inside Claude Code.'}],"
                + "'messages':[{'role':'user','content':'Hello'},{'role':'system','content':'Use the provided tools exactly.'}],"
                + "'tools':[{'name':'Read','description':'Read a file.','input_schema':{'type':'object','properties':{'file_path':{'type':'string'}},'required':['file_path']}}],"
                + "'thinking':{'type':'adaptive'},'output_config':{'effort':'high'}}");
    assertThat(codec.detectPassthroughRequest(body)).isFalse();
    assertThat(codec.detectRequest(body)).isTrue();
  }

  @Test
  void test_try_parse_anthropic_source_rejects_plain_openai_system_messages() {
    assertThat(
            codec.detectRequest(
                obj(
                    "{'model':'gpt-5.5','max_tokens':1024,'messages':["
                        + "{'role':'system','content':'You are helpful.'},{'role':'user','content':'Hello'}]}")))
        .isFalse();
  }

  @Test
  void test_try_parse_anthropic_source_rejects_empty_tools_as_marker() {
    JsonObject body =
        obj(
            "{'model':'gpt-5.5','max_tokens':1024,'messages':[{'role':'user','content':'Hello'},"
                + "{'role':'system','content':'Use the provided tools exactly.'}],'tools':[]}");
    assertThatThrownBy(() -> AnthropicDetect.checkSource(body)).hasMessageContaining("not supported for model");
  }

  @Test
  void test_try_parse_anthropic_source_allows_cache_control_marker() {
    JsonObject body =
        obj(
            "{'model':'gpt-5.5','max_tokens':1024,'cache_control':{'type':'ephemeral'},'messages':["
                + "{'role':'user','content':'Hello'},{'role':'system','content':'Use the provided context.'}]}");
    assertThat(codec.detectPassthroughRequest(body)).isFalse();
    assertThat(codec.detectRequest(body)).isTrue();
  }

  @Test
  void test_try_parse_anthropic_rejects_openai_fields() {
    for (String extra :
        List.of(
            "'stream_options':{'include_usage':true}",
            "'n':2",
            "'logprobs':true",
            "'suffix_messages':[[{'role':'user','content':'x'}]]",
            "'functions':[{'name':'f','parameters':{'type':'object'}}],'function_call':'auto'",
            "'response_format':null")) {
      JsonObject body =
          obj("{'model':'claude-3-5-sonnet-20241022','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]," + extra + "}");
      assertThat(codec.detectRequest(body)).as(extra).isFalse();
      assertThatThrownBy(() -> AnthropicDetect.checkSource(body)).hasMessageContaining("OpenAI-specific field present");
    }
  }

  @Test
  void test_try_parse_anthropic_with_service_tier_and_tool_search_tool() {
    assertThat(
            codec.detectPassthroughRequest(
                obj(
                    "{'model':'claude-3-5-sonnet-20241022','max_tokens':1024,'service_tier':'auto','messages':[{'role':'user','content':'Hello'}],"
                        + "'tools':[{'name':'tool_search_tool_regex','type':'tool_search_tool_regex_20251119'}]}")))
        .isTrue();
  }

  @Test
  void bad_input_is_a_translation_error_naming_the_field() {
    assertThatThrownBy(
            () -> codec.requestToUniversal(obj("{'model':'c','max_tokens':'many','messages':[]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("max_tokens");
    assertThatThrownBy(
            () ->
                codec.requestToUniversal(
                    obj("{'model':'c','max_tokens':1,'messages':[{'role':'user','content':[{'type':'bogus'}]}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages[0].content[0].type");
    assertThatThrownBy(
            () -> codec.requestToUniversal(obj("{'model':'c','max_tokens':1,'messages':[{'role':'tool','content':'x'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages[0].role");
  }

  // ---- adapter.rs --------------------------------------------------------------------------------

  @Test
  void test_anthropic_passthrough() {
    UniversalRequest universal =
        codec.requestToUniversal(
            obj("{'model':'claude-3-5-sonnet-20241022','max_tokens':1024,'messages':[{'role':'user','content':'Hello'}]}"));
    assertThat(universal.model()).contains("claude-3-5-sonnet-20241022");
    assertThat(universal.params().tokenBudget()).contains(TokenBudget.outputTokens(1024));
    assertThat(universal.params().extrasFor(ProviderFormat.ANTHROPIC)).isPresent();
    JsonObject back = codec.requestFromUniversal(universal);
    assertThat(str(back, "/model")).isEqualTo("claude-3-5-sonnet-20241022");
    assertThat(back.getLong("max_tokens")).contains(1024L);
  }

  @Test
  void test_anthropic_system_cache_control_preserved() {
    Message system =
        Message.system(List.of(TextPart.builder().text("You are a presenter.").cacheControl(CacheControl.EPHEMERAL).build()));
    JsonObject result =
        out(UniversalRequest.of("claude-haiku-4-5", List.of(system, Message.user("say ok")), budget(8).build()));
    JsonValue blocks = result.getOrNull("system");
    assertThat(blocks).isInstanceOf(JsonArray.class);
    assertThat(((JsonArray) blocks).size()).isEqualTo(1);
    assertThat(str(blocks, "/0/text")).isEqualTo("You are a presenter.");
    assertThat(at(blocks, "/0/cache_control")).isEqualTo(obj("{'type':'ephemeral'}"));
  }

  @Test
  void test_anthropic_system_without_cache_control_stays_string() {
    JsonObject result =
        out(
            UniversalRequest.of(
                "claude-haiku-4-5",
                List.of(Message.system("You are a presenter."), Message.user("say ok")),
                budget(8).build()));
    assertThat(result.getOrNull("system")).isEqualTo(JsonString.of("You are a presenter."));
  }

  @Test
  void leading_system_messages_are_joined_with_blank_lines() {
    Message parts = Message.system(List.of(TextPart.of("a"), TextPart.of("b")));
    JsonObject result =
        out(
            UniversalRequest.of(
                "claude-haiku-4-5",
                List.of(Message.system("first"), Message.developer(List.of(TextPart.of("dev"))), parts, Message.user("hi")),
                budget(8).build()));
    assertThat(result.getOrNull("system")).isEqualTo(JsonString.of("first\n\ndev\n\na\nb"));
  }

  @Test
  void test_anthropic_apply_defaults() {
    UniversalRequest req = UniversalRequest.of("claude-3-5-sonnet-20241022", List.of(), UniversalParams.EMPTY);
    assertThat(codec.applyDefaults(req).params().tokenBudget()).contains(TokenBudget.outputTokens(4096));
  }

  @Test
  void test_anthropic_preserves_existing_max_tokens() {
    UniversalRequest req = UniversalRequest.of("claude-3-5-sonnet-20241022", List.of(), budget(8192).build());
    assertThat(codec.applyDefaults(req).params().tokenBudget()).contains(TokenBudget.outputTokens(8192));
  }

  @Test
  void test_anthropic_rejects_non_leading_system_message() {
    UniversalRequest req =
        UniversalRequest.of(
            "claude-3-5-sonnet-20241022",
            List.of(
                Message.system("Use the initial policy."),
                Message.user("First turn."),
                Message.system("Use the updated policy.")),
            budget(1024).build());
    assertThatThrownBy(() -> out(req))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("live Messages API currently rejects");
  }

  @Test
  void system_prompt_alone_is_rejected() {
    assertThatThrownBy(
            () -> out(UniversalRequest.of("claude-3-5-sonnet", List.of(Message.system("x")), budget(8).build())))
        .hasMessageContaining("at least one non-system message");
    assertThatThrownBy(() -> out(UniversalRequest.of("claude-3-5-sonnet", List.of(), budget(8).build())))
        .hasMessageContaining("at least one message");
  }

  @Test
  void test_anthropic_omits_temperature_with_thinking() {
    JsonObject result =
        out(
            request(
                "claude-sonnet-4-20250514",
                Message.user("Hello"),
                budget(4096)
                    .temperature(0.5)
                    .reasoning(Reasoning.builder().enabled(true).budgetTokens(2048L).build())));
    assertThat(result.has("temperature")).isFalse();
    assertThat(at(result, "/thinking")).isEqualTo(obj("{'type':'enabled','budget_tokens':2048}"));
  }

  @Test
  void test_anthropic_preserves_temperature_without_thinking() {
    JsonObject result = out(request("claude-3-5-sonnet-20241022", Message.user("Hello"), budget(1024).temperature(0.7)));
    assertThat(result.getNumber("temperature").orElseThrow().doubleValue()).isEqualTo(0.7);
    assertThat(result.has("thinking")).isFalse();
  }

  @Test
  void test_anthropic_omits_enabled_thinking_with_forced_tool_choice() {
    JsonObject result =
        out(
            request(
                "claude-sonnet-4-5-20250929",
                Message.user("Tokyo weather"),
                budget(4096)
                    .reasoning(Reasoning.builder().enabled(true).budgetTokens(2048L).build())
                    .toolChoice(ToolChoice.tool("get_weather"))));
    assertThat(at(result, "/tool_choice")).isEqualTo(obj("{'type':'tool','name':'get_weather'}"));
    assertThat(result.has("thinking")).isFalse();
  }

  @Test
  void test_anthropic_preserves_enabled_thinking_with_auto_tool_choice() {
    JsonObject result =
        out(
            request(
                "claude-sonnet-4-5-20250929",
                Message.user("Tokyo weather"),
                budget(4096)
                    .reasoning(Reasoning.builder().enabled(true).budgetTokens(2048L).build())
                    .toolChoice(ToolChoice.of(ToolChoiceMode.AUTO))));
    assertThat(result.has("tool_choice")).isTrue();
    assertThat(result.has("thinking")).isTrue();
  }

  @Test
  void test_anthropic_preserves_disabled_thinking_with_forced_tool_choice() {
    JsonObject result =
        out(
            request(
                "claude-sonnet-4-5-20250929",
                Message.user("Tokyo weather"),
                budget(4096).reasoning(Reasoning.disabled()).toolChoice(ToolChoice.tool("get_weather"))));
    assertThat(at(result, "/thinking")).isEqualTo(obj("{'type':'disabled'}"));
  }

  @Test
  void test_anthropic_strips_sampling_params_for_opus_4_7() {
    for (String model :
        List.of("claude-opus-4-7", "claude-opus-4-8", "claude-opus-4-10", "claude-opus-5", "claude-opus-5-0", "claude-opus-5.0",
            "us.anthropic.claude-opus-4-7-v1:0")) {
      JsonObject result =
          out(request(model, Message.user("Hello"), budget(1024).temperature(0.7).topP(0.9).topK(40L)));
      assertThat(result.has("temperature")).as(model).isFalse();
      assertThat(result.has("top_p")).as(model).isFalse();
      assertThat(result.has("top_k")).as(model).isFalse();
      assertThat(str(result, "/model")).isEqualTo(model);
      assertThat(result.getLong("max_tokens")).contains(1024L);
    }
  }

  @Test
  void test_anthropic_preserves_sampling_params_for_non_fixed_sampling_opus() {
    for (String model : List.of("claude-opus-4-20250514", "claude-opus-4-6", "claude-opus-4-5-20250514")) {
      JsonObject result =
          out(request(model, Message.user("Hello"), budget(1024).temperature(0.7).topP(0.9).topK(40L)));
      assertThat(result.getNumber("temperature").orElseThrow().doubleValue()).as(model).isEqualTo(0.7);
      assertThat(result.getNumber("top_p").orElseThrow().doubleValue()).isEqualTo(0.9);
      assertThat(result.getLong("top_k")).contains(40L);
    }
  }

  @Test
  void test_anthropic_strips_sampling_params_from_extras_for_opus_4_7_and_fable() {
    for (String model : List.of("claude-opus-4-7", "claude-fable-5")) {
      UniversalRequest req =
          request(
              model,
              Message.user("Hello"),
              budget(1024).extras(ProviderFormat.ANTHROPIC, obj("{'temperature':0.3,'top_p':0.8,'top_k':32}")));
      JsonObject result = out(req);
      assertThat(result.has("temperature")).as(model).isFalse();
      assertThat(result.has("top_p")).isFalse();
      assertThat(result.has("top_k")).isFalse();
    }
  }

  @Test
  void test_anthropic_opus_4_7_uses_adaptive_thinking_with_effort() {
    JsonObject result =
        out(
            request(
                "claude-opus-4-7",
                Message.user("What is 2+2?"),
                budget(4096)
                    .reasoning(
                        Reasoning.builder()
                            .enabled(true)
                            .effort(ReasoningEffort.MEDIUM)
                            .canonical(ReasoningCanonical.EFFORT)
                            .build())));
    assertThat(at(result, "/thinking")).isEqualTo(obj("{'type':'adaptive'}"));
    assertThat(at(result, "/output_config")).isEqualTo(obj("{'effort':'medium'}"));
  }

  @Test
  void test_anthropic_opus_5_uses_adaptive_thinking_with_max_effort() {
    JsonObject result =
        out(
            request(
                "claude-opus-5",
                Message.user("What is 2+2?"),
                budget(65536)
                    .reasoning(
                        Reasoning.builder().enabled(true).effort(ReasoningEffort.MAX).canonical(ReasoningCanonical.EFFORT).build())));
    assertThat(str(result, "/thinking/type")).isEqualTo("adaptive");
    assertThat(str(result, "/output_config/effort")).isEqualTo("max");
  }

  @Test
  void test_anthropic_opus_5_omits_thinking_when_universal_reasoning_is_unspecified() {
    JsonObject result = out(request("claude-opus-5", Message.user("What is 2+2?"), budget(4096)));
    assertThat(result.has("thinking")).isFalse();
    assertThat(result.has("output_config")).isFalse();
  }

  @Test
  void test_anthropic_opus_5_allows_disabled_thinking_through_high_effort() {
    JsonObject result =
        out(
            request(
                "claude-opus-5",
                Message.user("What is 2+2?"),
                budget(4096)
                    .reasoning(
                        Reasoning.builder().enabled(false).effort(ReasoningEffort.HIGH).canonical(ReasoningCanonical.EFFORT).build())));
    assertThat(str(result, "/thinking/type")).isEqualTo("disabled");
    assertThat(str(result, "/output_config/effort")).isEqualTo("high");
  }

  @Test
  void test_anthropic_opus_5_rejects_disabled_thinking_above_high_effort() {
    for (ReasoningEffort effort : List.of(ReasoningEffort.XHIGH, ReasoningEffort.MAX)) {
      UniversalRequest req =
          request(
              "claude-opus-5",
              Message.user("What is 2+2?"),
              budget(65536)
                  .reasoning(Reasoning.builder().enabled(false).effort(effort).canonical(ReasoningCanonical.EFFORT).build()));
      assertThatThrownBy(() -> out(req))
          .as(effort.wire())
          .isInstanceOf(TranslationException.class)
          .hasMessageContaining("Claude Opus 5 does not support disabled thinking with xhigh or max effort");
    }
  }

  @Test
  void test_anthropic_emits_disabled_thinking_for_effort_none() {
    for (String model : List.of("claude-sonnet-5", "claude-opus-4-7", "claude-opus-4-8")) {
      JsonObject result =
          out(
              request(
                  model,
                  Message.user("What is 2+2?"),
                  budget(4096)
                      .reasoning(Reasoning.builder().effort(ReasoningEffort.NONE).canonical(ReasoningCanonical.EFFORT).build())));
      assertThat(str(result, "/thinking/type")).as(model).isEqualTo("disabled");
      assertThat(at(result, "/output_config/effort")).as(model).isNull();
    }
  }

  @Test
  void test_anthropic_omits_thinking_for_effort_none_on_fable_5() {
    JsonObject result =
        out(
            request(
                "claude-fable-5",
                Message.user("What is 2+2?"),
                budget(4096).reasoning(Reasoning.fromOpenAIEffort(ReasoningEffort.NONE, Optional.empty()))));
    assertThat(result.has("thinking")).isFalse();
  }

  @Test
  void test_anthropic_preserves_raw_output_config_effort_for_sonnet_5() {
    for (String[] c : new String[][] {{"claude-sonnet-5", "xhigh"}, {"claude-sonnet-5", "max"}, {"claude-opus-4-7", "xhigh"}}) {
      JsonObject body =
          obj(
              "{'model':'" + c[0] + "','max_tokens':4096,'messages':[{'role':'user','content':'What is 2+2?'}],"
                  + "'output_config':{'effort':'" + c[1] + "'}}");
      JsonObject result = codec.requestFromUniversal(codec.requestToUniversal(body));
      assertThat(str(result, "/output_config/effort")).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void test_anthropic_opus_5_preserves_disabled_thinking_with_effort_round_trip() {
    UniversalRequest universal =
        codec.requestToUniversal(
            obj(
                "{'model':'claude-opus-5','max_tokens':4096,'messages':[{'role':'user','content':'What is 2+2?'}],"
                    + "'thinking':{'type':'disabled'},'output_config':{'effort':'high'}}"));
    Reasoning r = universal.params().reasoning().orElseThrow();
    assertThat(r.enabled()).contains(false);
    assertThat(r.effort()).contains(ReasoningEffort.HIGH);
    assertThat(r.canonical()).contains(ReasoningCanonical.EFFORT);
    JsonObject result = codec.requestFromUniversal(universal);
    assertThat(str(result, "/thinking/type")).isEqualTo("disabled");
    assertThat(str(result, "/output_config/effort")).isEqualTo("high");
  }

  @Test
  void test_anthropic_cross_provider_reasoning_effort_xhigh_not_collapsed_to_max() {
    JsonObject result =
        out(
            request(
                "claude-sonnet-5",
                Message.user("What is 2+2?"),
                UniversalParams.builder().reasoning(Reasoning.fromOpenAIEffort(ReasoningEffort.XHIGH, Optional.empty()))));
    assertThat(str(result, "/output_config/effort")).isEqualTo("xhigh");
  }

  @Test
  void test_anthropic_drops_effort_for_forced_tool_choice_on_sonnet_5() {
    for (ToolChoice choice : List.of(ToolChoice.tool("calc"), ToolChoice.of(ToolChoiceMode.REQUIRED))) {
      JsonObject result =
          out(
              request(
                  "claude-sonnet-5",
                  Message.user("Use calc with x=2"),
                  budget(4096)
                      .reasoning(
                          Reasoning.builder().enabled(true).effort(ReasoningEffort.HIGH).canonical(ReasoningCanonical.EFFORT).build())
                      .toolChoice(choice)));
      assertThat(result.has("thinking")).isFalse();
      assertThat(at(result, "/output_config/effort")).isNull();
      assertThat(result.has("tool_choice")).isTrue();
    }
  }

  @Test
  void test_anthropic_drops_enabled_thinking_for_any_tool_choice_legacy() {
    JsonObject result =
        out(
            request(
                "claude-sonnet-4-5-20250929",
                Message.user("Use calc with x=2"),
                budget(4096)
                    .reasoning(Reasoning.builder().enabled(true).budgetTokens(2048L).build())
                    .toolChoice(ToolChoice.of(ToolChoiceMode.REQUIRED))));
    assertThat(result.has("thinking")).isFalse();
    assertThat(at(result, "/tool_choice")).isEqualTo(obj("{'type':'any'}"));
  }

  @Test
  void test_anthropic_preserves_effort_when_tool_choice_not_forced() {
    JsonObject result =
        out(
            request(
                "claude-sonnet-5",
                Message.user("Use calc with x=2"),
                budget(4096)
                    .reasoning(
                        Reasoning.builder().enabled(true).effort(ReasoningEffort.HIGH).canonical(ReasoningCanonical.EFFORT).build())
                    .toolChoice(ToolChoice.of(ToolChoiceMode.AUTO))));
    assertThat(str(result, "/thinking/type")).isEqualTo("adaptive");
    assertThat(str(result, "/output_config/effort")).isEqualTo("high");
  }

  @Test
  void test_anthropic_drops_raw_effort_for_forced_tool_choice_round_trip() {
    JsonObject body =
        obj(
            "{'model':'claude-sonnet-5','max_tokens':2048,'tool_choice':{'type':'tool','name':'calc'},"
                + "'tools':[{'name':'calc','description':'calc','input_schema':{'type':'object','properties':{'x':{'type':'number'}},'required':['x']}}],"
                + "'output_config':{'effort':'xhigh','format':{'type':'json_schema','schema':{'type':'object','properties':{},'additionalProperties':false}}},"
                + "'messages':[{'role':'user','content':'Use calc x=2'}]}");
    JsonObject result = codec.requestFromUniversal(codec.requestToUniversal(body));
    assertThat(result.has("thinking")).isFalse();
    assertThat(at(result, "/output_config/effort")).isNull();
    assertThat(at(result, "/output_config/format")).isNotNull();
  }

  @Test
  void test_anthropic_opus_4_8_uses_adaptive_thinking_with_budget() {
    JsonObject result =
        out(
            request(
                "claude-opus-4-8",
                Message.user("What is 2+2?"),
                budget(4096)
                    .reasoning(
                        Reasoning.builder().enabled(true).budgetTokens(2048L).canonical(ReasoningCanonical.BUDGET_TOKENS).build())));
    assertThat(at(result, "/thinking")).isEqualTo(obj("{'type':'adaptive'}"));
    assertThat(str(result, "/output_config/effort")).isEqualTo("medium");
  }

  @Test
  void test_anthropic_opus_4_7_normalizes_legacy_enabled_thinking() {
    UniversalRequest universal =
        codec.requestToUniversal(
            obj(
                "{'model':'claude-opus-4-7','max_tokens':4096,'messages':[{'role':'user','content':'What is 2+2?'}],"
                    + "'thinking':{'type':'enabled','budget_tokens':2048}}"));
    Reasoning r = universal.params().reasoning().orElseThrow();
    assertThat(r.enabled()).contains(true);
    assertThat(r.canonical()).contains(ReasoningCanonical.BUDGET_TOKENS);
    assertThat(r.budgetTokens()).contains(2048L);
    JsonObject result = codec.requestFromUniversal(universal);
    assertThat(at(result, "/thinking")).isEqualTo(obj("{'type':'adaptive'}"));
    assertThat(str(result, "/output_config/effort")).isEqualTo("medium");
  }

  @Test
  void test_anthropic_output_format_roundtrip() {
    JsonObject body =
        obj(
            "{'model':'claude-sonnet-4-5-20250929','max_tokens':1024,'messages':[{'role':'user','content':'Extract: John is 25.'}],"
                + "'output_format':{'type':'json_schema','schema':{'type':'object','properties':{'name':{'type':'string'},'age':{'type':'number'}},"
                + "'required':['name','age'],'additionalProperties':false}}}");
    assertThat(codec.requestRequiresJsonResponse(body)).isTrue();
    UniversalRequest universal = codec.requestToUniversal(body);
    assertThat(universal.params().responseFormat()).isPresent();
    JsonObject result = codec.requestFromUniversal(universal);
    assertThat(str(result, "/output_config/format/type")).isEqualTo("json_schema");
    assertThat(at(result, "/output_config/format/schema")).isNotNull();
    assertThat(result.has("output_format")).isFalse();
  }

  @Test
  void test_anthropic_cross_provider_output_format() {
    ResponseFormat rf =
        ResponseFormat.fromOpenAIChat(
            obj(
                "{'type':'json_schema','json_schema':{'name':'person','strict':true,'schema':{'type':'object',"
                    + "'properties':{'name':{'type':'string'}},'required':['name'],'additionalProperties':false}}}"));
    JsonObject result = out(request("claude-sonnet-4-5-20250929", Message.user("x"), budget(10).responseFormat(rf)));
    JsonValue format = at(result, "/output_config/format");
    assertThat(str(format, "/type")).isEqualTo("json_schema");
    assertThat(at(format, "/schema")).isNotNull();
    assertThat(at(format, "/name")).isNull();
    assertThat(at(format, "/strict")).isNull();
    assertThat(result.has("output_format")).isFalse();
  }

  @Test
  void test_anthropic_json_object_uses_tool_shim() {
    JsonObject result =
        out(
            request(
                "claude-sonnet-4-5-20250929",
                Message.user("Give me JSON"),
                budget(100).responseFormat(ResponseFormat.of(ResponseFormatType.JSON_OBJECT))));
    assertThat(at(result, "/tools"))
        .isEqualTo(
            AJ.json(
                "[{'name':'json','description':'Output the result in JSON format','input_schema':{'type':'object'}}]"));
    assertThat(at(result, "/tool_choice")).isEqualTo(obj("{'type':'tool','name':'json'}"));
    assertThat(result.has("output_config")).isFalse();
  }

  @Test
  void responses_namespace_duplicate_local_tool_names_are_rejected_for_anthropic() {
    Tool crm = namespace("crm", "customer_id");
    Tool erp = namespace("erp", "order_id");
    UniversalRequest req = request("claude-sonnet-4-5-20250929", Message.user("Search both systems."), budget(10).tools(List.of(crm, erp)));
    assertThatThrownBy(() -> out(req))
        .hasMessageContaining("duplicate local tool name 'lookup'")
        .hasMessageContaining("'crm'")
        .hasMessageContaining("'erp'")
        .hasMessageContaining("Anthropic tools");
    Tool topLevel =
        Tool.builder().name("lookup").parameters(obj("{'type':'object','properties':{}}")).build();
    UniversalRequest mixed =
        request("claude-sonnet-4-5-20250929", Message.user("x"), budget(10).tools(List.of(topLevel, crm)));
    assertThatThrownBy(() -> out(mixed)).hasMessageContaining("top-level tool").hasMessageContaining("namespace 'crm'");
  }

  private static Tool namespace(String name, String property) {
    JsonObject config =
        obj(
            "{'type':'namespace','name':'" + name + "','description':'tools','tools':[{'type':'function','name':'lookup',"
                + "'description':'Look up " + name + "','parameters':{'type':'object','properties':{'" + property + "':{'type':'string'}},"
                + "'required':['" + property + "']},'defer_loading':true}]}");
    return Tool.builtin("namespace", BuiltinToolProvider.RESPONSES, "namespace", Optional.of(config));
  }

  @Test
  void namespace_tools_expand_to_deferred_anthropic_tools() {
    JsonObject config =
        obj(
            "{'type':'namespace','name':'search','tools':[{'type':'function','name':'search_code','strict':true,"
                + "'parameters':{'type':'object','properties':{}}}]}");
    Tool ns = Tool.builtin("namespace", BuiltinToolProvider.RESPONSES, "namespace", Optional.of(config));
    Tool search = Tool.builtin("tool_search", BuiltinToolProvider.RESPONSES, "tool_search", Optional.of(obj("{'type':'tool_search'}")));
    JsonObject result = out(request("claude-sonnet-4-5", Message.user("x"), budget(10).tools(List.of(ns, search))));
    assertThat(at(result, "/tools"))
        .isEqualTo(
            AJ.json(
                "[{'defer_loading':true,'input_schema':{'type':'object','properties':{}},'name':'search_code','strict':true},"
                    + "{'name':'tool_search_tool_regex','type':'tool_search_tool_regex_20251119'}]"));
  }

  @Test
  void service_tier_mapping() {
    assertThat(str(out(request("claude-x", Message.user("x"), budget(1).serviceTier("default"))), "/service_tier")).isEqualTo("auto");
    assertThat(str(out(request("claude-x", Message.user("x"), budget(1).serviceTier("standard_only"))), "/service_tier"))
        .isEqualTo("standard_only");
    assertThatThrownBy(() -> out(request("claude-x", Message.user("x"), budget(1).serviceTier("fast"))))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("service_tier 'fast'");
  }

  @Test
  void metadata_keeps_only_user_id() {
    JsonObject result =
        out(request("claude-x", Message.user("x"), budget(1).metadata(obj("{'user_id':'u1','session':'s'}"))));
    assertThat(at(result, "/metadata")).isEqualTo(obj("{'user_id':'u1'}"));
    assertThat(out(request("claude-x", Message.user("x"), budget(1).metadata(obj("{'a':1}")))).has("metadata")).isFalse();
  }

  @Test
  void parallel_tool_calls_disabled_synthesizes_auto_choice() {
    JsonObject result = out(request("claude-x", Message.user("x"), budget(1).parallelToolCalls(false)));
    assertThat(at(result, "/tool_choice")).isEqualTo(obj("{'type':'auto','disable_parallel_tool_use':true}"));
  }

  @Test
  void openai_encrypted_reasoning_cannot_be_replayed_to_anthropic() {
    Message assistant = Message.assistant(List.of(ReasoningPart.of("", "gAAAAABqfNlzepp")));
    UniversalRequest req =
        UniversalRequest.of("claude-sonnet-4-5", List.of(Message.user("q"), assistant, Message.user("go")), budget(10).build());
    assertThatThrownBy(() -> out(req)).isInstanceOf(TranslationException.class).hasMessageContaining("OpenAI encrypted reasoning");
    Message anthropicThinking = Message.assistant(List.of(ReasoningPart.of("thought", "EqQBCkYIBxgCKkB")));
    JsonObject ok =
        out(UniversalRequest.of("claude-sonnet-4-5", List.of(Message.user("q"), anthropicThinking, Message.user("go")), budget(10).build()));
    assertThat(at(ok, "/messages/1/content/0")).isEqualTo(obj("{'type':'thinking','thinking':'thought','signature':'EqQBCkYIBxgCKkB'}"));
  }

  @Test
  void anthropic_source_round_trips_raw_body_fields() {
    JsonObject body =
        obj(
            "{'model':'claude-sonnet-4-5','max_tokens':100,'messages':[{'role':'user','content':[{'type':'text','text':'hi','cache_control':{'type':'ephemeral','ttl':'1h'}}]}],"
                + "'stop_sequences':['END'],'top_k':5,'context_management':{'edits':[]},'container':'c1'}");
    JsonObject result = codec.requestFromUniversal(codec.requestToUniversal(body));
    assertThat(JsonTree.canonicalEquals(result, body)).as(result.toString()).isTrue();
  }
}
