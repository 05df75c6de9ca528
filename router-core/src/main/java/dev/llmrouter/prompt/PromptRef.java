package dev.llmrouter.prompt;

import java.util.Objects;
import java.util.Optional;

/**
 * What a caller asks a {@link PromptSource} for: a prompt id, optionally pinned to a version, optionally in an
 * environment (such as {@code production} or {@code staging}). Neither version nor environment means the
 * source's latest. Every part is validated by {@link PromptIds}.
 */
public final class PromptRef {
  private final String id;
  private final String version;
  private final String environment;

  private PromptRef(String id, String version, String environment) {
    this.id = PromptIds.require("prompt id", id);
    this.version = version == null ? null : PromptIds.require("prompt version", version);
    this.environment = environment == null ? null : PromptIds.require("prompt environment", environment);
  }

  /** The latest version of prompt {@code id}. */
  public static PromptRef of(String id) {
    return new PromptRef(id, null, null);
  }

  /** Prompt {@code id} with an optional version and environment. */
  public static PromptRef of(String id, Optional<String> version, Optional<String> environment) {
    return new PromptRef(id, version.orElse(null), environment.orElse(null));
  }

  /** A copy pinned to {@code version}. */
  public PromptRef withVersion(String version) {
    return new PromptRef(id, Objects.requireNonNull(version, "version"), environment);
  }

  /** A copy in {@code environment}. */
  public PromptRef withEnvironment(String environment) {
    return new PromptRef(id, version, Objects.requireNonNull(environment, "environment"));
  }

  public String id() {
    return id;
  }

  /** The pinned version, if any. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** The environment, if any. */
  public Optional<String> environment() {
    return Optional.ofNullable(environment);
  }

  /** Whether a version is pinned (caches are bypassed for pinned lookups). */
  public boolean isPinned() {
    return version != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PromptRef r
        && id.equals(r.id)
        && Objects.equals(version, r.version)
        && Objects.equals(environment, r.environment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, environment);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("prompt '").append(id).append('\'');
    if (version != null) {
      sb.append(" version '").append(version).append('\'');
    }
    if (environment != null) {
      sb.append(" in environment '").append(environment).append('\'');
    }
    return sb.toString();
  }
}
