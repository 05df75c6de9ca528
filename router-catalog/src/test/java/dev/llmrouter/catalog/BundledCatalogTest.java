package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the bundled catalog: the repository's {@code model_list.json}, packaged as the classpath
 * resource {@code dev/llmrouter/catalog/model_list.json} and loaded by {@link ModelCatalog#bundled()}.
 *
 * <p>The expected prices are the ones the file was curated with; when a provider changes a price, update
 * the file and these numbers together.
 */
class BundledCatalogTest {

  /** The day the catalog was curated; no entry may already be past its deprecation date. */
  private static final LocalDate CURATED_ON = LocalDate.of(2026, 11, 23);

  private static final String RESOURCE = "model_list.json";

  /** Provider aliases the bundled catalog may name (the built-in providers' ids). */
  private static final Set<String> KNOWN_ALIASES =
      Set.of("openai", "azure", "anthropic", "google", "vertex", "bedrock", "mistral", "databricks");

  /** The only keys an entry may carry (a subset of the proxy catalog schema). */
  private static final Set<String> ALLOWED_KEYS =
      Set.of(
          "format",
          "flavor",
          "displayName",
          "input_cost_per_mil_tokens",
          "output_cost_per_mil_tokens",
          "input_cache_read_cost_per_mil_tokens",
          "input_cache_write_cost_per_mil_tokens",
          "input_cache_write_5m_cost_per_mil_tokens",
          "input_cache_write_1h_cost_per_mil_tokens",
          "multimodal",
          "reasoning",
          "reasoning_budget",
          "max_input_tokens",
          "max_output_tokens",
          "available_providers",
          "fallback_models",
          "locations",
          "deprecation_date",
          "parent",
          "supports_streaming");

  private static ModelCatalog catalog;

  /** Loaded on first use, so the file-level checks below do not depend on the loader. */
  private static synchronized ModelCatalog catalog() {
    if (catalog == null) {
      catalog = ModelCatalog.bundled();
    }
    return catalog;
  }

  // ------------------------------------------------------------------ size and shape

  @Test
  void holdsACuratedSetOfModels() {
    assertThat(catalog().size()).isBetween(100, 200);
    assertThat(catalog().asMap()).hasSize(catalog().size());
  }

  @Test
  void coversEveryMajorWireFormat() {
    Set<ProviderFormat> formats = EnumSet.noneOf(ProviderFormat.class);
    catalog().asMap().values().forEach(spec -> formats.add(spec.format()));

    assertThat(formats)
        .contains(
            ProviderFormat.OPENAI,
            ProviderFormat.ANTHROPIC,
            ProviderFormat.GOOGLE,
            ProviderFormat.CONVERSE)
        .doesNotContain(ProviderFormat.UNKNOWN);
  }

  @Test
  void coversEveryProviderSurface() {
    Map<String, Integer> perAlias = new LinkedHashMap<>();
    catalog()
        .asMap()
        .values()
        .forEach(spec -> spec.availableProviders().forEach(a -> perAlias.merge(a, 1, Integer::sum)));

    assertThat(perAlias)
        .containsKeys("openai", "azure", "anthropic", "google", "vertex", "bedrock", "mistral");
    assertThat(perAlias.get("openai")).isGreaterThanOrEqualTo(15);
    assertThat(perAlias.get("anthropic")).isGreaterThanOrEqualTo(5);
    assertThat(perAlias.get("google")).isGreaterThanOrEqualTo(5);
    assertThat(perAlias.get("vertex")).isGreaterThanOrEqualTo(15);
    assertThat(perAlias.get("bedrock")).isGreaterThanOrEqualTo(40);
    assertThat(perAlias.get("mistral")).isGreaterThanOrEqualTo(10);
  }

  @Test
  void everyEntryIsAChatModelKeyedByItsUpstreamId() {
    catalog()
        .asMap()
        .forEach(
            (name, spec) -> {
              assertThat(spec.model()).as(name).isEqualTo(name);
              assertThat(spec.flavor()).as(name).isIn(ModelFlavor.CHAT, ModelFlavor.RESPONSES);
              assertThat(spec.displayName()).as(name).hasValueSatisfying(d -> assertThat(d).isNotBlank());
              assertThat(spec.supportsStreaming()).as(name).isTrue();
            });
  }

  // ------------------------------------------------------------------ prices and limits

  @Test
  void everyEntryHasPositiveInputAndOutputPrices() {
    catalog()
        .asMap()
        .forEach(
            (name, spec) -> {
              assertThat(spec.inputCostPerMilTokens())
                  .as(name + " input")
                  .hasValueSatisfying(BundledCatalogTest::positive);
              assertThat(spec.outputCostPerMilTokens())
                  .as(name + " output")
                  .hasValueSatisfying(BundledCatalogTest::positive);
              BigDecimal input = spec.inputCostPerMilTokens().orElseThrow();
              assertThat(spec.outputCostPerMilTokens().orElseThrow())
                  .as(name + " output >= input")
                  .isGreaterThanOrEqualTo(input);
              spec.inputCacheReadCostPerMilTokens()
                  .ifPresent(
                      read ->
                          assertThat(read).as(name + " cache read < input").isPositive().isLessThan(input));
              spec.inputCacheWriteCostPerMilTokens()
                  .ifPresent(
                      write ->
                          assertThat(write).as(name + " cache write >= input").isGreaterThanOrEqualTo(input));
            });
  }

  @Test
  void everyEntryHasAContextWindow() {
    catalog()
        .asMap()
        .forEach(
            (name, spec) -> {
              assertThat(spec.maxInputTokens()).as(name).isPresent();
              assertThat(spec.maxInputTokens().getAsLong()).as(name).isGreaterThanOrEqualTo(32_000L);
              spec.maxOutputTokens().ifPresent(out -> assertThat(out).as(name).isPositive());
            });
  }

  @Test
  void openAiFlagshipsCarryTheirListPrices() {
    ModelSpec mini = spec("gpt-4o-mini");
    assertThat(mini.format()).isEqualTo(ProviderFormat.OPENAI);
    assertPrice(mini.inputCostPerMilTokens(), "0.15");
    assertPrice(mini.outputCostPerMilTokens(), "0.6");
    assertPrice(mini.inputCacheReadCostPerMilTokens(), "0.075");
    assertThat(mini.maxInputTokens()).hasValue(128_000L);
    assertThat(mini.availableProviders()).containsExactly("openai", "azure");

    ModelSpec gpt54 = spec("gpt-5.4");
    assertPrice(gpt54.inputCostPerMilTokens(), "2.5");
    assertPrice(gpt54.outputCostPerMilTokens(), "15");
    assertPrice(gpt54.inputCacheReadCostPerMilTokens(), "0.25");
    assertThat(gpt54.reasoning()).hasValue(true);

    ModelSpec sol = spec("gpt-5.6-sol");
    assertPrice(sol.inputCostPerMilTokens(), "5");
    assertPrice(sol.outputCostPerMilTokens(), "30");
    assertPrice(sol.inputCacheWriteCostPerMilTokens(), "6.25");

    // The same model on Bedrock's OpenAI-compatible surface is billed at AWS's rate.
    ModelSpec bedrockSol = spec("openai.gpt-5.6-sol");
    assertThat(bedrockSol.format()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(bedrockSol.availableProviders()).containsExactly("bedrock");
    assertPrice(bedrockSol.inputCostPerMilTokens(), "5.5");
    assertPrice(bedrockSol.outputCostPerMilTokens(), "33");
  }

  @Test
  void proModelsAreResponsesOnly() {
    assertThat(spec("gpt-5.2-pro").flavor()).isEqualTo(ModelFlavor.RESPONSES);
    for (String name :
        List.of("gpt-5-pro", "gpt-5.2-pro", "gpt-5.4-pro", "gpt-5.5-pro", "o3-pro", "gpt-5.3-codex")) {
      assertThat(spec(name).requiresResponsesApi()).as(name).isTrue();
    }
    // By the name rule every gpt-5.N with N >= 3 is Responses-only too; these earlier models are not.
    for (String name : List.of("gpt-5", "gpt-5.1", "gpt-5.2", "gpt-5-mini", "gpt-4.1", "gpt-4o-mini")) {
      assertThat(spec(name).requiresResponsesApi()).as(name).isFalse();
    }
  }

  @Test
  void claudeSonnet46CarriesEveryCachePrice() {
    ModelSpec sonnet = spec("claude-sonnet-4-6");
    assertThat(sonnet.format()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(sonnet.availableProviders()).containsExactly("anthropic");
    assertPrice(sonnet.inputCostPerMilTokens(), "3");
    assertPrice(sonnet.outputCostPerMilTokens(), "15");
    assertPrice(sonnet.inputCacheReadCostPerMilTokens(), "0.3");
    assertPrice(sonnet.inputCacheWriteCostPerMilTokens(), "3.75");
    assertPrice(sonnet.inputCacheWrite5mCostPerMilTokens(), "3.75");
    assertPrice(sonnet.inputCacheWrite1hCostPerMilTokens(), "6");
    assertThat(sonnet.maxInputTokens()).hasValue(1_000_000L);
    assertThat(sonnet.maxOutputTokens()).hasValue(128_000L);
    assertThat(sonnet.reasoningBudget()).hasValue(true);
    assertThat(sonnet.deprecationDate()).hasValue(LocalDate.of(2027, 2, 17));

    // Bedrock's US inference profile carries the 10% regional premium; the global profile does not.
    assertPrice(spec("global.anthropic.claude-sonnet-4-6").inputCostPerMilTokens(), "3");
    ModelSpec us = spec("us.anthropic.claude-sonnet-4-6");
    assertPrice(us.inputCostPerMilTokens(), "3.3");
    assertPrice(us.outputCostPerMilTokens(), "16.5");
    assertPrice(us.inputCacheReadCostPerMilTokens(), "0.33");
    assertPrice(us.inputCacheWriteCostPerMilTokens(), "4.125");
    assertThat(us.parent()).hasValue("anthropic.claude-sonnet-4-6");
  }

  @Test
  void otherFlagshipsCarryTheirListPrices() {
    ModelSpec opus = spec("claude-opus-4-8");
    assertPrice(opus.inputCostPerMilTokens(), "5");
    assertPrice(opus.outputCostPerMilTokens(), "25");
    assertPrice(opus.inputCacheWrite1hCostPerMilTokens(), "10");

    ModelSpec gemini = spec("gemini-3.1-pro-preview");
    assertThat(gemini.format()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(gemini.availableProviders()).containsExactly("google", "vertex");
    assertPrice(gemini.inputCostPerMilTokens(), "2");
    assertPrice(gemini.outputCostPerMilTokens(), "12");
    assertPrice(gemini.inputCacheReadCostPerMilTokens(), "0.2");
    assertThat(gemini.maxInputTokens()).hasValue(1_048_576L);

    ModelSpec vertexGemini = spec("publishers/google/models/gemini-3.1-pro-preview");
    assertPrice(vertexGemini.inputCostPerMilTokens(), "2");
    assertThat(vertexGemini.locations()).containsExactly("global");

    ModelSpec nova = spec("amazon.nova-pro-v1:0");
    assertThat(nova.format()).isEqualTo(ProviderFormat.CONVERSE);
    assertPrice(nova.inputCostPerMilTokens(), "0.8");
    assertPrice(nova.outputCostPerMilTokens(), "3.2");
    assertPrice(spec("amazon.nova-micro-v1:0").inputCostPerMilTokens(), "0.035");

    ModelSpec large = spec("mistral-large-latest");
    assertThat(large.format()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(large.availableProviders()).containsExactly("mistral");
    assertPrice(large.inputCostPerMilTokens(), "0.5");
    assertPrice(large.outputCostPerMilTokens(), "1.5");

    assertPrice(spec("deepseek.v3.2").inputCostPerMilTokens(), "0.62");
    assertPrice(spec("meta.llama3-3-70b-instruct-v1:0").outputCostPerMilTokens(), "0.72");
  }

  // ------------------------------------------------------------------ routing shape

  @Test
  void everyProviderAliasIsKnown() {
    catalog()
        .asMap()
        .forEach(
            (name, spec) -> {
              assertThat(spec.availableProviders()).as(name).isNotEmpty().doesNotHaveDuplicates();
              assertThat(KNOWN_ALIASES).as(name).containsAll(spec.availableProviders());
            });
  }

  @Test
  void namePrefixesAgreeWithFormatAndProviders() {
    catalog()
        .asMap()
        .forEach(
            (name, spec) -> {
              List<String> providers = spec.availableProviders();
              if (name.startsWith("anthropic.") || name.contains(".anthropic.")) {
                // Resolved as BedrockAnthropic (InvokeModel).
                assertThat(spec.format()).as(name).isEqualTo(ProviderFormat.ANTHROPIC);
                assertThat(providers).as(name).containsExactly("bedrock");
              } else if (name.startsWith("publishers/anthropic/")) {
                // Resolved as VertexAnthropic (rawPredict).
                assertThat(spec.format()).as(name).isEqualTo(ProviderFormat.ANTHROPIC);
                assertThat(providers).as(name).containsExactly("vertex");
              } else if (name.startsWith("publishers/google/")) {
                assertThat(spec.format()).as(name).isEqualTo(ProviderFormat.GOOGLE);
                assertThat(providers).as(name).containsExactly("vertex");
              } else if (name.startsWith("gemini-")) {
                assertThat(spec.format()).as(name).isEqualTo(ProviderFormat.GOOGLE);
                assertThat(providers).as(name).startsWith("google");
              } else if (name.startsWith("claude-")) {
                assertThat(spec.format()).as(name).isEqualTo(ProviderFormat.ANTHROPIC);
                assertThat(providers).as(name).containsExactly("anthropic");
              }
              if (spec.format() == ProviderFormat.CONVERSE) {
                assertThat(providers).as(name).containsExactly("bedrock");
              }
              if (providers.contains("mistral")) {
                assertThat(spec.format()).as(name).isEqualTo(ProviderFormat.OPENAI);
              }
              if (providers.contains("bedrock")) {
                assertThat(providers).as(name).containsExactly("bedrock");
                assertThat(spec.format())
                    .as(name)
                    .isIn(ProviderFormat.ANTHROPIC, ProviderFormat.CONVERSE, ProviderFormat.OPENAI);
              }
            });
  }

  @Test
  void parentsPointAtListedModels() {
    catalog()
        .asMap()
        .forEach(
            (name, spec) ->
                spec.parent()
                    .ifPresent(p -> assertThat(catalog().get(p)).as(name + " -> " + p).isPresent()));
  }

  @Test
  void noEntryIsPastItsDeprecationDate() {
    catalog()
        .asMap()
        .forEach(
            (name, spec) ->
                spec.deprecationDate().ifPresent(d -> assertThat(d).as(name).isAfterOrEqualTo(CURATED_ON)));
  }

  // ------------------------------------------------------------------ fallback groups

  @Test
  void fallbackGroupsAreSymmetricAndConsistent() {
    int grouped = 0;
    for (String a : catalog().asMap().keySet()) {
      List<String> group = catalog().fallbackModels(a);
      assertThat(group).as(a).isNotEmpty().doesNotHaveDuplicates();
      assertThat(group.get(0)).as(a).isEqualTo(a);
      if (group.size() > 1) {
        grouped++;
      }
      for (String b : group) {
        assertThat(catalog().get(b)).as(a + " -> " + b).isPresent();
        assertThat(catalog().fallbackModels(b)).as(b + " should list " + a).contains(a);
        assertThat(new HashSet<>(catalog().fallbackModels(b)))
            .as(a + " ~ " + b)
            .isEqualTo(new HashSet<>(group));
      }
    }
    assertThat(grouped).as("models with at least one equivalent").isGreaterThanOrEqualTo(50);
    assertThat(catalog().fallbackModels("no-such-model")).isEmpty();
  }

  @Test
  void claudeSonnet46IsOneModelOnFourSurfaces() {
    assertThat(catalog().fallbackModels("claude-sonnet-4-6"))
        .containsExactly(
            "claude-sonnet-4-6",
            "anthropic.claude-sonnet-4-6",
            "global.anthropic.claude-sonnet-4-6",
            "publishers/anthropic/models/claude-sonnet-4-6",
            "us.anthropic.claude-sonnet-4-6");
    assertThat(catalog().fallbackModels("publishers/anthropic/models/claude-sonnet-4-6"))
        .first()
        .isEqualTo("publishers/anthropic/models/claude-sonnet-4-6");
    assertThat(catalog().fallbackModels("publishers/anthropic/models/claude-sonnet-4-6"))
        .containsExactlyInAnyOrderElementsOf(catalog().fallbackModels("claude-sonnet-4-6"));
  }

  @Test
  void crossSurfaceGroupsLinkTheExpectedModels() {
    assertThat(catalog().fallbackModels("gemini-3.7-flash"))
        .containsExactly("gemini-3.7-flash", "publishers/google/models/gemini-3.7-flash");
    assertThat(catalog().fallbackModels("gpt-5.4")).containsExactly("gpt-5.4", "openai.gpt-5.4");
    assertThat(catalog().fallbackModels("us.anthropic.claude-haiku-4-5-20251001-v1:0"))
        .containsExactlyInAnyOrder(
            "us.anthropic.claude-haiku-4-5-20251001-v1:0",
            "anthropic.claude-haiku-4-5-20251001-v1:0",
            "global.anthropic.claude-haiku-4-5-20251001-v1:0",
            "publishers/anthropic/models/claude-haiku-4-5");
    assertThat(catalog().fallbackModels("amazon.nova-pro-v1:0"))
        .containsExactly("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
    // Different models never share a group.
    assertThat(catalog().fallbackModels("claude-opus-4-8"))
        .doesNotContain("claude-opus-4-7", "anthropic.claude-opus-4-7");
    assertThat(catalog().fallbackModels("gpt-5.6-sol"))
        .doesNotContain("gpt-5.6-terra", "openai.gpt-5.6-terra");
  }

  // ------------------------------------------------------------------ the file itself

  @Test
  void classpathResourceIsTheRepositoryFile() throws IOException {
    Path onDisk = repositoryRoot().resolve(RESOURCE);
    byte[] packaged;
    try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("classpath resource dev/llmrouter/catalog/" + RESOURCE).isNotNull();
      packaged = in.readAllBytes();
    }
    assertThat(packaged).as("packaged copy of " + onDisk).isEqualTo(Files.readAllBytes(onDisk));
  }

  @Test
  void fileUsesOnlyTheCuratedKeysAndPlainValues() throws IOException {
    Map<String, List<String>> keysByModel = new LinkedHashMap<>();
    try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE);
        JsonParser p = new JsonFactory().createParser(in)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, "top level");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String model = p.currentName();
        expect(p.nextToken(), JsonToken.START_OBJECT, model);
        List<String> keys = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          keys.add(key);
          JsonToken value = p.nextToken();
          if (value == JsonToken.VALUE_NULL) {
            fail(model + "." + key + " is null");
          }
          if (value == JsonToken.VALUE_NUMBER_FLOAT && p.getText().matches(".*[eE].*")) {
            fail(model + "." + key + " uses exponent notation: " + p.getText());
          }
          p.skipChildren();
        }
        assertThat(keysByModel.put(model, keys)).as("duplicate key " + model).isNull();
      }
    }

    assertThat(keysByModel).hasSizeBetween(100, 200);
    keysByModel.forEach(
        (model, keys) -> {
          assertThat(keys).as(model).doesNotHaveDuplicates();
          assertThat(ALLOWED_KEYS).as(model).containsAll(keys);
          assertThat(keys)
              .as(model)
              .contains("format", "flavor", "input_cost_per_mil_tokens", "output_cost_per_mil_tokens");
          assertThat(keys.get(0)).as(model + " key order").isEqualTo("format");
          assertThat(keys.get(1)).as(model + " key order").isEqualTo("flavor");
        });
  }

  // ------------------------------------------------------------------ helpers

  private static ModelSpec spec(String name) {
    return catalog().get(name).orElseThrow(() -> new AssertionError("bundled catalog lacks " + name));
  }

  private static void assertPrice(java.util.Optional<BigDecimal> actual, String expected) {
    assertThat(actual).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
  }

  private static void positive(BigDecimal v) {
    assertThat(v).isPositive();
  }

  private static void expect(JsonToken actual, JsonToken expected, String where) {
    if (actual != expected) {
      fail("expected " + expected + " at " + where + " but found " + actual);
    }
  }

  /** The multi-module root that holds model_list.json (surefire runs in the module directory). */
  private static Path repositoryRoot() {
    List<Path> candidates = new ArrayList<>();
    String mmp = System.getProperty("maven.multiModuleProjectDirectory");
    if (mmp != null && !mmp.isBlank()) {
      candidates.add(Path.of(mmp));
    }
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      candidates.add(d);
    }
    for (Path c : candidates) {
      if (Files.isRegularFile(c.resolve(RESOURCE)) && Files.isDirectory(c.resolve("router-catalog"))) {
        return c;
      }
    }
    throw new AssertionError("no repository root with " + RESOURCE + " above " + dir);
  }
}
