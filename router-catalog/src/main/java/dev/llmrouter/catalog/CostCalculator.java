package dev.llmrouter.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Prices a call's {@link Usage} with a {@link ModelSpec}'s per-million-token prices, in exact
 * {@link BigDecimal} arithmetic: {@code USD = tokens x price / 1,000,000} per bucket.
 *
 * <p>An unknown cost is {@link Optional#empty()}, never zero: the result is empty when some bucket has
 * tokens but neither its price nor its fallback price is known. A bucket with zero tokens never needs a
 * price. Prices and their fallbacks:
 * <ul>
 *   <li>uncached input: {@code input_cost_per_mil_tokens};
 *   <li>cache reads: {@code input_cache_read_cost_per_mil_tokens}, else the input price;
 *   <li>5-minute writes: {@code input_cache_write_5m_cost_per_mil_tokens}, else
 *       {@code input_cache_write_cost_per_mil_tokens}, else the input price;
 *   <li>1-hour writes: {@code input_cache_write_1h_cost_per_mil_tokens}, else
 *       {@code input_cache_write_cost_per_mil_tokens}, else the input price;
 *   <li>writes with an unreported TTL: {@code input_cache_write_cost_per_mil_tokens}, else the 5-minute
 *       write price (the providers' default TTL), else the input price;
 *   <li>output (reasoning included): {@code output_cost_per_mil_tokens}.
 * </ul>
 * A negative price is treated as unknown: the proxy catalog uses {@code -1000000} as a placeholder for
 * routers whose price depends on the model they pick (e.g. {@code openrouter/auto}).
 */
public final class CostCalculator {
  private CostCalculator() {}

  /**
   * The cost of {@code usage} at {@code spec}'s prices, or empty if a needed price is unknown.
   *
   * @throws IllegalArgumentException if either argument is null
   */
  public static Optional<Cost> cost(ModelSpec spec, Usage usage) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    if (usage == null) {
      throw new IllegalArgumentException("usage must not be null");
    }
    Optional<BigDecimal> input = known(spec.inputCostPerMilTokens());
    Optional<BigDecimal> write = known(spec.inputCacheWriteCostPerMilTokens());
    Optional<BigDecimal> write5m = known(spec.inputCacheWrite5mCostPerMilTokens());
    Optional<BigDecimal> write1h = known(spec.inputCacheWrite1hCostPerMilTokens());

    Optional<BigDecimal> inputUsd = price(usage.uncachedInputTokens(), input);
    Optional<BigDecimal> readUsd = price(usage.cacheReadTokens(),
        known(spec.inputCacheReadCostPerMilTokens()).or(() -> input));
    Optional<BigDecimal> write5mUsd = price(usage.cacheWrite5mTokens(),
        write5m.or(() -> write).or(() -> input));
    Optional<BigDecimal> write1hUsd = price(usage.cacheWrite1hTokens(),
        write1h.or(() -> write).or(() -> input));
    Optional<BigDecimal> writeUnspecifiedUsd = price(usage.cacheWriteUnspecifiedTokens(),
        write.or(() -> write5m).or(() -> input));
    Optional<BigDecimal> outputUsd = price(usage.outputTokens(), known(spec.outputCostPerMilTokens()));

    if (inputUsd.isEmpty() || readUsd.isEmpty() || write5mUsd.isEmpty() || write1hUsd.isEmpty()
        || writeUnspecifiedUsd.isEmpty() || outputUsd.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Cost.builder()
        .inputUsd(inputUsd.get())
        .cacheReadUsd(readUsd.get())
        .cacheWrite5mUsd(write5mUsd.get())
        .cacheWrite1hUsd(write1hUsd.get())
        .cacheWriteUnspecifiedUsd(writeUnspecifiedUsd.get())
        .outputUsd(outputUsd.get())
        .build());
  }

  /** {@code tokens x perMillion / 10^6}; zero tokens cost zero even without a price. */
  private static Optional<BigDecimal> price(long tokens, Optional<BigDecimal> perMillion) {
    if (tokens == 0) {
      return Optional.of(BigDecimal.ZERO);
    }
    return perMillion.map(p -> BigDecimal.valueOf(tokens).multiply(p).movePointLeft(6));
  }

  private static Optional<BigDecimal> known(Optional<BigDecimal> price) {
    return price.filter(p -> p.signum() >= 0);
  }
}
