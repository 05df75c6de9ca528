package dev.llmrouter.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.ProviderFactory;
import dev.llmrouter.providers.ProviderSettings;
import dev.llmrouter.stream.StreamChunk;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MockProviderTest {

  private static Router router(MockConfig config) {
    return Router.builder()
        .overlayCatalog(ModelCatalog.empty(), MockModels.catalog())
        .addProvider("mock", new MockProvider(config), AuthConfig.custom(Map.of()))
        .build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void echoesTheLastUserMessageInChatCompletions() {
    Completion c = router(MockConfig.defaults()).complete(
        utf8("{\"model\":\"mock/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"first\"},"
            + "{\"role\":\"assistant\",\"content\":\"x\"},{\"role\":\"user\",\"content\":\"say this back\"}]}"),
        "mock/echo", ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(c.bodyUtf8()).contains("\"content\":\"say this back\"").contains("\"finish_reason\":\"stop\"")
        .contains("\"completion_tokens\":3");
    assertThat(c.metadata().providerId()).isEqualTo("mock");
  }

  @Test
  void answersAnthropicClientsThroughTranslation() {
    Completion c = router(MockConfig.builder().promptTokens(11).completionTokens(7).build()).complete(
        utf8("{\"model\":\"mock/echo\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"hello anthropic\"}]}]}"),
        "mock/echo", ProviderFormat.ANTHROPIC, ClientHeaders.empty());
    assertThat(c.bodyUtf8()).contains("\"type\":\"message\"").contains("hello anthropic")
        .contains("\"input_tokens\":11").contains("\"output_tokens\":7");
  }

  @Test
  void answersGeminiClientsWithCannedText() {
    Completion c = router(MockConfig.builder().text("canned words").build()).complete(
        utf8("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}"),
        "mock/fast", ProviderFormat.GOOGLE, ClientHeaders.empty());
    assertThat(c.bodyUtf8()).contains("\"candidates\"").contains("canned words");
  }

  @Test
  void streamsWordByWordWithUsageAndTranslatesToAnthropicEvents() {
    MockConfig config = MockConfig.builder().chunkDelay(Duration.ofMillis(1)).build();
    List<String> types = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    try (ResponseStream s = router(config).completeStream(
        utf8("{\"model\":\"mock/echo\",\"max_tokens\":50,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three\"}]}"),
        "mock/echo", ProviderFormat.ANTHROPIC, ClientHeaders.empty())) {
      for (StreamChunk chunk : s) {
        types.add(chunk.eventType().orElse(""));
        if (chunk.utf8().contains("text_delta")) {
          text.append(chunk.utf8().replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"));
        }
      }
    }
    assertThat(types).startsWith("message_start").endsWith("message_stop").contains("content_block_delta");
    assertThat(text.toString()).isEqualTo("one two three");
  }

  @Test
  void toolModelCallsTheFirstFunctionTool() {
    Completion c = router(MockConfig.defaults()).complete(
        utf8("{\"model\":\"mock/tool\",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}],"
            + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{}}}]}"),
        "mock/tool", ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(c.bodyUtf8()).contains("\"name\":\"get_weather\"").contains("\"finish_reason\":\"tool_calls\"");
  }

  @Test
  void closingTheStreamStopsIt() {
    MockConfig config = MockConfig.builder().chunkDelay(Duration.ofMillis(5)).build();
    ResponseStream s = router(config).completeStream(
        utf8("{\"model\":\"mock/fast\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
        "mock/fast", ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(s.hasNext()).isTrue();
    s.next();
    s.close();
    assertThat(s.hasNext()).isFalse();
  }

  @Test
  void factoryBuildsTheMockFromSettingsAndRejectsBadNumbers() {
    MockProvider p = (MockProvider) ProviderFactory.create("mock", ProviderSettings.builder()
        .metadata("latency_ms", "25").metadata("text", "t").metadata("completion_tokens", "9").build());
    assertThat(p.config().latency()).isEqualTo(Duration.ofMillis(25));
    assertThat(p.config().text()).isEqualTo("t");
    assertThat(p.config().completionTokens()).hasValue(9);
    assertThatThrownBy(() -> ProviderFactory.create("mock",
        ProviderSettings.builder().metadata("latency_ms", "-3").build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("latency_ms");
    assertThatThrownBy(() -> MockModels.catalog(List.of("echo")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("mock/");
  }
}
