package dev.llmrouter.retry;

import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;

/**
 * Decides whether a route's final error (after its own retries) means "this upstream is unavailable now",
 * so the router may try the next route and count the failure towards the route's cooldown.
 *
 * <p>Unavailable: any retryable error; an HTTP 5xx (including 529), 408, 409 or 429 even when headers or
 * body ruled out a retry on the same upstream ({@code x-should-retry: false}, out of quota: another
 * upstream may still serve it); every {@link TransportException}, timeouts included. Not unavailable:
 * client errors (400, 401, 403, 404, 413, 422 ...), configuration and translation errors, and malformed
 * replies ({@code UpstreamProtocolException}: the upstream may already have done the work).
 */
public final class FailoverClassifier {

  private FailoverClassifier() {}

  /** Whether {@code error} makes the route unavailable for this request. */
  public static boolean isUnavailable(RouterException error) {
    if (error == null) {
      return false;
    }
    if (error.isRetryable() || error instanceof TransportException) {
      return true;
    }
    if (error instanceof UpstreamHttpException http) {
      int s = http.status();
      return s >= 500 || s == 408 || s == 409 || s == 429;
    }
    return false;
  }
}
