package dev.llmrouter.translate.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Model-gated rules of the Anthropic Messages codecs (lingua's providers/anthropic/capabilities.rs), as one
 * data table: each {@link Capability} is decided by a pattern over the lower-cased model id. Model ids may be
 * direct ({@code claude-opus-4-7}), Bedrock ({@code us.anthropic.claude-opus-4-7-v1:0}) or Vertex
 * ({@code anthropic/claude-opus-4-7@20260401}, {@code publishers/anthropic/models/...}), so family tokens are
 * matched between the separators {@code . / : @} (and {@code -} after the family).
 *
 * <p>Patterns are compiled once; the capabilities of a model id are computed once and cached, so a request
 * pays a map lookup, not a regex run.
 */
public final class AnthropicRules {

  /** A model-gated behaviour of the Anthropic codecs. */
  public enum Capability {
    /** {@code output_config.effort} is accepted (Opus 4.5, 4.6, and every adaptive-thinking model). */
    OUTPUT_CONFIG_EFFORT,
    /** Thinking is sent as {@code {type: adaptive}} plus effort (Opus 4.7+, Sonnet 5+, Fable). */
    ADAPTIVE_THINKING,
    /** Thinking is always on: {@code {type: disabled}} is rejected (Fable, Mythos). */
    ALWAYS_ON_THINKING,
    /** Claude Opus 5: disabled thinking cannot be combined with xhigh or max effort. */
    OPUS_5,
    /** {@code temperature}, {@code top_p} and {@code top_k} are removed (Opus 4.7+, Sonnet 5+, Fable). */
    STRIP_SAMPLING_PARAMS,
    /** {@code role: "system"} turns inside {@code messages} are accepted (Claude models off the denylist). */
    MID_CONVERSATION_SYSTEM
  }

  /** The sampling parameters {@link Capability#STRIP_SAMPLING_PARAMS} removes. */
  public static final List<String> SAMPLING_PARAMS = List.of("temperature", "top_p", "top_k");

  /** Opus 4.7 and later, Sonnet 5 and later, and any Fable model. */
  private static final String OPUS_4_7_OR_LATER =
      "(^|[./:@])claude-(opus-(4[-.]([7-9]|[1-9]\\d)|([5-9]|[1-9]\\d)([-.]\\d{1,2})?)"
          + "|sonnet-([5-9]|[1-9]\\d)([-.]\\d{1,2})?|fable-[a-z0-9][a-z0-9.-]*)($|[-./:@])";

  /**
   * A rule of the table: the capability, and the pattern (searched anywhere in the lower-cased id) that
   * grants it, or for a {@code negated} rule the pattern that withholds it from Claude models.
   */
  private record Rule(Capability capability, Pattern pattern, boolean negated) {
    boolean appliesTo(String lowerModel) {
      boolean found = pattern.matcher(lowerModel).find();
      if (negated) {
        return lowerModel.contains("claude") && !found;
      }
      return found;
    }
  }

  private static final List<Rule> TABLE =
      List.of(
          // Opus 4.5/4.6 by token prefix, plus every Opus 4.7+ / Sonnet 5+ / Fable model.
          new Rule(
              Capability.OUTPUT_CONFIG_EFFORT,
              Pattern.compile("(^|[./:@])claude-opus-4-[56]|" + OPUS_4_7_OR_LATER),
              false),
          new Rule(Capability.ADAPTIVE_THINKING, Pattern.compile(OPUS_4_7_OR_LATER), false),
          new Rule(
              Capability.ALWAYS_ON_THINKING,
              Pattern.compile(
                  "(^|[./:@])claude-(fable-[a-z0-9][a-z0-9.-]*|mythos-[a-z0-9][a-z0-9.-]*)($|[-./:@])"),
              false),
          new Rule(Capability.OPUS_5, Pattern.compile("(^|[./:@])claude-opus-5($|[-./:@])"), false),
          new Rule(Capability.STRIP_SAMPLING_PARAMS, Pattern.compile(OPUS_4_7_OR_LATER), false),
          // Denylist, verified by lingua against the live API on 2026-07-16: Opus 4.1-4.7, Sonnet 4.x and
          // Haiku 4.x reject mid-conversation system turns; other Claude models accept them; non-Claude
          // models never do.
          new Rule(
              Capability.MID_CONVERSATION_SYSTEM,
              Pattern.compile(
                  "(^|[./:@])claude-(?:opus-4[-.][1-7]|sonnet-4(?:[-.]\\d{1,2})?|haiku-4(?:[-.]\\d{1,2})?)"
                      + "($|[-./:@])"),
              true));

  private static final int CACHE_LIMIT = 1024;
  private static final Map<String, Set<Capability>> CACHE = new ConcurrentHashMap<>();

  private AnthropicRules() {}

  /** The capabilities of {@code model} (computed once per distinct id; the set is read-only). */
  public static Set<Capability> capabilities(String model) {
    if (model == null) {
      return Set.of();
    }
    Set<Capability> cached = CACHE.get(model);
    if (cached != null) {
      return cached;
    }
    String lower = model.toLowerCase(Locale.ROOT);
    EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
    for (Rule r : TABLE) {
      if (r.appliesTo(lower)) {
        caps.add(r.capability());
      }
    }
    Set<Capability> result = java.util.Collections.unmodifiableSet(caps);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(model, result);
    return result;
  }

  /** The last model asked about and its capabilities: requests ask several times about one model. */
  private record Last(String model, Set<Capability> capabilities) {}

  private static volatile Last last;

  /** Whether {@code model} has {@code capability}. */
  public static boolean has(String model, Capability capability) {
    if (model == null) {
      return false;
    }
    Last l = last;
    if (l == null || !l.model.equals(model)) {
      l = new Last(model, capabilities(model));
      last = l;
    }
    return l.capabilities.contains(capability);
  }

  /** Whether {@code model} accepts {@code output_config.effort} (lingua's {@code supports_output_config_effort}). */
  public static boolean supportsOutputConfigEffort(String model) {
    return has(model, Capability.OUTPUT_CONFIG_EFFORT);
  }

  /** Whether {@code model} uses adaptive thinking (lingua's {@code supports_adaptive_thinking}). */
  public static boolean supportsAdaptiveThinking(String model) {
    return has(model, Capability.ADAPTIVE_THINKING);
  }

  /** Whether {@code model} accepts {@code thinking: {type: disabled}} (not Fable or Mythos). */
  public static boolean supportsDisablingThinking(String model) {
    return !has(model, Capability.ALWAYS_ON_THINKING);
  }

  /** Whether {@code model} is a Claude Opus 5 model. */
  public static boolean isOpus5(String model) {
    return has(model, Capability.OPUS_5);
  }

  /** Whether {@code model} drops temperature, top_p and top_k (lingua's {@code StripSamplingParams}). */
  public static boolean stripsSamplingParams(String model) {
    return has(model, Capability.STRIP_SAMPLING_PARAMS);
  }

  /** Whether {@code model} accepts {@code role: "system"} turns inside {@code messages}. */
  public static boolean supportsMidConversationSystemMessages(String model) {
    return has(model, Capability.MID_CONVERSATION_SYSTEM);
  }
}
