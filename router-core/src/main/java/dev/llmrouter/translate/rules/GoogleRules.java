package dev.llmrouter.translate.rules;

import dev.llmrouter.translate.ir.ReasoningEffort;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Model-gated rules of the Gemini codec (lingua's providers/google/capabilities.rs and the constants of
 * its adapter), kept as data so new model ids are a table edit:
 *
 * <ul>
 *   <li>which thinking configuration a model takes: Gemini 3+ {@code thinkingLevel} (effort-based), Gemini
 *       2.5 / 2.0 and unknown ids {@code thinkingBudget} (token-based);
 *   <li>which models need a thought signature on replayed function-call history (the thinkingLevel
 *       models), and the documented dummy signature used for history that came from elsewhere;
 *   <li>which models accept {@code thinkingBudget: 0} to turn thinking off (Gemini 2.5 Flash and
 *       Flash-Lite, not their image / TTS / audio variants; 2.5 Pro rejects 0);
 *   <li>the mapping between Gemini thinking levels and portable effort levels.
 * </ul>
 *
 * <p>Model ids are compared case-insensitively after removing a Vertex
 * ({@code publishers/google/models/}) or Gemini API ({@code models/}) prefix.
 */
public final class GoogleRules {
  private GoogleRules() {}

  /** How a Gemini model configures thinking (lingua's {@code GoogleThinkingStyle}). */
  public enum ThinkingStyle {
    /** Gemini 3+: {@code thinkingConfig.thinkingLevel} (LOW / MEDIUM / HIGH / MINIMAL). */
    THINKING_LEVEL,
    /** Gemini 2.5 and older or unknown models: {@code thinkingConfig.thinkingBudget} in tokens. */
    THINKING_BUDGET,
    /** Models without thinking support (not produced by the table today; kept for completeness). */
    NONE
  }

  /**
   * One row of the thinking-style table: model ids starting with {@code prefix} (normalized) use
   * {@code style}.
   *
   * @param prefix the lowercase model-id prefix
   * @param style the thinking style of matching models
   */
  public record StyleRule(String prefix, ThinkingStyle style) {}

  /** The thinking-style table, first match wins; ids that match no row use {@link #DEFAULT_STYLE}. */
  public static final List<StyleRule> THINKING_STYLES =
      List.of(
          new StyleRule("gemini-3", ThinkingStyle.THINKING_LEVEL),
          new StyleRule("gemini-2.5", ThinkingStyle.THINKING_BUDGET),
          new StyleRule("gemini-2.0", ThinkingStyle.THINKING_BUDGET));

  /** The style of unknown or absent models: budget-based, the backwards-compatible choice. */
  public static final ThinkingStyle DEFAULT_STYLE = ThinkingStyle.THINKING_BUDGET;

  /** Model-id prefix of the models that accept {@code thinkingBudget: 0}. */
  public static final String DISABLE_THINKING_PREFIX = "gemini-2.5-flash";

  /** Keywords of {@link #DISABLE_THINKING_PREFIX} variants that take no thinkingConfig at all. */
  public static final List<String> NO_THINKING_CONFIG_KEYWORDS = List.of("image", "tts", "audio");

  /**
   * The thought signature Google documents for function-call history that a Gemini model did not produce
   * (history transferred from another provider); only the first call of a step is validated.
   */
  public static final String DUMMY_THOUGHT_SIGNATURE = "skip_thought_signature_validator";

  private static final String VERTEX_PREFIX = "publishers/google/models/";
  private static final String GEMINI_API_PREFIX = "models/";

  /**
   * The model id without its Vertex ({@code publishers/google/models/}) or Gemini API
   * ({@code models/}) prefix, lowercased.
   */
  public static String normalizeModelId(String model) {
    String m = model;
    if (m.startsWith(VERTEX_PREFIX)) {
      m = m.substring(VERTEX_PREFIX.length());
    } else if (m.startsWith(GEMINI_API_PREFIX)) {
      m = m.substring(GEMINI_API_PREFIX.length());
    }
    return m.toLowerCase(Locale.ROOT);
  }

  /** The thinking style of {@code model} (lingua's {@code GoogleCapabilities::detect}). */
  public static ThinkingStyle thinkingStyle(Optional<String> model) {
    if (model.isEmpty()) {
      return DEFAULT_STYLE;
    }
    String m = normalizeModelId(model.get());
    for (StyleRule rule : THINKING_STYLES) {
      if (m.startsWith(rule.prefix())) {
        return rule.style();
      }
    }
    return DEFAULT_STYLE;
  }

  /**
   * Whether replayed function-call history needs a thought signature for {@code model} (true for the
   * thinkingLevel models), so transferred history gets {@link #DUMMY_THOUGHT_SIGNATURE}.
   */
  public static boolean requiresThoughtSignatureForFunctionCallHistory(Optional<String> model) {
    return thinkingStyle(model) == ThinkingStyle.THINKING_LEVEL;
  }

  /**
   * Whether {@code model} accepts {@code thinkingBudget: 0} to turn thinking off (lingua's
   * {@code supports_disabling_thinking}).
   */
  public static boolean supportsDisablingThinking(Optional<String> model) {
    if (model.isEmpty()) {
      return false;
    }
    String m = normalizeModelId(model.get());
    if (!m.startsWith(DISABLE_THINKING_PREFIX)) {
      return false;
    }
    for (String keyword : NO_THINKING_CONFIG_KEYWORDS) {
      if (m.contains(keyword)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Gemini {@code thinkingLevel} as an effort: MINIMAL, LOW, MEDIUM, HIGH map to themselves and
   * {@code THINKING_LEVEL_UNSPECIFIED} to high (Google's default); empty for an unknown level.
   */
  public static Optional<ReasoningEffort> thinkingLevelToEffort(String level) {
    switch (level) {
      case "MINIMAL":
        return Optional.of(ReasoningEffort.MINIMAL);
      case "LOW":
        return Optional.of(ReasoningEffort.LOW);
      case "MEDIUM":
        return Optional.of(ReasoningEffort.MEDIUM);
      case "HIGH":
      case "THINKING_LEVEL_UNSPECIFIED":
        return Optional.of(ReasoningEffort.HIGH);
      default:
        return Optional.empty();
    }
  }

  /**
   * An effort as a Gemini {@code thinkingLevel}: none is {@code THINKING_LEVEL_UNSPECIFIED}, xhigh and max
   * are clamped to {@code HIGH}.
   */
  public static String effortToThinkingLevel(ReasoningEffort effort) {
    switch (effort) {
      case NONE:
        return "THINKING_LEVEL_UNSPECIFIED";
      case MINIMAL:
        return "MINIMAL";
      case LOW:
        return "LOW";
      case MEDIUM:
        return "MEDIUM";
      default:
        return "HIGH";
    }
  }
}
