package dev.llmrouter.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.providers.Loopback;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Golden vectors for SigV4: the AWS SDK signer's Authorization header must equal an independent
 * computation ({@link IndependentSigV4}, written from AWS's documentation with javax.crypto), itself
 * checked against AWS's published {@code get-vanilla} test-suite vector. Fixed clock, fixed credentials, a
 * model id with {@code :} and an application-inference-profile ARN with {@code /}.
 */
@Timeout(60)
class SigV4GoldenVectorTest {
  private static final String ACCESS_KEY = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE+token/with=chars";
  private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
  private static final String AMZ_DATE = "20240102T030405Z";
  private static final String ARN_MODEL =
      "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4:0";
  private static final String BODY =
      "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello, Bedrock!  \\u00e9\"}]}],"
          + "\"inferenceConfig\":{\"maxTokens\":64}}";

  @Test
  void theIndependentSignerReproducesAwsPublishedGetVanillaVector() {
    // AWS SigV4 test suite, get-vanilla: GET / on example.amazonaws.com, service "service", empty body.
    IndependentSigV4.Result r =
        IndependentSigV4.sign(ACCESS_KEY, SECRET, "us-east-1", "service", "20150830T123600Z", "GET", "/", "",
            IndependentSigV4.headers("Host", "example.amazonaws.com", "X-Amz-Date", "20150830T123600Z"),
            new byte[0]);
    assertThat(r.authorization())
        .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  }

  @Test
  void theCanonicalUriEncodesTheAlreadyEncodedPathAgain() {
    assertThat(IndependentSigV4.canonicalUri("/model/arn%3Aaws%3Abedrock%2Fp1/converse"))
        .isEqualTo("/model/arn%253Aaws%253Abedrock%252Fp1/converse");
    assertThat(IndependentSigV4.canonicalUri("")).isEqualTo("/");
  }

  @Test
  void sdkSignatureForAnArnModelIdEqualsTheIndependentComputation() {
    BedrockProvider p =
        new BedrockProvider(BedrockConfig.builder().signingClock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
    HttpUrl url = p.url(ProviderFormat.CONVERSE, ARN_MODEL, false);
    assertThat(url.encodedPath())
        .isEqualTo("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile"
            + "%2Fa1b2c3d4%3A0/converse");
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    for (String token : new String[] {null, SESSION_TOKEN}) {
      AuthConfig.AwsSigV4 auth = AuthConfig.AwsSigV4.of(ACCESS_KEY, SECRET, token, "us-east-1", "");
      Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      p.headers(request(auth, body), url, false).accept(sent::put);

      Map<String, String> signed =
          IndependentSigV4.headers(
              "content-type", "application/json",
              "host", "bedrock-runtime.us-east-1.amazonaws.com",
              "x-amz-content-sha256", IndependentSigV4.hex(IndependentSigV4.sha256(body)),
              "x-amz-date", AMZ_DATE);
      if (token != null) {
        signed.put("x-amz-security-token", token);
      }
      IndependentSigV4.Result expected =
          IndependentSigV4.sign(ACCESS_KEY, SECRET, "us-east-1", "bedrock", AMZ_DATE, "POST", url.encodedPath(), "",
              signed, body);
      assertThat(expected.canonicalRequest())
          .contains("\n/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012"
              + "%253Aapplication-inference-profile%252Fa1b2c3d4%253A0/converse\n");
      assertThat(sent.get("authorization")).isEqualTo(expected.authorization());
      assertThat(sent).containsEntry("x-amz-date", AMZ_DATE);
      assertThat(sent.get("x-amz-security-token")).isEqualTo(token);
    }
  }

  @Test
  void theSignatureReceivedOverTheWireVerifiesAgainstTheReceivedRequest() throws Exception {
    try (MockWebServer server = Loopback.startServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"output\":{}}").build());
      BedrockProvider p =
          new BedrockProvider(
              BedrockConfig.builder()
                  .endpoint("http://127.0.0.1:" + server.getPort() + "/")
                  .signingClock(Clock.fixed(NOW, ZoneOffset.UTC))
                  .build());
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      AuthConfig.AwsSigV4 auth = AuthConfig.AwsSigV4.of(ACCESS_KEY, SECRET, SESSION_TOKEN, "us-west-2", "");
      p.complete(request(auth, body));

      RecordedRequest r = server.takeRequest();
      // Verify as AWS would: from what arrived, with the independent implementation.
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getHeaders().values("host")).hasSize(1);
      Map<String, String> signed =
          IndependentSigV4.headers(
              "content-type", r.getHeaders().get("content-type"),
              "host", r.getHeaders().get("host"),
              "x-amz-content-sha256", r.getHeaders().get("x-amz-content-sha256"),
              "x-amz-date", r.getHeaders().get("x-amz-date"),
              "x-amz-security-token", r.getHeaders().get("x-amz-security-token"));
      IndependentSigV4.Result expected =
          IndependentSigV4.sign(ACCESS_KEY, SECRET, "us-west-2", "bedrock", AMZ_DATE, "POST",
              r.getUrl().encodedPath(), "", signed, r.getBody().toByteArray());
      assertThat(r.getTarget())
          .isEqualTo("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile"
              + "%2Fa1b2c3d4%3A0/converse");
      assertThat(r.getHeaders().get("host")).isEqualTo("127.0.0.1:" + server.getPort());
      assertThat(r.getHeaders().get("x-amz-date")).isEqualTo(AMZ_DATE);
      assertThat(r.getHeaders().get("x-amz-content-sha256"))
          .isEqualTo(IndependentSigV4.hex(IndependentSigV4.sha256(body)));
      assertThat(r.getBody().toByteArray()).isEqualTo(body);
      assertThat(r.getHeaders().get("authorization")).isEqualTo(expected.authorization());
    }
  }

  private static ProviderRequest request(AuthConfig auth, byte[] body) {
    return ProviderRequest.builder()
        .payload(body)
        .format(ProviderFormat.CONVERSE)
        .spec(ModelSpec.builder(ARN_MODEL, ProviderFormat.CONVERSE, ModelFlavor.CHAT).build())
        .auth(auth)
        .clientHeaders(ClientHeaders.empty())
        .build();
  }
}
