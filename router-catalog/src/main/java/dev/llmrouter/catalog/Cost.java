package dev.llmrouter.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The USD cost of one call: the exact total and its parts by token bucket, as computed by
 * {@link CostCalculator}. Amounts are exact {@link BigDecimal}s with trailing zeros removed (compare
 * them with {@link BigDecimal#compareTo}); components without tokens are zero. Immutable.
 */
public final class Cost {
  private final BigDecimal inputUsd;
  private final BigDecimal cacheReadUsd;
  private final BigDecimal cacheWrite5mUsd;
  private final BigDecimal cacheWrite1hUsd;
  private final BigDecimal cacheWriteUnspecifiedUsd;
  private final BigDecimal outputUsd;
  private final BigDecimal totalUsd;

  private Cost(Builder b) {
    this.inputUsd = b.inputUsd;
    this.cacheReadUsd = b.cacheReadUsd;
    this.cacheWrite5mUsd = b.cacheWrite5mUsd;
    this.cacheWrite1hUsd = b.cacheWrite1hUsd;
    this.cacheWriteUnspecifiedUsd = b.cacheWriteUnspecifiedUsd;
    this.outputUsd = b.outputUsd;
    this.totalUsd = normalize(inputUsd.add(cacheReadUsd).add(cacheWrite5mUsd).add(cacheWrite1hUsd)
        .add(cacheWriteUnspecifiedUsd).add(outputUsd));
  }

  /** A builder with every component zero. */
  public static Builder builder() {
    return new Builder();
  }

  /** The sum of all components, in USD. */
  public BigDecimal totalUsd() {
    return totalUsd;
  }

  /** Uncached input tokens, in USD. */
  public BigDecimal inputUsd() {
    return inputUsd;
  }

  /** Cache-read input tokens, in USD. */
  public BigDecimal cacheReadUsd() {
    return cacheReadUsd;
  }

  /** 5-minute cache writes, in USD. */
  public BigDecimal cacheWrite5mUsd() {
    return cacheWrite5mUsd;
  }

  /** 1-hour cache writes, in USD. */
  public BigDecimal cacheWrite1hUsd() {
    return cacheWrite1hUsd;
  }

  /** Cache writes with an unreported TTL, in USD. */
  public BigDecimal cacheWriteUnspecifiedUsd() {
    return cacheWriteUnspecifiedUsd;
  }

  /** Output tokens (reasoning included), in USD. */
  public BigDecimal outputUsd() {
    return outputUsd;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Cost)) {
      return false;
    }
    Cost c = (Cost) o;
    return inputUsd.equals(c.inputUsd)
        && cacheReadUsd.equals(c.cacheReadUsd)
        && cacheWrite5mUsd.equals(c.cacheWrite5mUsd)
        && cacheWrite1hUsd.equals(c.cacheWrite1hUsd)
        && cacheWriteUnspecifiedUsd.equals(c.cacheWriteUnspecifiedUsd)
        && outputUsd.equals(c.outputUsd);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputUsd, cacheReadUsd, cacheWrite5mUsd, cacheWrite1hUsd,
        cacheWriteUnspecifiedUsd, outputUsd);
  }

  @Override
  public String toString() {
    return "Cost{totalUsd=" + totalUsd.toPlainString() + ", input=" + inputUsd.toPlainString()
        + ", cacheRead=" + cacheReadUsd.toPlainString() + ", cacheWrite5m="
        + cacheWrite5mUsd.toPlainString() + ", cacheWrite1h=" + cacheWrite1hUsd.toPlainString()
        + ", cacheWriteUnspecified=" + cacheWriteUnspecifiedUsd.toPlainString() + ", output="
        + outputUsd.toPlainString() + "}";
  }

  /** Strips trailing zeros without going to a negative scale (so 3000 stays 3000, not 3E+3). */
  static BigDecimal normalize(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Builds a {@link Cost}; the total is the sum of the components. */
  public static final class Builder {
    private BigDecimal inputUsd = BigDecimal.ZERO;
    private BigDecimal cacheReadUsd = BigDecimal.ZERO;
    private BigDecimal cacheWrite5mUsd = BigDecimal.ZERO;
    private BigDecimal cacheWrite1hUsd = BigDecimal.ZERO;
    private BigDecimal cacheWriteUnspecifiedUsd = BigDecimal.ZERO;
    private BigDecimal outputUsd = BigDecimal.ZERO;

    private Builder() {}

    /** Uncached input, in USD. */
    public Builder inputUsd(BigDecimal v) {
      this.inputUsd = check("inputUsd", v);
      return this;
    }

    /** Cache reads, in USD. */
    public Builder cacheReadUsd(BigDecimal v) {
      this.cacheReadUsd = check("cacheReadUsd", v);
      return this;
    }

    /** 5-minute cache writes, in USD. */
    public Builder cacheWrite5mUsd(BigDecimal v) {
      this.cacheWrite5mUsd = check("cacheWrite5mUsd", v);
      return this;
    }

    /** 1-hour cache writes, in USD. */
    public Builder cacheWrite1hUsd(BigDecimal v) {
      this.cacheWrite1hUsd = check("cacheWrite1hUsd", v);
      return this;
    }

    /** Cache writes with an unreported TTL, in USD. */
    public Builder cacheWriteUnspecifiedUsd(BigDecimal v) {
      this.cacheWriteUnspecifiedUsd = check("cacheWriteUnspecifiedUsd", v);
      return this;
    }

    /** Output, in USD. */
    public Builder outputUsd(BigDecimal v) {
      this.outputUsd = check("outputUsd", v);
      return this;
    }

    /** Builds the cost. */
    public Cost build() {
      return new Cost(this);
    }

    private static BigDecimal check(String name, BigDecimal v) {
      if (v == null) {
        throw new IllegalArgumentException("cost component '" + name + "' must not be null");
      }
      return normalize(v);
    }
  }
}
