package dev.llmrouter.providers.openai;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Configuration of an {@link OpenAIProvider}: where to send requests (a fixed endpoint or a per-model
 * template), the optional OpenAI organization, project and {@code api-version}, the timeout, the alias the
 * provider answers to, and the HTTP client. Immutable; build with {@link #builder()}. {@code toString()}
 * shows URLs without user info or query, and no credentials (credentials live in the auth, not here).
 */
public final class OpenAIConfig {
  /** The default endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://api.openai.com/v1";

  /** The placeholder an endpoint template must contain; it is replaced by the upstream model id. */
  public static final String MODEL_PLACEHOLDER = "<model>";

  /** The alias a plain OpenAI provider answers to. */
  public static final String DEFAULT_PROVIDER_ALIAS = "openai";

  /** What replaces {@link #MODEL_PLACEHOLDER} when the model is empty, and when validating a template. */
  static final String DEFAULT_MODEL = "default";

  private final HttpUrl endpoint;
  private final String endpointTemplate;
  private final String organization;
  private final String project;
  private final String apiVersion;
  private final Duration timeout;
  private final String providerAlias;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private OpenAIConfig(Builder b) {
    if (b.providerAlias == null || b.providerAlias.isBlank()) {
      throw new InvalidRequestException("openai providerAlias must not be blank");
    }
    String label = "'" + b.providerAlias + "' (openai)";
    if (b.endpointTemplate != null) {
      if (!b.endpointTemplate.contains(MODEL_PLACEHOLDER)) {
        throw new InvalidRequestException(
            label + " endpoint template must contain " + MODEL_PLACEHOLDER + ": "
                + UrlPaths.redact(b.endpointTemplate));
      }
      // As in the Rust router, the endpoint becomes the template for the model "default", which also
      // validates the template as a URL.
      this.endpoint =
          UrlPaths.parse(
              b.endpointTemplate.replace(MODEL_PLACEHOLDER, DEFAULT_MODEL), label + " endpoint template");
    } else {
      this.endpoint = UrlPaths.parse(b.endpoint, label + " endpoint");
    }
    this.endpointTemplate = b.endpointTemplate;
    this.organization = blankToNull(b.organization);
    this.project = blankToNull(b.project);
    this.apiVersion = blankToNull(b.apiVersion);
    if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
      throw new InvalidRequestException("openai timeout must be a positive duration, got " + b.timeout);
    }
    this.timeout = b.timeout;
    this.providerAlias = b.providerAlias;
    if (b.clientSettings == null) {
      throw new InvalidRequestException("openai clientSettings must not be null");
    }
    this.clientSettings = timeout == null ? b.clientSettings : b.clientSettings.withRequestTimeout(timeout);
    this.httpClient = b.httpClient;
  }

  /** A builder with the defaults: {@value #DEFAULT_ENDPOINT}, alias {@code openai}, default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default configuration. */
  public static OpenAIConfig defaults() {
    return builder().build();
  }

  /** A builder preloaded with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.endpoint = endpointTemplate == null ? endpoint.toString() : DEFAULT_ENDPOINT;
    b.endpointTemplate = endpointTemplate;
    b.organization = organization;
    b.project = project;
    b.apiVersion = apiVersion;
    b.timeout = timeout;
    b.providerAlias = providerAlias;
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /**
   * The endpoint requests go to when no template is set; with a template, the template for the model
   * {@code default}.
   */
  public URI endpoint() {
    return endpoint.uri();
  }

  HttpUrl endpointUrl() {
    return endpoint;
  }

  /** A per-model endpoint such as {@code https://<model>.lepton.run/api/v1/}. */
  public Optional<String> endpointTemplate() {
    return Optional.ofNullable(endpointTemplate);
  }

  /** Sent as {@code OpenAI-Organization}. */
  public Optional<String> organization() {
    return Optional.ofNullable(organization);
  }

  /** Sent as {@code OpenAI-Project}. */
  public Optional<String> project() {
    return Optional.ofNullable(project);
  }

  /** Added to every URL as the {@code api-version} query parameter. */
  public Optional<String> apiVersion() {
    return Optional.ofNullable(apiVersion);
  }

  /** The request timeout that overrides {@link ClientSettings#requestTimeout()}, when set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The catalog alias this provider answers to: {@code openai}, or the compatible vendor's kind. */
  public String providerAlias() {
    return providerAlias;
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
    if (!(o instanceof OpenAIConfig)) {
      return false;
    }
    OpenAIConfig other = (OpenAIConfig) o;
    return endpoint.equals(other.endpoint)
        && Objects.equals(endpointTemplate, other.endpointTemplate)
        && Objects.equals(organization, other.organization)
        && Objects.equals(project, other.project)
        && Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(timeout, other.timeout)
        && providerAlias.equals(other.providerAlias)
        && clientSettings.equals(other.clientSettings)
        && httpClient == other.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, endpointTemplate, organization, project, apiVersion, timeout, providerAlias,
        clientSettings, System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "OpenAIConfig{endpoint="
        + UrlPaths.redact(endpoint)
        + (endpointTemplate == null ? "" : ", endpointTemplate=" + UrlPaths.redact(endpointTemplate))
        + ", organization="
        + (organization == null ? "none" : organization)
        + ", project="
        + (project == null ? "none" : project)
        + ", apiVersion="
        + (apiVersion == null ? "none" : apiVersion)
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", providerAlias="
        + providerAlias
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + ", "
        + clientSettings
        + "}";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Builds an {@link OpenAIConfig}; validated in {@link #build()}. */
  public static final class Builder {
    private String endpoint = DEFAULT_ENDPOINT;
    private String endpointTemplate;
    private String organization;
    private String project;
    private String apiVersion;
    private Duration timeout;
    private String providerAlias = DEFAULT_PROVIDER_ALIAS;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /** The base URL, such as {@code https://api.openai.com/v1}; ignored when a template is set. */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** Like {@link #endpoint(String)}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint == null ? null : endpoint.toString();
      return this;
    }

    /** A per-model base URL containing {@code <model>}; {@code null} clears it. */
    public Builder endpointTemplate(String endpointTemplate) {
      this.endpointTemplate = endpointTemplate;
      return this;
    }

    /** The {@code OpenAI-Organization} header value; blank or {@code null} for none. */
    public Builder organization(String organization) {
      this.organization = organization;
      return this;
    }

    /** The {@code OpenAI-Project} header value; blank or {@code null} for none. */
    public Builder project(String project) {
      this.project = project;
      return this;
    }

    /** The {@code api-version} query value; blank or {@code null} for none. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /** A request timeout overriding the client settings' one; {@code null} for the settings' value. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The catalog alias the provider answers to (default {@code openai}). */
    public Builder providerAlias(String providerAlias) {
      this.providerAlias = providerAlias;
      return this;
    }

    public Builder clientSettings(ClientSettings clientSettings) {
      this.clientSettings = clientSettings;
      return this;
    }

    /** A client to use instead of the shared cached one; {@code null} for the shared one. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    public OpenAIConfig build() {
      return new OpenAIConfig(this);
    }
  }
}
