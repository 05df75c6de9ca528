package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads Braintrust's real proxy catalog (the shared fixture, 1,259 models) and checks the numbers in
 * spec section 10, counted from the loaded {@link ModelSpec}s, plus a raw field count of the file as an
 * independent cross-check that no field is dropped.
 */
class UpstreamCatalogTest {

  private static Path fixture;
  private static ModelCatalog catalog;

  @BeforeAll
  static void load() {
    String shared = System.getProperty("llmrouter.shared.dir");
    if (shared == null || shared.isBlank()) {
      throw new IllegalStateException("system property llmrouter.shared.dir is not set (surefire sets it)");
    }
    fixture = Path.of(shared, "fixtures", "braintrust-model_list.json");
    if (!Files.isRegularFile(fixture)) {
      throw new IllegalStateException("upstream catalog fixture is missing: " + fixture);
    }
    catalog = ModelCatalog.load(fixture);
  }

  private static long count(Predicate<ModelSpec> p) {
    return catalog.asMap().values().stream().filter(p).count();
  }

  @Test
  void holdsEveryModel() {
    assertThat(catalog.size()).isEqualTo(1259);
    assertThat(catalog.asMap().entrySet()).allSatisfy(e ->
        assertThat(e.getValue().model()).as("no model field: model = key").isEqualTo(e.getKey()));
  }

  @Test
  void formatCountsMatchTheSpec() {
    Map<ProviderFormat, Integer> byFormat = new EnumMap<>(ProviderFormat.class);
    catalog.asMap().values().forEach(s -> byFormat.merge(s.format(), 1, Integer::sum));
    assertThat(byFormat).containsOnly(
        entry(ProviderFormat.OPENAI, 1010),
        entry(ProviderFormat.ANTHROPIC, 93),
        entry(ProviderFormat.GOOGLE, 80),
        entry(ProviderFormat.CONVERSE, 75),
        entry(ProviderFormat.UNKNOWN, 1));
    for (ProviderFormat f : ProviderFormat.values()) {
      assertThat(catalog.modelsForFormat(f)).hasSize(byFormat.getOrDefault(f, 0));
    }
    assertThat(catalog.modelsForFormat(ProviderFormat.UNKNOWN)).containsExactly("text-block");
  }

  @Test
  void flavorCountsMatchTheSpec() {
    Map<ModelFlavor, Integer> byFlavor = new EnumMap<>(ModelFlavor.class);
    catalog.asMap().values().forEach(s -> byFlavor.merge(s.flavor(), 1, Integer::sum));
    assertThat(byFlavor).containsOnly(
        entry(ModelFlavor.CHAT, 1245), entry(ModelFlavor.COMPLETION, 7), entry(ModelFlavor.EMBEDDING, 7));
  }

  @Test
  void fieldCountsMatchTheSpec() {
    assertThat(count(s -> !s.availableProviders().isEmpty())).isEqualTo(1168);
    assertThat(count(s -> s.inputCostPerMilTokens().isPresent())).isEqualTo(1094);
    assertThat(count(s -> s.outputCostPerMilTokens().isPresent())).isEqualTo(1086);
    assertThat(count(s -> s.maxInputTokens().isPresent())).isEqualTo(1048);
    assertThat(count(s -> s.maxOutputTokens().isPresent())).isEqualTo(930);
    assertThat(count(s -> s.displayName().isPresent())).isEqualTo(919);
    assertThat(count(s -> s.multimodal().isPresent())).isEqualTo(529);
    assertThat(count(s -> s.inputCacheReadCostPerMilTokens().isPresent())).isEqualTo(418);
    assertThat(count(s -> s.reasoning().isPresent())).isEqualTo(414);
    assertThat(count(s -> s.parent().isPresent())).isEqualTo(201);
    assertThat(count(s -> s.deprecationDate().isPresent())).isEqualTo(184);
    assertThat(count(s -> s.reasoningBudget().isPresent())).isEqualTo(117);
    assertThat(count(s -> s.inputCacheWriteCostPerMilTokens().isPresent())).isEqualTo(99);
    assertThat(count(s -> s.deprecated().isPresent())).isEqualTo(61);
    assertThat(count(s -> !s.fallbackModels().isEmpty())).isEqualTo(52);
    assertThat(count(s -> s.inputCacheWrite5mCostPerMilTokens().isPresent())).isEqualTo(35);
    assertThat(count(s -> s.inputCacheWrite1hCostPerMilTokens().isPresent())).isEqualTo(35);
    assertThat(count(s -> s.experimental().isPresent())).isEqualTo(28);
    assertThat(count(s -> !s.locations().isEmpty())).isEqualTo(15);
    assertThat(count(s -> !s.supportedRegions().isEmpty())).isEqualTo(15);
    assertThat(count(ModelSpec::streamingOnly)).isEqualTo(1);
    assertThat(catalog.names().stream().filter(n -> !catalog.declaredFallbackModels(n).isEmpty()).count())
        .isEqualTo(52);
    long largest = catalog.asMap().values().stream()
        .mapToLong(s -> s.maxInputTokens().orElse(0)).max().orElseThrow();
    assertThat(largest).isEqualTo(10_000_000L);
  }

  @Test
  void providerAliasCountsMatchTheSpec() {
    Map<String, Integer> byAlias = new LinkedHashMap<>();
    catalog.asMap().values()
        .forEach(s -> s.availableProviders().forEach(a -> byAlias.merge(a, 1, Integer::sum)));
    assertThat(byAlias).containsOnly(
        entry("openrouter", 323), entry("fireworks", 291), entry("openai", 206), entry("azure", 206),
        entry("bedrock", 135), entry("vertex", 84), entry("databricks", 49), entry("together", 48),
        entry("mistral", 41), entry("xAI", 38), entry("google", 21), entry("cohere", 16),
        entry("baseten", 14), entry("anthropic", 13), entry("groq", 6), entry("perplexity", 4),
        entry("cerebras", 2));
  }

  @Test
  void everyFieldOfTheFileIsKept() throws IOException {
    Map<String, Integer> raw = rawFieldCounts(fixture);
    assertThat(raw.get("format")).isEqualTo(1259);
    assertThat(raw.get("flavor")).isEqualTo(1259);
    assertThat(raw.get("available_providers")).isEqualTo((int) count(s -> !s.availableProviders().isEmpty()));
    assertThat(raw.get("input_cost_per_mil_tokens"))
        .isEqualTo((int) count(s -> s.inputCostPerMilTokens().isPresent()));
    assertThat(raw.get("displayName")).isEqualTo((int) count(s -> s.displayName().isPresent()));
    assertThat(raw.get("deprecation_date")).isEqualTo((int) count(s -> s.deprecationDate().isPresent()));
    assertThat(raw.get("fallback_models")).isEqualTo((int) count(s -> !s.fallbackModels().isEmpty()));
    assertThat(raw.get("input_cache_write_1h_cost_per_mil_tokens"))
        .isEqualTo((int) count(s -> s.inputCacheWrite1hCostPerMilTokens().isPresent()));
    assertThat(raw.get("supported_regions")).isEqualTo((int) count(s -> !s.supportedRegions().isEmpty()));
    assertThat(raw).doesNotContainKey("model").doesNotContainKey("extra");
  }

  /** Counts each field name at depth 2 of the file, independently of the catalog parser. */
  private static Map<String, Integer> rawFieldCounts(Path file) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        } else if (t == JsonToken.FIELD_NAME && depth == 2) {
          counts.merge(p.currentName(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  @Test
  void claudeSonnet46HasExactPricesAndItsFallbackGroup() {
    ModelSpec s = catalog.get("claude-sonnet-4-6").orElseThrow();
    assertThat(s.format()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(s.flavor()).isEqualTo(ModelFlavor.CHAT);
    assertThat(s.displayName()).contains("Claude Sonnet 4.6");
    assertThat(s.inputCostPerMilTokens().map(BigDecimal::toString)).contains("3");
    assertThat(s.outputCostPerMilTokens().map(BigDecimal::toString)).contains("15");
    assertThat(s.inputCacheReadCostPerMilTokens().map(BigDecimal::toString)).contains("0.3");
    assertThat(s.inputCacheWriteCostPerMilTokens().map(BigDecimal::toString)).contains("3.75");
    assertThat(s.inputCacheWrite5mCostPerMilTokens().map(BigDecimal::toString)).contains("3.75");
    assertThat(s.inputCacheWrite1hCostPerMilTokens().map(BigDecimal::toString)).contains("6");
    assertThat(s.maxInputTokens()).hasValue(1_000_000L);
    assertThat(s.maxOutputTokens()).hasValue(128_000L);
    assertThat(s.reasoning()).contains(true);
    assertThat(s.reasoningBudget()).contains(true);
    assertThat(s.deprecationDate()).contains(LocalDate.of(2027, 2, 17));
    assertThat(s.availableProviders()).containsExactly("anthropic");
    assertThat(catalog.fallbackModels("claude-sonnet-4-6")).containsExactly(
        "claude-sonnet-4-6",
        "anthropic.claude-sonnet-4-6",
        "global.anthropic.claude-sonnet-4-6",
        "publishers/anthropic/models/claude-sonnet-4-6",
        "us.anthropic.claude-sonnet-4-6");
    assertThat(catalog.fallbackModels("us.anthropic.claude-sonnet-4-6")).containsExactly(
        "us.anthropic.claude-sonnet-4-6",
        "anthropic.claude-sonnet-4-6",
        "claude-sonnet-4-6",
        "global.anthropic.claude-sonnet-4-6",
        "publishers/anthropic/models/claude-sonnet-4-6");
    assertThat(catalog.childModels("anthropic.claude-sonnet-4-6"))
        .contains("global.anthropic.claude-sonnet-4-6", "us.anthropic.claude-sonnet-4-6");
  }

  @Test
  void otherSpecificEntries() {
    ModelSpec textBlock = catalog.get("text-block").orElseThrow();
    assertThat(textBlock.format()).isEqualTo(ProviderFormat.UNKNOWN);
    assertThat(textBlock.flavor()).isEqualTo(ModelFlavor.COMPLETION);

    ModelSpec gpt4o = catalog.get("gpt-4o").orElseThrow();
    assertThat(gpt4o.inputCostPerMilTokens().map(BigDecimal::toString)).contains("2.5");
    assertThat(gpt4o.inputCacheReadCostPerMilTokens().map(BigDecimal::toString)).contains("1.25");
    assertThat(gpt4o.availableProviders()).containsExactly("openai", "azure", "openrouter");
    assertThat(gpt4o.deprecationDate()).contains(LocalDate.of(2026, 10, 23));

    ModelSpec qwen = catalog.get("Qwen/Qwen3.6-Plus").orElseThrow();
    assertThat(qwen.streamingOnly()).isTrue();
    assertThat(qwen.supportsStreaming()).isTrue();

    assertThat(catalog.get("gemini-2.5-flash-lite-preview-09-2025").orElseThrow().supportedRegions())
        .containsExactly("global");
    assertThat(catalog.get("publishers/google/models/gemini-3.5-flash").orElseThrow().locations())
        .containsExactly("global");

    assertThat(catalog.get("openrouter/auto").orElseThrow().inputCostPerMilTokens())
        .isEqualTo(Optional.of(new BigDecimal("-1000000")));
    assertThat(catalog.fallbackModels("claude-opus-5")).hasSize(6);
  }

  @Test
  void costOfARealAnthropicCallWithCacheWrites() {
    ModelSpec s = catalog.get("claude-sonnet-4-6").orElseThrow();
    Usage usage = Usage.fromAnthropic(1_000, 500, 2_000, 10_000, 1_000, 0);
    Cost cost = CostCalculator.cost(s, usage).orElseThrow();
    // 1000*3 + 2000*0.3 + 10000*3.75 + 1000*6 + 500*15 = 3000 + 600 + 37500 + 6000 + 7500 = 54600 / 1e6
    assertThat(cost.totalUsd()).isEqualTo(new BigDecimal("0.0546"));
    assertThat(CostCalculator.cost(catalog.get("openrouter/auto").orElseThrow(), usage)).isEmpty();
  }
}
