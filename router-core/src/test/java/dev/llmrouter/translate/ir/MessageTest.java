package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shape rules of {@link Message}, parts, and the request/params helpers. */
class MessageTest {

  @Test
  void string_content_round_trips_as_string() {
    Message m = Message.user("hi");
    assertThat(m.stringContent()).isTrue();
    assertThat(m.text()).contains("hi");
    assertThat(m.content()).containsExactly(TextPart.of("hi"));
    Message parts = m.withParts(m.content());
    assertThat(parts.stringContent()).isFalse();
    assertThat(parts.text()).isEmpty();
    assertThat(parts).isNotEqualTo(m);
  }

  @Test
  void parts_are_checked_against_the_role() {
    ToolCallPart call = ToolCallPart.of("c", "f", ToolArguments.fromString("{}"));
    assertThatThrownBy(() -> Message.user(List.of(call)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tool_call");
    assertThatThrownBy(() -> Message.assistant(List.of(ImagePart.of("u", Optional.empty()))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Message.tool(List.of(TextPart.of("x")))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Message.ofText(Role.TOOL, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Message(Role.USER, List.of(), false, Optional.of("id"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Message(
                    Role.USER,
                    List.of(TextPart.builder().text("x").encryptedContent("e").build()),
                    true,
                    Optional.empty(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    Message assistant =
        Message.assistant(
            List.of(
                TextPart.of("a"),
                FilePart.of("data", "application/pdf"),
                ReasoningPart.of("r", "sig"),
                call,
                new ProgramPart("p", "print(1)", Optional.empty(), Optional.empty()),
                new ProgramOutputPart("p", "1", "completed", Optional.empty()),
                ToolDiscoveryCallPart.builder().toolCallId("d").discoveryToolName("tool_search").query("q").build(),
                ToolResultPart.of("s", "web_search", json("{'anthropic_type':'web_search_tool_result'}"))),
            "msg_1");
    assertThat(assistant.id()).contains("msg_1");
    assertThat(assistant.partsOf(ToolCallPart.class)).containsExactly(call);
    Message tool =
        Message.tool(
            List.of(
                new ToolDiscoveryResultPart(
                    "d", "tool_search", List.of(ToolDiscoveryResultItem.of("f")), Optional.empty(), Optional.empty(), Optional.empty())));
    assertThat(tool.content()).hasSize(1);
  }

  @Test
  void part_type_tags() {
    assertThat(TextPart.of("x").type()).isEqualTo("text");
    assertThat(ImagePart.of("x", Optional.empty()).type()).isEqualTo("image");
    assertThat(FilePart.of("x", "a/b").type()).isEqualTo("file");
    assertThat(ReasoningPart.of("x").type()).isEqualTo("reasoning");
    assertThat(ToolCallPart.of("a", "b", ToolArguments.custom("c")).type()).isEqualTo("tool_call");
    assertThat(new ProgramPart("a", "b", Optional.empty(), Optional.empty()).type()).isEqualTo("program");
    assertThat(new ProgramOutputPart("a", "b", "c", Optional.empty()).type()).isEqualTo("program_output");
    assertThat(ToolDiscoveryCallPart.builder().toolCallId("a").discoveryToolName("b").build().type())
        .isEqualTo("tool_discovery_call");
    assertThat(ToolResultPart.of("a", "", "x").type()).isEqualTo("tool_result");
    assertThat(
            new ToolDiscoveryResultPart("a", "b", null, Optional.empty(), Optional.empty(), Optional.empty()).type())
        .isEqualTo("tool_discovery_result");
  }

  @Test
  void builders_round_trip() {
    ToolCallPart call =
        ToolCallPart.builder()
            .toolCallId("c")
            .toolName("f")
            .arguments(ToolArguments.invalid("{oops"))
            .status("completed")
            .caller(ToolCaller.program("prog_1"))
            .encryptedContent("sig")
            .providerOptions(JsonObject.of("k", json("1")))
            .providerExecuted(true)
            .build();
    assertThat(call.toBuilder().build()).isEqualTo(call);
    assertThat(call.isProviderExecuted()).isTrue();
    ToolResultPart result =
        ToolResultPart.builder().toolCallId("c").toolName("").output(json("[1]")).customToolCall(true).build();
    assertThat(result.toBuilder().build()).isEqualTo(result);
    TextPart text = TextPart.builder().text("t").cacheControl(CacheControl.of(CacheControl.Ttl.ONE_HOUR)).build();
    assertThat(text.toBuilder().build()).isEqualTo(text);
    assertThat(text.isPlain()).isFalse();
  }

  @Test
  void cache_control_reads_and_writes() {
    assertThat(CacheControl.fromJson(json("{'type':'ephemeral','ttl':'5m'}"), "cache_control"))
        .isEqualTo(CacheControl.of(CacheControl.Ttl.FIVE_MINUTES));
    assertThat(CacheControl.fromJson(json("{'type':'ephemeral','ttl':null}"), "cache_control"))
        .isEqualTo(CacheControl.EPHEMERAL);
    assertThat(CacheControl.of(CacheControl.Ttl.ONE_HOUR).toJson()).isEqualTo(json("{'type':'ephemeral','ttl':'1h'}"));
    assertThatThrownBy(() -> CacheControl.fromJson(json("{'type':'ephemeral','ttl':'2h'}"), "messages[0].cache_control"))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("messages[0].cache_control.ttl");
    assertThatThrownBy(() -> CacheControl.fromJson(json("{'type':'persistent'}"), "cache_control"))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void request_requires_json_and_params_helpers() {
    UniversalParams params =
        UniversalParams.builder()
            .responseFormat(ResponseFormat.of(ResponseFormatType.JSON_OBJECT))
            .tokenBudget(TokenBudget.totalTokens(99))
            .metadata(json("{'user_id':'u1','other':1}"))
            .extras(ProviderFormat.OPENAI, JsonObject.of("n", json("2")))
            .build();
    UniversalRequest req = UniversalRequest.of("gpt", List.of(Message.user("x")), params);
    assertThat(req.requiresJsonResponse()).isTrue();
    assertThat(params.outputTokenBudget()).contains(99L);
    assertThat(params.metadataUserId()).contains("u1");
    assertThat(params.extrasFor(ProviderFormat.OPENAI)).contains(JsonObject.of("n", json("2")));
    assertThat(params.extrasFor(ProviderFormat.ANTHROPIC)).isEmpty();
    assertThat(params.toBuilder().build()).isEqualTo(params);
    assertThat(params.toBuilder().extras(ProviderFormat.OPENAI, null).build().extras()).isEmpty();
    assertThat(UniversalParams.builder().metadata(json("{'user_id':5}")).build().metadataUserId()).isEmpty();
    assertThat(UniversalParams.builder().extras(Map.of()).build()).isEqualTo(UniversalParams.EMPTY);
    assertThat(UniversalRequest.of(null, null, null).params()).isEqualTo(UniversalParams.EMPTY);
  }

  @Test
  void params_reasoning_for_uses_the_output_budget() {
    UniversalParams params =
        UniversalParams.builder()
            .tokenBudget(TokenBudget.outputTokens(8192))
            .reasoning(Reasoning.builder().enabled(true).effort(ReasoningEffort.HIGH).build())
            .build();
    assertThat(params.reasoningFor(ProviderFormat.ANTHROPIC)).contains(json("{'type':'enabled','budget_tokens':6144}"));
    assertThat(params.reasoningFor(ProviderFormat.OPENAI)).contains(json("'high'"));
    assertThat(params.reasoningFor(ProviderFormat.MISTRAL)).isEmpty();
  }

  @Test
  void test_parse_stop_sequences_single_string() {
    assertThat(UniversalParams.parseStopSequences(json("'stop'"))).contains(List.of("stop"));
  }

  @Test
  void test_parse_stop_sequences_array_of_strings() {
    assertThat(UniversalParams.parseStopSequences(json("['stop1','stop2']"))).contains(List.of("stop1", "stop2"));
  }

  @Test
  void test_parse_stop_sequences_empty_array() {
    assertThat(UniversalParams.parseStopSequences(json("[]"))).isEmpty();
  }

  @Test
  void test_parse_stop_sequences_array_with_non_strings() {
    assertThat(UniversalParams.parseStopSequences(json("[1,2,3]"))).isEmpty();
  }

  @Test
  void test_parse_stop_sequences_mixed_array() {
    assertThat(UniversalParams.parseStopSequences(json("['stop',1,'end']"))).contains(List.of("stop", "end"));
  }

  @Test
  void test_parse_stop_sequences_null() {
    assertThat(UniversalParams.parseStopSequences(json("null"))).isEmpty();
  }

  @Test
  void test_parse_stop_sequences_number() {
    assertThat(UniversalParams.parseStopSequences(json("42"))).isEmpty();
  }

  @Test
  void test_parse_stop_sequences_object() {
    assertThat(UniversalParams.parseStopSequences(json("{}"))).isEmpty();
  }

  @Test
  void test_parse_stop_sequences_boolean() {
    assertThat(UniversalParams.parseStopSequences(json("true"))).isEmpty();
  }
}
