package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.assertJsonEquals;
import static dev.llmrouter.translate.ir.J.json;
import static dev.llmrouter.translate.ir.J.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's universal/tool_choice.rs tests, plus Google and edge cases. */
class ToolChoiceTest {

  @Test
  void test_from_openai_chat_string() {
    ToolChoice c = ToolChoice.fromProvider(ProviderFormat.OPENAI, json("'auto'"));
    assertThat(c.mode()).contains(ToolChoiceMode.AUTO);
    assertThat(c.toolName()).isEmpty();
  }

  @Test
  void test_from_openai_chat_function() {
    ToolChoice c =
        ToolChoice.fromProvider(
            ProviderFormat.OPENAI, json("{'type':'function','function':{'name':'get_weather'}}"));
    assertThat(c.mode()).contains(ToolChoiceMode.TOOL);
    assertThat(c.toolName()).contains("get_weather");
  }

  @Test
  void test_from_anthropic_tool() {
    ToolChoice c =
        ToolChoice.fromProvider(ProviderFormat.ANTHROPIC, json("{'type':'tool','name':'get_weather'}"));
    assertThat(c.mode()).contains(ToolChoiceMode.TOOL);
    assertThat(c.toolName()).contains("get_weather");
  }

  @Test
  void test_from_anthropic_with_disable_parallel() {
    ToolChoice c =
        ToolChoice.fromProvider(
            ProviderFormat.ANTHROPIC, json("{'type':'auto','disable_parallel_tool_use':true}"));
    assertThat(c.mode()).contains(ToolChoiceMode.AUTO);
  }

  @Test
  void test_to_openai_chat_auto() {
    assertThat(ToolChoice.of(ToolChoiceMode.AUTO).toProvider(ProviderFormat.OPENAI, Optional.empty()))
        .contains(json("'auto'"));
  }

  @Test
  void test_to_openai_chat_function() {
    JsonValue v = ToolChoice.tool("get_weather").toProvider(ProviderFormat.OPENAI, Optional.empty()).get();
    assertJsonEquals(v, "{'type':'function','function':{'name':'get_weather'}}");
  }

  @Test
  void test_to_anthropic_any() {
    JsonObject v =
        (JsonObject)
            ToolChoice.of(ToolChoiceMode.REQUIRED)
                .toProvider(ProviderFormat.ANTHROPIC, Optional.empty())
                .get();
    assertThat(v.getString("type")).contains("any");
  }

  @Test
  void test_to_anthropic_with_parallel_disabled() {
    JsonObject v =
        (JsonObject)
            ToolChoice.of(ToolChoiceMode.AUTO)
                .toProvider(ProviderFormat.ANTHROPIC, Optional.of(false))
                .get();
    assertThat(v.getString("type")).contains("auto");
    assertThat(v.getBoolean("disable_parallel_tool_use")).contains(true);
  }

  @Test
  void test_to_anthropic_synthesizes_auto_when_parallel_disabled_without_tool_choice() {
    JsonValue v = ToolChoice.EMPTY.toProvider(ProviderFormat.ANTHROPIC, Optional.of(false)).get();
    assertJsonEquals(v, "{'type':'auto','disable_parallel_tool_use':true}");
  }

  @Test
  void test_roundtrip_openai_chat() {
    JsonValue original = json("{'type':'function','function':{'name':'get_weather'}}");
    ToolChoice c = ToolChoice.fromProvider(ProviderFormat.OPENAI, original);
    assertThat(c.toProvider(ProviderFormat.OPENAI, Optional.empty())).contains(original);
  }

  @Test
  void test_cross_provider_openai_to_anthropic() {
    ToolChoice c = ToolChoice.fromProvider(ProviderFormat.OPENAI, json("'required'"));
    JsonObject v = (JsonObject) c.toProvider(ProviderFormat.ANTHROPIC, Optional.empty()).get();
    assertThat(v.getString("type")).contains("any");
  }

  @Test
  void test_invalid_string_mode_errors() {
    assertThatThrownBy(() -> ToolChoice.fromProvider(ProviderFormat.OPENAI, json("'invalid_mode'")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("invalid_mode");
  }

  @Test
  void test_invalid_object_type_errors() {
    assertThatThrownBy(
            () ->
                ToolChoice.fromProvider(
                    ProviderFormat.RESPONSES, json("{'type':'unknown_type','name':'some_tool'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("unknown_type");
  }

  /** request.rs: test_tool_choice_for_anthropic_synthesizes_auto_for_disabled_parallel. */
  @Test
  void test_tool_choice_for_anthropic_synthesizes_auto_for_disabled_parallel() {
    UniversalParams params = UniversalParams.builder().parallelToolCalls(false).build();
    JsonValue v = params.toolChoiceFor(ProviderFormat.ANTHROPIC).get();
    assertJsonEquals(v, "{'type':'auto','disable_parallel_tool_use':true}");
  }

  // --- own tests ---

  @Test
  void mode_strings_parse_case_insensitively_with_aliases() {
    assertThat(ToolChoiceMode.fromWire("ANY")).contains(ToolChoiceMode.REQUIRED);
    assertThat(ToolChoiceMode.fromWire("Function")).contains(ToolChoiceMode.TOOL);
    assertThat(ToolChoiceMode.fromWire("tool")).contains(ToolChoiceMode.TOOL);
    assertThat(ToolChoiceMode.fromWire("sometimes")).isEmpty();
    assertThat(ToolChoiceMode.TOOL.openAIString()).isEqualTo("function");
    assertThat(ToolChoiceMode.REQUIRED.anthropicString()).isEqualTo("any");
  }

  @Test
  void chat_object_without_type_is_a_tool_choice_and_other_json_is_empty() {
    ToolChoice c = ToolChoice.fromOpenAIChat(json("{'function':{'name':'f'}}"));
    assertThat(c).isEqualTo(ToolChoice.tool("f"));
    assertThat(ToolChoice.fromOpenAIChat(json("null"))).isEqualTo(ToolChoice.EMPTY);
    assertThat(ToolChoice.fromOpenAIChat(json("3"))).isEqualTo(ToolChoice.EMPTY);
    assertThat(ToolChoice.fromProvider(ProviderFormat.CONVERSE, json("'auto'"))).isEqualTo(ToolChoice.EMPTY);
  }

  @Test
  void responses_shape_is_flat_and_tool_without_name_emits_nothing() {
    assertJsonEquals(ToolChoice.tool("f").toResponses().get(), "{'type':'function','name':'f'}");
    ToolChoice nameless = new ToolChoice(Optional.of(ToolChoiceMode.TOOL), Optional.empty());
    assertThat(nameless.toOpenAIChat()).isEmpty();
    assertThat(nameless.toResponses()).isEmpty();
    assertThat(nameless.toAnthropic(Optional.of(false))).isEmpty();
    assertThat(ToolChoice.EMPTY.toAnthropic(Optional.of(true))).isEmpty();
    assertThat(ToolChoice.EMPTY.toAnthropic(Optional.empty())).isEmpty();
  }

  @Test
  void anthropic_named_tool_and_none() {
    assertJsonEquals(ToolChoice.tool("t").toAnthropic(Optional.empty()).get(), "{'type':'tool','name':'t'}");
    assertJsonEquals(ToolChoice.of(ToolChoiceMode.NONE).toAnthropic(Optional.empty()).get(), "{'type':'none'}");
  }

  @Test
  void anthropic_input_must_be_a_typed_object() {
    assertThatThrownBy(() -> ToolChoice.fromAnthropic(json("'auto'")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("tool_choice");
    assertThatThrownBy(() -> ToolChoice.fromAnthropic(json("{'type':'required'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("required");
    assertThatThrownBy(() -> ToolChoice.fromAnthropic(json("{'name':'x'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("type");
  }

  @Test
  void google_mapping_both_ways() {
    assertJsonEquals(
        ToolChoice.of(ToolChoiceMode.AUTO).toGoogle().get(), "{'functionCallingConfig':{'mode':'AUTO'}}");
    assertJsonEquals(
        ToolChoice.of(ToolChoiceMode.REQUIRED).toGoogle().get(), "{'functionCallingConfig':{'mode':'ANY'}}");
    assertJsonEquals(
        ToolChoice.of(ToolChoiceMode.NONE).toGoogle().get(), "{'functionCallingConfig':{'mode':'NONE'}}");
    assertJsonEquals(
        ToolChoice.tool("f").toGoogle().get(),
        "{'functionCallingConfig':{'mode':'ANY','allowedFunctionNames':['f']}}");

    assertThat(ToolChoice.fromGoogle(obj("{'functionCallingConfig':{'mode':'ANY','allowedFunctionNames':['f']}}")))
        .isEqualTo(ToolChoice.tool("f"));
    assertThat(ToolChoice.fromGoogle(obj("{'functionCallingConfig':{'mode':'ANY','allowedFunctionNames':['f','g']}}")))
        .isEqualTo(ToolChoice.of(ToolChoiceMode.REQUIRED));
    assertThat(ToolChoice.fromGoogle(obj("{'functionCallingConfig':{'mode':'VALIDATED'}}")))
        .isEqualTo(ToolChoice.of(ToolChoiceMode.AUTO));
    assertThat(ToolChoice.fromGoogle(obj("{'functionCallingConfig':{}}"))).isEqualTo(ToolChoice.EMPTY);
    assertThatThrownBy(() -> ToolChoice.fromGoogle(obj("{'functionCallingConfig':{'mode':'SOMETIMES'}}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("functionCallingConfig.mode");
  }
}
