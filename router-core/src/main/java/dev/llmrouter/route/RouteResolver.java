package dev.llmrouter.route;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.NoProviderException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.provider.Provider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Route resolution (spec 2.5): which registered providers may serve a model, and in which wire format.
 * Normal mode returns every eligible alias of the model, or its format's default; failover mode returns
 * one primary route plus one route per requested fallback alias, drawn from the model's equivalents.
 * {@link #equivalentRoutes} lists the normal-mode routes of the model's equivalents for the router's
 * automatic failover.
 */
public final class RouteResolver {
  private final ModelResolver models;
  private final ProviderRegistry registry;

  public RouteResolver(ModelResolver models, ProviderRegistry registry) {
    this.models = Objects.requireNonNull(models, "models");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Routes for {@code model} when the client reads {@code outputFormat}. An empty
   * {@code fallbackAliases} selects normal mode.
   */
  public List<ProviderRoute> resolve(
      String model, ProviderFormat outputFormat, List<String> fallbackAliases) {
    if (fallbackAliases.isEmpty()) {
      return resolveNormal(model, outputFormat);
    }
    return resolveFailover(model, outputFormat, fallbackAliases);
  }

  private List<ProviderRoute> resolveNormal(String model, ProviderFormat outputFormat) {
    ResolvedModel resolved = models.resolve(model);
    List<ProviderRoute> routes = new ArrayList<>(resolved.aliases().size());
    RouterException firstError = null;
    for (String alias : resolved.aliases()) {
      try {
        routes.add(resolveAlias(alias, resolved, outputFormat));
      } catch (RouterException e) {
        if (firstError == null) {
          firstError = e;
        }
      }
    }
    if (!routes.isEmpty()) {
      return routes;
    }
    if (ModelResolver.isGeminiApiModel(model) && resolved.catalogFormat() != ProviderFormat.GOOGLE) {
      // Never let an OpenAI default catch a Gemini model.
      throw new NoProviderException(ProviderFormat.GOOGLE);
    }
    Optional<String> fallback = registry.defaultAlias(resolved.catalogFormat());
    if (fallback.isPresent()) {
      return List.of(resolveAlias(fallback.get(), resolved, outputFormat));
    }
    throw firstError != null ? firstError : new NoProviderException(resolved.catalogFormat());
  }

  private List<ProviderRoute> resolveFailover(
      String model, ProviderFormat outputFormat, List<String> fallbackAliases) {
    List<ResolvedModel> equivalents = models.resolveAllEquivalent(model);
    List<ProviderRoute> routes = new ArrayList<>(1 + fallbackAliases.size());
    Set<String> used = new HashSet<>();
    RouterException firstError = null;

    ResolvedModel requested = equivalents.get(0);
    for (String alias : requested.aliases()) {
      try {
        routes.add(resolveAlias(alias, requested, outputFormat));
        used.add(alias);
        break;
      } catch (RouterException e) {
        if (firstError == null) {
          firstError = e;
        }
      }
    }

    for (String wanted : fallbackAliases) {
      for (ResolvedModel candidate : equivalents) {
        String providerAlias = null;
        for (String catalogAlias : candidate.aliases()) {
          providerAlias = matchingProviderAlias(catalogAlias, wanted).orElse(null);
          if (providerAlias != null) {
            break;
          }
        }
        if (providerAlias == null || used.contains(providerAlias)) {
          continue;
        }
        try {
          routes.add(resolveAlias(providerAlias, candidate, outputFormat));
          used.add(providerAlias);
          break;
        } catch (RouterException e) {
          if (firstError == null) {
            firstError = e;
          }
        }
      }
    }
    if (routes.isEmpty()) {
      throw firstError != null ? firstError : new NoProviderException(requested.catalogFormat());
    }
    return routes;
  }

  /**
   * The routes of {@code model}'s fallback equivalents (its catalog fallback group minus itself, in
   * {@link ModelResolver#resolveAllEquivalent} order), each resolved in normal mode; equivalents no
   * registered provider serves are left out. Used by the router's failover after the model's own routes.
   */
  public List<ProviderRoute> equivalentRoutes(String model, ProviderFormat outputFormat) {
    List<ResolvedModel> equivalents;
    try {
      equivalents = models.resolveAllEquivalent(model);
    } catch (RouterException e) {
      return List.of();
    }
    List<ProviderRoute> routes = new ArrayList<>();
    for (ResolvedModel candidate : equivalents) {
      if (candidate.name().equals(model)) {
        continue;
      }
      try {
        routes.addAll(resolveNormal(candidate.name(), outputFormat));
      } catch (RouterException e) {
        // No provider for this equivalent: not a route.
      }
    }
    return routes;
  }

  /** The route for one alias, or {@link NoProviderException} if the alias is not registered. */
  public ProviderRoute resolveAlias(String alias, ResolvedModel resolved, ProviderFormat outputFormat) {
    ProviderRegistry.Registration reg =
        registry
            .get(alias)
            .orElseThrow(() -> new NoProviderException(resolved.catalogFormat()));
    ProviderFormat wire = FormatSelection.select(reg.provider(), resolved, outputFormat);
    return new ProviderRoute(alias, reg.provider(), reg.auth(), resolved.name(), resolved.spec(), wire);
  }

  /**
   * The registered alias that satisfies catalog alias {@code catalogAlias} for a caller who asked for
   * {@code requested}: {@code requested} itself when registered and matching, else the unique registered
   * alias matching both; empty when none or several (ambiguous) do.
   */
  Optional<String> matchingProviderAlias(String catalogAlias, String requested) {
    if (registry.contains(requested) && aliasMatchesProvider(catalogAlias, requested)) {
      return Optional.of(requested);
    }
    String match = null;
    for (ProviderRegistry.Registration r : registry.registrations()) {
      if (aliasMatchesProvider(catalogAlias, r.alias()) && aliasMatchesProvider(requested, r.alias())) {
        if (match != null) {
          return Optional.empty();
        }
        match = r.alias();
      }
    }
    return Optional.ofNullable(match);
  }

  /** Whether the provider registered at {@code providerAlias} satisfies {@code alias}. */
  boolean aliasMatchesProvider(String alias, String providerAlias) {
    if (alias.equals(providerAlias)) {
      return true;
    }
    Provider provider = registry.get(providerAlias).map(ProviderRegistry.Registration::provider).orElse(null);
    if (provider != null) {
      Optional<String> secretId = DefaultSecrets.providerId(alias);
      if (secretId.isPresent() && provider.matchesProviderAlias(secretId.get())) {
        return true;
      }
      if (provider.matchesProviderAlias(alias)) {
        return true;
      }
    }
    return DefaultSecrets.providerId(providerAlias).map(alias::equals).orElse(false);
  }
}
