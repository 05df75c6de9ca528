package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.catalog;
import static dev.llmrouter.testing.Fixtures.googleSpec;
import static dev.llmrouter.testing.Fixtures.openaiSpec;
import static dev.llmrouter.testing.Fixtures.openaiSpecWithAvailableProviders;
import static dev.llmrouter.testing.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.NoProviderException;
import dev.llmrouter.error.UnknownModelException;
import dev.llmrouter.route.ProviderRoute;
import dev.llmrouter.testing.JsonProbe;
import dev.llmrouter.testing.StubProvider;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Route resolution through {@link Router#resolveRoutes}: the routing tests of the Rust router's
 * {@code tests/router.rs} and {@code src/router.rs} (wire-format selection, Google/Vertex/Bedrock
 * routing, alias and failover matching, overlays). Rust tests that go on to prepare or execute the
 * request are ported in {@link RouterExecutionTest}.
 */
class RouterRoutingTest {

  private static List<String> aliases(Router router, String model, ProviderFormat output, String... fallbacks) {
    return router.resolveRoutes(model, output, List.of(fallbacks)).stream()
        .map(ProviderRoute::providerAlias)
        .collect(Collectors.toList());
  }

  private static void assertNoProvider(ThrowingCallable call, ProviderFormat format) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(NoProviderException.class, e -> assertThat(e.format()).isEqualTo(format));
  }

  private static ProviderRoute onlyRoute(Router router, String model, ProviderFormat output) {
    List<ProviderRoute> routes = router.resolveRoutes(model, output);
    assertThat(routes).hasSize(1);
    return routes.get(0);
  }

  // ---- tests/router.rs ----------------------------------------------------------------------------

  @Test
  void fallback_alias_resolution_skips_aliases_not_eligible_for_model() {
    Router router =
        Router.builder()
            .catalog(catalog("stub-model", spec("stub-model", ProviderFormat.OPENAI, "eligible")))
            .addProvider("eligible", StubProvider.of("stub"), auth(), ProviderFormat.OPENAI)
            .addProvider("ineligible", StubProvider.of("stub"), auth())
            .build();

    assertThat(aliases(router, "stub-model", ProviderFormat.OPENAI, "ineligible", "eligible"))
        .containsExactly("eligible");
  }

  @Test
  void router_reports_missing_provider() {
    Router router = Router.builder().catalog(catalog("lonely-model", openaiSpec("lonely-model"))).build();

    assertNoProvider(() -> router.resolveRoutes("lonely-model", ProviderFormat.OPENAI), ProviderFormat.OPENAI);
  }

  @Test
  void router_propagates_validation_errors() {
    Router router =
        Router.builder()
            .catalog(ModelCatalog.empty())
            .addProvider("stub", StubProvider.of("stub"), auth(), ProviderFormat.OPENAI)
            .build();

    // An empty model is an unknown model, not an invalid request.
    assertThatThrownBy(() -> router.resolveRoutes("", ProviderFormat.OPENAI))
        .isInstanceOf(UnknownModelException.class);
  }

  /**
   * Route level of {@code anthropic_native_catalog_format_resolves_to_anthropic}; the full port, which
   * also executes, is in {@link RouterExecutionTest}.
   */
  @Test
  void anthropic_native_catalog_format_routes_chat_output_to_anthropic() {
    Router router =
        Router.builder()
            .catalog(catalog("claude-haiku-4-5", spec("claude-haiku-4-5", ProviderFormat.ANTHROPIC)))
            .addProvider("anthropic", StubProvider.of("anthropic", ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI),
                auth(), ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI)
            .build();

    ProviderRoute route = onlyRoute(router, "claude-haiku-4-5", ProviderFormat.OPENAI);
    assertThat(route.providerAlias()).isEqualTo("anthropic");
    assertThat(route.format()).isEqualTo(ProviderFormat.ANTHROPIC);
  }

  /**
   * Route level of {@code responses_required_model_uses_responses_for_anthropic_messages_output}; the
   * full port, which also prepares the Anthropic body for Responses, is in {@link RouterExecutionTest}.
   */
  @Test
  void responses_required_model_routes_to_responses_for_anthropic_output() {
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5.5", openaiSpec("gpt-5.5")))
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES),
                auth(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .build();

    assertThat(onlyRoute(router, "gpt-5.5", ProviderFormat.ANTHROPIC).format())
        .isEqualTo(ProviderFormat.RESPONSES);
  }

  // ---- Gemini and Google routing ------------------------------------------------------------------

  private static Router googleChatRouter(String model) {
    return Router.builder()
        .catalog(catalog(model, googleSpec(model)))
        .addProvider("google", StubProvider.google(), auth(), ProviderFormat.GOOGLE)
        .build();
  }

  @Test
  void native_google_request_still_uses_google_format() {
    Router router = googleChatRouter("gemini-2.5-flash");

    ProviderRoute route = onlyRoute(router, "gemini-2.5-flash", ProviderFormat.GOOGLE);
    assertThat(route.providerAlias()).isEqualTo("google");
    assertThat(route.provider().id()).isEqualTo("google");
    assertThat(route.format()).isEqualTo(ProviderFormat.GOOGLE);
  }

  @Test
  void vertex_google_model_does_not_use_google_chat_completions() {
    String model = "publishers/google/models/gemini-2.5-flash";
    Router router =
        Router.builder()
            .catalog(catalog(model, googleSpec(model)))
            .addProvider("google", StubProvider.google(), auth(), ProviderFormat.GOOGLE)
            .addProvider("vertex", StubProvider.of("vertex", ProviderFormat.GOOGLE), auth())
            .build();

    ProviderRoute route = onlyRoute(router, model, ProviderFormat.OPENAI);
    assertThat(route.providerAlias()).isEqualTo("vertex");
    assertThat(route.provider().id()).isEqualTo("vertex");
    assertThat(route.format()).isEqualTo(ProviderFormat.GOOGLE);
  }

  @Test
  void openai_model_does_not_route_to_google_when_google_supports_chat_completions() {
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5-mini", openaiSpec("gpt-5-mini")))
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI), auth(), ProviderFormat.OPENAI)
            .addProvider("google", StubProvider.google(), auth(), ProviderFormat.GOOGLE)
            .build();

    ProviderRoute route = onlyRoute(router, "gpt-5-mini", ProviderFormat.OPENAI);
    assertThat(route.providerAlias()).isEqualTo("openai");
    assertThat(route.provider().id()).isEqualTo("openai");
    assertThat(route.format()).isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void openai_model_without_openai_provider_does_not_fallback_to_google_chat_completions() {
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5-mini", openaiSpec("gpt-5-mini")))
            .addProvider("google", StubProvider.google(), auth(), ProviderFormat.GOOGLE)
            .build();

    assertNoProvider(() -> router.resolveRoutes("gpt-5-mini", ProviderFormat.OPENAI), ProviderFormat.OPENAI);
  }

  @Test
  void gemini_chat_completions_catalog_without_google_provider_does_not_fallback_to_openai() {
    Router router =
        Router.builder()
            .catalog(catalog("gemini-2.5-flash", openaiSpec("gemini-2.5-flash")))
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI), auth(), ProviderFormat.OPENAI)
            .build();

    assertNoProvider(() -> router.resolveRoutes("gemini-2.5-flash", ProviderFormat.OPENAI), ProviderFormat.GOOGLE);
  }

  @Test
  void gemini_model_falls_back_to_default_google_provider_alias() {
    Router router =
        Router.builder()
            .catalog(catalog("gemini-2.5-flash", openaiSpec("gemini-2.5-flash")))
            .addProvider("google-prod", StubProvider.google(), auth(), ProviderFormat.GOOGLE)
            .build();

    ProviderRoute route = onlyRoute(router, "gemini-2.5-flash", ProviderFormat.OPENAI);
    assertThat(route.providerAlias()).isEqualTo("google-prod");
    assertThat(route.provider().id()).isEqualTo("google");
    assertThat(route.format()).isEqualTo(ProviderFormat.GOOGLE);
  }

  // ---- Vertex routing -----------------------------------------------------------------------------

  @Test
  void vertex_model_routes_to_vertex_provider() {
    String vertexModel = "publishers/google/models/gemini-2.5-flash-preview-04-17";
    String googleModel = "gemini-2.5-flash";
    Router router =
        Router.builder()
            .catalog(
                ModelCatalog.builder()
                    .put(vertexModel, googleSpec(vertexModel))
                    .put(googleModel, googleSpec(googleModel))
                    .build())
            .addProvider("google", StubProvider.of("google", ProviderFormat.GOOGLE), auth(), ProviderFormat.GOOGLE)
            .addProvider("vertex", StubProvider.of("vertex", ProviderFormat.GOOGLE), auth())
            .build();

    assertThat(aliases(router, vertexModel, ProviderFormat.GOOGLE)).containsExactly("vertex");
    assertThat(aliases(router, googleModel, ProviderFormat.GOOGLE)).containsExactly("google");
  }

  @Test
  void vertex_model_falls_back_to_google_when_no_vertex_provider() {
    String vertexModel = "publishers/google/models/gemini-pro";
    Router router =
        Router.builder()
            .catalog(catalog(vertexModel, googleSpec(vertexModel)))
            .addProvider("google", StubProvider.of("google", ProviderFormat.GOOGLE), auth(), ProviderFormat.GOOGLE)
            .build();

    assertThat(aliases(router, vertexModel, ProviderFormat.GOOGLE)).containsExactly("google");
  }

  @Test
  void vertex_google_model_with_openai_format_keeps_google_transport() {
    String model = "publishers/google/models/gemini-2.5-flash";
    Router router =
        Router.builder()
            .catalog(catalog(model, openaiSpec(model)))
            .addProvider("vertex", StubProvider.of("vertex", ProviderFormat.GOOGLE), auth())
            .build();

    assertThat(onlyRoute(router, model, ProviderFormat.OPENAI).format()).isEqualTo(ProviderFormat.GOOGLE);
  }

  @Test
  void custom_vertex_openai_model_uses_chat_completions_transport() {
    String model = "publishers/google/models/gemini-3.1-flash-lite-preview";
    Router router =
        Router.builder()
            .catalog(catalog(model, spec(model, ProviderFormat.OPENAI, "custom-vertex")))
            .addProvider("custom-vertex", StubProvider.of("vertex", ProviderFormat.GOOGLE), auth())
            .build();

    ProviderRoute route = onlyRoute(router, model, ProviderFormat.OPENAI);
    assertThat(route.providerAlias()).isEqualTo("custom-vertex");
    assertThat(route.format()).isEqualTo(ProviderFormat.OPENAI);
  }

  // ---- Format selection ---------------------------------------------------------------------------

  private static Router openAiRouter(String model, ProviderFormat... formats) {
    return Router.builder()
        .catalog(catalog(model, openaiSpec(model)))
        .addProvider("openai", StubProvider.of("openai", formats), auth(), formats)
        .build();
  }

  @Test
  void responses_required_model_forces_responses_format_for_chat_output() {
    Router router = openAiRouter("gpt-5-pro", ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    assertThat(onlyRoute(router, "gpt-5-pro", ProviderFormat.OPENAI).format()).isEqualTo(ProviderFormat.RESPONSES);
  }

  @Test
  void codex_variant_forces_responses_format_for_chat_output() {
    Router router = openAiRouter("gpt-5.1-codex", ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    assertThat(onlyRoute(router, "gpt-5.1-codex", ProviderFormat.OPENAI).format())
        .isEqualTo(ProviderFormat.RESPONSES);
  }

  @Test
  void non_responses_model_keeps_chat_completions_format() {
    Router router = openAiRouter("gpt-5-mini", ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    assertThat(onlyRoute(router, "gpt-5-mini", ProviderFormat.OPENAI).format()).isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void bedrock_openai_catalog_format_uses_chat_completions_transport() {
    String model = "us.anthropic.claude-sonnet-4-6";
    Router router =
        Router.builder()
            .catalog(catalog(model, spec(model, ProviderFormat.OPENAI, "bedrock")))
            .addProvider("bedrock",
                StubProvider.of("bedrock", ProviderFormat.CONVERSE, ProviderFormat.BEDROCK_ANTHROPIC), auth())
            .build();

    assertThat(onlyRoute(router, model, ProviderFormat.OPENAI).format()).isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void azure_ai_gateway_preserves_chat_completions_transport_for_anthropic_output() {
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5-mini", openaiSpec("gpt-5-mini")))
            .addProvider("azure_ai_gateway",
                StubProvider.of("azure_ai_gateway", ProviderFormat.OPENAI, ProviderFormat.RESPONSES,
                    ProviderFormat.ANTHROPIC),
                auth(), ProviderFormat.OPENAI)
            .build();

    assertThat(onlyRoute(router, "gpt-5-mini", ProviderFormat.ANTHROPIC).format())
        .isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void bedrock_converse_catalog_format_keeps_converse_transport_for_chat_output() {
    String model = "amazon.nova-lite-v1:0";
    Router router =
        Router.builder()
            .catalog(catalog(model, spec(model, ProviderFormat.CONVERSE)))
            .addProvider("bedrock",
                StubProvider.of("bedrock", ProviderFormat.CONVERSE, ProviderFormat.BEDROCK_ANTHROPIC), auth())
            .build();

    assertThat(onlyRoute(router, model, ProviderFormat.OPENAI).format()).isEqualTo(ProviderFormat.CONVERSE);
  }

  @Test
  void responses_required_model_without_responses_support_stays_chat_completions() {
    Router router = openAiRouter("gpt-5-pro", ProviderFormat.OPENAI);
    assertThat(onlyRoute(router, "gpt-5-pro", ProviderFormat.OPENAI).format()).isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void responses_required_model_falls_back_to_azure_provider() {
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5-pro", openaiSpec("gpt-5-pro")))
            .addProvider("azure", StubProvider.of("azure", ProviderFormat.OPENAI, ProviderFormat.RESPONSES),
                auth(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .build();

    ProviderRoute route = onlyRoute(router, "gpt-5-pro", ProviderFormat.OPENAI);
    assertThat(route.providerAlias()).isEqualTo("azure");
    assertThat(route.provider().id()).isEqualTo("azure");
    assertThat(route.format()).isEqualTo(ProviderFormat.RESPONSES);
  }

  // ---- Overlay ------------------------------------------------------------------------------------

  @Test
  void overlay_catalog_resolves_custom_and_base_models() {
    ModelCatalog base = catalog("base-model", openaiSpec("base-model"));
    ModelCatalog custom = catalog("custom-model", openaiSpecWithAvailableProviders("custom-model"));
    Router router =
        Router.builder()
            .overlayCatalog(base, custom)
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI), auth(), ProviderFormat.OPENAI)
            .build();

    assertThat(router.catalog().get("base-model")).isPresent();
    assertThat(router.catalog().get("custom-model")).isEmpty();
    assertThat(router.resolveRoutes("base-model", ProviderFormat.OPENAI)).isNotEmpty();
    assertThat(router.resolveRoutes("custom-model", ProviderFormat.OPENAI)).isNotEmpty();
  }

  @Test
  void overlay_catalog_failover_routes_use_equivalent_custom_model() {
    ModelCatalog custom =
        ModelCatalog.builder()
            .put("custom-primary", spec("custom-primary", ProviderFormat.OPENAI, "provider-a"))
            .put("custom-fallback", spec("custom-fallback", ProviderFormat.OPENAI, "provider-b"))
            .addFallbackModels("custom-primary", List.of("custom-fallback"))
            .build();
    Router router =
        Router.builder()
            .overlayCatalog(ModelCatalog.empty(), custom)
            .addProvider("provider-a", StubProvider.of("openai", ProviderFormat.OPENAI), auth())
            .addProvider("provider-b", StubProvider.of("openai", ProviderFormat.OPENAI), auth())
            .build();

    List<ProviderRoute> routes =
        router.resolveRoutes("custom-primary", ProviderFormat.OPENAI, List.of("provider-a", "provider-b"));
    assertThat(routes)
        .extracting(ProviderRoute::providerAlias, ProviderRoute::model)
        .containsExactly(tuple("provider-a", "custom-primary"), tuple("provider-b", "custom-fallback"));
  }

  @Test
  void overlay_catalog_failover_routes_use_equivalent_base_model() {
    ModelCatalog base = catalog("base-fallback", openaiSpecWithAvailableProviders("base-fallback"));
    ModelCatalog custom =
        ModelCatalog.builder()
            .put("custom-primary", spec("custom-primary", ProviderFormat.OPENAI, "provider-a"))
            .addExternalFallbackModels("custom-primary", List.of("base-fallback"))
            .build();
    Router router =
        Router.builder()
            .overlayCatalog(base, custom)
            .addProvider("provider-a", StubProvider.of("openai", ProviderFormat.OPENAI), auth())
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI), auth())
            .build();

    List<ProviderRoute> routes =
        router.resolveRoutes("custom-primary", ProviderFormat.OPENAI, List.of("provider-a", "openai"));
    assertThat(routes)
        .extracting(ProviderRoute::providerAlias, ProviderRoute::model)
        .containsExactly(tuple("provider-a", "custom-primary"), tuple("openai", "base-fallback"));
    assertThat(router.catalog().get("base-fallback")).isPresent();
    assertThat(router.catalog().get("custom-primary")).isEmpty();
  }

  // ---- Alias and failover matching ----------------------------------------------------------------

  /** gpt-4o available on openai, azure and cerebras, with the given registrations. */
  private static RouterBuilder gpt4oWithAvailableProviders() {
    return Router.builder().catalog(catalog("gpt-4o", openaiSpecWithAvailableProviders("gpt-4o")));
  }

  private static RouterBuilder gpt4oAvailableOn(String... providers) {
    return Router.builder().catalog(catalog("gpt-4o", spec("gpt-4o", ProviderFormat.OPENAI, providers)));
  }

  @Test
  void resolved_aliases_returns_only_registered_available_providers() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("openai", StubProvider.of("openai"), auth(), ProviderFormat.OPENAI)
            .addProvider("azure", StubProvider.of("azure"), auth())
            .build();

    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI)).containsExactly("openai", "azure");
  }

  @Test
  void fallback_provider_routes_append_after_primary() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("openai", StubProvider.of("openai"), auth(), ProviderFormat.OPENAI)
            .addProvider("azure", StubProvider.of("azure"), auth())
            .build();

    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI, "azure", "openai"))
        .containsExactly("openai", "azure");
  }

  @Test
  void fallback_provider_routes_filter_unavailable_and_unregistered_aliases() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("openai", StubProvider.of("openai"), auth(), ProviderFormat.OPENAI)
            .build();

    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI, "custom", "openai", "azure"))
        .containsExactly("openai");
  }

  @Test
  void fallback_provider_routes_do_not_treat_openai_provider_id_as_allowlist_match() {
    Router router =
        gpt4oAvailableOn("openai")
            .addProvider("openai", StubProvider.of("openai"), auth(), ProviderFormat.OPENAI)
            .addProvider("cerebras", StubProvider.openAiCompatible("cerebras"), auth())
            .build();

    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI, "cerebras")).containsExactly("openai");
  }

  @Test
  void fallback_provider_routes_match_named_openai_secret_for_default_alias() {
    Router router =
        gpt4oAvailableOn("OPENAI_API_KEY")
            .addProvider("my-openai", StubProvider.of("openai"), auth())
            .build();

    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI, "my-openai")).containsExactly("my-openai");
  }

  @Test
  void failover_routes_match_named_openai_when_equivalents_omit_available_providers() {
    ModelCatalog base = catalog("gpt-4o", openaiSpec("gpt-4o"));
    ModelCatalog custom =
        ModelCatalog.builder()
            .put("custom-primary", spec("custom-primary", ProviderFormat.OPENAI, "provider-a"))
            .addExternalFallbackModels("custom-primary", List.of("gpt-4o"))
            .build();
    Router router =
        Router.builder()
            .overlayCatalog(base, custom)
            .addProvider("provider-a", StubProvider.of("openai"), auth())
            .addProvider("my-openai", StubProvider.openAiCompatible("openai"), auth())
            .build();

    assertThat(router.resolveRoutes("custom-primary", ProviderFormat.OPENAI, List.of("provider-a", "my-openai")))
        .extracting(ProviderRoute::providerAlias, ProviderRoute::model)
        .containsExactly(tuple("provider-a", "custom-primary"), tuple("my-openai", "gpt-4o"));
  }

  @Test
  void failover_routes_match_named_openai_compatible_provider_id() {
    ModelCatalog base = catalog("llama-4-scout", spec("llama-4-scout", ProviderFormat.OPENAI, "cerebras"));
    ModelCatalog custom =
        ModelCatalog.builder()
            .put("custom-primary", spec("custom-primary", ProviderFormat.OPENAI, "provider-a"))
            .addExternalFallbackModels("custom-primary", List.of("llama-4-scout"))
            .build();
    Router router =
        Router.builder()
            .overlayCatalog(base, custom)
            .addProvider("provider-a", StubProvider.of("openai"), auth())
            .addProvider("my-cerebras", StubProvider.openAiCompatible("cerebras"), auth())
            .build();

    assertThat(router.resolveRoutes("custom-primary", ProviderFormat.OPENAI, List.of("provider-a", "my-cerebras")))
        .extracting(ProviderRoute::providerAlias, ProviderRoute::model)
        .containsExactly(tuple("provider-a", "custom-primary"), tuple("my-cerebras", "llama-4-scout"));
  }

  @Test
  void failover_request_payload_uses_equivalent_route_model_for_same_format() {
    ModelCatalog catalog =
        ModelCatalog.parse(
            "{\n"
                + "  \"gpt-4o\": {\n"
                + "    \"format\": \"openai\",\n"
                + "    \"flavor\": \"chat\",\n"
                + "    \"available_providers\": [\"provider-a\"],\n"
                + "    \"fallback_models\": [\"other-provider/gpt-4o\"]\n"
                + "  },\n"
                + "  \"other-provider/gpt-4o\": {\n"
                + "    \"format\": \"openai\",\n"
                + "    \"flavor\": \"chat\"\n"
                + "  }\n"
                + "}");
    Router router =
        Router.builder()
            .catalog(catalog)
            .addProvider("provider-a", StubProvider.of("openai"), auth())
            .addProvider("my-openai", StubProvider.openAiCompatible("openai"), auth())
            .build();

    List<ProviderRoute> routes =
        router.resolveRoutes("gpt-4o", ProviderFormat.OPENAI, List.of("provider-a", "my-openai"));
    ProviderRoute fallback =
        routes.stream().filter(r -> r.providerAlias().equals("my-openai")).findFirst().orElseThrow();
    assertThat(fallback.model()).isEqualTo("other-provider/gpt-4o");

    byte[] body = bytes("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");
    PreparedRequest prepared = router.prepare(body, ProviderFormat.OPENAI, fallback, false);

    assertThat(JsonProbe.string(prepared.payload(), "model")).contains("other-provider/gpt-4o");
    Map<String, String> members = JsonProbe.members(prepared.payload());
    assertThat(members).containsOnlyKeys("model", "messages");
    assertThat(members.get("messages")).isEqualTo(JsonProbe.members(body).get("messages"));
    assertThat(prepared.metadata().requestedModel()).isEqualTo("other-provider/gpt-4o");
  }

  @Test
  void fallback_provider_routes_do_not_match_openai_default_alias_to_compatible_provider() {
    Router router =
        gpt4oAvailableOn("OPENAI_API_KEY")
            .addProvider("openai", StubProvider.of("openai"), auth(), ProviderFormat.OPENAI)
            .addProvider("cerebras", StubProvider.openAiCompatible("cerebras"), auth())
            .build();

    assertNoProvider(() -> router.resolveRoutes("gpt-4o", ProviderFormat.OPENAI, List.of("cerebras")),
        ProviderFormat.OPENAI);
  }

  private static final String CLAUDE = "claude-sonnet-4-6";
  private static final String VERTEX_CLAUDE = "publishers/anthropic/models/claude-sonnet-4-6";

  private static ModelCatalog claudeCatalog(String primaryProviders, String vertexProviders) {
    return ModelCatalog.parse(
        "{\n"
            + "  \"claude-sonnet-4-6\": {\n"
            + "    \"format\": \"anthropic\",\n"
            + "    \"flavor\": \"chat\",\n"
            + primaryProviders
            + "    \"fallback_models\": [\"publishers/anthropic/models/claude-sonnet-4-6\"]\n"
            + "  },\n"
            + "  \"publishers/anthropic/models/claude-sonnet-4-6\": {\n"
            + vertexProviders
            + "    \"format\": \"anthropic\",\n"
            + "    \"flavor\": \"chat\"\n"
            + "  }\n"
            + "}");
  }

  @Test
  void failover_routes_match_named_secrets_by_concrete_provider_id() {
    Router router =
        Router.builder()
            .catalog(claudeCatalog("\"available_providers\": [\"ANTHROPIC_API_KEY\"],\n",
                "\"available_providers\": [\"GOOGLE_DEFAULT_CREDENTIALS\"],\n"))
            .addProvider("my-anthropic", StubProvider.of("anthropic", ProviderFormat.ANTHROPIC), auth())
            .addProvider("my-vertex", StubProvider.of("vertex", ProviderFormat.VERTEX_ANTHROPIC), auth())
            .build();

    assertThat(router.resolveRoutes(CLAUDE, ProviderFormat.OPENAI, List.of("my-anthropic", "my-vertex")))
        .extracting(ProviderRoute::providerAlias, ProviderRoute::model)
        .containsExactly(tuple("my-anthropic", CLAUDE), tuple("my-vertex", VERTEX_CLAUDE));
  }

  @Test
  void failover_routes_match_named_secrets_when_equivalents_omit_available_providers() {
    Router router =
        Router.builder()
            .catalog(claudeCatalog("", ""))
            .addProvider("my-anthropic", StubProvider.of("anthropic", ProviderFormat.ANTHROPIC), auth())
            .addProvider("my-vertex", StubProvider.of("vertex", ProviderFormat.VERTEX_ANTHROPIC), auth())
            .build();

    List<ProviderRoute> routes =
        router.resolveRoutes(CLAUDE, ProviderFormat.OPENAI, List.of("my-anthropic", "my-vertex"));
    assertThat(routes)
        .extracting(ProviderRoute::providerAlias, ProviderRoute::model)
        .containsExactly(tuple("my-anthropic", CLAUDE), tuple("my-vertex", VERTEX_CLAUDE));
    assertThat(routes).extracting(ProviderRoute::format)
        .containsExactly(ProviderFormat.ANTHROPIC, ProviderFormat.VERTEX_ANTHROPIC);
  }

  @Test
  void fallback_provider_routes_do_not_use_format_default_for_ineligible_alias() {
    Router router =
        Router.builder()
            .catalog(catalog("gpt-4o", openaiSpec("gpt-4o")))
            .addProvider("custom", StubProvider.of("custom"), auth(), ProviderFormat.OPENAI)
            .build();

    assertNoProvider(() -> router.resolveRoutes("gpt-4o", ProviderFormat.OPENAI, List.of("custom")),
        ProviderFormat.OPENAI);
    // Normal mode does use the format default.
    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI)).containsExactly("custom");
  }

  @Test
  void resolve_providers_falls_back_to_format_slot_when_alias_not_registered() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("other_gpt", StubProvider.of("other_gpt"), auth(), ProviderFormat.OPENAI)
            .build();

    assertThat(router.resolveRoutes("gpt-4o", ProviderFormat.OPENAI)).isNotEmpty();
    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI)).containsExactly("other_gpt");
  }

  @Test
  void fallback_alias_resolves_custom_named_openai_provider() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("OpenAI", StubProvider.of("openai"), auth(), ProviderFormat.OPENAI)
            .build();

    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI, "OPENAI_API_KEY")).containsExactly("OpenAI");
  }

  @Test
  void fallback_alias_rejects_ambiguous_custom_named_openai_providers() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("openai-us", StubProvider.of("openai"), auth())
            .addProvider("openai-eu", StubProvider.of("openai"), auth())
            .build();

    assertNoProvider(() -> router.resolveRoutes("gpt-4o", ProviderFormat.OPENAI, List.of("OPENAI_API_KEY")),
        ProviderFormat.OPENAI);
    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI, "openai-us")).containsExactly("openai-us");
  }

  @Test
  void fallback_alias_resolution_skips_missing_without_format_fallback() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("other_gpt", StubProvider.of("other_gpt"), auth(), ProviderFormat.OPENAI)
            .build();

    assertNoProvider(() -> router.resolveRoutes("gpt-4o", ProviderFormat.OPENAI, List.of("missing")),
        ProviderFormat.OPENAI);
  }

  @Test
  void fallback_alias_resolution_preserves_requested_order_and_skips_missing() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("azure", StubProvider.of("azure"), auth())
            .addProvider("openai", StubProvider.of("openai"), auth(), ProviderFormat.OPENAI)
            .build();

    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI, "azure", "missing", "openai"))
        .containsExactly("openai", "azure");
  }

  @Test
  void failover_routes_use_equivalent_provider_native_vertex_model() {
    ModelCatalog parsed = claudeCatalog("\"available_providers\": [\"anthropic\"],\n", "");
    ModelCatalog catalog =
        parsed.mapSpecs(s -> s.toBuilder()
            .availableProviders(s.availableProviders().stream()
                .map(p -> p.equals("anthropic") ? "ANTHROPIC_API_KEY" : p)
                .collect(Collectors.toList()))
            .build());
    Router router =
        Router.builder()
            .catalog(catalog)
            .addProvider("ANTHROPIC_API_KEY", StubProvider.of("anthropic", ProviderFormat.ANTHROPIC), auth())
            .addProvider("GOOGLE_DEFAULT_CREDENTIALS",
                StubProvider.of("vertex", ProviderFormat.VERTEX_ANTHROPIC), auth())
            .build();

    assertThat(router.resolveRoutes(CLAUDE, ProviderFormat.OPENAI,
            List.of("ANTHROPIC_API_KEY", "GOOGLE_DEFAULT_CREDENTIALS")))
        .extracting(ProviderRoute::providerAlias, ProviderRoute::model)
        .containsExactly(tuple("ANTHROPIC_API_KEY", CLAUDE), tuple("GOOGLE_DEFAULT_CREDENTIALS", VERTEX_CLAUDE));
  }

  // ---- Java-side routing behaviour ----------------------------------------------------------------

  @Test
  void normal_mode_returns_every_registered_alias_with_its_own_format() {
    Router router =
        gpt4oAvailableOn("openai", "azure_ai_gateway")
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES), auth())
            .addProvider("azure_ai_gateway",
                StubProvider.of("azure_ai_gateway", ProviderFormat.OPENAI, ProviderFormat.RESPONSES), auth())
            .build();

    assertThat(router.resolveRoutes("gpt-4o", ProviderFormat.RESPONSES))
        .extracting(ProviderRoute::providerAlias, ProviderRoute::format)
        .containsExactly(tuple("openai", ProviderFormat.RESPONSES),
            tuple("azure_ai_gateway", ProviderFormat.OPENAI));
  }

  @Test
  void failover_mode_takes_only_one_primary_route() {
    Router router =
        gpt4oWithAvailableProviders()
            .addProvider("openai", StubProvider.of("openai"), auth())
            .addProvider("azure", StubProvider.of("azure"), auth())
            .addProvider("cerebras", StubProvider.openAiCompatible("cerebras"), auth())
            .build();

    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI)).containsExactly("openai", "azure", "cerebras");
    assertThat(aliases(router, "gpt-4o", ProviderFormat.OPENAI, "cerebras")).containsExactly("openai", "cerebras");
  }

  @Test
  void routes_carry_the_registered_auth_and_the_catalog_spec() {
    ModelSpec spec = spec("gpt-4o", ProviderFormat.OPENAI, "openai");
    Router router =
        Router.builder()
            .catalog(catalog("gpt-4o", spec))
            .addProvider("openai", StubProvider.of("openai"), dev.llmrouter.auth.AuthConfig.bearer("k-123"))
            .build();

    ProviderRoute route = onlyRoute(router, "gpt-4o", ProviderFormat.OPENAI);
    assertThat(route.auth()).isEqualTo(dev.llmrouter.auth.AuthConfig.bearer("k-123"));
    assertThat(route.spec()).isEqualTo(spec);
    assertThat(route.modelName()).isEqualTo("gpt-4o");
  }

  @Test
  void unknown_model_and_null_output_format_are_rejected() {
    Router router = openAiRouter("gpt-4o", ProviderFormat.OPENAI);
    assertThatThrownBy(() -> router.resolveRoutes("gpt-4o-2024-08-06", ProviderFormat.OPENAI))
        .isInstanceOfSatisfying(UnknownModelException.class,
            e -> assertThat(e.model()).isEqualTo("gpt-4o-2024-08-06"));
    assertThatThrownBy(() -> router.resolveRoutes("gpt-4o", null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> router.resolveRoutes("missing", ProviderFormat.OPENAI, List.of("openai")))
        .isInstanceOf(UnknownModelException.class);
  }
}
