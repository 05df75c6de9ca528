package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of the Rust {@code catalog/spec.rs} tests: which models require the Responses API. */
class ModelSpecTest {

  @Test
  void model_requires_responses_api_detects_required_families() {
    List<String> required = List.of(
        "o1-pro",
        "o3-pro",
        "gpt-5-pro",
        "gpt-5-pro-2025-10-06",
        "gpt-5.3",
        "gpt-5.3-chat-latest",
        "gpt-5.4",
        "gpt-5.5-chat-latest",
        "gpt-5-codex",
        "gpt-5.1-codex",
        "gpt-5.1-codex-mini",
        "openai.gpt-5.4",
        "openai.gpt-5.5",
        "OpenAI.GPT-5-Pro");
    for (String model : required) {
      assertThat(ModelSpec.modelRequiresResponsesApi(model))
          .as("expected Responses-required model: %s", model)
          .isTrue();
    }
  }

  @Test
  void model_requires_responses_api_rejects_non_required_families() {
    List<String> notRequired = List.of(
        "gpt-5-mini",
        "gpt-5",
        "gpt-5.1",
        "gpt-5.2",
        "gpt-5.2-chat-latest",
        "gpt-4o",
        "gpt-next",
        "claude-sonnet-4",
        "openai.gpt-oss-120b",
        "openai.gpt-oss-safeguard-120b");
    for (String model : notRequired) {
      assertThat(ModelSpec.modelRequiresResponsesApi(model))
          .as("expected non-Responses model: %s", model)
          .isFalse();
    }
  }

  @Test
  void model_requires_responses_api_applies_to_current_and_future_versions() {
    assertThat(ModelSpec.modelRequiresResponsesApi("gpt-5.2")).isFalse();
    assertThat(ModelSpec.modelRequiresResponsesApi("gpt-5.3")).isTrue();
    assertThat(ModelSpec.modelRequiresResponsesApi("gpt-5.10-preview")).isTrue();
  }

  @Test
  void model_spec_requires_responses_api_allows_flavor_override() {
    ModelSpec spec = ModelSpec.builder("custom-model", ProviderFormat.OPENAI, ModelFlavor.RESPONSES).build();
    assertThat(spec.requiresResponsesApi()).isTrue();

    ModelSpec chat = ModelSpec.builder("custom-model", ProviderFormat.OPENAI, ModelFlavor.CHAT).build();
    assertThat(chat.requiresResponsesApi()).isFalse();
  }
}
