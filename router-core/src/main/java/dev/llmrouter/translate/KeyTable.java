package dev.llmrouter.translate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The discriminating keys of each request format: top-level keys only one format uses, content-part
 * types, and Converse's untyped content-block keys. Shared keys ({@code model}, {@code temperature},
 * {@code tools}, ...) are deliberately absent.
 */
final class KeyTable {
  private static final Map<String, Integer> TOP_LEVEL = new HashMap<>();
  private static final Map<String, Integer> PART_TYPES = new HashMap<>();
  private static final Set<String> CONVERSE_PART_KEYS =
      Set.of(
          "text", "image", "document", "video", "toolUse", "toolResult", "reasoningContent",
          "cachePoint", "guardContent", "citationsContent");

  static {
    for (String k :
        new String[] {
          "max_completion_tokens", "n", "stream_options", "logprobs", "top_logprobs",
          "frequency_penalty", "presence_penalty", "seed", "parallel_tool_calls", "user", "functions",
          "function_call", "logit_bias", "modalities", "audio", "prediction", "web_search_options",
          "verbosity", "prompt_cache_key", "safety_identifier", "stop"
        }) {
      TOP_LEVEL.put(k, RequestShape.OPENAI_KEY);
    }
    for (String k :
        new String[] {
          "stop_sequences", "top_k", "thinking", "anthropic_beta", "container", "mcp_servers",
          "context_management"
        }) {
      TOP_LEVEL.put(k, RequestShape.ANTHROPIC_KEY);
    }
    for (String k :
        new String[] {
          "inferenceConfig", "additionalModelRequestFields", "additionalModelResponseFieldPaths",
          "guardrailConfig", "promptVariables", "requestMetadata", "performanceConfig"
        }) {
      TOP_LEVEL.put(k, RequestShape.CONVERSE_KEY);
    }
    for (String k :
        new String[] {
          "instructions", "previous_response_id", "max_output_tokens", "include", "truncation",
          "conversation", "background", "max_tool_calls"
        }) {
      TOP_LEVEL.put(k, RequestShape.RESPONSES_KEY);
    }
    for (String k :
        new String[] {"systemInstruction", "generationConfig", "safetySettings", "cachedContent"}) {
      TOP_LEVEL.put(k, RequestShape.GOOGLE_KEY);
    }
    for (String t : new String[] {"image_url", "input_audio", "file", "refusal"}) {
      PART_TYPES.put(t, RequestShape.OPENAI_PART);
    }
    for (String t :
        new String[] {
          "image", "document", "tool_use", "tool_result", "thinking", "redacted_thinking",
          "server_tool_use", "web_search_tool_result", "search_result", "container_upload",
          "mcp_tool_use", "mcp_tool_result"
        }) {
      PART_TYPES.put(t, RequestShape.ANTHROPIC_PART);
    }
  }

  private KeyTable() {}

  /** The feature bit of a top-level key, or 0 for keys several formats share. */
  static int featureOf(String topLevelKey) {
    Integer bit = TOP_LEVEL.get(topLevelKey);
    return bit == null ? 0 : bit;
  }

  /** The feature bit of a content-part {@code type}, or 0 for shared types such as {@code text}. */
  static int partFeature(String type) {
    Integer bit = PART_TYPES.get(type);
    return bit == null ? 0 : bit;
  }

  /** Whether a key names a Converse content block ({@code {"text": ...}} with no {@code type}). */
  static boolean isConversePartKey(String key) {
    return CONVERSE_PART_KEYS.contains(key);
  }
}
