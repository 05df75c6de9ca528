package dev.llmrouter.prompt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PromptSource} over prompts held in memory, for tests, examples and prompts built in code.
 * Thread-safe. Several versions of one id may be held; lookups pick:
 *
 * <ul>
 *   <li>with a pinned version: the prompt of that id and version (and environment, when one is asked for);
 *   <li>otherwise: the prompt of that id (in the asked environment, when one is given) added last.
 * </ul>
 */
public final class InMemoryPromptSource implements PromptSource {
  private final Map<String, List<Prompt>> byId = new ConcurrentHashMap<>();

  private InMemoryPromptSource() {}

  /** An empty source. */
  public static InMemoryPromptSource create() {
    return new InMemoryPromptSource();
  }

  /** A source holding these prompts (in order: later ones are newer). */
  public static InMemoryPromptSource of(Prompt... prompts) {
    InMemoryPromptSource s = new InMemoryPromptSource();
    for (Prompt p : prompts) {
      s.put(p);
    }
    return s;
  }

  /** A source holding these prompts (in order: later ones are newer). */
  public static InMemoryPromptSource of(Collection<Prompt> prompts) {
    InMemoryPromptSource s = new InMemoryPromptSource();
    prompts.forEach(s::put);
    return s;
  }

  /** Adds {@code prompt} as the newest of its id; an equal id, version and environment replaces the old one. */
  public InMemoryPromptSource put(Prompt prompt) {
    Objects.requireNonNull(prompt, "prompt");
    byId.compute(
        prompt.id(),
        (id, old) -> {
          List<Prompt> list = old == null ? new ArrayList<>() : new ArrayList<>(old);
          list.removeIf(
              p -> p.version().equals(prompt.version()) && p.environment().equals(prompt.environment()));
          list.add(prompt);
          return List.copyOf(list);
        });
    return this;
  }

  /** Removes every version of {@code id}; whether there was one. */
  public boolean remove(String id) {
    return byId.remove(id) != null;
  }

  @Override
  public Prompt load(PromptRef ref) {
    List<Prompt> versions = byId.get(ref.id());
    if (versions != null) {
      for (int i = versions.size() - 1; i >= 0; i--) {
        Prompt p = versions.get(i);
        if (ref.version().isPresent() && !ref.version().equals(p.version())) {
          continue;
        }
        if (ref.environment().isPresent() && !ref.environment().equals(p.environment())) {
          continue;
        }
        return p;
      }
    }
    throw new PromptNotFoundException(ref);
  }

  @Override
  public String name() {
    return "in-memory";
  }
}
