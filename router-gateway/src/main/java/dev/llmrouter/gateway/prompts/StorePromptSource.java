package dev.llmrouter.gateway.prompts;

import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptSource;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link PromptStore} as a {@link PromptSource}, so the router can expand requests carrying
 * {@code prompt_id} from the gateway's own store. The id may carry a version ({@code id.v3}); a version may
 * also come as {@code 3} or {@code v3}; without an environment the {@code development} environment is read.
 * A store failure surfaces as {@link PromptStoreException}; there is no fallback.
 */
public final class StorePromptSource implements PromptSource {
  private final PromptStore store;

  /** A source reading {@code store}. */
  public StorePromptSource(PromptStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Prompt load(PromptRef ref) {
    VersionedId id;
    String env;
    try {
      id = VersionedId.parse(ref.id());
      env = VersionedId.environment(ref.environment().orElse(VersionedId.DEFAULT_ENVIRONMENT));
    } catch (RuntimeException e) {
      throw new PromptNotFoundException(ref, e.getMessage());
    }
    OptionalInt version = id.version();
    if (ref.version().isPresent()) {
      String v = ref.version().get();
      String digits = v.startsWith("v") || v.startsWith("V") ? v.substring(1) : v;
      if (!digits.matches("[0-9]{1,9}")) {
        throw new PromptNotFoundException(ref, "versions in the gateway store are numbers (3 or v3)");
      }
      version = OptionalInt.of(Integer.parseInt(digits));
    }
    Optional<StoredPrompt> s = version.isPresent()
        ? store.find(id.baseId(), env, version.getAsInt()) : store.latest(id.baseId(), env);
    return PromptContent.of(s.orElseThrow(() -> new PromptNotFoundException(ref, "not in the gateway's prompt "
        + "store (environment '" + env + "')"))).prompt();
  }

  @Override
  public String name() {
    return "gateway-prompt-store";
  }
}
