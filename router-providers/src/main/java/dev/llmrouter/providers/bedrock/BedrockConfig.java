package dev.llmrouter.providers.bedrock;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Configuration of a {@link BedrockProvider}: the runtime endpoint, the SigV4 signing name used when the
 * credentials do not name one, the region (kept so that the {@code bedrock-mantle} host can be derived even
 * for a custom endpoint), the timeout, the HTTP client and the clock signatures are dated with. Immutable;
 * build with {@link #builder()} or {@link #fromSettings(ProviderSettings)}. Holds no credentials: those
 * come with each request's auth.
 */
public final class BedrockConfig {
  /** The default endpoint, the {@code us-east-1} runtime host. */
  public static final String DEFAULT_ENDPOINT = "https://bedrock-runtime.us-east-1.amazonaws.com/";

  /**
   * The default SigV4 signing name. Bedrock's runtime signs as {@code bedrock}; {@code bedrock-runtime}
   * (which the Rust README suggests) is the host prefix, not a signing name, and fails verification.
   */
  public static final String DEFAULT_SERVICE = "bedrock";

  /** Region names as AWS spells them ({@code us-east-1}, {@code eu-central-2}, {@code us-gov-west-1}). */
  private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** SigV4 signing names: lower-case letters, digits and dashes. */
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final HttpUrl endpoint;
  private final String service;
  private final String region;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;
  private final Clock signingClock;

  private BedrockConfig(Builder b) {
    this.region = b.region == null || b.region.isBlank() ? null : requireRegion(b.region);
    if (b.endpoint != null) {
      this.endpoint = UrlPaths.parse(b.endpoint, "bedrock endpoint");
    } else if (region != null) {
      this.endpoint = UrlPaths.parse(runtimeEndpoint(region), "bedrock endpoint for region '" + region + "'");
    } else {
      this.endpoint = UrlPaths.parse(DEFAULT_ENDPOINT, "bedrock endpoint");
    }
    if (b.service == null || !SERVICE.matcher(b.service).matches()) {
      throw new InvalidRequestException(
          "bedrock service (the SigV4 signing name) must be lower-case letters, digits and dashes, got '"
              + b.service + "'");
    }
    this.service = b.service;
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException("bedrock timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("bedrock clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
    if (b.signingClock == null) {
      throw new InvalidRequestException("bedrock signingClock must not be null");
    }
    this.signingClock = b.signingClock;
  }

  /** A builder with the defaults: {@value #DEFAULT_ENDPOINT}, service {@code bedrock}, no region. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default configuration. */
  public static BedrockConfig defaults() {
    return builder().build();
  }

  /**
   * The configuration {@code create_provider("bedrock", ...)} builds: the settings' endpoint, else
   * {@code https://bedrock-runtime.<region>.amazonaws.com/} from metadata {@code region}, else the default;
   * metadata {@code region} also kept as the region; metadata {@code service} as the signing name; the
   * timeout, client settings and HTTP client when given.
   *
   * @throws InvalidRequestException for an invalid endpoint, region or service
   */
  public static BedrockConfig fromSettings(ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("provider settings must not be null (use ProviderSettings.empty())");
    }
    Builder b = builder();
    settings.endpoint().ifPresent(b::endpoint);
    settings.metadata("region").ifPresent(b::region);
    settings.metadata("service").ifPresent(b::service);
    settings.timeout().ifPresent(b::timeout);
    settings.clientSettings().ifPresent(b::clientSettings);
    settings.httpClient().ifPresent(b::httpClient);
    return b.build();
  }

  /** A builder preloaded with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.endpoint = endpoint.toString();
    b.service = service;
    b.region = region;
    b.timeout = timeout;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    b.signingClock = signingClock;
    return b;
  }

  /** The runtime endpoint model URLs are joined to. */
  public URI endpoint() {
    return endpoint.uri();
  }

  HttpUrl endpointUrl() {
    return endpoint;
  }

  /**
   * The SigV4 signing name used when the credentials' own service is empty (default {@code bedrock}); calls
   * to the {@code bedrock-mantle} host sign as {@code bedrock-mantle} instead.
   */
  public String service() {
    return service;
  }

  /** The region, when configured; the mantle host is derived from it before the endpoint's host. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** The request timeout that overrides {@link ClientSettings#requestTimeout()}, when set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The HTTP settings, with {@link #timeout()} already applied as the request timeout. */
  public ClientSettings clientSettings() {
    return clientSettings;
  }

  /** A caller-supplied client to use instead of the shared one. */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** The clock SigV4 signatures are dated with (the system UTC clock unless set). */
  public Clock signingClock() {
    return signingClock;
  }

  static String runtimeEndpoint(String region) {
    return "https://bedrock-runtime." + region + ".amazonaws.com/";
  }

  static String requireRegion(String region) {
    if (!REGION.matcher(region).matches()) {
      throw new InvalidRequestException(
          "invalid Bedrock region '" + region + "': expected an AWS region name such as us-east-1");
    }
    return region;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BedrockConfig)) {
      return false;
    }
    BedrockConfig other = (BedrockConfig) o;
    return endpoint.equals(other.endpoint)
        && service.equals(other.service)
        && Objects.equals(region, other.region)
        && Objects.equals(timeout, other.timeout)
        && clientSettings.equals(other.clientSettings)
        && httpClient == other.httpClient
        && signingClock.equals(other.signingClock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, service, region, timeout, clientSettings, System.identityHashCode(httpClient),
        signingClock);
  }

  @Override
  public String toString() {
    return "BedrockConfig{endpoint="
        + UrlPaths.redact(endpoint)
        + ", service="
        + service
        + ", region="
        + (region == null ? "none" : region)
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  /** Builds a {@link BedrockConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String endpoint;
    private String service = DEFAULT_SERVICE;
    private String region;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;
    private Clock signingClock = Clock.systemUTC();

    private Builder() {}

    /**
     * The runtime endpoint; {@code null} for {@code https://bedrock-runtime.<region>.amazonaws.com/} when a
     * region is set, else {@value #DEFAULT_ENDPOINT}.
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Like {@link #endpoint(String)}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint == null ? null : endpoint.toString();
      return this;
    }

    /** The SigV4 signing name used when the credentials name none (default {@code bedrock}). */
    public Builder service(String service) {
      this.service = service;
      return this;
    }

    /** The AWS region, such as {@code us-west-2}; blank or {@code null} for none. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** A request timeout overriding the client settings' one; {@code null} for the settings' value. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The HTTP settings (default {@link ClientSettings#defaults()}). */
    public Builder clientSettings(ClientSettings clientSettings) {
      this.clientSettings = clientSettings;
      return this;
    }

    /** A client to use instead of the shared cached one; {@code null} for the shared one. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** The clock signatures are dated with; for reproducible signatures in tests. */
    public Builder signingClock(Clock signingClock) {
      this.signingClock = signingClock;
      return this;
    }

    /** The validated configuration. */
    public BedrockConfig build() {
      return new BedrockConfig(this);
    }
  }
}
