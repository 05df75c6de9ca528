package dev.llmrouter.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import org.junit.jupiter.api.Test;

class OpenAICompatibleVendorTest {

  @Test
  void defaultEndpointsFollowTheSpecTable() {
    assertThat(OpenAICompatibleVendor.defaultEndpoint("groq")).contains("https://api.groq.com/openai/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("fireworks"))
        .contains("https://api.fireworks.ai/inference/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("perplexity")).contains("https://api.perplexity.ai");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("together")).contains("https://api.together.xyz/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("replicate"))
        .contains("https://openai-proxy.replicate.com/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("lepton"))
        .contains("https://<model>.lepton.run/api/v1/");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("baseten")).contains("https://inference.baseten.co/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("cerebras")).contains("https://api.cerebras.ai/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("xai")).contains("https://api.x.ai/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("xAI")).contains("https://api.x.ai/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("ollama")).contains("http://127.0.0.1:11434/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("cohere"))
        .contains("https://api.cohere.com/compatibility/v1");
    assertThat(OpenAICompatibleVendor.defaultEndpoint("openrouter")).contains("https://openrouter.ai/api/v1");
    assertThat(OpenAICompatibleVendor.values()).hasSize(12);
  }

  @Test
  void databricksAndOthersAreNotCompatibleKinds() {
    assertThat(OpenAICompatibleVendor.isOpenAiCompatible("databricks")).isFalse();
    assertThat(OpenAICompatibleVendor.isOpenAiCompatible("openai")).isFalse();
    assertThat(OpenAICompatibleVendor.isOpenAiCompatible("GROQ")).isFalse();
    assertThat(OpenAICompatibleVendor.isOpenAiCompatible(null)).isFalse();
    assertThat(OpenAICompatibleVendor.isOpenAiCompatible("groq")).isTrue();
    assertThat(OpenAICompatibleVendor.defaultEndpoint("databricks")).isEmpty();
  }

  @Test
  void aVendorConfigUsesItsOwnEndpointNeverOpenAis() {
    OpenAIProvider groq = new OpenAIProvider(OpenAICompatibleVendor.GROQ.configBuilder().build());
    assertThat(groq.requestUrl(ProviderFormat.OPENAI, "llama-3.3-70b"))
        .hasToString("https://api.groq.com/openai/v1/chat/completions");
    assertThat(groq.matchesProviderAlias("groq")).isTrue();
  }

  @Test
  void leptonUsesItsTemplate() {
    OpenAIProvider lepton = new OpenAIProvider(OpenAICompatibleVendor.LEPTON.configBuilder().build());
    assertThat(OpenAICompatibleVendor.LEPTON.defaultIsTemplate()).isTrue();
    assertThat(lepton.requestUrl(ProviderFormat.OPENAI, "llama3-70b"))
        .hasToString("https://llama3-70b.lepton.run/api/v1/chat/completions");
  }
}
