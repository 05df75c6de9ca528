package dev.llmrouter.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class AnthropicConfigTest {

  @Test
  void defaults() {
    AnthropicConfig c = AnthropicConfig.defaults();
    assertThat(c.endpoint()).hasToString("https://api.anthropic.com/v1/");
    assertThat(c.version()).isEqualTo("2023-06-01");
    assertThat(c.timeout()).isEmpty();
    assertThat(c.httpClient()).isEmpty();
    assertThat(c.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void defaultUrlsJoinOntoTheV1Path() {
    AnthropicProvider p = AnthropicProvider.withDefaults();
    assertThat(p.requestUrl(ProviderFormat.ANTHROPIC)).hasToString("https://api.anthropic.com/v1/messages");
    assertThat(p.requestUrl(ProviderFormat.OPENAI))
        .hasToString("https://api.anthropic.com/v1/chat/completions");
  }

  @Test
  void urlsAreRfcJoinsSoAnEndpointWithoutTrailingSlashLosesItsLastSegment() {
    AnthropicProvider slash =
        new AnthropicProvider(AnthropicConfig.builder().endpoint("https://proxy.example/anthropic/v1/").build());
    assertThat(slash.requestUrl(ProviderFormat.ANTHROPIC)).hasToString("https://proxy.example/anthropic/v1/messages");
    assertThat(slash.requestUrl(ProviderFormat.OPENAI))
        .hasToString("https://proxy.example/anthropic/v1/chat/completions");
    AnthropicProvider noSlash =
        new AnthropicProvider(AnthropicConfig.builder().endpoint("https://proxy.example/anthropic/v1").build());
    assertThat(noSlash.requestUrl(ProviderFormat.ANTHROPIC)).hasToString("https://proxy.example/anthropic/messages");
    assertThat(noSlash.requestUrl(ProviderFormat.OPENAI))
        .hasToString("https://proxy.example/anthropic/chat/completions");
    AnthropicProvider hostOnly =
        new AnthropicProvider(AnthropicConfig.builder().endpoint("http://127.0.0.1:8080").build());
    assertThat(hostOnly.requestUrl(ProviderFormat.ANTHROPIC)).hasToString("http://127.0.0.1:8080/messages");
  }

  @Test
  void idAndFormats() {
    AnthropicProvider p = AnthropicProvider.withDefaults();
    assertThat(p.id()).isEqualTo("anthropic");
    assertThat(p.formats()).containsExactly(ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI);
    assertThat(p.matchesProviderAlias("anthropic")).isTrue();
    assertThat(p.matchesProviderAlias("openai")).isFalse();
    assertThatThrownBy(() -> p.requestUrl(ProviderFormat.GOOGLE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'google'")
        .hasMessageContaining("anthropic, openai");
  }

  @Test
  void fromSettingsReadsEndpointTimeoutAndVersion() {
    OkHttpClient client = new OkHttpClient();
    AnthropicConfig c =
        AnthropicConfig.fromSettings(
            ProviderSettings.builder()
                .endpoint("https://gateway.example/anthropic/v1/")
                .timeout(Duration.ofSeconds(42))
                .metadata("version", "2024-10-22")
                .httpClient(client)
                .build());
    assertThat(c.endpoint()).hasToString("https://gateway.example/anthropic/v1/");
    assertThat(c.version()).isEqualTo("2024-10-22");
    assertThat(c.timeout()).contains(Duration.ofSeconds(42));
    assertThat(c.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(42));
    assertThat(c.httpClient()).containsSame(client);
    assertThat(AnthropicConfig.fromSettings(ProviderSettings.empty())).isEqualTo(AnthropicConfig.defaults());
    assertThatThrownBy(
            () -> AnthropicConfig.fromSettings(
                ProviderSettings.builder().endpointTemplate("https://<model>.example/v1/").build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("endpoint template");
  }

  @Test
  void invalidValuesAreTypedErrors() {
    assertThatThrownBy(() -> AnthropicConfig.builder().endpoint("not a url").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("anthropic endpoint");
    assertThatThrownBy(() -> AnthropicConfig.builder().version(" ").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("version");
    assertThatThrownBy(() -> AnthropicConfig.builder().version("2023\n-06-01").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("anthropic-version");
    assertThatThrownBy(() -> AnthropicConfig.builder().timeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> AnthropicConfig.builder().clientSettings(null).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("clientSettings");
    assertThatThrownBy(() -> new AnthropicProvider(null)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void toBuilderRoundTripsAndToStringHidesUrlSecrets() {
    AnthropicConfig c =
        AnthropicConfig.builder()
            .endpoint("https://user:PASSWORD@proxy.example/v1/?key=QUERYSECRET")
            .version("2024-10-22")
            .build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c.toString())
        .contains("proxy.example/v1/")
        .contains("2024-10-22")
        .doesNotContain("PASSWORD")
        .doesNotContain("QUERYSECRET");
    assertThat(new AnthropicProvider(c).toString()).doesNotContain("PASSWORD").doesNotContain("QUERYSECRET");
  }
}
