package dev.llmrouter.gateway.prompts;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Durable, versioned prompt storage. Every write appends a new version ({@code id.vN}, numbered per
 * environment, never reused); reading without a version gives the latest live version in the environment.
 * Nothing is overwritten: a delete marks versions deleted (they stay in the store, hidden from reads, and
 * their numbers are not handed out again). Ids and environments are validated by {@link VersionedId} before
 * they reach an implementation. Implementations are thread-safe; concurrent writers never get the same
 * version number.
 */
public interface PromptStore extends AutoCloseable {

  /**
   * Appends a new version of {@code baseId} in {@code environment}.
   *
   * @return the stored version
   * @throws PromptStoreException if the store cannot be written
   */
  StoredPrompt append(String baseId, String environment, JsonObject litellmParams, JsonObject promptInfo,
      Optional<String> promotedFrom);

  /** The latest live version in the environment. */
  Optional<StoredPrompt> latest(String baseId, String environment);

  /** One live version in the environment. */
  Optional<StoredPrompt> find(String baseId, String environment, int version);

  /** Live versions, newest first; of one environment, or of all (then grouped by environment). */
  List<StoredPrompt> versions(String baseId, Optional<String> environment);

  /** The environments the prompt has live versions in, sorted. */
  List<String> environments(String baseId);

  /** The latest live version of every prompt in every environment (or one), sorted by id then environment. */
  List<StoredPrompt> listLatest(Optional<String> environment);

  /**
   * Marks the prompt's live versions deleted, in one environment or in all.
   *
   * @return how many versions were marked
   */
  int delete(String baseId, Optional<String> environment);

  /** Whether the store holds no version at all, live or deleted (seed import runs only then). */
  boolean isEmpty();

  /**
   * Copies a version ({@code version}, or the latest) of {@code from} into {@code to} as a new version there.
   *
   * @return the new version, or empty if the source does not exist
   */
  default Optional<StoredPrompt> promote(String baseId, String from, OptionalInt version, String to) {
    Optional<StoredPrompt> source = version.isPresent()
        ? find(baseId, from, version.getAsInt()) : latest(baseId, from);
    return source.map(s -> append(baseId, to, s.litellmParams(),
        s.promptInfo().with("environment", JsonValue.of(to)),
        Optional.of(s.environment() + ".v" + s.version())));
  }

  /** Releases the store's connections. */
  @Override
  void close();
}
