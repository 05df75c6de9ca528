package dev.llmrouter.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A failed tool stays failed across formats that can say so (a deliberate deviation: lingua drops
 * Anthropic's {@code is_error} and never writes Converse's {@code status: error}).
 */
class ToolResultErrorFlagTest {

  private static final String ANTHROPIC =
      "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":100,\"messages\":["
          + "{\"role\":\"user\",\"content\":\"run it\"},"
          + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"tu1\",\"name\":\"f\",\"input\":{}}]},"
          + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tu1\","
          + "\"content\":\"boom\",\"is_error\":true}]}],"
          + "\"tools\":[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}]}";

  private static JsonObject translate(String body, ProviderFormat target, String model) {
    RequestTransform t = Translator.transformRequest(
        body.getBytes(StandardCharsets.UTF_8), target, Optional.of(model));
    return JsonTree.parseObject(t.body());
  }

  @Test
  void anthropicIsErrorBecomesConverseErrorStatus() {
    JsonObject converse = translate(ANTHROPIC, ProviderFormat.CONVERSE, "amazon.nova-pro-v1:0");
    String json = converse.toJson();
    assertThat(json).contains("\"toolUseId\":\"tu1\"").contains("\"status\":\"error\"");
  }

  @Test
  void converseErrorStatusBecomesAnthropicIsError() {
    String converse = "{\"modelId\":\"amazon.nova-pro-v1:0\",\"messages\":["
        + "{\"role\":\"user\",\"content\":[{\"text\":\"run it\"}]},"
        + "{\"role\":\"assistant\",\"content\":[{\"toolUse\":{\"toolUseId\":\"tu1\",\"name\":\"f\",\"input\":{}}}]},"
        + "{\"role\":\"user\",\"content\":[{\"toolResult\":{\"toolUseId\":\"tu1\","
        + "\"content\":[{\"text\":\"boom\"}],\"status\":\"error\"}}]}],"
        + "\"toolConfig\":{\"tools\":[{\"toolSpec\":{\"name\":\"f\",\"inputSchema\":{\"json\":{\"type\":\"object\"}}}}]}}";
    String json = translate(converse, ProviderFormat.ANTHROPIC, "claude-sonnet-4-6").toJson();
    assertThat(json).contains("\"tool_use_id\":\"tu1\"").contains("\"is_error\":true");
  }

  @Test
  void successfulResultsCarryNoFlag() {
    String ok = ANTHROPIC.replace(",\"is_error\":true", "");
    assertThat(translate(ok, ProviderFormat.CONVERSE, "amazon.nova-pro-v1:0").toJson()).doesNotContain("status");
  }
}
