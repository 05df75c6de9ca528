package dev.llmrouter.providers.auth.azure;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.CachingTokenProvider;
import dev.llmrouter.auth.TokenProvider;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.provider.CancellationToken;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.HttpClients;
import dev.llmrouter.providers.http.HttpExecutor;
import dev.llmrouter.providers.http.UrlPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entra ID tokens by the OAuth 2.0 client-credentials grant, with no Azure SDK: a form POST of
 * {@code client_id}, {@code client_secret}, {@code scope} and {@code grant_type=client_credentials} to the
 * credentials' token URL, as the Rust router's {@code AzureEntraTokenManager} does. Tokens are cached
 * while they have more than 60 s left; concurrent callers that find no usable token share one request
 * (the Rust manager sends one per caller); a token an upstream rejected with 401 is dropped
 * ({@link #invalidate}). Thread-safe; no monitor is held while fetching.
 *
 * <p>Errors are {@link AuthException}s whose message prefers the endpoint's {@code error_description},
 * then {@code error}, then the HTTP status. The secret never appears in a message or log line.
 */
public final class AzureEntraTokenProvider implements TokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(AzureEntraTokenProvider.class);

  /** Longer lifetimes are capped (Entra tokens live about an hour; this only guards the arithmetic). */
  private static final long MAX_LIFETIME_SECONDS = Duration.ofDays(366).toSeconds();

  private final AzureEntraCredentials credentials;
  private final HttpExecutor http;
  private final Clock clock;
  private final CachingTokenProvider cache;

  private AzureEntraTokenProvider(AzureEntraCredentials credentials, OkHttpClient client, Clock clock) {
    if (credentials == null) {
      throw new AuthException("Azure Entra token provider needs credentials");
    }
    this.credentials = credentials;
    this.http = new HttpExecutor("azure_entra", client, ClientSettings.defaults());
    this.clock = clock;
    this.cache = CachingTokenProvider.of(credentials.describe(), this::fetch, CachingTokenProvider.DEFAULT_SKEW, clock);
  }

  /** Tokens for {@code credentials}, requested through the shared HTTP client with default settings. */
  public static AzureEntraTokenProvider create(AzureEntraCredentials credentials) {
    return new AzureEntraTokenProvider(
        credentials, HttpClients.forSettings(ClientSettings.defaults()), Clock.systemUTC());
  }

  /** Tokens for {@code credentials}, requested through {@code httpClient} (proxies, timeouts, TLS). */
  public static AzureEntraTokenProvider create(AzureEntraCredentials credentials, OkHttpClient httpClient) {
    if (httpClient == null) {
      throw new AuthException("Azure Entra token provider needs an HTTP client (or use create(credentials))");
    }
    return new AzureEntraTokenProvider(credentials, httpClient, Clock.systemUTC());
  }

  /** The credentials tokens are requested for. */
  public AzureEntraCredentials credentials() {
    return credentials;
  }

  /**
   * A token with more than 60 s left, fetching one when the cached one is missing or about to expire.
   *
   * @throws AuthException if the token endpoint cannot be reached or refuses the credentials
   */
  @Override
  public AccessToken token() {
    return cache.token();
  }

  @Override
  public void invalidate(String rejectedValue) {
    cache.invalidate(rejectedValue);
  }

  /** One token request, bypassing the cache. */
  AccessToken fetch() {
    byte[] form = form();
    byte[] body;
    String status;
    try {
      body =
          http.post(
              credentials.tokenHttpUrl(),
              sink -> {
                sink.set("content-type", "application/x-www-form-urlencoded");
                sink.set("accept", "application/json");
              },
              form,
              new CancellationToken());
      status = "HTTP 200";
    } catch (UpstreamHttpException e) {
      body = e.body();
      status = "HTTP " + e.status();
    } catch (RouterException e) {
      throw new AuthException(
          credentials.describe() + ": token request to " + UrlPaths.redact(credentials.tokenHttpUrl())
              + " failed: " + scrub(e.getMessage()),
          e);
    }
    return parse(body, status);
  }

  private AccessToken parse(byte[] body, String status) {
    JsonObject o = asObject(body, status);
    if (o == null) {
      throw new AuthException("Azure Entra error: " + status + " (the token endpoint's reply is not a JSON object)");
    }
    Optional<String> token = o.getString("access_token").filter(t -> !t.isEmpty());
    Optional<Long> expiresIn = seconds(o.getNonNull("expires_in"));
    if (token.isPresent() && expiresIn.isPresent()) {
      long lifetime = Math.max(0, Math.min(expiresIn.get(), MAX_LIFETIME_SECONDS));
      Instant expiresAt = Instant.now(clock).plus(Duration.ofSeconds(lifetime));
      LOG.debug("{}: fetched a token valid for {} s", credentials.describe(), expiresIn.get());
      return AccessToken.of(token.get(), expiresAt);
    }
    String message =
        o.getString("error_description")
            .or(() -> o.getString("error"))
            .orElse(status + (token.isPresent() ? " (no expires_in in the reply)" : " (no access_token in the reply)"));
    throw new AuthException("Azure Entra error: " + scrub(message));
  }

  private JsonObject asObject(byte[] body, String status) {
    try {
      return JsonTree.parse(body).asObject().orElse(null);
    } catch (RuntimeException notJson) {
      LOG.debug("{}: the token endpoint answered {} with a body that is not JSON", credentials.describe(), status);
      return null;
    }
  }

  /** {@code expires_in} as a number or, as the v1 endpoint sends it, a numeric string. */
  private static Optional<Long> seconds(Optional<JsonValue> value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    JsonValue v = value.get();
    if (v instanceof JsonNumber) {
      OptionalLong n = ((JsonNumber) v).longValue();
      return n.isPresent() ? Optional.of(n.getAsLong()) : Optional.empty();
    }
    Optional<String> text = v.asString();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text.get().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private byte[] form() {
    FormBody form =
        new FormBody.Builder()
            .add("client_id", credentials.clientId())
            .add("client_secret", credentials.clientSecret())
            .add("scope", credentials.scope())
            .add("grant_type", "client_credentials")
            .build();
    try (Buffer buffer = new Buffer()) {
      form.writeTo(buffer);
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String scrub(String message) {
    if (message == null) {
      return "";
    }
    return message.replace(credentials.clientSecret(), "***");
  }

  @Override
  public String toString() {
    return "AzureEntraTokenProvider{" + credentials + "}";
  }
}
