package dev.llmrouter.providers.databricks;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Configuration of a {@link DatabricksProvider}: the workspace URL ({@code api_base}, required, such as
 * {@code https://adb-123.azuredatabricks.net}), the timeout and the HTTP client. Immutable; build with
 * {@link #builder()}. {@code toString()} shows the URL without user info or query.
 */
public final class DatabricksConfig {
  private final HttpUrl apiBase;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private DatabricksConfig(Builder b) {
    if (b.apiBase == null || b.apiBase.isBlank()) {
      throw new InvalidRequestException("databricks provider requires api_base (the workspace URL)");
    }
    this.apiBase = UrlPaths.parse(b.apiBase, "databricks api_base");
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException("databricks timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("databricks clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
  }

  /** A builder; {@link Builder#apiBase(String)} must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A configuration from factory settings, like the Rust {@code create_provider("databricks", …)}: the
   * endpoint is the {@code api_base} and is required; timeout and HTTP settings or client; no metadata.
   *
   * @throws InvalidRequestException without an endpoint, for an endpoint template, or an invalid value
   */
  public static DatabricksConfig fromSettings(ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("databricks provider settings must not be null");
    }
    if (settings.endpointTemplate().isPresent()) {
      throw new InvalidRequestException(
          "databricks does not support an endpoint template; set the endpoint (api_base) instead");
    }
    Builder b = builder();
    settings.endpoint().ifPresent(b::apiBase);
    settings.timeout().ifPresent(b::timeout);
    settings.clientSettings().ifPresent(b::clientSettings);
    settings.httpClient().ifPresent(b::httpClient);
    return b.build();
  }

  /** A builder preloaded with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiBase = apiBase.toString();
    b.timeout = timeout;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The workspace URL. */
  public URI apiBase() {
    return apiBase.uri();
  }

  HttpUrl apiBaseUrl() {
    return apiBase;
  }

  /** The request timeout that overrides {@link ClientSettings#requestTimeout()}, when set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The HTTP settings, with {@link #timeout()} already applied as the request timeout. */
  public ClientSettings clientSettings() {
    return clientSettings;
  }

  /** A caller-supplied client used instead of the shared one ({@link #timeout()} still applies). */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DatabricksConfig)) {
      return false;
    }
    DatabricksConfig other = (DatabricksConfig) o;
    return apiBase.equals(other.apiBase)
        && Objects.equals(timeout, other.timeout)
        && clientSettings.equals(other.clientSettings)
        && httpClient == other.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiBase, timeout, clientSettings, System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "DatabricksConfig{apiBase="
        + UrlPaths.redact(apiBase)
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  /** Builds a {@link DatabricksConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String apiBase;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /** The workspace URL, such as {@code https://adb-123.azuredatabricks.net}; a trailing slash is fine. */
    public Builder apiBase(String apiBase) {
      this.apiBase = apiBase;
      return this;
    }

    /** Like {@link #apiBase(String)}. */
    public Builder apiBase(URI apiBase) {
      this.apiBase = apiBase == null ? null : apiBase.toString();
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

    /**
     * The configuration.
     *
     * @throws InvalidRequestException without an api_base, or naming the invalid field
     */
    public DatabricksConfig build() {
      return new DatabricksConfig(this);
    }
  }
}
