package dev.llmrouter.route;

import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import java.util.List;

/**
 * A model name resolved against the catalog: the catalog key, its spec, the format its name implies (see
 * {@link ModelResolver#catalogFormat}) and the provider aliases that may serve it, in order.
 */
public record ResolvedModel(
    String name, ModelSpec spec, ProviderFormat catalogFormat, List<String> aliases) {

  public ResolvedModel {
    aliases = List.copyOf(aliases);
  }
}
