package dev.llmrouter.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.rules.ChatCompletionsRules.EffortFamily;
import dev.llmrouter.translate.rules.ChatCompletionsRules.Transform;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Chat Completions model rules (ports of lingua's capabilities.rs tests). */
class ChatCompletionsRulesTest {

  private static final Set<Transform> REASONING =
      Set.of(Transform.STRIP_TEMPERATURE, Transform.STRIP_TOP_P, Transform.FORCE_MAX_COMPLETION_TOKENS);

  private static JsonObject.Builder body(String json) {
    return ((JsonObject) JsonTree.parse(json)).toBuilder();
  }

  @Test
  void test_get_model_transforms() {
    for (String m : new String[] {"o1", "o1-mini", "o3", "o4-preview", "gpt-5-mini", "GPT-5.4"}) {
      assertThat(ChatCompletionsRules.transformsFor(m)).as(m).isEqualTo(REASONING);
    }
    for (String m : new String[] {"gpt-4", "gpt-4o", "claude-3"}) {
      assertThat(ChatCompletionsRules.transformsFor(m)).as(m).isEmpty();
    }
    assertThat(ChatCompletionsRules.transformsFor("mistral-large")).containsExactly(Transform.FORCE_MAX_TOKENS);
    assertThat(ChatCompletionsRules.transformsFor("databricks-claude"))
        .containsExactlyInAnyOrder(Transform.FORCE_MAX_TOKENS, Transform.STRIP_STREAM_OPTIONS);
  }

  @Test
  void test_model_needs_transforms() {
    for (String m : new String[] {"o1", "o3", "gpt-5"}) {
      assertThat(ChatCompletionsRules.modelNeedsTransforms(m)).as(m).isTrue();
    }
    for (String m : new String[] {"gpt-4", "gpt-4o", "claude-3"}) {
      assertThat(ChatCompletionsRules.modelNeedsTransforms(m)).as(m).isFalse();
    }
  }

  @Test
  void test_strip_temperature_and_top_p() {
    for (String m : new String[] {"o1", "o1-mini", "o3", "gpt-5-mini"}) {
      JsonObject.Builder b = body("{\"temperature\":0.7,\"top_p\":0.9}");
      ChatCompletionsRules.applyModelTransforms(m, b);
      assertThat(b.has("temperature")).as(m).isFalse();
      assertThat(b.has("top_p")).as(m).isFalse();
    }
    for (String m : new String[] {"gpt-4", "gpt-4o", "claude-3"}) {
      JsonObject.Builder b = body("{\"temperature\":0.7,\"top_p\":0.9}");
      ChatCompletionsRules.applyModelTransforms(m, b);
      assertThat(b.has("temperature")).as(m).isTrue();
      assertThat(b.has("top_p")).as(m).isTrue();
    }
  }

  @Test
  void test_force_max_completion_tokens() {
    for (String m : new String[] {"o1", "gpt-5"}) {
      JsonObject.Builder b = body("{\"max_tokens\":100}");
      ChatCompletionsRules.applyModelTransforms(m, b);
      assertThat(b.get("max_completion_tokens")).map(v -> v.toJson()).contains("100");
      assertThat(b.has("max_tokens")).isFalse();
    }
    for (String m : new String[] {"gpt-4", "gpt-4o"}) {
      JsonObject.Builder b = body("{\"max_tokens\":100}");
      ChatCompletionsRules.applyModelTransforms(m, b);
      assertThat(b.has("max_completion_tokens")).isFalse();
      assertThat(b.has("max_tokens")).isTrue();
    }
    // Responses' max_output_tokens is left alone.
    JsonObject.Builder b = body("{\"max_output_tokens\":100}");
    ChatCompletionsRules.applyModelTransforms("o3", b);
    assertThat(b.has("max_output_tokens")).isTrue();
    assertThat(b.has("max_completion_tokens")).isFalse();
  }

  @Test
  void forceMaxCompletionTokensKeepsAnExistingValue() {
    JsonObject.Builder b = body("{\"max_tokens\":100,\"max_completion_tokens\":50}");
    ChatCompletionsRules.applyModelTransforms("gpt-5-nano", b);
    assertThat(b.get("max_completion_tokens")).map(v -> v.toJson()).contains("50");
    assertThat(b.has("max_tokens")).isFalse();
  }

  @Test
  void test_force_max_tokens() {
    for (String m :
        new String[] {
          "mistral", "magistral", "codestral", "pixstral", "pixtral-12b", "devstral", "voxstral", "voxtral-mini"
        }) {
      JsonObject.Builder b = body("{\"max_completion_tokens\":100}");
      ChatCompletionsRules.applyModelTransforms(m, b);
      assertThat(b.has("max_tokens")).as(m).isTrue();
      assertThat(b.has("max_completion_tokens")).as(m).isFalse();
    }
  }

  @Test
  void test_strip_stream_options() {
    JsonObject.Builder b = body("{\"stream_options\":{\"include_usage\":true},\"max_completion_tokens\":5}");
    ChatCompletionsRules.applyModelTransforms("databricks-model", b);
    assertThat(b.has("stream_options")).isFalse();
    assertThat(b.has("max_tokens")).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "gpt-5.6-terra, true",
    "gpt-5.7, true",
    "openai/gpt-5.6, true",
    "GPT-5.6-luna, true",
    "gpt-6.0, true",
    "gpt-5.5, false",
    "gpt-5.4, false",
    "gpt-5, false",
    "gpt-5-nano, false",
    "gpt-4o, false",
    "gpt-5.x, false",
    "claude-3, false"
  })
  void supportsPromptCacheBreakpoint(String model, boolean expected) {
    assertThat(ChatCompletionsRules.supportsPromptCacheBreakpoint(model)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "openai/gpt-5.4, minimal, low",
    "gpt-5.4, xhigh, xhigh",
    "gpt-5.4, max, xhigh",
    "gpt-5.6-terra, none, none",
    "gpt-5.6-terra, xhigh, xhigh",
    "gpt-5.6-terra, max, max",
    "gpt-5.3-codex, none, low",
    "gpt-5.2-codex, xhigh, xhigh",
    "gpt-5.2, none, none",
    "databricks-gpt-5-6-luna, none, none",
    "databricks-gpt-5-1, xhigh, high",
    "gpt-5.1, xhigh, high",
    "gpt-5.1-codex, minimal, low",
    "gpt-5, none, minimal",
    "gpt-5-mini, xhigh, high",
    "gpt-5-nano, max, high",
    "gpt-5-nano, minimal, minimal",
    "gpt-4o, xhigh, xhigh"
  })
  void test_clamp_reasoning_effort_for_model(String model, String effort, String expected) {
    assertThat(
            ChatCompletionsRules.clampReasoningEffort(
                    model, ReasoningEffort.fromWire(effort).orElseThrow())
                .wire())
        .isEqualTo(expected);
  }

  @Test
  void effortFamilies() {
    assertThat(ChatCompletionsRules.effortFamily("gpt-5.6")).contains(EffortFamily.NONE_TO_MAX);
    assertThat(ChatCompletionsRules.effortFamily("gpt-5.4-mini")).contains(EffortFamily.NONE_TO_XHIGH);
    assertThat(ChatCompletionsRules.effortFamily("gpt-5.1-codex-max")).contains(EffortFamily.LOW_TO_HIGH);
    assertThat(ChatCompletionsRules.effortFamily("gpt-5-codex")).contains(EffortFamily.MINIMAL_TO_HIGH);
    assertThat(ChatCompletionsRules.effortFamily("o3")).isEqualTo(Optional.empty());
    for (EffortFamily f : EffortFamily.values()) {
      for (ReasoningEffort e : ReasoningEffort.values()) {
        assertThat(f.contains(f.clamp(e))).as(f + " " + e).isTrue();
      }
    }
  }
}
