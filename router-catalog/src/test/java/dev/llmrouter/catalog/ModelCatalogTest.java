package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of the Rust {@code catalog/mod.rs} catalog tests, plus the rest of the {@link ModelCatalog} API:
 * builder, indexes, prefix resolution and immutability.
 */
class ModelCatalogTest {

  private static ModelSpec chat(String model) {
    return ModelSpec.builder(model, ProviderFormat.OPENAI, ModelFlavor.CHAT).build();
  }

  @Test
  void fallback_models_are_available_from_any_member() {
    ModelCatalog catalog = ModelCatalog.parse("{\n"
        + "  \"claude-sonnet-4-6\": {\n"
        + "    \"format\": \"anthropic\",\n"
        + "    \"flavor\": \"chat\",\n"
        + "    \"fallback_models\": [\n"
        + "      \"publishers/anthropic/models/claude-sonnet-4-6\",\n"
        + "      \"anthropic.claude-sonnet-4-6\"\n"
        + "    ]\n"
        + "  },\n"
        + "  \"publishers/anthropic/models/claude-sonnet-4-6\":"
        + " {\"format\": \"anthropic\", \"flavor\": \"chat\"},\n"
        + "  \"anthropic.claude-sonnet-4-6\": {\"format\": \"anthropic\", \"flavor\": \"chat\"}\n"
        + "}");

    assertThat(catalog.fallbackModels("claude-sonnet-4-6")).containsExactly(
        "claude-sonnet-4-6",
        "anthropic.claude-sonnet-4-6",
        "publishers/anthropic/models/claude-sonnet-4-6");
    assertThat(catalog.fallbackModels("publishers/anthropic/models/claude-sonnet-4-6")).containsExactly(
        "publishers/anthropic/models/claude-sonnet-4-6",
        "anthropic.claude-sonnet-4-6",
        "claude-sonnet-4-6");
  }

  @Test
  void equivalent_model_groups_are_connected_components() {
    ModelCatalog catalog = ModelCatalog.parse("{"
        + "\"model-a\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"model-b\"]},"
        + "\"model-b\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"model-c\"]},"
        + "\"model-c\": {\"format\": \"openai\", \"flavor\": \"chat\"},"
        + "\"model-d\": {\"format\": \"openai\", \"flavor\": \"chat\"}"
        + "}");

    assertThat(catalog.fallbackModels("model-a")).containsExactly("model-a", "model-b", "model-c");
    assertThat(catalog.fallbackModels("model-c")).containsExactly("model-c", "model-a", "model-b");
    assertThat(catalog.fallbackModels("model-d")).containsExactly("model-d");
    assertThat(catalog.fallbackModels("unknown")).isEmpty();
  }

  @Test
  void missing_fallback_model_reference_is_invalid() {
    assertThatThrownBy(() -> ModelCatalog.parse("{\"model-a\": {\"format\": \"openai\", \"flavor\": \"chat\","
        + " \"fallback_models\": [\"missing-model\"]}}"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("model 'model-a' references missing fallback model 'missing-model'")
        .satisfies(e -> {
          CatalogException ce = (CatalogException) e;
          assertThat(ce.model()).contains("model-a");
          assertThat(ce.field()).contains("fallback_models");
        });
  }

  @Test
  void add_fallback_models_rebuilds_index() {
    ModelCatalog catalog = ModelCatalog.parse("{"
        + "\"model-a\": {\"format\": \"openai\", \"flavor\": \"chat\"},"
        + "\"model-b\": {\"format\": \"openai\", \"flavor\": \"chat\"}}");
    assertThat(catalog.fallbackModels("model-a")).containsExactly("model-a");

    ModelCatalog linked = catalog.withFallbackModels("model-a", List.of("model-b"));

    assertThat(linked.fallbackModels("model-a")).containsExactly("model-a", "model-b");
    assertThat(linked.fallbackModels("model-b")).containsExactly("model-b", "model-a");
    assertThat(catalog.fallbackModels("model-a")).as("original unchanged").containsExactly("model-a");
  }

  @Test
  void add_fallback_models_rejects_missing_reference() {
    ModelCatalog catalog =
        ModelCatalog.parse("{\"model-a\": {\"format\": \"openai\", \"flavor\": \"chat\"}}");

    assertThatThrownBy(() -> catalog.withFallbackModels("model-a", List.of("missing")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("model 'model-a' references missing fallback model 'missing'");
    assertThat(catalog.fallbackModels("model-a")).containsExactly("model-a");
    assertThat(catalog.declaredFallbackModels("model-a")).isEmpty();
  }

  @Test
  void map_specs_preserves_equivalent_model_index() {
    ModelCatalog catalog = ModelCatalog.parse("{"
        + "\"model-a\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"model-b\"]},"
        + "\"model-b\": {\"format\": \"openai\", \"flavor\": \"chat\"}}");

    ModelCatalog mapped = catalog.mapSpecs(
        spec -> spec.toBuilder().availableProviders(List.of("OPENAI_API_KEY")).build());

    assertThat(mapped.fallbackModels("model-a")).containsExactly("model-a", "model-b");
    assertThat(mapped.get("model-a").orElseThrow().availableProviders()).containsExactly("OPENAI_API_KEY");
    assertThat(catalog.get("model-a").orElseThrow().availableProviders()).isEmpty();
  }

  @Test
  void withFallbackModelsOnUnknownSourceNamesTheModel() {
    ModelCatalog catalog = ModelCatalog.builder().put("a", chat("a")).build();
    assertThatThrownBy(() -> catalog.withFallbackModels("nope", List.of("a")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("model 'nope' references fallback_models but is missing from catalog");
  }

  @Test
  void builderFiltersEmptyTargetsAndSkipsDuplicates() {
    ModelCatalog catalog = ModelCatalog.builder()
        .addFallbackModels("a", List.of("b", "", "c", "b"))
        .put("a", chat("a"))
        .put("b", chat("b"))
        .put("c", chat("c"))
        .addFallbackModels("a", List.of("c", "b", ""))
        .build();

    assertThat(catalog.declaredFallbackModels("a")).containsExactly("b", "c");
    assertThat(catalog.fallbackModels("b")).containsExactly("b", "a", "c");
  }

  @Test
  void builderWithOnlyEmptyTargetsDeclaresNothing() {
    ModelCatalog catalog = ModelCatalog.builder()
        .put("a", chat("a"))
        .addFallbackModels("a", List.of("", ""))
        .build();
    assertThat(catalog.declaredFallbackModels("a")).isEmpty();
    assertThat(catalog.fallbackModels("a")).containsExactly("a");
  }

  @Test
  void externalFallbackTargetsAreNotValidatedAndDoNotJoinGroups() {
    ModelCatalog catalog = ModelCatalog.builder()
        .put("a", chat("a"))
        .put("b", chat("b"))
        .addExternalFallbackModels("a", List.of("elsewhere", "b"))
        .build();

    assertThat(catalog.declaredFallbackModels("a")).containsExactly("elsewhere", "b");
    assertThat(catalog.fallbackModels("a")).containsExactly("a", "b");
    assertThat(catalog.fallbackModels("elsewhere")).isEmpty();
  }

  @Test
  void externalFallbackSourceMustStillExist() {
    ModelCatalog.Builder builder = ModelCatalog.builder()
        .put("a", chat("a"))
        .addExternalFallbackModels("ghost", List.of("a"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("model 'ghost' references fallback_models but is missing from catalog");
  }

  @Test
  void externalThenValidatedEdgeToSameTargetIsValidated() {
    ModelCatalog.Builder builder = ModelCatalog.builder()
        .put("a", chat("a"))
        .addExternalFallbackModels("a", List.of("x"))
        .addFallbackModels("a", List.of("x"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("model 'a' references missing fallback model 'x'");
  }

  @Test
  void builderRejectsNullsWithClearErrors() {
    ModelCatalog.Builder builder = ModelCatalog.builder();
    assertThatThrownBy(() -> builder.put(null, chat("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> builder.put("", chat("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> builder.put("a", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    assertThatThrownBy(() -> builder.addFallbackModels("a", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    assertThatThrownBy(() -> builder.addFallbackModels("a", java.util.Arrays.asList("b", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
  }

  @Test
  void putFillsAnEmptyModelIdWithTheKeyAndReplaces() {
    ModelCatalog catalog = ModelCatalog.builder()
        .put("alias", ModelSpec.builder("", ProviderFormat.GOOGLE, ModelFlavor.CHAT).build())
        .put("x", chat("first"))
        .put("x", chat("second"))
        .build();
    assertThat(catalog.get("alias").orElseThrow().model()).isEqualTo("alias");
    assertThat(catalog.get("x").orElseThrow().model()).isEqualTo("second");
    assertThat(catalog.size()).isEqualTo(2);
    assertThat(catalog.modelsForFormat(ProviderFormat.OPENAI)).containsExactly("x");
  }

  @Test
  void asMapAndNamesKeepInsertionOrderAndAreUnmodifiable() {
    ModelCatalog catalog = ModelCatalog.parse("{"
        + "\"zeta\": {\"format\": \"openai\", \"flavor\": \"chat\"},"
        + "\"alpha\": {\"format\": \"openai\", \"flavor\": \"chat\"},"
        + "\"mid\": {\"format\": \"openai\", \"flavor\": \"chat\"}}");
    assertThat(catalog.names()).containsExactly("zeta", "alpha", "mid");
    assertThat(catalog.asMap().keySet()).containsExactly("zeta", "alpha", "mid");
    assertThatThrownBy(() -> catalog.asMap().put("x", chat("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> catalog.fallbackModels("zeta").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(catalog.size()).isEqualTo(3);
    assertThat(catalog.isEmpty()).isFalse();
  }

  @Test
  void emptyCatalogHasNothing() {
    ModelCatalog empty = ModelCatalog.empty();
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.size()).isZero();
    assertThat(empty.get("gpt-4o")).isEmpty();
    assertThat(empty.contains("gpt-4o")).isFalse();
    assertThat(empty.fallbackModels("gpt-4o")).isEmpty();
    assertThat(empty.modelsForFormat(ProviderFormat.OPENAI)).isEmpty();
    assertThat(empty.get(null)).isEmpty();
  }

  @Test
  void getIsExactLookupOnly() {
    ModelCatalog catalog = ModelCatalog.builder().put("gpt-4o", chat("gpt-4o")).build();
    assertThat(catalog.get("gpt-4o")).isPresent();
    assertThat(catalog.get("GPT-4O")).isEmpty();
    assertThat(catalog.get("gpt-4o-2024-08-06")).isEmpty();
    assertThat(catalog.contains("gpt-4o")).isTrue();
  }

  @Test
  void resolveFormatWithPrefixPrefersExactThenLongestSeparatedPrefix() {
    ModelCatalog catalog = ModelCatalog.builder()
        .put("gpt-4o", chat("gpt-4o"))
        .put("gpt-4o-mini", ModelSpec.builder("gpt-4o-mini", ProviderFormat.RESPONSES, ModelFlavor.CHAT)
            .build())
        .put("gemini", ModelSpec.builder("gemini", ProviderFormat.GOOGLE, ModelFlavor.CHAT).build())
        .build();

    assertThat(catalog.resolveFormat("gpt-4o")).contains(ProviderFormat.OPENAI);
    assertThat(catalog.resolveFormat("gpt-4o-2024-08-06")).isEmpty();
    assertThat(catalog.resolveFormatWithPrefix("gpt-4o-2024-08-06")).contains(ProviderFormat.OPENAI);
    assertThat(catalog.resolveFormatWithPrefix("gpt-4o-mini-2024")).contains(ProviderFormat.RESPONSES);
    assertThat(catalog.resolveFormatWithPrefix("gemini/flash")).contains(ProviderFormat.GOOGLE);
    assertThat(catalog.resolveFormatWithPrefix("gpt-4oo")).as("no separator").isEmpty();
    assertThat(catalog.resolveFormatWithPrefix("gemini.flash")).as("dot is not a separator").isEmpty();
    assertThat(catalog.resolveFormatWithPrefix("gpt-4")).isEmpty();
    assertThat(catalog.resolveFormatWithPrefix(null)).isEmpty();
  }

  @Test
  void formatAndParentIndexes() {
    ModelCatalog catalog = ModelCatalog.parse("{"
        + "\"a\": {\"format\": \"anthropic\", \"flavor\": \"chat\"},"
        + "\"b\": {\"format\": \"openai\", \"flavor\": \"chat\", \"parent\": \"a\"},"
        + "\"c\": {\"format\": \"anthropic\", \"flavor\": \"chat\", \"parent\": \"a\"}}");
    assertThat(catalog.modelsForFormat(ProviderFormat.ANTHROPIC)).containsExactly("a", "c");
    assertThat(catalog.modelsForFormat(ProviderFormat.OPENAI)).containsExactly("b");
    assertThat(catalog.modelsForFormat(ProviderFormat.GOOGLE)).isEmpty();
    assertThat(catalog.childModels("a")).containsExactly("b", "c");
    assertThat(catalog.childModels("b")).isEmpty();
  }

  @Test
  void mapSpecsRejectsNullResultsNamingTheModel() {
    ModelCatalog catalog = ModelCatalog.builder().put("a", chat("a")).build();
    assertThatThrownBy(() -> catalog.mapSpecs(s -> null))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("'a'");
  }

  @Test
  void mapSpecsReindexesFormats() {
    ModelCatalog catalog = ModelCatalog.builder().put("a", chat("a")).build();
    ModelCatalog mapped = catalog.mapSpecs(s -> s.toBuilder().format(ProviderFormat.MISTRAL).build());
    assertThat(mapped.modelsForFormat(ProviderFormat.MISTRAL)).containsExactly("a");
    assertThat(mapped.modelsForFormat(ProviderFormat.OPENAI)).isEmpty();
  }

  @Test
  void toBuilderCopiesModelsAndEdgesIndependently() {
    ModelCatalog catalog = ModelCatalog.builder()
        .put("a", chat("a"))
        .put("b", chat("b"))
        .addFallbackModels("a", List.of("b"))
        .build();
    ModelCatalog bigger =
        catalog.toBuilder().put("c", chat("c")).addFallbackModels("c", List.of("b")).build();

    assertThat(bigger.fallbackModels("a")).containsExactly("a", "b", "c");
    assertThat(catalog.fallbackModels("a")).containsExactly("a", "b");
    assertThat(catalog.contains("c")).isFalse();
  }

  @Test
  void selfReferenceIsHarmless() {
    ModelCatalog catalog = ModelCatalog.builder()
        .put("a", chat("a"))
        .addFallbackModels("a", List.of("a"))
        .build();
    assertThat(catalog.fallbackModels("a")).containsExactly("a");
  }
}
