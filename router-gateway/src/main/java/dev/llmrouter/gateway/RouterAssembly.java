package dev.llmrouter.gateway;

import dev.llmrouter.Router;
import dev.llmrouter.RouterBuilder;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.gateway.config.GatewayConfigException;
import dev.llmrouter.gateway.config.ProviderEntry;
import dev.llmrouter.gateway.tracing.GatewayTracing;
import dev.llmrouter.prompt.PromptSource;
import dev.llmrouter.providers.ProviderFactory;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.mock.MockConfig;
import dev.llmrouter.providers.mock.MockModels;
import dev.llmrouter.providers.mock.MockProvider;
import dev.llmrouter.auth.AuthConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the {@link Router} and {@link GatewayModels} a {@link GatewayConfig} describes. */
public final class RouterAssembly {
  private final Router router;
  private final GatewayModels models;

  private RouterAssembly(Router router, GatewayModels models) {
    this.router = router;
    this.models = models;
  }

  /** The router. */
  public Router router() {
    return router;
  }

  /** The gateway's model view. */
  public GatewayModels models() {
    return models;
  }

  /**
   * Builds the router: the catalog (bundled or the configured file), the mock models as an overlay, the
   * mock provider and every configured provider, with the config's body limit.
   *
   * @throws GatewayConfigException if a provider or the catalog cannot be set up, naming it
   */
  public static RouterAssembly build(GatewayConfig config, Consumer<String> notes) {
    return build(config, notes, GatewayTracing.disabled());
  }

  /**
   * Like {@link #build(GatewayConfig, Consumer)}, with {@code tracing}'s router listener registered when
   * tracing is on (spans per request and upstream attempt, priced with the gateway's models).
   *
   * @throws GatewayConfigException if a provider or the catalog cannot be set up, naming it
   */
  public static RouterAssembly build(GatewayConfig config, Consumer<String> notes, GatewayTracing tracing) {
    return build(config, notes, tracing, Optional.empty());
  }

  /**
   * Like {@link #build(GatewayConfig, Consumer, GatewayTracing)}, resolving requests that name a stored
   * prompt ({@code prompt_id}) from {@code prompts} before routing.
   *
   * @throws GatewayConfigException if a provider or the catalog cannot be set up, naming it
   */
  public static RouterAssembly build(
      GatewayConfig config, Consumer<String> notes, GatewayTracing tracing, Optional<PromptSource> prompts) {
    ModelCatalog base;
    try {
      base = config.catalogPath().map(ModelCatalog::load).orElseGet(ModelCatalog::bundled);
    } catch (RuntimeException e) {
      throw new GatewayConfigException("cannot load the catalog: " + e.getMessage(), e);
    }
    ModelCatalog custom = ModelCatalog.empty();
    RouterBuilder b = Router.builder().maxRequestBodyBytes(config.maxBodyBytes());
    prompts.ifPresent(b::promptSource);
    try {
      if (config.mock().enabled()) {
        custom = config.mock().models().isEmpty()
            ? MockModels.catalog() : MockModels.catalog(config.mock().models());
        MockConfig mc = MockConfig.fromSettings(ProviderSettings.builder().metadata(config.mock().metadata()).build());
        b.addProvider(MockProvider.ID, new MockProvider(mc), AuthConfig.custom(Map.of()));
        notes.accept("provider mock: registered (models " + custom.names() + ")");
      }
      for (ProviderEntry e : config.providers()) {
        ProviderSettings.Builder s = ProviderSettings.builder().metadata(e.metadata());
        e.endpoint().ifPresent(s::endpoint);
        b.addProvider(e.alias(), ProviderFactory.create(e.kind(), s.build()), e.auth(), e.defaultFor());
      }
      b.overlayCatalog(base, custom);
      GatewayModels models = new GatewayModels(base, custom);
      Map<String, String> hosts = new HashMap<>();
      for (ProviderEntry e : config.providers()) {
        e.endpoint().map(RouterAssembly::host).ifPresent(h -> hosts.put(e.alias(), h));
      }
      tracing.listener(models::find, alias -> hosts.getOrDefault(alias, "")).ifPresent(b::addListener);
      return new RouterAssembly(b.build(), models);
    } catch (RouterException e) {
      throw new GatewayConfigException("cannot set up the providers: " + e.getMessage(), e);
    }
  }

  private static String host(String endpoint) {
    try {
      String h = URI.create(endpoint).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
