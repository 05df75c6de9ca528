package dev.llmrouter.providers.vertex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.vertex.VertexProvider.Kind;
import dev.llmrouter.providers.vertex.VertexProvider.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Ports of the Rust providers/vertex.rs tests (all 23, same names in camel case), plus the catalog
 * {@code locations} improvement and validation checks. No server needed.
 */
class VertexProviderTest {

  private static VertexProvider provider() {
    return new VertexProvider(VertexConfig.builder().project("test-project").location("us-central1").build());
  }

  private static HttpUrl baseUrl(String location) {
    return "global".equals(location)
        ? HttpUrl.get("https://aiplatform.googleapis.com/")
        : HttpUrl.get("https://" + location + "-aiplatform.googleapis.com/");
  }

  private static ModelSpec.Builder spec(String model) {
    return ModelSpec.builder(model, ProviderFormat.GOOGLE, ModelFlavor.CHAT);
  }

  // ---- Rust: mode selection (5) ----

  @Test
  void selectsGenerativeModeByDefault() {
    assertThat(VertexProvider.modeFor("gemini-pro"))
        .isEqualTo(new Mode(Kind.GENERATIVE, "publishers/google/models/gemini-pro"));
  }

  @Test
  void selectsOpenapiModeForMetaModels() {
    assertThat(VertexProvider.modeFor("publishers/meta/models/llama")).isEqualTo(new Mode(Kind.OPENAPI, "v1beta1"));
  }

  @Test
  void selectsOpenapiModeForQwenModels() {
    assertThat(VertexProvider.modeFor("publishers/qwen/models/qwen2")).isEqualTo(new Mode(Kind.OPENAPI, "v1"));
  }

  @Test
  void selectsOpenapiModeForOpenaiFormatGeminiModels() {
    assertThat(
            VertexProvider.modeFor(
                "publishers/google/models/gemini-3.1-flash-lite-preview", ProviderFormat.OPENAI))
        .isEqualTo(new Mode(Kind.OPENAPI, "v1"));
  }

  @Test
  void selectsAnthropicModeForAnthropicModels() {
    assertThat(VertexProvider.modeFor("publishers/anthropic/models/claude-haiku-4-5").kind())
        .isEqualTo(Kind.ANTHROPIC);
  }

  // ---- Rust: URL building (7) ----

  @Test
  void buildsGenerativeEndpoint() {
    VertexProvider p = provider();
    Mode mode = VertexProvider.modeFor("publishers/google/models/gemini-pro");
    assertThat(p.endpointFor(mode, baseUrl("us-central1"), "us-central1", false).toString())
        .isEqualTo(
            "https://us-central1-aiplatform.googleapis.com/v1/projects/test-project/locations/us-central1/"
                + "publishers/google/models/gemini-pro:generateContent");
  }

  @Test
  void buildsAnthropicRawpredictEndpoint() {
    VertexProvider p = provider();
    Mode mode = VertexProvider.modeFor("publishers/anthropic/models/claude-haiku-4-5");
    assertThat(p.endpointFor(mode, baseUrl("us-central1"), "us-central1", false).toString())
        .isEqualTo(
            "https://us-central1-aiplatform.googleapis.com/v1/projects/test-project/locations/us-central1/"
                + "publishers/anthropic/models/claude-haiku-4-5:rawPredict");
  }

  @Test
  void buildsAnthropicStreamRawpredictEndpoint() {
    VertexProvider p = provider();
    Mode mode = VertexProvider.modeFor("publishers/anthropic/models/claude-haiku-4-5");
    assertThat(p.endpointFor(mode, baseUrl("us-central1"), "us-central1", true).toString())
        .isEqualTo(
            "https://us-central1-aiplatform.googleapis.com/v1/projects/test-project/locations/us-central1/"
                + "publishers/anthropic/models/claude-haiku-4-5:streamRawPredict");
  }

  @Test
  void buildsAnthropicEndpointWithVersionSuffix() {
    VertexProvider p = provider();
    Mode mode = VertexProvider.modeFor("publishers/anthropic/models/claude-3-5-haiku@20241022");
    // The @ must stay literal: Vertex requires it in the model path.
    assertThat(p.endpointFor(mode, baseUrl("us-central1"), "us-central1", false).toString())
        .isEqualTo(
            "https://us-central1-aiplatform.googleapis.com/v1/projects/test-project/locations/us-central1/"
                + "publishers/anthropic/models/claude-3-5-haiku@20241022:rawPredict");
  }

  @Test
  void buildsOpenapiEndpointForMeta() {
    VertexProvider p = provider();
    Mode mode = VertexProvider.modeFor("publishers/meta/models/llama");
    assertThat(p.endpointFor(mode, baseUrl("us-central1"), "us-central1", false).toString())
        .isEqualTo(
            "https://us-central1-aiplatform.googleapis.com/v1beta1/projects/test-project/locations/us-central1/"
                + "endpoints/openapi/chat/completions");
  }

  @Test
  void buildsOpenapiEndpointForQwen() {
    VertexProvider p = provider();
    Mode mode = VertexProvider.modeFor("publishers/qwen/models/qwen2");
    assertThat(p.endpointFor(mode, baseUrl("us-central1"), "us-central1", false).toString())
        .isEqualTo(
            "https://us-central1-aiplatform.googleapis.com/v1/projects/test-project/locations/us-central1/"
                + "endpoints/openapi/chat/completions");
  }

  @Test
  void buildsOpenapiEndpointForOpenaiFormatGeminiModel() {
    VertexProvider p = provider();
    Mode mode =
        VertexProvider.modeFor("publishers/google/models/gemini-3.1-flash-lite-preview", ProviderFormat.OPENAI);
    assertThat(p.endpointFor(mode, baseUrl("global"), "global", false).toString())
        .isEqualTo(
            "https://aiplatform.googleapis.com/v1/projects/test-project/locations/global/"
                + "endpoints/openapi/chat/completions");
  }

  // ---- Rust: base URL (3) and global generative (1) ----

  @Test
  void baseUrlReturnsGlobalEndpointForGlobalLocation() {
    assertThat(provider().baseUrl("global").toString()).isEqualTo("https://aiplatform.googleapis.com/");
  }

  @Test
  void baseUrlReturnsRegionalEndpoint() {
    assertThat(provider().baseUrl("us-east5").toString()).isEqualTo("https://us-east5-aiplatform.googleapis.com/");
  }

  @Test
  void baseUrlUsesApiBaseOverride() {
    VertexProvider p =
        new VertexProvider(
            VertexConfig.builder()
                .apiBase("https://custom.example.com")
                .project("test-project")
                .location("us-central1")
                .build());
    assertThat(p.baseUrl("us-east5").toString()).isEqualTo("https://custom.example.com/");
  }

  @Test
  void buildsGenerativeEndpointWithGlobalLocation() {
    VertexProvider p = provider();
    Mode mode = VertexProvider.modeFor("publishers/google/models/gemini-3.1-pro-preview");
    assertThat(p.endpointFor(mode, baseUrl("global"), "global", false).toString())
        .isEqualTo(
            "https://aiplatform.googleapis.com/v1/projects/test-project/locations/global/"
                + "publishers/google/models/gemini-3.1-pro-preview:generateContent");
  }

  // ---- Rust: location (2) ----

  @Test
  void resolveLocationUsesSpecLocations() {
    ModelSpec s =
        spec("publishers/google/models/gemini-3.1-pro-preview")
            .extra(Map.of("locations", "[\"europe-west4\"]"))
            .build();
    assertThat(provider().location(s)).isEqualTo("europe-west4");
  }

  @Test
  void resolveLocationFallsBackToConfig() {
    assertThat(provider().location(spec("publishers/google/models/gemini-pro").build())).isEqualTo("us-central1");
  }

  // ---- Rust: from_config (5) ----

  @Test
  void fromConfigIgnoresGlobalApiBase() {
    VertexConfig config =
        VertexConfig.fromSettings(
            ProviderSettings.builder()
                .endpoint("https://aiplatform.googleapis.com/")
                .metadata("project", "my-project")
                .metadata("location", "us-east5")
                .build());
    assertThat(config.apiBase()).isEmpty();
    assertThat(config.location()).isEqualTo("us-east5");
  }

  @Test
  void fromConfigPreservesCustomEndpoint() {
    VertexConfig config =
        VertexConfig.fromSettings(
            ProviderSettings.builder()
                .endpoint("https://my-proxy.example.com/")
                .metadata("project", "my-project")
                .metadata("location", "us-east5")
                .build());
    assertThat(config.apiBase()).hasValueSatisfying(u -> assertThat(u).hasToString("https://my-proxy.example.com/"));
  }

  @Test
  void fromConfigReadsApiBaseFromMetadata() {
    VertexConfig config =
        VertexConfig.fromSettings(
            ProviderSettings.builder()
                .metadata("project", "my-project")
                .metadata("api_base", "https://custom-proxy.example.com")
                .build());
    // Parsed at build time, so the root path is explicit (Rust keeps the raw string and parses per request).
    assertThat(config.apiBase())
        .hasValueSatisfying(u -> assertThat(u).hasToString("https://custom-proxy.example.com/"));
  }

  @Test
  void fromConfigIgnoresEmptyApiBase() {
    VertexConfig config =
        VertexConfig.fromSettings(
            ProviderSettings.builder().metadata("project", "my-project").metadata("api_base", "").build());
    assertThat(config.apiBase()).isEmpty();
  }

  @Test
  void fromConfigIgnoresEmptyLocation() {
    VertexConfig config =
        VertexConfig.fromSettings(
            ProviderSettings.builder().metadata("project", "my-project").metadata("location", "  ").build());
    assertThat(config.location()).isEqualTo("global");
  }

  // ---- beyond the Rust tests ----

  @Test
  void topLevelCatalogLocationsAreUsedToo() {
    // The proxy catalog puts Vertex regions in top-level "locations", which the Rust router ignores.
    ModelSpec s = spec("publishers/google/models/gemini-3.5-flash").locations(List.of("global")).build();
    assertThat(provider().location(s)).isEqualTo("global");
    assertThat(provider().url(ProviderFormat.GOOGLE, s, false).toString())
        .isEqualTo(
            "https://aiplatform.googleapis.com/v1/projects/test-project/locations/global/"
                + "publishers/google/models/gemini-3.5-flash:generateContent");
  }

  @Test
  void bothLocationListsAreCandidatesWithoutDuplicatesOrBlanks() {
    ModelSpec s =
        spec("publishers/anthropic/models/claude-sonnet-4-5")
            .locations(List.of("us-east5", " ", "europe-west1"))
            .extra(Map.of("locations", "[\"europe-west1\",\"asia-east1\",\"\"]"))
            .build();
    assertThat(VertexProvider.catalogLocations(s)).containsExactly("us-east5", "europe-west1", "asia-east1");
    List<Integer> bounds = new ArrayList<>();
    VertexProvider picksLast =
        new VertexProvider(
            VertexConfig.builder().project("p").build(),
            bound -> {
              bounds.add(bound);
              return bound - 1;
            });
    assertThat(picksLast.location(s)).isEqualTo("asia-east1");
    assertThat(bounds).containsExactly(3);
    VertexProvider picksFirst = new VertexProvider(VertexConfig.builder().project("p").build(), bound -> 0);
    assertThat(picksFirst.location(s)).isEqualTo("us-east5");
    // The real picker stays within the candidates.
    for (int i = 0; i < 20; i++) {
      assertThat(provider().location(s)).isIn("us-east5", "europe-west1", "asia-east1");
    }
  }

  @Test
  void malformedExtraLocationsAreIgnoredLikeRust() {
    VertexProvider p = provider();
    assertThat(p.location(spec("m").extra(Map.of("locations", "\"us-east5\"")).build())).isEqualTo("us-central1");
    assertThat(p.location(spec("m").extra(Map.of("locations", "[\"us-east5\",1]")).build())).isEqualTo("us-central1");
    assertThat(p.location(spec("m").extra(Map.of("locations", "[")).build())).isEqualTo("us-central1");
    assertThat(p.location(spec("m").extra(Map.of("locations", "null")).build())).isEqualTo("us-central1");
  }

  @Test
  void aLocationThatIsNotAHostLabelIsRejected() {
    ModelSpec s = spec("gemini-pro").locations(List.of("evil.example.com/x")).build();
    assertThatThrownBy(() -> provider().location(s))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("evil.example.com/x")
        .hasMessageContaining("gemini-pro");
    assertThatThrownBy(() -> VertexConfig.builder().project("p").location("us central1").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("us central1");
  }

  @Test
  void generativeStreamingAddsAltSseAndOtherModesDoNot() {
    VertexProvider p = provider();
    assertThat(p.requestUrl(ProviderFormat.GOOGLE, "gemini-2.5-flash", "us-central1", true).toString())
        .isEqualTo(
            "https://us-central1-aiplatform.googleapis.com/v1/projects/test-project/locations/us-central1/"
                + "publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    assertThat(p.requestUrl(ProviderFormat.OPENAI, "publishers/meta/models/llama", "us-central1", true).getQuery())
        .isNull();
    assertThat(
            p.requestUrl(
                    ProviderFormat.VERTEX_ANTHROPIC, "publishers/anthropic/models/claude-haiku-4-5", "global", true)
                .toString())
        .isEqualTo(
            "https://aiplatform.googleapis.com/v1/projects/test-project/locations/global/"
                + "publishers/anthropic/models/claude-haiku-4-5:streamRawPredict");
  }

  @Test
  void theApiBasePathIsReplacedAndItsQueryKept() {
    VertexProvider p =
        new VertexProvider(
            VertexConfig.builder().project("p1").apiBase("https://proxy.example/some/prefix?tenant=t1").build());
    assertThat(p.requestUrl(ProviderFormat.GOOGLE, "gemini-2.5-flash", "global", true).toString())
        .isEqualTo(
            "https://proxy.example/v1/projects/p1/locations/global/publishers/google/models/gemini-2.5-flash"
                + ":streamGenerateContent?tenant=t1&alt=sse");
  }

  @Test
  void modelPathsThatWouldChangeTheUrlAreEncodedOrRejected() {
    VertexProvider p = provider();
    assertThat(p.requestUrl(ProviderFormat.GOOGLE, "gemini pro?x", "global", false).toString())
        .endsWith("/publishers/google/models/gemini%20pro%3Fx:generateContent");
    assertThatThrownBy(() -> p.requestUrl(ProviderFormat.GOOGLE, "publishers/../../admin", "global", false))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> p.requestUrl(ProviderFormat.GOOGLE, "", "global", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("model id is empty");
  }

  @Test
  void unservedFormatsAreRejectedByName() {
    assertThatThrownBy(() -> provider().requestUrl(ProviderFormat.CONVERSE, "m", "global", false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'converse'")
        .hasMessageContaining("openai, google, vertex-anthropic");
  }

  @Test
  void idAndFormats() {
    VertexProvider p = provider();
    assertThat(p.id()).isEqualTo("vertex");
    assertThat(p.formats()).containsExactly(ProviderFormat.GOOGLE, ProviderFormat.VERTEX_ANTHROPIC);
    assertThat(p.isBackupDefaultFor(ProviderFormat.GOOGLE)).isTrue();
    assertThat(p.isBackupDefaultFor(ProviderFormat.OPENAI)).isFalse();
  }

  @Test
  void theProjectIsRequired() {
    assertThatThrownBy(() -> VertexConfig.builder().build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Vertex requires project");
    assertThatThrownBy(() -> VertexConfig.fromSettings(ProviderSettings.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Vertex requires project")
        .hasMessageContaining("'project'");
  }

  @Test
  void fromSettingsCarriesTimeoutAndDefaults() {
    VertexConfig config =
        VertexConfig.fromSettings(
            ProviderSettings.builder().metadata("project", "p").timeout(Duration.ofSeconds(9)).build());
    assertThat(config.project()).isEqualTo("p");
    assertThat(config.location()).isEqualTo("global");
    assertThat(config.apiBase()).isEmpty();
    assertThat(config.clientSettings().requestTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(config.toBuilder().build()).isEqualTo(config);
  }

  @Test
  void toStringHidesTheApiBaseQueryAndUserInfo() {
    VertexConfig config =
        VertexConfig.builder().project("p").apiBase("https://u:pw@proxy.example/?key=SECRET").build();
    assertThat(config.toString()).doesNotContain("SECRET").doesNotContain("pw").contains("proxy.example");
  }
}
