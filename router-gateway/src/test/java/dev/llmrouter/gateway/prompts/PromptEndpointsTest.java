package dev.llmrouter.gateway.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptEndpointsTest {
  @TempDir
  Path dir;

  private static JsonObject json(HttpResponse<String> r) {
    return JsonTree.parseObject(r.body().getBytes(StandardCharsets.UTF_8));
  }

  private static String body(String id, String dotprompt, String env) {
    JsonObject.Builder info = JsonObject.builder().put("prompt_type", "db");
    if (env != null) {
      info.put("environment", env);
    }
    return JsonObject.builder().put("prompt_id", id)
        .put("litellm_params", JsonObject.of("dotprompt_content", JsonValue.of(dotprompt)))
        .put("prompt_info", info.build()).build().toJson();
  }

  private static final String GREETING_V1 = "---\nmodel: gpt-4o\ntemperature: 0.2\n---\nSystem: Be brief.\n\nUser: Hi {{name}}";
  private static final String GREETING_V2 = "---\nmodel: gpt-4o-mini\n---\nUser: Hello {{name}}, v2";

  @Test
  void litellmClientGetsExactlyTheDocumentedShape() throws Exception {
    try (PromptGateway g = PromptGateway.start(dir.resolve("p.db"), true)) {
      // What LiteLLM's generic prompt manager sends: GET with prompt_id, JSON headers and a Bearer key.
      HttpRequest req = HttpRequest.newBuilder(g.gateway.baseUri().resolve(
              "/beta/litellm_prompt_management?prompt_id=hello-world-prompt"))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .header("Authorization", "Bearer " + PromptGateway.USER).timeout(Duration.ofSeconds(30)).GET().build();
      HttpResponse<String> r = g.client.send(req, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type")).contains("application/json");
      JsonObject expected = JsonTree.parseObject(("""
          {"prompt_id":"hello-world-prompt",
           "prompt_template":[
             {"role":"system","content":"You are a helpful assistant specialized in {domain}."},
             {"role":"user","content":"Help me with: {task}"}],
           "prompt_template_model":"gpt-4",
           "prompt_template_optional_params":{"temperature":0.7,"max_tokens":500}}""")
          .getBytes(StandardCharsets.UTF_8));
      assertThat(JsonTree.canonicalEquals(json(r), expected)).as(r.body()).isTrue();

      HttpResponse<String> missing = g.get("/beta/litellm_prompt_management?prompt_id=nope", PromptGateway.USER);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("nope");
      assertThat(g.get("/beta/litellm_prompt_management?prompt_id=hello-world-prompt", "wrong").statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void genericEndpointServesDoubleBracesAsSingleSoLiteLlmSubstitutesCleanly() throws Exception {
    try (PromptGateway g = PromptGateway.start(dir.resolve("p.db"), false)) {
      assertThat(g.admin("POST", "/prompts", body("greet", GREETING_V1, null)).statusCode()).isEqualTo(200);
      JsonObject r = json(g.get("/beta/litellm_prompt_management?prompt_id=greet", PromptGateway.ADMIN));
      JsonArray t = r.getArray("prompt_template").orElseThrow();
      assertThat(t.get(1).asObject().orElseThrow().getString("content")).contains("Hi {name}");
      assertThat(r.getString("prompt_template_model")).contains("gpt-4o");
      assertThat(r.getObject("prompt_template_optional_params").orElseThrow().getDecimal("temperature"))
          .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.2"));
    }
  }

  @Test
  void createUpdateReadLatestReadPinnedPromoteAndDeletePerEnvironment() throws Exception {
    try (PromptGateway g = PromptGateway.start(dir.resolve("p.db"), false)) {
      HttpResponse<String> created = g.admin("POST", "/prompts", body("greet", GREETING_V1, null));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      JsonObject spec = json(created);
      assertThat(spec.getString("prompt_id")).contains("greet.v1");
      assertThat(spec.getString("environment")).contains("development");
      assertThat(spec.getObject("litellm_params").orElseThrow().getString("prompt_integration")).contains("dotprompt");

      HttpResponse<String> updated = g.admin("PUT", "/prompts/greet", body("greet", GREETING_V2, null));
      assertThat(json(updated).getString("prompt_id")).contains("greet.v2");

      JsonObject latest = json(g.get("/prompts/greet", PromptGateway.ADMIN));
      assertThat(latest.getObject("prompt_spec").orElseThrow().getLong("version")).contains(2L);
      assertThat(latest.getObject("raw_prompt_template").orElseThrow().getString("content"))
          .contains("User: Hello {{name}}, v2");
      assertThat(latest.getArray("environments").orElseThrow().values()).containsExactly(JsonString.of("development"));

      JsonObject pinned = json(g.get("/prompts/greet.v1/info", PromptGateway.ADMIN));
      assertThat(pinned.getObject("prompt_spec").orElseThrow().getLong("version")).contains(1L);
      assertThat(pinned.getObject("raw_prompt_template").orElseThrow().getObject("metadata").orElseThrow()
          .getString("model")).contains("gpt-4o");

      HttpResponse<String> promoted = g.admin("POST", "/prompts/greet/promote",
          "{\"from_environment\":\"development\",\"to_environment\":\"production\",\"version\":1}");
      assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
      assertThat(json(promoted).getString("prompt_id")).contains("greet.v1");
      assertThat(json(promoted).getString("promoted_from")).contains("development.v1");

      JsonObject prod = json(g.get("/beta/litellm_prompt_management?prompt_id=greet&environment=production",
          PromptGateway.ADMIN));
      assertThat(prod.getString("prompt_template_model")).contains("gpt-4o");
      assertThat(json(g.get("/prompts/greet", PromptGateway.ADMIN)).getArray("environments").orElseThrow().size())
          .isEqualTo(2);

      JsonObject versions = json(g.get("/prompts/greet/versions", PromptGateway.ADMIN));
      assertThat(versions.getArray("prompts").orElseThrow().stream()
          .map(v -> v.asObject().orElseThrow().getString("environment").orElseThrow() + "."
              + v.asObject().orElseThrow().getLong("version").orElseThrow()).toList())
          .containsExactly("development.2", "development.1", "production.1");

      HttpResponse<String> patched = g.admin("PATCH", "/prompts/greet?environment=production",
          "{\"prompt_info\":{\"prompt_type\":\"db\",\"description\":\"reviewed\"}}");
      assertThat(json(patched).getString("prompt_id")).contains("greet.v2");
      assertThat(json(patched).getObject("prompt_info").orElseThrow().getString("description")).contains("reviewed");

      HttpResponse<String> deleted = g.admin("DELETE", "/prompts/greet?environment=development", null);
      assertThat(deleted.statusCode()).isEqualTo(200);
      assertThat(json(deleted).getString("message")).contains("Prompt greet deleted successfully from development");
      assertThat(g.get("/prompts/greet", PromptGateway.ADMIN).statusCode()).isEqualTo(404);
      assertThat(g.get("/prompts/greet?environment=production", PromptGateway.ADMIN).statusCode()).isEqualTo(200);
      assertThat(g.admin("DELETE", "/prompts/greet?environment=development", null).statusCode()).isEqualTo(404);
      assertThat(g.admin("PUT", "/prompts/unknown", body("unknown", GREETING_V1, null)).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void promptsPersistAcrossAGatewayRestartAndSeedsAreImportedOnce() throws Exception {
    Path db = dir.resolve("data/prompts.db");
    try (PromptGateway g = PromptGateway.start(db, true)) {
      assertThat(g.admin("POST", "/prompts", body("mine", GREETING_V1, "staging")).statusCode()).isEqualTo(200);
      assertThat(json(g.get("/prompts/list", PromptGateway.ADMIN)).getArray("prompts").orElseThrow().size())
          .isEqualTo(6);
    }
    try (PromptGateway g = PromptGateway.start(db, true)) {
      JsonObject info = json(g.get("/prompts/mine?environment=staging", PromptGateway.ADMIN));
      assertThat(info.getObject("prompt_spec").orElseThrow().getString("prompt_id")).contains("mine");
      JsonObject versions = json(g.get("/prompts/hello-world-prompt/versions", PromptGateway.ADMIN));
      assertThat(versions.getArray("prompts").orElseThrow().size()).as("seeds not imported twice").isEqualTo(1);
      assertThat(json(g.get("/prompts/list", PromptGateway.ADMIN)).getArray("prompts").orElseThrow().size())
          .isEqualTo(6);
    }
  }

  @Test
  void nonAdminWritesAre403AndScopedTokensSeeOnlyTheirPrompts() throws Exception {
    try (PromptGateway g = PromptGateway.start(dir.resolve("p.db"), true)) {
      for (String[] call : new String[][] {{"POST", "/prompts"}, {"PUT", "/prompts/hello-world-prompt"},
          {"PATCH", "/prompts/hello-world-prompt"}, {"DELETE", "/prompts/hello-world-prompt"},
          {"POST", "/prompts/hello-world-prompt/promote"}}) {
        HttpResponse<String> r = g.send(call[0], call[1], PromptGateway.USER, body("hello-world-prompt",
            GREETING_V1, null));
        assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
        assertThat(r.body()).contains("admin token");
      }
      assertThat(g.get("/prompts/hello-world-prompt/versions", PromptGateway.ADMIN).body())
          .as("nothing was written").doesNotContain("\"version\":2");

      JsonObject list = json(g.get("/prompts/list", PromptGateway.SCOPED));
      assertThat(list.getArray("prompts").orElseThrow().stream()
          .map(p -> p.asObject().orElseThrow().getString("prompt_id").orElseThrow()).toList())
          .containsExactly("customer-support-prompt", "hello-world-prompt");
      assertThat(g.get("/prompts/customer-support-prompt", PromptGateway.SCOPED).statusCode()).isEqualTo(200);
      assertThat(g.get("/beta/litellm_prompt_management?prompt_id=customer-support-prompt", PromptGateway.SCOPED)
          .statusCode()).isEqualTo(200);
      HttpResponse<String> denied = g.get("/beta/litellm_prompt_management?prompt_id=code-review-prompt",
          PromptGateway.SCOPED);
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.body()).contains("may not read prompt 'code-review-prompt'");
      assertThat(g.get("/prompts/code-review-prompt/versions", PromptGateway.SCOPED).statusCode()).isEqualTo(403);
      assertThat(g.get("/prompts/list", PromptGateway.UNSCOPED).statusCode()).isEqualTo(403);
      assertThat(g.get("/prompts/hello-world-prompt", PromptGateway.UNSCOPED).statusCode()).isEqualTo(403);
      assertThat(g.get("/prompts/list", null).statusCode()).isEqualTo(401);
      assertThat(json(g.get("/prompts/list", PromptGateway.USER)).getArray("prompts").orElseThrow().size())
          .isEqualTo(5);
    }
  }

  @Test
  void badInputGetsClear400s() throws Exception {
    try (PromptGateway g = PromptGateway.start(dir.resolve("p.db"), false, s -> s.withMaxTemplateBytes(2048))) {
      HttpResponse<String> unclosed = g.admin("POST", "/prompts", body("bad", "---\nmodel: gpt-4\nUser: hi", null));
      assertThat(unclosed.statusCode()).isEqualTo(400);
      assertThat(unclosed.body()).contains("malformed dotprompt").contains("never closed");

      HttpResponse<String> yaml = g.admin("POST", "/prompts", body("bad", "---\nmodel: [unclosed\n---\nUser: hi", null));
      assertThat(yaml.statusCode()).isEqualTo(400);
      assertThat(yaml.body()).contains("invalid YAML front matter");

      HttpResponse<String> badId = g.admin("POST", "/prompts", body("../../etc/passwd", GREETING_V1, null));
      assertThat(badId.statusCode()).isEqualTo(400);
      assertThat(badId.body()).contains("invalid prompt_id");
      assertThat(g.get("/prompts/bad%20id", PromptGateway.ADMIN).statusCode()).isEqualTo(400);

      HttpResponse<String> huge = g.admin("POST", "/prompts", body("big", "User: " + "x".repeat(5000), null));
      assertThat(huge.statusCode()).isEqualTo(400);
      assertThat(huge.body()).contains("the limit is 2048");

      HttpResponse<String> dirParam = g.admin("POST", "/prompts",
          "{\"prompt_id\":\"d\",\"litellm_params\":{\"prompt_directory\":\"/etc\"}}");
      assertThat(dirParam.statusCode()).isEqualTo(400);
      assertThat(dirParam.body()).contains("prompt_directory is not accepted");

      assertThat(g.admin("POST", "/prompts", "{\"prompt_id\":\"x\"}").body()).contains("'litellm_params'");
      assertThat(g.admin("POST", "/prompts", "not json").statusCode()).isEqualTo(400);
      assertThat(g.admin("POST", "/prompts", body("v.v2", GREETING_V1, null)).body()).contains("carries a version");
      assertThat(g.admin("POST", "/prompts", body("e", GREETING_V1, "Prod/../x")).body())
          .contains("invalid environment");
      assertThat(g.get("/beta/litellm_prompt_management", PromptGateway.ADMIN).body()).contains("'prompt_id' is required");
      assertThat(g.admin("POST", "/prompts/list", "{}").statusCode()).isEqualTo(405);
      assertThat(g.get("/prompts/x/unknown", PromptGateway.ADMIN).statusCode()).isEqualTo(404);
      assertThat(json(g.get("/prompts/list", PromptGateway.ADMIN)).getArray("prompts").orElseThrow().isEmpty()).isTrue();
    }
  }

  @Test
  void testEndpointRendersAndStreamsThroughTheRouter() throws Exception {
    try (PromptGateway g = PromptGateway.start(dir.resolve("p.db"), false)) {
      String draft = JsonObject.builder()
          .put("dotprompt_content", "---\nmodel: mock/echo\n---\nUser: Hello {{name}}")
          .put("prompt_variables", JsonObject.of("name", JsonValue.of("World"))).build().toJson();
      HttpResponse<String> r = g.send("POST", "/prompts/test", PromptGateway.UNSCOPED, draft);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
      assertThat(r.body()).as("the mock echoes the rendered user message")
          .contains("{\"content\":\"Hello \"}").contains("{\"content\":\"World\"}")
          .endsWith("data: [DONE]\n\n");

      String missingVar = JsonObject.of("dotprompt_content",
          JsonValue.of("---\nmodel: mock/echo\n---\nUser: Hello {{name}}")).toJson();
      HttpResponse<String> strict = g.send("POST", "/prompts/test", PromptGateway.USER, missingVar);
      assertThat(strict.statusCode()).isEqualTo(400);
      assertThat(strict.body()).contains("name");

      HttpResponse<String> noModel = g.send("POST", "/prompts/test", PromptGateway.USER,
          JsonObject.of("dotprompt_content", JsonValue.of("User: hi")).toJson());
      assertThat(noModel.statusCode()).isEqualTo(400);
      assertThat(noModel.body()).contains("Model is required");
    }
  }

  @Test
  void dotpromptConverterTurnsAnUploadIntoJson() throws Exception {
    try (PromptGateway g = PromptGateway.start(dir.resolve("p.db"), false)) {
      String boundary = "----llmrouter" + System.nanoTime();
      String multipart = "--" + boundary + "\r\n"
          + "Content-Disposition: form-data; name=\"file\"; filename=\"support_bot.prompt\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n"
          + "---\nmodel: gpt-4o\ntemperature: 0.5\n---\nSystem: Help.\n\nUser: {{question}}\r\n"
          + "--" + boundary + "--\r\n";
      HttpRequest req = HttpRequest.newBuilder(g.gateway.baseUri().resolve("/utils/dotprompt_json_converter"))
          .header("authorization", "Bearer " + PromptGateway.USER)
          .header("content-type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(multipart)).timeout(Duration.ofSeconds(30)).build();
      HttpResponse<String> r = g.client.send(req, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject out = json(r);
      assertThat(out.getString("prompt_id")).contains("support_bot");
      JsonObject data = out.getObject("json_data").orElseThrow();
      assertThat(data.getString("content")).contains("System: Help.\n\nUser: {{question}}");
      assertThat(data.getObject("metadata").orElseThrow().getString("model")).contains("gpt-4o");

      HttpResponse<String> wrongExt = g.send("POST", "/utils/dotprompt_json_converter?filename=x.txt",
          PromptGateway.USER, "User: hi");
      assertThat(wrongExt.statusCode()).isEqualTo(400);
      assertThat(wrongExt.body()).contains(".prompt extension");
      HttpResponse<String> traversal = g.send("POST", "/utils/dotprompt_json_converter?filename=..%2F..%2Fa%20b.prompt",
          PromptGateway.USER, "User: hi");
      assertThat(traversal.statusCode()).isEqualTo(400);
    }
  }
}
