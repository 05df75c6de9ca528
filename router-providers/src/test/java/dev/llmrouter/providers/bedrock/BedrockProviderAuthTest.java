package dev.llmrouter.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.CachingTokenProvider;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.http.HeaderSink;
import dev.llmrouter.provider.ProviderRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Header assembly and credentials: the Rust {@code build_headers_*} tests, SigV4 headers, the AWS default
 * chain and profiles, and secrets kept out of messages. No server needed.
 */
class BedrockProviderAuthTest {
  private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY-SECRET";
  private static final String TOKEN = "FwoGZXIvYXdzEXAMPLE-SESSION-TOKEN";
  private static final Instant T0 = Instant.parse("2024-01-02T03:04:05Z");

  private static BedrockProvider provider(Clock clock) {
    return new BedrockProvider(
        BedrockConfig.builder()
            .endpoint("https://bedrock-runtime.us-east-1.amazonaws.com/")
            .region("us-east-1")
            .signingClock(clock)
            .build());
  }

  private static BedrockProvider provider() {
    return provider(Clock.fixed(T0, ZoneOffset.UTC));
  }

  private static ProviderRequest request(AuthConfig auth, ClientHeaders headers) {
    return ProviderRequest.builder()
        .payload("{}".getBytes(StandardCharsets.UTF_8))
        .format(ProviderFormat.CONVERSE)
        .spec(ModelSpec.builder(MODEL, ProviderFormat.CONVERSE, ModelFlavor.CHAT).build())
        .auth(auth)
        .clientHeaders(headers)
        .build();
  }

  /** Runs the header writer of a converse request into a case-insensitive map (later writes win). */
  private static Map<String, String> headers(BedrockProvider p, AuthConfig auth, ClientHeaders client) {
    HttpUrl url = p.url(ProviderFormat.CONVERSE, MODEL, false);
    Consumer<HeaderSink> writer = p.headers(request(auth, client), url, false);
    return write(writer);
  }

  private static Map<String, String> write(Consumer<HeaderSink> writer) {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    writer.accept(out::put);
    return out;
  }

  @Test
  void buildHeadersSupportsApiKeyAuth() {
    Map<String, String> h =
        headers(provider(), AuthConfig.apiKey("test-api-key", "x-api-key", null), ClientHeaders.empty());
    assertThat(h).containsEntry("content-type", "application/json").containsEntry("x-api-key", "test-api-key");
    assertThat(h).doesNotContainKeys("authorization", "x-amz-date");
  }

  @Test
  void bedrockApiKeysAreUsuallyBearerTokens() {
    Map<String, String> h = headers(provider(), AuthConfig.bearer("bedrock-api-key-1"), ClientHeaders.empty());
    assertThat(h).containsEntry("authorization", "Bearer bedrock-api-key-1");
  }

  @Test
  void buildHeadersRejectsUnsupportedAuthModes() {
    BedrockProvider p = provider();
    HttpUrl url = p.url(ProviderFormat.CONVERSE, MODEL, false);
    List<AuthConfig> wrong =
        List.of(
            AuthConfig.OAuth.of("token", "Bearer"),
            AuthConfig.azureEntra("entra-token"),
            AuthConfig.custom(Map.of("x-key", "v")),
            AuthConfig.tokens(
                CachingTokenProvider.of("test", () -> AccessToken.of("t", Instant.now().plusSeconds(3600)))));
    for (AuthConfig auth : wrong) {
      assertThatThrownBy(() -> p.headers(request(auth, ClientHeaders.empty()), url, false))
          .isInstanceOf(AuthException.class)
          .hasMessageContaining("AwsSignatureV4 or ApiKey")
          .hasMessageContaining("'" + auth.type().id() + "'")
          .hasMessageContaining("api_key, aws_signature_v4")
          .hasMessageContaining("bedrock");
    }
  }

  @Test
  void sigV4SendsTheSignatureHeadersButNotHost() {
    Map<String, String> h =
        headers(provider(), AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, TOKEN, "us-east-1", ""),
            ClientHeaders.empty());
    assertThat(h.get("authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/bedrock/aws4_request, ")
        .contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, ")
        .matches(".*Signature=[0-9a-f]{64}$");
    assertThat(h).containsEntry("x-amz-date", "20240102T030405Z");
    assertThat(h).containsEntry("x-amz-security-token", TOKEN);
    assertThat(h).containsEntry("x-amz-content-sha256",
        IndependentSigV4.hex(IndependentSigV4.sha256("{}".getBytes(StandardCharsets.UTF_8))));
    assertThat(h).containsEntry("content-type", "application/json");
    assertThat(h).doesNotContainKey("host");
  }

  @Test
  void withoutASessionTokenNoTokenHeaderIsSignedOrSent() {
    Map<String, String> h =
        headers(provider(), AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, "us-east-1"), ClientHeaders.empty());
    assertThat(h.get("authorization")).contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, ");
    assertThat(h).doesNotContainKey("x-amz-security-token");
  }

  @Test
  void theCredentialsServiceAndRegionWinOverTheProviderDefaults() {
    Map<String, String> h =
        headers(provider(), AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, null, "eu-west-3", "bedrock-x"),
            ClientHeaders.empty());
    assertThat(h.get("authorization")).contains("Credential=AKIDEXAMPLE/20240102/eu-west-3/bedrock-x/aws4_request");
    BedrockProvider custom =
        new BedrockProvider(BedrockConfig.builder().service("bedrock-y").signingClock(Clock.fixed(T0, ZoneOffset.UTC))
            .build());
    Map<String, String> h2 =
        headers(custom, AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, "us-east-1"), ClientHeaders.empty());
    assertThat(h2.get("authorization")).contains("/us-east-1/bedrock-y/aws4_request");
  }

  @Test
  void callsToTheMantleHostSignAsBedrockMantleUnlessTheCredentialsNameAService() {
    BedrockProvider p = provider();
    HttpUrl mantle = p.url(ProviderFormat.RESPONSES, "openai.gpt-oss-120b", false);
    assertThat(mantle.host()).isEqualTo("bedrock-mantle.us-east-1.api.aws");
    ProviderRequest r = request(AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, "us-east-1"), ClientHeaders.empty());
    assertThat(write(p.headers(r, mantle, false)).get("authorization"))
        .contains("Credential=AKIDEXAMPLE/20240102/us-east-1/bedrock-mantle/aws4_request");
    HttpUrl runtime = p.url(ProviderFormat.OPENAI, "openai.gpt-oss-120b", false);
    assertThat(write(p.headers(r, runtime, false)).get("authorization"))
        .contains("/us-east-1/bedrock/aws4_request");
    ProviderRequest named =
        request(AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, null, "us-east-1", "bedrock"), ClientHeaders.empty());
    assertThat(write(p.headers(named, mantle, false)).get("authorization"))
        .contains("/us-east-1/bedrock/aws4_request");
  }

  @Test
  void clientHeadersComeFirstAndCannotReplaceSignedOnes() {
    ClientHeaders client =
        ClientHeaders.builder()
            .add("x-trace-id", "t-1")
            .add("x-amz-security-token", "client-token")
            .add("x-amz-date", "19990101T000000Z")
            .add("authorization", "Bearer client")
            .addUserConfigured("content-type", "text/plain")
            .addUserConfigured("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
            .build();
    Map<String, String> h =
        headers(provider(), AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, "us-east-1"), client);
    assertThat(h).containsEntry("x-trace-id", "t-1");
    assertThat(h).containsEntry("content-type", "application/json");
    assertThat(h).containsEntry("x-amz-date", "20240102T030405Z");
    // No session token in the credentials: the client's stray token must not be sent unsigned.
    assertThat(h).doesNotContainKey("x-amz-security-token");
    assertThat(h.get("x-amz-content-sha256")).hasSize(64);
    assertThat(h.get("authorization")).startsWith("AWS4-HMAC-SHA256 ");

    Map<String, String> withKey =
        headers(provider(), AuthConfig.bearer("k1"), ClientHeaders.builder()
            .addUserConfigured("authorization", "Bearer operator").addUserConfigured("content-type", "text/plain")
            .build());
    assertThat(withKey).containsEntry("authorization", "Bearer k1").containsEntry("content-type", "application/json");
  }

  @Test
  void eachHeaderWriteSignsAfreshWithTheCurrentTime() {
    MutableClock clock = new MutableClock(T0);
    BedrockProvider p = provider(clock);
    HttpUrl url = p.url(ProviderFormat.CONVERSE, MODEL, false);
    Consumer<HeaderSink> writer =
        p.headers(request(AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, "us-east-1"), ClientHeaders.empty()), url,
            false);
    Map<String, String> first = write(writer);
    clock.advance(Duration.ofMinutes(7));
    Map<String, String> second = write(writer);
    assertThat(first).containsEntry("x-amz-date", "20240102T030405Z");
    assertThat(second).containsEntry("x-amz-date", "20240102T031105Z");
    assertThat(second.get("authorization")).isNotEqualTo(first.get("authorization"));
  }

  @Test
  void eventStreamCallsAskForTheEventStreamMediaType() {
    BedrockProvider p = provider();
    HttpUrl url = p.url(ProviderFormat.CONVERSE, MODEL, true);
    Map<String, String> h =
        write(p.headers(request(AuthConfig.bearer("k"), ClientHeaders.empty()), url, true));
    assertThat(h).containsEntry("accept", "application/vnd.amazon.eventstream");
  }

  @Test
  void theDefaultChainIsUsedWhenNoKeysAreGiven() {
    // System properties come first in the SDK's default chain, so no environment, file or network is read.
    String[] names = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken"};
    String[] saved = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      saved[i] = System.getProperty(names[i]);
    }
    try {
      System.setProperty("aws.accessKeyId", "AKIDFROMCHAIN");
      System.setProperty("aws.secretAccessKey", SECRET);
      System.setProperty("aws.sessionToken", TOKEN);
      Map<String, String> h =
          headers(provider(), AuthConfig.AwsSigV4.defaultChain("us-west-2"), ClientHeaders.empty());
      assertThat(h.get("authorization")).contains("Credential=AKIDFROMCHAIN/20240102/us-west-2/bedrock/aws4_request");
      assertThat(h).containsEntry("x-amz-security-token", TOKEN);
    } finally {
      for (int i = 0; i < names.length; i++) {
        if (saved[i] == null) {
          System.clearProperty(names[i]);
        } else {
          System.setProperty(names[i], saved[i]);
        }
      }
    }
  }

  @Test
  void aNamedProfileIsReadFromTheSharedCredentialsFile(@TempDir Path dir) throws IOException {
    Path credentials = dir.resolve("credentials");
    Files.writeString(credentials,
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = other\n\n"
            + "[bedrock-test]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = " + SECRET + "\n");
    Path config = dir.resolve("config");
    Files.writeString(config, "");
    String savedCredentials = System.getProperty("aws.sharedCredentialsFile");
    String savedConfig = System.getProperty("aws.configFile");
    try {
      System.setProperty("aws.sharedCredentialsFile", credentials.toString());
      System.setProperty("aws.configFile", config.toString());
      BedrockProvider p = provider();
      Map<String, String> h =
          headers(p, AuthConfig.AwsSigV4.profile("bedrock-test", "us-east-1"), ClientHeaders.empty());
      assertThat(h.get("authorization")).contains("Credential=AKIDPROFILE/");
      assertThat(h).doesNotContainKey("x-amz-security-token");

      assertThatThrownBy(
              () -> headers(p, AuthConfig.AwsSigV4.profile("missing-profile", "us-east-1"), ClientHeaders.empty()))
          .isInstanceOf(AuthException.class)
          .hasMessageContaining("could not resolve AWS credentials for Bedrock from AWS profile 'missing-profile'")
          .hasMessageNotContaining(SECRET);
    } finally {
      restore("aws.sharedCredentialsFile", savedCredentials);
      restore("aws.configFile", savedConfig);
    }
  }

  @Test
  void secretsStayOutOfToStringAndMessages() {
    BedrockProvider p = provider();
    AuthConfig auth = AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, TOKEN, "us-east-1", "");
    ProviderRequest r = request(auth, ClientHeaders.empty());
    assertThat(p.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    assertThat(r.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    assertThatThrownBy(() -> p.headers(request(AuthConfig.OAuth.of(SECRET, "Bearer"), ClientHeaders.empty()),
            p.url(ProviderFormat.CONVERSE, MODEL, false), false))
        .hasMessageNotContaining(SECRET);
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
