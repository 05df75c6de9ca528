package dev.llmrouter.providers.openai;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Configuration of an {@link OpenAIProvider}: where to send requests (a fixed endpoint or a per-model
 * template), the optional OpenAI organization, project and {@code api-version}, the timeout, the alias the
 * provider answers to, and the HTTP client. Immutable; build with {@link #builder()}. {@code toString()}
 * shows URLs without user info or query, and no credentials (credentials live in the auth, not here).
 */
public final class OpenAIConfig extends HttpProviderConfig {
  /** The default endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://api.openai.com/v1";

  /** The placeholder an endpoint template must contain; it is replaced by the upstream model id. */
  public static final String MODEL_PLACEHOLDER = "<model>";

  /** The alias a plain OpenAI provider answers to. */
  public static final String DEFAULT_PROVIDER_ALIAS = "openai";

  /** What replaces {@link #MODEL_PLACEHOLDER} when the model is empty, and when validating a template. */
  static final String DEFAULT_MODEL = "default";

  private final String endpointTemplate;
  private final String organization;
  private final String project;
  private final String apiVersion;
  private final String providerAlias;

  private OpenAIConfig(Builder b, HttpTransport transport) {
    super(transport);
    this.endpointTemplate = b.endpointTemplate;
    this.organization = blankToNull(b.organization);
    this.project = blankToNull(b.project);
    this.apiVersion = blankToNull(b.apiVersion);
    this.providerAlias = b.providerAlias;
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
    Builder b = preload(new Builder());
    if (endpointTemplate != null) {
      b.endpoint(DEFAULT_ENDPOINT);
    }
    return b.endpointTemplate(endpointTemplate)
        .organization(organization)
        .project(project)
        .apiVersion(apiVersion)
        .providerAlias(providerAlias);
  }

  /**
   * The endpoint requests go to when no template is set; with a template, the template for the model
   * {@code default}.
   */
  public URI endpoint() {
    return endpointUrl().uri();
  }

  HttpUrl endpointUrl() {
    return transport().requiredEndpoint();
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

  /** The catalog alias this provider answers to: {@code openai}, or the compatible vendor's kind. */
  public String providerAlias() {
    return providerAlias;
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
    return transport().equals(other.transport())
        && Objects.equals(endpointTemplate, other.endpointTemplate)
        && Objects.equals(organization, other.organization)
        && Objects.equals(project, other.project)
        && Objects.equals(apiVersion, other.apiVersion)
        && providerAlias.equals(other.providerAlias);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transport(), endpointTemplate, organization, project, apiVersion, providerAlias);
  }

  @Override
  public String toString() {
    // The alias sits between the timeout and the client here, so the transport's parts are spelled out.
    return "OpenAIConfig{endpoint="
        + transport().redactedEndpoint()
        + (endpointTemplate == null ? "" : ", endpointTemplate=" + UrlPaths.redact(endpointTemplate))
        + ", organization="
        + (organization == null ? "none" : organization)
        + ", project="
        + (project == null ? "none" : project)
        + ", apiVersion="
        + (apiVersion == null ? "none" : apiVersion)
        + ", timeout="
        + (timeout().isEmpty() ? "default" : timeout().get())
        + ", providerAlias="
        + providerAlias
        + ", httpClient="
        + (httpClient().isEmpty() ? "shared" : "caller-supplied")
        + ", "
        + clientSettings()
        + "}";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Builds an {@link OpenAIConfig}; validated in {@link #build()}. The endpoint, such as {@value
   * OpenAIConfig#DEFAULT_ENDPOINT} (the default), is ignored when a template is set.
   */
  public static final class Builder extends HttpTransport.EndpointBuilder<Builder> {
    private String endpointTemplate;
    private String organization;
    private String project;
    private String apiVersion;
    private String providerAlias = DEFAULT_PROVIDER_ALIAS;

    private Builder() {
      super(DEFAULT_ENDPOINT);
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

    /** The catalog alias the provider answers to (default {@code openai}). */
    public Builder providerAlias(String providerAlias) {
      this.providerAlias = providerAlias;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws InvalidRequestException naming the invalid field: a blank alias, an endpoint or template that
     *     is not an http(s) URL, a template without {@code <model>}, or a timeout that is not positive
     */
    public OpenAIConfig build() {
      if (providerAlias == null || providerAlias.isBlank()) {
        throw new InvalidRequestException("openai providerAlias must not be blank");
      }
      String label = "'" + providerAlias + "' (openai)";
      HttpUrl endpoint;
      if (endpointTemplate != null) {
        if (!endpointTemplate.contains(MODEL_PLACEHOLDER)) {
          throw new InvalidRequestException(
              label + " endpoint template must contain " + MODEL_PLACEHOLDER + ": "
                  + UrlPaths.redact(endpointTemplate));
        }
        // As in the Rust router, the endpoint becomes the template for the model "default", which also
        // validates the template as a URL.
        endpoint =
            UrlPaths.parse(endpointTemplate.replace(MODEL_PLACEHOLDER, DEFAULT_MODEL), label + " endpoint template");
      } else {
        endpoint = UrlPaths.parse(endpointText(), label + " endpoint");
      }
      return new OpenAIConfig(this, buildTransport("openai", endpoint));
    }
  }
}
