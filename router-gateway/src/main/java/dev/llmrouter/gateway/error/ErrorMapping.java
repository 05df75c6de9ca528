package dev.llmrouter.gateway.error;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.ClientException;
import dev.llmrouter.error.RequestTooLargeException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UnknownModelException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.util.Optional;

/**
 * Turns router exceptions into {@link GatewayError}s. Upstream HTTP statuses are preserved where they
 * mean something to the caller (400, 404, 413, 422, 429 with its Retry-After, 500, 503, ...); an upstream
 * 401/403 means the gateway's own provider credentials were refused, so the caller gets 502 (its gateway
 * token is fine); Anthropic's 529 stays 529 for Anthropic clients and is 503 for the others. Client errors
 * are 400 (404 for an unknown model, 413 for an oversized body), transport failures 502, timeouts 504,
 * and the gateway's provider credentials failing locally 502.
 */
public final class ErrorMapping {
  private static final int MAX_UPSTREAM_MESSAGE = 500;

  private ErrorMapping() {}

  /** The error answer for {@code e}, for a client of {@code format}. */
  public static GatewayError of(RuntimeException e, ProviderFormat format) {
    if (e instanceof RequestTooLargeException) {
      return GatewayError.of(413, ErrorKind.TOO_LARGE, e.getMessage());
    }
    if (e instanceof UnknownModelException) {
      return GatewayError.of(404, ErrorKind.NOT_FOUND, e.getMessage());
    }
    if (e instanceof ClientException) {
      return GatewayError.of(400, ErrorKind.INVALID_REQUEST, e.getMessage());
    }
    if (e instanceof AuthException) {
      return GatewayError.of(502, ErrorKind.UPSTREAM,
          "the gateway's credentials for the provider are missing or invalid: " + e.getMessage());
    }
    if (e instanceof UpstreamHttpException h) {
      return upstream(h, format);
    }
    if (e instanceof UpstreamTimeoutException) {
      return GatewayError.of(504, ErrorKind.TIMEOUT, e.getMessage());
    }
    if (e instanceof TransportException || e instanceof UpstreamProtocolException) {
      return GatewayError.of(502, ErrorKind.UPSTREAM, e.getMessage());
    }
    if (e instanceof RouterException r) {
      int status = r.httpStatus();
      return GatewayError.of(status, status >= 500 ? ErrorKind.UPSTREAM : ErrorKind.INVALID_REQUEST,
          e.getMessage());
    }
    return GatewayError.of(500, ErrorKind.INTERNAL, "internal gateway error (" + e.getClass().getSimpleName() + ")");
  }

  private static GatewayError upstream(UpstreamHttpException h, ProviderFormat format) {
    int s = h.status();
    String detail = upstreamMessage(h.body()).orElse(h.getMessage());
    String message = "upstream provider '" + h.provider() + "' returned HTTP " + s + ": " + detail;
    if (s == 401 || s == 403) {
      return GatewayError.of(502, ErrorKind.UPSTREAM, "upstream provider '" + h.provider()
          + "' refused the gateway's credentials (HTTP " + s + "): " + detail);
    }
    if (s == 429) {
      return new GatewayError(429, ErrorKind.RATE_LIMIT, message, h.retryAfter());
    }
    if (s == 529) {
      return new GatewayError(format.isAnthropicFamily() ? 529 : 503, ErrorKind.OVERLOADED, message,
          h.retryAfter());
    }
    if (s == 503) {
      return new GatewayError(503, ErrorKind.OVERLOADED, message, h.retryAfter());
    }
    if (s == 504 || s == 408) {
      return GatewayError.of(504, ErrorKind.TIMEOUT, message);
    }
    if (s == 404) {
      return GatewayError.of(404, ErrorKind.NOT_FOUND, message);
    }
    if (s == 413) {
      return GatewayError.of(413, ErrorKind.TOO_LARGE, message);
    }
    if (s >= 400 && s < 500) {
      return GatewayError.of(s, ErrorKind.INVALID_REQUEST, message);
    }
    if (s >= 500 && s < 600) {
      return GatewayError.of(s, ErrorKind.UPSTREAM, message);
    }
    return GatewayError.of(502, ErrorKind.UPSTREAM, message);
  }

  /** The {@code error.message} (OpenAI, Anthropic, Gemini) or top-level {@code message} of an error body. */
  static Optional<String> upstreamMessage(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonObject o = JsonTree.parseObject(body);
      Optional<String> m = o.getObject("error").flatMap(err -> err.getString("message"))
          .or(() -> o.getString("message"));
      return m.map(s -> s.length() > MAX_UPSTREAM_MESSAGE ? s.substring(0, MAX_UPSTREAM_MESSAGE) + "..." : s);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
