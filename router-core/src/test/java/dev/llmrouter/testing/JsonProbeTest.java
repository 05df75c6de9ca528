package dev.llmrouter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The helper the router tests compare payloads with must itself read exact member text. */
class JsonProbeTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void members_are_the_exact_value_text_in_document_order() {
    Map<String, String> m =
        JsonProbe.members(b("{ \"z\" : 1.50 , \"a\":{\"k\":[1, 2]},\"s\":\"caf\u00e9\\n\",\"t\":true,\"n\":null,\"e\":1e2}"));
    assertThat(m).containsExactly(
        Map.entry("z", "1.50"),
        Map.entry("a", "{\"k\":[1, 2]}"),
        Map.entry("s", "\"caf\u00e9\\n\""),
        Map.entry("t", "true"),
        Map.entry("n", "null"),
        Map.entry("e", "1e2"));
  }

  @Test
  void members_reject_non_objects_and_duplicates() {
    assertThatThrownBy(() -> JsonProbe.members(b("[1]"))).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonProbe.members(b("{\"a\":1,\"a\":2}"))).isInstanceOf(AssertionError.class);
  }

  @Test
  void string_reads_top_level_strings_only() {
    byte[] json = b("{\"nested\":{\"model\":\"inner\"},\"model\":\"outer\",\"n\":1}");
    assertThat(JsonProbe.string(json, "model")).contains("outer");
    assertThat(JsonProbe.string(json, "n")).isEmpty();
    assertThat(JsonProbe.string(b("not json"), "model")).isEmpty();
  }

  @Test
  void paths_read_nested_values_and_tell_null_from_absent() {
    byte[] json = b("{\"choices\":[{\"delta\":{\"content\":\"hi\",\"tool_calls\":null}},{\"index\":1}],"
        + "\"usage\":{\"total_tokens\":13},\"n\":1.50}");
    assertThat(JsonProbe.text(json, "choices", 0, "delta", "content")).isEqualTo("hi");
    assertThat(JsonProbe.integer(json, "choices", 1, "index")).isEqualTo(1);
    assertThat(JsonProbe.integer(json, "usage", "total_tokens")).isEqualTo(13);
    assertThat(JsonProbe.at(json, "n")).isEqualTo(new BigDecimal("1.50"));
    assertThat(JsonProbe.array(json, "choices")).hasSize(2);
    assertThat(JsonProbe.keys(json, "choices", 0, "delta")).containsExactly("content", "tool_calls");
    assertThat(JsonProbe.has(json, "choices", 0, "delta", "tool_calls")).isTrue();
    assertThat(JsonProbe.at(json, "choices", 0, "delta", "tool_calls")).isNull();
    assertThat(JsonProbe.has(json, "choices", 0, "delta", "role")).isFalse();
    assertThat(JsonProbe.has(json, "choices", 2)).isFalse();
    assertThat(JsonProbe.tree(b("[1,\"a\",true,null]"))).isEqualTo(Arrays.asList(BigDecimal.ONE, "a", true, null));
  }

  @Test
  void paths_fail_loudly_on_missing_steps_wrong_types_and_bad_json() {
    byte[] json = b("{\"a\":{\"b\":[1]}}");
    assertThatThrownBy(() -> JsonProbe.at(json, "a", "c")).isInstanceOf(AssertionError.class).hasMessageContaining("$.a.c");
    assertThatThrownBy(() -> JsonProbe.at(json, "a", "b", 1)).isInstanceOf(AssertionError.class).hasMessageContaining("$.a.b[1]");
    assertThatThrownBy(() -> JsonProbe.text(json, "a", "b", 0)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonProbe.integer(json, "a")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonProbe.tree(b("not json"))).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonProbe.tree(b("{} {}"))).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> JsonProbe.tree(b("{\"a\":1,\"a\":2}"))).isInstanceOf(AssertionError.class);
  }
}
