package dev.llmrouter.translate.rules;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.ReasoningEffort;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Model-gated rules of the OpenAI Responses codec, as data (lingua's openai/capabilities.rs, the parts the
 * Responses adapter uses): parameter stripping per model family, the reasoning-effort ranges each model
 * family accepts, explicit prompt-cache breakpoint support, and the provider's minimum
 * {@code max_output_tokens}.
 */
public final class ResponsesRules {
  private ResponsesRules() {}

  /** The smallest {@code max_output_tokens} OpenAI accepts; synthesized budgets are raised to it. */
  public static final long MIN_MAX_OUTPUT_TOKENS = 16;

  /** A rewrite a model family needs (lingua's {@code ModelTransform}). */
  public enum Transform {
    /** Remove {@code temperature} (reasoning models reject it). */
    STRIP_TEMPERATURE,
    /** Remove {@code top_p} (reasoning models reject it). */
    STRIP_TOP_P,
    /** Rename {@code max_tokens} to {@code max_completion_tokens} unless {@code max_output_tokens} is set. */
    FORCE_MAX_COMPLETION_TOKENS,
    /** Rename {@code max_completion_tokens} to {@code max_tokens}. */
    FORCE_MAX_TOKENS,
    /** Remove {@code stream_options}. */
    STRIP_STREAM_OPTIONS
  }

  /** A model-id prefix (lower case) and the transforms its family needs. */
  record FamilyRule(String prefix, Set<Transform> transforms) {}

  private static final Set<Transform> REASONING_MODEL =
      EnumSet.of(Transform.STRIP_TEMPERATURE, Transform.STRIP_TOP_P, Transform.FORCE_MAX_COMPLETION_TOKENS);

  /** First matching prefix wins; more specific prefixes first. */
  static final List<FamilyRule> TRANSFORM_TABLE =
      List.of(
          new FamilyRule("o1", REASONING_MODEL),
          new FamilyRule("o3", REASONING_MODEL),
          new FamilyRule("o4", REASONING_MODEL),
          new FamilyRule("gpt-5", REASONING_MODEL),
          new FamilyRule("mistral", EnumSet.of(Transform.FORCE_MAX_TOKENS)),
          new FamilyRule("magistral", EnumSet.of(Transform.FORCE_MAX_TOKENS)),
          new FamilyRule("codestral", EnumSet.of(Transform.FORCE_MAX_TOKENS)),
          new FamilyRule("pixstral", EnumSet.of(Transform.FORCE_MAX_TOKENS)),
          new FamilyRule("devstral", EnumSet.of(Transform.FORCE_MAX_TOKENS)),
          new FamilyRule("voxstral", EnumSet.of(Transform.FORCE_MAX_TOKENS)),
          new FamilyRule("databricks-", EnumSet.of(Transform.FORCE_MAX_TOKENS, Transform.STRIP_STREAM_OPTIONS)));

  /** The transforms {@code model} needs (case-insensitive prefix match); empty for other models. */
  public static Set<Transform> transformsFor(String model) {
    String lower = model.toLowerCase(Locale.ROOT);
    for (FamilyRule rule : TRANSFORM_TABLE) {
      if (lower.startsWith(rule.prefix())) {
        return rule.transforms();
      }
    }
    return Set.of();
  }

  /**
   * Applies {@code model}'s transforms to a request being built (lingua's {@code apply_model_transforms}):
   * e.g. gpt-5 and o-series requests lose {@code temperature} and {@code top_p}.
   */
  public static void applyModelTransforms(String model, JsonObject.Builder request) {
    for (Transform t : transformsFor(model)) {
      switch (t) {
        case STRIP_TEMPERATURE:
          request.remove("temperature");
          break;
        case STRIP_TOP_P:
          request.remove("top_p");
          break;
        case FORCE_MAX_COMPLETION_TOKENS:
          if (!request.has("max_output_tokens")) {
            moveIfAbsent(request, "max_tokens", "max_completion_tokens");
          }
          break;
        case FORCE_MAX_TOKENS:
          moveIfAbsent(request, "max_completion_tokens", "max_tokens");
          break;
        default:
          request.remove("stream_options");
          break;
      }
    }
  }

  private static void moveIfAbsent(JsonObject.Builder request, String from, String to) {
    JsonValue v = request.get(from).orElse(null);
    if (v != null) {
      request.remove(from);
      request.putIfAbsent(to, v);
    }
  }

  /** The model id lower-cased without an {@code openai/} prefix. */
  static String normalizeModel(String model) {
    String lower = model.toLowerCase(Locale.ROOT);
    return lower.startsWith("openai/") ? lower.substring("openai/".length()) : lower;
  }

  /**
   * Whether {@code model} accepts explicit prompt-cache breakpoints ({@code prompt_cache_breakpoint} parts
   * and {@code prompt_cache_options}): GPT-5.6 and later ({@code gpt-<major>.<minor>} at least 5.6).
   */
  public static boolean supportsPromptCacheBreakpoint(String model) {
    String m = normalizeModel(model);
    if (!m.startsWith("gpt-")) {
      return false;
    }
    String version = m.substring(4);
    int dot = version.indexOf('.');
    if (dot < 0) {
      return false;
    }
    long major = parseDigits(version, 0, dot, true);
    int end = dot + 1;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    long minor = parseDigits(version, dot + 1, end, false);
    if (major < 0 || minor < 0) {
      return false;
    }
    return major > 5 || (major == 5 && minor >= 6);
  }

  /** Digits of s[from, to) as a number; -1 when empty, too long, or (strict) not all digits. */
  private static long parseDigits(String s, int from, int to, boolean strict) {
    if (to <= from || to - from > 9) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        if (strict) {
          return -1;
        }
        break;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The reasoning efforts a model family accepts, and how others are clamped into the range. */
  enum EffortFamily {
    /** gpt-5.4 / gpt-5.2: none, low, medium, high, xhigh. */
    NONE_TO_XHIGH(
        EnumSet.of(
            ReasoningEffort.NONE, ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH)),
    /** gpt-5.6: none through max. */
    NONE_TO_MAX(
        EnumSet.of(
            ReasoningEffort.NONE,
            ReasoningEffort.LOW,
            ReasoningEffort.MEDIUM,
            ReasoningEffort.HIGH,
            ReasoningEffort.XHIGH,
            ReasoningEffort.MAX)),
    /** gpt-5.2-codex / gpt-5.3-codex: low, medium, high, xhigh. */
    LOW_TO_XHIGH(EnumSet.of(ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH)),
    /** gpt-5.1: none, low, medium, high. */
    NONE_TO_HIGH(EnumSet.of(ReasoningEffort.NONE, ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH)),
    /** gpt-5.1-codex: low, medium, high. */
    LOW_TO_HIGH(EnumSet.of(ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH)),
    /** gpt-5, gpt-5-nano, gpt-5-mini and other gpt-5-*: minimal, low, medium, high. */
    MINIMAL_TO_HIGH(EnumSet.of(ReasoningEffort.MINIMAL, ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH));

    private final Set<ReasoningEffort> allowed;

    EffortFamily(Set<ReasoningEffort> allowed) {
      this.allowed = allowed;
    }

    ReasoningEffort clamp(ReasoningEffort e) {
      if (allowed.contains(e)) {
        return e;
      }
      ReasoningEffort lowest = null;
      ReasoningEffort highest = null;
      for (ReasoningEffort a : allowed) {
        if (lowest == null) {
          lowest = a;
        }
        highest = a;
      }
      // Below the range (none/minimal) goes to the lowest allowed value, above it (xhigh/max) to the highest.
      if (e == ReasoningEffort.NONE || e == ReasoningEffort.MINIMAL) {
        return e == ReasoningEffort.MINIMAL && allowed.contains(ReasoningEffort.LOW) ? ReasoningEffort.LOW : lowest;
      }
      return highest;
    }
  }

  /** The effort family of {@code model} (gpt-5.x point releases, also as databricks-gpt-5-x ids); null if none. */
  static EffortFamily effortFamily(String model) {
    String m = normalizeModel(model);
    String release = null;
    if (m.startsWith("gpt-5.")) {
      release = m.substring("gpt-5.".length());
    } else if (m.startsWith("databricks-gpt-5-")) {
      release = m.substring("databricks-gpt-5-".length());
    }
    if (release != null) {
      if (release.startsWith("6")) {
        return EffortFamily.NONE_TO_MAX;
      }
      if (release.startsWith("2-codex") || release.startsWith("3-codex")) {
        return EffortFamily.LOW_TO_XHIGH;
      }
      if (release.startsWith("4") || release.startsWith("2")) {
        return EffortFamily.NONE_TO_XHIGH;
      }
      if (release.startsWith("1-codex")) {
        return EffortFamily.LOW_TO_HIGH;
      }
      if (release.startsWith("1")) {
        return EffortFamily.NONE_TO_HIGH;
      }
    }
    if (m.equals("gpt-5") || m.startsWith("gpt-5-")) {
      return EffortFamily.MINIMAL_TO_HIGH;
    }
    return null;
  }

  /**
   * Clamps a synthesized reasoning effort into the range {@code model} accepts (lingua's
   * {@code clamp_reasoning_effort_for_model}); unknown models keep the effort. For example max becomes
   * high on gpt-5-nano and xhigh on gpt-5.4, and none becomes minimal on gpt-5-nano.
   */
  public static ReasoningEffort clampReasoningEffort(String model, ReasoningEffort effort) {
    EffortFamily family = effortFamily(model);
    return family == null ? effort : family.clamp(effort);
  }
}
