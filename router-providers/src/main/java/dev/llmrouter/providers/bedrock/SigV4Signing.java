package dev.llmrouter.providers.bedrock;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.error.AuthException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * AWS SigV4 for Bedrock with the AWS SDK v2 signer: signs {@code POST <url>} with the exact body bytes,
 * {@code content-type: application/json} and {@code host} (plus the {@code x-amz-date},
 * {@code x-amz-content-sha256} and, for temporary credentials, {@code x-amz-security-token} headers the
 * signer adds), with the path URI-encoded a second time as AWS requires for every service but S3, and
 * returns the headers to send (the signing name is chosen by {@link #service}): everything the signer
 * produced except {@code host}, which the HTTP client derives from the URL (sending it twice breaks
 * HTTP/2).
 *
 * <p>Credentials are the static keys of the {@link AuthConfig.AwsSigV4}, or, when it uses the default
 * chain, the SDK's {@link DefaultCredentialsProvider} (or a {@link ProfileCredentialsProvider} for a named
 * profile), created on first use, kept per profile for the life of the provider, and left to the SDK to
 * resolve lazily, cache and refresh. Thread-safe; holds no monitor while resolving or signing.
 */
final class SigV4Signing {
  private static final Logger LOG = LoggerFactory.getLogger(SigV4Signing.class);
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
  /** The signing name of the {@code bedrock-mantle.<region>.api.aws} host. */
  static final String MANTLE_SERVICE = "bedrock-mantle";
  /** The key of the default chain in {@link #chains} (profile names are never empty). */
  private static final String DEFAULT_CHAIN = "";

  private final String defaultService;
  private final Clock clock;
  private final Map<String, AwsCredentialsProvider> chains = new ConcurrentHashMap<>();

  SigV4Signing(String defaultService, Clock clock) {
    this.defaultService = defaultService;
    this.clock = clock;
  }

  /**
   * The headers that authenticate {@code POST url} with {@code body}, in the signer's order.
   *
   * @throws AuthException if no credentials can be resolved or signing fails
   */
  List<Map.Entry<String, String>> sign(HttpUrl url, byte[] body, AuthConfig.AwsSigV4 auth) {
    AwsCredentialsIdentity identity = credentials(auth);
    String service = service(url, auth);
    SdkHttpRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(toUri(url))
            .putHeader("content-type", "application/json")
            .build();
    SignedRequest signed;
    try {
      signed =
          SIGNER.sign(
              r ->
                  r.identity(identity)
                      .request(request)
                      .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                      .putProperty(AwsV4HttpSigner.REGION_NAME, auth.region())
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                      .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, true)
                      .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, true)
                      .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    } catch (RuntimeException e) {
      // The SDK's messages name the failing property, never a key.
      throw new AuthException(
          "failed to SigV4-sign the Bedrock request (region '" + auth.region() + "', service '" + service
              + "'): " + describe(e),
          e);
    }
    List<Map.Entry<String, String>> out = new ArrayList<>(6);
    signed
        .request()
        .forEachHeader(
            (name, values) -> {
              if (!"host".equalsIgnoreCase(name) && !values.isEmpty()) {
                out.add(Map.entry(name, values.get(0)));
              }
            });
    return out;
  }

  /**
   * The signing name: the credentials' own service; else {@code bedrock-mantle} for the mantle host, which
   * does not accept {@code bedrock} (the Rust router signed mantle calls as {@code bedrock}); else the
   * provider's configured service.
   */
  String service(HttpUrl url, AuthConfig.AwsSigV4 auth) {
    if (!auth.service().isEmpty()) {
      return auth.service();
    }
    String host = url.host();
    if (host.startsWith(MANTLE_SERVICE + ".") && host.endsWith(".api.aws")) {
      return MANTLE_SERVICE;
    }
    return defaultService;
  }

  private AwsCredentialsIdentity credentials(AuthConfig.AwsSigV4 auth) {
    if (!auth.usesDefaultChain()) {
      String id = auth.accessKeyId().orElseThrow(() -> new AuthException("AWS access key id is missing"));
      String secret =
          auth.secretAccessKey().orElseThrow(() -> new AuthException("AWS secret access key is missing"));
      Optional<String> token = auth.sessionToken();
      return token.isPresent()
          ? AwsSessionCredentialsIdentity.create(id, secret, token.get())
          : AwsCredentialsIdentity.create(id, secret);
    }
    String profile = auth.profile().orElse(DEFAULT_CHAIN);
    try {
      AwsCredentialsIdentity identity = chain(profile).resolveCredentials();
      if (identity == null) {
        throw new AuthException("the AWS credentials provider returned no credentials for Bedrock");
      }
      return identity;
    } catch (AuthException e) {
      throw e;
    } catch (RuntimeException e) {
      String source = profile.isEmpty() ? "the AWS default credentials chain" : "AWS profile '" + profile + "'";
      throw new AuthException(
          "could not resolve AWS credentials for Bedrock from " + source + ": " + describe(e), e);
    }
  }

  /** The chain for {@code profile}, created outside any lock; a racing duplicate is closed. */
  private AwsCredentialsProvider chain(String profile) {
    AwsCredentialsProvider existing = chains.get(profile);
    if (existing != null) {
      return existing;
    }
    AwsCredentialsProvider created =
        profile.equals(DEFAULT_CHAIN)
            ? DefaultCredentialsProvider.builder().build()
            : ProfileCredentialsProvider.builder().profileName(profile).build();
    AwsCredentialsProvider raced = chains.putIfAbsent(profile, created);
    if (raced != null) {
      closeQuietly(created);
      return raced;
    }
    LOG.debug("bedrock: using {} for SigV4 credentials", profile.isEmpty() ? "the default chain" : "a profile");
    return created;
  }

  private static void closeQuietly(AwsCredentialsProvider provider) {
    if (provider instanceof AutoCloseable) {
      try {
        ((AutoCloseable) provider).close();
      } catch (Exception e) {
        LOG.debug("closing an unused AWS credentials provider failed: {}", e.toString());
      }
    }
  }

  /** The URL exactly as OkHttp sends it (same encoded path and query), as the signer's URI. */
  private static URI toUri(HttpUrl url) {
    try {
      return new URI(url.toString());
    } catch (URISyntaxException e) {
      return url.uri();
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isEmpty()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }
}
