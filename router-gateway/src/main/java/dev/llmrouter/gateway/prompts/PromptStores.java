package dev.llmrouter.gateway.prompts;

import dev.llmrouter.gateway.config.GatewayConfigException;
import java.util.Optional;
import java.util.function.Consumer;

/** Opens the configured prompt store at gateway start and imports the example prompts into an empty one. */
public final class PromptStores {
  private PromptStores() {}

  /**
   * The store {@code settings} describe, or empty when prompts are off.
   *
   * @throws GatewayConfigException if the database cannot be opened (naming it, without credentials)
   */
  public static Optional<PromptStore> open(PromptSettings settings, Consumer<String> notes) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    JdbcPromptStore store;
    try {
      store = JdbcPromptStore.open(settings.jdbcUrl(), settings.user().orElse(null),
          settings.password().orElse(null), settings.poolSize());
    } catch (PromptStoreException e) {
      throw new GatewayConfigException("cannot open the prompt store (set GATEWAY_PROMPTS_DB, or "
          + "GATEWAY_PROMPTS_ENABLED=false): " + e.getMessage(), e);
    }
    try {
      notes.accept("prompt store: " + store.describe());
      if (settings.seed()) {
        SeedPrompts.importIfEmpty(store, notes);
      }
      return Optional.of(store);
    } catch (RuntimeException e) {
      store.close();
      throw new GatewayConfigException("cannot prepare the prompt store: " + e.getMessage(), e);
    }
  }
}
