package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.assertJsonEquals;
import static dev.llmrouter.translate.ir.J.json;
import static dev.llmrouter.translate.ir.J.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's universal/reasoning.rs tests, plus own edge cases. */
class ReasoningTest {

  private static Optional<Long> max(long v) {
    return Optional.of(v);
  }

  @Test
  void test_effort_to_budget() {
    assertThat(Reasoning.effortToBudget(ReasoningEffort.LOW, Optional.empty())).isEqualTo(1024);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.MEDIUM, Optional.empty())).isEqualTo(2048);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.HIGH, Optional.empty())).isEqualTo(3072);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.MEDIUM, max(8192))).isEqualTo(4096);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.LOW, max(1000))).isEqualTo(1024);
  }

  @Test
  void test_budget_to_effort() {
    assertThat(Reasoning.budgetToEffort(500, Optional.empty())).isEqualTo(ReasoningEffort.LOW);
    assertThat(Reasoning.budgetToEffort(2000, Optional.empty())).isEqualTo(ReasoningEffort.MEDIUM);
    assertThat(Reasoning.budgetToEffort(3000, Optional.empty())).isEqualTo(ReasoningEffort.HIGH);
    assertThat(Reasoning.budgetToEffort(4096, max(8192))).isEqualTo(ReasoningEffort.MEDIUM);
  }

  @Test
  void test_roundtrip_effort() {
    for (ReasoningEffort e : new ReasoningEffort[] {ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH}) {
      long budget = Reasoning.effortToBudget(e, max(4096));
      assertThat(Reasoning.budgetToEffort(budget, max(4096))).as(e.wire()).isEqualTo(e);
    }
  }

  @Test
  void test_from_anthropic_thinking() {
    Reasoning r = Reasoning.fromAnthropicThinking(json("{'type':'enabled','budget_tokens':2048}"));
    assertThat(r.enabled()).contains(true);
    assertThat(r.budgetTokens()).contains(2048L);
  }

  @Test
  void test_to_anthropic_thinking() {
    Reasoning r = Reasoning.builder().enabled(true).budgetTokens(2048L).build();
    JsonObject t = (JsonObject) r.toProvider(ProviderFormat.ANTHROPIC, max(4096)).get();
    assertThat(t.getString("type")).contains("enabled");
    assertThat(t.getLong("budget_tokens")).contains(2048L);
  }

  @Test
  void test_to_openai_chat_reasoning() {
    Reasoning r = Reasoning.builder().enabled(true).budgetTokens(2048L).build();
    assertThat(r.toProvider(ProviderFormat.OPENAI, max(4096))).contains(JsonString.of("medium"));
  }

  @Test
  void test_from_openai_reasoning_effort() {
    Reasoning r = Reasoning.fromOpenAIEffort(ReasoningEffort.HIGH, max(4096));
    assertThat(r.enabled()).contains(true);
    assertThat(r.budgetTokens()).contains(3072L);
  }

  @Test
  void test_from_openai_reasoning_effort_preserves_openai_specific_values() {
    Reasoning minimal = Reasoning.fromOpenAIEffort(ReasoningEffort.MINIMAL, max(4096));
    assertThat(minimal.effort()).contains(ReasoningEffort.MINIMAL);
    assertJsonEquals(minimal.toProvider(ProviderFormat.RESPONSES, max(4096)).get(), "{'effort':'minimal'}");

    Reasoning xhigh = Reasoning.fromOpenAIEffort(ReasoningEffort.XHIGH, max(4096));
    assertThat(xhigh.effort()).contains(ReasoningEffort.XHIGH);
    assertThat(xhigh.toProvider(ProviderFormat.OPENAI, max(4096))).contains(JsonString.of("xhigh"));

    Reasoning none = Reasoning.fromOpenAIEffort(ReasoningEffort.NONE, max(4096));
    assertThat(none.effort()).contains(ReasoningEffort.NONE);
    assertThat(none.budgetTokens()).contains(0L);
  }

  @Test
  void test_from_openai_responses_reasoning() {
    Optional<SummaryMode> summary = SummaryMode.fromOpenAI("detailed");
    Reasoning fallback = Reasoning.fromOpenAIReasoning(Optional.of(ReasoningEffort.HIGH), summary, Optional.empty());
    assertThat(fallback.enabled()).contains(true);
    assertThat(fallback.budgetTokens()).contains(3072L);
    assertThat(fallback.summary()).contains(SummaryMode.DETAILED);

    Reasoning context = Reasoning.fromOpenAIReasoning(Optional.of(ReasoningEffort.HIGH), summary, max(8192));
    assertThat(context.budgetTokens()).contains(6144L);
    assertThat(context.summary()).contains(SummaryMode.DETAILED);
  }

  @Test
  void test_to_bedrock_thinking() {
    Reasoning r = Reasoning.builder().enabled(true).budgetTokens(3072L).build();
    assertJsonEquals(
        r.toProvider(ProviderFormat.CONVERSE, max(4096)).get(), "{'type':'enabled','budget_tokens':3072}");
  }

  @Test
  void test_to_bedrock_thinking_with_budget() {
    Reasoning r = Reasoning.builder().enabled(true).budgetTokens(5000L).build();
    assertJsonEquals(
        r.toProvider(ProviderFormat.CONVERSE, max(8192)).get(), "{'type':'enabled','budget_tokens':5000}");
  }

  @Test
  void test_to_bedrock_thinking_disabled() {
    assertJsonEquals(
        Reasoning.disabled().toProvider(ProviderFormat.CONVERSE, max(4096)).get(), "{'type':'disabled'}");
  }

  @Test
  void test_to_anthropic_thinking_disabled() {
    assertJsonEquals(
        Reasoning.disabled().toProvider(ProviderFormat.ANTHROPIC, max(4096)).get(), "{'type':'disabled'}");
  }

  @Test
  void test_to_anthropic_thinking_not_specified() {
    assertThat(Reasoning.EMPTY.toProvider(ProviderFormat.ANTHROPIC, max(4096))).isEmpty();
  }

  @Test
  void test_to_google_thinking_disabled() {
    assertJsonEquals(
        Reasoning.disabled().toProvider(ProviderFormat.GOOGLE, max(4096)).get(), "{'thinkingBudget':0}");
  }

  @Test
  void test_to_google_thinking_not_specified() {
    assertThat(Reasoning.EMPTY.toProvider(ProviderFormat.GOOGLE, max(4096))).isEmpty();
  }

  @Test
  void test_budget_to_effort_edge_cases() {
    assertThat(Reasoning.budgetToEffort(2048, max(0))).isEqualTo(ReasoningEffort.MEDIUM);
    assertThat(Reasoning.budgetToEffort(1200, max(-100))).isEqualTo(ReasoningEffort.LOW);
    assertThat(Reasoning.budgetToEffort(0, max(4096))).isEqualTo(ReasoningEffort.NONE);
    assertThat(Reasoning.budgetToEffort(-1000, max(4096))).isEqualTo(ReasoningEffort.NONE);
    assertThat(Reasoning.budgetToEffort(-500, max(-200))).isEqualTo(ReasoningEffort.NONE);
  }

  @Test
  void test_effort_to_budget_edge_cases() {
    assertThat(Reasoning.effortToBudget(ReasoningEffort.MEDIUM, max(0))).isEqualTo(2048);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.HIGH, max(-1000))).isEqualTo(3072);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.LOW, max(-50))).isEqualTo(1024);
  }

  // --- own tests ---

  @Test
  void xhigh_and_max_use_the_whole_max_and_minimal_is_low() {
    assertThat(Reasoning.effortToBudget(ReasoningEffort.XHIGH, max(10000))).isEqualTo(10000);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.MAX, max(10000))).isEqualTo(10000);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.MINIMAL, max(10000))).isEqualTo(2500);
    assertThat(Reasoning.effortToBudget(ReasoningEffort.NONE, max(10000))).isZero();
    assertThat(Reasoning.effortToBudget(ReasoningEffort.MEDIUM, max(10001))).isEqualTo(5000);
  }

  @Test
  void thresholds_are_exclusive_below_and_inclusive_above() {
    assertThat(Reasoning.budgetToEffort(3500, max(10000))).isEqualTo(ReasoningEffort.MEDIUM);
    assertThat(Reasoning.budgetToEffort(3499, max(10000))).isEqualTo(ReasoningEffort.LOW);
    assertThat(Reasoning.budgetToEffort(6500, max(10000))).isEqualTo(ReasoningEffort.HIGH);
    assertThat(Reasoning.budgetToEffort(6499, max(10000))).isEqualTo(ReasoningEffort.MEDIUM);
  }

  @Test
  void enabled_without_specifics_defaults_to_medium_and_min_budget() {
    Reasoning r = Reasoning.builder().enabled(true).build();
    assertThat(r.toOpenAIChatEffort(Optional.empty())).contains("medium");
    assertJsonEquals(r.toResponses(Optional.empty()).get(), "{'effort':'medium'}");
    assertJsonEquals(r.toAnthropicThinking(Optional.empty()).get(), "{'type':'enabled','budget_tokens':1024}");
    assertJsonEquals(
        r.toGoogleThinkingConfig(Optional.empty()).get(), "{'includeThoughts':true,'thinkingBudget':1024}");
  }

  @Test
  void effort_none_disables_anthropic_and_google_but_chat_needs_enabled() {
    Reasoning none = Reasoning.builder().effort(ReasoningEffort.NONE).build();
    assertJsonEquals(none.toAnthropicThinking(Optional.empty()).get(), "{'type':'disabled'}");
    assertJsonEquals(none.toGoogleThinkingConfig(Optional.empty()).get(), "{'thinkingBudget':0}");
    assertThat(none.toOpenAIChatEffort(Optional.empty())).isEmpty();
    Reasoning enabledNone = Reasoning.fromOpenAIEffort(ReasoningEffort.NONE, Optional.empty());
    assertThat(enabledNone.toOpenAIChatEffort(Optional.empty())).contains("none");
  }

  @Test
  void responses_carries_summary_and_derived_effort() {
    Reasoning r = Reasoning.builder().enabled(true).budgetTokens(3500L).summary(SummaryMode.AUTO).build();
    assertJsonEquals(r.toResponses(max(4000)).get(), "{'effort':'high','summary':'auto'}");
  }

  @Test
  void effectively_disabled() {
    assertThat(Reasoning.EMPTY.isEffectivelyDisabled()).isTrue();
    assertThat(Reasoning.disabled().isEffectivelyDisabled()).isTrue();
    assertThat(Reasoning.builder().summary(SummaryMode.AUTO).build().isEffectivelyDisabled()).isFalse();
    assertThat(Reasoning.builder().canonical(ReasoningCanonical.EFFORT).build().isEffectivelyDisabled()).isTrue();
  }

  @Test
  void anthropic_adaptive_is_enabled_and_bad_thinking_is_a_client_error() {
    Reasoning adaptive = Reasoning.fromAnthropicThinking(json("{'type':'adaptive'}"));
    assertThat(adaptive.enabled()).contains(true);
    assertThat(adaptive.budgetTokens()).isEmpty();
    assertThat(adaptive.canonical()).contains(ReasoningCanonical.BUDGET_TOKENS);
    Reasoning disabled = Reasoning.fromAnthropicThinking(json("{'type':'disabled'}"));
    assertThat(disabled.enabled()).contains(false);
    assertThatThrownBy(() -> Reasoning.fromAnthropicThinking(json("{'type':'on'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("thinking.type");
    assertThatThrownBy(() -> Reasoning.fromAnthropicThinking(json("{'type':'enabled','budget_tokens':'lots'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("budget_tokens");
  }

  @Test
  void google_thinking_config_reading() {
    Reasoning budget = Reasoning.fromGoogleThinkingConfig(obj("{'thinkingBudget':2048}"));
    assertThat(budget.enabled()).contains(true);
    assertThat(budget.effort()).contains(ReasoningEffort.MEDIUM);
    assertThat(budget.canonical()).contains(ReasoningCanonical.GOOGLE_THINKING_BUDGET);

    Reasoning off = Reasoning.fromGoogleThinkingConfig(obj("{'thinkingBudget':0}"));
    assertThat(off.enabled()).contains(false);
    assertThat(off.effort()).contains(ReasoningEffort.NONE);

    Reasoning include = Reasoning.fromGoogleThinkingConfig(obj("{'includeThoughts':true}"));
    assertThat(include.enabled()).contains(true);
    assertThat(include.budgetTokens()).isEmpty();
    assertThat(include.canonical()).contains(ReasoningCanonical.GOOGLE_INCLUDE_THOUGHTS);

    Reasoning dynamic = Reasoning.fromGoogleThinkingConfig(obj("{'thinkingBudget':-1}"));
    assertThat(dynamic.enabled()).contains(false);
    assertThat(dynamic.budgetTokens()).contains(-1L);
  }

  @Test
  void summary_concise_maps_to_auto() {
    assertThat(SummaryMode.fromOpenAI("concise")).contains(SummaryMode.AUTO);
    assertThat(SummaryMode.fromOpenAI("brief")).isEmpty();
    assertThat(ReasoningEffort.fromWire("XHigh")).contains(ReasoningEffort.XHIGH);
    assertThat(ReasoningEffort.fromWire("extreme")).isEmpty();
  }
}
