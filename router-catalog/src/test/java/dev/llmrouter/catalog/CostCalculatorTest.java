package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link CostCalculator}: exact prices per bucket, unknown prices give no cost, never zero. */
class CostCalculatorTest {

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static ModelSpec.Builder spec() {
    return ModelSpec.builder("m", ProviderFormat.OPENAI, ModelFlavor.CHAT);
  }

  private static final ModelSpec SONNET = ModelCatalog.parse("{\"claude\": {\"format\": \"anthropic\","
      + " \"flavor\": \"chat\", \"input_cost_per_mil_tokens\": 3, \"output_cost_per_mil_tokens\": 15,"
      + " \"input_cache_read_cost_per_mil_tokens\": 0.3, \"input_cache_write_cost_per_mil_tokens\": 3.75,"
      + " \"input_cache_write_5m_cost_per_mil_tokens\": 3.75,"
      + " \"input_cache_write_1h_cost_per_mil_tokens\": 6}}")
      .get("claude").orElseThrow();

  @Test
  void openAiCachedTokensArePricedOnceAtTheCacheReadPrice() {
    ModelSpec gpt4o = spec().inputCostPerMilTokens(d("2.5")).outputCostPerMilTokens(d("10"))
        .inputCacheReadCostPerMilTokens(d("1.25")).build();
    Cost c = CostCalculator.cost(gpt4o, Usage.fromOpenAi(10_000, 2_000, 4_000, 500)).orElseThrow();

    assertThat(c.inputUsd()).isEqualTo(d("0.015"));
    assertThat(c.cacheReadUsd()).isEqualTo(d("0.005"));
    assertThat(c.outputUsd()).isEqualTo(d("0.02"));
    assertThat(c.cacheWrite5mUsd()).isEqualTo(BigDecimal.ZERO);
    assertThat(c.totalUsd()).isEqualTo(d("0.04"));
  }

  @Test
  void anthropicCacheReadsAndWritesAreAddedBesideInput() {
    Cost c = CostCalculator.cost(SONNET, Usage.fromAnthropic(100, 200, 1_000, 2_000, 3_000, 0)).orElseThrow();

    assertThat(c.inputUsd()).isEqualTo(d("0.0003"));
    assertThat(c.cacheReadUsd()).isEqualTo(d("0.0003"));
    assertThat(c.cacheWrite5mUsd()).isEqualTo(d("0.0075"));
    assertThat(c.cacheWrite1hUsd()).isEqualTo(d("0.018"));
    assertThat(c.cacheWriteUnspecifiedUsd()).isEqualTo(BigDecimal.ZERO);
    assertThat(c.outputUsd()).isEqualTo(d("0.003"));
    assertThat(c.totalUsd()).isEqualTo(d("0.0291"));
  }

  @Test
  void anthropicUnspecifiedWritesUseTheGenericWritePrice() {
    Cost c = CostCalculator.cost(SONNET, Usage.fromAnthropic(0, 0, 0, 0, 0, 1_000_000)).orElseThrow();
    assertThat(c.cacheWriteUnspecifiedUsd()).isEqualTo(d("3.75"));
    assertThat(c.totalUsd()).isEqualTo(d("3.75"));
  }

  @Test
  void googleThoughtsArePricedAsOutput() {
    ModelSpec flash = spec().format(ProviderFormat.GOOGLE).inputCostPerMilTokens(d("0.3"))
        .outputCostPerMilTokens(d("2.5")).inputCacheReadCostPerMilTokens(d("0.075")).build();
    Cost c = CostCalculator.cost(flash, Usage.fromGoogle(1_000, 100, 400, 300)).orElseThrow();

    assertThat(c.inputUsd()).isEqualTo(d("0.00018"));
    assertThat(c.cacheReadUsd()).isEqualTo(d("0.00003"));
    assertThat(c.outputUsd()).isEqualTo(d("0.001"));
    assertThat(c.totalUsd()).isEqualTo(d("0.00121"));
  }

  @Test
  void converseCacheBucketsAreExclusive() {
    ModelSpec bedrock = spec().format(ProviderFormat.CONVERSE).inputCostPerMilTokens(d("3"))
        .outputCostPerMilTokens(d("15")).inputCacheReadCostPerMilTokens(d("0.3"))
        .inputCacheWriteCostPerMilTokens(d("3.75")).build();
    Cost c = CostCalculator.cost(bedrock, Usage.fromConverse(100, 50, 1_000, 2_000)).orElseThrow();

    assertThat(c.inputUsd()).isEqualTo(d("0.0003"));
    assertThat(c.cacheReadUsd()).isEqualTo(d("0.0003"));
    assertThat(c.cacheWriteUnspecifiedUsd()).isEqualTo(d("0.0075"));
    assertThat(c.outputUsd()).isEqualTo(d("0.00075"));
    assertThat(c.totalUsd()).isEqualTo(d("0.00885"));
  }

  @Test
  void arithmeticIsExactDecimal() {
    ModelSpec s = spec().inputCostPerMilTokens(d("0.1")).outputCostPerMilTokens(d("0.075")).build();
    Cost c = CostCalculator.cost(s, Usage.builder().uncachedInputTokens(3).outputTokens(1).build())
        .orElseThrow();
    assertThat(c.inputUsd()).isEqualTo(d("0.0000003"));
    assertThat(c.outputUsd()).isEqualTo(d("0.000000075"));
    assertThat(c.totalUsd()).isEqualTo(d("0.000000375"));

    Cost big = CostCalculator.cost(spec().inputCostPerMilTokens(d("15.00002")).build(),
        Usage.builder().uncachedInputTokens(3_000_000_000L).build()).orElseThrow();
    assertThat(big.totalUsd()).isEqualTo(d("45000.06"));
    assertThat(big.totalUsd().toPlainString()).isEqualTo("45000.06");
  }

  @Test
  void missingInputPriceWithInputTokensIsUnknownNotZero() {
    ModelSpec s = spec().outputCostPerMilTokens(d("10")).build();
    assertThat(CostCalculator.cost(s, Usage.fromOpenAi(10, 10, 0, 0))).isEmpty();
  }

  @Test
  void missingOutputPriceWithOutputTokensIsUnknownNotZero() {
    ModelSpec s = spec().inputCostPerMilTokens(d("1")).build();
    assertThat(CostCalculator.cost(s, Usage.fromOpenAi(10, 1, 0, 0))).isEmpty();
  }

  @Test
  void zeroTokensNeverNeedAPrice() {
    ModelSpec noPrices = spec().build();
    assertThat(CostCalculator.cost(noPrices, Usage.builder().build()))
        .hasValueSatisfying(c -> assertThat(c.totalUsd()).isEqualTo(BigDecimal.ZERO));

    ModelSpec outputOnly = spec().outputCostPerMilTokens(d("2")).build();
    assertThat(CostCalculator.cost(outputOnly, Usage.fromOpenAi(0, 500_000, 0, 0)))
        .hasValueSatisfying(c -> assertThat(c.totalUsd()).isEqualTo(d("1")));

    ModelSpec embedding = spec().inputCostPerMilTokens(d("0.02")).build();
    assertThat(CostCalculator.cost(embedding, Usage.fromOpenAi(1_000_000, 0, 0, 0)))
        .hasValueSatisfying(c -> assertThat(c.totalUsd()).isEqualTo(d("0.02")));
  }

  @Test
  void missingCacheReadPriceFallsBackToInputPrice() {
    ModelSpec s = spec().inputCostPerMilTokens(d("2")).outputCostPerMilTokens(d("8")).build();
    Cost c = CostCalculator.cost(s, Usage.fromOpenAi(1_000_000, 0, 250_000, 0)).orElseThrow();
    assertThat(c.cacheReadUsd()).isEqualTo(d("0.5"));
    assertThat(c.inputUsd()).isEqualTo(d("1.5"));
    assertThat(c.totalUsd()).isEqualTo(d("2"));
  }

  @Test
  void missingTtlWritePricesFallBackToGenericWriteThenInput() {
    ModelSpec generic =
        spec().inputCostPerMilTokens(d("3")).inputCacheWriteCostPerMilTokens(d("3.75")).build();
    Cost c = CostCalculator.cost(generic, Usage.fromAnthropic(0, 0, 0, 1_000_000, 1_000_000, 0))
        .orElseThrow();
    assertThat(c.cacheWrite5mUsd()).isEqualTo(d("3.75"));
    assertThat(c.cacheWrite1hUsd()).isEqualTo(d("3.75"));

    ModelSpec inputOnly = spec().inputCostPerMilTokens(d("3")).build();
    Cost i = CostCalculator.cost(inputOnly, Usage.fromAnthropic(0, 0, 0, 1_000_000, 1_000_000, 1_000_000))
        .orElseThrow();
    assertThat(i.cacheWrite5mUsd()).isEqualTo(d("3"));
    assertThat(i.cacheWrite1hUsd()).isEqualTo(d("3"));
    assertThat(i.cacheWriteUnspecifiedUsd()).isEqualTo(d("3"));
    assertThat(i.totalUsd()).isEqualTo(d("9"));
  }

  @Test
  void unspecifiedWritesFallBackToThe5mPriceBeforeInput() {
    ModelSpec s = spec().inputCostPerMilTokens(d("3")).inputCacheWrite5mCostPerMilTokens(d("3.75"))
        .inputCacheWrite1hCostPerMilTokens(d("6")).build();
    Cost c = CostCalculator.cost(s, Usage.fromConverse(0, 0, 0, 1_000_000)).orElseThrow();
    assertThat(c.cacheWriteUnspecifiedUsd()).isEqualTo(d("3.75"));
  }

  @Test
  void cacheTokensWithoutAnyApplicablePriceAreUnknown() {
    ModelSpec readOnly =
        spec().inputCacheReadCostPerMilTokens(d("0.3")).outputCostPerMilTokens(d("1")).build();
    assertThat(CostCalculator.cost(readOnly, Usage.fromOpenAi(100, 0, 100, 0)))
        .as("all input cached: the read price suffices")
        .hasValueSatisfying(c -> assertThat(c.totalUsd()).isEqualTo(d("0.00003")));
    assertThat(CostCalculator.cost(readOnly, Usage.fromAnthropic(0, 0, 0, 10, 0, 0)))
        .as("a cache write with no write or input price")
        .isEmpty();
    assertThat(CostCalculator.cost(spec().build(), Usage.fromConverse(0, 0, 5, 0))).isEmpty();
  }

  @Test
  void negativePlaceholderPricesAreUnknown() {
    ModelSpec auto =
        spec().inputCostPerMilTokens(d("-1000000")).outputCostPerMilTokens(d("-1000000")).build();
    assertThat(CostCalculator.cost(auto, Usage.fromOpenAi(10, 10, 0, 0))).isEmpty();
    assertThat(CostCalculator.cost(auto, Usage.builder().build())).isPresent();

    ModelSpec negativeRead =
        spec().inputCostPerMilTokens(d("2")).inputCacheReadCostPerMilTokens(d("-1")).build();
    assertThat(CostCalculator.cost(negativeRead, Usage.fromOpenAi(1_000_000, 0, 1_000_000, 0))
        .map(Cost::totalUsd))
        .as("a negative read price falls back to the input price")
        .isEqualTo(Optional.of(d("2")));
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThatThrownBy(() -> CostCalculator.cost(null, Usage.builder().build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spec");
    assertThatThrownBy(() -> CostCalculator.cost(spec().build(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage");
  }

  @Test
  void costBuilderSumsComponents() {
    Cost c = Cost.builder().inputUsd(d("0.10")).outputUsd(d("0.200")).cacheWrite1hUsd(d("1E+1")).build();
    assertThat(c.totalUsd()).isEqualTo(d("10.3"));
    assertThat(c.cacheWrite1hUsd().toPlainString()).isEqualTo("10");
    assertThat(c).isEqualTo(
        Cost.builder().inputUsd(d("0.1")).outputUsd(d("0.2")).cacheWrite1hUsd(d("10")).build());
    assertThatThrownBy(() -> Cost.builder().inputUsd(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputUsd");
  }
}
