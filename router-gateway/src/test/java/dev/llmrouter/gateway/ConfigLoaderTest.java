package dev.llmrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.gateway.config.ConfigLoader;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.gateway.config.GatewayConfigException;
import dev.llmrouter.gateway.config.ProviderEntry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON file and the environment become the gateway's settings and provider registrations. */
class ConfigLoaderTest {
  @TempDir
  Path dir;

  private Path write(String json) throws Exception {
    Path p = dir.resolve("gateway.json");
    Files.writeString(p, json);
    return p;
  }

  @Test
  void fileAndEnvironmentAreMergedWithEnvWinning() throws Exception {
    Path file = write("{\"host\":\"127.0.0.1\",\"port\":9000,\"keep_alive_ms\":250,\"max_body_bytes\":4096,"
        + "\"mock\":{\"models\":[\"mock/a\"],\"latency_ms\":5},"
        + "\"providers\":[{\"alias\":\"corp\",\"kind\":\"openai\",\"endpoint\":\"http://127.0.0.1:1/v1\","
        + "\"api_key_env\":\"CORP_KEY\",\"default_for\":[\"openai\"]}]}");
    List<String> notes = new ArrayList<>();
    GatewayConfig c = ConfigLoader.load(Optional.of(file), Map.of("PORT", "9100", "CORP_KEY", "sk-corp-SECRET",
        "ANTHROPIC_API_KEY", "sk-ant-SECRET", "GATEWAY_AUTH_TOKENS", "a, b,,", "GATEWAY_ADMIN_TOKENS", "z"),
        notes::add);
    assertThat(c.port()).isEqualTo(9100);
    assertThat(c.keepAliveInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.maxBodyBytes()).isEqualTo(4096);
    assertThat(c.authTokens()).containsExactly("a", "b");
    assertThat(c.adminTokens()).containsExactly("z");
    assertThat(c.mock().models()).containsExactly("mock/a");
    assertThat(c.mock().metadata()).containsEntry("latency_ms", "5");
    assertThat(c.providers()).extracting(ProviderEntry::alias).containsExactly("corp", "anthropic");
    assertThat(String.join("\n", notes)).contains("provider openai: not registered (OPENAI_API_KEY is not set)")
        .contains("provider corp: registered").doesNotContain("SECRET");
    assertThat(c.toString() + c.providers()).doesNotContain("SECRET").doesNotContain("a, b");
  }

  @Test
  void providerWithoutItsKeyIsSkippedNotFatal() {
    List<String> notes = new ArrayList<>();
    GatewayConfig c = ConfigLoader.fromJson(dev.llmrouter.json.JsonTree.parseObject(
        ("{\"env_providers\":false,\"providers\":[{\"kind\":\"anthropic\",\"api_key_env\":\"NOPE\"}]}")
            .getBytes()), Map.of(), notes::add);
    assertThat(c.providers()).isEmpty();
    assertThat(notes).contains("provider anthropic: not registered (NOPE is not set)");
  }

  @Test
  void typosAndBadValuesAreNamed() throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(write("{\"prot\":1}")), Map.of(), n -> { }))
        .isInstanceOf(GatewayConfigException.class).hasMessageContaining("unknown key 'prot'");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(write("{\"port\":\"x\"}")), Map.of(), n -> { }))
        .isInstanceOf(GatewayConfigException.class).hasMessageContaining("'port'");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("PORT", "http"), n -> { }))
        .isInstanceOf(GatewayConfigException.class).hasMessageContaining("PORT");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(dir.resolve("missing.json")), Map.of(), n -> { }))
        .isInstanceOf(GatewayConfigException.class).hasMessageContaining("missing.json");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(write("[1]")), Map.of(), n -> { }))
        .isInstanceOf(GatewayConfigException.class).hasMessageContaining("not a JSON object");
  }

  @Test
  void configuredProviderServesThroughTheAssembledGateway() throws Exception {
    try (MockWebServer upstream = new MockWebServer()) {
      upstream.start(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
      upstream.enqueue(new mockwebserver3.MockResponse.Builder().code(200)
          .addHeader("content-type", "application/json").body(Upstreams.OPENAI_REPLY).build());
      Path file = write("{\"port\":0,\"env_providers\":false,\"providers\":[{\"kind\":\"openai\",\"endpoint\":\""
          + upstream.url("/v1") + "\",\"api_key_env\":\"MY_OPENAI\"}]}");
      GatewayConfig c = ConfigLoader.load(Optional.of(file), Map.of("MY_OPENAI", "sk-x"), n -> { });
      try (Gateway g = Gateway.start(c, n -> { })) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                g.baseUri().resolve("/v1/chat/completions"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Upstreams.CHAT_REQUEST.formatted("gpt-4o-mini")))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Paris");
        assertThat(upstream.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer sk-x");
        HttpResponse<String> mock = client.send(java.net.http.HttpRequest.newBuilder(
                g.baseUri().resolve("/v1/chat/completions"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"model\":\"mock/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mock.body()).contains("\"content\":\"hi\"");
      }
    }
  }

  @Test
  void exampleConfigShippedWithTheModuleLoads() {
    Path example = Path.of("gateway.example.json");
    List<String> notes = new ArrayList<>();
    GatewayConfig c = ConfigLoader.load(Optional.of(example), Map.of("GROQ_API_KEY", "gsk-SECRET"), notes::add);
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.mock().models()).containsExactly("mock/echo", "mock/fast", "mock/tool");
    assertThat(c.providers()).extracting(ProviderEntry::alias).containsExactly("groq");
    assertThat(notes).contains("provider openai: not registered (OPENAI_API_KEY is not set)");
  }

  @Test
  void commandLineTakesConfigFlagOrEnvironment() {
    assertThat(GatewayMain.configPath(new String[] {"--config", "a.json"}, Map.of())).hasValue(Path.of("a.json"));
    assertThat(GatewayMain.configPath(new String[] {"--config=b.json"}, Map.of())).hasValue(Path.of("b.json"));
    assertThat(GatewayMain.configPath(new String[0], Map.of("GATEWAY_CONFIG", "c.json"))).hasValue(Path.of("c.json"));
    assertThat(GatewayMain.configPath(new String[0], Map.of())).isEmpty();
    assertThatThrownBy(() -> GatewayMain.configPath(new String[] {"--port"}, Map.of()))
        .isInstanceOf(GatewayConfigException.class).hasMessageContaining("--port");
  }
}
