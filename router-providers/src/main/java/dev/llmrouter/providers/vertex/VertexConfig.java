package dev.llmrouter.providers.vertex;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Configuration of a {@link VertexProvider}: the Google Cloud project (required), the default location
 * ({@code global} unless set), an optional API base replacing the Google hosts (a proxy, a private
 * endpoint), the timeout and the HTTP client. Immutable; build with {@link #builder()}.
 * {@code toString()} shows the API base without user info or query, and no credentials.
 */
public final class VertexConfig extends HttpProviderConfig {
  /** The location used when none is configured; newer models are all served there. */
  public static final String DEFAULT_LOCATION = "global";

  /** The global host, which {@link #fromSettings} ignores as an endpoint (locations pick the host). */
  public static final String GLOBAL_HOST = "aiplatform.googleapis.com";

  /** Locations are host labels ({@code us-central1}, {@code europe-west4}, {@code global}). */
  private static final Pattern LOCATION = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

  private final String project;
  private final String location;

  private VertexConfig(String project, String location, HttpTransport transport) {
    super(transport);
    this.project = project;
    this.location = location;
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
    return preload(new Builder()).project(project).location(location);
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
    return apiBaseUrl().map(HttpUrl::uri);
  }

  Optional<HttpUrl> apiBaseUrl() {
    return transport().endpoint();
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
    return project.equals(other.project) && location.equals(other.location) && transport().equals(other.transport());
  }

  @Override
  public int hashCode() {
    return Objects.hash(project, location, transport());
  }

  @Override
  public String toString() {
    return "VertexConfig{project="
        + project
        + ", location="
        + location
        + ", apiBase="
        + transport().redactedEndpoint()
        + ", "
        + transport().describeClient()
        + "}";
  }

  /** Builds a {@link VertexConfig}; validated in {@link #build()}. */
  public static final class Builder extends HttpTransport.Builder<Builder> {
    private String project;
    private String location = DEFAULT_LOCATION;

    private Builder() {
      super(null);
    }

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
      return endpointText(apiBase);
    }

    /** Like {@link #apiBase(String)}. */
    public Builder apiBase(URI apiBase) {
      return endpointText(apiBase);
    }

    /**
     * The configuration.
     *
     * @throws InvalidRequestException if the project is missing, the location or API base is invalid, or
     *     the timeout is not positive
     */
    public VertexConfig build() {
      if (project == null || project.isBlank()) {
        throw new InvalidRequestException("Vertex requires project (the Google Cloud project id)");
      }
      String checkedLocation =
          location == null || location.isBlank() ? DEFAULT_LOCATION : checkLocation(location.trim(), "config");
      String apiBase = endpointText();
      HttpUrl apiBaseUrl =
          apiBase == null || apiBase.isBlank() ? null : UrlPaths.parse(apiBase.trim(), "vertex api_base");
      return new VertexConfig(project.trim(), checkedLocation, buildTransport("vertex", apiBaseUrl));
    }
  }
}
