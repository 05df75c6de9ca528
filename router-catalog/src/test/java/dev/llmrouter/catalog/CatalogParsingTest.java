package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How catalog JSON maps onto {@link ModelSpec}, and the file, stream and classpath loaders. */
class CatalogParsingTest {

  private static final String FULL = "{\n"
      + "  \"full\": {\n"
      + "    \"model\": \"upstream-id\",\n"
      + "    \"format\": \"anthropic\",\n"
      + "    \"flavor\": \"chat\",\n"
      + "    \"displayName\": \"Full Model\",\n"
      + "    \"parent\": \"base\",\n"
      + "    \"description\": \"every field\",\n"
      + "    \"input_cost_per_mil_tokens\": 0.075,\n"
      + "    \"output_cost_per_mil_tokens\": 15.00002,\n"
      + "    \"input_cache_read_cost_per_mil_tokens\": 0.30,\n"
      + "    \"input_cache_write_cost_per_mil_tokens\": 3.75,\n"
      + "    \"input_cache_write_5m_cost_per_mil_tokens\": 3.750,\n"
      + "    \"input_cache_write_1h_cost_per_mil_tokens\": 6,\n"
      + "    \"multimodal\": true,\n"
      + "    \"reasoning\": false,\n"
      + "    \"reasoning_budget\": true,\n"
      + "    \"o1_like\": false,\n"
      + "    \"deprecated\": true,\n"
      + "    \"experimental\": false,\n"
      + "    \"max_input_tokens\": 4294967295,\n"
      + "    \"max_output_tokens\": 0,\n"
      + "    \"supports_streaming\": false,\n"
      + "    \"streaming_only\": true,\n"
      + "    \"deprecation_date\": \"2026-10-23\",\n"
      + "    \"available_providers\": [\"anthropic\", \"bedrock\"],\n"
      + "    \"locations\": [\"us-east5\", \"global\"],\n"
      + "    \"supported_regions\": [\"us\"],\n"
      + "    \"endpoint_types\": [\"chat\", \"responses\"],\n"
      + "    \"fallback_models\": [\"base\", \"\"],\n"
      + "    \"extra\": {\"ratio\": 1.10, \"locations\": [\"europe-west4\"],"
      + " \"deep\": {\"n\": 1e-7, \"s\": \"x\"}, \"flag\": null},\n"
      + "    \"some_future_field\": {\"nested\": [1, {\"x\": [true]}]}\n"
      + "  },\n"
      + "  \"base\": {\"format\": \"openai\", \"flavor\": \"completion\"}\n"
      + "}";

  @Test
  void everySchemaFieldIsMapped() {
    ModelCatalog catalog = ModelCatalog.parse(FULL);
    ModelSpec s = catalog.get("full").orElseThrow();

    assertThat(s.model()).isEqualTo("upstream-id");
    assertThat(s.format()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(s.flavor()).isEqualTo(ModelFlavor.CHAT);
    assertThat(s.displayName()).contains("Full Model");
    assertThat(s.parent()).contains("base");
    assertThat(s.description()).contains("every field");
    assertThat(s.inputCostPerMilTokens().orElseThrow().toString()).isEqualTo("0.075");
    assertThat(s.outputCostPerMilTokens().orElseThrow().toString()).isEqualTo("15.00002");
    assertThat(s.inputCacheReadCostPerMilTokens().orElseThrow().toString()).isEqualTo("0.30");
    assertThat(s.inputCacheWriteCostPerMilTokens().orElseThrow().toString()).isEqualTo("3.75");
    assertThat(s.inputCacheWrite5mCostPerMilTokens().orElseThrow().toString()).isEqualTo("3.750");
    assertThat(s.inputCacheWrite1hCostPerMilTokens().orElseThrow().toString()).isEqualTo("6");
    assertThat(s.multimodal()).contains(true);
    assertThat(s.reasoning()).contains(false);
    assertThat(s.reasoningBudget()).contains(true);
    assertThat(s.o1Like()).contains(false);
    assertThat(s.deprecated()).contains(true);
    assertThat(s.experimental()).contains(false);
    assertThat(s.maxInputTokens()).hasValue(4294967295L);
    assertThat(s.maxOutputTokens()).hasValue(0L);
    assertThat(s.supportsStreaming()).isFalse();
    assertThat(s.streamingOnly()).isTrue();
    assertThat(s.deprecationDate()).contains(LocalDate.of(2026, 10, 23));
    assertThat(s.availableProviders()).containsExactly("anthropic", "bedrock");
    assertThat(s.locations()).containsExactly("us-east5", "global");
    assertThat(s.supportedRegions()).containsExactly("us");
    assertThat(s.endpointTypes()).containsExactly("chat", "responses");
    assertThat(s.fallbackModels()).containsExactly("base", "");
    assertThat(catalog.declaredFallbackModels("full")).containsExactly("base");
    assertThat(catalog.fallbackModels("base")).containsExactly("base", "full");
    assertThat(s.extra()).containsExactly(
        Map.entry("ratio", "1.10"),
        Map.entry("locations", "[\"europe-west4\"]"),
        Map.entry("deep", "{\"n\":1e-7,\"s\":\"x\"}"),
        Map.entry("flag", "null"));
    assertThat(catalog.names()).containsExactly("full", "base");
  }

  @Test
  void absentFieldsAreEmptyAndDefaultsApply() {
    ModelSpec s = ModelCatalog.parse(FULL).get("base").orElseThrow();

    assertThat(s.model()).as("model defaults to the key").isEqualTo("base");
    assertThat(s.flavor()).isEqualTo(ModelFlavor.COMPLETION);
    assertThat(s.displayName()).isEmpty();
    assertThat(s.inputCostPerMilTokens()).isEmpty();
    assertThat(s.outputCostPerMilTokens()).isEmpty();
    assertThat(s.maxInputTokens()).isEmpty();
    assertThat(s.deprecationDate()).isEmpty();
    assertThat(s.multimodal()).isEmpty();
    assertThat(s.supportsStreaming()).isTrue();
    assertThat(s.streamingOnly()).isFalse();
    assertThat(s.availableProviders()).isEmpty();
    assertThat(s.fallbackModels()).isEmpty();
    assertThat(s.extra()).isEmpty();
  }

  @Test
  void jsonNullOnOptionalFieldsMeansAbsent() {
    ModelSpec s = ModelCatalog.parse("{\"m\": {\"format\": \"openai\", \"flavor\": \"chat\","
        + " \"model\": null, \"displayName\": null, \"input_cost_per_mil_tokens\": null,"
        + " \"max_input_tokens\": null, \"supports_streaming\": null, \"streaming_only\": null,"
        + " \"available_providers\": null, \"fallback_models\": null, \"extra\": null,"
        + " \"deprecation_date\": null, \"multimodal\": null}}").get("m").orElseThrow();

    assertThat(s.model()).isEqualTo("m");
    assertThat(s.displayName()).isEmpty();
    assertThat(s.inputCostPerMilTokens()).isEmpty();
    assertThat(s.maxInputTokens()).isEmpty();
    assertThat(s.supportsStreaming()).isTrue();
    assertThat(s.streamingOnly()).isFalse();
    assertThat(s.availableProviders()).isEmpty();
    assertThat(s.extra()).isEmpty();
    assertThat(s.deprecationDate()).isEmpty();
    assertThat(s.multimodal()).isEmpty();
  }

  @Test
  void emptyModelStringDefaultsToTheKey() {
    ModelSpec s = ModelCatalog.parse(
        "{\"k\": {\"model\": \"\", \"format\": \"openai\", \"flavor\": \"chat\"}}").get("k").orElseThrow();
    assertThat(s.model()).isEqualTo("k");
  }

  @Test
  void formatNamesFollowProviderFormatParse() {
    ModelCatalog catalog = ModelCatalog.parse("{"
        + "\"js\": {\"format\": \"js\", \"flavor\": \"completion\"},"
        + "\"br\": {\"format\": \"bedrock\", \"flavor\": \"chat\"},"
        + "\"cc\": {\"format\": \"chat-completions\", \"flavor\": \"chat\"},"
        + "\"rs\": {\"format\": \"responses\", \"flavor\": \"responses\"},"
        + "\"mi\": {\"format\": \"mistral\", \"flavor\": \"chat\"}}");
    assertThat(catalog.resolveFormat("js")).contains(ProviderFormat.UNKNOWN);
    assertThat(catalog.resolveFormat("br")).contains(ProviderFormat.CONVERSE);
    assertThat(catalog.resolveFormat("cc")).contains(ProviderFormat.OPENAI);
    assertThat(catalog.resolveFormat("rs")).contains(ProviderFormat.RESPONSES);
    assertThat(catalog.get("rs").orElseThrow().flavor()).isEqualTo(ModelFlavor.RESPONSES);
    assertThat(catalog.resolveFormat("mi")).contains(ProviderFormat.MISTRAL);
  }

  @Test
  void perTokenPricesConvertExactlyWhenPerMilIsAbsent() {
    ModelCatalog catalog = ModelCatalog.parse("{"
        + "\"per-token\": {\"format\": \"openai\", \"flavor\": \"chat\","
        + "  \"input_cost_per_token\": 0.0000025, \"output_cost_per_token\": 1e-5},"
        + "\"both\": {\"format\": \"openai\", \"flavor\": \"chat\", \"input_cost_per_token\": 0.000001,"
        + "  \"input_cost_per_mil_tokens\": 7, \"output_cost_per_mil_tokens\": 8,"
        + "  \"output_cost_per_token\": 9}}");

    ModelSpec perToken = catalog.get("per-token").orElseThrow();
    assertThat(perToken.inputCostPerMilTokens().orElseThrow()).isEqualTo(new BigDecimal("2.5"));
    assertThat(perToken.outputCostPerMilTokens().orElseThrow()).isEqualByComparingTo("10");
    ModelSpec both = catalog.get("both").orElseThrow();
    assertThat(both.inputCostPerMilTokens().orElseThrow()).isEqualTo(new BigDecimal("7"));
    assertThat(both.outputCostPerMilTokens().orElseThrow()).isEqualTo(new BigDecimal("8"));
  }

  @Test
  void numbersKeepTheirExactText() {
    ModelSpec s = ModelCatalog.parse("{\"m\": {\"format\": \"openai\", \"flavor\": \"chat\","
        + " \"input_cost_per_mil_tokens\": 0.1, \"output_cost_per_mil_tokens\": 0.30000000000000004,"
        + " \"input_cache_read_cost_per_mil_tokens\": 1E+2,"
        + " \"extra\": {\"a\": 1.10, \"b\": 100000000000000000000001, \"c\": -0.0, \"d\": 2.5E-3}}}")
        .get("m").orElseThrow();

    assertThat(s.inputCostPerMilTokens().orElseThrow().toString()).isEqualTo("0.1");
    assertThat(s.outputCostPerMilTokens().orElseThrow().toPlainString()).isEqualTo("0.30000000000000004");
    assertThat(s.inputCacheReadCostPerMilTokens().orElseThrow()).isEqualByComparingTo("100");
    assertThat(s.extra()).containsEntry("a", "1.10")
        .containsEntry("b", "100000000000000000000001")
        .containsEntry("c", "-0.0")
        .containsEntry("d", "2.5E-3");
  }

  @Test
  void unknownFieldsAreSkippedWhateverTheirShape() {
    ModelCatalog catalog = ModelCatalog.parse("{\"m\": {\"zzz\": [1, [2, {\"q\": {}}]],"
        + " \"format\": \"openai\","
        + " \"other\": {\"format\": \"google\"}, \"flavor\": \"chat\", \"tail\": \"x\"},"
        + " \"n\": {\"format\": \"google\", \"flavor\": \"chat\"}}");
    assertThat(catalog.resolveFormat("m")).contains(ProviderFormat.OPENAI);
    assertThat(catalog.resolveFormat("n")).contains(ProviderFormat.GOOGLE);
    assertThat(catalog.size()).isEqualTo(2);
  }

  @Test
  void emptyObjectIsAnEmptyCatalog() {
    assertThat(ModelCatalog.parse("  { }  ").isEmpty()).isTrue();
    assertThat(ModelCatalog.parse("\uFEFF{}").isEmpty()).isTrue();
  }

  @Test
  void loadReadsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("catalog.json");
    Files.writeString(file, FULL, StandardCharsets.UTF_8);
    ModelCatalog catalog = ModelCatalog.load(file);
    assertThat(catalog.size()).isEqualTo(2);
    assertThat(catalog.get("full").orElseThrow().inputCostPerMilTokens().orElseThrow().toString())
        .isEqualTo("0.075");
  }

  @Test
  void loadFromStreamLeavesTheStreamOpen() {
    AtomicBoolean closed = new AtomicBoolean();
    ByteArrayInputStream in = new ByteArrayInputStream(FULL.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() throws IOException {
        closed.set(true);
        super.close();
      }
    };
    ModelCatalog catalog = ModelCatalog.load(in);
    assertThat(catalog.fallbackModels("full")).containsExactly("full", "base");
    assertThat(closed).isFalse();
  }

  @Test
  void loadFromUtf16StreamIsDetected() {
    String json = "{\"m\u00e9\": {\"format\": \"openai\", \"flavor\": \"chat\","
        + " \"displayName\": \"\u00e9t\u00e9\"}}";
    ModelCatalog catalog =
        ModelCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_16BE)));
    assertThat(catalog.get("m\u00e9").orElseThrow().displayName()).contains("\u00e9t\u00e9");
  }

  @Test
  void loadResourceFindsClasspathCatalogs() {
    ModelCatalog catalog = ModelCatalog.loadResource("dev/llmrouter/catalog/test-catalog.json");
    assertThat(catalog.names()).containsExactly("resource-model", "resource-twin");
    assertThat(catalog.fallbackModels("resource-twin")).containsExactly("resource-twin", "resource-model");
    assertThat(ModelCatalog.loadResource("/dev/llmrouter/catalog/test-catalog.json").size()).isEqualTo(2);
  }

  @Test
  void loadResourceUsesTheContextClassLoaderFirst() {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    ClassLoader renaming = new ClassLoader(null) {
      @Override
      public java.net.URL getResource(String name) {
        return name.equals("only/in/context.json")
            ? CatalogParsingTest.class.getClassLoader().getResource("dev/llmrouter/catalog/test-catalog.json")
            : null;
      }
    };
    Thread.currentThread().setContextClassLoader(renaming);
    try {
      assertThat(ModelCatalog.loadResource("only/in/context.json").size()).isEqualTo(2);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    assertThatThrownBy(() -> ModelCatalog.loadResource("only/in/context.json"))
        .isInstanceOf(CatalogException.class);
  }

  @Test
  void missingResourceIsAClearError() {
    assertThatThrownBy(() -> ModelCatalog.loadResource("no/such/catalog.json"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("catalog resource 'no/such/catalog.json': not found on the classpath");
    assertThatThrownBy(() -> ModelCatalog.loadResource(" "))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("must not be empty");
  }

  @Test
  void invalidResourceNamesTheResourceModelAndField() {
    assertThatThrownBy(() -> ModelCatalog.loadResource("dev/llmrouter/catalog/test-broken-catalog.json"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("catalog resource 'dev/llmrouter/catalog/test-broken-catalog.json': "
            + "catalog model 'broken': missing required field 'flavor'")
        .satisfies(e -> assertThat(((CatalogException) e).field()).contains("flavor"));
  }

  @Test
  void lazyCatalogLoadsOnceAndCaches() {
    ModelCatalog.Lazy lazy = new ModelCatalog.Lazy("dev/llmrouter/catalog/test-catalog.json");
    ModelCatalog first = lazy.get();
    assertThat(first.size()).isEqualTo(2);
    assertThat(lazy.get()).isSameAs(first);
  }

  @Test
  void lazyCatalogDoesNotCacheFailures() {
    ModelCatalog.Lazy lazy = new ModelCatalog.Lazy("no/such/bundled.json");
    assertThatThrownBy(lazy::get).isInstanceOf(CatalogException.class).hasMessageContaining("not found");
    assertThatThrownBy(lazy::get).isInstanceOf(CatalogException.class).hasMessageContaining("not found");
  }

  @Test
  void bundledUsesTheBundledResourceName() {
    assertThat(ModelCatalog.BUNDLED_RESOURCE).isEqualTo("dev/llmrouter/catalog/model_list.json");
    boolean present = ModelCatalog.class.getClassLoader().getResource(ModelCatalog.BUNDLED_RESOURCE) != null;
    if (present) {
      ModelCatalog bundled = ModelCatalog.bundled();
      assertThat(bundled.isEmpty()).isFalse();
      assertThat(ModelCatalog.bundled()).isSameAs(bundled);
    } else {
      assertThatThrownBy(ModelCatalog::bundled)
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining(ModelCatalog.BUNDLED_RESOURCE);
    }
  }
}
