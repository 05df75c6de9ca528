package dev.llmrouter.retry.signals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads how long an upstream asked the caller to wait from its response headers. Thread-safe; the clock
 * (for absolute dates) is injectable for tests.
 *
 * <p>Headers, first match wins:
 *
 * <ol>
 *   <li>{@code retry-after-ms}: milliseconds (OpenAI, Azure).
 *   <li>{@code retry-after}: delta seconds or an HTTP-date (RFC 9110).
 *   <li>Rate-limit reset headers: OpenAI's {@code x-ratelimit-reset-requests} / {@code -tokens} in Go
 *       duration syntax ({@code 1s}, {@code 6m0s}, {@code 20ms}) and Anthropic's
 *       {@code anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-reset} RFC 3339 times.
 *       Providers send these on every response, so they count only for a bucket whose matching
 *       {@code -remaining} header is {@code 0} (the longest such reset wins), or, on an HTTP 429 where no
 *       bucket says it is exhausted, as the earliest reset.
 * </ol>
 *
 * <p>Unparseable values are ignored; dates in the past give zero. The result is not capped here:
 * {@link RetryStrategy} caps it at the policy's {@code maxDelay}.
 */
public final class RetryHints {
  /** Longest hint ever returned, so absurd values cannot overflow arithmetic downstream. */
  static final Duration MAX_HINT = Duration.ofDays(1);

  private static final RetryHints SYSTEM = new RetryHints(Clock.systemUTC());
  private static final String[] OPENAI_BUCKETS = {"requests", "tokens"};
  private static final String[] ANTHROPIC_BUCKETS = {"requests", "tokens", "input-tokens", "output-tokens"};

  private final Clock clock;

  private RetryHints(Clock clock) {
    this.clock = clock;
  }

  /** Hints measured against the system clock. */
  public static RetryHints system() {
    return SYSTEM;
  }

  /** Hints measured against {@code clock} (for absolute dates). */
  public static RetryHints withClock(Clock clock) {
    return new RetryHints(Objects.requireNonNull(clock, "clock"));
  }

  /** The wait the headers of a response with {@code status} ask for, if any. */
  public Optional<Duration> retryAfter(int status, List<Map.Entry<String, String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> ms = header(headers, "retry-after-ms").flatMap(RetryHints::parseMillis);
    if (ms.isPresent()) {
      return ms;
    }
    Optional<Duration> ra = header(headers, "retry-after").flatMap(this::parseRetryAfter);
    if (ra.isPresent()) {
      return ra;
    }
    return resetHint(status, headers);
  }

  private Optional<Duration> resetHint(int status, List<Map.Entry<String, String>> headers) {
    Duration exhausted = null;
    Duration earliest = null;
    for (String bucket : OPENAI_BUCKETS) {
      Optional<Duration> reset =
          header(headers, "x-ratelimit-reset-" + bucket).flatMap(RetryHints::parseGoDuration);
      if (reset.isPresent()) {
        boolean empty = header(headers, "x-ratelimit-remaining-" + bucket).map(v -> v.trim().equals("0"))
            .orElse(false);
        exhausted = empty ? max(exhausted, reset.get()) : exhausted;
        earliest = min(earliest, reset.get());
      }
    }
    for (String bucket : ANTHROPIC_BUCKETS) {
      Optional<Duration> reset =
          header(headers, "anthropic-ratelimit-" + bucket + "-reset").flatMap(this::parseTimestamp);
      if (reset.isPresent()) {
        boolean empty = header(headers, "anthropic-ratelimit-" + bucket + "-remaining")
            .map(v -> v.trim().equals("0")).orElse(false);
        exhausted = empty ? max(exhausted, reset.get()) : exhausted;
        earliest = min(earliest, reset.get());
      }
    }
    if (exhausted != null) {
      return Optional.of(exhausted);
    }
    return status == 429 ? Optional.ofNullable(earliest) : Optional.empty();
  }

  /** {@code retry-after-ms}: a non-negative number of milliseconds (fractions allowed). */
  static Optional<Duration> parseMillis(String value) {
    return parseDecimal(value).map(ms -> nanos(ms.movePointRight(6)));
  }

  /** {@code retry-after}: delta seconds (fractions tolerated) or an HTTP-date. */
  Optional<Duration> parseRetryAfter(String value) {
    Optional<Duration> seconds = parseDecimal(value).map(s -> nanos(s.movePointRight(9)));
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(until(at));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** An RFC 3339 timestamp, as a wait from now. */
  Optional<Duration> parseTimestamp(String value) {
    try {
      return Optional.of(until(OffsetDateTime.parse(value.trim()).toInstant()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A Go duration as OpenAI writes rate-limit resets: one or more number-unit pairs, units {@code h},
   * {@code m}, {@code s}, {@code ms}, {@code us}/{@code µs}, {@code ns}, e.g. {@code 6m0s}, {@code 1.5s}.
   */
  static Optional<Duration> parseGoDuration(String value) {
    String s = value.trim();
    if (s.isEmpty() || s.length() > 64) {
      return Optional.empty();
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        return Optional.empty();
      }
      BigDecimal number;
      try {
        number = new BigDecimal(s.substring(start, i));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      int shift;
      switch (s.substring(unitStart, i)) {
        case "h" -> { number = number.multiply(BigDecimal.valueOf(3600)); shift = 9; }
        case "m" -> { number = number.multiply(BigDecimal.valueOf(60)); shift = 9; }
        case "s" -> shift = 9;
        case "ms" -> shift = 6;
        case "us", "\u00b5s", "\u03bcs" -> shift = 3;
        case "ns" -> shift = 0;
        default -> {
          return Optional.empty();
        }
      }
      totalNanos = totalNanos.add(number.movePointRight(shift));
    }
    return Optional.of(nanos(totalNanos));
  }

  private static Optional<BigDecimal> parseDecimal(String value) {
    String s = value.trim();
    if (s.isEmpty() || s.length() > 32) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.') {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new BigDecimal(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration nanos(BigDecimal nanos) {
    if (nanos.compareTo(BigDecimal.valueOf(MAX_HINT.toNanos())) >= 0) {
      return MAX_HINT;
    }
    return Duration.ofNanos(Math.max(0, nanos.longValue()));
  }

  private Duration until(Instant at) {
    Duration d = Duration.between(clock.instant(), at);
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(MAX_HINT) > 0 ? MAX_HINT : d;
  }

  private static Duration max(Duration a, Duration b) {
    return a == null || b.compareTo(a) > 0 ? b : a;
  }

  private static Duration min(Duration a, Duration b) {
    return a == null || b.compareTo(a) < 0 ? b : a;
  }

  private static Optional<String> header(List<Map.Entry<String, String>> headers, String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && h.getValue() != null) {
        return Optional.of(h.getValue());
      }
    }
    return Optional.empty();
  }
}
