package dev.llmrouter.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Ports of the Rust providers/openai.rs URL tests, plus api-version and format checks. No server needed. */
class OpenAIProviderUrlTest {
  private static final String LEPTON = "https://<model>.lepton.run/api/v1/";

  private static OpenAIProvider provider(OpenAIConfig.Builder b) {
    return new OpenAIProvider(b.build());
  }

  @Test
  void templateUrlPutsTheModelInTheHost() {
    URI url = provider(OpenAIConfig.builder().endpointTemplate(LEPTON))
        .requestUrl(ProviderFormat.OPENAI, "my-model");
    assertThat(url.getHost()).isEqualTo("my-model.lepton.run");
    assertThat(url.getPath()).endsWith("/chat/completions");
    assertThat(url).hasToString("https://my-model.lepton.run/api/v1/chat/completions");
  }

  @Test
  void responsesUrl() {
    assertThat(provider(OpenAIConfig.builder()).requestUrl(ProviderFormat.RESPONSES, "gpt-5"))
        .hasToString("https://api.openai.com/v1/responses");
  }

  @Test
  void templateResponsesUrl() {
    assertThat(
            provider(OpenAIConfig.builder().endpointTemplate(LEPTON))
                .requestUrl(ProviderFormat.RESPONSES, "my-model"))
        .hasToString("https://my-model.lepton.run/api/v1/responses");
  }

  @Test
  void templateFallsBackToDefaultWhenTheModelIsEmpty() {
    OpenAIProvider p = provider(OpenAIConfig.builder().endpointTemplate(LEPTON));
    assertThat(p.requestUrl(ProviderFormat.OPENAI, "").getHost()).isEqualTo("default.lepton.run");
    assertThat(p.requestUrl(ProviderFormat.OPENAI, null).getHost()).isEqualTo("default.lepton.run");
  }

  @Test
  void chatUrlPushesSegmentsOntoTheEndpoint() {
    assertThat(provider(OpenAIConfig.builder()).requestUrl(ProviderFormat.OPENAI, "gpt-4o"))
        .hasToString("https://api.openai.com/v1/chat/completions");
    assertThat(
            provider(OpenAIConfig.builder().endpoint("https://proxy.example/openai/v1/"))
                .requestUrl(ProviderFormat.OPENAI, "gpt-4o"))
        .hasToString("https://proxy.example/openai/v1/chat/completions");
  }

  @Test
  void apiVersionIsAddedAsAQueryParameter() {
    assertThat(
            provider(OpenAIConfig.builder().apiVersion("2024-10-21"))
                .requestUrl(ProviderFormat.RESPONSES, "gpt-5"))
        .hasToString("https://api.openai.com/v1/responses?api-version=2024-10-21");
  }

  @Test
  void theConfigEndpointOfATemplateIsTheTemplateForDefault() {
    OpenAIConfig config = OpenAIConfig.builder().endpointTemplate(LEPTON).build();
    assertThat(config.endpoint()).hasToString("https://default.lepton.run/api/v1/");
  }

  @Test
  void aTemplateWithoutThePlaceholderIsRejected() {
    assertThatThrownBy(() -> OpenAIConfig.builder().endpointTemplate("https://x.lepton.run/api/v1/").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("<model>");
  }

  @Test
  void aTemplateThatIsNotAUrlIsRejected() {
    assertThatThrownBy(() -> OpenAIConfig.builder().endpointTemplate("not a url <model>").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("template");
  }

  @Test
  void aModelThatBreaksTheTemplateUrlIsATypedError() {
    OpenAIProvider p = provider(OpenAIConfig.builder().endpointTemplate(LEPTON));
    assertThatThrownBy(() -> p.requestUrl(ProviderFormat.OPENAI, "bad host/with slash?x"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("template");
  }

  @Test
  void unservedFormatsAreRejectedByName() {
    assertThatThrownBy(() -> provider(OpenAIConfig.builder()).requestUrl(ProviderFormat.ANTHROPIC, "m"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'anthropic'")
        .hasMessageContaining("openai, responses");
  }

  @Test
  void idFormatsAndAlias() {
    OpenAIProvider p = provider(OpenAIConfig.builder());
    assertThat(p.id()).isEqualTo("openai");
    assertThat(p.formats()).containsExactly(ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    assertThat(p.matchesProviderAlias("openai")).isTrue();
    assertThat(p.matchesProviderAlias("groq")).isFalse();
    OpenAIProvider groq = provider(OpenAIConfig.builder().providerAlias("groq"));
    assertThat(groq.id()).isEqualTo("openai");
    assertThat(groq.matchesProviderAlias("groq")).isTrue();
    assertThat(groq.matchesProviderAlias("openai")).isFalse();
  }
}
