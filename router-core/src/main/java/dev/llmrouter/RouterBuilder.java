package dev.llmrouter;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.CatalogException;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.OverlayModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.media.MediaFetcher;
import dev.llmrouter.observe.RouterListener;
import dev.llmrouter.prompt.PromptResolver;
import dev.llmrouter.prompt.PromptSource;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.route.CooldownPolicy;
import dev.llmrouter.route.ProviderRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Configures a {@link Router}: the model catalog (optionally with an overlay of custom models), the
 * provider registrations with their credentials, the retry policy, failover and route cooldown, the
 * request size limit, the executor for async calls and the listeners that observe requests. Validation happens in {@link #build()}, as in the
 * Rust router. Not thread-safe; the {@link Router} it builds is.
 */
public final class RouterBuilder {
  /** The default {@link #maxRequestBodyBytes}: 32 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 32L * 1024 * 1024;

  private ModelCatalog catalog;
  private ModelCatalog customCatalog;
  private final List<ProviderRegistry.Registration> registrations = new ArrayList<>();
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private Executor executor;
  private boolean failover = true;
  private CooldownPolicy cooldown = CooldownPolicy.disabled();
  private Clock clock = Clock.systemUTC();
  private long maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
  private Optional<MediaFetcher> mediaFetcher;
  private Optional<PromptResolver> prompts = Optional.empty();
  private final List<RouterListener> listeners = new ArrayList<>();

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
   * Whether {@link Router#handle}, {@link Router#complete} and {@link Router#completeStream} (and their
   * async variants) move on to the model's next route when one is unavailable after its retries (default
   * on). Routes: the model's other registered aliases, then its fallback equivalents'. A stream fails over
   * only while opening, never after a chunk reached the caller. {@link Router#execute} never fails over.
   */
  public RouterBuilder failover(boolean enabled) {
    this.failover = enabled;
    return this;
  }

  /** Route cooldown after repeated failures (default {@link CooldownPolicy#disabled()}). */
  public RouterBuilder cooldown(CooldownPolicy cooldown) {
    this.cooldown = requireArg(cooldown, "cooldown");
    return this;
  }

  /** The clock route cooldowns are measured with (default the UTC system clock; tests pass a fake). */
  public RouterBuilder clock(Clock clock) {
    this.clock = requireArg(clock, "clock");
    return this;
  }

  /**
   * The largest request body accepted, in bytes (default {@value #DEFAULT_MAX_REQUEST_BODY_BYTES}, 32 MiB).
   * A larger body is refused with {@link dev.llmrouter.error.RequestTooLargeException} before it is parsed.
   *
   * @throws InvalidRequestException if {@code bytes} is not positive
   */
  public RouterBuilder maxRequestBodyBytes(long bytes) {
    if (bytes <= 0) {
      throw new InvalidRequestException("maxRequestBodyBytes must be positive, got " + bytes);
    }
    this.maxRequestBodyBytes = bytes;
    return this;
  }

  /**
   * The fetcher for remote media URLs that Gemini and Bedrock need inline (spec 1.5: images and, for
   * Gemini, files in translated requests). Default: the first {@link MediaFetcher} registered with
   * {@link ServiceLoader}, which with router-providers on the classpath is its SSRF-guarded
   * {@code HttpMediaFetcher} (5 MiB, 3 redirects, 30 s); without one, such requests fail with a
   * {@link dev.llmrouter.media.MediaFetchException} instead of sending the URL on.
   */
  public RouterBuilder mediaFetcher(MediaFetcher fetcher) {
    this.mediaFetcher = Optional.of(requireArg(fetcher, "fetcher"));
    return this;
  }

  /**
   * Resolves stored prompts: a request that carries {@code prompt_id} (with {@code prompt_variables},
   * {@code prompt_version}, {@code prompt_environment}) is expanded from {@code source} before routing,
   * with LiteLLM's precedence (the prompt's model and params win); a variable the caller did not give is
   * left in place (use {@link #promptResolver} with {@code strict(true)} to refuse such requests). Wrap the source in
   * a {@link dev.llmrouter.prompt.CachingPromptSource} for remote sources. Without a prompt source, the
   * prompt fields are sent on as they are.
   */
  public RouterBuilder promptSource(PromptSource source) {
    this.prompts = Optional.of(PromptResolver.of(requireArg(source, "source")));
    return this;
  }

  /** Like {@link #promptSource}, with a resolver configured by the caller (precedence, strictness). */
  public RouterBuilder promptResolver(PromptResolver resolver) {
    this.prompts = Optional.of(requireArg(resolver, "resolver"));
    return this;
  }

  /** Never fetches remote media: requests that would need it fail with a client error. */
  public RouterBuilder noMediaFetching() {
    this.mediaFetcher = Optional.empty();
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
   * Adds a listener for request and upstream-attempt events (see {@link RouterListener}); several may be
   * added and each sees every event, in the order added. A listener that throws is logged (at warn the
   * first time, then at debug) and skipped for that event; it never fails a request. With no listener the
   * router allocates nothing for observation.
   */
  public RouterBuilder addListener(RouterListener listener) {
    listeners.add(requireArg(listener, "listener"));
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
        executor == null ? AsyncExecutors.defaultExecutor() : executor,
        failover,
        cooldown,
        clock,
        maxRequestBodyBytes,
        mediaFetcher != null ? mediaFetcher : discoveredMediaFetcher(),
        prompts,
        listeners.isEmpty() ? null : RouterListener.composite(listeners));
  }

  private static Optional<MediaFetcher> discoveredMediaFetcher() {
    return ServiceLoader.load(MediaFetcher.class, RouterBuilder.class.getClassLoader()).findFirst();
  }

  private static <T> T requireArg(T value, String what) {
    if (value == null) {
      throw new InvalidRequestException(what + " must not be null");
    }
    return value;
  }
}
