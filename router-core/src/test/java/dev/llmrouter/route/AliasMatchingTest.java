package dev.llmrouter.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.testing.Fixtures;
import dev.llmrouter.testing.StubProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code alias_matches_provider} and {@code matching_provider_alias} of spec 2.5, directly. */
class AliasMatchingTest {

  private static RouteResolver resolverWith(Object... aliasAndProvider) {
    List<ProviderRegistry.Registration> regs = new ArrayList<>();
    for (int i = 0; i < aliasAndProvider.length; i += 2) {
      regs.add(new ProviderRegistry.Registration((String) aliasAndProvider[i],
          (Provider) aliasAndProvider[i + 1], Fixtures.auth(), Set.of()));
    }
    return new RouteResolver(new ModelResolver(ModelCatalog.empty()), ProviderRegistry.build(regs));
  }

  @Test
  void equal_strings_match_even_when_unregistered() {
    RouteResolver r = resolverWith();
    assertThat(r.aliasMatchesProvider("anything", "anything")).isTrue();
    assertThat(r.aliasMatchesProvider("anything", "else")).isFalse();
  }

  @Test
  void default_secret_name_matches_a_registration_of_that_provider_id() {
    RouteResolver r =
        resolverWith("my-openai", StubProvider.of("openai"), "my-anthropic", StubProvider.of("anthropic"),
            "my-vertex", StubProvider.of("vertex", ProviderFormat.VERTEX_ANTHROPIC));
    assertThat(r.aliasMatchesProvider("OPENAI_API_KEY", "my-openai")).isTrue();
    assertThat(r.aliasMatchesProvider("ANTHROPIC_API_KEY", "my-anthropic")).isTrue();
    assertThat(r.aliasMatchesProvider("GOOGLE_DEFAULT_CREDENTIALS", "my-vertex")).isTrue();
    assertThat(r.aliasMatchesProvider("OPENAI_API_KEY", "my-anthropic")).isFalse();
  }

  @Test
  void openai_secret_does_not_match_an_openai_compatible_vendor() {
    RouteResolver r = resolverWith("cerebras", StubProvider.openAiCompatible("cerebras"));
    assertThat(r.aliasMatchesProvider("OPENAI_API_KEY", "cerebras")).isFalse();
    assertThat(r.aliasMatchesProvider("openai", "cerebras")).isFalse();
  }

  @Test
  void a_provider_satisfies_the_catalog_alias_it_says_it_matches() {
    RouteResolver r = resolverWith("my-cerebras", StubProvider.openAiCompatible("cerebras"));
    assertThat(r.aliasMatchesProvider("cerebras", "my-cerebras")).isTrue();
    assertThat(r.aliasMatchesProvider("groq", "my-cerebras")).isFalse();
  }

  @Test
  void a_registration_named_after_a_default_secret_matches_that_secrets_provider_id() {
    RouteResolver r = resolverWith("ANTHROPIC_API_KEY", StubProvider.of("custom"));
    assertThat(r.aliasMatchesProvider("anthropic", "ANTHROPIC_API_KEY")).isTrue();
    assertThat(r.aliasMatchesProvider("openai", "ANTHROPIC_API_KEY")).isFalse();
  }

  @Test
  void matching_prefers_the_requested_alias_when_it_is_registered_and_matches() {
    RouteResolver r =
        resolverWith("openai", StubProvider.of("openai"), "openai-eu", StubProvider.of("openai"));
    assertThat(r.matchingProviderAlias("openai", "openai-eu")).contains("openai-eu");
    assertThat(r.matchingProviderAlias("openai", "openai")).contains("openai");
  }

  @Test
  void matching_finds_the_unique_registration_satisfying_both_aliases() {
    RouteResolver r = resolverWith("OpenAI", StubProvider.of("openai"), "azure", StubProvider.of("azure"));
    assertThat(r.matchingProviderAlias("openai", "OPENAI_API_KEY")).contains("OpenAI");
    assertThat(r.matchingProviderAlias("azure", "OPENAI_API_KEY")).isEmpty();
  }

  @Test
  void matching_rejects_ambiguous_registrations() {
    RouteResolver r =
        resolverWith("openai-us", StubProvider.of("openai"), "openai-eu", StubProvider.of("openai"));
    assertThat(r.matchingProviderAlias("openai", "OPENAI_API_KEY")).isEmpty();
  }

  @Test
  void matching_an_unregistered_requested_alias_without_candidates_is_empty() {
    RouteResolver r = resolverWith("openai", StubProvider.of("openai"));
    assertThat(r.matchingProviderAlias("openai", "missing")).isEmpty();
  }
}
