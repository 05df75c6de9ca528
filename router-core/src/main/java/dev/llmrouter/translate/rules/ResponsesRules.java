package dev.llmrouter.translate.rules;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.translate.ir.ReasoningEffort;
import java.util.Set;

/**
 * Model-gated rules of the OpenAI Responses codec. lingua's Chat and Responses adapters share one table
 * (openai/capabilities.rs), so this is a view of {@link ChatCompletionsRules} under the Responses
 * codec's names: parameter rewrites per model family, reasoning-effort ranges, explicit prompt-cache
 * breakpoint support and the minimum {@code max_output_tokens}.
 */
public final class ResponsesRules {
  private ResponsesRules() {}

  /** The smallest {@code max_output_tokens} OpenAI accepts; synthesized budgets are raised to it. */
  public static final long MIN_MAX_OUTPUT_TOKENS = ChatCompletionsRules.MIN_MAX_COMPLETION_TOKENS;

  /** The transforms {@code model} needs (case-insensitive prefix match); empty for other models. */
  public static Set<ChatCompletionsRules.Transform> transformsFor(String model) {
    return ChatCompletionsRules.transformsFor(model);
  }

  /**
   * Applies {@code model}'s transforms to a request being built (lingua's {@code apply_model_transforms}):
   * e.g. gpt-5 and o-series requests lose {@code temperature} and {@code top_p}.
   */
  public static void applyModelTransforms(String model, JsonObject.Builder request) {
    ChatCompletionsRules.applyModelTransforms(model, request);
  }

  /** Whether {@code model} accepts explicit prompt-cache breakpoints (GPT-5.6 and later). */
  public static boolean supportsPromptCacheBreakpoint(String model) {
    return ChatCompletionsRules.supportsPromptCacheBreakpoint(model);
  }

  /**
   * Clamps a synthesized reasoning effort into the range {@code model} accepts (lingua's
   * {@code clamp_reasoning_effort_for_model}); unknown models keep the effort.
   */
  public static ReasoningEffort clampReasoningEffort(String model, ReasoningEffort effort) {
    return ChatCompletionsRules.clampReasoningEffort(model, effort);
  }
}
