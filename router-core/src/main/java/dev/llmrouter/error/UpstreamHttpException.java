package dev.llmrouter.error;

import dev.llmrouter.retry.signals.ErrorBodySignals;
import dev.llmrouter.retry.signals.RetryHints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The provider answered with a non-2xx status. Keeps the status, the response headers (credential-bearing
 * headers already removed) and the body, so a gateway can hand them back unchanged.
 *
 * <p>Retry classification (deliberately different from the Rust router, which retried a provider's HTTP
 * error only when the provider attached a retry-after hint, so never retried 429 or 5xx in practice):
 *
 * <ol>
 *   <li>An {@code x-should-retry: true|false} response header decides alone (Anthropic and OpenAI send it).
 *   <li>A hint passed to the constructor makes the error retryable (the Rust rule, kept).
 *   <li>An error body that means "out of quota" ({@code insufficient_quota}) is not retryable, even on 429;
 *       one that means overloaded or rate limited ({@link ErrorBodySignals}) is, whatever the status.
 *   <li>Otherwise statuses 408, 409, 429, 500, 502, 503, 504 and 529 are retryable, others are not.
 * </ol>
 *
 * <p>{@link #retryAfter()} is the constructor's hint or else the wait the response headers ask for
 * ({@link RetryHints}: {@code retry-after-ms}, {@code retry-after}, rate-limit resets), measured when the
 * exception is created. The body is scanned once, at construction, and at most
 * {@value ErrorBodySignals#MAX_SCANNED_BYTES} bytes of it.
 */
public class UpstreamHttpException extends UpstreamException {
  private static final int MAX_BODY_IN_MESSAGE = 512;

  private final int status;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Duration retryAfter;
  private final boolean retryable;

  /** Statuses retried when neither headers nor body say otherwise. */
  public static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 409, 429, 500, 502, 503, 504, 529);

  public UpstreamHttpException(
      String provider, int status, List<Map.Entry<String, String>> headers, byte[] body) {
    this(provider, status, headers, body, null);
  }

  public UpstreamHttpException(
      String provider,
      int status,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      Duration retryAfter) {
    super(provider, "provider '" + provider + "' error: HTTP " + status + ": " + excerpt(body));
    this.status = status;
    this.headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
    this.body = Objects.requireNonNull(body, "body").clone();
    Duration hint = retryAfter;
    if (hint == null) {
      hint = RetryHints.system().retryAfter(status, this.headers).orElse(null);
    }
    this.retryAfter = hint;
    this.retryable = classify(status, this.headers, this.body, retryAfter != null);
  }

  private static boolean classify(
      int status, List<Map.Entry<String, String>> headers, byte[] body, boolean explicitHint) {
    Optional<String> shouldRetry = firstHeader(headers, "x-should-retry");
    if (shouldRetry.isPresent()) {
      String v = shouldRetry.get().trim().toLowerCase(Locale.ROOT);
      if (v.equals("true")) {
        return true;
      }
      if (v.equals("false")) {
        return false;
      }
    }
    if (explicitHint) {
      return true;
    }
    ErrorBodySignals.Signal signal = ErrorBodySignals.classify(body);
    if (signal == ErrorBodySignals.Signal.EXHAUSTED) {
      return false;
    }
    return signal == ErrorBodySignals.Signal.TRANSIENT || RETRYABLE_STATUSES.contains(status);
  }

  private static Optional<String> firstHeader(List<Map.Entry<String, String>> headers, String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase(name)) {
        return Optional.ofNullable(h.getValue());
      }
    }
    return Optional.empty();
  }

  private static String excerpt(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
  }

  /** The HTTP status the provider answered with. */
  public int status() {
    return status;
  }

  /** The response headers as (name, value) pairs in arrival order; repeated headers stay repeated. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The first value of a response header, matched case-insensitively. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return Optional.of(h.getValue());
      }
    }
    return Optional.empty();
  }

  /** The response body bytes (a copy). */
  public byte[] body() {
    return body.clone();
  }

  /** The response body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The constructor's hint, else the wait the response headers ask for; not capped. */
  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** See the class comment: {@code x-should-retry}, an explicit hint, the error body, then the status. */
  @Override
  public boolean isRetryable() {
    return retryable;
  }

  @Override
  public int httpStatus() {
    return status;
  }
}
