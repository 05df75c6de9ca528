package dev.llmrouter.gateway.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.gateway.config.ConfigLoader;
import dev.llmrouter.gateway.config.GatewayConfigException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePromptSourceTest {
  @TempDir
  Path dir;

  @Test
  void theStoreResolvesPromptIdsForTheRouter() {
    try (JdbcPromptStore store = JdbcPromptStore.open(JdbcUrls.toJdbcUrl(dir.resolve("s.db").toString()), null,
        null, 2)) {
      assertThat(SeedPrompts.importIfEmpty(store, n -> { })).isEqualTo(5);
      assertThat(SeedPrompts.importIfEmpty(store, n -> { })).isZero();
      StorePromptSource source = new StorePromptSource(store);
      Prompt p = source.load(PromptRef.of("code-review-prompt"));
      assertThat(p.model()).contains("gpt-4");
      assertThat(p.params().getLong("max_tokens")).contains(1000L);
      assertThat(p.messages()).extracting(m -> m.role()).containsExactly("system", "user");
      assertThat(p.messages().get(1).text().orElseThrow()).contains("{language}").contains("{code}");
      assertThat(p.version()).contains("1");
      assertThat(p.environment()).contains("development");
      assertThat(source.load(PromptRef.of("code-review-prompt.v1")).version()).contains("1");
      assertThat(source.load(PromptRef.of("code-review-prompt", Optional.of("v1"), Optional.empty())).id())
          .isEqualTo("code-review-prompt");
      assertThatThrownBy(() -> source.load(PromptRef.of("code-review-prompt", Optional.empty(),
          Optional.of("production")))).isInstanceOf(PromptNotFoundException.class)
          .hasMessageContaining("code-review-prompt");
      assertThatThrownBy(() -> source.load(PromptRef.of("nope"))).isInstanceOf(PromptNotFoundException.class)
          .hasMessageContaining("nope");
    }
  }

  @Test
  void settingsComeFromTheFileAndTheEnvironmentWithoutLeakingSecrets() {
    PromptSettings s = ConfigLoader.fromJson(JsonTree.parseObject(
        "{\"prompts\":{\"database\":\"/tmp/x.db\",\"seed\":true,\"max_template_bytes\":1000}}".getBytes()),
        Map.of("GATEWAY_PROMPTS_SEED", "false", "GATEWAY_PROMPTS_DB_PASSWORD", "pw-SECRET",
            "GATEWAY_TOKEN_PROMPTS", "tok-SECRET:support-*,faq"), n -> { }).prompts();
    assertThat(s.enabled()).isTrue();
    assertThat(s.seed()).isFalse();
    assertThat(s.maxTemplateBytes()).isEqualTo(1000);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db");
    assertThat(s.scopes().patterns("tok-SECRET")).contains(java.util.List.of("support-*", "faq"));
    assertThat(s.scopes().patterns("other")).isEmpty();
    assertThat(s.toString()).doesNotContain("SECRET");
    assertThat(PromptScopes.matches(java.util.List.of("support-*"), "support-bot")).isTrue();
    assertThat(PromptScopes.matches(java.util.List.of("support-*"), "supporter")).isFalse();
    assertThatThrownBy(() -> PromptScopes.parse("tok:../x")).isInstanceOf(GatewayConfigException.class)
        .hasMessageNotContaining("tok");
    assertThatThrownBy(() -> ConfigLoader.fromJson(JsonTree.parseObject("{\"prompts\":{\"dbase\":1}}".getBytes()),
        Map.of(), n -> { })).isInstanceOf(GatewayConfigException.class).hasMessageContaining("dbase");
  }
}
