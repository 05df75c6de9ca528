package dev.llmrouter.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RouterException RETRYABLE =
      new TransportException("openai", "connection refused", true, null);

  @Test
  void defaultsMatchTheRustRouter() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.initialDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.exponentialBase()).isEqualTo(2.0);
    assertThat(p.jitter()).isTrue();
  }

  /** Rust: exponential 200/400/800 ms then nothing, with attempts = 3. */
  @Test
  void exponential_backoff_without_jitter() {
    RetryStrategy s = RetryPolicy.builder().jitter(false).build().strategy();
    assertThat(s.nextDelay(RETRYABLE)).contains(Duration.ofMillis(200));
    assertThat(s.nextDelay(RETRYABLE)).contains(Duration.ofMillis(400));
    assertThat(s.nextDelay(RETRYABLE)).contains(Duration.ofMillis(800));
    assertThat(s.nextDelay(RETRYABLE)).isEmpty();
    assertThat(s.attempts()).isEqualTo(3);
  }

  /** Rust: a non-retryable error gives nothing and the count stays 0. */
  @Test
  void non_retryable_error_returns_none() {
    RetryStrategy s = RetryPolicy.defaults().strategy();
    assertThat(s.nextDelay(new InvalidRequestException("bad"))).isEmpty();
    assertThat(s.nextDelay(new TransportException("openai", "timeout", false, null))).isEmpty();
    assertThat(s.attempts()).isZero();
  }

  /** Rust: a retry_after of 5 s is capped to max_delay of 1 s, without jitter. */
  @Test
  void retry_after_is_capped_by_max_delay() {
    RetryStrategy s = RetryPolicy.builder().maxDelay(Duration.ofSeconds(1)).build().strategy();
    UpstreamHttpException withHint =
        new UpstreamHttpException("openai", 429, List.of(), new byte[0], Duration.ofSeconds(5));
    assertThat(s.nextDelay(withHint)).contains(Duration.ofSeconds(1));
    UpstreamHttpException shortHint =
        new UpstreamHttpException("openai", 429, List.of(), new byte[0], Duration.ofMillis(300));
    assertThat(s.nextDelay(shortHint)).contains(Duration.ofMillis(300));
  }

  /** Rust: jitter for the first retry stays within [100, 300] ms. */
  @Test
  void jitter_stays_within_bounds() {
    SplittableRandom seeds = new SplittableRandom(7);
    for (int i = 0; i < 1000; i++) {
      RetryStrategy s = RetryPolicy.defaults().strategy(new SplittableRandom(seeds.nextLong()));
      Optional<Duration> d = s.nextDelay(RETRYABLE);
      assertThat(d).isPresent();
      assertThat(d.get()).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
    }
  }

  @Test
  void jitterNeverExceedsMaxDelay() {
    RetryPolicy p = RetryPolicy.builder().maxAttempts(10).maxDelay(Duration.ofMillis(500)).build();
    RetryStrategy s = p.strategy(new SplittableRandom(1));
    for (int i = 0; i < 10; i++) {
      assertThat(s.nextDelay(RETRYABLE).orElseThrow()).isLessThanOrEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void zeroMaxAttemptsNeverRetries() {
    assertThat(RetryPolicy.none().strategy().nextDelay(RETRYABLE)).isEmpty();
  }

  /**
   * Deliberately different from Rust (which retried a provider HTTP error only with a hint): 503 is
   * retryable by status; a hint still makes any status retryable; a 400 without a hint is not.
   */
  @Test
  void upstreamHttpErrorIsRetryableByStatusOrWithHint() {
    assertThat(new UpstreamHttpException("openai", 503, List.of(), new byte[0]).isRetryable()).isTrue();
    assertThat(new UpstreamHttpException("openai", 400, List.of(), new byte[0]).isRetryable()).isFalse();
    assertThat(new UpstreamHttpException("openai", 400, List.of(), new byte[0], Duration.ofSeconds(1))
        .isRetryable()).isTrue();
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.builder().exponentialBase(0.5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exponentialBase");
    assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
