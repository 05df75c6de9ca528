package dev.llmrouter.retry.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retry-after hints from response headers, with a fixed clock for absolute dates. */
class RetryHintsTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final RetryHints HINTS = RetryHints.withClock(Clock.fixed(NOW, ZoneOffset.UTC));

  private static List<Map.Entry<String, String>> headers(String... nameValues) {
    List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      out.add(Map.entry(nameValues[i], nameValues[i + 1]));
    }
    return out;
  }

  @Test
  void retryAfterMsIsMilliseconds() {
    assertThat(HINTS.retryAfter(429, headers("Retry-After-Ms", "1500"))).contains(Duration.ofMillis(1500));
    assertThat(HINTS.retryAfter(429, headers("retry-after-ms", "2.5"))).contains(Duration.ofNanos(2_500_000));
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    assertThat(HINTS.retryAfter(429, headers("retry-after", "30", "retry-after-ms", "20")))
        .contains(Duration.ofMillis(20));
  }

  @Test
  void retryAfterDeltaSeconds() {
    assertThat(HINTS.retryAfter(503, headers("retry-after", "1"))).contains(Duration.ofSeconds(1));
    assertThat(HINTS.retryAfter(503, headers("retry-after", " 0 "))).contains(Duration.ZERO);
  }

  @Test
  void retryAfterHttpDateIsMeasuredAgainstTheClock() {
    assertThat(HINTS.retryAfter(503, headers("retry-after", "Sun, 01 Jun 2025 12:00:07 GMT")))
        .contains(Duration.ofSeconds(7));
    assertThat(HINTS.retryAfter(503, headers("retry-after", "Sun, 01 Jun 2025 11:59:00 GMT")))
        .contains(Duration.ZERO);
  }

  @Test
  void garbageIsIgnored() {
    assertThat(HINTS.retryAfter(503, headers("retry-after", "soon"))).isEmpty();
    assertThat(HINTS.retryAfter(503, headers("retry-after", "-5"))).isEmpty();
    assertThat(HINTS.retryAfter(503, headers("retry-after-ms", "1e3", "retry-after", "2")))
        .contains(Duration.ofSeconds(2));
    assertThat(HINTS.retryAfter(429, headers("x-ratelimit-reset-requests", "5 parsecs"))).isEmpty();
    assertThat(HINTS.retryAfter(429, List.of())).isEmpty();
  }

  @Test
  void hugeValuesAreBoundedToADay() {
    assertThat(HINTS.retryAfter(503, headers("retry-after", "999999999999999999999")))
        .contains(RetryHints.MAX_HINT);
  }

  @Test
  void goDurationsAsOpenAiWritesThem() {
    assertThat(RetryHints.parseGoDuration("1s")).contains(Duration.ofSeconds(1));
    assertThat(RetryHints.parseGoDuration("6m0s")).contains(Duration.ofMinutes(6));
    assertThat(RetryHints.parseGoDuration("20ms")).contains(Duration.ofMillis(20));
    assertThat(RetryHints.parseGoDuration("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
    assertThat(RetryHints.parseGoDuration("7.66s")).contains(Duration.ofMillis(7660));
    assertThat(RetryHints.parseGoDuration("s")).isEmpty();
    assertThat(RetryHints.parseGoDuration("1d")).isEmpty();
  }

  @Test
  void openAiResetCountsForTheExhaustedBucket() {
    List<Map.Entry<String, String>> h =
        headers(
            "x-ratelimit-remaining-requests", "59",
            "x-ratelimit-reset-requests", "1s",
            "x-ratelimit-remaining-tokens", "0",
            "x-ratelimit-reset-tokens", "6m0s");
    assertThat(HINTS.retryAfter(429, h)).contains(Duration.ofMinutes(6));
    // A 503 whose exhausted bucket resets says how long to wait as well.
    assertThat(HINTS.retryAfter(503, h)).contains(Duration.ofMinutes(6));
  }

  @Test
  void resetHeadersWithoutAnExhaustedBucketCountOnlyOn429() {
    List<Map.Entry<String, String>> h =
        headers("x-ratelimit-reset-requests", "2s", "x-ratelimit-reset-tokens", "20ms");
    assertThat(HINTS.retryAfter(429, h)).contains(Duration.ofMillis(20));
    assertThat(HINTS.retryAfter(500, h)).isEmpty();
  }

  @Test
  void anthropicResetTimestamps() {
    List<Map.Entry<String, String>> h =
        headers(
            "anthropic-ratelimit-requests-remaining", "10",
            "anthropic-ratelimit-requests-reset", "2025-06-01T12:00:30Z",
            "anthropic-ratelimit-output-tokens-remaining", "0",
            "anthropic-ratelimit-output-tokens-reset", "2025-06-01T12:00:12Z");
    assertThat(HINTS.retryAfter(429, h)).contains(Duration.ofSeconds(12));
    assertThat(HINTS.retryAfter(429, headers("anthropic-ratelimit-tokens-reset", "2025-06-01T14:00:02+02:00")))
        .contains(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterWinsOverResetHeaders() {
    assertThat(HINTS.retryAfter(429, headers("x-ratelimit-remaining-requests", "0",
        "x-ratelimit-reset-requests", "6m0s", "retry-after", "3"))).contains(Duration.ofSeconds(3));
  }
}
