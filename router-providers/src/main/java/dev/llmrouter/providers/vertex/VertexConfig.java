package dev.llmrouter.providers.vertex;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Configuration of a {@link VertexProvider}: the Google Cloud project (required), the default location
 * ({@code global} unless set), an optional API base replacing the Google hosts (a proxy, a private
 * endpoint), the timeout and the HTTP client. Immutable; build with {@link #builder()}.
 * {@code toString()} shows the API base without user info or query, and no credentials.
 */
public final class VertexConfig {
  /** The location used when none is configured; newer models are all served there. */
  public static final String DEFAULT_LOCATION = "global";

  /** The global host, which {@link #fromSettings} ignores as an endpoint (locations pick the host). */
  public static final String GLOBAL_HOST = "aiplatform.googleapis.com";

  /** Locations are host labels ({@code us-central1}, {@code europe-west4}, {@code global}). */
  private static final Pattern LOCATION = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

  private final String project;
  private final String location;
  private final HttpUrl apiBase;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private VertexConfig(Builder b) {
    if (b.project == null || b.project.isBlank()) {
      throw new InvalidRequestException("Vertex requires project (the Google Cloud project id)");
    }
    this.project = b.project.trim();
    this.location =
        b.location == null || b.location.isBlank() ? DEFAULT_LOCATION : checkLocation(b.location.trim(), "config");
    this.apiBase =
        b.apiBase == null || b.apiBase.isBlank() ? null : UrlPaths.parse(b.apiBase.trim(), "vertex api_base");
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException("vertex timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("vertex clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
  }

  /** A builder; the project must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configuration the provider factory builds for kind {@code vertex}, like the Rust
   * {@code VertexProvider::from_config}: metadata {@code project} (required), {@code location} (blank
   * ignored, default {@value #DEFAULT_LOCATION}) and {@code api_base}; when there is no {@code api_base},
   * the settings' endpoint becomes the API base unless its host is exactly {@value #GLOBAL_HOST} (the
   * location then picks the host, which Vertex requires for calls such as {@code rawPredict}).
   *
   * @throws InvalidRequestException if the project is missing or a value is invalid
   */
  public static VertexConfig fromSettings(ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("vertex provider settings must not be null");
    }
    Builder b = builder();
    b.project(
        settings
            .metadata("project")
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "Vertex requires project: set the metadata key 'project' to the Google Cloud project id")));
    settings.metadata("location").ifPresent(b::location);
    Optional<String> apiBase = settings.metadata("api_base");
    if (apiBase.isPresent()) {
      b.apiBase(apiBase.get());
    } else {
      settings
          .endpoint()
          .filter(endpoint -> !GLOBAL_HOST.equalsIgnoreCase(String.valueOf(endpoint.getHost())))
          .ifPresent(b::apiBase);
    }
    settings.timeout().ifPresent(b::timeout);
    settings.clientSettings().ifPresent(b::clientSettings);
    settings.httpClient().ifPresent(b::httpClient);
    return b.build();
  }

  /** A builder preloaded with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.project = project;
    b.location = location;
    b.apiBase = apiBase == null ? null : apiBase.toString();
    b.timeout = timeout;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The Google Cloud project id. */
  public String project() {
    return project;
  }

  /** The location used when the catalog entry names none (never blank). */
  public String location() {
    return location;
  }

  /** A base URL replacing the Google hosts; its path is replaced by each request's path. */
  public Optional<URI> apiBase() {
    return apiBase == null ? Optional.empty() : Optional.of(apiBase.uri());
  }

  Optional<HttpUrl> apiBaseUrl() {
    return Optional.ofNullable(apiBase);
  }

  /** The request timeout that overrides {@link ClientSettings#requestTimeout()}, when set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The HTTP settings, with {@link #timeout()} already applied as the request timeout. */
  public ClientSettings clientSettings() {
    return clientSettings;
  }

  /**
   * A caller-supplied client to use instead of the shared one; its own settings apply, except that
   * {@link #timeout()} replaces its call timeout when set.
   */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /**
   * Returns {@code location} if it can be used as a host label and path segment.
   *
   * @param where where the location comes from, for the error message
   */
  static String checkLocation(String location, String where) {
    if (!LOCATION.matcher(location).matches()) {
      throw new InvalidRequestException(
          "vertex location '" + location + "' (from the " + where + ") is not a valid location name"
              + " such as us-central1 or global");
    }
    return location;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VertexConfig)) {
      return false;
    }
    VertexConfig other = (VertexConfig) o;
    return project.equals(other.project)
        && location.equals(other.location)
        && Objects.equals(apiBase, other.apiBase)
        && Objects.equals(timeout, other.timeout)
        && clientSettings.equals(other.clientSettings)
        && httpClient == other.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(project, location, apiBase, timeout, clientSettings, System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "VertexConfig{project="
        + project
        + ", location="
        + location
        + ", apiBase="
        + (apiBase == null ? "none" : UrlPaths.redact(apiBase))
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  /** Builds a {@link VertexConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String project;
    private String location = DEFAULT_LOCATION;
    private String apiBase;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /** The Google Cloud project id (required). */
    public Builder project(String project) {
      this.project = project;
      return this;
    }

    /** The default location, such as {@code us-east5}; blank or {@code null} for {@value VertexConfig#DEFAULT_LOCATION}. */
    public Builder location(String location) {
      this.location = location;
      return this;
    }

    /** A base URL replacing the Google hosts; blank or {@code null} for none. */
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

    /** The HTTP settings of the shared client (default {@link ClientSettings#defaults()}). */
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
     * @throws InvalidRequestException if the project is missing, the location or API base is invalid, or
     *     the timeout is not positive
     */
    public VertexConfig build() {
      return new VertexConfig(this);
    }
  }
}
