package dev.llmrouter.gateway.prompts;

import dev.llmrouter.Router;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.gateway.Gateway;
import dev.llmrouter.gateway.GatewayModels;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.providers.mock.MockConfig;
import dev.llmrouter.providers.mock.MockModels;
import dev.llmrouter.providers.mock.MockProvider;
import dev.llmrouter.retry.RetryPolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A gateway on 127.0.0.1 with the offline mock provider and a prompt store in an SQLite file. */
final class PromptGateway implements AutoCloseable {
  static final String ADMIN = "admin-token-1";
  static final String USER = "user-token-1";
  static final String SCOPED = "support-token-2";
  static final String UNSCOPED = "plain-user-3";

  final Gateway gateway;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private PromptGateway(Gateway gateway) {
    this.gateway = gateway;
  }

  /** Auth on: one admin, three user tokens (one scoped to every prompt, one to customer-*, one unscoped). */
  static PromptGateway start(Path db, boolean seed) {
    return start(db, seed, s -> s);
  }

  static PromptGateway start(Path db, boolean seed, UnaryOperator<PromptSettings> tune) {
    PromptSettings settings = tune.apply(PromptSettings.of(db.toString(), seed)
        .withScopes(PromptScopes.parse(USER + ":*;" + SCOPED + ":customer-*,hello-world-prompt")));
    GatewayConfig config = GatewayConfig.builder().host("127.0.0.1").port(0)
        .adminTokens(List.of(ADMIN)).authTokens(List.of(USER, SCOPED, UNSCOPED)).prompts(settings).build();
    Router router = Router.builder().overlayCatalog(ModelCatalog.empty(), MockModels.catalog())
        .retryPolicy(RetryPolicy.none())
        .addProvider("mock", new MockProvider(MockConfig.builder().build()), AuthConfig.custom(Map.of()))
        .build();
    return new PromptGateway(Gateway.start(config, router, new GatewayModels(ModelCatalog.empty(),
        MockModels.catalog())));
  }

  HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(gateway.baseUri().resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("content-type", "application/json")
        .header("accept", "application/json");
    if (token != null) {
      b.header("authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, token, null);
  }

  HttpResponse<String> admin(String method, String path, String body) throws Exception {
    return send(method, path, ADMIN, body);
  }

  @Override
  public void close() {
    gateway.close();
  }
}
