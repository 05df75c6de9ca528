package dev.llmrouter.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseModelPatchTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void replace_transformed_response_model_replaces_exact_placeholder() {
    byte[] out = ResponseModelPatch.replaceTransformedModel(
        b("{\"id\":\"x\",\"model\":\"transformed\",\"usage\":{\"input_tokens\":1.0}}"), "amazon.nova-pro");
    assertThat(new String(out, StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"x\",\"model\":\"amazon.nova-pro\",\"usage\":{\"input_tokens\":1.0}}");
  }

  @Test
  void replace_transformed_response_model_preserves_real_model() {
    byte[] body = b("{\"model\":\"gpt-4o\",\"choices\":[{\"message\":{\"content\":\"transformed\"}}]}");
    assertThat(ResponseModelPatch.replaceTransformedModel(body, "other")).isSameAs(body);
  }

  @Test
  void replace_transformed_response_model_preserves_missing_model() {
    byte[] body = b("{\"choices\":[{\"model\":\"transformed\"}]}");
    assertThat(ResponseModelPatch.replaceTransformedModel(body, "other")).isSameAs(body);
  }
}
