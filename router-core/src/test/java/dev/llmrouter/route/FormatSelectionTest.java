package dev.llmrouter.route;

import static dev.llmrouter.testing.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.testing.StubProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nine wire-format rules of spec 2.5, first match wins, checked one rule at a time. */
class FormatSelectionTest {

  private static ResolvedModel model(String name, ModelSpec spec) {
    return new ResolvedModel(name, spec, ModelResolver.catalogFormat(name, spec), List.of("x"));
  }

  private static ProviderFormat select(Provider p, String name, ModelSpec spec, ProviderFormat output) {
    return FormatSelection.select(p, model(name, spec), output);
  }

  @Test
  void rule1_responses_required_model_beats_every_provider_specific_rule() {
    ModelSpec pro = spec("gpt-5-pro", ProviderFormat.OPENAI);
    for (String id : List.of("openai", "azure_ai_gateway", "azure", "anthropic", "bedrock", "google")) {
      StubProvider p = StubProvider.of(id, ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
      assertThat(select(p, "gpt-5-pro", pro, ProviderFormat.ANTHROPIC)).as(id).isEqualTo(ProviderFormat.RESPONSES);
    }
  }

  @Test
  void rule1_needs_the_provider_to_support_responses() {
    StubProvider chatOnly = StubProvider.of("openai", ProviderFormat.OPENAI);
    assertThat(select(chatOnly, "gpt-5-pro", spec("gpt-5-pro", ProviderFormat.OPENAI), ProviderFormat.OPENAI))
        .isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void rule2_azure_ai_gateway_keeps_the_catalog_format_whatever_the_output() {
    StubProvider gateway =
        StubProvider.of("azure_ai_gateway", ProviderFormat.OPENAI, ProviderFormat.RESPONSES,
            ProviderFormat.ANTHROPIC);
    assertThat(select(gateway, "gpt-5-mini", spec("gpt-5-mini", ProviderFormat.OPENAI), ProviderFormat.RESPONSES))
        .isEqualTo(ProviderFormat.OPENAI);
    assertThat(select(gateway, "claude", spec("claude", ProviderFormat.ANTHROPIC), ProviderFormat.OPENAI))
        .isEqualTo(ProviderFormat.ANTHROPIC);
  }

  @Test
  void rule3_azure_serves_anthropic_catalog_models_as_anthropic_only() {
    StubProvider azure =
        StubProvider.of("azure", ProviderFormat.OPENAI, ProviderFormat.RESPONSES, ProviderFormat.ANTHROPIC);
    assertThat(select(azure, "claude", spec("claude", ProviderFormat.ANTHROPIC), ProviderFormat.OPENAI))
        .isEqualTo(ProviderFormat.ANTHROPIC);
    // Not an Anthropic model: the general output rule applies.
    assertThat(select(azure, "gpt-4o", spec("gpt-4o", ProviderFormat.OPENAI), ProviderFormat.RESPONSES))
        .isEqualTo(ProviderFormat.RESPONSES);
  }

  @Test
  void rule4_anthropic_uses_chat_completions_only_for_openai_catalog_entries() {
    StubProvider anthropic = StubProvider.of("anthropic", ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI);
    assertThat(select(anthropic, "m", spec("m", ProviderFormat.OPENAI), ProviderFormat.ANTHROPIC))
        .isEqualTo(ProviderFormat.OPENAI);
    assertThat(select(anthropic, "claude", spec("claude", ProviderFormat.ANTHROPIC), ProviderFormat.OPENAI))
        .isEqualTo(ProviderFormat.ANTHROPIC);
    // Any other catalog format is sent as native Messages.
    assertThat(select(anthropic, "anthropic.claude", spec("anthropic.claude", ProviderFormat.ANTHROPIC),
        ProviderFormat.OPENAI)).isEqualTo(ProviderFormat.ANTHROPIC);
  }

  @Test
  void rule5_and_rule6_bedrock_and_google_keep_the_catalog_format() {
    StubProvider bedrock =
        StubProvider.of("bedrock", ProviderFormat.CONVERSE, ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.OPENAI);
    assertThat(select(bedrock, "amazon.nova-lite-v1:0", spec("amazon.nova-lite-v1:0", ProviderFormat.CONVERSE),
        ProviderFormat.OPENAI)).isEqualTo(ProviderFormat.CONVERSE);
    StubProvider google = StubProvider.google();
    assertThat(select(google, "gemini-2.5-flash", spec("gemini-2.5-flash", ProviderFormat.GOOGLE),
        ProviderFormat.OPENAI)).isEqualTo(ProviderFormat.GOOGLE);
  }

  @Test
  void rule7_vertex_sends_chat_for_custom_openai_models_with_explicit_providers() {
    StubProvider vertex = StubProvider.of("vertex", ProviderFormat.GOOGLE);
    String name = "publishers/google/models/custom";
    assertThat(select(vertex, name, spec(name, ProviderFormat.OPENAI, "custom-vertex"), ProviderFormat.OPENAI))
        .isEqualTo(ProviderFormat.OPENAI);
    // Without explicit providers, or for another output, the catalog format (Google) wins.
    assertThat(select(vertex, name, spec(name, ProviderFormat.OPENAI), ProviderFormat.OPENAI))
        .isEqualTo(ProviderFormat.GOOGLE);
    assertThat(select(vertex, name, spec(name, ProviderFormat.OPENAI, "custom-vertex"), ProviderFormat.ANTHROPIC))
        .isEqualTo(ProviderFormat.GOOGLE);
  }

  @Test
  void rule8_output_format_when_it_differs_and_the_provider_supports_it() {
    StubProvider openai = StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    assertThat(select(openai, "gpt-4o", spec("gpt-4o", ProviderFormat.OPENAI), ProviderFormat.RESPONSES))
        .isEqualTo(ProviderFormat.RESPONSES);
  }

  @Test
  void rule9_catalog_format_otherwise() {
    StubProvider openai = StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    assertThat(select(openai, "gpt-4o", spec("gpt-4o", ProviderFormat.OPENAI), ProviderFormat.ANTHROPIC))
        .isEqualTo(ProviderFormat.OPENAI);
  }
}
