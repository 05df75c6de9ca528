package dev.llmrouter.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.AuthException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthConfigTest {
  private static final String SECRET = "sk-live-SECRET-abcdef";

  private static Map<String, String> headers(AuthConfig auth) {
    Map<String, String> out = new LinkedHashMap<>();
    auth.applyTo(out::put);
    return out;
  }

  @Test
  void bearerKeyUsesAuthorizationWithPrefix() {
    assertThat(headers(AuthConfig.bearer(SECRET))).containsExactly(Map.entry("authorization", "Bearer " + SECRET));
  }

  @Test
  void apiKeyHeaderAndPrefixRules() {
    assertThat(headers(AuthConfig.apiKey(SECRET, "x-api-key", null)))
        .containsExactly(Map.entry("x-api-key", SECRET));
    // The space is not doubled when the prefix already ends with one.
    assertThat(AuthConfig.apiKey(SECRET, "authorization", "Bearer ").headerValue()).isEqualTo("Bearer " + SECRET);
    // As in Rust, an empty prefix gives a leading space.
    assertThat(AuthConfig.apiKey(SECRET, "authorization", "").headerValue()).isEqualTo(" " + SECRET);
    // No header given: authorization.
    assertThat(AuthConfig.apiKey(SECRET, null, "Bearer").header()).isEqualTo("authorization");
    assertThat(AuthConfig.apiKey(SECRET, "api-key", null).type()).isEqualTo(AuthType.API_KEY);
  }

  @Test
  void oauthAndEntraAreBearerTokens() {
    assertThat(headers(AuthConfig.oauth("tok"))).containsExactly(Map.entry("authorization", "Bearer tok"));
    assertThat(headers(AuthConfig.OAuth.of("tok", "MAC"))).containsExactly(Map.entry("authorization", "MAC tok"));
    assertThat(headers(AuthConfig.azureEntra("eyJ"))).containsExactly(Map.entry("authorization", "Bearer eyJ"));
    assertThat(AuthConfig.oauth("t").type().id()).isEqualTo("o_auth");
  }

  @Test
  void customHeadersAreAppliedInOrderAndValidated() {
    Map<String, String> custom = new LinkedHashMap<>();
    custom.put("x-key-a", "1");
    custom.put("x-key-b", "2");
    assertThat(headers(AuthConfig.custom(custom))).containsExactly(Map.entry("x-key-a", "1"), Map.entry("x-key-b", "2"));
    assertThatThrownBy(() -> AuthConfig.custom(Map.of("bad header", "v")))
        .isInstanceOf(AuthException.class).hasMessageContaining("bad header");
    assertThatThrownBy(() -> AuthConfig.custom(Map.of("x-k", "line\nbreak")))
        .isInstanceOf(AuthException.class).hasMessageContaining("x-k").hasMessageNotContaining("line");
  }

  @Test
  void sigV4AppliesNoHeadersAndDefaultsTheServiceToTheProvider() {
    AuthConfig.AwsSigV4 aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLE", "wJalrSECRET", "us-east-1");
    assertThat(headers(aws)).isEmpty();
    assertThat(aws.service()).isEmpty();
    assertThat(aws.sessionToken()).isEmpty();
    assertThat(AuthConfig.AwsSigV4.of("AKIAEXAMPLE", "wJalrSECRET", "tok", "eu-west-1", "bedrock").sessionToken())
        .contains("tok");
    assertThat(aws.usesDefaultChain()).isFalse();
    assertThat(aws.accessKeyId()).contains("AKIAEXAMPLE");
    AuthConfig.AwsSigV4 chain = AuthConfig.AwsSigV4.defaultChain("us-west-2");
    assertThat(chain.usesDefaultChain()).isTrue();
    assertThat(chain.accessKeyId()).isEmpty();
    assertThat(chain.toString()).contains("default chain").contains("us-west-2");
    assertThat(AuthConfig.AwsSigV4.profile("dev", "us-east-1").profile()).contains("dev");
    assertThatThrownBy(() -> AuthConfig.AwsSigV4.defaultChain(" ")).isInstanceOf(AuthException.class)
        .hasMessageContaining("region");
  }

  @Test
  void refreshingTokensAreFetchedPerRequestAndHidden() {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    AuthConfig.RefreshingToken auth =
        AuthConfig.tokens(() -> AccessToken.nonExpiring("tok-" + SECRET + "-" + n.incrementAndGet()));
    assertThat(headers(auth)).containsExactly(Map.entry("authorization", "Bearer tok-" + SECRET + "-1"));
    assertThat(headers(auth)).containsExactly(Map.entry("authorization", "Bearer tok-" + SECRET + "-2"));
    assertThat(auth.type().id()).isEqualTo("refreshing_token");
    assertThat(auth.toString()).doesNotContain(SECRET);
    assertThat(AccessToken.nonExpiring(SECRET).toString()).doesNotContain(SECRET);
  }

  @Test
  void missingSecretsAreAuthErrors() {
    assertThatThrownBy(() -> AuthConfig.bearer(null)).isInstanceOf(AuthException.class).hasMessageContaining("api key");
    assertThatThrownBy(() -> AuthConfig.bearer("")).isInstanceOf(AuthException.class);
    assertThatThrownBy(() -> AuthConfig.oauth(" ".trim())).isInstanceOf(AuthException.class);
    assertThatThrownBy(() -> AuthConfig.AwsSigV4.of("", "s", "us-east-1")).isInstanceOf(AuthException.class);
  }

  @Test
  void aKeyThatCannotBeAHeaderValueFailsWithoutShowingIt() {
    AuthConfig auth = AuthConfig.bearer("sk-bad\r\nX-Injected: 1");
    assertThatThrownBy(() -> headers(auth))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("authorization")
        .hasMessageNotContaining("sk-bad");
  }

  @Test
  void toStringNeverShowsSecrets() {
    assertThat(AuthConfig.bearer(SECRET).toString()).doesNotContain(SECRET).contains("authorization");
    assertThat(AuthConfig.oauth(SECRET).toString()).doesNotContain(SECRET);
    assertThat(AuthConfig.azureEntra(SECRET).toString()).doesNotContain(SECRET);
    assertThat(AuthConfig.custom(Map.of("x-k", SECRET)).toString()).doesNotContain(SECRET).contains("x-k");
    String aws = AuthConfig.AwsSigV4.of("AKIAEXAMPLE", SECRET, "sess-" + SECRET, "us-east-1", "").toString();
    assertThat(aws).doesNotContain(SECRET).doesNotContain("AKIAEXAMPLE").contains("us-east-1");
  }

  @Test
  void equalityIsByValue() {
    assertThat(AuthConfig.bearer("a")).isEqualTo(AuthConfig.bearer("a")).isNotEqualTo(AuthConfig.bearer("b"));
    assertThat(AuthConfig.bearer("a").hashCode()).isEqualTo(AuthConfig.bearer("a").hashCode());
  }
}
