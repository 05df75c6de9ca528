package dev.llmrouter.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.testing.Fixtures;
import dev.llmrouter.testing.StubProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Builder validation and the format-to-default-alias map (spec 1.3). */
class ProviderRegistryTest {

  private static ProviderRegistry.Registration reg(String alias, Provider p, ProviderFormat... defaults) {
    return new ProviderRegistry.Registration(alias, p, Fixtures.auth(), Set.of(defaults));
  }

  @Test
  void duplicate_alias_is_rejected_with_the_rust_message() {
    assertThatThrownBy(
            () ->
                ProviderRegistry.build(
                    List.of(
                        reg("openai", StubProvider.of("openai")),
                        reg("openai", StubProvider.of("openai2")))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("provider alias already exists: openai");
  }

  @Test
  void two_explicit_defaults_for_one_format_are_rejected_naming_both() {
    assertThatThrownBy(
            () ->
                ProviderRegistry.build(
                    List.of(
                        reg("a", StubProvider.of("openai"), ProviderFormat.OPENAI),
                        reg("b", StubProvider.of("openai"), ProviderFormat.OPENAI))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("format already has a default provider: openai: a, b");
  }

  @Test
  void backup_default_is_the_first_registered_provider_serving_the_format() {
    ProviderRegistry registry =
        ProviderRegistry.build(
            List.of(
                reg("second-choice", StubProvider.of("x", ProviderFormat.MISTRAL, ProviderFormat.OPENAI)),
                reg("later", StubProvider.of("y", ProviderFormat.OPENAI, ProviderFormat.ANTHROPIC))));
    assertThat(registry.defaultAlias(ProviderFormat.OPENAI)).contains("second-choice");
    assertThat(registry.defaultAlias(ProviderFormat.MISTRAL)).contains("second-choice");
    assertThat(registry.defaultAlias(ProviderFormat.ANTHROPIC)).contains("later");
    assertThat(registry.defaultAlias(ProviderFormat.GOOGLE)).isEmpty();
  }

  @Test
  void explicit_default_wins_over_an_earlier_backup() {
    ProviderRegistry registry =
        ProviderRegistry.build(
            List.of(
                reg("first", StubProvider.of("x", ProviderFormat.OPENAI)),
                reg("explicit", StubProvider.of("y", ProviderFormat.ANTHROPIC), ProviderFormat.OPENAI)));
    assertThat(registry.defaultAlias(ProviderFormat.OPENAI)).contains("explicit");
    // An explicit default need not even support the format.
    assertThat(registry.formatDefaults())
        .containsEntry(ProviderFormat.OPENAI, "explicit")
        .containsEntry(ProviderFormat.ANTHROPIC, "explicit");
  }

  @Test
  void google_chat_completions_is_never_a_backup_default() {
    ProviderRegistry registry =
        ProviderRegistry.build(
            List.of(
                reg("google", StubProvider.google()),
                reg("openai-late", StubProvider.of("openai", ProviderFormat.OPENAI))));
    assertThat(registry.defaultAlias(ProviderFormat.GOOGLE)).contains("google");
    assertThat(registry.defaultAlias(ProviderFormat.OPENAI)).contains("openai-late");
  }

  @Test
  void registrations_keep_registration_order() {
    ProviderRegistry registry =
        ProviderRegistry.build(
            List.of(reg("b", StubProvider.of("b")), reg("a", StubProvider.of("a")), reg("c", StubProvider.of("c"))));
    assertThat(registry.registrations()).extracting(ProviderRegistry.Registration::alias)
        .containsExactly("b", "a", "c");
    assertThat(registry.contains("a")).isTrue();
    assertThat(registry.contains("z")).isFalse();
    assertThat(registry.get("c")).get().extracting(r -> r.provider().id()).isEqualTo("c");
  }
}
