package dev.llmrouter.route;

import dev.llmrouter.catalog.CatalogView;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.UnknownModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a model name into its spec, catalog format and candidate provider aliases (spec 2.4). Lookups
 * are exact: no prefix matching, no version stripping. Rules test the requested name, not
 * {@code spec.model()}.
 */
public final class ModelResolver {
  private final CatalogView catalog;
  private final Map<String, String> aliasOverrides;

  /** A resolver over {@code catalog} with no alias overrides. */
  public ModelResolver(CatalogView catalog) {
    this(catalog, Map.of());
  }

  /** A resolver whose {@code aliasOverrides} pin single models to one alias. */
  public ModelResolver(CatalogView catalog, Map<String, String> aliasOverrides) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.aliasOverrides = Map.copyOf(aliasOverrides);
  }

  /**
   * Resolves one name.
   *
   * @throws UnknownModelException if it is not a catalog key (an empty name included)
   */
  public ResolvedModel resolve(String model) {
    if (model == null || model.isEmpty()) {
      throw new UnknownModelException(model == null ? "" : model);
    }
    ModelSpec spec = catalog.get(model).orElseThrow(() -> new UnknownModelException(model));
    ProviderFormat format = catalogFormat(model, spec);
    return new ResolvedModel(model, spec, format, aliases(model, spec, format));
  }

  /**
   * Resolves {@code model} and every member of its fallback group: the model first, then the others in
   * alphabetical order. Fails if any one of them fails.
   */
  public List<ResolvedModel> resolveAllEquivalent(String model) {
    List<String> names = catalog.fallbackModels(model == null ? "" : model);
    if (names.isEmpty()) {
      throw new UnknownModelException(model == null ? "" : model);
    }
    List<ResolvedModel> out = new ArrayList<>(names.size());
    for (String name : names) {
      out.add(resolve(name));
    }
    return out;
  }

  /**
   * The format a model's name implies: Anthropic names with an {@code anthropic.} prefix or a
   * {@code .anthropic.} segment are Bedrock Anthropic, {@code publishers/anthropic/} names Vertex
   * Anthropic, {@code publishers/google/} names and Gemini API models without explicit providers Google;
   * otherwise the spec's format.
   */
  public static ProviderFormat catalogFormat(String name, ModelSpec spec) {
    if (spec.format() == ProviderFormat.ANTHROPIC) {
      if (name.startsWith("anthropic.") || name.contains(".anthropic.")) {
        return ProviderFormat.BEDROCK_ANTHROPIC;
      }
      if (name.startsWith("publishers/anthropic/")) {
        return ProviderFormat.VERTEX_ANTHROPIC;
      }
    }
    if (name.startsWith("publishers/google/")) {
      return ProviderFormat.GOOGLE;
    }
    if (isGeminiApiModel(name) && spec.availableProviders().isEmpty()) {
      return ProviderFormat.GOOGLE;
    }
    return spec.format();
  }

  /** Whether a name is a Gemini API model: {@code gemini-*} or {@code models/gemini-*}. */
  public static boolean isGeminiApiModel(String name) {
    return !name.startsWith("publishers/")
        && (name.startsWith("gemini-") || name.startsWith("models/gemini-"));
  }

  /** The conventional alias of a format: {@code openai}, {@code anthropic}, {@code bedrock}, ... */
  public static String formatIdentifier(ProviderFormat format) {
    switch (format) {
      case OPENAI:
      case RESPONSES:
        return "openai";
      case ANTHROPIC:
        return "anthropic";
      case BEDROCK_ANTHROPIC:
      case CONVERSE:
        return "bedrock";
      case VERTEX_ANTHROPIC:
        return "vertex";
      case GOOGLE:
        return "google";
      case MISTRAL:
        return "mistral";
      default:
        return "unknown";
    }
  }

  private List<String> aliases(String name, ModelSpec spec, ProviderFormat format) {
    String pinned = aliasOverrides.get(name);
    if (pinned != null) {
      return List.of(pinned);
    }
    if (!spec.availableProviders().isEmpty()) {
      return spec.availableProviders();
    }
    if (name.startsWith("publishers/")) {
      return List.of("vertex");
    }
    if (isGeminiApiModel(name)) {
      return List.of("google");
    }
    return List.of(formatIdentifier(format));
  }
}
