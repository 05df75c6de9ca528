package dev.llmrouter.providers.auth.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.error.AuthException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class (with {@link AzureJdkHttp}) that names azure-identity types. It is loaded only by
 * {@link AzureEntraAuth}'s azure-identity factories, after they checked that azure-identity is on the
 * classpath, so the rest of the library never needs the optional dependency. Its methods take and return
 * JDK and router types only.
 */
final class AzureIdentityBridge {
  private static final Logger LOG = LoggerFactory.getLogger(AzureIdentityBridge.class);

  private AzureIdentityBridge() {}

  static IdentityTokenSource clientSecret(
      String tenantId, String clientId, String clientSecret, AzureIdentityOptions options, String description) {
    return source(
        () -> {
          ClientSecretCredentialBuilder b =
              new ClientSecretCredentialBuilder().tenantId(tenantId).clientId(clientId).clientSecret(clientSecret);
          options.authorityHost().ifPresent(b::authorityHost);
          if (options.disableInstanceDiscovery()) {
            b.disableInstanceDiscovery();
          }
          options.sslContext().ifPresent(tls -> b.httpClient(AzureJdkHttp.client(tls)));
          return b.build();
        },
        options,
        description,
        clientSecret);
  }

  static IdentityTokenSource managedIdentity(
      Optional<String> clientId, AzureIdentityOptions options, String description) {
    return source(
        () -> {
          ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder();
          clientId.ifPresent(b::clientId);
          options.sslContext().ifPresent(tls -> b.httpClient(AzureJdkHttp.client(tls)));
          return b.build();
        },
        options,
        description,
        null);
  }

  static IdentityTokenSource defaultCredential(AzureIdentityOptions options, String description) {
    return source(
        () -> {
          DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder();
          options.authorityHost().ifPresent(b::authorityHost);
          if (options.disableInstanceDiscovery()) {
            b.disableInstanceDiscovery();
          }
          options.sslContext().ifPresent(tls -> b.httpClient(AzureJdkHttp.client(tls)));
          return b.build();
        },
        options,
        description,
        null);
  }

  /** Builds the credential now (so configuration errors show at once) and again on each reset. */
  private static IdentityTokenSource source(
      Supplier<TokenCredential> builder, AzureIdentityOptions options, String description, String secret) {
    Supplier<TokenCredential> build =
        () -> {
          try {
            return builder.get();
          } catch (RuntimeException e) {
            throw failure(description, "cannot be created", e, secret);
          }
        };
    AtomicReference<TokenCredential> credential = new AtomicReference<>(build.get());
    TokenRequestContext context = new TokenRequestContext().addScopes(options.scope());
    return new IdentityTokenSource() {
      @Override
      public AccessToken fetch() {
        com.azure.core.credential.AccessToken token;
        try {
          token = credential.get().getTokenSync(context);
        } catch (RuntimeException e) {
          throw failure(description, "could not get a token", e, secret);
        }
        if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
          throw new AuthException(description + " returned no token");
        }
        OffsetDateTime expiresAt = token.getExpiresAt();
        LOG.debug("{}: got a token expiring at {}", description, expiresAt);
        return expiresAt == null
            ? AccessToken.nonExpiring(token.getToken())
            : AccessToken.of(token.getToken(), expiresAt.toInstant());
      }

      @Override
      public void reset() {
        LOG.debug("{}: a token was rejected; rebuilding the credential to bypass its token cache", description);
        credential.set(build.get());
      }
    };
  }

  /**
   * An {@link AuthException} for a failure of azure-identity. Its cause is left out: azure-identity's
   * exceptions can carry request details; the message is scrubbed of the secret.
   */
  private static AuthException failure(String description, String what, RuntimeException e, String secret) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (secret != null && !secret.isEmpty()) {
      message = message.replace(secret, "***");
    }
    String hint = "";
    if (e instanceof IllegalStateException && message.contains("HttpClient")) {
      hint = "; add com.azure:azure-core-http-jdk-httpclient (or another azure-core HTTP client) to the classpath";
    }
    LOG.debug("{} {}: {}", description, what, e.getClass().getName());
    return new AuthException(description + " " + what + ": " + e.getClass().getSimpleName() + ": " + message + hint);
  }
}
