package dev.llmrouter.translate;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Model- and request-gated rules that decide how a request is routed through the translation layer,
 * kept in one table rather than scattered through codecs. (Codec-specific parameter rules live in the
 * codecs' own rule tables in {@code dev.llmrouter.translate.rules}.)
 */
public final class ModelRules {
  /**
   * Chat model families whose requests lingua always re-serializes, with the top-level keys that the
   * re-serialization changes for them.
   */
  private static final List<ChatFamily> CHAT_FAMILIES =
      List.of(
          // Reasoning models: no temperature/top_p, max_completion_tokens instead of max_tokens,
          // reasoning_effort clamped to the family's range.
          new ChatFamily(
              List.of("o1", "o3", "o4", "gpt-5"),
              List.of("temperature", "top_p", "max_tokens", "reasoning_effort")),
          // Mistral family: max_tokens instead of max_completion_tokens.
          new ChatFamily(
              List.of("mistral", "magistral", "codestral", "pixtral", "pixstral", "devstral", "voxtral", "voxstral"),
              List.of("max_completion_tokens")),
          // Databricks serving endpoints: max_tokens, and no stream_options.
          new ChatFamily(List.of("databricks-"), List.of("max_completion_tokens", "stream_options")));

  private ModelRules() {}

  /** A model family (by id prefix) and the keys whose presence makes a same-format body need rewriting. */
  private record ChatFamily(List<String> prefixes, List<String> affectedKeys) {
    boolean matches(String model) {
      for (String p : prefixes) {
        if (model.startsWith(p)) {
          return true;
        }
      }
      return false;
    }
  }

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

  /**
   * Whether a same-format Chat request must still go through the IR because a model rule rewrites it
   * (lingua's {@code request_model_needs_forced_translation}). lingua forces translation for every request
   * of those model families; we only do so when the body has a key the rule changes, so a body that is
   * already right for the model stays zero-copy (a deliberate improvement).
   */
  public static boolean forcesChatTranslation(
      ProviderFormat target, RequestShape shape, Optional<String> modelOverride) {
    if (target != ProviderFormat.OPENAI) {
      return false;
    }
    for (String model : new String[] {shape.model().orElse(null), modelOverride.orElse(null)}) {
      if (model == null) {
        continue;
      }
      String m = model.toLowerCase(Locale.ROOT);
      for (ChatFamily family : CHAT_FAMILIES) {
        if (family.matches(m)) {
          for (String key : family.affectedKeys()) {
            if (shape.hasKey(key)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
