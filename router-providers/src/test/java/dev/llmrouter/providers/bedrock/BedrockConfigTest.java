package dev.llmrouter.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bedrock configuration: defaults, the {@code create_provider} mapping and validation. */
class BedrockConfigTest {

  @Test
  void defaults() {
    BedrockConfig c = BedrockConfig.defaults();
    assertThat(c.endpoint()).hasToString("https://bedrock-runtime.us-east-1.amazonaws.com/");
    assertThat(c.service()).isEqualTo("bedrock");
    assertThat(c.region()).isEmpty();
    assertThat(c.timeout()).isEmpty();
    assertThat(c.httpClient()).isEmpty();
  }

  @Test
  void fromSettingsBuildsTheEndpointFromTheRegion() {
    BedrockConfig c =
        BedrockConfig.fromSettings(ProviderSettings.builder().metadata("region", "eu-central-1").build());
    assertThat(c.endpoint()).hasToString("https://bedrock-runtime.eu-central-1.amazonaws.com/");
    assertThat(c.region()).contains("eu-central-1");
    assertThat(c.service()).isEqualTo("bedrock");
  }

  @Test
  void fromSettingsPrefersTheEndpointButKeepsTheRegionAndService() {
    BedrockConfig c =
        BedrockConfig.fromSettings(
            ProviderSettings.builder()
                .endpoint("https://vpce-123.bedrock-runtime.us-west-2.vpce.amazonaws.com/")
                .metadata("region", "us-west-2")
                .metadata("service", "bedrock-custom")
                .timeout(Duration.ofSeconds(30))
                .build());
    assertThat(c.endpoint()).hasToString("https://vpce-123.bedrock-runtime.us-west-2.vpce.amazonaws.com/");
    assertThat(c.region()).contains("us-west-2");
    assertThat(c.service()).isEqualTo("bedrock-custom");
    assertThat(c.timeout()).contains(Duration.ofSeconds(30));
    assertThat(c.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fromEmptySettingsIsTheDefault() {
    assertThat(BedrockConfig.fromSettings(ProviderSettings.empty())).isEqualTo(BedrockConfig.defaults());
    assertThatThrownBy(() -> BedrockConfig.fromSettings(null)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void invalidValuesAreRejectedWithTheirName() {
    assertThatThrownBy(() -> BedrockConfig.builder().region("us-east-1.evil.com/x").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("invalid Bedrock region");
    assertThatThrownBy(() -> BedrockConfig.builder().service("Bedrock Runtime").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("service");
    assertThatThrownBy(() -> BedrockConfig.builder().service(null).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("service");
    assertThatThrownBy(() -> BedrockConfig.builder().endpoint("not a url").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("bedrock endpoint");
    assertThatThrownBy(() -> BedrockConfig.builder().timeout(Duration.ZERO).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> BedrockConfig.builder().signingClock(null).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("signingClock");
    assertThatThrownBy(() -> new BedrockProvider(null)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void toBuilderRoundTripsAndToStringHidesUserInfoAndQuery() {
    BedrockConfig c =
        BedrockConfig.builder().endpoint("https://user:pw@proxy.example/b/?token=abc").region("us-east-2").build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c.toString()).contains("proxy.example").doesNotContain("pw").doesNotContain("abc");
    assertThat(new BedrockProvider(c).id()).isEqualTo("bedrock");
  }
}
