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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "anthropic", "azure", "azure_ai_gateway", "google", "vertex", "bedrock", "databricks", "mistral"
      })
  void knownButNotImplementedKinds(String kind) {
    assertThatThrownBy(() -> ProviderFactory.create(kind, ProviderSettings.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("provider kind '" + kind + "' is not implemented yet");
  }

  @Test
  void unknownKinds() {
    assertThatThrownBy(() -> ProviderFactory.create("nope", ProviderSettings.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("unsupported provider kind: nope");
    assertThatThrownBy(() -> ProviderFactory.create(null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("unsupported provider kind: null");
    assertThatThrownBy(() -> ProviderFactory.create("OpenAI"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ProviderFactory.create("openai", null))
        .isInstanceOf(InvalidRequestException.class);
  }
}
