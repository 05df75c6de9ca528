package dev.llmrouter.translate.openai;

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
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningCanonical;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Chat Completions codec (ports of lingua's openai/adapter.rs and params.rs tests, plus our own). */
class ChatCompletionsCodecTest {
  private final ChatCompletionsCodec codec = new ChatCompletionsCodec();

  static JsonObject obj(String json) {
    return (JsonObject) JsonTree.parse(json.replace('\'', '"'));
  }

  static void assertJson(JsonValue actual, String expected) {
    JsonValue exp = JsonTree.parse(expected.replace('\'', '"'));
    assertThat(JsonTree.canonicalEquals(actual, exp))
        .as("expected %s but was %s", exp.toJson(), actual.toJson())
        .isTrue();
  }

  private static UniversalRequest request(String model, UniversalParams params, Message... messages) {
    return UniversalRequest.of(model, List.of(messages), params);
  }

  private static UniversalParams.Builder params() {
    return UniversalParams.builder();
  }

  private JsonObject out(String model, UniversalParams params) {
    return codec.requestFromUniversal(request(model, params, Message.user("Hello")));
  }

  // ---- Detection ------------------------------------------------------------------------------

  @Test
  void test_openai_detect_request() {
    assertThat(codec.detectRequest(obj("{'model':'gpt-4','messages':[{'role':'user','content':'Hello'}]}")))
        .isTrue();
    assertThat(codec.detectRequest(obj("{'model':'gpt-4','prompt':'Hello'}"))).isTrue();
    assertThat(codec.detectPassthroughRequest(obj("{'model':'gpt-4','prompt':'Hello'}"))).isFalse();
    assertThat(codec.detectRequest(obj("{'model':'gpt-4','input':'Hello'}"))).isFalse();
  }

  @Test
  void detectsResponsesAndChunks() {
    assertThat(codec.detectResponse(obj("{'object':'chat.completion','choices':[]}"))).isTrue();
    assertThat(codec.detectResponse(obj("{'choices':[]}"))).isFalse();
    assertThat(codec.detectStreamEvent(obj("{'object':'chat.completion.chunk','choices':[]}"))).isTrue();
    assertThat(codec.detectStreamEvent(obj("{'choices':[{'index':0,'delta':{}}]}"))).isTrue();
    assertThat(codec.detectStreamEvent(obj("{'type':'message_start'}"))).isFalse();
  }

  @Test
  void requiresJsonResponse() {
    assertThat(codec.requestRequiresJsonResponse(obj("{'response_format':{'type':'json_object'}}"))).isTrue();
    assertThat(codec.requestRequiresJsonResponse(obj("{'response_format':{'type':'text'}}"))).isFalse();
    assertThat(codec.requestRequiresJsonResponse(obj("{'response_format':null}"))).isFalse();
    assertThatThrownBy(() -> codec.requestRequiresJsonResponse(obj("{'response_format':{'type':'yaml'}}")))
        .isInstanceOf(TranslationException.class);
  }

  // ---- Request in -----------------------------------------------------------------------------

  @Test
  void test_openai_passthrough() {
    UniversalRequest u =
        codec.requestToUniversal(obj("{'model':'gpt-4','messages':[{'role':'user','content':'Hello'}]}"));
    assertThat(u.model()).contains("gpt-4");
    assertThat(u.messages()).hasSize(1);
    JsonObject back = codec.requestFromUniversal(u);
    assertJson(back, "{'model':'gpt-4','messages':[{'role':'user','content':'Hello'}]}");
  }

  @Test
  void test_openai_prompt_cache_key_imports_to_canonical_param() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-4','messages':[{'role':'user','content':'Hello'}],'prompt_cache_key':'cache-key-1'}"));
    assertThat(u.params().promptCacheKey()).contains("cache-key-1");
    assertThat(u.params().extrasFor(ProviderFormat.OPENAI).map(e -> e.has("prompt_cache_key")).orElse(false))
        .isFalse();
  }

  @Test
  void test_openai_prompt_cache_key_exports_from_canonical_param() {
    JsonObject v = out("gpt-4", params().promptCacheKey("cache-key-1").build());
    assertThat(v.getString("prompt_cache_key")).contains("cache-key-1");
  }

  @Test
  void test_openai_prompt_cache_key_canonical_value_overrides_stale_extra() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-4','messages':[{'role':'user','content':'Hello'}],"
                    + "'prompt_cache_key':'cache-key-original'}"));
    u = u.withParams(u.params().toBuilder().promptCacheKey("cache-key-updated").build());
    assertThat(codec.requestFromUniversal(u).getString("prompt_cache_key")).contains("cache-key-updated");
  }

  @Test
  void test_openai_preserves_extras() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-4','messages':[{'role':'user','content':'Hello'}],"
                    + "'user':'test-user-123','custom_field':'should_be_preserved','n':2,'logit_bias':{'5':1}}"));
    JsonObject extras = u.params().extrasFor(ProviderFormat.OPENAI).orElseThrow();
    assertThat(extras.has("user")).isTrue();
    assertThat(extras.has("custom_field")).isTrue();
    JsonObject back = codec.requestFromUniversal(u);
    assertThat(back.getString("user")).contains("test-user-123");
    assertThat(back.getString("custom_field")).contains("should_be_preserved");
    assertJson(back.getOrNull("n"), "2");
    assertJson(back.getOrNull("logit_bias"), "{'5':1}");
  }

  @Test
  void test_chat_params_known_fields() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-4o','messages':[{'role':'user','content':'Hello'}],'temperature':0.7,"
                    + "'max_tokens':100}"));
    assertThat(u.params().temperature()).contains(0.7);
    assertThat(u.params().tokenBudget()).contains(TokenBudget.outputTokens(100));
    // Only the max-tokens alias is kept.
    assertJson(u.params().extrasFor(ProviderFormat.OPENAI).orElseThrow(), "{'max_tokens':100}");
  }

  @Test
  void test_chat_params_unknown_fields_go_to_extras() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-4o','messages':[],'some_future_param':'value','another_unknown':42}"));
    assertJson(
        u.params().extrasFor(ProviderFormat.OPENAI).orElseThrow(),
        "{'some_future_param':'value','another_unknown':42}");
  }

  @Test
  void test_chat_params_moderation_is_typed_field() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-4o','messages':[{'role':'user','content':'Hello'}],"
                    + "'moderation':{'model':'omni-moderation-latest'}}"));
    assertJson(codec.requestFromUniversal(u).getOrNull("moderation"), "{'model':'omni-moderation-latest'}");
  }

  @Test
  void test_reasoning_effort_accepts_current_openai_values() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj("{'model':'gpt-5.4','messages':[{'role':'user','content':'Hello'}],'reasoning_effort':'xhigh'}"));
    assertThat(u.params().reasoning().flatMap(Reasoning::effort)).contains(ReasoningEffort.XHIGH);
  }

  @Test
  void test_openai_chat_parses_safety_identifier_as_anthropic_user_id_metadata() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5-nano','messages':[{'role':'user','content':'Hello'}],"
                    + "'safety_identifier':'user-123'}"));
    assertJson(u.params().metadata().orElseThrow(), "{'user_id':'user-123'}");
    assertJson(
        u.params().extrasFor(ProviderFormat.OPENAI).orElseThrow().getOrNull("safety_identifier"),
        "'user-123'");
  }

  @Test
  void test_openai_chat_prefers_explicit_metadata_over_safety_identifier() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-5-nano','messages':[{'role':'user','content':'Hello'}],"
                    + "'metadata':{'request_id':'req-123'},'safety_identifier':'user-123'}"));
    assertJson(u.params().metadata().orElseThrow(), "{'request_id':'req-123'}");
  }

  @Test
  void webSearchOptionsBecomeAResponsesBuiltin() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'gpt-4o-search-preview','messages':[{'role':'user','content':'news'}],"
                    + "'web_search_options':{'search_context_size':'low','user_location':{'type':'approximate',"
                    + "'approximate':{'city':'Paris','country':null}}}}"));
    Tool t = u.params().tools().orElseThrow().get(0);
    assertThat(t.builtinProvider()).contains(BuiltinToolProvider.RESPONSES);
    assertJson(
        t.builtin().orElseThrow().config().orElseThrow(),
        "{'type':'web_search','user_location':{'type':'approximate','approximate':{'city':'Paris'}}}");
    // Back to Chat: the raw options are restored from extras and the builtin is emitted too.
    JsonObject back = codec.requestFromUniversal(u);
    assertThat(back.has("web_search_options")).isTrue();
  }

  @Test
  void unreadableToolChoiceIsAClientErrorNotASilentlyUnforcedRequest() {
    for (String choice : new String[] {"'sometimes'", "7", "['auto']", "{'type':'allowed_tools'}"}) {
      assertThatThrownBy(
              () ->
                  codec.requestToUniversal(
                      obj("{'model':'gpt-4','messages':[{'role':'user','content':'hi'}],'tool_choice':"
                          + choice
                          + "}")))
          .as(choice)
          .isInstanceOf(TranslationException.class)
          .hasMessageContaining("tool_choice");
    }
    assertThat(
            codec
                .requestToUniversal(
                    obj("{'model':'gpt-4','messages':[{'role':'user','content':'hi'}],"
                        + "'tool_choice':{'type':'function','function':{'name':'f'}}}"))
                .params()
                .toolChoice())
        .contains(ToolChoice.tool("f"));
  }

  @Test
  void badTypesAreClientErrorsNamingTheField() {
    assertThatThrownBy(
            () -> codec.requestToUniversal(obj("{'model':'gpt-4','messages':[],'temperature':'hot'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("temperature");
    assertThatThrownBy(
            () -> codec.requestToUniversal(obj("{'model':'gpt-4','messages':[],'max_tokens':1.5}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("max_tokens");
    assertThatThrownBy(
            () -> codec.requestToUniversal(obj("{'model':'gpt-4','messages':[],'reasoning_effort':'huge'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("reasoning_effort");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'gpt-4','messages':[{'role':'robot'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages[0].role");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'gpt-4','messages':[{'role':'user'}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("content");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'gpt-4'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages");
  }

  @Test
  void legacyPromptBodies() {
    UniversalRequest u = codec.requestToUniversal(obj("{'model':'gpt-4o-mini','prompt':'Say hi','max_tokens':5}"));
    assertThat(u.messages()).containsExactly(Message.user("Say hi"));
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'gpt-4o-mini','prompt':['a','b']}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("single string prompt");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m','prompt':'x','suffix':'y'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("'suffix'");
    assertThatThrownBy(() -> codec.requestToUniversal(obj("{'model':'m','prompt':'x','logprobs':3}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("'logprobs'");
  }

  // ---- Reasoning config -----------------------------------------------------------------------

  @Test
  void test_build_reasoning_config() {
    assertThat(ChatCompletionsCodec.reasoningConfig(false, null, null, null).enabled()).contains(false);
    assertThat(ChatCompletionsCodec.reasoningConfig(null, 0L, null, null).enabled()).contains(false);
    assertThat(ChatCompletionsCodec.reasoningConfig(true, 0L, null, null).enabled()).contains(false);
    Reasoning budget = ChatCompletionsCodec.reasoningConfig(null, 2000L, null, null);
    assertThat(budget.enabled()).contains(true);
    assertThat(budget.budgetTokens()).contains(2000L);
    assertThat(budget.canonical()).contains(ReasoningCanonical.BUDGET_TOKENS);
    Reasoning effort = ChatCompletionsCodec.reasoningConfig(null, null, ReasoningEffort.HIGH, 4096L);
    assertThat(effort.budgetTokens()).contains(3072L);
    assertThat(effort.canonical()).contains(ReasoningCanonical.EFFORT);
    assertThat(ChatCompletionsCodec.reasoningConfig(null, 5000L, ReasoningEffort.LOW, 4096L).budgetTokens())
        .contains(5000L);
    assertThat(ChatCompletionsCodec.reasoningConfig(true, null, null, null).effort())
        .contains(ReasoningEffort.MEDIUM);
    assertThat(ChatCompletionsCodec.reasoningConfig(null, null, null, null)).isNull();
  }

  @Test
  void test_openai_reasoning_enabled_false_to_anthropic() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'claude-3-7-sonnet-20250219','messages':[{'role':'user','content':'Hello'}],"
                    + "'reasoning_enabled':false,'max_tokens':100}"));
    assertJson(u.params().reasoningFor(ProviderFormat.ANTHROPIC).orElseThrow(), "{'type':'disabled'}");
  }

  @Test
  void test_openai_reasoning_budget_to_anthropic() {
    UniversalRequest u =
        codec.requestToUniversal(
            obj(
                "{'model':'claude-3-7-sonnet-20250219','messages':[{'role':'user','content':'Hello'}],"
                    + "'reasoning_budget':3000,'max_tokens':100}"));
    assertJson(
        u.params().reasoningFor(ProviderFormat.ANTHROPIC).orElseThrow(),
        "{'type':'enabled','budget_tokens':3000}");
  }

  // ---- Request out ----------------------------------------------------------------------------

  @Test
  void test_openai_omits_temperature_and_top_p_for_reasoning_models() {
    JsonObject v = out("gpt-5-mini", params().temperature(0.0).topP(0.9).build());
    assertThat(v.has("temperature")).isFalse();
    assertThat(v.has("top_p")).isFalse();
    JsonObject w = out("gpt-4", params().temperature(0.7).topP(0.9).build());
    assertJson(w.getOrNull("temperature"), "0.7");
    assertJson(w.getOrNull("top_p"), "0.9");
  }

  @Test
  void test_openai_chat_clamps_reasoning_effort_for_target_model() {
    Reasoning r =
        Reasoning.builder().enabled(true).effort(ReasoningEffort.XHIGH).canonical(ReasoningCanonical.EFFORT).build();
    assertThat(out("gpt-5-nano", params().reasoning(r).build()).getString("reasoning_effort")).contains("high");
  }

  @Test
  void test_openai_chat_maps_anthropic_user_id_to_safety_identifier() {
    JsonObject v = out("gpt-5-nano", params().metadata(obj("{'user_id':'user-123'}")).build());
    assertThat(v.getString("safety_identifier")).contains("user-123");
    assertThat(v.has("metadata")).isFalse();
    assertThat(v.has("store")).isFalse();
  }

  @Test
  void test_openai_chat_preserves_openai_metadata_when_store_enabled() {
    JsonObject v = out("gpt-4o-mini", params().metadata(obj("{'request_id':'req-123'}")).store(true).build());
    assertJson(v.getOrNull("metadata"), "{'request_id':'req-123'}");
    assertJson(v.getOrNull("store"), "true");
    assertThat(v.has("safety_identifier")).isFalse();
  }

  @Test
  void test_openai_chat_uses_max_completion_tokens_for_gpt5_models() {
    JsonObject v = out("gpt-5-nano", params().tokenBudget(TokenBudget.outputTokens(1024)).build());
    assertJson(v.getOrNull("max_completion_tokens"), "1024");
    assertThat(v.has("max_tokens")).isFalse();
  }

  @Test
  void test_openai_chat_clamps_synthesized_max_completion_tokens_to_provider_minimum() {
    assertJson(
        out("gpt-5-nano", params().tokenBudget(TokenBudget.outputTokens(1)).build()).getOrNull("max_completion_tokens"),
        "16");
    assertJson(
        out("gpt-5-nano", params().tokenBudget(TokenBudget.outputTokens(100)).build())
            .getOrNull("max_completion_tokens"),
        "100");
  }

  @Test
  void test_openai_chat_preserves_raw_max_completion_tokens_from_same_provider_extras() {
    UniversalParams p =
        params()
            .tokenBudget(TokenBudget.outputTokens(100))
            .extras(ProviderFormat.OPENAI, obj("{'max_completion_tokens':1}"))
            .build();
    assertJson(out("gpt-5-nano", p).getOrNull("max_completion_tokens"), "1");
  }

  @Test
  void mistralAndDatabricksUseMaxTokens() {
    UniversalParams p = params().tokenBudget(TokenBudget.outputTokens(100)).stream(true).build();
    JsonObject mistral = out("mistral-large-latest", p);
    assertJson(mistral.getOrNull("max_tokens"), "100");
    assertThat(mistral.has("max_completion_tokens")).isFalse();
    assertJson(mistral.getOrNull("stream_options"), "{'include_usage':true}");
    JsonObject databricks = out("databricks-meta-llama", p);
    assertJson(databricks.getOrNull("max_tokens"), "100");
    assertThat(databricks.has("stream_options")).isFalse();
  }

  @Test
  void test_openai_drops_anthropic_web_search_and_google_search_for_chat() {
    Tool anthropic =
        Tool.builtin(
            "web_search",
            BuiltinToolProvider.ANTHROPIC,
            "web_search_20250305",
            Optional.of(obj("{'type':'web_search_20250305','name':'web_search'}")));
    Tool google = Tool.builtin("google_search", BuiltinToolProvider.GOOGLE, "google_search", Optional.of(obj("{}")));
    JsonObject v = out("gpt-4o", params().tools(List.of(anthropic, google)).build());
    assertThat(v.has("tools")).isFalse();
    assertThat(v.has("web_search_options")).isFalse();
  }

  @Test
  void test_openai_chat_errors_on_anthropic_web_search_allowed_domains() {
    Tool anthropic =
        Tool.builtin(
            "web_search",
            BuiltinToolProvider.ANTHROPIC,
            "web_search_20250305",
            Optional.of(
                obj("{'type':'web_search_20250305','name':'web_search','allowed_domains':['wikipedia.org']}")));
    assertThatThrownBy(() -> out("gpt-4o", params().tools(List.of(anthropic)).build()))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("Tool 'web_search' of type 'allowed_domains' is not supported by openai");
  }

  @Test
  void streamAddsIncludeUsage() {
    JsonObject v = out("gpt-4o", params().stream(true).build());
    assertJson(v.getOrNull("stream"), "true");
    assertJson(v.getOrNull("stream_options"), "{'include_usage':true}");
  }

  @Test
  void cacheBreakpointsOnlyForGpt56AndLater() {
    TextPart cached = TextPart.builder().text("ctx").cacheControl(dev.llmrouter.translate.ir.CacheControl.EPHEMERAL).build();
    UniversalRequest req =
        UniversalRequest.of(
            "gpt-5.6-terra",
            List.of(Message.user(List.of(cached))),
            params().extras(ProviderFormat.OPENAI, obj("{'prompt_cache_options':{'ttl':'30m'}}")).build());
    JsonObject supported = codec.requestFromUniversal(req);
    assertJson(
        supported.getOrNull("messages"),
        "[{'role':'user','content':[{'type':'text','text':'ctx','cache_control':{'type':'ephemeral'},"
            + "'prompt_cache_breakpoint':{'mode':'explicit'}}]}]");
    assertThat(supported.has("prompt_cache_options")).isTrue();
    JsonObject stripped = codec.requestFromUniversal(req.withModel(Optional.of("gpt-5.5")));
    assertJson(stripped.getOrNull("messages"), "[{'role':'user','content':[{'type':'text','text':'ctx'}]}]");
    assertThat(stripped.has("prompt_cache_options")).isFalse();
  }

  @Test
  void missingModelIsAnError() {
    assertThatThrownBy(
            () ->
                codec.requestFromUniversal(
                    new UniversalRequest(Optional.empty(), List.of(Message.user("x")), UniversalParams.EMPTY)))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("missing model");
  }

  @Test
  void additionalToolsMessagesCannotBeSent() {
    UniversalRequest req =
        UniversalRequest.of(
            "gpt-4o", List.of(Message.additionalTools(List.of(), Optional.empty())), UniversalParams.EMPTY);
    assertThatThrownBy(() -> codec.requestFromUniversal(req)).isInstanceOf(TranslationException.class);
  }

  @Test
  void test_openai_reasoning_roundtrip() {
    UniversalRequest u =
        request(
            "gpt-4",
            UniversalParams.EMPTY,
            Message.user("Hello"),
            Message.assistant(List.of(ReasoningPart.of("Let me think about this..."), TextPart.of("OK"))),
            Message.user("Thanks"));
    JsonObject chat = codec.requestFromUniversal(u);
    JsonObject assistant = (JsonObject) chat.getArray("messages").orElseThrow().get(1);
    assertThat(assistant.getString("reasoning")).contains("Let me think about this...");
    Message back = codec.requestToUniversal(chat).messages().get(1);
    assertThat(back.partsOf(ReasoningPart.class)).hasSize(1);
  }

  @Test
  void test_openai_reasoning_only_and_empty_reasoning_roundtrip() {
    for (String text : new String[] {"Let me think...", ""}) {
      UniversalRequest u =
          request(
              "gpt-4",
              UniversalParams.EMPTY,
              Message.user("Hello"),
              Message.assistant(List.of(ReasoningPart.of(text))));
      JsonObject chat = codec.requestFromUniversal(u);
      JsonObject assistant = (JsonObject) chat.getArray("messages").orElseThrow().get(1);
      assertJson(assistant, "{'role':'assistant','content':'','reasoning':'" + text + "'}");
      Message back = codec.requestToUniversal(chat).messages().get(1);
      assertThat(back.stringContent()).isFalse();
      assertThat(back.partsOf(ReasoningPart.class)).containsExactly(ReasoningPart.of(text));
    }
  }

  // ---- Responses ------------------------------------------------------------------------------

  @Test
  void test_openai_response_accepts_on_demand_service_tier() {
    JsonObject payload =
        obj(
            "{'id':'chatcmpl_123','object':'chat.completion','created':1722960000,'model':'llama-3.1-8b-instant',"
                + "'service_tier':'on_demand','choices':[{'index':0,'message':{'role':'assistant','content':'hello'},"
                + "'finish_reason':'stop'}]}");
    UniversalResponse u = codec.responseToUniversal(payload);
    assertThat(u.servedServiceTier()).contains(ServedServiceTier.ON_DEMAND);
    assertThat(codec.responseFromUniversal(u).getString("service_tier")).contains("on_demand");
  }

  @Test
  void responseRoundTrip() {
    JsonObject payload =
        obj(
            "{'id':'chatcmpl-abc','object':'chat.completion','created':1,'model':'gpt-4o',"
                + "'choices':[{'index':0,'message':{'role':'assistant','content':null,'refusal':null,"
                + "'tool_calls':[{'id':'call_1','type':'function','function':{'name':'f','arguments':'{\\'a\\':1}'}}]},"
                + "'finish_reason':'tool_calls'}],"
                + "'usage':{'prompt_tokens':10,'completion_tokens':5,'total_tokens':15,"
                + "'prompt_tokens_details':{'cached_tokens':2},'completion_tokens_details':{'reasoning_tokens':3}}}");
    JsonObject back = codec.responseFromUniversal(codec.responseToUniversal(payload));
    assertJson(
        back,
        "{'id':'chatcmpl-abc','object':'chat.completion','created':0,'model':'gpt-4o',"
            + "'choices':[{'index':0,'message':{'role':'assistant','annotations':[],"
            + "'tool_calls':[{'id':'call_1','type':'function','function':{'name':'f','arguments':'{\\'a\\':1}'}}]},"
            + "'finish_reason':'tool_calls'}],"
            + "'usage':{'prompt_tokens':10,'completion_tokens':5,'total_tokens':15,"
            + "'prompt_tokens_details':{'cached_tokens':2},'completion_tokens_details':{'reasoning_tokens':3}}}");
  }

  @Test
  void responseWithoutIdOrModelUsesPlaceholders() {
    UniversalResponse u = UniversalResponse.builder().messages(List.of(Message.assistant("hi"))).build();
    assertJson(
        codec.responseFromUniversal(u),
        "{'id':'chatcmpl-transformed','object':'chat.completion','created':0,'model':'transformed',"
            + "'choices':[{'index':0,'message':{'role':'assistant','content':'hi','annotations':[]},"
            + "'finish_reason':'stop'}]}");
  }

  @Test
  void badResponsesAreClientErrors() {
    assertThatThrownBy(() -> codec.responseToUniversal(obj("{'object':'chat.completion'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("choices");
    assertThatThrownBy(
            () -> codec.responseToUniversal(obj("{'choices':[{'message':{'role':'user','content':'x'}}]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("choices[0].message.role");
    assertThatThrownBy(() -> codec.responseToUniversal(obj("{'choices':[],'service_tier':'standard'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("service_tier");
  }

  @Test
  void response_from_universal_drops_discovery_only_history() {
    ToolDiscoveryCallPart call =
        ToolDiscoveryCallPart.builder()
            .toolCallId("tsc_1")
            .discoveryToolName("tool_search")
            .query("repo:example symbol")
            .status("completed")
            .execution("server")
            .build();
    ToolDiscoveryResultPart result =
        new ToolDiscoveryResultPart(
            "tsc_1",
            "tool_search",
            List.of(ToolDiscoveryResultItem.of("search_code")),
            Optional.of("completed"),
            Optional.of("server"),
            Optional.empty());
    UniversalResponse resp =
        UniversalResponse.builder()
            .model("gpt-4")
            .messages(List.of(Message.assistant(List.of(call)), Message.tool(List.of(result)), Message.assistant("Done")))
            .build();
    JsonArray choices = codec.responseFromUniversal(resp).getArray("choices").orElseThrow();
    assertThat(choices.size()).isEqualTo(1);
    assertJson(choices.get(0), "{'index':0,'message':{'role':'assistant','content':'Done','annotations':[]},'finish_reason':'stop'}");
  }

  // ---- Streams --------------------------------------------------------------------------------

  @Test
  void test_openai_stream_preserves_service_tier() {
    UniversalStreamChunk u =
        codec
            .streamToUniversal(
                obj("{'id':'chatcmpl_123','object':'chat.completion.chunk','model':'gpt-5.6-sol','service_tier':'priority','choices':[]}"))
            .orElseThrow();
    assertThat(u.servedServiceTier()).contains(ServedServiceTier.PRIORITY);
    assertThat(codec.streamFromUniversal(u).getString("service_tier")).contains("priority");
  }

  @Test
  void test_openai_stream_accepts_on_demand_service_tier() {
    UniversalStreamChunk u =
        codec
            .streamToUniversal(
                obj("{'id':'chatcmpl_123','object':'chat.completion.chunk','model':'llama','service_tier':'on_demand','choices':[]}"))
            .orElseThrow();
    assertThat(u.servedServiceTier()).contains(ServedServiceTier.ON_DEMAND);
    assertThat(codec.streamFromUniversal(u).getString("service_tier")).contains("on_demand");
  }

  @Test
  void test_openai_stream_from_universal_omits_custom_tool_call_marker() {
    UniversalStreamChunk chunk =
        UniversalStreamChunk.of(
            Optional.empty(),
            Optional.empty(),
            List.of(
                new StreamChoice(
                    0,
                    Optional.of(
                        obj(
                            "{'role':'assistant','content':null,'tool_calls':[{'index':0,'id':'call_1',"
                                + "'type':'function','custom_tool_call':true,"
                                + "'function':{'name':'exec','arguments':''}}]}")),
                    Optional.empty())),
            Optional.empty(),
            Optional.empty());
    assertJson(
        codec.streamFromUniversal(chunk),
        "{'object':'chat.completion.chunk','choices':[{'index':0,'delta':{'role':'assistant','content':null,"
            + "'tool_calls':[{'index':0,'id':'call_1','type':'function','function':{'name':'exec','arguments':''}}]},"
            + "'finish_reason':null}]}");
  }

  @Test
  void streamChunkRoundTrip() {
    JsonObject event =
        obj(
            "{'id':'chatcmpl-1','object':'chat.completion.chunk','created':1700000000,'model':'gpt-4o',"
                + "'choices':[{'index':0,'delta':{'content':'Hi'},'finish_reason':null}]}");
    UniversalStreamChunk u = codec.streamToUniversal(event).orElseThrow();
    assertThat(u.choices().get(0).deltaView().flatMap(d -> d.content())).contains("Hi");
    assertJson(codec.streamFromUniversal(u), event.toJson());
  }

  @Test
  void keepAliveBecomesAnEmptyChunk() {
    assertJson(
        codec.streamFromUniversal(UniversalStreamChunk.keepAliveChunk()),
        "{'object':'chat.completion.chunk','choices':[]}");
  }

  @Test
  void usageChunk() {
    UniversalStreamChunk u =
        codec
            .streamToUniversal(
                obj("{'object':'chat.completion.chunk','choices':[],'usage':{'prompt_tokens':3,'completion_tokens':4,'total_tokens':7}}"))
            .orElseThrow();
    assertJson(
        codec.streamFromUniversal(u),
        "{'object':'chat.completion.chunk','choices':[],'usage':{'prompt_tokens':3,'completion_tokens':4,'total_tokens':7}}");
  }
}
