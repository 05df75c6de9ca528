package dev.llmrouter.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently the router retries a failed upstream call. Immutable; the defaults are the
 * Rust router's: 3 retries (so at most 4 calls), 200 ms initial delay, 10 s cap, base 2, jitter on.
 *
 * <p>{@code maxAttempts} counts retries, not calls: 0 means "call once, never retry".
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULT = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(0).build();

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double exponentialBase;
  private final boolean jitter;

  private RetryPolicy(Builder b) {
    if (b.maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must be >= 0, got " + b.maxAttempts);
    }
    if (b.initialDelay.isNegative() || b.maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
    if (!(b.exponentialBase >= 1.0) || Double.isInfinite(b.exponentialBase)) {
      throw new IllegalArgumentException("exponentialBase must be a finite number >= 1, got " + b.exponentialBase);
    }
    this.maxAttempts = b.maxAttempts;
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.exponentialBase = b.exponentialBase;
    this.jitter = b.jitter;
  }

  /** The Rust defaults: 3 retries, 200 ms, 10 s, base 2, jitter. */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** Never retry. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialDelay(initialDelay)
        .maxDelay(maxDelay)
        .exponentialBase(exponentialBase)
        .jitter(jitter);
  }

  /** Retries allowed after the first call. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialDelay() {
    return initialDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  public double exponentialBase() {
    return exponentialBase;
  }

  public boolean jitter() {
    return jitter;
  }

  /** A fresh strategy (one per request) drawing jitter from a thread-local generator. */
  public RetryStrategy strategy() {
    return new RetryStrategy(this, null);
  }

  /** A fresh strategy drawing jitter from {@code random} (for reproducible tests). */
  public RetryStrategy strategy(RandomGenerator random) {
    return new RetryStrategy(this, Objects.requireNonNull(random, "random"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxAttempts == p.maxAttempts
        && initialDelay.equals(p.initialDelay)
        && maxDelay.equals(p.maxDelay)
        && exponentialBase == p.exponentialBase
        && jitter == p.jitter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialDelay, maxDelay, exponentialBase, jitter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay="
        + maxDelay + ", exponentialBase=" + exponentialBase + ", jitter=" + jitter + "}";
  }

  /** Builds a {@link RetryPolicy}; unset fields keep the defaults. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(10);
    private double exponentialBase = 2.0;
    private boolean jitter = true;

    private Builder() {}

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
      return this;
    }

    public Builder exponentialBase(double exponentialBase) {
      this.exponentialBase = exponentialBase;
      return this;
    }

    public Builder jitter(boolean jitter) {
      this.jitter = jitter;
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
