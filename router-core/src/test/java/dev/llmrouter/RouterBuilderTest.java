package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.CatalogException;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.testing.Fixtures;
import dev.llmrouter.testing.StubProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Rust builder tests of router.rs (3) and the Java builder's own validation. */
class RouterBuilderTest {

  @Test
  void build_fails_when_provider_alias_duplicated() {
    RouterBuilder builder =
        Router.builder()
            .catalog(ModelCatalog.empty())
            .addProvider("openai", StubProvider.of("openai"), auth(), ProviderFormat.OPENAI)
            .addProvider("openai", StubProvider.of("openai2"), auth());

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("provider alias already exists")
        .hasMessageContaining("openai");
  }

  @Test
  void build_fails_when_format_has_two_default_providers() {
    RouterBuilder builder =
        Router.builder()
            .catalog(ModelCatalog.empty())
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI), auth(),
                ProviderFormat.OPENAI)
            .addProvider("openai2", StubProvider.of("openai2", ProviderFormat.OPENAI), auth(),
                ProviderFormat.OPENAI);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("format already has a default provider")
        .hasMessageContaining("openai")
        .hasMessageContaining("openai2");
  }

  @Test
  void build_succeeds_when_same_format_multiple_providers_only_one_default() {
    Router router =
        Router.builder()
            .catalog(ModelCatalog.empty())
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI), auth(),
                ProviderFormat.OPENAI)
            .addProvider("openai2", StubProvider.of("openai2", ProviderFormat.OPENAI), auth())
            .build();

    assertThat(router.catalog().get("any")).isEmpty();
    assertThat(router.formatDefaults()).containsEntry(ProviderFormat.OPENAI, "openai");
  }

  // ---- Java builder behaviour ---------------------------------------------------------------------

  @Test
  void build_without_catalog_fails() {
    assertThatThrownBy(() -> Router.builder().build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("model catalog not configured");
  }

  @Test
  void auth_is_mandatory_at_registration() {
    RouterBuilder builder = Router.builder().catalog(ModelCatalog.empty());
    assertThatThrownBy(() -> builder.addProvider("stub", StubProvider.of("stub"), null))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("stub");
  }

  @Test
  void empty_alias_and_null_provider_are_rejected() {
    RouterBuilder builder = Router.builder().catalog(ModelCatalog.empty());
    assertThatThrownBy(() -> builder.addProvider("", StubProvider.of("stub"), auth()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> builder.addProvider("stub", null, auth()))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void backup_defaults_follow_registration_order_and_skip_google_chat_completions() {
    Router router =
        Router.builder()
            .catalog(ModelCatalog.empty())
            .addProvider("google", StubProvider.google(), auth())
            .addProvider("first-chat", StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES), auth())
            .addProvider("second-chat", StubProvider.of("azure", ProviderFormat.OPENAI), auth())
            .build();

    assertThat(router.formatDefaults())
        .containsEntry(ProviderFormat.GOOGLE, "google")
        .containsEntry(ProviderFormat.OPENAI, "first-chat")
        .containsEntry(ProviderFormat.RESPONSES, "first-chat")
        .doesNotContainKey(ProviderFormat.ANTHROPIC);
  }

  @Test
  void catalog_resets_a_previous_overlay() {
    ModelCatalog base = Fixtures.catalog("base-model", Fixtures.openaiSpec("base-model"));
    ModelCatalog custom = Fixtures.catalog("custom-model", Fixtures.openaiSpec("custom-model"));
    Router router =
        Router.builder()
            .overlayCatalog(base, custom)
            .catalog(base)
            .addProvider("openai", StubProvider.of("openai"), auth())
            .build();

    assertThat(router.resolveRoutes("base-model", ProviderFormat.OPENAI)).hasSize(1);
    assertThatThrownBy(() -> router.resolveRoutes("custom-model", ProviderFormat.OPENAI))
        .isInstanceOf(dev.llmrouter.error.UnknownModelException.class);
  }

  @Test
  void overlay_with_invisible_fallback_target_fails_at_build() {
    ModelCatalog base = ModelCatalog.empty();
    ModelCatalog custom =
        ModelCatalog.builder()
            .put("custom-primary", Fixtures.openaiSpec("custom-primary"))
            .addExternalFallbackModels("custom-primary", List.of("nowhere"))
            .build();
    RouterBuilder builder = Router.builder().overlayCatalog(base, custom);
    assertThatThrownBy(builder::build).isInstanceOf(CatalogException.class).hasMessageContaining("nowhere");
  }

  @Test
  void retry_policy_defaults_to_the_rust_defaults_and_can_be_replaced() {
    Router defaults = Router.builder().catalog(ModelCatalog.empty()).build();
    assertThat(defaults.retryPolicy()).isEqualTo(RetryPolicy.defaults());

    RetryPolicy none = RetryPolicy.none();
    Router custom = Router.builder().catalog(ModelCatalog.empty()).retryPolicy(none).build();
    assertThat(custom.retryPolicy()).isEqualTo(none);
    assertThatThrownBy(() -> Router.builder().retryPolicy(null)).isInstanceOf(InvalidRequestException.class);
  }
}
