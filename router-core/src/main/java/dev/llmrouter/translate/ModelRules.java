package dev.llmrouter.translate;

import java.util.Locale;

/**
 * Model- and request-gated translation rules, kept in one place rather than scattered through codecs.
 * The translation engine adds its rules here (sampling parameters per model family, thinking styles).
 */
public final class ModelRules {
  private ModelRules() {}

  /**
   * The Responses upgrade: a Chat Completions request with a {@code reasoning_effort} other than
   * {@code none} and a non-empty {@code tools} array goes to the Responses API instead, because OpenAI
   * only combines reasoning with tools there. Never for Gemini models ({@code gemini-*},
   * {@code models/gemini-*}), which serve Chat Completions through Google's compatible endpoint.
   *
   * @param model the model the request will carry (the route's model unless the body's is preserved)
   */
  public static boolean upgradesChatToResponses(RequestShape shape, String model) {
    String effort = shape.reasoningEffort().orElse(null);
    if (effort == null || "none".equals(effort) || shape.toolCount() == 0) {
      return false;
    }
    String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
    return !(m.startsWith("gemini-") || m.startsWith("models/gemini-"));
  }
}
