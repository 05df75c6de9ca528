package dev.llmrouter.providers.prompt;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.Map;

/**
 * Brings prompt params written in Anthropic style ({@code stop_sequences}, {@code top_k}) or Google style
 * ({@code maxOutputTokens}, {@code topP}, {@code topK}, {@code stopSequences}, {@code candidateCount}) into
 * the OpenAI Chat vocabulary a {@link dev.llmrouter.prompt.Prompt} holds. A name already present in OpenAI
 * form wins over its alias; unknown names are kept as they are.
 */
final class ParamStyles {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("maxOutputTokens", "max_tokens"),
      Map.entry("max_output_tokens", "max_tokens"),
      Map.entry("maxTokens", "max_tokens"),
      Map.entry("topP", "top_p"),
      Map.entry("topK", "top_k"),
      Map.entry("stopSequences", "stop"),
      Map.entry("stop_sequences", "stop"),
      Map.entry("candidateCount", "n"),
      Map.entry("presencePenalty", "presence_penalty"),
      Map.entry("frequencyPenalty", "frequency_penalty"));

  private ParamStyles() {}

  static JsonObject normalize(JsonObject params) {
    JsonObject.Builder b = JsonObject.builder(params.size());
    params.forEach(
        (k, v) -> {
          String name = ALIASES.getOrDefault(k, k);
          if (!name.equals(k) && params.has(name)) {
            return;
          }
          if (!v.isNull()) {
            b.put(name, v);
          }
        });
    return b.build();
  }

  /** Whether a value is present and not JSON null. */
  static boolean present(JsonValue v) {
    return v != null && !v.isNull();
  }
}
