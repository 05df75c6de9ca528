package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.assertJsonEquals;
import static dev.llmrouter.translate.ir.J.at;
import static dev.llmrouter.translate.ir.J.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's universal/stream.rs tests, plus the typed delta view's edge cases. */
class StreamTest {

  @Test
  void test_keep_alive_chunk() {
    UniversalStreamChunk c = UniversalStreamChunk.keepAliveChunk();
    assertThat(c.isKeepAlive()).isTrue();
    assertThat(c.choices()).isEmpty();
  }

  @Test
  void test_text_delta_chunk() {
    UniversalStreamChunk c = UniversalStreamChunk.textDelta(0, "Hello");
    assertThat(c.isKeepAlive()).isFalse();
    assertThat(c.choices()).hasSize(1);
    assertThat(c.choices().get(0).index()).isZero();
    JsonValue delta = c.choices().get(0).delta().get();
    assertThat(at(delta, "/content")).contains(JsonString.of("Hello"));
    assertThat(at(delta, "/role")).contains(JsonString.of("assistant"));
  }

  @Test
  void test_finish_chunk() {
    UniversalStreamChunk c = UniversalStreamChunk.finish(0, "stop");
    assertThat(c.isKeepAlive()).isFalse();
    assertThat(c.choices()).hasSize(1);
    assertThat(c.choices().get(0).finishReason()).contains("stop");
    assertThat(c.choices().get(0).delta()).contains(JsonObject.empty());
  }

  @Test
  void test_stream_choice_delta_view() {
    StreamChoice choice =
        new StreamChoice(
            0,
            Optional.of(
                dev.llmrouter.json.JsonTree.parse(
                    """
                    {"role":"assistant","content":"hello","tool_calls":[{"index":1,"id":"call_1",
                    "type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"SF\\"}"}}]}
                    """)),
            Optional.empty());
    StreamDelta d = choice.deltaView().get();
    assertThat(d.role()).contains("assistant");
    assertThat(d.content()).contains("hello");
    assertThat(d.toolCalls()).hasSize(1);
    assertThat(d.toolCalls().get(0).id()).contains("call_1");
    assertThat(d.toolCalls().get(0).index()).contains(1);
    assertThat(d.toolCalls().get(0).function().flatMap(ToolFunctionDelta::name)).contains("get_weather");
    assertThat(d.toolCalls().get(0).function().flatMap(ToolFunctionDelta::arguments)).contains("{\"location\":\"SF\"}");
  }

  @Test
  void test_serialization() {
    UniversalStreamChunk c =
        UniversalStreamChunk.of(
            Optional.of("test-id"),
            Optional.of("gpt-4"),
            List.of(StreamChoice.textDelta(0, "Hi")),
            Optional.of(1234567890L),
            Optional.empty());
    JsonObject v = c.toJson();
    assertThat(v.getString("id")).contains("test-id");
    assertThat(v.getString("model")).contains("gpt-4");
    assertThat(v.getLong("created")).contains(1234567890L);
    assertThat(v.has("keep_alive")).isFalse();
  }

  @Test
  void test_stream_delta_reasoning_from_into_value() {
    StreamDelta d =
        new StreamDelta(
            Optional.of("assistant"),
            Optional.empty(),
            List.of(),
            List.of(ReasoningDelta.of("thought")),
            Optional.of(ReasoningSignature.of("sig_123")));
    JsonObject v = d.toJson();
    StreamDelta parsed = StreamDelta.parse(v).get();
    assertThat(parsed.role()).contains("assistant");
    assertThat(parsed.reasoning()).hasSize(1);
    assertThat(parsed.reasoning().get(0).content()).contains("thought");
    assertThat(parsed.reasoningSignature()).contains(ReasoningSignature.of("sig_123"));
  }

  // --- own tests ---

  @Test
  void structured_delta_writes_explicit_null_content() {
    StreamDelta d =
        new StreamDelta(
            Optional.empty(),
            Optional.empty(),
            List.of(ToolCallDelta.of(0, "c", "function", null, ToolFunctionDelta.of("f", ""))),
            List.of(),
            Optional.empty());
    assertJsonEquals(
        d.toJson(),
        "{'content':null,'tool_calls':[{'index':0,'id':'c','type':'function','function':{'name':'f','arguments':''}}]}");
    assertJsonEquals(StreamDelta.EMPTY.toJson(), "{}");
    StreamDelta multi =
        new StreamDelta(
            Optional.empty(), Optional.of("x"), List.of(), List.of(), ReasoningSignature.fromValues(List.of("a", "b")));
    assertJsonEquals(multi.toJson(), "{'content':'x','reasoning_signature':['a','b']}");
  }

  @Test
  void delta_view_rejects_mistyped_members_like_lingua() {
    assertThat(StreamDelta.parse(json("{'tool_calls':null}"))).isEmpty();
    assertThat(StreamDelta.parse(json("{'role':3}"))).isEmpty();
    assertThat(StreamDelta.parse(json("{'tool_calls':[{'index':-1}]}"))).isEmpty();
    assertThat(StreamDelta.parse(json("{'tool_calls':[{'index':1.5}]}"))).isEmpty();
    assertThat(StreamDelta.parse(json("{'reasoning_signature':[1]}"))).isEmpty();
    assertThat(StreamDelta.parse(json("'text'"))).isEmpty();
    StreamDelta lenient =
        StreamDelta.parse(json("{'role':null,'content':null,'reasoning_signature':null,'extra':1}")).get();
    assertThat(lenient).isEqualTo(StreamDelta.EMPTY);
    assertThat(new StreamChoice(0, Optional.empty(), Optional.empty()).deltaView()).isEmpty();
  }

  @Test
  void reasoning_signature_values() {
    assertThat(ReasoningSignature.fromValues(List.of())).isEmpty();
    assertThat(ReasoningSignature.fromValues(List.of("a")).get().single()).isTrue();
    ReasoningSignature two = ReasoningSignature.fromValues(List.of("a", "b")).get();
    assertThat(two.single()).isFalse();
    assertThat(two.first()).contains("a");
    StreamDelta d = StreamDelta.parse(json("{'reasoning_signature':['only']}")).get();
    assertThat(d.reasoningSignature().get().single()).isFalse();
    assertJsonEquals(d.toJson(), "{'content':null,'reasoning_signature':['only']}");
  }

  @Test
  void chunk_copies_and_custom_tool_call_flag() {
    UniversalStreamChunk c =
        UniversalStreamChunk.finish(1, "tool_calls")
            .withServedServiceTier(Optional.of(ServedServiceTier.PRIORITY))
            .withUsage(Optional.of(UniversalUsage.builder().completionTokens(2L).build()));
    assertJsonEquals(
        c.toJson(),
        "{'choices':[{'index':1,'delta':{},'finish_reason':'tool_calls'}],'usage':{'completion_tokens':2},"
            + "'served_service_tier':'priority'}");
    StreamDelta d = StreamDelta.parse(json("{'tool_calls':[{'custom_tool_call':true,'function':null}]}")).get();
    assertThat(d.toolCalls().get(0).customToolCall()).contains(true);
    assertThat(d.toolCalls().get(0).function()).isEmpty();
  }
}
