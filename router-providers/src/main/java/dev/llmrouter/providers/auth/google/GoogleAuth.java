package dev.llmrouter.providers.auth.google;

import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.CachingTokenProvider;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google credentials for the {@code google} (Gemini) and {@code vertex} providers, as
 * {@link AuthConfig.RefreshingToken}s: each request sends {@code Authorization: Bearer <token>}, tokens are
 * fetched through google-auth-library, cached until 60 s before their real expiry, fetched once for all
 * concurrent callers, and refreshed when the upstream answers 401.
 *
 * <ul>
 *   <li>{@link #serviceAccount(String)} (also bytes or a file): a service-account key JSON; tokens come from
 *       the OAuth JWT-bearer flow at the key's {@code token_uri} (default {@value #DEFAULT_TOKEN_URI}).
 *   <li>{@link #applicationDefault()}: application-default credentials ({@code GOOGLE_APPLICATION_CREDENTIALS},
 *       the gcloud well-known file, or the metadata server on Google Cloud).
 *   <li>{@link #credentials(GoogleCredentials)}: any google-auth-library credentials (impersonation,
 *       workload identity federation, ...).
 *   <li>{@link #accessToken(String)}: a token obtained elsewhere, which cannot be refreshed.
 * </ul>
 *
 * <p>The scopes default to {@value #CLOUD_PLATFORM_SCOPE}; token requests go through the router's OkHttp
 * client ({@link GoogleAuthOptions}). Keys and tokens never appear in messages, logs or {@code toString()}.
 * Create these once at startup and reuse them: each instance has its own token cache.
 */
public final class GoogleAuth {
  /** The scope requested unless {@link GoogleAuthOptions#scopes()} says otherwise. */
  public static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  /** Google's OAuth token endpoint, used when a service-account key names none. */
  public static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

  private static final Logger LOG = LoggerFactory.getLogger(GoogleAuth.class);

  private GoogleAuth() {}

  /** Service-account credentials from the key JSON text, with the default options. */
  public static AuthConfig.RefreshingToken serviceAccount(String json) {
    return serviceAccount(json, GoogleAuthOptions.defaults());
  }

  /**
   * Service-account credentials from the key JSON text.
   *
   * @throws AuthException if the JSON is not a usable service-account key (the message names the problem,
   *     never the key)
   */
  public static AuthConfig.RefreshingToken serviceAccount(String json, GoogleAuthOptions options) {
    if (json == null) {
      throw new AuthException("Google service account JSON is missing");
    }
    return serviceAccount(json.getBytes(StandardCharsets.UTF_8), options);
  }

  /** Service-account credentials from the key JSON bytes (UTF-8), with the default options. */
  public static AuthConfig.RefreshingToken serviceAccount(byte[] json) {
    return serviceAccount(json, GoogleAuthOptions.defaults());
  }

  /**
   * Service-account credentials from the key JSON bytes (UTF-8).
   *
   * @throws AuthException if the JSON is not a usable service-account key
   */
  public static AuthConfig.RefreshingToken serviceAccount(byte[] json, GoogleAuthOptions options) {
    GoogleAuthOptions opts = requireOptions(options);
    ServiceAccountCredentials credentials = parseServiceAccount(json, opts);
    return refreshing(credentials, "Google service account " + credentials.getClientEmail());
  }

  /** Service-account credentials from a key file, with the default options. */
  public static AuthConfig.RefreshingToken serviceAccount(Path file) {
    return serviceAccount(file, GoogleAuthOptions.defaults());
  }

  /**
   * Service-account credentials from a key file.
   *
   * @throws AuthException if the file cannot be read or is not a usable service-account key
   */
  public static AuthConfig.RefreshingToken serviceAccount(Path file, GoogleAuthOptions options) {
    if (file == null) {
      throw new AuthException("Google service account file path is missing");
    }
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AuthException(
          "cannot read the Google service account file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    return serviceAccount(json, options);
  }

  /** Application-default credentials, with the default options. */
  public static AuthConfig.RefreshingToken applicationDefault() {
    return applicationDefault(GoogleAuthOptions.defaults());
  }

  /**
   * Application-default credentials: the file named by {@code GOOGLE_APPLICATION_CREDENTIALS}, else
   * gcloud's well-known file, else the Google Cloud metadata server. Looking them up may block (file reads,
   * a metadata-server probe), so call this at startup. google-auth-library caches what it finds for the
   * life of the JVM, together with the HTTP client of the first lookup.
   *
   * @throws AuthException if none are found, naming where to set them up
   */
  public static AuthConfig.RefreshingToken applicationDefault(GoogleAuthOptions options) {
    GoogleAuthOptions opts = requireOptions(options);
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.getApplicationDefault(transportFactory(opts));
    } catch (IOException | RuntimeException e) {
      throw new AuthException(
          "Google application-default credentials are not available: " + describe(e)
              + " (set GOOGLE_APPLICATION_CREDENTIALS to a key file, run 'gcloud auth application-default login',"
              + " or run on Google Cloud)",
          e);
    }
    return credentials(credentials, opts, "Google application-default credentials");
  }

  /** Tokens from any google-auth-library credentials, scoped with the default scope when they need one. */
  public static AuthConfig.RefreshingToken credentials(GoogleCredentials credentials) {
    return credentials(credentials, GoogleAuthOptions.defaults());
  }

  /**
   * Tokens from any google-auth-library credentials, scoped with {@code options.scopes()} when they need
   * scopes. Their own HTTP transport is used (the options' client is not).
   */
  public static AuthConfig.RefreshingToken credentials(GoogleCredentials credentials, GoogleAuthOptions options) {
    if (credentials == null) {
      throw new AuthException("Google credentials are missing");
    }
    return credentials(credentials, requireOptions(options), "Google credentials");
  }

  /** A plain access token with no known expiry; it cannot be refreshed. */
  public static AuthConfig.RefreshingToken accessToken(String token) {
    return accessToken(token, null);
  }

  /**
   * A plain access token that expires at {@code expiresAt} ({@code null}: unknown). It cannot be refreshed:
   * once expired, requests fail with an {@link AuthException} saying so, and a 401 retry resends it.
   *
   * @throws AuthException if the token is missing or empty
   */
  public static AuthConfig.RefreshingToken accessToken(String token, Instant expiresAt) {
    if (token == null || token.isBlank()) {
      throw new AuthException("Google access token is missing or empty");
    }
    AccessToken fixed = expiresAt == null ? AccessToken.nonExpiring(token) : AccessToken.of(token, expiresAt);
    return AuthConfig.tokens(
        CachingTokenProvider.of(
            "Google access token",
            () -> {
              if (expiresAt != null && !Instant.now().isBefore(expiresAt)) {
                throw new AuthException(
                    "the Google access token expired at " + expiresAt + " and a plain access token cannot be"
                        + " refreshed; supply a new one, or use GoogleAuth.serviceAccount or"
                        + " GoogleAuth.applicationDefault");
              }
              return fixed;
            }));
  }

  private static AuthConfig.RefreshingToken credentials(
      GoogleCredentials credentials, GoogleAuthOptions options, String what) {
    GoogleCredentials scoped =
        credentials.createScopedRequired() ? credentials.createScoped(options.scopes()) : credentials;
    String description = what + " (" + scoped.getClass().getSimpleName() + ")";
    if (scoped instanceof ServiceAccountCredentials) {
      description = what + " (service account " + ((ServiceAccountCredentials) scoped).getClientEmail() + ")";
    }
    return refreshing(scoped, description);
  }

  private static AuthConfig.RefreshingToken refreshing(GoogleCredentials credentials, String description) {
    return AuthConfig.tokens(CachingTokenProvider.of(description, () -> fetch(credentials, description)));
  }

  /** One token request; called by the cache's single flight, so never concurrently for one cache. */
  private static AccessToken fetch(GoogleCredentials credentials, String description) {
    com.google.auth.oauth2.AccessToken token;
    try {
      token = credentials.refreshAccessToken();
    } catch (IOException | RuntimeException e) {
      throw new AuthException(description + ": the token request failed: " + describe(e), e);
    }
    if (token == null || token.getTokenValue() == null || token.getTokenValue().isEmpty()) {
      throw new AuthException(description + ": the token endpoint returned no access token");
    }
    Date expiry = token.getExpirationTime();
    LOG.debug("{}: fetched an access token, expires {}", description, expiry == null ? "never" : expiry.toInstant());
    return expiry == null
        ? AccessToken.nonExpiring(token.getTokenValue())
        : AccessToken.of(token.getTokenValue(), expiry.toInstant());
  }

  private static ServiceAccountCredentials parseServiceAccount(byte[] json, GoogleAuthOptions options) {
    if (json == null || json.length == 0) {
      throw new AuthException("Google service account JSON is missing or empty");
    }
    JsonObject key;
    try {
      JsonValue parsed = JsonTree.parse(json);
      key =
          parsed
              .asObject()
              .orElseThrow(() -> new AuthException("Google service account JSON is not a JSON object"));
    } catch (JsonSyntaxException e) {
      // The parser's message may quote the text around the error, which can be key material: positions only.
      throw new AuthException(
          "Google service account JSON is not valid JSON (line " + e.line() + ", column " + e.column() + ")");
    }
    Optional<String> type = stringField(key, "type");
    if (type.isPresent() && !type.get().equals("service_account")) {
      throw new AuthException(
          "Google credentials JSON has type '" + type.get() + "', not 'service_account'; use"
              + " GoogleAuth.applicationDefault or GoogleAuth.credentials for other kinds");
    }
    String clientEmail =
        stringField(key, "client_email")
            .orElseThrow(() -> new AuthException("Google service account JSON has no 'client_email'"));
    String privateKey =
        stringField(key, "private_key")
            .orElseThrow(() -> new AuthException("Google service account JSON has no 'private_key'"));
    URI tokenUri = tokenUri(stringField(key, "token_uri").orElse(DEFAULT_TOKEN_URI));
    ServiceAccountCredentials.Builder b =
        ServiceAccountCredentials.newBuilder()
            .setClientEmail(clientEmail)
            .setTokenServerUri(tokenUri)
            .setScopes(options.scopes())
            .setHttpTransportFactory(transportFactory(options));
    stringField(key, "client_id").ifPresent(b::setClientId);
    stringField(key, "private_key_id").ifPresent(b::setPrivateKeyId);
    stringField(key, "project_id").ifPresent(b::setProjectId);
    stringField(key, "quota_project_id").ifPresent(b::setQuotaProjectId);
    stringField(key, "universe_domain").ifPresent(b::setUniverseDomain);
    try {
      b.setPrivateKeyString(privateKey);
    } catch (IOException | RuntimeException e) {
      throw new AuthException(
          "the 'private_key' of Google service account " + clientEmail
              + " is not a PKCS#8 PEM RSA private key (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return b.build();
    } catch (RuntimeException e) {
      throw new AuthException(
          "Google service account " + clientEmail + " cannot be used: " + describe(e), e);
    }
  }

  private static URI tokenUri(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new AuthException("Google service account 'token_uri' is not an http(s) URL: " + safeUri(text));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new AuthException("Google service account 'token_uri' is not a valid URL: " + safeUri(text));
    }
  }

  /** A URI for messages: no user info and no query. */
  private static String safeUri(String text) {
    String shown = text;
    int query = shown.indexOf('?');
    if (query >= 0) {
      shown = shown.substring(0, query) + "?…";
    }
    int at = shown.lastIndexOf('@');
    if (at >= 0) {
      shown = "…@" + shown.substring(at + 1);
    }
    return shown;
  }

  /** A non-empty string member; empty strings count as absent (the Rust router treats an empty token_uri so). */
  private static Optional<String> stringField(JsonObject object, String name) {
    Optional<JsonValue> value = object.getNonNull(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> s = value.get().asString();
    if (s.isEmpty()) {
      throw new AuthException("Google service account JSON member '" + name + "' is not a string");
    }
    return s.get().isEmpty() ? Optional.empty() : s;
  }

  private static HttpTransportFactory transportFactory(GoogleAuthOptions options) {
    OkHttpTransport transport = new OkHttpTransport(options.client());
    return () -> transport;
  }

  private static GoogleAuthOptions requireOptions(GoogleAuthOptions options) {
    if (options == null) {
      throw new AuthException("Google auth options must not be null (use GoogleAuthOptions.defaults())");
    }
    return options;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isEmpty()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }
}
