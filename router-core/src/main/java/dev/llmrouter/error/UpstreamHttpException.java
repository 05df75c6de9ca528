package dev.llmrouter.error;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider answered with a non-2xx status. Keeps the status, the response headers (credential-bearing
 * headers already removed) and the body, so a gateway can hand them back unchanged.
 */
public class UpstreamHttpException extends UpstreamException {
  private static final int MAX_BODY_IN_MESSAGE = 512;

  private final int status;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Duration retryAfter;

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
    this.retryAfter = retryAfter;
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

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Retryable only when the provider attached a retry-after hint (the Rust router's rule). */
  @Override
  public boolean isRetryable() {
    return retryAfter != null;
  }

  @Override
  public int httpStatus() {
    return status;
  }
}
