package dev.llmrouter.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderFactoryTest {

  private static OpenAIProvider openai(String kind, ProviderSettings settings) {
    Provider p = ProviderFactory.create(kind, settings);
    assertThat(p).isInstanceOf(OpenAIProvider.class);
    return (OpenAIProvider) p;
  }

  @Test
  void openaiReadsItsMetadata() {
    OpenAIProvider p =
        openai(
            "openai",
            ProviderSettings.builder()
                .metadata("organization_id", "org-1")
                .metadata("project", "proj-1")
                .metadata("api_version", "2024-10-21")
                .timeout(Duration.ofSeconds(12))
                .build());
    OpenAIConfig c = p.config();
    assertThat(c.organization()).contains("org-1");
    assertThat(c.project()).contains("proj-1");
    assertThat(c.apiVersion()).contains("2024-10-21");
    assertThat(c.timeout()).contains(Duration.ofSeconds(12));
    assertThat(c.providerAlias()).isEqualTo("openai");
    assertThat(p.requestUrl(ProviderFormat.OPENAI, "gpt-4o"))
        .hasToString("https://api.openai.com/v1/chat/completions?api-version=2024-10-21");
  }

  @Test
  void openaiEndpointAndTemplate() {
    OpenAIProvider custom =
        openai("openai", ProviderSettings.builder().endpoint(URI.create("https://proxy.example/v1")).build());
    assertThat(custom.requestUrl(ProviderFormat.RESPONSES, "m"))
        .hasToString("https://proxy.example/v1/responses");
    OpenAIProvider templated =
        openai(
            "openai", ProviderSettings.builder().endpointTemplate("https://<model>.host.example/v1").build());
    assertThat(templated.requestUrl(ProviderFormat.OPENAI, "abc").getHost()).isEqualTo("abc.host.example");
    assertThatThrownBy(
            () -> ProviderFactory.create(
                "openai", ProviderSettings.builder().endpointTemplate("https://host.example/v1").build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("<model>");
  }

  @Test
  void compatibleKindsGetTheirDefaultEndpointAndLowerCaseAlias() {
    OpenAIProvider groq = openai("groq", ProviderSettings.empty());
    assertThat(groq.requestUrl(ProviderFormat.OPENAI, "m"))
        .hasToString("https://api.groq.com/openai/v1/chat/completions");
    assertThat(groq.matchesProviderAlias("groq")).isTrue();
    assertThat(groq.id()).isEqualTo("openai");

    OpenAIProvider xai = openai("xAI", ProviderSettings.empty());
    assertThat(xai.config().providerAlias()).isEqualTo("xai");
    assertThat(xai.matchesProviderAlias("xai")).isTrue();
    assertThat(xai.matchesProviderAlias("xAI")).isFalse();
    assertThat(xai.requestUrl(ProviderFormat.OPENAI, "grok-4"))
        .hasToString("https://api.x.ai/v1/chat/completions");

    OpenAIProvider lepton = openai("lepton", ProviderSettings.empty());
    assertThat(lepton.requestUrl(ProviderFormat.OPENAI, "my-model"))
        .hasToString("https://my-model.lepton.run/api/v1/chat/completions");
  }

  @Test
  void anExplicitEndpointReplacesAVendorTemplate() {
    OpenAIProvider lepton =
        openai("lepton", ProviderSettings.builder().endpoint("https://lepton.internal/api/v1").build());
    assertThat(lepton.config().endpointTemplate()).isEmpty();
    assertThat(lepton.requestUrl(ProviderFormat.OPENAI, "m"))
        .hasToString("https://lepton.internal/api/v1/chat/completions");
  }

  @Test
  void everyNativeKindIsCreatedFromSettings() {
    assertThat(ProviderFactory.create("anthropic").id()).isEqualTo("anthropic");
    assertThat(ProviderFactory.create("google").id()).isEqualTo("google");
    assertThat(ProviderFactory.create("mistral").id()).isEqualTo("mistral");
    assertThat(ProviderFactory.create("bedrock", ProviderSettings.builder().metadata("region", "eu-west-1").build())
        .id()).isEqualTo("bedrock");
    assertThat(ProviderFactory.create("vertex", ProviderSettings.builder().metadata("project", "p").build())
        .id()).isEqualTo("vertex");
    assertThat(ProviderFactory.create("azure",
        ProviderSettings.builder().endpoint("https://r.openai.azure.com/").metadata("deployment", "d").build())
        .id()).isEqualTo("azure");
    assertThat(ProviderFactory.create("azure_ai_gateway",
        ProviderSettings.builder().endpoint("https://gw.example/models").build()).id())
        .isEqualTo("azure_ai_gateway");
    assertThat(ProviderFactory.create("databricks",
        ProviderSettings.builder().endpoint("https://adb-1.azuredatabricks.net").build()).id())
        .isEqualTo("databricks");
    for (String kind : ProviderFactory.NATIVE_KINDS) {
      assertThat(kind).isNotBlank();
    }
  }

  @Test
  void requiredSettingsAreNamedWhenMissing() {
    assertThatThrownBy(() -> ProviderFactory.create("azure")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> ProviderFactory.create("vertex")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("project");
    assertThatThrownBy(() -> ProviderFactory.create("databricks")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("api_base");
    assertThatThrownBy(() -> ProviderFactory.create("azure_ai_gateway"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("endpoint");
  }

  @Test
  void unknownKinds() {
    assertThatThrownBy(() -> ProviderFactory.create("nope", ProviderSettings.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("unsupported provider kind: nope");
    assertThatThrownBy(() -> ProviderFactory.create(null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("provider kind must not be null");
    assertThatThrownBy(() -> ProviderFactory.create("OpenAI"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ProviderFactory.create("openai", null))
        .isInstanceOf(InvalidRequestException.class);
  }
}
