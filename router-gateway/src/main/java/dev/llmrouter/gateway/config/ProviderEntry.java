package dev.llmrouter.gateway.config;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ProviderFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider to register: its alias, its {@link dev.llmrouter.providers.ProviderFactory} kind, optional
 * endpoint and metadata, its credentials, the formats it is the default for, and where the entry came
 * from (for the startup log). {@code toString()} never shows the credentials.
 */
public record ProviderEntry(
    String alias,
    String kind,
    Optional<String> endpoint,
    Map<String, String> metadata,
    AuthConfig auth,
    List<ProviderFormat> defaultFor,
    String source) {

  /** Checks the components and copies the collections. */
  public ProviderEntry {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(endpoint, "endpoint");
    metadata = Map.copyOf(metadata);
    Objects.requireNonNull(auth, "auth");
    defaultFor = List.copyOf(defaultFor);
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return "ProviderEntry{alias=" + alias + ", kind=" + kind + ", endpoint=" + endpoint.isPresent()
        + ", metadataKeys=" + metadata.keySet() + ", auth=" + auth.type() + ", source=" + source + "}";
  }
}
