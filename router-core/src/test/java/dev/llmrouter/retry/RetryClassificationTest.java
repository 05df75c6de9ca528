package dev.llmrouter.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.retry.signals.ErrorBodySignals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which upstream errors are retried and which move a request to the next route (deliberately wider than
 * the Rust router, which never retried 429 or 5xx), and how header hints feed the strategy.
 */
class RetryClassificationTest {

  private static UpstreamHttpException http(int status, String body, String... headers) {
    List<Map.Entry<String, String>> h = new java.util.ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      h.add(Map.entry(headers[i], headers[i + 1]));
    }
    return new UpstreamHttpException("p", status, h, body.getBytes(StandardCharsets.UTF_8));
  }

  private static RetryPolicy noJitter(Duration maxDelay) {
    return RetryPolicy.builder().jitter(false).maxDelay(maxDelay).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 529})
  void transientStatusesAreRetryableAndUnavailable(int status) {
    UpstreamHttpException e = http(status, "");
    assertThat(e.isRetryable()).isTrue();
    assertThat(FailoverClassifier.isUnavailable(e)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 402, 403, 404, 413, 422})
  void clientStatusesAreNeitherRetriedNorFailedOver(int status) {
    UpstreamHttpException e = http(status, "{\"error\":{\"type\":\"invalid_request_error\"}}");
    assertThat(e.isRetryable()).isFalse();
    assertThat(FailoverClassifier.isUnavailable(e)).isFalse();
  }

  @Test
  void otherServerErrorsFailOverWithoutRetry() {
    UpstreamHttpException e = http(501, "not implemented");
    assertThat(e.isRetryable()).isFalse();
    assertThat(FailoverClassifier.isUnavailable(e)).isTrue();
  }

  @Test
  void anthropicOverloadedBodyIsRetryableUnderAnyStatus() {
    String body = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    assertThat(http(400, body).isRetryable()).isTrue();
    assertThat(http(529, body).isRetryable()).isTrue();
    assertThat(http(400, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\"}}").isRetryable()).isTrue();
  }

  @Test
  void openAiRateLimitCodeIsRetryableButInsufficientQuotaIsNot() {
    assertThat(http(400, "{\"error\":{\"message\":\"x\",\"code\":\"rate_limit_exceeded\"}}").isRetryable())
        .isTrue();
    UpstreamHttpException quota =
        http(429, "{\"error\":{\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}");
    assertThat(quota.isRetryable()).isFalse();
    assertThat(FailoverClassifier.isUnavailable(quota)).as("another upstream may still have quota").isTrue();
  }

  @Test
  void geminiStatusStringsAreRetryable() {
    assertThat(http(400, "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}").isRetryable()).isTrue();
    assertThat(http(400, "[{\"error\":{\"status\":\"UNAVAILABLE\"}}]").isRetryable())
        .as("only JSON objects are scanned").isFalse();
    assertThat(http(418, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}").isRetryable()).isTrue();
  }

  @Test
  void bedrockErrorTypesAreRetryable() {
    assertThat(http(400, "{\"__type\":\"com.amazon.coral#ThrottlingException\"}").isRetryable()).isTrue();
    assertThat(http(400, "{\"__type\":\"com.amazon.coral#ValidationException\"}").isRetryable()).isFalse();
    assertThat(http(400, "{\"__type\":\"ThrottlingException:http://internal\"}").isRetryable()).isTrue();
  }

  @Test
  void nonJsonOrTruncatedBodiesFallBackToTheStatus() {
    assertThat(http(400, "<html>overloaded_error</html>").isRetryable()).isFalse();
    assertThat(http(503, "<html>Service Unavailable</html>").isRetryable()).isTrue();
    assertThat(http(400, "{\"error\":{\"type\":\"overloaded_error\",\"message\":\"cut").isRetryable())
        .as("a signal before the truncation counts").isTrue();
  }

  @Test
  void signalsBeyondTheScanLimitAreNotSeen() {
    String pad = "x".repeat(ErrorBodySignals.MAX_SCANNED_BYTES);
    assertThat(http(400, "{\"pad\":\"" + pad + "\",\"type\":\"overloaded_error\"}").isRetryable()).isFalse();
  }

  @Test
  void xShouldRetryOverridesEverything() {
    assertThat(http(503, "", "x-should-retry", "false").isRetryable()).isFalse();
    assertThat(http(400, "", "X-Should-Retry", "true").isRetryable()).isTrue();
    assertThat(http(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}",
        "x-should-retry", "false").isRetryable()).isFalse();
    assertThat(http(503, "", "x-should-retry", "maybe").isRetryable()).as("unknown value ignored").isTrue();
  }

  @Test
  void xShouldRetryFalseStopsTheStrategyButNotFailover() {
    UpstreamHttpException e = http(503, "", "x-should-retry", "false");
    RetryStrategy s = RetryPolicy.defaults().strategy();
    assertThat(s.nextDelay(e)).isEmpty();
    assertThat(s.attempts()).isZero();
    assertThat(FailoverClassifier.isUnavailable(e)).isTrue();
  }

  @Test
  void headerHintsAreExposedAsRetryAfter() {
    assertThat(http(429, "", "retry-after", "1").retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(http(503, "", "retry-after-ms", "250").retryAfter()).contains(Duration.ofMillis(250));
    assertThat(http(503, "").retryAfter()).isEmpty();
    // An explicit hint wins over the headers.
    UpstreamHttpException explicit = new UpstreamHttpException("p", 503,
        List.of(Map.entry("retry-after", "9")), new byte[0], Duration.ofMillis(5));
    assertThat(explicit.retryAfter()).contains(Duration.ofMillis(5));
  }

  @Test
  void retryAfterMsIsHonouredAndCappedByMaxDelay() {
    RetryStrategy s = noJitter(Duration.ofMillis(50)).strategy();
    assertThat(s.nextDelay(http(429, "", "retry-after-ms", "30"))).contains(Duration.ofMillis(30));
    assertThat(s.nextDelay(http(429, "", "retry-after-ms", "5000"))).contains(Duration.ofMillis(50));
    assertThat(s.nextDelay(http(503, ""))).as("no hint: third backoff step, capped")
        .contains(Duration.ofMillis(50));
    assertThat(s.nextDelay(http(503, ""))).isEmpty();
  }

  @Test
  void aHeaderHintOnANonRetryableErrorDoesNotMakeItRetryable() {
    UpstreamHttpException e = http(400, "", "retry-after", "1");
    assertThat(e.isRetryable()).isFalse();
    assertThat(RetryPolicy.defaults().strategy().nextDelay(e)).isEmpty();
  }

  @Test
  void transportErrorsKeepTheProvidersFlagAndAllFailOver() {
    RouterException beforeSend = new TransportException("p", "connection refused", true, null);
    RouterException midBody = new TransportException("p", "reset while reading", false, null);
    RouterException timeout = new UpstreamTimeoutException("p", "no headers in 1 s", null);
    assertThat(beforeSend.isRetryable()).isTrue();
    assertThat(midBody.isRetryable()).isFalse();
    assertThat(timeout.isRetryable()).isFalse();
    assertThat(List.of(beforeSend, midBody, timeout)).allMatch(FailoverClassifier::isUnavailable);
  }

  @Test
  void clientConfigAndProtocolErrorsDoNotFailOver() {
    assertThat(FailoverClassifier.isUnavailable(new InvalidRequestException("bad"))).isFalse();
    assertThat(FailoverClassifier.isUnavailable(new AuthException("no key"))).isFalse();
    assertThat(FailoverClassifier.isUnavailable(new UpstreamProtocolException("p", "bad frame"))).isFalse();
    assertThat(FailoverClassifier.isUnavailable(null)).isFalse();
  }
}
