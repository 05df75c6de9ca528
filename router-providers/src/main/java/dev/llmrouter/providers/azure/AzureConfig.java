package dev.llmrouter.providers.azure;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Configuration of an {@link AzureProvider}: the Azure OpenAI resource endpoint (required, such as
 * {@code https://myorg.openai.azure.com/}), an optional fixed deployment name, the {@code api-version}
 * for Chat Completions URLs, whether the deployment is left out of the URL, the timeout and the HTTP
 * client. Immutable; build with {@link #builder()}. {@code toString()} shows URLs without user info or
 * query, and no credentials (credentials live in the auth, not here).
 */
public final class AzureConfig {
  /** The {@code api-version} added to Chat Completions URLs whose endpoint has none. */
  public static final String DEFAULT_API_VERSION = "2024-12-01-preview";

  /** The {@link ProviderSettings} metadata key of the deployment name (an empty value is ignored). */
  public static final String METADATA_DEPLOYMENT = "deployment";

  /** The {@link ProviderSettings} metadata key of the {@code api-version}. */
  public static final String METADATA_API_VERSION = "api_version";

  /** The {@link ProviderSettings} metadata key of the no-named-deployment flag ({@code true}/{@code false}). */
  public static final String METADATA_NO_NAMED_DEPLOYMENT = "no_named_deployment";

  private final HttpUrl endpoint;
  private final String deployment;
  private final String apiVersion;
  private final boolean noNamedDeployment;
  private final Duration timeout;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private AzureConfig(Builder b) {
    if (b.endpoint == null || b.endpoint.isBlank()) {
      throw new InvalidRequestException(
          "Azure requires endpoint (the resource URL, such as https://<resource>.openai.azure.com/)");
    }
    this.endpoint = UrlPaths.parse(b.endpoint, "azure endpoint");
    this.deployment = b.deployment == null || b.deployment.isEmpty() ? null : b.deployment;
    if (b.apiVersion == null || b.apiVersion.isBlank()) {
      throw new InvalidRequestException("azure apiVersion must not be blank (default " + DEFAULT_API_VERSION + ")");
    }
    this.apiVersion = b.apiVersion;
    this.noNamedDeployment = b.noNamedDeployment;
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException("azure timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("azure clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
  }

  /** A builder with the defaults (api-version {@value #DEFAULT_API_VERSION}); the endpoint must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A configuration from factory settings, like the Rust {@code AzureProvider::from_config}: the endpoint
   * (required), the timeout, the HTTP settings or client, and the metadata {@value #METADATA_DEPLOYMENT}
   * (ignored when empty), {@value #METADATA_API_VERSION} (ignored when blank) and
   * {@value #METADATA_NO_NAMED_DEPLOYMENT} ({@code true} or {@code false}).
   *
   * @throws InvalidRequestException when the endpoint is missing or a value is invalid
   */
  public static AzureConfig fromSettings(ProviderSettings settings) {
    if (settings == null) {
      throw new InvalidRequestException("azure provider settings must not be null");
    }
    Builder b = builder();
    settings.endpoint().ifPresent(b::endpoint);
    settings.timeout().ifPresent(b::timeout);
    settings.clientSettings().ifPresent(b::clientSettings);
    settings.httpClient().ifPresent(b::httpClient);
    settings.metadata(METADATA_DEPLOYMENT).ifPresent(b::deployment);
    settings.metadata(METADATA_API_VERSION).ifPresent(b::apiVersion);
    settings
        .metadata(METADATA_NO_NAMED_DEPLOYMENT)
        .ifPresent(value -> b.noNamedDeployment(parseFlag(METADATA_NO_NAMED_DEPLOYMENT, value)));
    return b.build();
  }

  static boolean parseFlag(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new InvalidRequestException("azure metadata '" + key + "' must be true or false, got '" + value + "'");
  }

  /** A builder preloaded with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.endpoint = endpoint.toString();
    b.deployment = deployment;
    b.apiVersion = apiVersion;
    b.noNamedDeployment = noNamedDeployment;
    b.timeout = timeout;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The resource endpoint that request paths are added to. */
  public URI endpoint() {
    return endpoint.uri();
  }

  HttpUrl endpointUrl() {
    return endpoint;
  }

  /** The deployment every request goes to; when empty, the model id (with {@code gpt-3.5} as {@code gpt-35}). */
  public Optional<String> deployment() {
    return Optional.ofNullable(deployment);
  }

  /** The {@code api-version} of Chat Completions URLs (not added when the endpoint's query has one). */
  public String apiVersion() {
    return apiVersion;
  }

  /** Whether Chat Completions URLs leave out {@code deployments/<name>} ({@code …/openai/chat/completions}). */
  public boolean noNamedDeployment() {
    return noNamedDeployment;
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AzureConfig)) {
      return false;
    }
    AzureConfig other = (AzureConfig) o;
    return endpoint.equals(other.endpoint)
        && Objects.equals(deployment, other.deployment)
        && apiVersion.equals(other.apiVersion)
        && noNamedDeployment == other.noNamedDeployment
        && Objects.equals(timeout, other.timeout)
        && clientSettings.equals(other.clientSettings)
        && httpClient == other.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, deployment, apiVersion, noNamedDeployment, timeout, clientSettings,
        System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "AzureConfig{endpoint="
        + UrlPaths.redact(endpoint)
        + ", deployment="
        + (deployment == null ? "from model" : deployment)
        + ", apiVersion="
        + apiVersion
        + ", noNamedDeployment="
        + noNamedDeployment
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  /** Builds an {@link AzureConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String endpoint;
    private String deployment;
    private String apiVersion = DEFAULT_API_VERSION;
    private boolean noNamedDeployment;
    private Duration timeout;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /** The resource endpoint, such as {@code https://myorg.openai.azure.com/} (required). */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Like {@link #endpoint(String)}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint == null ? null : endpoint.toString();
      return this;
    }

    /** A fixed deployment name; empty or {@code null} to use each request's model id. */
    public Builder deployment(String deployment) {
      this.deployment = deployment;
      return this;
    }

    /** The {@code api-version} of Chat Completions URLs (default {@value AzureConfig#DEFAULT_API_VERSION}). */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /** Leave {@code deployments/<name>} out of Chat Completions URLs (default false). */
    public Builder noNamedDeployment(boolean noNamedDeployment) {
      this.noNamedDeployment = noNamedDeployment;
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
     * @throws InvalidRequestException when the endpoint is missing or not an http(s) URL, or a value is
     *     invalid
     */
    public AzureConfig build() {
      return new AzureConfig(this);
    }
  }
}
