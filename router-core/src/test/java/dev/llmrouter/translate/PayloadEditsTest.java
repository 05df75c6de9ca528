package dev.llmrouter.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadEditsTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] apply(String body, ProviderFormat f, String model, boolean stream) {
    return PayloadEdits.apply(RequestShape.scan(b(body)), f, Optional.ofNullable(model), stream);
  }

  // ---- providers/body_model.rs ----

  /** A matching model keeps the same byte array (zero copy). */
  @Test
  void rewrite_body_model_leaves_matching_model_bytes_unchanged() {
    byte[] body = b("{\"model\":\"gpt-4o\",\"messages\":[]}");
    assertThat(PayloadEdits.rewriteModel(body, ProviderFormat.OPENAI, "gpt-4o")).isSameAs(body);
  }

  @Test
  void rewrite_body_model_rewrites_mismatch() {
    byte[] body = b("{\"model\": \"gpt-4\", \"temperature\": 0.70, \"n\": 1e2,"
        + " \"messages\":[{\"role\":\"user\",\"name\":\"x\",\"content\":\"hi\"}]}");
    String out = s(PayloadEdits.rewriteModel(body, ProviderFormat.OPENAI, "gpt-4o"));
    // Only the model value changes: key order, whitespace and number text survive.
    assertThat(out).isEqualTo("{\"model\": \"gpt-4o\", \"temperature\": 0.70, \"n\": 1e2,"
        + " \"messages\":[{\"role\":\"user\",\"name\":\"x\",\"content\":\"hi\"}]}");
  }

  @Test
  void rewrite_body_model_leaves_converse_unchanged() {
    byte[] body = b("{\"modelId\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}");
    assertThat(PayloadEdits.rewriteModel(body, ProviderFormat.CONVERSE, "y")).isSameAs(body);
  }

  @Test
  void rewrite_body_model_leaves_google_unchanged() {
    byte[] body = b("{\"model\":\"models/gemini-2.5-flash\",\"contents\":[]}");
    assertThat(PayloadEdits.rewriteModel(body, ProviderFormat.GOOGLE, "gemini-2.5-flash")).isSameAs(body);
  }

  @Test
  void rewrite_body_model_leaves_non_json_unchanged() {
    byte[] body = b("not json");
    assertThat(PayloadEdits.rewriteModel(body, ProviderFormat.OPENAI, "gpt-4o")).isSameAs(body);
  }

  @Test
  void rewriteEscapesTheNewModelAndHandlesNonAscii() {
    String out = s(apply("{\"messages\":[{\"role\":\"user\",\"content\":\"héllo ✓\"}],\"model\":\"a\"}",
        ProviderFormat.OPENAI, "we\"ird/☃", false));
    assertThat(out).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"héllo ✓\"}],\"model\":\"we\\\"ird/☃\"}");
  }

  @Test
  void missingModelIsInserted() {
    assertThat(s(apply("{\"messages\":[]}", ProviderFormat.OPENAI, "gpt-4o", false)))
        .isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[]}");
  }

  @Test
  void nonStringModelIsReplaced() {
    assertThat(s(apply("{\"model\":null,\"messages\":[]}", ProviderFormat.OPENAI, "m", false)))
        .isEqualTo("{\"model\":\"m\",\"messages\":[]}");
  }

  // ---- providers/mod.rs: streaming payload ----

  /** enable_streaming_payload sets the chat flag without adding stream_options. */
  @Test
  void enable_streaming_sets_chat_flag_without_stream_options() {
    String out = s(apply("{\"model\":\"gpt-4o\",\"messages\":[]}", ProviderFormat.OPENAI, null, true));
    assertThat(out).isEqualTo("{\"stream\":true,\"model\":\"gpt-4o\",\"messages\":[]}");
    assertThat(out).doesNotContain("stream_options");
  }

  @Test
  void enable_streaming_keeps_existing_stream_options() {
    String out = s(apply("{\"model\":\"m\",\"stream\":false,\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[]}", ProviderFormat.OPENAI, null, true));
    assertThat(out).isEqualTo("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"messages\":[]}");
  }

  @Test
  void enable_streaming_sets_flag_for_responses_and_anthropic() {
    assertThat(s(apply("{\"model\":\"m\",\"input\":\"hi\"}", ProviderFormat.RESPONSES, null, true)))
        .isEqualTo("{\"stream\":true,\"model\":\"m\",\"input\":\"hi\"}");
    assertThat(s(apply("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}", ProviderFormat.ANTHROPIC, null, true)))
        .isEqualTo("{\"stream\":true,\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}");
  }

  @Test
  void enable_streaming_leaves_google_unchanged() {
    byte[] body = b("{\"contents\":[]}");
    assertThat(PayloadEdits.apply(RequestShape.scan(body), ProviderFormat.GOOGLE, Optional.of("g"), true))
        .isSameAs(body);
  }

  @Test
  void streamAlreadyTrueAndModelMatchingIsZeroCopy() {
    byte[] body = b("{\"model\":\"m\",\"stream\":true,\"messages\":[]}");
    assertThat(PayloadEdits.apply(RequestShape.scan(body), ProviderFormat.OPENAI, Optional.of("m"), true))
        .isSameAs(body);
  }

  @Test
  void modelAndStreamEditsCombineInOneCopy() {
    assertThat(s(apply("{\"messages\":[], \"model\":\"a\"}", ProviderFormat.OPENAI, "bb", true)))
        .isEqualTo("{\"stream\":true,\"messages\":[], \"model\":\"bb\"}");
    assertThat(s(apply("{}", ProviderFormat.OPENAI, "m", true)))
        .isEqualTo("{\"model\":\"m\",\"stream\":true}");
  }

  /** disable_streaming_payload removes stream and stream_options. */
  @Test
  void disable_streaming_removes_stream_and_stream_options() {
    assertThat(s(PayloadEdits.withoutStreamFields(
        b("{\"model\":\"m\", \"stream\": true, \"stream_options\": {\"include_usage\": true}}"))))
        .isEqualTo("{\"model\":\"m\"}");
    assertThat(s(PayloadEdits.withoutStreamFields(
        b("{\"stream\":true,\"model\":\"m\",\"stream_options\":{},\"n\":1}"))))
        .isEqualTo("{\"model\":\"m\",\"n\":1}");
    assertThat(s(PayloadEdits.withoutStreamFields(b("{\"stream\":true}")))).isEqualTo("{}");
  }

  @Test
  void disable_streaming_leaves_non_json_unchanged() {
    byte[] body = b("data: nope");
    assertThat(PayloadEdits.withoutStreamFields(body)).isSameAs(body);
    byte[] noFlags = b("{\"model\":\"m\"}");
    assertThat(PayloadEdits.withoutStreamFields(noFlags)).isSameAs(noFlags);
  }
}
