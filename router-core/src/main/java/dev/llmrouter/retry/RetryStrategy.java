package dev.llmrouter.retry;

import dev.llmrouter.error.RouterException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The retry state of one request: counts retries and computes the next delay. Not thread-safe (one per
 * request). Obtain one from {@link RetryPolicy#strategy()}.
 */
public final class RetryStrategy {
  private final RetryPolicy policy;
  private final RandomGenerator random;
  private int attempts;

  RetryStrategy(RetryPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** Retries granted so far. */
  public int attempts() {
    return attempts;
  }

  /**
   * The delay before retrying after {@code error}, or empty when the error is not retryable or the retries
   * are used up (a refusal does not count as an attempt). An upstream retry-after hint ({@link
   * RouterException#retryAfter()}: for HTTP errors the {@code retry-after-ms}, {@code retry-after} or
   * rate-limit reset headers, read by {@link dev.llmrouter.retry.signals.RetryHints}) is used as is,
   * capped at {@code maxDelay}, without jitter; otherwise the delay is
   * {@code initialDelay * base^(attempt-1)} capped at {@code maxDelay}, then, with jitter, multiplied by a
   * uniform factor in [0.5, 1.5) and capped again.
   */
  public Optional<Duration> nextDelay(RouterException error) {
    if (attempts >= policy.maxAttempts() || !error.isRetryable()) {
      return Optional.empty();
    }
    attempts++;
    long maxNanos = policy.maxDelay().toNanos();
    Optional<Duration> hint = error.retryAfter();
    if (hint.isPresent()) {
      return Optional.of(Duration.ofNanos(Math.min(hint.get().toNanos(), maxNanos)));
    }
    double nanos = policy.initialDelay().toNanos() * Math.pow(policy.exponentialBase(), attempts - 1);
    nanos = Math.min(nanos, maxNanos);
    if (policy.jitter()) {
      RandomGenerator rng = random != null ? random : ThreadLocalRandom.current();
      nanos = Math.min(nanos * (0.5 + rng.nextDouble()), maxNanos);
    }
    return Optional.of(Duration.ofNanos((long) nanos));
  }
}
