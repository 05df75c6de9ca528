package dev.llmrouter.providers.auth.azure;

import dev.llmrouter.error.AuthException;
import dev.llmrouter.providers.http.UrlPaths;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Options of the azure-identity credentials made by {@link AzureEntraAuth}: the scope tokens are asked for
 * (default {@value AzureEntraAuth#DEFAULT_SCOPE}), the Entra authority host for sovereign or private
 * clouds (default: azure-identity's, the public cloud), and whether to skip Entra instance discovery
 * (for authorities azure-identity cannot validate, such as Azure Stack). Immutable; build with
 * {@link #builder()}.
 */
public final class AzureIdentityOptions {
  private static final AzureIdentityOptions DEFAULTS = builder().build();

  private final String scope;
  private final String authorityHost;
  private final boolean disableInstanceDiscovery;
  private final SSLContext sslContext;

  private AzureIdentityOptions(Builder b) {
    if (b.scope == null || b.scope.isBlank()) {
      throw new AuthException("Azure Entra scope must not be blank (default " + AzureEntraAuth.DEFAULT_SCOPE + ")");
    }
    this.scope = b.scope;
    this.authorityHost = b.authorityHost == null || b.authorityHost.isBlank() ? null : b.authorityHost;
    this.disableInstanceDiscovery = b.disableInstanceDiscovery;
    this.sslContext = b.sslContext;
  }

  /** The defaults: scope {@value AzureEntraAuth#DEFAULT_SCOPE}, public cloud, instance discovery on. */
  public static AzureIdentityOptions defaults() {
    return DEFAULTS;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The scope tokens are asked for. */
  public String scope() {
    return scope;
  }

  /** The Entra authority host, such as {@code https://login.microsoftonline.us}, when not the default. */
  public Optional<String> authorityHost() {
    return Optional.ofNullable(authorityHost);
  }

  /** Whether Entra instance discovery (authority validation) is skipped. */
  public boolean disableInstanceDiscovery() {
    return disableInstanceDiscovery;
  }

  /** A TLS context for token requests (tests against a local authority); needs azure-core-http-jdk-httpclient. */
  Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  @Override
  public String toString() {
    return "AzureIdentityOptions{scope=" + scope + ", authorityHost="
        + (authorityHost == null ? "default" : UrlPaths.redact(authorityHost))
        + ", disableInstanceDiscovery=" + disableInstanceDiscovery + "}";
  }

  /** Builds {@link AzureIdentityOptions}. */
  public static final class Builder {
    private String scope = AzureEntraAuth.DEFAULT_SCOPE;
    private String authorityHost;
    private boolean disableInstanceDiscovery;
    private SSLContext sslContext;

    private Builder() {}

    /** The scope tokens are asked for (default {@value AzureEntraAuth#DEFAULT_SCOPE}). */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /** The Entra authority host (https); {@code null} or blank for azure-identity's default. */
    public Builder authorityHost(String authorityHost) {
      this.authorityHost = authorityHost;
      return this;
    }

    /** Skip Entra instance discovery (default false). */
    public Builder disableInstanceDiscovery(boolean disable) {
      this.disableInstanceDiscovery = disable;
      return this;
    }

    /** Trust for token requests, through a JDK HTTP client (package tests only). */
    Builder sslContext(SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /**
     * The options.
     *
     * @throws AuthException if the scope is blank
     */
    public AzureIdentityOptions build() {
      return new AzureIdentityOptions(this);
    }
  }
}
