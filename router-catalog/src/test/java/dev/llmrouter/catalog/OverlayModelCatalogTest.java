package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OverlayModelCatalog}: custom-first lookup, overlay fallback groups, shadowing, visibility. */
class OverlayModelCatalogTest {

  private static ModelSpec spec(String model, ProviderFormat format, String provider) {
    return ModelSpec.builder(model, format, ModelFlavor.CHAT).availableProviders(List.of(provider)).build();
  }

  private static ModelCatalog baseAb() {
    return ModelCatalog.parse("{"
        + "\"model-a\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"model-b\"]},"
        + "\"model-b\": {\"format\": \"openai\", \"flavor\": \"chat\"}}");
  }

  @Test
  void overlay_equivalence_reaches_custom_and_touched_base_models() {
    ModelCatalog base = ModelCatalog.parse("{"
        + "\"base-a\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"base-b\"]},"
        + "\"base-b\": {\"format\": \"openai\", \"flavor\": \"chat\"}}");
    ModelCatalog custom = ModelCatalog.builder()
        .put("custom-a", spec("custom-a", ProviderFormat.ANTHROPIC, "custom-provider"))
        .addExternalFallbackModels("custom-a", List.of("base-a"))
        .build();

    OverlayModelCatalog overlay = OverlayModelCatalog.of(base, custom);

    assertThat(overlay.fallbackModels("custom-a")).containsExactly("custom-a", "base-a", "base-b");
    assertThat(overlay.fallbackModels("base-a")).containsExactly("base-a", "base-b", "custom-a");
    assertThat(overlay.fallbackModels("base-b")).containsExactly("base-b", "base-a", "custom-a");
  }

  @Test
  void overlay_equivalence_index_does_not_inherit_shadowed_base_edges() {
    ModelCatalog custom = ModelCatalog.builder()
        .put("model-b", spec("custom-model-b", ProviderFormat.ANTHROPIC, "custom-provider"))
        .build();

    OverlayModelCatalog overlay = OverlayModelCatalog.of(baseAb(), custom);

    assertThat(overlay.fallbackModels("model-a")).containsExactly("model-a");
    assertThat(overlay.fallbackModels("model-b")).containsExactly("model-b");
    assertThat(overlay.get("model-b").orElseThrow().model()).isEqualTo("custom-model-b");
  }

  @Test
  void overlay_catalog_resolves_custom_and_base_models() {
    ModelCatalog base = baseAb();
    ModelCatalog custom = ModelCatalog.builder()
        .put("my-model", spec("my-upstream", ProviderFormat.OPENAI, "my-provider"))
        .build();
    OverlayModelCatalog overlay = OverlayModelCatalog.of(base, custom);

    assertThat(overlay.get("my-model").orElseThrow().model()).isEqualTo("my-upstream");
    assertThat(overlay.get("model-a").orElseThrow().model()).isEqualTo("model-a");
    assertThat(overlay.get("nope")).isEmpty();
    assertThat(overlay.isCustom("my-model")).isTrue();
    assertThat(overlay.isCustom("model-a")).isFalse();
    assertThat(overlay.contains("model-a")).isTrue();
    assertThat(overlay.contains("nope")).isFalse();
    assertThat(overlay.base()).isSameAs(base);
    assertThat(overlay.custom()).isSameAs(custom);
    assertThat(overlay.base().contains("my-model")).as("base stays untouched").isFalse();
    assertThat(overlay.fallbackModels("nope")).isEmpty();
    assertThat(overlay.fallbackModels("my-model")).containsExactly("my-model");
    assertThat(overlay.fallbackModels("model-b")).containsExactly("model-b", "model-a");
  }

  @Test
  void customShadowsBaseForGet() {
    ModelCatalog custom = ModelCatalog.builder()
        .put("model-a", spec("shadow", ProviderFormat.GOOGLE, "mine"))
        .build();
    OverlayModelCatalog overlay = OverlayModelCatalog.of(baseAb(), custom);
    assertThat(overlay.get("model-a").orElseThrow().format()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(overlay.isCustom("model-a")).isTrue();
    assertThat(overlay.fallbackModels("model-a")).containsExactly("model-a");
    assertThat(overlay.fallbackModels("model-b")).containsExactly("model-b");
  }

  @Test
  void shadowingCustomModelCanLinkBackExplicitly() {
    ModelCatalog custom = ModelCatalog.builder()
        .put("model-b", spec("custom-model-b", ProviderFormat.ANTHROPIC, "custom-provider"))
        .addExternalFallbackModels("model-b", List.of("model-a"))
        .build();
    OverlayModelCatalog overlay = OverlayModelCatalog.of(baseAb(), custom);
    assertThat(overlay.fallbackModels("model-a")).containsExactly("model-a", "model-b");
    assertThat(overlay.fallbackModels("model-b")).containsExactly("model-b", "model-a");
  }

  @Test
  void shadowedMiddleOfABaseChainKeepsTheRestOfTheBaseGroup() {
    // Faithful to Rust: a non-custom node follows its whole base group minus shadowed keys, so a and c
    // (declared equivalent through b) stay together while b, now custom, drops out.
    ModelCatalog base = ModelCatalog.parse("{"
        + "\"a\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"b\"]},"
        + "\"b\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"c\"]},"
        + "\"c\": {\"format\": \"openai\", \"flavor\": \"chat\"}}");
    ModelCatalog custom = ModelCatalog.builder().put("b", spec("b2", ProviderFormat.OPENAI, "x")).build();
    OverlayModelCatalog overlay = OverlayModelCatalog.of(base, custom);
    assertThat(overlay.fallbackModels("a")).containsExactly("a", "c");
    assertThat(overlay.fallbackModels("b")).containsExactly("b");
  }

  @Test
  void customInternalEdgesJoinCustomModels() {
    ModelCatalog custom = ModelCatalog.builder()
        .put("c1", spec("c1", ProviderFormat.OPENAI, "p"))
        .put("c2", spec("c2", ProviderFormat.OPENAI, "q"))
        .addFallbackModels("c1", List.of("c2"))
        .addExternalFallbackModels("c2", List.of("model-b"))
        .build();
    OverlayModelCatalog overlay = OverlayModelCatalog.of(baseAb(), custom);
    assertThat(overlay.fallbackModels("c1")).containsExactly("c1", "c2", "model-a", "model-b");
    assertThat(overlay.fallbackModels("model-a")).containsExactly("model-a", "c1", "c2", "model-b");
  }

  @Test
  void parseAcceptsFallbacksToBaseModels() {
    OverlayModelCatalog overlay = OverlayModelCatalog.parse(baseAb(), "{"
        + "\"mine\": {\"format\": \"anthropic\", \"flavor\": \"chat\","
        + " \"fallback_models\": [\"model-a\", \"\"],"
        + " \"available_providers\": [\"my-anthropic\"]},"
        + "\"mine-too\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"mine\"]}}");

    assertThat(overlay.isCustom("mine")).isTrue();
    assertThat(overlay.get("mine").orElseThrow().availableProviders()).containsExactly("my-anthropic");
    assertThat(overlay.fallbackModels("mine-too")).containsExactly("mine-too", "mine", "model-a", "model-b");
    assertThat(overlay.custom().fallbackModels("mine")).containsExactly("mine", "mine-too");
  }

  @Test
  void parseRejectsFallbacksVisibleNowhere() {
    CatalogException e = catchThrowableOfType(CatalogException.class,
        () -> OverlayModelCatalog.parse(baseAb(),
            "{\"mine\": {\"format\": \"openai\", \"flavor\": \"chat\", \"fallback_models\": [\"ghost\"]}}"));
    assertThat(e).hasMessage("custom model 'mine' references fallback model 'ghost', which is neither a "
        + "custom model nor a base model");
    assertThat(e.model()).contains("mine");
    assertThat(e.field()).contains("fallback_models");
  }

  @Test
  void ofRejectsExternalEdgesVisibleNowhere() {
    ModelCatalog custom = ModelCatalog.builder()
        .put("mine", spec("mine", ProviderFormat.OPENAI, "p"))
        .addExternalFallbackModels("mine", List.of("model-a", "missing"))
        .build();
    assertThatThrownBy(() -> OverlayModelCatalog.of(baseAb(), custom))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("'mine'")
        .hasMessageContaining("'missing'");
  }

  @Test
  void parseReportsCustomJsonErrors() {
    assertThatThrownBy(() -> OverlayModelCatalog.parse(baseAb(), "{\"mine\": {\"format\": \"openai\"}}"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("catalog model 'mine': missing required field 'flavor'");
  }

  @Test
  void nullCatalogsAreRejected() {
    assertThatThrownBy(() -> OverlayModelCatalog.of(null, ModelCatalog.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
    assertThatThrownBy(() -> OverlayModelCatalog.of(ModelCatalog.empty(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("custom");
  }

  @Test
  void emptyCustomBehavesLikeTheBase() {
    ModelCatalog base = baseAb();
    OverlayModelCatalog overlay = OverlayModelCatalog.of(base, ModelCatalog.empty());
    for (String name : List.of("model-a", "model-b", "nope")) {
      assertThat(overlay.fallbackModels(name)).isEqualTo(base.fallbackModels(name));
      assertThat(overlay.get(name)).isEqualTo(base.get(name));
    }
  }
}
