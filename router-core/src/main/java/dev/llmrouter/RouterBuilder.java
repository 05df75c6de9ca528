package dev.llmrouter;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.CatalogException;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.OverlayModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.route.ProviderRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Configures a {@link Router}: the model catalog (optionally with an overlay of custom models), the
 * provider registrations with their credentials, the retry policy and the executor for async calls.
 * Validation happens in {@link #build()}, as in the Rust router.
 */
public final class RouterBuilder {
  private ModelCatalog catalog;
  private ModelCatalog customCatalog;
  private final List<ProviderRegistry.Registration> registrations = new ArrayList<>();
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private Executor executor;

  RouterBuilder() {}

  /**
   * Loads the catalog from a JSON file and clears any overlay.
   *
   * @throws CatalogException if the file cannot be read or is not a valid catalog
   */
  public RouterBuilder loadModels(Path path) {
    return catalog(ModelCatalog.load(path));
  }

  /** Uses {@code catalog} and clears any overlay. */
  public RouterBuilder catalog(ModelCatalog catalog) {
    this.catalog = requireArg(catalog, "catalog");
    this.customCatalog = null;
    return this;
  }

  /**
   * Uses {@code base} with {@code custom} models shadowing it during resolution; {@link Router#catalog()}
   * still returns {@code base}. Meant for per-tenant custom models without copying a large base catalog.
   */
  public RouterBuilder overlayCatalog(ModelCatalog base, ModelCatalog custom) {
    this.catalog = requireArg(base, "base catalog");
    this.customCatalog = requireArg(custom, "custom catalog");
    return this;
  }

  /**
   * Registers {@code provider} under {@code alias} with its credentials. {@code defaultForFormats} lists
   * the formats for which this alias is the explicit fallback when a model's own aliases are not
   * registered.
   */
  public RouterBuilder addProvider(
      String alias, Provider provider, AuthConfig auth, ProviderFormat... defaultForFormats) {
    return addProvider(alias, provider, auth, Arrays.asList(defaultForFormats));
  }

  /** Like {@link #addProvider(String, Provider, AuthConfig, ProviderFormat...)} with a collection. */
  public RouterBuilder addProvider(
      String alias, Provider provider, AuthConfig auth, Collection<ProviderFormat> defaultForFormats) {
    if (alias == null || alias.isEmpty()) {
      throw new InvalidRequestException("provider alias must not be empty");
    }
    requireArg(provider, "provider for alias '" + alias + "'");
    if (auth == null) {
      throw new AuthException("no credentials for provider alias '" + alias + "': auth is required");
    }
    Set<ProviderFormat> defaults = EnumSet.noneOf(ProviderFormat.class);
    for (ProviderFormat f : requireArg(defaultForFormats, "defaultForFormats")) {
      defaults.add(requireArg(f, "default format of alias '" + alias + "'"));
    }
    registrations.add(new ProviderRegistry.Registration(alias, provider, auth, defaults));
    return this;
  }

  /** Replaces the retry policy (default {@link RetryPolicy#defaults()}). */
  public RouterBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = requireArg(retryPolicy, "retryPolicy");
    return this;
  }

  /**
   * The executor for {@code *Async} methods. Default: virtual threads on Java 21+, else a cached pool of
   * daemon threads.
   */
  public RouterBuilder executor(Executor executor) {
    this.executor = requireArg(executor, "executor");
    return this;
  }

  /**
   * Validates and builds.
   *
   * @throws InvalidRequestException if no catalog is set, an alias is registered twice, or two providers
   *     claim the same default format
   * @throws CatalogException if the overlay's custom models reference invisible fallback targets
   */
  public Router build() {
    if (catalog == null) {
      throw new InvalidRequestException("model catalog not configured");
    }
    ProviderRegistry registry = ProviderRegistry.build(registrations);
    return new Router(
        catalog,
        customCatalog == null ? catalog : OverlayModelCatalog.of(catalog, customCatalog),
        registry,
        retryPolicy,
        executor == null ? AsyncExecutors.defaultExecutor() : executor);
  }

  private static <T> T requireArg(T value, String what) {
    if (value == null) {
      throw new InvalidRequestException(what + " must not be null");
    }
    return value;
  }
}
