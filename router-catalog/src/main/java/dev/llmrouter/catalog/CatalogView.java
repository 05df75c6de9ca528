package dev.llmrouter.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Read access to models for route resolution: a plain {@link ModelCatalog}, or an
 * {@link OverlayModelCatalog} where custom models shadow a shared base catalog.
 */
public interface CatalogView {

  /** The spec for an exact catalog key. */
  Optional<ModelSpec> get(String name);

  /**
   * The fallback equivalence group of {@code name}: the name itself first, then every other member
   * sorted alphabetically; empty for names not in the catalog.
   */
  List<String> fallbackModels(String name);
}
