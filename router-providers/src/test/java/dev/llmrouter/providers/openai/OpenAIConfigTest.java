package dev.llmrouter.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class OpenAIConfigTest {

  @Test
  void defaults() {
    OpenAIConfig c = OpenAIConfig.defaults();
    assertThat(c.endpoint()).hasToString("https://api.openai.com/v1");
    assertThat(c.endpointTemplate()).isEmpty();
    assertThat(c.organization()).isEmpty();
    assertThat(c.project()).isEmpty();
    assertThat(c.apiVersion()).isEmpty();
    assertThat(c.timeout()).isEmpty();
    assertThat(c.providerAlias()).isEqualTo("openai");
    assertThat(c.httpClient()).isEmpty();
    assertThat(c.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void timeoutOverridesTheRequestTimeout() {
    OpenAIConfig c = OpenAIConfig.builder().timeout(Duration.ofSeconds(30)).build();
    assertThat(c.timeout()).contains(Duration.ofSeconds(30));
    assertThat(c.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> OpenAIConfig.builder().timeout(Duration.ZERO).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void blankOptionalsAreAbsentAndToBuilderRoundTrips() {
    OpenAIConfig c = OpenAIConfig.builder().organization(" ").project("proj").apiVersion("").build();
    assertThat(c.organization()).isEmpty();
    assertThat(c.project()).contains("proj");
    assertThat(c.apiVersion()).isEmpty();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    OpenAIConfig t = OpenAIConfig.builder().endpointTemplate("https://<model>.x.example/v1").build();
    assertThat(t.toBuilder().build()).isEqualTo(t);
  }

  @Test
  void invalidEndpointAndAliasAreTypedErrors() {
    assertThatThrownBy(() -> OpenAIConfig.builder().endpoint("mailto:someone").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'openai'")
        .hasMessageContaining("endpoint is not a valid");
    assertThatThrownBy(() -> OpenAIConfig.builder().endpoint((String) null).build())
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> OpenAIConfig.builder().providerAlias("").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("providerAlias");
    assertThatThrownBy(() -> OpenAIConfig.builder().clientSettings(null).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("clientSettings");
  }

  @Test
  void toStringShowsNoSecrets() {
    OpenAIConfig c =
        OpenAIConfig.builder()
            .endpoint("https://user:PASSWORD@proxy.example/v1?key=QUERYSECRET")
            .organization("org-1")
            .httpClient(new OkHttpClient())
            .build();
    assertThat(c.toString())
        .contains("proxy.example/v1")
        .contains("org-1")
        .contains("caller-supplied")
        .doesNotContain("PASSWORD")
        .doesNotContain("QUERYSECRET");
    assertThat(new OpenAIProvider(c).toString()).doesNotContain("PASSWORD").doesNotContain("QUERYSECRET");
  }

  @Test
  void providerSettingsToStringShowsMetadataKeysOnly() {
    ProviderSettings s =
        ProviderSettings.builder()
            .endpoint("https://user:PASSWORD@proxy.example/v1")
            .metadata("organization_id", "METAVALUE")
            .build();
    assertThat(s.toString())
        .contains("organization_id")
        .doesNotContain("METAVALUE")
        .doesNotContain("PASSWORD");
  }

  @Test
  void authToStringIsRedactedToo() {
    // The provider never prints auth, but configs are often logged next to it.
    assertThat(AuthConfig.bearer("sk-SECRET").toString()).doesNotContain("sk-SECRET");
  }
}
