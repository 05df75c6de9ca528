package dev.llmrouter.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.translate.rules.ConverseRules.SamplingParam;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Bedrock Converse rule table (lingua's bedrock adapter sampling rules). */
class ConverseRulesTest {

  /** Bedrock ids of the Opus 4.7+ / Sonnet 5+ / Fable family (lingua's capability tests, Bedrock forms). */
  private static final List<String> STRIPPING =
      List.of(
          "global.anthropic.claude-opus-4-8",
          "us.anthropic.claude-opus-4-7-v1:0",
          "anthropic.claude-opus-4-7",
          "us.anthropic.claude-opus-5-v1:0",
          "eu.anthropic.claude-opus-4-10-v1:0",
          "us.anthropic.claude-sonnet-5-v1:0",
          "US.ANTHROPIC.CLAUDE-SONNET-5-V1:0",
          "us.anthropic.claude-fable-5-v1:0",
          "claude-opus-4-7",
          "anthropic/claude-opus-4-8@20260528");

  private static final List<String> KEEPING =
      List.of(
          "us.anthropic.claude-haiku-4-5-20251001-v1:0",
          "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
          "anthropic.claude-opus-4-6-v1:0",
          "anthropic.claude-opus-4-5-20251101-v1:0",
          "anthropic.claude-3-7-sonnet",
          "amazon.nova-pro-v1:0",
          "meta.llama3-70b-instruct-v1:0",
          "");

  @Test
  void opus_4_7_and_later_lose_temperature_and_top_p() {
    for (String model : STRIPPING) {
      assertThat(ConverseRules.strippedParams(model, false))
          .as(model)
          .containsExactlyInAnyOrder(SamplingParam.TEMPERATURE, SamplingParam.TOP_P);
      assertThat(ConverseRules.stripsTopP(model)).as(model).isTrue();
    }
  }

  @Test
  void other_models_keep_their_sampling_params() {
    for (String model : KEEPING) {
      assertThat(ConverseRules.strippedParams(model, false)).as(model).isEmpty();
      assertThat(ConverseRules.stripsTemperature(model, false)).as(model).isFalse();
    }
    assertThat(ConverseRules.strippedParams(null, false)).isEmpty();
  }

  @Test
  void enabled_thinking_drops_temperature_only() {
    assertThat(ConverseRules.strippedParams("us.anthropic.claude-haiku-4-5-20251001-v1:0", true))
        .isEqualTo(Set.of(SamplingParam.TEMPERATURE));
    assertThat(ConverseRules.stripsTemperature("anthropic.claude-3-7-sonnet", true)).isTrue();
    assertThat(ConverseRules.stripsTopP("anthropic.claude-3-7-sonnet")).isFalse();
    assertThat(ConverseRules.strippedParams("global.anthropic.claude-opus-4-8", true))
        .containsExactlyInAnyOrder(SamplingParam.TEMPERATURE, SamplingParam.TOP_P);
  }

  @Test
  void every_rule_is_described() {
    for (ConverseRules.Rule rule : ConverseRules.RULES) {
      assertThat(rule.description()).isNotBlank();
      assertThat(rule.stripped()).isNotEmpty();
    }
  }

  @Test
  void tool_choice_is_taken_by_claude_nova_and_mistral_large_only() {
    assertThat(ConverseRules.supportsToolChoice("us.anthropic.claude-haiku-4-5-20251001-v1:0")).isTrue();
    assertThat(ConverseRules.supportsToolChoice("amazon.nova-pro-v1:0")).isTrue();
    assertThat(ConverseRules.supportsToolChoice("mistral.mistral-large-2407-v1:0")).isTrue();
    assertThat(ConverseRules.supportsToolChoice("meta.llama3-1-70b-instruct-v1:0")).isFalse();
    assertThat(ConverseRules.supportsToolChoice("cohere.command-r-plus-v1:0")).isFalse();
    assertThat(ConverseRules.supportsToolChoice(null)).isFalse();
    assertThat(ConverseRules.supportsCachePoints("mistral.mistral-large-2407-v1:0")).isFalse();
    assertThat(ConverseRules.rejectsToolChoice("us.meta.llama3-2-90b-instruct-v1:0")).isTrue();
    assertThat(ConverseRules.rejectsToolChoice("mistral.mixtral-8x7b-instruct-v0:1")).isTrue();
    assertThat(ConverseRules.rejectsToolChoice("mistral.mistral-large-2407-v1:0")).isFalse();
    // Unrecognized ids (an application inference profile ARN) are neither: the choice is sent.
    String arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
    assertThat(ConverseRules.supportsToolChoice(arn)).isFalse();
    assertThat(ConverseRules.rejectsToolChoice(arn)).isFalse();
  }
}
