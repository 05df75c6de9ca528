package dev.llmrouter.gateway;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The models the gateway knows: the custom overlay (mock models, shadowing) over the base catalog. Used for
 * prices (cost), bounded metric labels and {@code /v1/models}. Immutable.
 */
public final class GatewayModels {
  private final ModelCatalog base;
  private final ModelCatalog custom;

  /** The overlay {@code custom} over {@code base}. */
  public GatewayModels(ModelCatalog base, ModelCatalog custom) {
    this.base = Objects.requireNonNull(base, "base");
    this.custom = Objects.requireNonNull(custom, "custom");
  }

  /** The spec of a model name, custom models first. */
  public Optional<ModelSpec> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return custom.get(name).or(() -> base.get(name));
  }

  /** Every model name, custom ones first. */
  public List<String> names() {
    Set<String> out = new LinkedHashSet<>(custom.names());
    out.addAll(base.names());
    return new ArrayList<>(out);
  }

  /** The base catalog. */
  public ModelCatalog base() {
    return base;
  }

  /** The overlay catalog. */
  public ModelCatalog custom() {
    return custom;
  }
}
