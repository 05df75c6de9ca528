package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Usage}: each provider's accounting convention normalized into disjoint buckets. */
class UsageTest {

  @Test
  void openAiPromptIncludesCachedAndCompletionIncludesReasoning() {
    Usage u = Usage.fromOpenAi(10_000, 2_000, 4_000, 500);
    assertThat(u.uncachedInputTokens()).isEqualTo(6_000);
    assertThat(u.cacheReadTokens()).isEqualTo(4_000);
    assertThat(u.cacheWriteTokens()).isZero();
    assertThat(u.outputTokens()).isEqualTo(2_000);
    assertThat(u.reasoningTokens()).isEqualTo(500);
    assertThat(u.totalInputTokens()).isEqualTo(10_000);
    assertThat(u.totalTokens()).isEqualTo(12_000);
  }

  @Test
  void anthropicInputExcludesCacheBuckets() {
    Usage u = Usage.fromAnthropic(100, 200, 1_000, 2_000, 3_000, 50);
    assertThat(u.uncachedInputTokens()).isEqualTo(100);
    assertThat(u.cacheReadTokens()).isEqualTo(1_000);
    assertThat(u.cacheWrite5mTokens()).isEqualTo(2_000);
    assertThat(u.cacheWrite1hTokens()).isEqualTo(3_000);
    assertThat(u.cacheWriteUnspecifiedTokens()).isEqualTo(50);
    assertThat(u.cacheWriteTokens()).isEqualTo(5_050);
    assertThat(u.totalInputTokens()).isEqualTo(6_150);
    assertThat(u.outputTokens()).isEqualTo(200);
    assertThat(u.reasoningTokens()).isZero();
  }

  @Test
  void googlePromptIncludesCachedAndThoughtsAreAddedToOutput() {
    Usage u = Usage.fromGoogle(1_000, 100, 400, 300);
    assertThat(u.uncachedInputTokens()).isEqualTo(600);
    assertThat(u.cacheReadTokens()).isEqualTo(400);
    assertThat(u.outputTokens()).isEqualTo(400);
    assertThat(u.reasoningTokens()).isEqualTo(300);
    assertThat(u.totalTokens()).isEqualTo(1_400);
  }

  @Test
  void converseInputExcludesCacheBucketsAndWritesHaveNoTtl() {
    Usage u = Usage.fromConverse(100, 50, 1_000, 2_000);
    assertThat(u.uncachedInputTokens()).isEqualTo(100);
    assertThat(u.cacheReadTokens()).isEqualTo(1_000);
    assertThat(u.cacheWriteUnspecifiedTokens()).isEqualTo(2_000);
    assertThat(u.cacheWrite5mTokens()).isZero();
    assertThat(u.cacheWrite1hTokens()).isZero();
    assertThat(u.outputTokens()).isEqualTo(50);
    assertThat(u.totalTokens()).isEqualTo(3_150);
  }

  @Test
  void cachedMoreThanPromptIsRejectedNotNegative() {
    assertThatThrownBy(() -> Usage.fromOpenAi(100, 10, 101, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "usage field 'cached_tokens' (101) must not exceed 'prompt_tokens' (100), which includes it");
    assertThatThrownBy(() -> Usage.fromGoogle(10, 10, 11, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'cachedContentTokenCount' (11) must not exceed 'promptTokenCount' (10)");
  }

  @Test
  void reasoningMoreThanCompletionIsRejected() {
    assertThatThrownBy(() -> Usage.fromOpenAi(10, 5, 0, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'reasoning_tokens' (6) must not exceed 'completion_tokens' (5)");
    assertThatThrownBy(() -> Usage.builder().outputTokens(1).reasoningTokens(2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reasoningTokens");
  }

  @Test
  void negativeCountsAreRejectedNamingTheField() {
    assertThatThrownBy(() -> Usage.fromAnthropic(-1, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'input_tokens'");
    assertThatThrownBy(() -> Usage.fromAnthropic(0, 0, 0, 0, -3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ephemeral_1h_input_tokens'");
    assertThatThrownBy(() -> Usage.fromConverse(0, 0, 0, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cacheWriteInputTokens'");
    assertThatThrownBy(() -> Usage.fromGoogle(0, 0, 0, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'thoughtsTokenCount'");
    assertThatThrownBy(() -> Usage.fromOpenAi(0, -2, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'completion_tokens'");
    assertThatThrownBy(() -> Usage.builder().cacheReadTokens(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'cacheReadTokens'");
  }

  @Test
  void overflowIsRejected() {
    assertThatThrownBy(() -> Usage.fromGoogle(0, Long.MAX_VALUE, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflow");
    assertThatThrownBy(() -> Usage.builder().uncachedInputTokens(Long.MAX_VALUE).outputTokens(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflow");
  }

  @Test
  void builderRoundTripsAndValuesCompareByContent() {
    Usage u = Usage.builder()
        .uncachedInputTokens(1).cacheReadTokens(2).cacheWrite5mTokens(3).cacheWrite1hTokens(4)
        .cacheWriteUnspecifiedTokens(5).outputTokens(7).reasoningTokens(6).build();
    assertThat(u.toBuilder().build()).isEqualTo(u).hasSameHashCodeAs(u);
    assertThat(u.toBuilder().outputTokens(8).build()).isNotEqualTo(u);
    assertThat(u.totalTokens()).isEqualTo(22);
    assertThat(u.toString()).contains("cacheWrite1h=4");
    assertThat(Usage.builder().build().totalTokens()).isZero();
  }
}
