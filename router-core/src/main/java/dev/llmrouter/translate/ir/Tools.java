package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import java.util.List;
import java.util.Optional;

/** Batch tool conversions and builtin-type predicates shared by the codecs (lingua universal/tools.rs). */
public final class Tools {
  private Tools() {}

  /** Anthropic tool-search builtin types ({@code tool_search_tool_regex[_20251119]}, {@code ..._bm25[...]}). */
  public static boolean isAnthropicToolSearchBuiltinType(String type) {
    switch (type) {
      case "tool_search_tool_regex":
      case "tool_search_tool_regex_20251119":
      case "tool_search_tool_bm25":
      case "tool_search_tool_bm25_20251119":
        return true;
      default:
        return false;
    }
  }

  /** Responses dynamic-discovery builtin types ({@code namespace}, {@code tool_search}). */
  public static boolean isResponsesDynamicDiscoveryBuiltinType(String type) {
    return type.equals("namespace") || type.equals("tool_search");
  }

  /**
   * Converts tools to an OpenAI Chat {@code tools} array. Anthropic {@code web_search_20250305} (without
   * domain filters), Google {@code google_search}, Responses discovery builtins and Anthropic tool search are
   * dropped silently, as lingua does; any other unsupported tool is an error.
   *
   * @return empty when {@code tools} is empty or everything was dropped
   * @throws UnsupportedToolTypeException for tools Chat cannot carry
   */
  public static Optional<JsonArray> toOpenAIChat(List<Tool> tools) {
    if (tools.isEmpty()) {
      return Optional.empty();
    }
    JsonArray.Builder out = JsonArray.builder();
    for (Tool tool : tools) {
      try {
        out.add(tool.toOpenAIChat());
      } catch (UnsupportedToolTypeException e) {
        String t = e.toolType();
        boolean dropped =
            e.targetFormat() == ProviderFormat.OPENAI
                && (t.equals("web_search_20250305")
                    || t.equals("google_search")
                    || isResponsesDynamicDiscoveryBuiltinType(t)
                    || isAnthropicToolSearchBuiltinType(t));
        if (!dropped) {
          throw e;
        }
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out.build());
  }

  /**
   * Converts tools to an OpenAI Responses {@code tools} array.
   *
   * @return empty when {@code tools} is empty
   * @throws UnsupportedToolTypeException for tools Responses cannot carry
   */
  public static Optional<JsonArray> toResponses(List<Tool> tools) {
    if (tools.isEmpty()) {
      return Optional.empty();
    }
    JsonArray.Builder out = JsonArray.builder();
    for (Tool tool : tools) {
      out.add(tool.toResponses());
    }
    return Optional.of(out.build());
  }
}
