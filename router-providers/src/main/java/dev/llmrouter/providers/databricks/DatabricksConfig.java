package dev.llmrouter.providers.databricks;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.http.HttpProviderConfig;
import dev.llmrouter.providers.http.HttpTransport;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import okhttp3.HttpUrl;

/**
 * Configuration of a {@link DatabricksProvider}: the workspace URL ({@code api_base}, required, such as
 * {@code https://adb-123.azuredatabricks.net}), the timeout and the HTTP client. Immutable; build with
 * {@link #builder()}. {@code toString()} shows the URL without user info or query.
 */
public final class DatabricksConfig extends HttpProviderConfig {
  private DatabricksConfig(HttpTransport transport) {
    super(transport);
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
    return preload(new Builder());
  }

  /** The workspace URL. */
  public URI apiBase() {
    return apiBaseUrl().uri();
  }

  HttpUrl apiBaseUrl() {
    return transport().requiredEndpoint();
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof DatabricksConfig && transport().equals(((DatabricksConfig) o).transport());
  }

  @Override
  public int hashCode() {
    return transport().hashCode();
  }

  @Override
  public String toString() {
    return "DatabricksConfig{apiBase=" + transport().redactedEndpoint() + ", " + transport().describeClient() + "}";
  }

  /** Builds a {@link DatabricksConfig}; validated in {@link #build()}. */
  public static final class Builder extends HttpTransport.Builder<Builder> {
    private Builder() {
      super(null);
    }

    /** The workspace URL, such as {@code https://adb-123.azuredatabricks.net}; a trailing slash is fine. */
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
     * @throws InvalidRequestException without an api_base, or naming the invalid field
     */
    public DatabricksConfig build() {
      requireEndpoint("databricks provider requires api_base (the workspace URL)");
      return new DatabricksConfig(
          buildTransport("databricks", UrlPaths.parse(endpointText(), "databricks api_base")));
    }
  }
}
