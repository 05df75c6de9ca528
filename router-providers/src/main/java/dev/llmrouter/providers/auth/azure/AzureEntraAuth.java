package dev.llmrouter.providers.auth.azure;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.error.AuthException;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azure Entra ID (Azure AD) credentials for the Azure providers, as {@link AuthConfig.RefreshingToken}s:
 * tokens are fetched on first use, cached, refreshed 60 s before they expire (concurrent callers share
 * one fetch), and renewed once when Azure answers 401.
 *
 * <ul>
 *   <li>{@link #clientCredentials(AzureEntraCredentials)}: a client secret by the OAuth client-credentials
 *       grant, with no Azure SDK (see {@link AzureEntraTokenProvider}).
 *   <li>{@link #clientSecret}, {@link #managedIdentity()} and {@link #defaultCredential()}: through
 *       Microsoft's azure-identity library (client secret, managed identity, and the
 *       {@code DefaultAzureCredential} chain of environment, workload identity, managed identity, Azure
 *       CLI and so on). azure-identity is an <em>optional</em> dependency of this library: add
 *       {@value #AZURE_IDENTITY_DEPENDENCY} to use these. Without it on the classpath they throw an
 *       {@link AuthException} saying what to add, and nothing else in the library needs it.
 * </ul>
 *
 * <p>The default scope is {@value #DEFAULT_SCOPE} (Azure OpenAI and Azure AI services).
 */
public final class AzureEntraAuth {
  private static final Logger LOG = LoggerFactory.getLogger(AzureEntraAuth.class);

  /** The scope of Azure OpenAI and the other Azure AI services. */
  public static final String DEFAULT_SCOPE = "https://cognitiveservices.azure.com/.default";

  /** What to add to a build to use the azure-identity factories. */
  public static final String AZURE_IDENTITY_DEPENDENCY =
      "com.azure:azure-identity (with com.azure:azure-core-http-netty excluded) plus "
          + "com.azure:azure-core-http-jdk-httpclient";

  /** A class of azure-identity that the factories need. */
  static final String PROBE_CLASS = "com.azure.identity.ClientSecretCredentialBuilder";

  private AzureEntraAuth() {}

  /** Whether azure-identity is on the classpath, so {@link #clientSecret} and the others can work. */
  public static boolean azureIdentityAvailable() {
    try {
      Class.forName(PROBE_CLASS, false, AzureEntraAuth.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Tokens for an app registration's client secret by the client-credentials grant, requested directly
   * from the credentials' token URL (no azure-identity needed), through the shared HTTP client.
   */
  public static AuthConfig.RefreshingToken clientCredentials(AzureEntraCredentials credentials) {
    return AuthConfig.tokens(AzureEntraTokenProvider.create(credentials));
  }

  /** Like {@link #clientCredentials(AzureEntraCredentials)}, requesting tokens through {@code httpClient}. */
  public static AuthConfig.RefreshingToken clientCredentials(
      AzureEntraCredentials credentials, OkHttpClient httpClient) {
    return AuthConfig.tokens(AzureEntraTokenProvider.create(credentials, httpClient));
  }

  /**
   * Tokens for an app registration's client secret through azure-identity's
   * {@code ClientSecretCredential}, for the default scope.
   *
   * @throws AuthException if a value is missing or azure-identity is not on the classpath
   */
  public static AuthConfig.RefreshingToken clientSecret(String tenantId, String clientId, String clientSecret) {
    return clientSecret(tenantId, clientId, clientSecret, AzureIdentityOptions.defaults());
  }

  /**
   * Like {@link #clientSecret(String, String, String)} with options (scope, authority host).
   *
   * @throws AuthException if a value is missing or azure-identity is not on the classpath
   */
  public static AuthConfig.RefreshingToken clientSecret(
      String tenantId, String clientId, String clientSecret, AzureIdentityOptions options) {
    require(tenantId, "tenant id");
    require(clientId, "client id");
    if (clientSecret == null || clientSecret.isEmpty()) {
      throw new AuthException("Azure Entra client secret is missing or empty");
    }
    AzureIdentityOptions o = options(options);
    String description =
        "Azure Entra client secret via azure-identity (tenant " + tenantId + ", client " + clientId + ", scope "
            + o.scope() + ")";
    return refreshing(
        description, () -> AzureIdentityBridge.clientSecret(tenantId, clientId, clientSecret, o, description));
  }

  /**
   * Tokens of the system-assigned managed identity of the Azure host (VM, App Service, Functions, AKS,
   * Container Apps), through azure-identity's {@code ManagedIdentityCredential}, for the default scope.
   *
   * @throws AuthException if azure-identity is not on the classpath
   */
  public static AuthConfig.RefreshingToken managedIdentity() {
    return managedIdentity(Optional.empty(), AzureIdentityOptions.defaults());
  }

  /**
   * Tokens of the user-assigned managed identity with client id {@code clientId}.
   *
   * @throws AuthException if the client id is blank or azure-identity is not on the classpath
   */
  public static AuthConfig.RefreshingToken managedIdentity(String clientId) {
    return managedIdentity(
        Optional.of(require(clientId, "managed identity client id")), AzureIdentityOptions.defaults());
  }

  /**
   * Tokens of the system-assigned managed identity, with options (the scope; the authority options do not
   * apply to managed identities).
   *
   * @throws AuthException if azure-identity is not on the classpath
   */
  public static AuthConfig.RefreshingToken managedIdentity(AzureIdentityOptions options) {
    return managedIdentity(Optional.empty(), options);
  }

  /**
   * Tokens of the user-assigned managed identity with client id {@code clientId}, with options.
   *
   * @throws AuthException if the client id is blank or azure-identity is not on the classpath
   */
  public static AuthConfig.RefreshingToken managedIdentity(String clientId, AzureIdentityOptions options) {
    return managedIdentity(Optional.of(require(clientId, "managed identity client id")), options);
  }

  private static AuthConfig.RefreshingToken managedIdentity(Optional<String> clientId, AzureIdentityOptions options) {
    AzureIdentityOptions o = options(options);
    String description =
        "Azure Entra managed identity via azure-identity ("
            + clientId.map(id -> "client " + id).orElse("system-assigned") + ", scope " + o.scope() + ")";
    return refreshing(description, () -> AzureIdentityBridge.managedIdentity(clientId, o, description));
  }

  /**
   * Tokens from azure-identity's {@code DefaultAzureCredential} chain (environment variables, workload
   * identity, managed identity, Azure CLI, Azure Developer CLI, ...), for the default scope.
   *
   * @throws AuthException if azure-identity is not on the classpath
   */
  public static AuthConfig.RefreshingToken defaultCredential() {
    return defaultCredential(AzureIdentityOptions.defaults());
  }

  /**
   * Like {@link #defaultCredential()} with options (scope, authority host).
   *
   * @throws AuthException if azure-identity is not on the classpath
   */
  public static AuthConfig.RefreshingToken defaultCredential(AzureIdentityOptions options) {
    AzureIdentityOptions o = options(options);
    String description = "Azure Entra DefaultAzureCredential via azure-identity (scope " + o.scope() + ")";
    return refreshing(description, () -> AzureIdentityBridge.defaultCredential(o, description));
  }

  /**
   * Checks that azure-identity is present, then builds the credential through the bridge (the only class
   * that names azure-identity types, loaded only here) and wraps it in a caching token provider.
   */
  private static AuthConfig.RefreshingToken refreshing(String description, Supplier<IdentityTokenSource> bridge) {
    if (!azureIdentityAvailable()) {
      throw missingDependency(description, null);
    }
    IdentityTokenSource source;
    try {
      source = bridge.get();
    } catch (LinkageError e) {
      throw missingDependency(description, e);
    }
    IdentityTokenSource guarded =
        new IdentityTokenSource() {
          @Override
          public AccessToken fetch() {
            try {
              return source.fetch();
            } catch (LinkageError e) {
              throw missingDependency(description, e);
            }
          }

          @Override
          public void reset() {
            try {
              source.reset();
            } catch (LinkageError | RuntimeException e) {
              // The next fetch reports any real problem; the rejected token is already dropped.
              LOG.debug("{}: rebuilding the credential failed: {}", description, e.getClass().getName());
            }
          }
        };
    return AuthConfig.tokens(new IdentityTokenProvider(description, guarded));
  }

  static AuthException missingDependency(String description, LinkageError cause) {
    String message =
        description + " needs the optional dependency " + AZURE_IDENTITY_DEPENDENCY
            + ", which is not (completely) on the classpath"
            + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")")
            + "; or use AzureEntraAuth.clientCredentials(...), which needs no Azure SDK";
    return cause == null ? new AuthException(message) : new AuthException(message, cause);
  }

  private static AzureIdentityOptions options(AzureIdentityOptions options) {
    return options == null ? AzureIdentityOptions.defaults() : options;
  }

  private static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new AuthException("Azure Entra " + what + " is missing or empty");
    }
    return value;
  }
}
