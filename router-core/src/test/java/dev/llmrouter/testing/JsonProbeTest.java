package dev.llmrouter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
}
