package dev.llmrouter.providers.http;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.Redaction;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.http.HeaderSink;
import dev.llmrouter.provider.CancellationToken;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.sse.SseRawStream;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one provider request over OkHttp and turns every outcome into the router's errors. Shared by all
 * HTTP providers; thread-safe and stateless apart from its client.
 *
 * <ul>
 *   <li>2xx: the body bytes (decoded, when gzip), at most {@link ClientSettings#maxResponseBodyBytes()} of
 *       them, read with that cap so a larger body never fills memory (more is an
 *       {@link UpstreamProtocolException} of kind {@code LIMIT_EXCEEDED} naming the limit).
 *   <li>Any other status: an {@link UpstreamHttpException} with the status, the headers minus
 *       credential-bearing ones ({@link Redaction#isCredentialHeader}) and the body (read leniently: a read
 *       failure gives an empty body), with any credential this request sent scrubbed out of it.
 *   <li>An I/O failure before the response headers: a retryable {@link TransportException} (nothing of the
 *       response was received: connection refused or reset, DNS failure), except a timeout
 *       ({@link UpstreamTimeoutException} with its {@link UpstreamTimeoutException.Phase phase}, not
 *       retryable) and a cancelled call (not retryable, the message says cancelled).
 *   <li>An I/O failure while reading a 2xx body: a {@link TransportException} that is not retryable (the
 *       upstream may already have done the work), or the timeout or cancellation error as above.
 * </ul>
 *
 * <p>Timeouts: {@link ClientSettings#responseHeadersTimeout()} is enforced by a watchdog that cancels the
 * call when the headers are late (phase RESPONSE_HEADERS); {@link ClientSettings#streamIdleTimeout()} is
 * set on a streaming body once the headers are in (phase STREAM_IDLE). OkHttp's own silent retries are
 * always off, also on a caller-supplied client: the router's retry policy is the single retry layer, so
 * exactly one request reaches the server per router attempt.
 *
 * <p>The request's {@link CancellationToken} cancels the OkHttp call, which aborts a blocked call at once.
 * An {@code accept-encoding} header from the header writer is ignored, so that OkHttp keeps negotiating
 * and decoding gzip itself.
 * Header values are never logged; URLs are logged without query or user info.
 */
public final class HttpExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(HttpExecutor.class);

  /**
   * Response headers that are never kept in an {@link UpstreamHttpException}; beyond these, every name
   * {@link Redaction#isCredentialHeader} flags is dropped too.
   */
  public static final Set<String> DROPPED_RESPONSE_HEADERS =
      Set.of("set-cookie", "set-cookie2", "authorization", "proxy-authorization", "x-api-key", "api-key");

  private final String providerId;
  private final OkHttpClient client;
  private final String userAgent;
  private final long maxResponseBodyBytes;
  private final long responseHeadersTimeoutMillis;
  private final long streamIdleTimeoutMillis;
  private final int maxStreamEventBytes;

  /**
   * An executor for {@code providerId} (used in error messages) that sends through {@code client} with
   * the user agent and body limit of {@code settings}.
   */
  public HttpExecutor(String providerId, OkHttpClient client, ClientSettings settings) {
    if (providerId == null || client == null || settings == null) {
      throw new InvalidRequestException("HttpExecutor needs a provider id, a client and settings");
    }
    this.providerId = providerId;
    // One retry layer only: OkHttp's silent retry would send a second request the policy never sees.
    this.client = client.retryOnConnectionFailure()
        ? client.newBuilder().retryOnConnectionFailure(false).build()
        : client;
    this.userAgent = settings.userAgent();
    this.maxResponseBodyBytes = settings.maxResponseBodyBytes();
    this.responseHeadersTimeoutMillis = settings.responseHeadersTimeout().toMillis();
    this.streamIdleTimeoutMillis = settings.streamIdleTimeout().toMillis();
    this.maxStreamEventBytes = settings.maxStreamEventBytes();
  }

  /** The limit on one stream event or frame ({@link ClientSettings#maxStreamEventBytes()}). */
  public int maxStreamEventBytes() {
    return maxStreamEventBytes;
  }

  /** The client requests go through. */
  public OkHttpClient client() {
    return client;
  }

  /**
   * POSTs {@code body} as is and returns the 2xx response body.
   *
   * @param headers writes the request headers; later writes of a name replace earlier ones
   */
  public byte[] post(HttpUrl url, Consumer<HeaderSink> headers, byte[] body, CancellationToken cancellation) {
    return post(url, headers, body, cancellation, null);
  }

  /**
   * Like {@link #post(HttpUrl, Consumer, byte[], CancellationToken)}; when {@code auth} is a
   * {@link AuthConfig.RefreshingToken} and the upstream answers 401, the rejected token is invalidated and
   * the request is sent once more with a fresh one (an expired or revoked token is not the caller's fault).
   */
  public byte[] post(
      HttpUrl url, Consumer<HeaderSink> headers, byte[] body, CancellationToken cancellation, AuthConfig auth) {
    Sent sent = send(url, headers, body, cancellation, auth);
    Response response = sent.response();
    try {
      if (!response.isSuccessful()) {
        throw httpError(response, sent.secrets());
      }
      return readSuccessBody(response.body(), url, cancellation);
    } finally {
      response.close();
    }
  }

  /**
   * POSTs {@code body} and returns the open 2xx response for the caller to parse as a stream. A non-2xx
   * status throws {@link UpstreamHttpException} before anything is returned. The caller must close the
   * result.
   */
  public StreamingResponse postForStream(
      HttpUrl url, Consumer<HeaderSink> headers, byte[] body, CancellationToken cancellation) {
    return postForStream(url, headers, body, cancellation, null);
  }

  /** Like {@link #postForStream(HttpUrl, Consumer, byte[], CancellationToken)}, with the 401 retry of {@link #post}. */
  public StreamingResponse postForStream(
      HttpUrl url, Consumer<HeaderSink> headers, byte[] body, CancellationToken cancellation, AuthConfig auth) {
    Sent sent = send(url, headers, body, cancellation, auth);
    Response response = sent.response();
    if (!response.isSuccessful()) {
      try {
        throw httpError(response, sent.secrets());
      } finally {
        response.close();
      }
    }
    if (streamIdleTimeoutMillis > 0) {
      // Replaces the socket read timeout for this body: the longest gap between two received pieces.
      response.body().source().timeout().timeout(streamIdleTimeoutMillis, TimeUnit.MILLISECONDS);
    }
    return new StreamingResponse(sent.call(), response, filterHeaders(response.headers(), sent.secrets()));
  }

  /**
   * POSTs {@code body} and parses the 2xx response as server-sent events. A non-2xx status throws
   * {@link UpstreamHttpException} before any stream is returned. Closing the stream cancels the call
   * unless the body was read to its end.
   */
  public RawResponseStream postSse(
      HttpUrl url, Consumer<HeaderSink> headers, byte[] body, CancellationToken cancellation) {
    return postSse(url, headers, body, cancellation, null);
  }

  /** Like {@link #postSse(HttpUrl, Consumer, byte[], CancellationToken)}, with the 401 retry of {@link #post}. */
  public RawResponseStream postSse(
      HttpUrl url, Consumer<HeaderSink> headers, byte[] body, CancellationToken cancellation, AuthConfig auth) {
    StreamingResponse response = postForStream(url, headers, body, cancellation, auth);
    return new SseRawStream(
        response.body(), providerId, response.closer(), response.finisher(), maxStreamEventBytes);
  }

  /** A call, its response and the credential values the request carried (to scrub from errors). */
  private record Sent(Call call, Response response, List<String> secrets) {}

  private Sent send(
      HttpUrl url, Consumer<HeaderSink> headers, byte[] body, CancellationToken cancellation, AuthConfig auth) {
    Call call = newCall(url, headers, body, cancellation);
    Response response = execute(call, url, cancellation);
    if (response.code() == 401 && auth instanceof AuthConfig.RefreshingToken refreshing) {
      String sent = call.request().header("authorization");
      response.close();
      if (sent != null) {
        int space = sent.indexOf(' ');
        refreshing.provider().invalidate(space >= 0 ? sent.substring(space + 1) : sent);
      }
      LOG.debug("provider {}: HTTP 401 with a refreshing token; retrying once with a fresh token", providerId);
      call = newCall(url, headers, body, cancellation);
      response = execute(call, url, cancellation);
    }
    return new Sent(call, response, secretsOf(call.request()));
  }

  /** The credential values a request carries: credential headers (and their token part) and key-like query values. */
  static List<String> secretsOf(Request request) {
    List<String> secrets = new ArrayList<>(2);
    Headers h = request.headers();
    for (int i = 0; i < h.size(); i++) {
      if (Redaction.isCredentialHeader(h.name(i))) {
        String value = h.value(i);
        secrets.add(value);
        int space = value.indexOf(' ');
        if (space > 0) {
          secrets.add(value.substring(space + 1).trim());
        }
      }
    }
    HttpUrl url = request.url();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      if (value != null && (Redaction.isCredentialHeader(url.queryParameterName(i))
          || "key".equalsIgnoreCase(url.queryParameterName(i)))) {
        secrets.add(value);
      }
    }
    return secrets;
  }

  private Call newCall(
      HttpUrl url, Consumer<HeaderSink> headers, byte[] body, CancellationToken cancellation) {
    Request.Builder rb = new Request.Builder().url(url).header("User-Agent", userAgent);
    headers.accept(
        (name, value) -> {
          if ("accept-encoding".equalsIgnoreCase(name)) {
            // OkHttp decompresses transparently only when it chose the encoding itself.
            LOG.debug("provider {}: not sending a configured accept-encoding header", providerId);
            return;
          }
          try {
            rb.header(name, value);
          } catch (IllegalArgumentException | NullPointerException e) {
            // OkHttp's message may quote the value, which can be a secret: leave it out.
            throw new InvalidRequestException(
                "invalid request header '" + safeName(name) + "' for provider '" + providerId + "'");
          }
        });
    // No media type: OkHttp would otherwise overwrite the content-type the header writer chose.
    rb.post(RequestBody.create(body, (MediaType) null));
    Call call = client.newCall(rb.build());
    cancellation.onCancel(call::cancel);
    return call;
  }

  private Response execute(Call call, HttpUrl url, CancellationToken cancellation) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("provider {}: POST {}", providerId, UrlPaths.redact(url));
    }
    HeadersWatchdog watchdog = responseHeadersTimeoutMillis > 0
        ? HeadersWatchdog.start(call, responseHeadersTimeoutMillis)
        : null;
    try {
      Response response = call.execute();
      if (watchdog != null && watchdog.stop()) {
        // The watchdog fired just as the headers arrived: the call is cancelled, the body unusable.
        response.close();
        throw headersTimeout(url, null);
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "provider {}: POST {} -> {} {}",
            providerId,
            UrlPaths.redact(url),
            response.code(),
            response.protocol());
      }
      return response;
    } catch (IOException e) {
      boolean headersLate = watchdog != null && watchdog.stop();
      throw sendFailure(e, url, cancellation, headersLate);
    }
  }

  private UpstreamTimeoutException headersTimeout(HttpUrl url, IOException cause) {
    return new UpstreamTimeoutException(providerId, UpstreamTimeoutException.Phase.RESPONSE_HEADERS,
        "POST " + UrlPaths.redact(url) + ": no response headers within " + responseHeadersTimeoutMillis
            + " ms (ClientSettings.responseHeadersTimeout)", cause);
  }

  private RuntimeException sendFailure(
      IOException e, HttpUrl url, CancellationToken cancellation, boolean headersLate) {
    String where = "POST " + UrlPaths.redact(url);
    if (cancellation.isCancelled()) {
      return new TransportException(providerId, where + ": request cancelled", false, e);
    }
    if (headersLate) {
      return headersTimeout(url, e);
    }
    if (Thread.currentThread().isInterrupted()) {
      return new TransportException(providerId, where + ": interrupted", false, e);
    }
    UpstreamTimeoutException.Phase phase = TimeoutPhases.beforeHeaders(e);
    if (phase != null) {
      return new UpstreamTimeoutException(providerId, phase, where + " (" + describe(e) + ")" + limits(), e);
    }
    LOG.debug("provider {}: {} failed: {}", providerId, where, describe(e));
    return new TransportException(providerId, where + ": " + describe(e), true, e);
  }

  private RuntimeException bodyFailure(IOException e, HttpUrl url, CancellationToken cancellation) {
    String where = "reading the response of POST " + UrlPaths.redact(url);
    if (cancellation.isCancelled()) {
      return new TransportException(providerId, where + ": request cancelled", false, e);
    }
    UpstreamTimeoutException.Phase phase =
        Thread.currentThread().isInterrupted() ? null : TimeoutPhases.inBody(e);
    if (phase != null) {
      return new UpstreamTimeoutException(providerId, phase, where + " (" + describe(e) + ")" + limits(), e);
    }
    return new TransportException(providerId, where + ": " + describe(e), false, e);
  }

  private String limits() {
    return "; request timeout "
        + client.callTimeoutMillis()
        + " ms, connect timeout "
        + client.connectTimeoutMillis()
        + " ms, read timeout "
        + client.readTimeoutMillis()
        + " ms, response headers timeout "
        + responseHeadersTimeoutMillis
        + " ms, stream idle timeout "
        + streamIdleTimeoutMillis
        + " ms";
  }

  private byte[] readSuccessBody(ResponseBody body, HttpUrl url, CancellationToken cancellation) {
    long declared = body.contentLength();
    if (declared > maxResponseBodyBytes) {
      throw tooLarge(url, declared + " bytes");
    }
    try {
      BufferedSource source = body.source();
      if (source.request(maxResponseBodyBytes + 1)) {
        throw tooLarge(url, "more than " + maxResponseBodyBytes + " bytes");
      }
      return source.readByteArray();
    } catch (IOException e) {
      throw bodyFailure(e, url, cancellation);
    }
  }

  private UpstreamProtocolException tooLarge(HttpUrl url, String size) {
    return new UpstreamProtocolException(
        providerId,
        UpstreamProtocolException.Kind.LIMIT_EXCEEDED,
        "ClientSettings.maxResponseBodyBytes",
        "response body of POST "
            + UrlPaths.redact(url)
            + " is "
            + size
            + ", over the limit of "
            + maxResponseBodyBytes
            + " bytes (ClientSettings.maxResponseBodyBytes)",
        null);
  }

  private UpstreamHttpException httpError(Response response, List<String> secrets) {
    byte[] body = Redaction.scrub(readLeniently(response.body()), secrets);
    LOG.debug(
        "provider {}: upstream answered HTTP {} ({} body bytes)", providerId, response.code(), body.length);
    return new UpstreamHttpException(
        providerId, response.code(), filterHeaders(response.headers(), secrets), body);
  }

  /** Reads at most the body limit; a read failure keeps nothing, as in the Rust router. */
  private byte[] readLeniently(ResponseBody body) {
    try {
      BufferedSource source = body.source();
      source.request(maxResponseBodyBytes);
      Buffer buffer = source.getBuffer();
      return buffer.readByteArray(Math.min(buffer.size(), maxResponseBodyBytes));
    } catch (IOException | RuntimeException e) {
      LOG.debug("provider {}: could not read the error body: {}", providerId, describe(e));
      return new byte[0];
    }
  }

  /**
   * Response headers as (name, value) pairs in arrival order, without credential-bearing names
   * ({@link #DROPPED_RESPONSE_HEADERS}, {@link Redaction#isCredentialHeader}) and without values that are
   * not visible ASCII.
   */
  public static List<Map.Entry<String, String>> filterHeaders(Headers headers) {
    return filterHeaders(headers, List.of());
  }

  /** Like {@link #filterHeaders(Headers)}, also dropping headers whose value contains one of {@code secrets}. */
  static List<Map.Entry<String, String>> filterHeaders(Headers headers, List<String> secrets) {
    List<Map.Entry<String, String>> kept = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      if (!DROPPED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))
          && !Redaction.isCredentialHeader(name)
          && isVisibleAscii(value)
          && !containsAny(value, secrets)) {
        kept.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
      }
    }
    return Collections.unmodifiableList(kept);
  }

  private static boolean containsAny(String value, List<String> secrets) {
    for (String secret : secrets) {
      if (!secret.isEmpty() && value.contains(secret)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVisibleAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        return false;
      }
    }
    return true;
  }

  private static String safeName(String name) {
    if (name == null) {
      return "null";
    }
    return name.length() > 64 ? name.substring(0, 64) + "…" : name;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isEmpty()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }
}
