package dev.llmrouter.route;

import static dev.llmrouter.testing.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.OverlayModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.UnknownModelException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ports of the 17 unit tests of the Rust {@code catalog/resolver.rs}, plus Java-side edge cases. */
class ModelResolverTest {

  private static ModelResolver resolverOf(String name, ModelSpec spec) {
    return new ModelResolver(ModelCatalog.builder().put(name, spec).build());
  }

  private static ResolvedModel resolveSelf(String model, ModelSpec spec) {
    return resolverOf(model, spec).resolve(model);
  }

  @Test
  void resolve_returns_default_alias() {
    ResolvedModel r = resolveSelf("model", spec("model", ProviderFormat.OPENAI));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(r.aliases()).containsExactly("openai");
  }

  @Test
  void resolve_uses_custom_alias() {
    ModelCatalog catalog =
        ModelCatalog.builder().put("model", spec("model", ProviderFormat.ANTHROPIC)).build();
    ModelResolver resolver = new ModelResolver(catalog, Map.of("model", "custom"));

    ResolvedModel r = resolver.resolve("model");
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(r.aliases()).containsExactly("custom");
  }

  @Test
  void resolve_overlay_custom_model_before_base_catalog() {
    ModelCatalog base =
        ModelCatalog.builder().put("model", spec("base-model", ProviderFormat.ANTHROPIC)).build();
    ModelCatalog custom =
        ModelCatalog.builder()
            .put("model", spec("custom-model", ProviderFormat.OPENAI, "custom-provider"))
            .build();
    ModelResolver resolver = new ModelResolver(OverlayModelCatalog.of(base, custom));

    ResolvedModel r = resolver.resolve("model");
    assertThat(r.spec().model()).isEqualTo("custom-model");
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(r.aliases()).containsExactly("custom-provider");
  }

  @Test
  void resolve_overlay_falls_back_to_base_catalog() {
    ModelCatalog base =
        ModelCatalog.builder().put("base-model", spec("base-model", ProviderFormat.ANTHROPIC)).build();
    ModelCatalog custom =
        ModelCatalog.builder().put("custom-model", spec("custom-model", ProviderFormat.OPENAI)).build();
    ModelResolver resolver = new ModelResolver(OverlayModelCatalog.of(base, custom));

    ResolvedModel r = resolver.resolve("base-model");
    assertThat(r.spec().model()).isEqualTo("base-model");
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(r.aliases()).containsExactly("anthropic");
  }

  @Test
  void resolve_unknown_model_errors() {
    ModelResolver resolver = new ModelResolver(ModelCatalog.empty());
    assertThatThrownBy(() -> resolver.resolve("missing"))
        .isInstanceOfSatisfying(
            UnknownModelException.class, e -> assertThat(e.model()).isEqualTo("missing"));
  }

  @Test
  void resolve_bedrock_anthropic_routes_to_bedrock() {
    String model = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.ANTHROPIC));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.BEDROCK_ANTHROPIC);
    assertThat(r.aliases()).containsExactly("bedrock");
  }

  @Test
  void resolve_non_bedrock_anthropic_stays_anthropic() {
    String model = "claude-sonnet-4-20250514";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.ANTHROPIC));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(r.aliases()).containsExactly("anthropic");
  }

  @Test
  void resolve_vertex_model_routes_to_vertex() {
    String model = "publishers/google/models/gemini-pro";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.GOOGLE));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(r.aliases()).containsExactly("vertex");
  }

  @Test
  void resolve_non_vertex_google_routes_to_google_chat_completions() {
    String model = "gemini-2.5-flash";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.GOOGLE));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(r.aliases()).containsExactly("google");
  }

  @Test
  void resolve_models_prefixed_gemini_routes_to_google_native_format() {
    String model = "models/gemini-2.5-flash";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.GOOGLE));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(r.aliases()).containsExactly("google");
  }

  @Test
  void resolve_gemini_chat_completions_catalog_model_routes_to_google() {
    String model = "gemini-2.5-flash";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.OPENAI));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(r.aliases()).containsExactly("google");
  }

  @Test
  void resolve_explicit_gemini_chat_completions_catalog_model_preserves_catalog_format() {
    String model = "gemini-2.5-flash";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.OPENAI, "google"));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(r.aliases()).containsExactly("google");
  }

  @Test
  void resolve_vertex_anthropic_model_routes_to_vertex() {
    String model = "publishers/anthropic/models/claude-haiku-4-5";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.ANTHROPIC));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.VERTEX_ANTHROPIC);
    assertThat(r.aliases()).containsExactly("vertex");
  }

  @Test
  void resolve_vertex_google_model_with_openai_format_forces_google() {
    String model = "publishers/google/models/gemini-2.5-flash";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.OPENAI));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(r.aliases()).containsExactly("vertex");
  }

  @Test
  void resolve_vertex_google_custom_model_with_openai_format_forces_google() {
    String model = "publishers/google/models/gemini-3.1-flash-lite-preview";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.OPENAI, "custom-vertex"));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(r.aliases()).containsExactly("custom-vertex");
  }

  @Test
  void resolve_returns_available_providers_when_no_alias() {
    String model = "gpt-4o";
    ResolvedModel r = resolveSelf(model, spec(model, ProviderFormat.OPENAI, "openai", "azure"));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(r.aliases()).containsExactly("openai", "azure");
  }

  @Test
  void resolve_custom_alias_overrides_available_providers() {
    String model = "gpt-4o";
    ModelCatalog catalog =
        ModelCatalog.builder().put(model, spec(model, ProviderFormat.OPENAI, "openai", "azure")).build();
    ModelResolver resolver = new ModelResolver(catalog, Map.of(model, "custom"));

    ResolvedModel r = resolver.resolve(model);
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(r.aliases()).containsExactly("custom");
  }

  // ---- Java-side edge cases -----------------------------------------------------------------------

  @Test
  void empty_and_null_names_are_unknown_models() {
    ModelResolver resolver = resolverOf("model", spec("model", ProviderFormat.OPENAI));
    assertThatThrownBy(() -> resolver.resolve(""))
        .isInstanceOfSatisfying(UnknownModelException.class, e -> assertThat(e.model()).isEmpty());
    assertThatThrownBy(() -> resolver.resolve(null)).isInstanceOf(UnknownModelException.class);
  }

  @Test
  void lookup_is_exact_without_prefix_matching() {
    ModelResolver resolver = resolverOf("gpt-4o", spec("gpt-4o", ProviderFormat.OPENAI));
    assertThatThrownBy(() -> resolver.resolve("gpt-4o-2024-08-06"))
        .isInstanceOf(UnknownModelException.class);
    assertThatThrownBy(() -> resolver.resolve("GPT-4O")).isInstanceOf(UnknownModelException.class);
  }

  @Test
  void rules_test_the_requested_name_not_the_spec_model() {
    // Key is a Bedrock-style name; the upstream id is a bare Claude name.
    String key = "anthropic.claude-3-haiku";
    ResolvedModel r = resolveSelf(key, spec("claude-3-haiku", ProviderFormat.ANTHROPIC));
    assertThat(r.catalogFormat()).isEqualTo(ProviderFormat.BEDROCK_ANTHROPIC);

    // And the reverse: a bare key whose spec model looks like Bedrock stays Anthropic.
    ResolvedModel bare = resolveSelf("claude-x", spec("anthropic.claude-x", ProviderFormat.ANTHROPIC));
    assertThat(bare.catalogFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(bare.aliases()).containsExactly("anthropic");
  }

  @Test
  void bedrock_and_vertex_anthropic_rules_need_anthropic_spec_format() {
    String bedrockName = "us.anthropic.some-model";
    assertThat(resolveSelf(bedrockName, spec(bedrockName, ProviderFormat.CONVERSE)).catalogFormat())
        .isEqualTo(ProviderFormat.CONVERSE);
    String vertexName = "publishers/anthropic/models/x";
    ResolvedModel v = resolveSelf(vertexName, spec(vertexName, ProviderFormat.OPENAI));
    assertThat(v.catalogFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(v.aliases()).containsExactly("vertex");
  }

  @Test
  void default_alias_follows_the_format_identifier_table() {
    assertThat(resolveSelf("r", spec("r", ProviderFormat.RESPONSES)).aliases()).containsExactly("openai");
    assertThat(resolveSelf("c", spec("c", ProviderFormat.CONVERSE)).aliases()).containsExactly("bedrock");
    assertThat(resolveSelf("m", spec("m", ProviderFormat.MISTRAL)).aliases()).containsExactly("mistral");
    assertThat(resolveSelf("u", spec("u", ProviderFormat.UNKNOWN)).aliases()).containsExactly("unknown");
    assertThat(ModelResolver.formatIdentifier(ProviderFormat.VERTEX_ANTHROPIC)).isEqualTo("vertex");
    assertThat(ModelResolver.formatIdentifier(ProviderFormat.BEDROCK_ANTHROPIC)).isEqualTo("bedrock");
  }

  @Test
  void gemini_api_model_detection() {
    assertThat(ModelResolver.isGeminiApiModel("gemini-2.5-flash")).isTrue();
    assertThat(ModelResolver.isGeminiApiModel("models/gemini-2.5-flash")).isTrue();
    assertThat(ModelResolver.isGeminiApiModel("publishers/google/models/gemini-2.5-flash")).isFalse();
    assertThat(ModelResolver.isGeminiApiModel("gpt-4o")).isFalse();
    assertThat(ModelResolver.isGeminiApiModel("my-gemini-2.5")).isFalse();
  }

  @Test
  void resolve_all_equivalent_lists_requested_model_first_then_sorted() {
    ModelCatalog catalog =
        ModelCatalog.builder()
            .put("m-b", spec("m-b", ProviderFormat.OPENAI))
            .put("m-c", spec("m-c", ProviderFormat.ANTHROPIC))
            .put("m-a", spec("m-a", ProviderFormat.OPENAI, "provider-a"))
            .addFallbackModels("m-c", List.of("m-b", "m-a"))
            .build();
    ModelResolver resolver = new ModelResolver(catalog);

    List<ResolvedModel> all = resolver.resolveAllEquivalent("m-c");
    assertThat(all).extracting(ResolvedModel::name).containsExactly("m-c", "m-a", "m-b");
    assertThat(all.get(0).catalogFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(all.get(1).aliases()).containsExactly("provider-a");

    assertThat(resolver.resolveAllEquivalent("m-b"))
        .extracting(ResolvedModel::name)
        .containsExactly("m-b", "m-a", "m-c");
  }

  @Test
  void resolve_all_equivalent_of_unknown_model_fails() {
    ModelResolver resolver = resolverOf("model", spec("model", ProviderFormat.OPENAI));
    assertThatThrownBy(() -> resolver.resolveAllEquivalent("missing"))
        .isInstanceOfSatisfying(
            UnknownModelException.class, e -> assertThat(e.model()).isEqualTo("missing"));
    assertThat(resolver.resolveAllEquivalent("model"))
        .extracting(ResolvedModel::name)
        .containsExactly("model");
  }
}
