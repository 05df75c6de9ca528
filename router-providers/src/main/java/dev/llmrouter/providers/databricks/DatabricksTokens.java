package dev.llmrouter.providers.databricks;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.CachingTokenProvider;
import dev.llmrouter.auth.TokenProvider;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.HttpClients;
import dev.llmrouter.providers.http.UrlPaths;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token sources for Databricks service principals (OAuth machine-to-machine): each POSTs
 * {@code <api_base>/oidc/v1/token} with HTTP Basic {@code client_id:client_secret} and the form
 * {@code grant_type=client_credentials&scope=all-apis}, and is a {@link CachingTokenProvider}: a token is
 * reused until it has less than the refresh skew (default 60 s) left, concurrent callers share one fetch,
 * and a token the serving endpoint rejected with 401 is dropped so the retry gets a fresh one.
 *
 * <p>Use: {@code AuthConfig auth = DatabricksTokens.auth(apiBase, DatabricksCredentials.of(id, secret));}
 * and register it with the {@link DatabricksProvider}. Keep one token source per service principal and
 * workspace: it is the cache (the Rust {@code DatabricksTokenManager} keyed its cache by client id and
 * api_base instead, and did not coalesce concurrent fetches).
 *
 * <p>A failure is an {@link AuthException} reading {@code Databricks OAuth error: <text>}, where the text is
 * the reply's {@code error_description}, else its {@code error}, else its HTTP status. The secret never
 * appears in a message, a log line or {@code toString()}.
 */
public final class DatabricksTokens {
  /** The token endpoint's path under the workspace URL. */
  public static final String TOKEN_PATH = "/oidc/v1/token";

  /** The OAuth scope requested. */
  public static final String SCOPE = "all-apis";

  /** The default timeout of one token request. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Token replies larger than this are rejected. */
  static final long MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DatabricksTokens.class);

  private DatabricksTokens() {}

  /**
   * A caching token source for {@code credentials} on the workspace {@code apiBase}, with the default HTTP
   * settings, timeout and refresh skew.
   *
   * @throws InvalidRequestException if {@code apiBase} is not an http(s) URL
   * @throws AuthException if the credentials are missing
   */
  public static TokenProvider servicePrincipal(String apiBase, DatabricksCredentials credentials) {
    return builder().apiBase(apiBase).credentials(credentials).build();
  }

  /**
   * {@link AuthConfig#tokens(TokenProvider)} over {@link #servicePrincipal(String, DatabricksCredentials)}:
   * the auth to register with a {@link DatabricksProvider}.
   */
  public static AuthConfig auth(String apiBase, DatabricksCredentials credentials) {
    return AuthConfig.tokens(servicePrincipal(apiBase, credentials));
  }

  /** A builder for a token source with non-default HTTP settings, timeout, skew or clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The token request and reply handling; the fetch function of the caching provider. */
  private static final class Fetcher {
    private final HttpUrl tokenUrl;
    private final DatabricksCredentials credentials;
    private final OkHttpClient client;
    private final String userAgent;
    private final Clock clock;

    Fetcher(HttpUrl tokenUrl, DatabricksCredentials credentials, OkHttpClient client, String userAgent, Clock clock) {
      this.tokenUrl = tokenUrl;
      this.credentials = credentials;
      this.client = client;
      this.userAgent = userAgent;
      this.clock = clock;
    }

    AccessToken fetch() {
      Request request =
          new Request.Builder()
              .url(tokenUrl)
              .header("User-Agent", userAgent)
              .header(
                  "Authorization",
                  Credentials.basic(credentials.clientId(), credentials.clientSecret(), StandardCharsets.UTF_8))
              .post(new FormBody.Builder().add("grant_type", "client_credentials").add("scope", SCOPE).build())
              .build();
      LOG.debug("Databricks OAuth: requesting a token for client {} from {}", credentials.clientId(),
          UrlPaths.redact(tokenUrl));
      try (Response response = client.newCall(request).execute()) {
        return parse(response.code(), response.message(), readBody(response.body()));
      } catch (IOException e) {
        throw new AuthException(
            "Databricks OAuth token request to " + UrlPaths.redact(tokenUrl) + " failed: " + describe(e), e);
      }
    }

    private static byte[] readBody(ResponseBody body) throws IOException {
      BufferedSource source = body.source();
      if (source.request(MAX_TOKEN_RESPONSE_BYTES + 1)) {
        throw new AuthException(
            "Databricks OAuth error: the token reply is larger than " + MAX_TOKEN_RESPONSE_BYTES + " bytes");
      }
      return source.readByteArray();
    }

    private AccessToken parse(int status, String reason, byte[] body) {
      String statusText = "HTTP " + status + (reason == null || reason.isEmpty() ? "" : " " + reason);
      String[] problem = new String[1];
      Optional<Map<String, String>> read = FlatJson.read(body, problem);
      if (read.isEmpty()) {
        throw new AuthException(
            "Databricks OAuth error: " + statusText + "; the token reply is " + problem[0]);
      }
      Map<String, String> members = read.get();
      String token = members.get("access_token");
      String tokenType = members.get("token_type");
      String expiresIn = members.get("expires_in");
      if (status >= 200 && status < 300 && notEmpty(token) && notEmpty(tokenType) && notEmpty(expiresIn)) {
        if (!"bearer".equalsIgnoreCase(tokenType)) {
          throw new AuthException(
              "Databricks OAuth error: token_type '" + tokenType + "' is not supported, only Bearer");
        }
        long seconds = parseSeconds(expiresIn);
        LOG.debug("Databricks OAuth: got a token for client {} valid for {} s", credentials.clientId(), seconds);
        return AccessToken.of(token, Instant.now(clock).plusSeconds(seconds));
      }
      String message;
      if (notEmpty(members.get("error_description"))) {
        message = members.get("error_description");
      } else if (notEmpty(members.get("error"))) {
        message = members.get("error");
      } else if (status >= 200 && status < 300) {
        message = statusText + " without access_token, token_type and expires_in";
      } else {
        message = statusText;
      }
      throw new AuthException("Databricks OAuth error: " + message);
    }

    private static long parseSeconds(String expiresIn) {
      try {
        return new BigDecimal(expiresIn).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw new AuthException(
            "Databricks OAuth error: expires_in is not a whole number of seconds: '" + expiresIn + "'");
      }
    }
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isEmpty()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }

  /** Builds a Databricks token source; {@link #apiBase} and {@link #credentials} are required. */
  public static final class Builder {
    private String apiBase;
    private DatabricksCredentials credentials;
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration refreshSkew = CachingTokenProvider.DEFAULT_SKEW;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The workspace URL, the same as the provider's {@code api_base}; a trailing slash is fine. */
    public Builder apiBase(String apiBase) {
      this.apiBase = apiBase;
      return this;
    }

    /** Like {@link #apiBase(String)}. */
    public Builder apiBase(URI apiBase) {
      this.apiBase = apiBase == null ? null : apiBase.toString();
      return this;
    }

    /** The service principal. */
    public Builder credentials(DatabricksCredentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** HTTP settings for the token requests (default {@link ClientSettings#defaults()}). */
    public Builder clientSettings(ClientSettings clientSettings) {
      this.clientSettings = clientSettings;
      return this;
    }

    /** A client for the token requests instead of the shared one for the settings. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** The timeout of one token request (default 30 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** How long before expiry a token is refreshed (default 60 s). */
    public Builder refreshSkew(Duration refreshSkew) {
      this.refreshSkew = refreshSkew;
      return this;
    }

    /** The clock that expiry is computed and checked with (tests). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The caching token source.
     *
     * @throws InvalidRequestException for a missing or invalid api_base, timeout, skew, settings or clock
     * @throws AuthException without credentials
     */
    public TokenProvider build() {
      if (apiBase == null || apiBase.isBlank()) {
        throw new InvalidRequestException("Databricks OAuth needs the workspace URL (api_base)");
      }
      if (credentials == null) {
        throw new AuthException("Databricks OAuth needs service principal credentials");
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new InvalidRequestException("Databricks OAuth timeout must be a positive duration, got " + timeout);
      }
      if (refreshSkew == null || refreshSkew.isNegative()) {
        throw new InvalidRequestException("Databricks OAuth refresh skew must not be negative, got " + refreshSkew);
      }
      if (clientSettings == null || clock == null) {
        throw new InvalidRequestException("Databricks OAuth clientSettings and clock must not be null");
      }
      HttpUrl base = UrlPaths.parse(apiBase, "databricks api_base");
      HttpUrl tokenUrl = UrlPaths.pushSegments(base, "oidc", "v1", "token");
      OkHttpClient client = HttpClients.select(Optional.ofNullable(httpClient), clientSettings, Optional.of(timeout));
      Fetcher fetcher = new Fetcher(tokenUrl, credentials, client, clientSettings.userAgent(), clock);
      String description =
          "Databricks OAuth (client " + credentials.clientId() + " at " + UrlPaths.redact(base) + ")";
      return CachingTokenProvider.of(description, fetcher::fetch, refreshSkew, clock);
    }
  }
}
