package dev.llmrouter.gateway.error;

/** The class of a gateway error, which picks the type or status word of each format's error shape. */
public enum ErrorKind {
  /** The request is malformed or cannot be served as written (400, 405). */
  INVALID_REQUEST,
  /** No or wrong gateway token (401). */
  AUTHENTICATION,
  /** A valid token without the needed access (403). */
  PERMISSION,
  /** Unknown model or path (404). */
  NOT_FOUND,
  /** The body exceeds the limit (413). */
  TOO_LARGE,
  /** The upstream rate-limited the call (429). */
  RATE_LIMIT,
  /** The upstream is overloaded (529, 503). */
  OVERLOADED,
  /** The upstream failed or could not be reached (5xx, 502). */
  UPSTREAM,
  /** The upstream timed out (504). */
  TIMEOUT,
  /** A bug or an unexpected failure in the gateway (500). */
  INTERNAL
}
