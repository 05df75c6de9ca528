package dev.llmrouter.providers.bedrock;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Configuration of a {@link BedrockProvider}: the runtime endpoint, the SigV4 signing name used when the
 * credentials do not name one, the region (kept so that the {@code bedrock-mantle} host can be derived even
 * for a custom endpoint), the timeout, the HTTP client and the clock signatures are dated with. Immutable;
 * build with {@link #builder()} or {@link #fromSettings(ProviderSettings)}. Holds no credentials: those
 * come with each request's auth.
 */
public final class BedrockConfig extends HttpProviderConfig {
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

  private final String service;
  private final String region;
  private final Clock signingClock;

  private BedrockConfig(Builder b, String region, HttpTransport transport) {
    super(transport);
    this.service = b.service;
    this.region = region;
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
    return preload(new Builder()).service(service).region(region).signingClock(signingClock);
  }

  /** The runtime endpoint model URLs are joined to. */
  public URI endpoint() {
    return endpointUrl().uri();
  }

  HttpUrl endpointUrl() {
    return transport().requiredEndpoint();
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
    return transport().equals(other.transport())
        && service.equals(other.service)
        && Objects.equals(region, other.region)
        && signingClock.equals(other.signingClock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transport(), service, region, signingClock);
  }

  @Override
  public String toString() {
    return "BedrockConfig{endpoint="
        + transport().redactedEndpoint()
        + ", service="
        + service
        + ", region="
        + (region == null ? "none" : region)
        + ", "
        + transport().describeClient()
        + "}";
  }

  /**
   * Builds a {@link BedrockConfig}; validated in {@link #build()}. The endpoint, when {@code null} (the
   * default), is {@code https://bedrock-runtime.<region>.amazonaws.com/} when a region is set, else
   * {@value BedrockConfig#DEFAULT_ENDPOINT}.
   */
  public static final class Builder extends HttpTransport.EndpointBuilder<Builder> {
    private String service = DEFAULT_SERVICE;
    private String region;
    private Clock signingClock = Clock.systemUTC();

    private Builder() {
      super(null);
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

    /** The clock signatures are dated with; for reproducible signatures in tests. */
    public Builder signingClock(Clock signingClock) {
      this.signingClock = signingClock;
      return this;
    }

    /** The validated configuration. */
    public BedrockConfig build() {
      String checkedRegion = region == null || region.isBlank() ? null : requireRegion(region);
      HttpUrl endpoint;
      if (endpointText() != null) {
        endpoint = UrlPaths.parse(endpointText(), "bedrock endpoint");
      } else if (checkedRegion != null) {
        endpoint =
            UrlPaths.parse(runtimeEndpoint(checkedRegion), "bedrock endpoint for region '" + checkedRegion + "'");
      } else {
        endpoint = UrlPaths.parse(DEFAULT_ENDPOINT, "bedrock endpoint");
      }
      if (service == null || !SERVICE.matcher(service).matches()) {
        throw new InvalidRequestException(
            "bedrock service (the SigV4 signing name) must be lower-case letters, digits and dashes, got '"
                + service + "'");
      }
      HttpTransport transport = buildTransport("bedrock", endpoint);
      if (signingClock == null) {
        throw new InvalidRequestException("bedrock signingClock must not be null");
      }
      return new BedrockConfig(this, checkedRegion, transport);
    }
  }
}
