package dev.llmrouter.providers.azure;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Configuration of an {@link AzureProvider}: the Azure OpenAI resource endpoint (required, such as
 * {@code https://myorg.openai.azure.com/}), an optional fixed deployment name, the {@code api-version}
 * for Chat Completions URLs, whether the deployment is left out of the URL, the timeout and the HTTP
 * client. Immutable; build with {@link #builder()}. {@code toString()} shows URLs without user info or
 * query, and no credentials (credentials live in the auth, not here).
 */
public final class AzureConfig extends HttpProviderConfig {
  /** The {@code api-version} added to Chat Completions URLs whose endpoint has none. */
  public static final String DEFAULT_API_VERSION = "2024-12-01-preview";

  /** The {@link ProviderSettings} metadata key of the deployment name (an empty value is ignored). */
  public static final String METADATA_DEPLOYMENT = "deployment";

  /** The {@link ProviderSettings} metadata key of the {@code api-version}. */
  public static final String METADATA_API_VERSION = "api_version";

  /** The {@link ProviderSettings} metadata key of the no-named-deployment flag ({@code true}/{@code false}). */
  public static final String METADATA_NO_NAMED_DEPLOYMENT = "no_named_deployment";

  private final String deployment;
  private final String apiVersion;
  private final boolean noNamedDeployment;

  private AzureConfig(Builder b, HttpTransport transport) {
    super(transport);
    this.deployment = b.deployment == null || b.deployment.isEmpty() ? null : b.deployment;
    this.apiVersion = b.apiVersion;
    this.noNamedDeployment = b.noNamedDeployment;
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
    Builder b = preload(new Builder());
    b.deployment = deployment;
    b.apiVersion = apiVersion;
    b.noNamedDeployment = noNamedDeployment;
    return b;
  }

  /** The resource endpoint that request paths are added to. */
  public URI endpoint() {
    return endpointUrl().uri();
  }

  HttpUrl endpointUrl() {
    return transport().requiredEndpoint();
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AzureConfig)) {
      return false;
    }
    AzureConfig other = (AzureConfig) o;
    return transport().equals(other.transport())
        && Objects.equals(deployment, other.deployment)
        && apiVersion.equals(other.apiVersion)
        && noNamedDeployment == other.noNamedDeployment;
  }

  @Override
  public int hashCode() {
    return Objects.hash(transport(), deployment, apiVersion, noNamedDeployment);
  }

  @Override
  public String toString() {
    return "AzureConfig{endpoint="
        + transport().redactedEndpoint()
        + ", deployment="
        + (deployment == null ? "from model" : deployment)
        + ", apiVersion="
        + apiVersion
        + ", noNamedDeployment="
        + noNamedDeployment
        + ", "
        + transport().describeClient()
        + "}";
  }

  /**
   * Builds an {@link AzureConfig}; validated in {@link #build()}. The endpoint, the resource URL such as
   * {@code https://myorg.openai.azure.com/}, is required.
   */
  public static final class Builder extends HttpTransport.EndpointBuilder<Builder> {
    private String deployment;
    private String apiVersion = DEFAULT_API_VERSION;
    private boolean noNamedDeployment;

    private Builder() {
      super(null);
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

    /**
     * The configuration.
     *
     * @throws InvalidRequestException when the endpoint is missing or not an http(s) URL, or a value is
     *     invalid
     */
    public AzureConfig build() {
      requireEndpoint(
          "Azure requires endpoint (the resource URL, such as https://<resource>.openai.azure.com/)");
      HttpUrl endpoint = UrlPaths.parse(endpointText(), "azure endpoint");
      if (apiVersion == null || apiVersion.isBlank()) {
        throw new InvalidRequestException("azure apiVersion must not be blank (default " + DEFAULT_API_VERSION + ")");
      }
      return new AzureConfig(this, buildTransport("azure", endpoint));
    }
  }
}
