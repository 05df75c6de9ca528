package dev.llmrouter.gateway.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.gateway.Gateway;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat request naming a stored prompt ({@code prompt_id}) is expanded by the router from the gateway's
 * own store before routing: the prompt's model (the offline mock) answers the rendered template.
 */
class PromptIdThroughGatewayTest {
  private static final String ADMIN = "admin-token-for-prompts";

  @TempDir
  Path dir;

  private static HttpResponse<String> post(HttpClient client, Gateway g, String path, String body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(g.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .header("authorization", "Bearer " + ADMIN)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aRequestNamingAStoredPromptIsExpandedAndRoutedToThePromptsModel() throws Exception {
    GatewayConfig config =
        GatewayConfig.builder()
            .host("127.0.0.1")
            .port(0)
            .adminTokens(List.of(ADMIN))
            .prompts(PromptSettings.of(dir.resolve("prompts.db").toString(), false))
            .build();
    HttpClient client = HttpClient.newHttpClient();
    try (Gateway g = Gateway.start(config, note -> {})) {
      String prompt =
          JsonObject.builder()
              .put("prompt_id", "greeter")
              .put(
                  "litellm_params",
                  JsonObject.of(
                      "dotprompt_content", JsonValue.of("---\nmodel: mock/echo\n---\nUser: Hello {{name}}")))
              .build()
              .toJson();
      HttpResponse<String> created = post(client, g, "/prompts", prompt);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

      HttpResponse<String> reply =
          post(
              client,
              g,
              "/v1/chat/completions",
              "{\"model\":\"gpt-4o\",\"prompt_id\":\"greeter\",\"prompt_variables\":{\"name\":\"Ada\"},"
                  + "\"messages\":[]}");

      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
      JsonObject body = JsonTree.parseObject(reply.body().getBytes(StandardCharsets.UTF_8));
      assertThat(body.getString("model")).contains("mock/echo");
      assertThat(reply.body()).contains("Hello Ada");
    }
  }
}
