package dev.llmrouter.catalog;

import java.util.List;
import java.util.Optional;

/** STUB (signatures only) - being implemented by the catalog work. */
public final class OverlayModelCatalog implements CatalogView {
  private OverlayModelCatalog() {}

  public static OverlayModelCatalog of(ModelCatalog base, ModelCatalog custom) { throw new UnsupportedOperationException("stub"); }
  public ModelCatalog base() { throw new UnsupportedOperationException("stub"); }
  public ModelCatalog custom() { throw new UnsupportedOperationException("stub"); }
  public boolean isCustom(String name) { throw new UnsupportedOperationException("stub"); }
  @Override public Optional<ModelSpec> get(String name) { throw new UnsupportedOperationException("stub"); }
  @Override public List<String> fallbackModels(String name) { throw new UnsupportedOperationException("stub"); }
}
