package dev.llmrouter.catalog;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** STUB (signatures only) - being implemented by the catalog work. */
public final class ModelCatalog implements CatalogView {
  private ModelCatalog() {}

  public static ModelCatalog empty() { throw new UnsupportedOperationException("stub"); }
  public static ModelCatalog load(Path path) { throw new UnsupportedOperationException("stub"); }
  public static ModelCatalog load(InputStream in) { throw new UnsupportedOperationException("stub"); }
  public static ModelCatalog parse(String json) { throw new UnsupportedOperationException("stub"); }
  public static ModelCatalog loadResource(String resourceName) { throw new UnsupportedOperationException("stub"); }
  public static ModelCatalog bundled() { throw new UnsupportedOperationException("stub"); }
  public static Builder builder() { throw new UnsupportedOperationException("stub"); }
  public Builder toBuilder() { throw new UnsupportedOperationException("stub"); }

  @Override public Optional<ModelSpec> get(String name) { throw new UnsupportedOperationException("stub"); }
  public boolean contains(String name) { throw new UnsupportedOperationException("stub"); }
  @Override public List<String> fallbackModels(String name) { throw new UnsupportedOperationException("stub"); }
  public Map<String, ModelSpec> asMap() { throw new UnsupportedOperationException("stub"); }
  public int size() { throw new UnsupportedOperationException("stub"); }

  /** STUB. */
  public static final class Builder {
    public Builder put(String name, ModelSpec spec) { throw new UnsupportedOperationException("stub"); }
    public Builder addFallbackModels(String name, List<String> targets) { throw new UnsupportedOperationException("stub"); }
    public Builder addExternalFallbackModels(String name, List<String> targets) { throw new UnsupportedOperationException("stub"); }
    public ModelCatalog build() { throw new UnsupportedOperationException("stub"); }
  }
}
