package dev.llmrouter.providers.auth.azure;

import dev.llmrouter.error.AuthException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.providers.http.UrlPaths;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * An Entra ID (Azure AD) app registration's client-credentials grant: tenant, client id, client secret,
 * the scope to ask for (default {@value AzureEntraAuth#DEFAULT_SCOPE}) and an optional token URL (default
 * {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}). Used by
 * {@link AzureEntraTokenProvider}, which needs no Azure SDK. Immutable; {@code toString()} never shows the
 * secret.
 */
public final class AzureEntraCredentials {
  /** The Entra ID host of the public cloud. */
  public static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";

  private final String tenantId;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final String customTokenUrl;
  private final HttpUrl tokenUrl;

  private AzureEntraCredentials(Builder b) {
    this.tenantId = require(b.tenantId, "tenant id");
    this.clientId = require(b.clientId, "client id");
    if (b.clientSecret == null || b.clientSecret.isEmpty()) {
      throw new AuthException("Azure Entra client secret is missing or empty");
    }
    this.clientSecret = b.clientSecret;
    this.scope = require(b.scope, "scope");
    this.customTokenUrl = b.tokenUrl == null || b.tokenUrl.isBlank() ? null : b.tokenUrl;
    if (customTokenUrl != null) {
      HttpUrl parsed = HttpUrl.parse(customTokenUrl);
      if (parsed == null) {
        throw new AuthException("Azure Entra token URL is not a valid http(s) URL: " + UrlPaths.redact(customTokenUrl));
      }
      this.tokenUrl = parsed;
    } else {
      this.tokenUrl =
          UrlPaths.pushSegments(HttpUrl.get(DEFAULT_AUTHORITY), tenantId, "oauth2", "v2.0", "token");
    }
  }

  /** A builder; tenant id, client id and client secret are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Credentials from JSON such as
   * {@code {"tenant_id":"…","client_id":"…","client_secret":"…","scope":"…","token_url":"…"}} (the Rust
   * router's {@code AzureEntraCredentials}); {@code scope} and {@code token_url} are optional.
   *
   * @throws AuthException if the text is not such an object (the message never quotes the input)
   */
  public static AzureEntraCredentials fromJson(String json) {
    if (json == null) {
      throw new AuthException("Azure Entra credentials JSON is missing");
    }
    JsonObject o;
    try {
      JsonValue parsed = JsonTree.parse(json.getBytes(StandardCharsets.UTF_8));
      o = parsed.asObject().orElse(null);
    } catch (RuntimeException e) {
      // The parser's message may quote the input, secret included: leave it out.
      o = null;
    }
    if (o == null) {
      throw new AuthException(
          "failed to parse Azure Entra credentials JSON: expected an object with tenant_id, client_id, "
              + "client_secret and optionally scope and token_url");
    }
    Builder b = builder();
    b.tenantId(string(o, "tenant_id"));
    b.clientId(string(o, "client_id"));
    b.clientSecret(string(o, "client_secret"));
    String scope = string(o, "scope");
    if (scope != null) {
      b.scope(scope);
    }
    b.tokenUrl(string(o, "token_url"));
    return b.build();
  }

  private static String string(JsonObject o, String key) {
    Optional<JsonValue> v = o.getNonNull(key);
    if (v.isEmpty()) {
      return null;
    }
    return v.get().asString().orElseThrow(() -> new AuthException(
        "Azure Entra credentials JSON: '" + key + "' must be a string"));
  }

  /** The directory (tenant) id or domain. */
  public String tenantId() {
    return tenantId;
  }

  /** The application (client) id. */
  public String clientId() {
    return clientId;
  }

  /** The client secret. */
  public String clientSecret() {
    return clientSecret;
  }

  /** The scope asked for, such as {@code https://cognitiveservices.azure.com/.default}. */
  public String scope() {
    return scope;
  }

  /** The token URL given explicitly, if any. */
  public Optional<String> customTokenUrl() {
    return Optional.ofNullable(customTokenUrl);
  }

  /** Where tokens are requested: the custom URL, else {@code <authority>/<tenant>/oauth2/v2.0/token}. */
  public String tokenUrl() {
    return tokenUrl.toString();
  }

  HttpUrl tokenHttpUrl() {
    return tokenUrl;
  }

  /** A builder preloaded with these credentials. */
  public Builder toBuilder() {
    return builder()
        .tenantId(tenantId)
        .clientId(clientId)
        .clientSecret(clientSecret)
        .scope(scope)
        .tokenUrl(customTokenUrl);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AzureEntraCredentials)) {
      return false;
    }
    AzureEntraCredentials other = (AzureEntraCredentials) o;
    return tenantId.equals(other.tenantId)
        && clientId.equals(other.clientId)
        && clientSecret.equals(other.clientSecret)
        && scope.equals(other.scope)
        && Objects.equals(customTokenUrl, other.customTokenUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, clientId, scope, customTokenUrl);
  }

  @Override
  public String toString() {
    return "AzureEntraCredentials{tenantId=" + tenantId + ", clientId=" + clientId + ", scope=" + scope
        + ", tokenUrl=" + UrlPaths.redact(tokenUrl) + ", clientSecret=***}";
  }

  /** A short description for messages and logs: tenant and client id, never the secret. */
  String describe() {
    return "Azure Entra client credentials (tenant " + tenantId + ", client " + clientId + ")";
  }

  private static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new AuthException("Azure Entra " + what + " is missing or empty");
    }
    return value;
  }

  /** Builds {@link AzureEntraCredentials}; validated in {@link #build()}. */
  public static final class Builder {
    private String tenantId;
    private String clientId;
    private String clientSecret;
    private String scope = AzureEntraAuth.DEFAULT_SCOPE;
    private String tokenUrl;

    private Builder() {}

    /** The directory (tenant) id or domain (required). */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /** The application (client) id (required). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The client secret (required). */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** The scope to ask for (default {@value AzureEntraAuth#DEFAULT_SCOPE}). */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /** A token URL replacing the public-cloud default; {@code null} or blank for the default. */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    /**
     * The credentials.
     *
     * @throws AuthException when a required value is missing or the token URL is invalid
     */
    public AzureEntraCredentials build() {
      return new AzureEntraCredentials(this);
    }
  }
}
