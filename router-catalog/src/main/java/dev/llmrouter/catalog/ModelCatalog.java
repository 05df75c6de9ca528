package dev.llmrouter.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * An immutable, insertion-ordered set of models keyed by catalog name, with the fallback equivalence
 * groups declared by {@code fallback_models}. Load one with {@link #load(Path)}, {@link #parse(String)},
 * {@link #loadResource(String)} or {@link #bundled()}, or assemble one with {@link #builder()}.
 *
 * <p>The JSON form is one object mapping each catalog key to a spec object (the schema of Braintrust's
 * proxy {@code model_list.json}); it is read in a single streaming pass. Fallback edges are undirected:
 * {@link #fallbackModels(String)} returns the whole connected component of a model.
 */
public final class ModelCatalog implements CatalogView {
  /** The classpath resource {@link #bundled()} reads. */
  public static final String BUNDLED_RESOURCE = "dev/llmrouter/catalog/model_list.json";

  private static final ModelCatalog EMPTY =
      new ModelCatalog(new LinkedHashMap<>(), new LinkedHashMap<>());
  private static final Lazy BUNDLED = new Lazy(BUNDLED_RESOURCE);

  private final Map<String, ModelSpec> models;
  /** Declared edges: name to target to whether the target must be in this catalog. */
  private final Map<String, Map<String, Boolean>> edges;
  /** Members of non-trivial groups to the other members, sorted. */
  private final Map<String, List<String>> equivalents;
  private final Map<ProviderFormat, List<String>> byFormat;
  private final Map<String, List<String>> byParent;

  private ModelCatalog(LinkedHashMap<String, ModelSpec> models,
      LinkedHashMap<String, Map<String, Boolean>> edges) {
    this.models = Collections.unmodifiableMap(models);
    LinkedHashMap<String, Map<String, Boolean>> e = new LinkedHashMap<>();
    edges.forEach((k, v) -> e.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    this.edges = Collections.unmodifiableMap(e);
    this.equivalents = buildEquivalenceIndex(models, this.edges);
    EnumMap<ProviderFormat, List<String>> formats = new EnumMap<>(ProviderFormat.class);
    Map<String, List<String>> parents = new LinkedHashMap<>();
    models.forEach((name, spec) -> {
      formats.computeIfAbsent(spec.format(), f -> new ArrayList<>()).add(name);
      spec.parent().ifPresent(p -> parents.computeIfAbsent(p, x -> new ArrayList<>()).add(name));
    });
    formats.replaceAll((k, v) -> List.copyOf(v));
    parents.replaceAll((k, v) -> List.copyOf(v));
    this.byFormat = Collections.unmodifiableMap(formats);
    this.byParent = Collections.unmodifiableMap(parents);
  }

  /** A catalog with no models. */
  public static ModelCatalog empty() {
    return EMPTY;
  }

  /**
   * Reads a catalog file.
   *
   * @throws CatalogException if the file cannot be read or is not a valid catalog; the message names
   *     the path
   */
  public static ModelCatalog load(Path path) {
    if (path == null) {
      throw new CatalogException("catalog path must not be null");
    }
    String prefix = "catalog file '" + path + "': ";
    InputStream in;
    try {
      in = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new CatalogException(prefix + "no such file", e);
    } catch (AccessDeniedException e) {
      throw new CatalogException(prefix + "access denied", e);
    } catch (IOException | SecurityException e) {
      throw new CatalogException(prefix + "cannot be read: " + e, e);
    }
    try (InputStream stream = in) {
      return CatalogParser.parse(stream, false);
    } catch (CatalogException e) {
      throw e.withPrefix(prefix);
    } catch (IOException e) {
      throw new CatalogException(prefix + "cannot be closed: " + e, e);
    }
  }

  /** Reads a catalog from a stream of JSON bytes; the caller keeps ownership and closes it. */
  public static ModelCatalog load(InputStream in) {
    return CatalogParser.parse(in, false);
  }

  /** Parses catalog JSON text. */
  public static ModelCatalog parse(String json) {
    return CatalogParser.parse(json, false);
  }

  /**
   * Reads a catalog from a classpath resource (for example {@code my/app/models.json}), looking in the
   * thread context class loader first, then in the class loader of this library.
   *
   * @throws CatalogException if the resource does not exist or is not a valid catalog
   */
  public static ModelCatalog loadResource(String resourceName) {
    if (resourceName == null || resourceName.isBlank()) {
      throw new CatalogException("catalog resource name must not be empty");
    }
    String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
    String prefix = "catalog resource '" + name + "': ";
    URL url = null;
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      url = context.getResource(name);
    }
    if (url == null) {
      ClassLoader own = ModelCatalog.class.getClassLoader();
      url = own == null ? ClassLoader.getSystemResource(name) : own.getResource(name);
    }
    if (url == null) {
      throw new CatalogException(prefix + "not found on the classpath");
    }
    try (InputStream in = url.openStream()) {
      return CatalogParser.parse(in, false);
    } catch (CatalogException e) {
      throw e.withPrefix(prefix);
    } catch (IOException e) {
      throw new CatalogException(prefix + "cannot be read: " + e, e);
    }
  }

  /**
   * The catalog shipped inside this library ({@value #BUNDLED_RESOURCE}), loaded on first use and cached.
   * A failed load is not cached: the next call tries again.
   *
   * @throws CatalogException if the resource is missing from the classpath or invalid
   */
  public static ModelCatalog bundled() {
    return BUNDLED.get();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this catalog's models and fallback edges. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.models.putAll(models);
    edges.forEach((k, v) -> b.edges.put(k, new LinkedHashMap<>(v)));
    return b;
  }

  @Override
  public Optional<ModelSpec> get(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(models.get(name));
  }

  /** Whether {@code name} is a catalog key. */
  public boolean contains(String name) {
    return name != null && models.containsKey(name);
  }

  /**
   * The fallback group of {@code name}: the name first, then every other member of its undirected
   * connected component, sorted alphabetically. Unknown names give an empty list; a model without
   * fallbacks gives a list of itself. Edges to names outside this catalog are ignored.
   */
  @Override
  public List<String> fallbackModels(String name) {
    if (!contains(name)) {
      return List.of();
    }
    List<String> others = equivalents.get(name);
    if (others == null) {
      return List.of(name);
    }
    List<String> out = new ArrayList<>(others.size() + 1);
    out.add(name);
    out.addAll(others);
    return Collections.unmodifiableList(out);
  }

  /**
   * The fallback targets declared for {@code name} (by {@code fallback_models} or the builder), in
   * declaration order, including external ones; empty if none.
   */
  public List<String> declaredFallbackModels(String name) {
    Map<String, Boolean> targets = name == null ? null : edges.get(name);
    return targets == null ? List.of() : List.copyOf(targets.keySet());
  }

  /** Every model by catalog key, in insertion order; unmodifiable. */
  public Map<String, ModelSpec> asMap() {
    return models;
  }

  /** The catalog keys in insertion order; unmodifiable. */
  public Set<String> names() {
    return models.keySet();
  }

  /** The number of models. */
  public int size() {
    return models.size();
  }

  /** Whether the catalog has no models. */
  public boolean isEmpty() {
    return models.isEmpty();
  }

  /** The format of the model with exactly this key. */
  public Optional<ProviderFormat> resolveFormat(String model) {
    return get(model).map(ModelSpec::format);
  }

  /**
   * The format of {@code model} by exact key, else of the longest key that is a strict prefix of
   * {@code model} and is followed there by {@code -} or {@code /} (so {@code gpt-4o-2024-08-06} matches
   * {@code gpt-4o}). The router itself only uses exact lookups.
   */
  public Optional<ProviderFormat> resolveFormatWithPrefix(String model) {
    if (model == null) {
      return Optional.empty();
    }
    ModelSpec exact = models.get(model);
    if (exact != null) {
      return Optional.of(exact.format());
    }
    ModelSpec best = null;
    int bestLength = -1;
    for (Map.Entry<String, ModelSpec> e : models.entrySet()) {
      String key = e.getKey();
      int n = key.length();
      if (n < model.length() && n > bestLength && model.startsWith(key)) {
        char next = model.charAt(n);
        if (next == '-' || next == '/') {
          best = e.getValue();
          bestLength = n;
        }
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.format());
  }

  /** The keys of models in {@code format}, in insertion order; empty if none. */
  public List<String> modelsForFormat(ProviderFormat format) {
    List<String> names = format == null ? null : byFormat.get(format);
    return names == null ? List.of() : names;
  }

  /** The keys of models whose {@code parent} is {@code parent}, in insertion order; empty if none. */
  public List<String> childModels(String parent) {
    List<String> names = parent == null ? null : byParent.get(parent);
    return names == null ? List.of() : names;
  }

  /**
   * A new catalog with {@code f} applied to every spec; keys and fallback groups stay the same. A spec
   * whose {@code model} comes back empty gets its key, as on {@link Builder#put}.
   *
   * @throws CatalogException if {@code f} returns null
   */
  public ModelCatalog mapSpecs(UnaryOperator<ModelSpec> f) {
    if (f == null) {
      throw new IllegalArgumentException("mapSpecs function must not be null");
    }
    LinkedHashMap<String, ModelSpec> mapped = new LinkedHashMap<>();
    models.forEach((name, spec) -> {
      ModelSpec out = f.apply(spec);
      if (out == null) {
        throw new CatalogException("mapSpecs function returned null for model '" + name + "'",
            name, null, null);
      }
      mapped.put(name, withDefaultModel(name, out));
    });
    return new ModelCatalog(mapped, new LinkedHashMap<>(edges));
  }

  /**
   * A new catalog with {@code targets} added as fallbacks of {@code name} (see
   * {@link Builder#addFallbackModels}). This catalog never changes.
   *
   * @throws CatalogException if {@code name} or a target is not in the catalog
   */
  public ModelCatalog withFallbackModels(String name, List<String> targets) {
    return toBuilder().addFallbackModels(name, targets).build();
  }

  /** Declared edges, for {@link OverlayModelCatalog}. */
  Map<String, Map<String, Boolean>> edges() {
    return edges;
  }

  @Override
  public String toString() {
    return "ModelCatalog{size=" + models.size() + "}";
  }

  private static ModelSpec withDefaultModel(String name, ModelSpec spec) {
    return spec.model().isEmpty() ? spec.toBuilder().model(name).build() : spec;
  }

  private static Map<String, List<String>> buildEquivalenceIndex(Map<String, ModelSpec> models,
      Map<String, Map<String, Boolean>> edges) {
    Map<String, Set<String>> adjacency = new HashMap<>();
    edges.forEach((name, targets) -> {
      if (!models.containsKey(name)) {
        return;
      }
      for (String target : targets.keySet()) {
        if (models.containsKey(target) && !target.equals(name)) {
          adjacency.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(target);
          adjacency.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(name);
        }
      }
    });
    Map<String, List<String>> index = new HashMap<>();
    Set<String> visited = new HashSet<>();
    for (String start : adjacency.keySet()) {
      if (visited.contains(start)) {
        continue;
      }
      TreeSet<String> component = new TreeSet<>();
      Deque<String> stack = new ArrayDeque<>();
      stack.push(start);
      while (!stack.isEmpty()) {
        String current = stack.pop();
        if (!visited.add(current)) {
          continue;
        }
        component.add(current);
        for (String next : adjacency.getOrDefault(current, Set.of())) {
          if (!visited.contains(next)) {
            stack.push(next);
          }
        }
      }
      for (String member : component) {
        List<String> others = new ArrayList<>(component.size() - 1);
        for (String other : component) {
          if (!other.equals(member)) {
            others.add(other);
          }
        }
        index.put(member, List.copyOf(others));
      }
    }
    return Collections.unmodifiableMap(index);
  }

  /**
   * Assembles a {@link ModelCatalog}. Fallback edges are checked in {@link #build()}, so models and edges
   * may be added in any order. Not thread-safe.
   */
  public static final class Builder {
    private final LinkedHashMap<String, ModelSpec> models = new LinkedHashMap<>();
    private final LinkedHashMap<String, Map<String, Boolean>> edges = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds or replaces the model with key {@code name}. A spec with an empty {@code model} gets the key
     * as its model id. The spec's own {@link ModelSpec#fallbackModels()} are informational here: add
     * edges with {@link #addFallbackModels} (parsing does this for {@code fallback_models}).
     *
     * @throws IllegalArgumentException if the name is null or empty, or the spec is null
     */
    public Builder put(String name, ModelSpec spec) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("catalog model name must not be null or empty");
      }
      if (spec == null) {
        throw new IllegalArgumentException("spec for catalog model '" + name + "' must not be null");
      }
      models.put(name, withDefaultModel(name, spec));
      return this;
    }

    /** Whether a model with this key has been added. */
    public boolean contains(String name) {
      return models.containsKey(name);
    }

    /**
     * Declares that {@code name} and each of {@code targets} are the same underlying model. Empty
     * strings are skipped, and so are targets already declared for {@code name}. At {@link #build()},
     * {@code name} and every target must be models of this catalog.
     */
    public Builder addFallbackModels(String name, List<String> targets) {
      return addEdges(name, targets, true);
    }

    /**
     * Like {@link #addFallbackModels} but the targets are not checked against this catalog: they may
     * live in the base catalog of an {@link OverlayModelCatalog}. {@code name} must still exist at
     * {@link #build()}. Edges to names outside this catalog do not join groups here.
     */
    public Builder addExternalFallbackModels(String name, List<String> targets) {
      return addEdges(name, targets, false);
    }

    private Builder addEdges(String name, List<String> targets, boolean validate) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("fallback source model name must not be null or empty");
      }
      if (targets == null) {
        throw new IllegalArgumentException("fallback targets of model '" + name + "' must not be null");
      }
      for (String target : targets) {
        if (target == null) {
          throw new IllegalArgumentException("fallback targets of model '" + name
              + "' must not contain null");
        }
      }
      Map<String, Boolean> declared = edges.computeIfAbsent(name, k -> new LinkedHashMap<>());
      for (String target : targets) {
        if (!target.isEmpty()) {
          declared.merge(target, validate, Boolean::logicalOr);
        }
      }
      if (declared.isEmpty()) {
        edges.remove(name);
      }
      return this;
    }

    /**
     * Builds the catalog and its fallback index.
     *
     * @throws CatalogException naming the model and target if a fallback edge starts at a missing
     *     model or a checked target is missing
     */
    public ModelCatalog build() {
      for (Map.Entry<String, Map<String, Boolean>> e : edges.entrySet()) {
        String name = e.getKey();
        if (!models.containsKey(name)) {
          throw new CatalogException("model '" + name
              + "' references fallback_models but is missing from catalog", name, "fallback_models", null);
        }
        for (Map.Entry<String, Boolean> target : e.getValue().entrySet()) {
          if (target.getValue() && !models.containsKey(target.getKey())) {
            throw new CatalogException("model '" + name + "' references missing fallback model '"
                + target.getKey() + "'", name, "fallback_models", null);
          }
        }
      }
      return new ModelCatalog(new LinkedHashMap<>(models), new LinkedHashMap<>(edges));
    }
  }

  /**
   * Loads a catalog resource once, on first use; a failure is not cached. A lock rather than a monitor, so
   * a virtual thread doing the first load is not pinned during the I/O.
   */
  static final class Lazy {
    private final String resource;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ModelCatalog value;

    Lazy(String resource) {
      this.resource = resource;
    }

    ModelCatalog get() {
      ModelCatalog v = value;
      if (v == null) {
        lock.lock();
        try {
          v = value;
          if (v == null) {
            v = loadResource(resource);
            value = v;
          }
        } finally {
          lock.unlock();
        }
      }
      return v;
    }
  }
}
