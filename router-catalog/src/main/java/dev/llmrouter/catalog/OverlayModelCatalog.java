package dev.llmrouter.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Custom models (for example defined per request or per secret) layered over a shared base catalog
 * without copying it. Lookups try the custom catalog first; a custom model with the same key as a base
 * model shadows it, and also cuts that base key out of the base fallback groups seen through the overlay.
 *
 * <p>Fallback groups combine the base groups with the custom catalog's {@code fallback_models} edges,
 * which may point at custom models or at visible base models. Immutable.
 */
public final class OverlayModelCatalog implements CatalogView {
  private final ModelCatalog base;
  private final ModelCatalog custom;
  /** Undirected edges declared by custom models, in both directions. */
  private final Map<String, List<String>> overlayEdges;

  private OverlayModelCatalog(ModelCatalog base, ModelCatalog custom,
      Map<String, List<String>> overlayEdges) {
    this.base = base;
    this.custom = custom;
    this.overlayEdges = overlayEdges;
  }

  /**
   * Layers {@code custom} over {@code base}. Every fallback edge of a custom model, internal or external,
   * must point at a custom model or at a base model.
   *
   * @throws CatalogException naming the custom model and the target that is visible nowhere
   * @throws IllegalArgumentException if either catalog is null
   */
  public static OverlayModelCatalog of(ModelCatalog base, ModelCatalog custom) {
    if (base == null) {
      throw new IllegalArgumentException("base catalog must not be null");
    }
    if (custom == null) {
      throw new IllegalArgumentException("custom catalog must not be null");
    }
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Boolean>> e : custom.edges().entrySet()) {
      String name = e.getKey();
      for (String target : e.getValue().keySet()) {
        if (!custom.contains(target) && !base.contains(target)) {
          throw new CatalogException("custom model '" + name + "' references fallback model '" + target
              + "', which is neither a custom model nor a base model", name, "fallback_models", null);
        }
        edges.computeIfAbsent(name, k -> new ArrayList<>()).add(target);
        edges.computeIfAbsent(target, k -> new ArrayList<>()).add(name);
      }
    }
    edges.replaceAll((k, v) -> List.copyOf(v));
    return new OverlayModelCatalog(base, custom, Collections.unmodifiableMap(edges));
  }

  /**
   * Parses {@code customJson} (the catalog schema) as the custom layer over {@code base}; its
   * {@code fallback_models} may name custom models or base models.
   *
   * @throws CatalogException if the JSON is invalid or a fallback target is visible nowhere
   */
  public static OverlayModelCatalog parse(ModelCatalog base, String customJson) {
    return of(base, CatalogParser.parse(customJson, true));
  }

  /** The shared base catalog. */
  public ModelCatalog base() {
    return base;
  }

  /** The custom layer. */
  public ModelCatalog custom() {
    return custom;
  }

  /** Whether {@code name} is a custom model (possibly shadowing a base model). */
  public boolean isCustom(String name) {
    return custom.contains(name);
  }

  /** Whether {@code name} is a custom or base model. */
  public boolean contains(String name) {
    return custom.contains(name) || base.contains(name);
  }

  /** The custom spec for {@code name}, else the base spec. */
  @Override
  public Optional<ModelSpec> get(String name) {
    Optional<ModelSpec> spec = custom.get(name);
    return spec.isPresent() ? spec : base.get(name);
  }

  /**
   * The fallback group of {@code name} through the overlay: a walk that, from a model that is not
   * custom, follows its base group minus the base keys that custom models shadow, and from any model
   * follows the custom models' edges. The result is {@code name} first, then the rest sorted; empty for
   * unknown names.
   */
  @Override
  public List<String> fallbackModels(String name) {
    if (!contains(name)) {
      return List.of();
    }
    Set<String> visited = new HashSet<>();
    Deque<String> stack = new ArrayDeque<>();
    stack.push(name);
    while (!stack.isEmpty()) {
      String current = stack.pop();
      if (!visited.add(current)) {
        continue;
      }
      if (!custom.contains(current)) {
        for (String member : base.fallbackModels(current)) {
          if (!custom.contains(member) && !visited.contains(member)) {
            stack.push(member);
          }
        }
      }
      for (String neighbor : overlayEdges.getOrDefault(current, List.of())) {
        if (!visited.contains(neighbor)) {
          stack.push(neighbor);
        }
      }
    }
    visited.remove(name);
    List<String> out = new ArrayList<>(visited.size() + 1);
    out.add(name);
    out.addAll(new TreeSet<>(visited));
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "OverlayModelCatalog{base=" + base.size() + " models, custom=" + custom.names() + "}";
  }
}
