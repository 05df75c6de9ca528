package dev.llmrouter.gateway;

import dev.llmrouter.Router;
import dev.llmrouter.RouterBuilder;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.gateway.tracing.GatewayTracing;
import dev.llmrouter.providers.ProviderFactory;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.providers.mock.MockConfig;
import dev.llmrouter.providers.mock.MockModels;
import dev.llmrouter.providers.mock.MockProvider;
import dev.llmrouter.retry.RetryPolicy;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * A gateway on 127.0.0.1 and an ephemeral port, routing to a MockWebServer that plays OpenAI, Anthropic
 * and Gemini (models gpt-test, claude-test, gemini-test), plus the mock provider and any extra providers a
 * test registers. No retries, so each enqueued reply answers exactly one call.
 */
final class Harness implements AutoCloseable {
  static final String UPSTREAM_KEY = "sk-upstream-SECRET-42";

  final MockWebServer upstream;
  final Gateway gateway;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Harness(MockWebServer upstream, Gateway gateway) {
    this.upstream = upstream;
    this.gateway = gateway;
  }

  static Harness start() throws IOException {
    return start(c -> { }, b -> { }, ModelCatalog.empty());
  }

  static Harness start(Consumer<GatewayConfig.Builder> config) throws IOException {
    return start(config, b -> { }, ModelCatalog.empty());
  }

  /** Starts with extra providers and their models. */
  static Harness start(Consumer<GatewayConfig.Builder> config, Consumer<RouterBuilder> extra,
      ModelCatalog extraModels) throws IOException {
    return start(config, extra, extraModels, GatewayTracing.disabled());
  }

  /** Starts with extra providers and their models, traced by {@code tracing} (closed with the gateway). */
  static Harness start(Consumer<GatewayConfig.Builder> config, Consumer<RouterBuilder> extra,
      ModelCatalog extraModels, GatewayTracing tracing) throws IOException {
    MockWebServer upstream = new MockWebServer();
    upstream.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    ModelCatalog.Builder cb = catalog().toBuilder();
    extraModels.asMap().forEach(cb::put);
    ModelCatalog base = cb.build();
    ModelCatalog custom = MockModels.catalog();
    RouterBuilder rb = Router.builder().overlayCatalog(base, custom).retryPolicy(RetryPolicy.none())
        .failover(false)
        .addProvider("openai", ProviderFactory.create("openai", settings(upstream, "/v1")),
            AuthConfig.bearer(UPSTREAM_KEY))
        .addProvider("anthropic", ProviderFactory.create("anthropic", settings(upstream, "/v1/")),
            AuthConfig.apiKey(UPSTREAM_KEY, "x-api-key", null))
        .addProvider("google", ProviderFactory.create("google", settings(upstream, "/v1beta/")),
            AuthConfig.apiKey(UPSTREAM_KEY, "x-goog-api-key", null))
        .addProvider("mock", new MockProvider(MockConfig.builder().promptTokens(10).completionTokens(20).build()),
            AuthConfig.custom(Map.of()));
    extra.accept(rb);
    GatewayModels models = new GatewayModels(base, custom);
    tracing.listener(models::find, alias -> "").ifPresent(rb::addListener);
    GatewayConfig.Builder gb = GatewayConfig.builder().host("127.0.0.1").port(0);
    config.accept(gb);
    Gateway gateway = Gateway.start(gb.build(), rb.build(), models, tracing);
    return new Harness(upstream, gateway);
  }

  private static ProviderSettings settings(MockWebServer upstream, String path) {
    return ProviderSettings.builder().endpoint(upstream.url(path).toString()).timeout(Duration.ofSeconds(10))
        .build();
  }

  /** gpt-test (OpenAI, $2/$8 per million), claude-test (Anthropic), gemini-test (Gemini). */
  static ModelCatalog catalog() {
    return ModelCatalog.builder()
        .put("gpt-test", ModelSpec.builder("gpt-test", ProviderFormat.OPENAI, ModelFlavor.CHAT)
            .availableProviders(List.of("openai"))
            .inputCostPerMilTokens(new BigDecimal("2")).outputCostPerMilTokens(new BigDecimal("8")).build())
        .put("claude-test", ModelSpec.builder("claude-test", ProviderFormat.ANTHROPIC, ModelFlavor.CHAT)
            .availableProviders(List.of("anthropic"))
            .inputCostPerMilTokens(new BigDecimal("3")).outputCostPerMilTokens(new BigDecimal("15")).build())
        .put("gemini-test", ModelSpec.builder("gemini-test", ProviderFormat.GOOGLE, ModelFlavor.CHAT)
            .availableProviders(List.of("google")).build())
        .build();
  }

  URI uri(String pathAndQuery) {
    return gateway.baseUri().resolve(pathAndQuery);
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  void enqueueJson(int status, String body) {
    upstream.enqueue(new MockResponse.Builder().code(status).addHeader("content-type", "application/json")
        .body(body).build());
  }

  void enqueueSse(String body) {
    upstream.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "text/event-stream")
        .body(body).build());
  }

  @Override
  public void close() throws IOException {
    gateway.close();
    upstream.close();
  }
}
