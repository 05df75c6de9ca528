package dev.llmrouter.providers.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptTemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPromptSourceTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static JsonObject obj(String s) {
    return JsonTree.parseObject(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsDotpromptWithFrontMatterAndRoleMarkers() throws IOException {
    write("hello.prompt", "---\nmodel: gpt-4\ntemperature: 0.7\nconfig:\n  maxOutputTokens: 150\n"
        + "input:\n  schema:\n    user_message: string\n---\nSystem: You are a helpful assistant.\n\n"
        + "User: {{user_message}}\n");
    Prompt p = DirectoryPromptSource.of(dir).load(PromptRef.of("hello"));
    assertThat(p.model()).contains("gpt-4");
    assertThat(p.params()).isEqualTo(obj("{\"temperature\":0.7,\"max_tokens\":150}"));
    assertThat(p.messages()).hasSize(2);
    assertThat(p.messages().get(0).role()).isEqualTo("system");
    assertThat(p.messages().get(0).text()).contains("You are a helpful assistant.");
    assertThat(p.messages().get(1).text()).contains("{{user_message}}");
    assertThat(p.metadata().has("input")).isTrue();
  }

  @Test
  void readsDotpromptRoleHelpersAndJsonOutput() throws IOException {
    write("extract.prompt", "---\nmodel: gemini-2.0-flash\noutput:\n  format: json\n  schema:\n"
        + "    type: object\n---\n{{role \"system\"}}\nExtract.\n{{role \"user\"}}\n{{text}}\n");
    Prompt p = DirectoryPromptSource.of(dir).load(PromptRef.of("extract"));
    assertThat(p.messages()).extracting(m -> m.role()).containsExactly("system", "user");
    assertThat(p.responseFormat().orElseThrow().getString("type")).contains("json_schema");
  }

  @Test
  void readsJsonFilesInEachShape() throws IOException {
    write("generic.json", LiteLlmPromptClientTest.HELLO_WORLD);
    write("converted.json", "{\"content\":\"User: hi {{name}}\",\"metadata\":{\"model\":\"gpt-4o\",\"max_tokens\":5}}");
    write("native.json", "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}],\"params\":{\"topP\":0.5}}");
    DirectoryPromptSource s = DirectoryPromptSource.of(dir);
    assertThat(s.load(PromptRef.of("generic")).model()).contains("gpt-4");
    Prompt converted = s.load(PromptRef.of("converted"));
    assertThat(converted.model()).contains("gpt-4o");
    assertThat(converted.params()).isEqualTo(obj("{\"max_tokens\":5}"));
    assertThat(s.load(PromptRef.of("native")).params()).isEqualTo(obj("{\"top_p\":0.5}"));
    assertThat(s.ids()).containsExactly("converted", "generic", "native");
  }

  @Test
  void versionsAndEnvironments() throws IOException {
    write("greet.v1.prompt", "v1");
    write("greet.v2.prompt", "v2");
    write("staging/greet.prompt", "staged");
    DirectoryPromptSource s = DirectoryPromptSource.of(dir);
    Prompt latest = s.load(PromptRef.of("greet"));
    assertThat(latest.messages().get(0).text()).contains("v2");
    assertThat(latest.version()).contains("2");
    assertThat(s.load(PromptRef.of("greet").withVersion("1")).messages().get(0).text()).contains("v1");
    Prompt staged = s.load(PromptRef.of("greet").withEnvironment("staging"));
    assertThat(staged.messages().get(0).text()).contains("staged");
    assertThat(staged.environment()).contains("staging");
    assertThatThrownBy(() -> s.load(PromptRef.of("greet").withEnvironment("production")))
        .isInstanceOf(PromptNotFoundException.class);
    assertThatThrownBy(() -> s.load(PromptRef.of("greet").withVersion("7")))
        .isInstanceOf(PromptNotFoundException.class).hasMessageContaining("'greet'");
  }

  @Test
  void malformedDotpromptIsAClearClientError() throws IOException {
    write("open.prompt", "---\nmodel: gpt-4\nno closing line\n");
    write("badyaml.prompt", "---\nmodel: [unclosed\n---\nHi\n");
    write("both.prompt", "x");
    write("both.json", "{\"text\":\"y\"}");
    write("badjson.json", "{\"messages\": [");
    DirectoryPromptSource s = DirectoryPromptSource.of(dir);
    assertThatThrownBy(() -> s.load(PromptRef.of("open")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("never closed");
    assertThatThrownBy(() -> s.load(PromptRef.of("badyaml")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("invalid YAML front matter").hasMessageContaining("at line ");
    assertThatThrownBy(() -> s.load(PromptRef.of("both")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("ambiguous");
    assertThatThrownBy(() -> s.load(PromptRef.of("badjson")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("badjson.json");
  }

  @Test
  void yamlTagsThatConstructObjectsAreRefused() throws IOException {
    write("evil.prompt", "---\nx: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n---\nHi\n");
    assertThatThrownBy(() -> DirectoryPromptSource.of(dir).load(PromptRef.of("evil")))
        .isInstanceOf(PromptTemplateException.class);
  }

  @Test
  void traversalIdsAndOversizedFilesAreRefused() throws IOException {
    Path outside = dir.resolve("outside");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secret.prompt"), "secret");
    Path root = dir.resolve("prompts");
    Files.createDirectories(root);
    DirectoryPromptSource s = DirectoryPromptSource.of(root, 64);
    assertThatThrownBy(() -> s.load(PromptRef.of("../outside/secret"))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> s.load(PromptRef.of("x").withEnvironment("..")))
        .isInstanceOf(InvalidRequestException.class);
    Files.createSymbolicLink(root.resolve("link.prompt"), outside.resolve("secret.prompt"));
    assertThatThrownBy(() -> s.load(PromptRef.of("link")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("outside");
    Files.writeString(root.resolve("big.prompt"), "x".repeat(100));
    assertThatThrownBy(() -> s.load(PromptRef.of("big")))
        .isInstanceOf(PromptTemplateException.class).hasMessageContaining("over the limit");
  }
}
