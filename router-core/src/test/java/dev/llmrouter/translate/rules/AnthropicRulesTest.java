package dev.llmrouter.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of lingua's providers/anthropic/capabilities.rs tests. */
class AnthropicRulesTest {

  @Test
  void test_supports_output_config_effort() {
    for (String model :
        List.of(
            "claude-opus-4-5-20250514",
            "claude-opus-4-6",
            "CLAUDE-OPUS-4-5",
            "us.anthropic.claude-opus-4-6-v1:0",
            "anthropic.claude-opus-4-6-v1:0",
            "anthropic/claude-opus-4-5@20250514",
            "claude-opus-4-7",
            "claude-opus-4-7-20260401",
            "us.anthropic.claude-opus-4-7-v1:0",
            "anthropic/claude-opus-4-7@20260401",
            "claude-opus-4-8",
            "claude-opus-4-8-20260528",
            "anthropic/claude-opus-4-8@20260528",
            "claude-opus-4-10",
            "anthropic/claude-opus-4-10@20260601",
            "claude-opus-5-0",
            "claude-opus-5.0",
            "claude-opus-5",
            "claude-opus-5-1-20260701",
            "anthropic/claude-opus-5-0@20260701",
            "us.anthropic.claude-opus-5-v1:0",
            "anthropic/claude-opus-5@20260701",
            "claude-sonnet-5",
            "claude-sonnet-5-20260701",
            "CLAUDE-SONNET-5",
            "us.anthropic.claude-sonnet-5-v1:0",
            "anthropic/claude-sonnet-5@20260701",
            "claude-sonnet-5.0",
            "claude-sonnet-5-1-20260715")) {
      assertThat(AnthropicRules.supportsOutputConfigEffort(model)).as(model).isTrue();
    }
    for (String model :
        List.of(
            "claude-opus-4-4",
            "claude-opus-4-20250514",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "claude-sonnet-4-5-20250929",
            "claude-sonnet-4-20250514",
            "claude-haiku-4-5-20251001",
            "claude-3-5-sonnet-20241022")) {
      assertThat(AnthropicRules.supportsOutputConfigEffort(model)).as(model).isFalse();
    }
  }

  @Test
  void test_supports_adaptive_thinking() {
    for (String model :
        List.of(
            "claude-opus-4-7",
            "claude-opus-4-7-20260401",
            "CLAUDE-OPUS-4-7",
            "us.anthropic.claude-opus-4-7-v1:0",
            "anthropic/claude-opus-4-7@20260401",
            "claude-opus-4-8",
            "claude-opus-4-8-20260528",
            "anthropic/claude-opus-4-8@20260528",
            "claude-opus-4-10",
            "anthropic/claude-opus-4-10@20260601",
            "claude-opus-5-0",
            "claude-opus-5.0",
            "claude-opus-5",
            "claude-opus-5-1-20260701",
            "anthropic/claude-opus-5-0@20260701",
            "us.anthropic.claude-opus-5-v1:0",
            "anthropic/claude-opus-5@20260701",
            "claude-sonnet-5",
            "claude-sonnet-5-20260701",
            "CLAUDE-SONNET-5",
            "us.anthropic.claude-sonnet-5-v1:0",
            "anthropic/claude-sonnet-5@20260701",
            "claude-sonnet-5.0")) {
      assertThat(AnthropicRules.supportsAdaptiveThinking(model)).as(model).isTrue();
    }
    for (String model :
        List.of(
            "claude-opus-4-20250514",
            "claude-opus-4-6",
            "claude-opus-4-5-20250514",
            "claude-sonnet-4-5-20250929",
            "claude-3-5-sonnet-20241022")) {
      assertThat(AnthropicRules.supportsAdaptiveThinking(model)).as(model).isFalse();
    }
  }

  @Test
  void test_supports_disabling_thinking() {
    for (String model :
        List.of(
            "claude-sonnet-5",
            "claude-opus-4-7",
            "claude-opus-4-8",
            "claude-sonnet-4-5-20250929",
            "claude-opus-4-6")) {
      assertThat(AnthropicRules.supportsDisablingThinking(model)).as(model).isTrue();
    }
    for (String model :
        List.of(
            "claude-fable-5",
            "claude-fable-5-20260601",
            "CLAUDE-FABLE-5",
            "claude-fable-6",
            "us.anthropic.claude-fable-5-v1:0",
            "anthropic/claude-fable-5@20260601",
            "claude-mythos-5",
            "us.anthropic.claude-mythos-5-v1:0")) {
      assertThat(AnthropicRules.supportsDisablingThinking(model)).as(model).isFalse();
    }
  }

  @Test
  void test_is_opus_5_model() {
    for (String model :
        List.of(
            "claude-opus-5",
            "CLAUDE-OPUS-5",
            "claude-opus-5-0",
            "us.anthropic.claude-opus-5-v1:0",
            "anthropic/claude-opus-5@20260701")) {
      assertThat(AnthropicRules.isOpus5(model)).as(model).isTrue();
    }
    for (String model : List.of("claude-opus-4-8", "claude-opus-6", "claude-sonnet-5", "claude-fable-5")) {
      assertThat(AnthropicRules.isOpus5(model)).as(model).isFalse();
    }
  }

  @Test
  void test_supports_mid_conversation_system_messages() {
    // Verified live by lingua (HTTP 200).
    for (String model :
        List.of(
            "claude-opus-4-8",
            "claude-opus-4-8-20260528",
            "claude-opus-4.8",
            "claude-sonnet-5",
            "claude-fable-5",
            "claude-fable-5-20260601",
            "CLAUDE-SONNET-5")) {
      assertThat(AnthropicRules.supportsMidConversationSystemMessages(model)).as(model).isTrue();
    }
    // Verified live by lingua (HTTP 400).
    for (String model :
        List.of(
            "claude-opus-4-1",
            "claude-opus-4-1-20250805",
            "claude-opus-4-5",
            "claude-opus-4-5-20251101",
            "claude-opus-4-6",
            "claude-opus-4-7",
            "claude-sonnet-4-5",
            "claude-sonnet-4-5-20250929",
            "claude-sonnet-4-6",
            "claude-haiku-4-5",
            "claude-haiku-4-5-20251001",
            "us.anthropic.claude-sonnet-4-5-v1:0",
            "anthropic/claude-opus-4-7@20260401",
            "us.anthropic.claude-haiku-4-5-v1:0")) {
      assertThat(AnthropicRules.supportsMidConversationSystemMessages(model)).as(model).isFalse();
    }
    // Not on the denylist: supported by default.
    for (String model :
        List.of(
            "claude-opus-4-10",
            "claude-opus-4-10-20260601",
            "claude-opus-5-0",
            "claude-opus-5.0",
            "claude-sonnet-6",
            "claude-haiku-5",
            "claude-fable-6",
            "us.anthropic.claude-opus-4-8-v1:0",
            "anthropic/claude-opus-4-8@20260528")) {
      assertThat(AnthropicRules.supportsMidConversationSystemMessages(model)).as(model).isTrue();
    }
    // Non-Claude models never support it.
    for (String model : List.of("gpt-5.5", "gpt-5-mini", "gemini-2.5-pro", "grok-4")) {
      assertThat(AnthropicRules.supportsMidConversationSystemMessages(model)).as(model).isFalse();
    }
  }

  @Test
  void test_get_model_transforms() {
    for (String model :
        List.of(
            "claude-opus-4-7",
            "claude-opus-4-7-20260401",
            "CLAUDE-OPUS-4-7",
            "us.anthropic.claude-opus-4-7-v1:0",
            "anthropic/claude-opus-4-7@20260401",
            "claude-opus-4-8",
            "claude-opus-4-8-20260528",
            "anthropic/claude-opus-4-8@20260528",
            "claude-opus-4-10",
            "anthropic/claude-opus-4-10@20260601",
            "claude-opus-5-0",
            "claude-opus-5.0",
            "claude-opus-5-1-20260701",
            "anthropic/claude-opus-5-0@20260701",
            "claude-sonnet-5",
            "claude-sonnet-5-20260701",
            "CLAUDE-SONNET-5",
            "us.anthropic.claude-sonnet-5-v1:0",
            "anthropic/claude-sonnet-5@20260701",
            "claude-sonnet-5.0",
            "claude-sonnet-5-1-20260715",
            "claude-fable-5",
            "claude-fable-5-20260601",
            "CLAUDE-FABLE-5",
            "claude-fable-6",
            "us.anthropic.claude-fable-5-v1:0",
            "anthropic/claude-fable-5@20260601")) {
      assertThat(AnthropicRules.stripsSamplingParams(model)).as(model).isTrue();
    }
    for (String model :
        List.of(
            "claude-opus-4-6",
            "claude-opus-4-20250514",
            "claude-opus-4-5-20250514",
            "claude-sonnet-4-5-20250929",
            "claude-sonnet-4-20250514",
            "claude-3-5-sonnet-20241022",
            "claude-fable",
            "not-claude-fable-5")) {
      assertThat(AnthropicRules.stripsSamplingParams(model)).as(model).isFalse();
    }
  }

  @Test
  void capabilities_are_cached_and_null_safe() {
    assertThat(AnthropicRules.capabilities(null)).isEmpty();
    assertThat(AnthropicRules.capabilities("claude-opus-5"))
        .isSameAs(AnthropicRules.capabilities("claude-opus-5"))
        .contains(
            AnthropicRules.Capability.OPUS_5,
            AnthropicRules.Capability.ADAPTIVE_THINKING,
            AnthropicRules.Capability.OUTPUT_CONFIG_EFFORT,
            AnthropicRules.Capability.STRIP_SAMPLING_PARAMS,
            AnthropicRules.Capability.MID_CONVERSATION_SYSTEM)
        .doesNotContain(AnthropicRules.Capability.ALWAYS_ON_THINKING);
  }

  @Test
  void sampling_params_are_temperature_top_p_top_k() {
    assertThat(AnthropicRules.SAMPLING_PARAMS).containsExactly("temperature", "top_p", "top_k");
  }
}
