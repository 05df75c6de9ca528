package dev.llmrouter.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.rules.GoogleRules.ThinkingStyle;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's providers/google/capabilities.rs tests. */
class GoogleRulesTest {

  private static ThinkingStyle style(String model) {
    return GoogleRules.thinkingStyle(Optional.ofNullable(model));
  }

  private static boolean canDisable(String model) {
    return GoogleRules.supportsDisablingThinking(Optional.ofNullable(model));
  }

  @Test
  void test_detect_gemini_3_models() {
    assertThat(style("gemini-3-flash-preview")).isEqualTo(ThinkingStyle.THINKING_LEVEL);
    assertThat(style("gemini-3-pro")).isEqualTo(ThinkingStyle.THINKING_LEVEL);
    assertThat(style("Gemini-3-Flash")).isEqualTo(ThinkingStyle.THINKING_LEVEL);
    assertThat(style("publishers/google/models/gemini-3.5-flash"))
        .isEqualTo(ThinkingStyle.THINKING_LEVEL);
    assertThat(
            GoogleRules.requiresThoughtSignatureForFunctionCallHistory(
                Optional.of("publishers/google/models/gemini-3.5-flash")))
        .isTrue();
    assertThat(style("models/gemini-3.5-flash")).isEqualTo(ThinkingStyle.THINKING_LEVEL);
    assertThat(
            GoogleRules.requiresThoughtSignatureForFunctionCallHistory(
                Optional.of("models/gemini-3.5-flash")))
        .isTrue();
  }

  @Test
  void test_detect_gemini_25_models() {
    assertThat(style("gemini-2.5-flash")).isEqualTo(ThinkingStyle.THINKING_BUDGET);
    assertThat(style("gemini-2.5-pro")).isEqualTo(ThinkingStyle.THINKING_BUDGET);
    assertThat(style("gemini-2.0-flash")).isEqualTo(ThinkingStyle.THINKING_BUDGET);
    assertThat(GoogleRules.requiresThoughtSignatureForFunctionCallHistory(Optional.of("gemini-2.5-pro")))
        .isFalse();
  }

  @Test
  void test_supports_disabling_thinking() {
    assertThat(canDisable("gemini-2.5-flash")).isTrue();
    assertThat(canDisable("gemini-2.5-flash-lite")).isTrue();
    assertThat(canDisable("gemini-2.5-flash-preview-05-20")).isTrue();
    assertThat(canDisable("Gemini-2.5-Flash")).isTrue();
    assertThat(canDisable("publishers/google/models/gemini-2.5-flash")).isTrue();
    assertThat(canDisable("models/gemini-2.5-flash")).isTrue();

    assertThat(canDisable("gemini-2.5-pro")).isFalse();
    assertThat(canDisable("gemini-2.0-flash")).isFalse();
    assertThat(canDisable("gemini-3-flash-preview")).isFalse();
    assertThat(canDisable(null)).isFalse();
    assertThat(canDisable("gemini-2.5-flash-image")).isFalse();
    assertThat(canDisable("gemini-2.5-flash-image-preview")).isFalse();
    assertThat(canDisable("gemini-2.5-flash-preview-tts")).isFalse();
    assertThat(canDisable("gemini-2.5-flash-preview-native-audio-dialog")).isFalse();
  }

  @Test
  void test_detect_unknown_models() {
    assertThat(style("gemini-1.5-pro")).isEqualTo(ThinkingStyle.THINKING_BUDGET);
    assertThat(style("some-other-model")).isEqualTo(ThinkingStyle.THINKING_BUDGET);
    assertThat(style(null)).isEqualTo(ThinkingStyle.THINKING_BUDGET);
  }

  @Test
  void test_thinking_level_to_effort() {
    assertThat(GoogleRules.thinkingLevelToEffort("LOW")).contains(ReasoningEffort.LOW);
    assertThat(GoogleRules.thinkingLevelToEffort("MEDIUM")).contains(ReasoningEffort.MEDIUM);
    assertThat(GoogleRules.thinkingLevelToEffort("HIGH")).contains(ReasoningEffort.HIGH);
    assertThat(GoogleRules.thinkingLevelToEffort("MINIMAL")).contains(ReasoningEffort.MINIMAL);
    assertThat(GoogleRules.thinkingLevelToEffort("THINKING_LEVEL_UNSPECIFIED"))
        .contains(ReasoningEffort.HIGH);
    assertThat(GoogleRules.thinkingLevelToEffort("low")).isEmpty();
  }

  @Test
  void test_effort_to_thinking_level() {
    assertThat(GoogleRules.effortToThinkingLevel(ReasoningEffort.LOW)).isEqualTo("LOW");
    assertThat(GoogleRules.effortToThinkingLevel(ReasoningEffort.MEDIUM)).isEqualTo("MEDIUM");
    assertThat(GoogleRules.effortToThinkingLevel(ReasoningEffort.HIGH)).isEqualTo("HIGH");
    assertThat(GoogleRules.effortToThinkingLevel(ReasoningEffort.MINIMAL)).isEqualTo("MINIMAL");
    assertThat(GoogleRules.effortToThinkingLevel(ReasoningEffort.XHIGH)).isEqualTo("HIGH");
    assertThat(GoogleRules.effortToThinkingLevel(ReasoningEffort.MAX)).isEqualTo("HIGH");
    assertThat(GoogleRules.effortToThinkingLevel(ReasoningEffort.NONE))
        .isEqualTo("THINKING_LEVEL_UNSPECIFIED");
  }

  @Test
  void test_roundtrip_effort() {
    for (String level : new String[] {"LOW", "MEDIUM", "HIGH"}) {
      ReasoningEffort effort = GoogleRules.thinkingLevelToEffort(level).orElseThrow();
      assertThat(GoogleRules.effortToThinkingLevel(effort)).isEqualTo(level);
    }
  }

  @Test
  void normalizes_vertex_and_gemini_api_prefixes() {
    assertThat(GoogleRules.normalizeModelId("publishers/google/models/Gemini-2.5-Pro"))
        .isEqualTo("gemini-2.5-pro");
    assertThat(GoogleRules.normalizeModelId("models/gemini-3-pro")).isEqualTo("gemini-3-pro");
    assertThat(GoogleRules.normalizeModelId("gemini-3-pro")).isEqualTo("gemini-3-pro");
  }

  @Test
  void dummy_signature_is_googles_documented_value() {
    assertThat(GoogleRules.DUMMY_THOUGHT_SIGNATURE).isEqualTo("skip_thought_signature_validator");
  }
}
