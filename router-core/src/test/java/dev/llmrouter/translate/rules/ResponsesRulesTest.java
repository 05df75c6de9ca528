package dev.llmrouter.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.rules.ChatCompletionsRules.Transform;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Responses model rules (ports of lingua's openai/capabilities.rs tests, plus the table's edges). */
class ResponsesRulesTest {

  private static final Set<Transform> REASONING =
      EnumSet.of(Transform.STRIP_TEMPERATURE, Transform.STRIP_TOP_P, Transform.FORCE_MAX_COMPLETION_TOKENS);

  @Test
  void test_get_model_transforms() {
    assertThat(ResponsesRules.transformsFor("o1")).isEqualTo(REASONING);
    assertThat(ResponsesRules.transformsFor("o1-mini")).isEqualTo(REASONING);
    assertThat(ResponsesRules.transformsFor("o3")).isEqualTo(REASONING);
    assertThat(ResponsesRules.transformsFor("o4-preview")).isEqualTo(REASONING);
    assertThat(ResponsesRules.transformsFor("gpt-5-mini")).isEqualTo(REASONING);
    assertThat(ResponsesRules.transformsFor("GPT-5.6-terra")).isEqualTo(REASONING);
    assertThat(ResponsesRules.transformsFor("gpt-4")).isEmpty();
    assertThat(ResponsesRules.transformsFor("gpt-4o")).isEmpty();
    assertThat(ResponsesRules.transformsFor("claude-3")).isEmpty();
    assertThat(ResponsesRules.transformsFor("mistral-large")).containsExactly(Transform.FORCE_MAX_TOKENS);
    assertThat(ResponsesRules.transformsFor("databricks-llama"))
        .containsExactlyInAnyOrder(Transform.FORCE_MAX_TOKENS, Transform.STRIP_STREAM_OPTIONS);
  }

  private static JsonObject apply(String model, String body) {
    JsonObject.Builder b = JsonTree.parseObject(body.replace('\'', '"').getBytes()).toBuilder();
    ResponsesRules.applyModelTransforms(model, b);
    return b.build();
  }

  @Test
  void reasoning_models_lose_sampling_and_keep_max_output_tokens() {
    JsonObject out = apply("gpt-5-nano", "{'temperature':0.5,'top_p':0.9,'max_output_tokens':100}");
    assertThat(out.keys()).containsExactly("max_output_tokens");
    JsonObject legacy = apply("o3", "{'max_tokens':100}");
    assertThat(legacy.keys()).containsExactly("max_completion_tokens");
    assertThat(apply("gpt-4.1", "{'temperature':0.5,'top_p':0.9}").keys())
        .containsExactly("temperature", "top_p");
  }

  @Test
  void mistral_and_databricks_use_max_tokens() {
    assertThat(apply("mistral-small", "{'max_completion_tokens':5}").keys()).containsExactly("max_tokens");
    assertThat(apply("databricks-x", "{'max_completion_tokens':5,'stream_options':{}}").keys())
        .containsExactly("max_tokens");
  }

  @Test
  void prompt_cache_breakpoints_need_gpt_5_6_or_later() {
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-5.6")).isTrue();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-5.6-terra")).isTrue();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("openai/gpt-5.7")).isTrue();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-6.0")).isTrue();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-5.10")).isTrue();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-5.5")).isFalse();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-5")).isFalse();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-5-nano")).isFalse();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-4o")).isFalse();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("gpt-x.6")).isFalse();
    assertThat(ResponsesRules.supportsPromptCacheBreakpoint("o3")).isFalse();
  }

  @Test
  void test_clamp_reasoning_effort_for_model() {
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5-nano", ReasoningEffort.MAX)).isEqualTo(ReasoningEffort.HIGH);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5-nano", ReasoningEffort.NONE))
        .isEqualTo(ReasoningEffort.MINIMAL);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5", ReasoningEffort.XHIGH)).isEqualTo(ReasoningEffort.HIGH);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.1", ReasoningEffort.XHIGH)).isEqualTo(ReasoningEffort.HIGH);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.1", ReasoningEffort.MINIMAL)).isEqualTo(ReasoningEffort.LOW);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.1", ReasoningEffort.NONE)).isEqualTo(ReasoningEffort.NONE);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.1-codex", ReasoningEffort.NONE)).isEqualTo(ReasoningEffort.LOW);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.1-codex", ReasoningEffort.MAX)).isEqualTo(ReasoningEffort.HIGH);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.2", ReasoningEffort.MAX)).isEqualTo(ReasoningEffort.XHIGH);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.2-codex", ReasoningEffort.NONE)).isEqualTo(ReasoningEffort.LOW);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.3-codex", ReasoningEffort.MAX)).isEqualTo(ReasoningEffort.XHIGH);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.4", ReasoningEffort.MAX)).isEqualTo(ReasoningEffort.XHIGH);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.4", ReasoningEffort.MINIMAL)).isEqualTo(ReasoningEffort.LOW);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.6-terra", ReasoningEffort.MAX)).isEqualTo(ReasoningEffort.MAX);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.6-terra", ReasoningEffort.MINIMAL))
        .isEqualTo(ReasoningEffort.LOW);
    assertThat(ResponsesRules.clampReasoningEffort("databricks-gpt-5-6", ReasoningEffort.MAX))
        .isEqualTo(ReasoningEffort.MAX);
    assertThat(ResponsesRules.clampReasoningEffort("databricks-gpt-5-1", ReasoningEffort.MAX))
        .isEqualTo(ReasoningEffort.HIGH);
    // Models outside the table keep the effort.
    assertThat(ResponsesRules.clampReasoningEffort("gpt-4.1", ReasoningEffort.MAX)).isEqualTo(ReasoningEffort.MAX);
    assertThat(ResponsesRules.clampReasoningEffort("o3", ReasoningEffort.XHIGH)).isEqualTo(ReasoningEffort.XHIGH);
    assertThat(ResponsesRules.clampReasoningEffort("gpt-5.3", ReasoningEffort.MAX)).isEqualTo(ReasoningEffort.MAX);
  }
}
