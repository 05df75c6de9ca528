package dev.llmrouter.providers.media;

import dev.llmrouter.media.FetchedMedia;
import dev.llmrouter.media.MediaFetchException;
import dev.llmrouter.media.MediaFetchException.Reason;
import dev.llmrouter.media.MediaFetcher;
import dev.llmrouter.media.MediaKind;
import dev.llmrouter.media.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The default {@link MediaFetcher}: downloads remote media over OkHttp with an SSRF guard and limits
 * (Rust remote_media.rs / lingua's media fetch).
 *
 * <ul>
 *   <li>Only {@code http}/{@code https}. Host names are resolved by a guarded {@link Dns} that refuses
 *       names resolving to loopback, private, link-local, CGNAT, metadata and other internal addresses
 *       ({@link SsrfGuard}); IP-literal hosts are checked before connecting; and every connection's
 *       actual peer address is checked again before the request is written. No proxy is used (a proxy
 *       would resolve names where the guard cannot see them).
 *   <li>Redirects are followed here, not by OkHttp: at most {@link Builder#maxRedirects} (default 3),
 *       each target re-validated, only to {@code http}/{@code https}.
 *   <li>The body is capped at {@link Builder#maxBytes} (default 5 MiB) while it streams, whatever the
 *       {@code content-length} says (decompressed size, so a gzip bomb stops at the cap too).
 *   <li>One total deadline ({@link Builder#timeout}, default 30 s) covers every redirect and the body.
 *   <li>A {@code content-type} header is required and must be one the part's {@link MediaKind} accepts
 *       (images: {@code image/*}); it is checked before the body is read.
 * </ul>
 *
 * <p>Immutable and thread-safe; blocking calls hold no monitors, so it is safe on virtual threads.
 */
public final class HttpMediaFetcher implements MediaFetcher {
  /** Default body cap: 5 MiB. */
  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
  /** Default number of redirects followed. */
  public static final int DEFAULT_MAX_REDIRECTS = 3;
  /** Default total time for one fetch, redirects and body included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final String USER_AGENT = "llm-router-java media fetcher";

  private final OkHttpClient client;
  private final long maxBytes;
  private final int maxRedirects;
  private final Duration timeout;
  private final Predicate<InetAddress> allowed;

  private HttpMediaFetcher(Builder b) {
    this.maxBytes = b.maxBytes;
    this.maxRedirects = b.maxRedirects;
    this.timeout = b.timeout;
    this.allowed = b.allowed;
    OkHttpClient base = b.client != null ? b.client : new OkHttpClient();
    this.client =
        base.newBuilder()
            .proxy(Proxy.NO_PROXY)
            .dns(new GuardedDns(b.dns, allowed))
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .cache(null)
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .callTimeout(Duration.ZERO) // set per call from the remaining total budget
            .addNetworkInterceptor(this::checkPeer)
            .build();
  }

  /**
   * A fetcher with the default limits and the system resolver, for {@link java.util.ServiceLoader}: this
   * class is registered as router-providers' {@link MediaFetcher}, which a {@code Router} uses unless told
   * otherwise. Prefer {@link #create()} or {@link #builder()} in code.
   */
  public HttpMediaFetcher() {
    this(new Builder());
  }

  /** A fetcher with the default limits (5 MiB, 3 redirects, 30 s) and the system resolver. */
  public static HttpMediaFetcher create() {
    return builder().build();
  }

  /** A builder with the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** The body cap in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The number of redirects followed. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** The total time for one fetch. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public FetchedMedia fetch(URI uri, MediaKind kind) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(kind, "kind");
    HttpUrl url = HttpUrl.parse(uri.toString());
    if (url == null) {
      throw new MediaFetchException(Reason.INVALID_URL, "media URL must be an http or https URL");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int redirects = 0; ; redirects++) {
      checkHost(url);
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw timedOut();
      }
      Request request =
          new Request.Builder()
              .url(url)
              .get()
              .header("User-Agent", USER_AGENT)
              .header("Accept", kind == MediaKind.IMAGE ? "image/*" : "*/*")
              .build();
      Call call = client.newCall(request);
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      try (Response response = call.execute()) {
        if (isRedirect(response.code())) {
          if (redirects >= maxRedirects) {
            throw new MediaFetchException(
                Reason.REDIRECT, "media URL exceeded the redirect limit (" + maxRedirects + ")");
          }
          url = redirectTarget(url, response);
          continue;
        }
        return read(response, kind);
      } catch (IOException e) {
        throw failure(e, call);
      }
    }
  }

  private static boolean isRedirect(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }

  private static HttpUrl redirectTarget(HttpUrl from, Response response) {
    String location = response.header("Location");
    if (location == null || location.isBlank()) {
      throw new MediaFetchException(Reason.REDIRECT, "media URL redirect has no location");
    }
    HttpUrl next = from.resolve(location.trim());
    if (next == null) {
      throw new MediaFetchException(
          Reason.REDIRECT, "media URL redirects to a URL that is not http or https");
    }
    return next;
  }

  /** Refuses blocked host names and blocked IP literals before any connection (literals skip DNS). */
  private void checkHost(HttpUrl url) {
    String host = url.host();
    InetAddress literal = ipLiteral(host);
    if (literal != null) {
      if (SsrfGuard.isBlocked(literal) && !allowed.test(literal)) {
        throw new MediaFetchException(
            Reason.BLOCKED_ADDRESS, "media URL resolves to a blocked address (" + host + ")");
      }
    } else if (SsrfGuard.isBlockedHostname(host)) {
      throw new MediaFetchException(
          Reason.BLOCKED_ADDRESS, "media URL resolves to a blocked address (" + host + ")");
    }
  }

  /** The address of an IP-literal host (OkHttp's canonical form: IPv6 without brackets); else null. */
  static InetAddress ipLiteral(String host) {
    boolean v6 = host.indexOf(':') >= 0;
    boolean v4 = !v6 && isDottedQuad(host);
    if (!v6 && !v4) {
      return null;
    }
    try {
      return InetAddress.getByName(host); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean isDottedQuad(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        if (part.charAt(i) < '0' || part.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** The last check, on the connection itself: covers pooled connections and any path around the DNS. */
  private Response checkPeer(Interceptor.Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null) {
      InetAddress peer = connection.route().socketAddress().getAddress();
      if (peer == null || (SsrfGuard.isBlocked(peer) && !allowed.test(peer))) {
        throw new BlockedAddressException(
            "connected to a blocked address (" + (peer == null ? "unresolved" : peer.getHostAddress()) + ")");
      }
    }
    return chain.proceed(chain.request());
  }

  private FetchedMedia read(Response response, MediaKind kind) throws IOException {
    if (!response.isSuccessful()) {
      throw new MediaFetchException(Reason.HTTP_STATUS, "HTTP " + response.code());
    }
    String contentType = response.header("Content-Type");
    if (contentType == null || MediaTypes.base(contentType).isEmpty()) {
      throw new MediaFetchException(
          Reason.MISSING_CONTENT_TYPE, "failed to get content type of the media");
    }
    String type = MediaTypes.base(contentType);
    if (!kind.accepts(type)) {
      throw new MediaFetchException(
          Reason.UNSUPPORTED_MEDIA_TYPE,
          "unsupported media type " + type + " for " + kind.label() + " content");
    }
    ResponseBody body = response.body();
    long declared = body.contentLength();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : 8192, maxBytes));
    byte[] buffer = new byte[8192];
    long total = 0;
    try (InputStream in = body.byteStream()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(); // closing the response drops the connection; the rest is never read
        }
        out.write(buffer, 0, n);
      }
    }
    return FetchedMedia.of(out.toByteArray(), type);
  }

  private MediaFetchException tooLarge() {
    return new MediaFetchException(
        Reason.TOO_LARGE, "media size exceeds the limit of " + maxBytes + " bytes");
  }

  private MediaFetchException timedOut() {
    return new MediaFetchException(
        Reason.TIMEOUT, "media fetch timed out after " + timeout.toMillis() + " ms");
  }

  private MediaFetchException failure(IOException e, Call call) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BlockedAddressException) {
        return new MediaFetchException(
            Reason.BLOCKED_ADDRESS, "media URL resolves to a blocked address: " + t.getMessage(), e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return new MediaFetchException(
            Reason.UNRESOLVED_HOST, "failed to resolve media host: " + t.getMessage(), e);
      }
    }
    if (e instanceof InterruptedIOException || call.isCanceled()) {
      MediaFetchException timeout = timedOut();
      timeout.initCause(e);
      return timeout;
    }
    String message = e.getMessage();
    return new MediaFetchException(
        Reason.NETWORK,
        "failed to fetch media: " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message),
        e);
  }

  /** Builds an {@link HttpMediaFetcher}; defaults: 5 MiB, 3 redirects, 30 s, system DNS, guard on. */
  public static final class Builder {
    private long maxBytes = DEFAULT_MAX_BYTES;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private Duration timeout = DEFAULT_TIMEOUT;
    private OkHttpClient client;
    private Dns dns = Dns.SYSTEM;
    private Predicate<InetAddress> allowed = address -> false;

    private Builder() {}

    /** The body cap in bytes (at least 1). */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** The number of redirects followed (0 to refuse every redirect). */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 0) {
        throw new IllegalArgumentException("maxRedirects must not be negative, got " + maxRedirects);
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /** The total time for one fetch, redirects and body included (positive). */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * A client to derive from (its dispatcher, connection pool, TLS settings); its proxy, DNS,
     * redirect, retry, cache and timeout settings are replaced. Default: a client of its own.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The resolver the guard checks the answers of (default {@link Dns#SYSTEM}). */
    public Builder dns(Dns dns) {
      this.dns = Objects.requireNonNull(dns, "dns");
      return this;
    }

    /**
     * <b>Tests only.</b> Addresses accepted by {@code predicate} are allowed even though the SSRF guard
     * would refuse them (e.g. {@code InetAddress::isLoopbackAddress} for a MockWebServer on 127.0.0.1).
     * Never set this in production: it opens the guard for every address it accepts.
     */
    public Builder allowAddresses(Predicate<InetAddress> predicate) {
      this.allowed = Objects.requireNonNull(predicate, "predicate");
      return this;
    }

    /** The fetcher. */
    public HttpMediaFetcher build() {
      return new HttpMediaFetcher(this);
    }
  }
}
