package dev.llmrouter.auth;

import dev.llmrouter.error.AuthException;
import dev.llmrouter.http.HeaderSink;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for one provider registration. Immutable; {@code toString()} never shows a secret.
 *
 * <p>Most kinds become request headers through {@link #applyTo(HeaderSink)}; AWS SigV4 is applied by the
 * Bedrock provider, which signs the exact bytes it sends.
 */
public sealed interface AuthConfig
    permits AuthConfig.ApiKey,
        AuthConfig.OAuth,
        AuthConfig.AzureEntra,
        AuthConfig.AwsSigV4,
        AuthConfig.Custom,
        AuthConfig.RefreshingToken {

  /** The kind of credentials. */
  AuthType type();

  /** Writes the credential headers; does nothing for kinds that are applied by signing. */
  void applyTo(HeaderSink headers);

  /** {@code authorization: Bearer <key>}, the OpenAI convention. */
  static ApiKey bearer(String key) {
    return new ApiKey(key, "authorization", "Bearer");
  }

  /** A key sent in {@code header} with an optional prefix, e.g. ({@code x-api-key}, no prefix). */
  static ApiKey apiKey(String key, String header, String prefix) {
    return new ApiKey(key, header, prefix);
  }

  /** {@code authorization: Bearer <token>} from an OAuth access token. */
  static OAuth oauth(String accessToken) {
    return new OAuth(accessToken, null);
  }

  /** {@code authorization: Bearer <token>} from an Azure Entra (AAD) token. */
  static AzureEntra azureEntra(String bearerToken) {
    return new AzureEntra(bearerToken);
  }

  /** Arbitrary headers, e.g. for a gateway that wants two keys. */
  static Custom custom(Map<String, String> headers) {
    return new Custom(headers);
  }

  /**
   * {@code authorization: Bearer <token>} with a token fetched (and refreshed) by {@code provider}: Google
   * service accounts and application-default credentials, Azure Entra, Databricks service principals.
   */
  static RefreshingToken tokens(TokenProvider provider) {
    return new RefreshingToken(provider, "Bearer");
  }

  /** An API key in a header; the value is the key, or the prefix, one space and the key. */
  final class ApiKey implements AuthConfig {
    private final String key;
    private final String header;
    private final String prefix;

    ApiKey(String key, String header, String prefix) {
      this.key = requireSecret(key, "api key");
      this.header = header == null || header.isEmpty() ? "authorization" : header;
      HeaderValidation.requireName(this.header);
      this.prefix = prefix;
    }

    @Override
    public AuthType type() {
      return AuthType.API_KEY;
    }

    /** The key itself; providers that must send {@code Authorization: Bearer} read it here. */
    public String key() {
      return key;
    }

    /** The header the key goes in (default {@code authorization}). */
    public String header() {
      return header;
    }

    /** The prefix written before the key, such as {@code Bearer}. */
    public Optional<String> prefix() {
      return Optional.ofNullable(prefix);
    }

    /** The header value: the key, or prefix + one space + key (no doubled space). */
    public String headerValue() {
      if (prefix == null) {
        return key;
      }
      return prefix.endsWith(" ") ? prefix + key : prefix + " " + key;
    }

    @Override
    public void applyTo(HeaderSink headers) {
      headers.set(header, HeaderValidation.requireValue(header, headerValue()));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ApiKey other
          && key.equals(other.key)
          && header.equals(other.header)
          && Objects.equals(prefix, other.prefix);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, header, prefix);
    }

    @Override
    public String toString() {
      return "ApiKey{header=" + header + ", prefix=" + prefix + ", key=" + Redaction.redact(key) + "}";
    }
  }

  /** An OAuth access token sent as {@code authorization: <tokenType> <token>}; the type defaults to Bearer. */
  final class OAuth implements AuthConfig {
    private final String accessToken;
    private final String tokenType;

    OAuth(String accessToken, String tokenType) {
      this.accessToken = requireSecret(accessToken, "access token");
      this.tokenType = tokenType == null || tokenType.isEmpty() ? "Bearer" : tokenType;
    }

    /** An OAuth token with an explicit token type. */
    public static OAuth of(String accessToken, String tokenType) {
      return new OAuth(accessToken, tokenType);
    }

    @Override
    public AuthType type() {
      return AuthType.OAUTH;
    }

    /** The access token. */
    public String accessToken() {
      return accessToken;
    }

    /** The token type written before it (default {@code Bearer}). */
    public String tokenType() {
      return tokenType;
    }

    @Override
    public void applyTo(HeaderSink headers) {
      headers.set("authorization", HeaderValidation.requireValue("authorization", tokenType + " " + accessToken));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OAuth other
          && accessToken.equals(other.accessToken)
          && tokenType.equals(other.tokenType);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accessToken, tokenType);
    }

    @Override
    public String toString() {
      return "OAuth{tokenType=" + tokenType + ", accessToken=" + Redaction.redact(accessToken) + "}";
    }
  }

  /** A static Azure Entra bearer token (token acquisition comes with the cloud-auth issue). */
  final class AzureEntra implements AuthConfig {
    private final String bearerToken;

    AzureEntra(String bearerToken) {
      this.bearerToken = requireSecret(bearerToken, "Azure Entra token");
    }

    @Override
    public AuthType type() {
      return AuthType.AZURE_ENTRA;
    }

    /** The bearer token. */
    public String bearerToken() {
      return bearerToken;
    }

    @Override
    public void applyTo(HeaderSink headers) {
      headers.set("authorization", HeaderValidation.requireValue("authorization", "Bearer " + bearerToken));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AzureEntra other && bearerToken.equals(other.bearerToken);
    }

    @Override
    public int hashCode() {
      return bearerToken.hashCode();
    }

    @Override
    public String toString() {
      return "AzureEntra{bearerToken=" + Redaction.redact(bearerToken) + "}";
    }
  }

  /**
   * AWS credentials for SigV4 signing: static keys (with an optional session token), or the AWS default
   * credentials chain (environment, profile, container, instance metadata), resolved by the Bedrock
   * provider. An empty service means the provider's own signing name ({@code bedrock}); the Rust README's
   * {@code bedrock-runtime} is not a valid signing name.
   */
  final class AwsSigV4 implements AuthConfig {
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final String profile;
    private final String region;
    private final String service;

    private AwsSigV4(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        String profile,
        String region,
        String service) {
      this.accessKeyId = accessKeyId;
      this.secretAccessKey = secretAccessKey;
      this.sessionToken = sessionToken == null || sessionToken.isEmpty() ? null : sessionToken;
      this.profile = profile == null || profile.isEmpty() ? null : profile;
      if (region == null || region.isBlank()) {
        throw new AuthException("AWS region is missing or empty");
      }
      this.region = region;
      this.service = service == null ? "" : service;
    }

    /** Static credentials for {@code region}; service left to the provider. */
    public static AwsSigV4 of(String accessKeyId, String secretAccessKey, String region) {
      return of(accessKeyId, secretAccessKey, null, region, "");
    }

    /** Static credentials with every field. */
    public static AwsSigV4 of(
        String accessKeyId, String secretAccessKey, String sessionToken, String region, String service) {
      return new AwsSigV4(
          requireSecret(accessKeyId, "AWS access key id"),
          requireSecret(secretAccessKey, "AWS secret access key"),
          sessionToken,
          null,
          region,
          service);
    }

    /** The AWS default credentials chain for {@code region}. */
    public static AwsSigV4 defaultChain(String region) {
      return new AwsSigV4(null, null, null, null, region, "");
    }

    /** The default credentials chain reading a named profile of the shared config files. */
    public static AwsSigV4 profile(String profileName, String region) {
      return new AwsSigV4(null, null, null, requireSecret(profileName, "AWS profile name"), region, "");
    }

    @Override
    public AuthType type() {
      return AuthType.AWS_SIGNATURE_V4;
    }

    /** Whether credentials come from the default chain (or a profile) rather than static keys. */
    public boolean usesDefaultChain() {
      return accessKeyId == null;
    }

    /** The static access key id. */
    public Optional<String> accessKeyId() {
      return Optional.ofNullable(accessKeyId);
    }

    /** The static secret access key. */
    public Optional<String> secretAccessKey() {
      return Optional.ofNullable(secretAccessKey);
    }

    public Optional<String> sessionToken() {
      return Optional.ofNullable(sessionToken);
    }

    /** The shared-config profile to read, when one was named. */
    public Optional<String> profile() {
      return Optional.ofNullable(profile);
    }

    public String region() {
      return region;
    }

    /** The signing name, empty when the provider's default applies. */
    public String service() {
      return service;
    }

    /** Does nothing: SigV4 signs the final request bytes, which only the provider has. */
    @Override
    public void applyTo(HeaderSink headers) {}

    @Override
    public boolean equals(Object o) {
      return o instanceof AwsSigV4 other
          && Objects.equals(accessKeyId, other.accessKeyId)
          && Objects.equals(secretAccessKey, other.secretAccessKey)
          && Objects.equals(sessionToken, other.sessionToken)
          && Objects.equals(profile, other.profile)
          && region.equals(other.region)
          && service.equals(other.service);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accessKeyId, secretAccessKey, sessionToken, profile, region, service);
    }

    @Override
    public String toString() {
      if (usesDefaultChain()) {
        return "AwsSigV4{credentials=" + (profile == null ? "default chain" : "profile " + profile)
            + ", region=" + region + ", service=" + service + "}";
      }
      return "AwsSigV4{accessKeyId="
          + Redaction.redact(accessKeyId)
          + ", secretAccessKey=***, sessionToken="
          + (sessionToken == null ? "none" : "***")
          + ", region="
          + region
          + ", service="
          + service
          + "}";
    }
  }

  /**
   * A bearer token fetched per request from a {@link TokenProvider} (usually a
   * {@link CachingTokenProvider}); providers report a 401 back to it and retry once with a fresh token.
   */
  final class RefreshingToken implements AuthConfig {
    private final TokenProvider provider;
    private final String tokenType;

    RefreshingToken(TokenProvider provider, String tokenType) {
      this.provider = Objects.requireNonNull(provider, "provider");
      this.tokenType = tokenType;
    }

    @Override
    public AuthType type() {
      return AuthType.REFRESHING_TOKEN;
    }

    /** The token source. */
    public TokenProvider provider() {
      return provider;
    }

    /** The current token (fetching one if needed). */
    public AccessToken currentToken() {
      return provider.token();
    }

    /** The header value for {@code token}. */
    public String headerValue(AccessToken token) {
      return tokenType + " " + token.value();
    }

    @Override
    public void applyTo(HeaderSink headers) {
      headers.set("authorization", HeaderValidation.requireValue("authorization", headerValue(currentToken())));
    }

    @Override
    public String toString() {
      return "RefreshingToken{" + provider + "}";
    }
  }

  /** Arbitrary credential headers, applied in insertion order; names and values validated up front. */
  final class Custom implements AuthConfig {
    private final Map<String, String> headers;

    Custom(Map<String, String> headers) {
      Objects.requireNonNull(headers, "headers");
      LinkedHashMap<String, String> copy = new LinkedHashMap<>();
      headers.forEach(
          (name, value) -> {
            HeaderValidation.requireName(name);
            copy.put(name, HeaderValidation.requireValue(name, value));
          });
      this.headers = Collections.unmodifiableMap(copy);
    }

    @Override
    public AuthType type() {
      return AuthType.CUSTOM;
    }

    /** The configured headers. */
    public Map<String, String> headers() {
      return headers;
    }

    @Override
    public void applyTo(HeaderSink sink) {
      headers.forEach(sink::set);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Custom other && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
      return headers.hashCode();
    }

    @Override
    public String toString() {
      return "Custom{headers=" + headers.keySet() + ", values=***}";
    }
  }

  private static String requireSecret(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new AuthException(what + " is missing or empty");
    }
    return value;
  }
}
