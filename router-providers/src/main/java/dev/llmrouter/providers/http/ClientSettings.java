package dev.llmrouter.providers.http;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.HeaderSyntax;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Transport settings for the HTTP client a provider uses: timeouts, connection pool, protocol, redirects,
 * DNS pins and the response size limit. Immutable with value equality, so it serves as the key of the
 * process-wide client cache in {@link HttpClients}; keep the number of distinct values small.
 *
 * <p>Defaults follow the Rust router: connect 10 s, request 600 s (the whole call, body included), pool
 * idle 90 s, 16 idle connections, HTTP/2 allowed, redirects followed, no DNS overrides. Two additions:
 * {@link #readTimeout()} (an idle gap limit between received bytes, off by default) and
 * {@link #maxResponseBodyBytes()} (64 MiB), which bounds non-streaming bodies held in memory.
 *
 * <p>Each time limit has its own {@link dev.llmrouter.error.UpstreamTimeoutException.Phase}: {@link
 * #connectTimeout()} (CONNECT), {@link #responseHeadersTimeout()} (RESPONSE_HEADERS, off by default because
 * a non-streaming reply sends its headers only once the whole answer is generated), {@link
 * #streamIdleTimeout()} (STREAM_IDLE, the longest gap between two received pieces of a streaming body, off
 * by default; {@link #readTimeout()} also applies there) and {@link #requestTimeout()} (TOTAL).
 */
public final class ClientSettings {
  /** The default {@code User-Agent}. */
  public static final String DEFAULT_USER_AGENT = "llm-router-java/0.1.0";

  /** The default limit for a non-streaming response body: 64 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BODY_BYTES = 64L * 1024 * 1024;

  /** The default limit for one server-sent event or AWS event-stream frame: 16 MiB. */
  public static final int DEFAULT_MAX_STREAM_EVENT_BYTES = 16 * 1024 * 1024;

  /** The smallest allowed stream event limit (an AWS event-stream frame needs at least this much). */
  private static final int MIN_STREAM_EVENT_BYTES = 1024;
  private static final long MAX_TIMEOUT_MILLIS = Integer.MAX_VALUE;
  /** A Java array holds at most about 2 GiB. */
  private static final long MAX_BODY_LIMIT = Integer.MAX_VALUE - 16;
  private static final ClientSettings DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration readTimeout;
  private final Duration responseHeadersTimeout;
  private final Duration streamIdleTimeout;
  private final Duration poolIdleTimeout;
  private final int maxIdleConnections;
  private final boolean http1Only;
  private final String userAgent;
  private final boolean followRedirects;
  private final Map<String, List<InetAddress>> dnsOverrides;
  private final long maxResponseBodyBytes;
  private final int maxStreamEventBytes;

  private ClientSettings(Builder b) {
    this.connectTimeout = positive("connectTimeout", b.connectTimeout);
    this.requestTimeout = positive("requestTimeout", b.requestTimeout);
    this.readTimeout = nonNegative("readTimeout", b.readTimeout);
    this.responseHeadersTimeout = nonNegative("responseHeadersTimeout", b.responseHeadersTimeout);
    this.streamIdleTimeout = nonNegative("streamIdleTimeout", b.streamIdleTimeout);
    this.poolIdleTimeout = positive("poolIdleTimeout", b.poolIdleTimeout);
    if (b.maxIdleConnections < 0) {
      throw new InvalidRequestException(
          "client settings: maxIdleConnections must not be negative, got " + b.maxIdleConnections);
    }
    this.maxIdleConnections = b.maxIdleConnections;
    this.http1Only = b.http1Only;
    if (b.userAgent == null || b.userAgent.isEmpty() || !HeaderSyntax.isValidValue(b.userAgent)) {
      throw new InvalidRequestException("client settings: userAgent must be a non-empty valid header value");
    }
    this.userAgent = b.userAgent;
    this.followRedirects = b.followRedirects;
    this.dnsOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(b.dnsOverrides));
    if (b.maxResponseBodyBytes <= 0 || b.maxResponseBodyBytes > MAX_BODY_LIMIT) {
      throw new InvalidRequestException(
          "client settings: maxResponseBodyBytes must be between 1 and "
              + MAX_BODY_LIMIT
              + ", got "
              + b.maxResponseBodyBytes);
    }
    this.maxResponseBodyBytes = b.maxResponseBodyBytes;
    if (b.maxStreamEventBytes < MIN_STREAM_EVENT_BYTES) {
      throw new InvalidRequestException("client settings: maxStreamEventBytes must be at least "
          + MIN_STREAM_EVENT_BYTES + ", got " + b.maxStreamEventBytes);
    }
    this.maxStreamEventBytes = b.maxStreamEventBytes;
  }

  /** The default settings. */
  public static ClientSettings defaults() {
    return DEFAULTS;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preloaded with these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.requestTimeout = requestTimeout;
    b.readTimeout = readTimeout;
    b.responseHeadersTimeout = responseHeadersTimeout;
    b.streamIdleTimeout = streamIdleTimeout;
    b.poolIdleTimeout = poolIdleTimeout;
    b.maxIdleConnections = maxIdleConnections;
    b.http1Only = http1Only;
    b.userAgent = userAgent;
    b.followRedirects = followRedirects;
    b.dnsOverrides.putAll(dnsOverrides);
    b.maxResponseBodyBytes = maxResponseBodyBytes;
    b.maxStreamEventBytes = maxStreamEventBytes;
    return b;
  }

  /** These settings with another request timeout (what a provider config's {@code timeout} does). */
  public ClientSettings withRequestTimeout(Duration timeout) {
    return toBuilder().requestTimeout(timeout).build();
  }

  /** Time allowed to open a TCP (and TLS) connection. Default 10 s. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Time allowed for the whole call: connecting, sending, waiting and reading the body, streaming bodies
   * included (OkHttp's call timeout, like reqwest's {@code timeout}). Default 600 s.
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Longest stall allowed while reading or writing (OkHttp's read and write timeouts): between two
   * received chunks of a stream, for example. {@link Duration#ZERO}, the default, means no limit.
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * Longest wait from the start of a call until the response headers arrive, connecting included; past it
   * the call is cancelled with an {@code UpstreamTimeoutException} of phase RESPONSE_HEADERS.
   * {@link Duration#ZERO}, the default, means no limit of its own (the request timeout still applies):
   * a non-streaming reply sends its headers only once the whole answer is generated.
   */
  public Duration responseHeadersTimeout() {
    return responseHeadersTimeout;
  }

  /**
   * Longest gap allowed between two received pieces of a streaming response body, once its headers have
   * arrived; past it the stream fails with an {@code UpstreamTimeoutException} of phase STREAM_IDLE.
   * {@link Duration#ZERO}, the default, leaves {@link #readTimeout()} in charge (which also reports
   * STREAM_IDLE for a stream, and is off by default too).
   */
  public Duration streamIdleTimeout() {
    return streamIdleTimeout;
  }

  /** How long an idle pooled connection is kept. Default 90 s. */
  public Duration poolIdleTimeout() {
    return poolIdleTimeout;
  }

  /**
   * How many idle connections the pool keeps. Default 16. Unlike reqwest's per-host limit, OkHttp's limit
   * is for the whole pool.
   */
  public int maxIdleConnections() {
    return maxIdleConnections;
  }

  /** Whether to speak HTTP/1.1 only (no HTTP/2). Default false. */
  public boolean http1Only() {
    return http1Only;
  }

  /** The {@code User-Agent} sent unless an operator-configured header replaces it. */
  public String userAgent() {
    return userAgent;
  }

  /** Whether redirects are followed. Default true. */
  public boolean followRedirects() {
    return followRedirects;
  }

  /** Pinned DNS answers: lower-case host name to the addresses to use (ports come from the URL). */
  public Map<String, List<InetAddress>> dnsOverrides() {
    return dnsOverrides;
  }

  /**
   * The most bytes a non-streaming response body may have (default 64 MiB); a larger success body is an
   * error, a larger error body is cut to this size. Streaming bodies are not limited.
   */
  public long maxResponseBodyBytes() {
    return maxResponseBodyBytes;
  }

  /**
   * The most bytes one event of a streaming body may have: a server-sent event, or an AWS event-stream
   * frame (default 16 MiB). A larger one ends the stream with an {@code UpstreamProtocolException} of kind
   * {@code LIMIT_EXCEEDED}, without buffering it further.
   */
  public int maxStreamEventBytes() {
    return maxStreamEventBytes;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ClientSettings)) {
      return false;
    }
    ClientSettings other = (ClientSettings) o;
    return connectTimeout.equals(other.connectTimeout)
        && requestTimeout.equals(other.requestTimeout)
        && readTimeout.equals(other.readTimeout)
        && responseHeadersTimeout.equals(other.responseHeadersTimeout)
        && streamIdleTimeout.equals(other.streamIdleTimeout)
        && poolIdleTimeout.equals(other.poolIdleTimeout)
        && maxIdleConnections == other.maxIdleConnections
        && http1Only == other.http1Only
        && userAgent.equals(other.userAgent)
        && followRedirects == other.followRedirects
        && dnsOverrides.equals(other.dnsOverrides)
        && maxResponseBodyBytes == other.maxResponseBodyBytes
        && maxStreamEventBytes == other.maxStreamEventBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        connectTimeout,
        requestTimeout,
        readTimeout,
        responseHeadersTimeout,
        streamIdleTimeout,
        poolIdleTimeout,
        maxIdleConnections,
        http1Only,
        userAgent,
        followRedirects,
        dnsOverrides,
        maxResponseBodyBytes,
        maxStreamEventBytes);
  }

  @Override
  public String toString() {
    return "ClientSettings{connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", readTimeout="
        + readTimeout
        + ", responseHeadersTimeout="
        + responseHeadersTimeout
        + ", streamIdleTimeout="
        + streamIdleTimeout
        + ", poolIdleTimeout="
        + poolIdleTimeout
        + ", maxIdleConnections="
        + maxIdleConnections
        + ", http1Only="
        + http1Only
        + ", userAgent="
        + userAgent
        + ", followRedirects="
        + followRedirects
        + ", dnsOverrides="
        + dnsOverrides
        + ", maxResponseBodyBytes="
        + maxResponseBodyBytes
        + ", maxStreamEventBytes="
        + maxStreamEventBytes
        + "}";
  }

  private static Duration positive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidRequestException(
          "client settings: " + what + " must be a positive duration, got " + d);
    }
    return checkRange(what, d);
  }

  private static Duration nonNegative(String what, Duration d) {
    if (d == null || d.isNegative()) {
      throw new InvalidRequestException("client settings: " + what + " must not be negative, got " + d);
    }
    return checkRange(what, d);
  }

  private static Duration checkRange(String what, Duration d) {
    if (d.compareTo(Duration.ofMillis(MAX_TIMEOUT_MILLIS)) > 0) {
      throw new InvalidRequestException(
          "client settings: " + what + " must be at most " + MAX_TIMEOUT_MILLIS + " ms, got " + d);
    }
    if (!d.isZero() && d.compareTo(Duration.ofMillis(1)) < 0) {
      throw new InvalidRequestException("client settings: " + what + " must be at least 1 ms, got " + d);
    }
    return d;
  }

  /** Builds {@link ClientSettings}; starts from the defaults, validates in {@link #build()}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(600);
    private Duration readTimeout = Duration.ZERO;
    private Duration responseHeadersTimeout = Duration.ZERO;
    private Duration streamIdleTimeout = Duration.ZERO;
    private Duration poolIdleTimeout = Duration.ofSeconds(90);
    private int maxIdleConnections = 16;
    private boolean http1Only;
    private String userAgent = DEFAULT_USER_AGENT;
    private boolean followRedirects = true;
    private final LinkedHashMap<String, List<InetAddress>> dnsOverrides = new LinkedHashMap<>();
    private long maxResponseBodyBytes = DEFAULT_MAX_RESPONSE_BODY_BYTES;
    private int maxStreamEventBytes = DEFAULT_MAX_STREAM_EVENT_BYTES;

    private Builder() {}

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /** An idle limit between received bytes; {@link Duration#ZERO} for none. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    /** A limit on the wait for the response headers; {@link Duration#ZERO} for none. */
    public Builder responseHeadersTimeout(Duration responseHeadersTimeout) {
      this.responseHeadersTimeout = responseHeadersTimeout;
      return this;
    }

    /** An idle limit between received pieces of a streaming body; {@link Duration#ZERO} for none. */
    public Builder streamIdleTimeout(Duration streamIdleTimeout) {
      this.streamIdleTimeout = streamIdleTimeout;
      return this;
    }

    public Builder poolIdleTimeout(Duration poolIdleTimeout) {
      this.poolIdleTimeout = poolIdleTimeout;
      return this;
    }

    public Builder maxIdleConnections(int maxIdleConnections) {
      this.maxIdleConnections = maxIdleConnections;
      return this;
    }

    public Builder http1Only(boolean http1Only) {
      this.http1Only = http1Only;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder followRedirects(boolean followRedirects) {
      this.followRedirects = followRedirects;
      return this;
    }

    /** Pins {@code domain} (case-insensitive) to these addresses; replaces an earlier pin for it. */
    public Builder dnsOverride(String domain, List<InetAddress> addresses) {
      if (domain == null || domain.isBlank()) {
        throw new InvalidRequestException("client settings: a DNS override needs a domain");
      }
      if (addresses == null || addresses.isEmpty() || addresses.stream().anyMatch(Objects::isNull)) {
        throw new InvalidRequestException(
            "client settings: the DNS override for '" + domain + "' needs at least one address");
      }
      dnsOverrides.put(domain.toLowerCase(Locale.ROOT), List.copyOf(addresses));
      return this;
    }

    /** Replaces every DNS override. */
    public Builder dnsOverrides(Map<String, List<InetAddress>> overrides) {
      if (overrides == null) {
        throw new InvalidRequestException("client settings: dnsOverrides must not be null");
      }
      dnsOverrides.clear();
      overrides.forEach(this::dnsOverride);
      return this;
    }

    public Builder maxResponseBodyBytes(long maxResponseBodyBytes) {
      this.maxResponseBodyBytes = maxResponseBodyBytes;
      return this;
    }

    /** The limit on one stream event or frame, in bytes (at least 1024). */
    public Builder maxStreamEventBytes(int maxStreamEventBytes) {
      this.maxStreamEventBytes = maxStreamEventBytes;
      return this;
    }

    public ClientSettings build() {
      return new ClientSettings(this);
    }
  }
}
