package dev.llmrouter.media;

import dev.llmrouter.error.InvalidRequestException;
import java.util.Objects;

/**
 * A remote media URL of the request could not be fetched or may not be fetched: a client error (HTTP
 * 400), since the URL came from the caller. {@link #reason()} says why; the message never holds a URL's
 * query string (which may carry a signed token).
 */
public class MediaFetchException extends InvalidRequestException {

  /** Why a media URL was not inlined. */
  public enum Reason {
    /** The URL is not an absolute http/https URL with a host. */
    INVALID_URL,
    /** The host is, or resolves to, a loopback, private, link-local, metadata or other internal address. */
    BLOCKED_ADDRESS,
    /** The host name could not be resolved. */
    UNRESOLVED_HOST,
    /** More redirects than allowed, or a redirect without a usable location. */
    REDIRECT,
    /** The server answered with a non-success status. */
    HTTP_STATUS,
    /** The response had no content-type header. */
    MISSING_CONTENT_TYPE,
    /** The content type is not one the part's kind accepts. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The body is larger than the configured cap. */
    TOO_LARGE,
    /** The download took longer than the configured total timeout. */
    TIMEOUT,
    /** A network or protocol failure. */
    NETWORK,
    /** The request needs a fetch but the router has no {@link MediaFetcher}. */
    NO_FETCHER,
    /** A {@link MediaFetcher} failed in another way. */
    OTHER
  }

  private final Reason reason;

  /** A failure of {@code reason} described by {@code message}. */
  public MediaFetchException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** A failure of {@code reason} described by {@code message}, caused by {@code cause}. */
  public MediaFetchException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the URL was not inlined. */
  public Reason reason() {
    return reason;
  }
}
