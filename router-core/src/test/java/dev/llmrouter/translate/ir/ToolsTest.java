package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.assertJsonEquals;
import static dev.llmrouter.translate.ir.J.at;
import static dev.llmrouter.translate.ir.J.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ports of lingua's universal/tools.rs tests that concern the universal conversions (the Anthropic and
 * Google typed conversions belong to their codecs), plus own edge cases.
 */
class ToolsTest {

  private static Tool fn(String name, String desc, String params, Boolean strict) {
    return Tool.function(
        name,
        Optional.ofNullable(desc),
        Optional.ofNullable(params).map(J::json),
        Optional.ofNullable(strict));
  }

  private static Tool builtin(String name, BuiltinToolProvider p, String type, String config) {
    return Tool.builtin(name, p, type, Optional.ofNullable(config).map(J::json));
  }

  private static UnsupportedToolTypeException unsupported(Runnable r) {
    try {
      r.run();
    } catch (UnsupportedToolTypeException e) {
      return e;
    }
    throw new AssertionError("expected UnsupportedToolTypeException");
  }

  @Test
  void test_universal_tool_function_constructor() {
    Tool t = fn("get_weather", "Get the weather", "{'type':'object'}", null);
    assertThat(t.name()).isEqualTo("get_weather");
    assertThat(t.description()).contains("Get the weather");
    assertThat(t.isFunction()).isTrue();
    assertThat(t.isBuiltin()).isFalse();
    assertThat(t.builtinProvider()).isEmpty();
    assertThat(t.strict()).isEmpty();
  }

  @Test
  void test_universal_tool_builtin_constructor() {
    Tool t = builtin("bash", BuiltinToolProvider.ANTHROPIC, "bash_20250124", "{'name':'bash'}");
    assertThat(t.name()).isEqualTo("bash");
    assertThat(t.isFunction()).isFalse();
    assertThat(t.isBuiltin()).isTrue();
    assertThat(t.builtinProvider()).contains(BuiltinToolProvider.ANTHROPIC);
  }

  @Test
  void test_universal_tool_to_openai_chat_function() {
    JsonObject v = fn("get_weather", "Get weather", "{'type':'object'}", null).toOpenAIChat();
    assertThat(at(v, "/type")).contains(JsonString.of("function"));
    assertThat(at(v, "/function/name")).contains(JsonString.of("get_weather"));
    assertThat(at(v, "/function/description")).contains(JsonString.of("Get weather"));
  }

  @Test
  void test_universal_tool_to_openai_chat_custom() {
    JsonObject v =
        Tool.custom("translate", Optional.of("Translate text"), Optional.of(json("{'type':'text'}"))).toOpenAIChat();
    assertThat(at(v, "/type")).contains(JsonString.of("custom"));
    assertThat(at(v, "/custom/name")).contains(JsonString.of("translate"));
    assertThat(at(v, "/custom/format/type")).contains(JsonString.of("text"));
  }

  @Test
  void test_universal_tool_to_openai_chat_builtin_error() {
    Tool t = builtin("bash", BuiltinToolProvider.ANTHROPIC, "bash_20250124", "{}");
    assertThatThrownBy(t::toOpenAIChat).isInstanceOf(TranslationException.class);
  }

  @Test
  void test_universal_tool_to_responses_function() {
    JsonObject v = fn("get_weather", "Get weather", "{'type':'object'}", null).toResponses();
    assertThat(at(v, "/type")).contains(JsonString.of("function"));
    assertThat(at(v, "/name")).contains(JsonString.of("get_weather"));
    assertThat(at(v, "/description")).contains(JsonString.of("Get weather"));
    assertThat(at(v, "/strict")).isEmpty();
  }

  @Test
  void test_universal_tool_to_responses_function_with_strict() {
    JsonObject v = fn("get_weather", "Get weather", "{'type':'object'}", true).toResponses();
    assertThat(at(v, "/strict")).contains(JsonBoolean.TRUE);
  }

  @Test
  void test_universal_tool_to_responses_custom() {
    JsonObject v =
        Tool.custom("code_exec", Optional.of("Executes arbitrary Python code."), Optional.of(json("{'type':'text'}")))
            .toResponses();
    assertThat(at(v, "/type")).contains(JsonString.of("custom"));
    assertThat(at(v, "/name")).contains(JsonString.of("code_exec"));
    assertThat(at(v, "/format/type")).contains(JsonString.of("text"));
  }

  @Test
  void test_universal_tool_to_responses_builtin_passthrough() {
    Tool t =
        builtin("code_interpreter", BuiltinToolProvider.RESPONSES, "code_interpreter", "{'type':'code_interpreter'}");
    assertJsonEquals(t.toResponses(), "{'type':'code_interpreter'}");
  }

  @Test
  void test_batch_conversion_to_openai_chat() {
    JsonArray a = Tools.toOpenAIChat(List.of(fn("tool1", "desc1", null, null), fn("tool2", "desc2", null, null))).get();
    assertThat(a.size()).isEqualTo(2);
    assertThat(at(a, "/0/function/name")).contains(JsonString.of("tool1"));
  }

  @Test
  void test_openai_chat_rejects_responses_tool_metadata() {
    Tool t =
        fn("get_inventory", "Get inventory", "{'type':'object','properties':{}}", null)
            .toBuilder()
            .allowedCallers(List.of(AllowedCaller.PROGRAMMATIC))
            .outputSchema(json("{'type':'object'}"))
            .build();
    UnsupportedToolTypeException e = unsupported(t::toOpenAIChat);
    assertThat(e.toolType()).isEqualTo("allowed_callers");
    assertThat(e.targetFormat()).isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void test_responses_discovery_tools_are_dropped_for_openai_chat() {
    List<Tool> tools =
        List.of(
            fn("search_code", "Search code", null, null),
            builtin("namespace", BuiltinToolProvider.RESPONSES, "namespace", "{'type':'namespace','name':'search_code','tools':[]}"),
            builtin("tool_search", BuiltinToolProvider.RESPONSES, "tool_search", "{'type':'tool_search'}"));
    JsonArray a = Tools.toOpenAIChat(tools).get();
    assertThat(a.size()).isEqualTo(1);
    assertThat(at(a, "/0/function/name")).contains(JsonString.of("search_code"));
  }

  @Test
  void test_batch_conversion_to_openai_chat_fails_on_builtin() {
    List<Tool> tools =
        List.of(fn("tool1", "desc1", null, null), builtin("bash", BuiltinToolProvider.ANTHROPIC, "bash_20250124", "{}"));
    assertThatThrownBy(() -> Tools.toOpenAIChat(tools)).isInstanceOf(UnsupportedToolTypeException.class);
  }

  @Test
  void test_anthropic_web_search_to_openai_chat_is_unsupported_without_filters() {
    Tool t =
        builtin(
            "web_search",
            BuiltinToolProvider.ANTHROPIC,
            "web_search_20250305",
            "{'type':'web_search_20250305','name':'web_search','user_location':{'type':'approximate',"
                + "'city':'San Francisco','region':'California','country':'US','timezone':'America/Los_Angeles'}}");
    UnsupportedToolTypeException e = unsupported(t::toOpenAIChat);
    assertThat(e.toolType()).isEqualTo("web_search_20250305");
    assertThat(e.targetFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(Tools.toOpenAIChat(List.of(t))).isEmpty();
  }

  @Test
  void test_anthropic_web_search_to_openai_chat_errors_on_allowed_domains() {
    Tool t =
        builtin(
            "web_search",
            BuiltinToolProvider.ANTHROPIC,
            "web_search_20250305",
            "{'type':'web_search_20250305','name':'web_search','allowed_domains':['wikipedia.org']}");
    assertThat(unsupported(t::toOpenAIChat).toolType()).isEqualTo("allowed_domains");
    assertThatThrownBy(() -> Tools.toOpenAIChat(List.of(t))).isInstanceOf(UnsupportedToolTypeException.class);
  }

  @Test
  void test_anthropic_web_search_to_responses_errors_on_blocked_domains() {
    Tool t =
        builtin(
            "web_search",
            BuiltinToolProvider.ANTHROPIC,
            "web_search_20250305",
            "{'type':'web_search_20250305','name':'web_search','blocked_domains':['example.com']}");
    UnsupportedToolTypeException e = unsupported(t::toResponses);
    assertThat(e.toolType()).isEqualTo("blocked_domains");
    assertThat(e.targetFormat()).isEqualTo(ProviderFormat.RESPONSES);
  }

  @Test
  void test_anthropic_web_search_to_responses_tool() {
    Tool t =
        builtin(
            "web_search",
            BuiltinToolProvider.ANTHROPIC,
            "web_search_20250305",
            "{'type':'web_search_20250305','name':'web_search','allowed_domains':['wikipedia.org','arxiv.org'],"
                + "'max_uses':3,'user_location':{'type':'approximate','city':'San Francisco','region':'California',"
                + "'country':'US','timezone':'America/Los_Angeles'}}");
    assertJsonEquals(
        t.toResponses(),
        "{'type':'web_search','filters':{'allowed_domains':['wikipedia.org','arxiv.org']},"
            + "'user_location':{'type':'approximate','city':'San Francisco','region':'California','country':'US',"
            + "'timezone':'America/Los_Angeles'}}");
  }

  @Test
  void test_google_search_to_openai_chat_is_unsupported() {
    Tool t =
        builtin(
            "google_search",
            BuiltinToolProvider.GOOGLE,
            "google_search",
            "{'timeRangeFilter':{'startTime':'2025-01-01T00:00:00Z','endTime':'2025-01-02T00:00:00Z'}}");
    assertThat(unsupported(t::toOpenAIChat).toolType()).isEqualTo("google_search");
  }

  @Test
  void test_google_search_to_responses_tool_drops_time_range() {
    Tool t =
        builtin(
            "google_search",
            BuiltinToolProvider.GOOGLE,
            "google_search",
            "{'timeRangeFilter':{'startTime':'2025-01-01T00:00:00Z','endTime':'2025-01-02T00:00:00Z'}}");
    assertJsonEquals(t.toResponses(), "{'type':'web_search'}");
  }

  // --- own tests ---

  @Test
  void responses_function_carries_deferral_callers_and_output_schema() {
    Tool t =
        fn("f", null, "{'type':'object'}", null)
            .toBuilder()
            .availability(ToolAvailability.DEFERRED)
            .allowedCallers(List.of(AllowedCaller.DIRECT, AllowedCaller.CODE_EXECUTION_20250825))
            .outputSchema(json("{'type':'string'}"))
            .build();
    assertJsonEquals(
        t.toResponses(),
        "{'type':'function','name':'f','parameters':{'type':'object'},'defer_loading':true,"
            + "'allowed_callers':['direct','code_execution_20250825'],'output_schema':{'type':'string'}}");
  }

  @Test
  void responses_web_search_builtin_goes_to_chat_from_its_config_and_tool_search_maps_to_responses() {
    Tool ws = builtin("web_search", BuiltinToolProvider.RESPONSES, "web_search", "{'type':'web_search'}");
    assertJsonEquals(ws.toOpenAIChat(), "{'type':'web_search'}");
    Tool noConfig = Tool.builtin("web_search", BuiltinToolProvider.RESPONSES, "web_search", Optional.empty());
    assertThatThrownBy(noConfig::toOpenAIChat)
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("Missing required field");
    Tool search =
        builtin("tool_search", BuiltinToolProvider.ANTHROPIC, "tool_search_tool_bm25_20251119", "{}");
    assertJsonEquals(search.toResponses(), "{'type':'tool_search'}");
    assertThat(Tools.toOpenAIChat(List.of(search))).isEmpty();
    Tool converse = builtin("x", BuiltinToolProvider.CONVERSE, "systemTool", "{}");
    assertThat(unsupported(converse::toResponses).targetFormat()).isEqualTo(ProviderFormat.RESPONSES);
  }

  @Test
  void anthropic_web_search_config_must_be_readable() {
    Tool noName = builtin("ws", BuiltinToolProvider.ANTHROPIC, "web_search_20250305", "{'type':'web_search_20250305'}");
    assertThatThrownBy(noName::toResponses)
        .isInstanceOf(TranslationException.class)
        .isNotInstanceOf(UnsupportedToolTypeException.class)
        .hasMessageContaining("Anthropic web search tool 'ws'");
    Tool badLocation =
        builtin(
            "ws",
            BuiltinToolProvider.ANTHROPIC,
            "web_search_20250305",
            "{'name':'ws','user_location':{'city':'Paris'}}");
    assertThatThrownBy(badLocation::toResponses)
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("user_location");
  }

  @Test
  void empty_batches_are_empty() {
    assertThat(Tools.toOpenAIChat(List.of())).isEmpty();
    assertThat(Tools.toResponses(List.of())).isEmpty();
  }

  @Test
  void unsupported_tool_error_names_tool_type_and_target() {
    UnsupportedToolTypeException e =
        unsupported(builtin("bash", BuiltinToolProvider.ANTHROPIC, "bash_20250124", "{}")::toOpenAIChat);
    assertThat(e).hasMessageContaining("'bash'").hasMessageContaining("bash_20250124").hasMessageContaining("openai");
  }
}
