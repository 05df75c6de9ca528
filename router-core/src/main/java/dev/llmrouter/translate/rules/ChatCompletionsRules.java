package dev.llmrouter.translate.rules;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.ReasoningEffort;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Model-gated rules of the OpenAI Chat Completions target (lingua's providers/openai/capabilities.rs): which
 * request keys a model family rewrites, which reasoning efforts a model accepts, and which models take
 * explicit prompt-cache breakpoints. Everything here is data plus small lookups; the codec applies it.
 */
public final class ChatCompletionsRules {
  private ChatCompletionsRules() {}

  /** The smallest {@code max_completion_tokens} OpenAI accepts; a synthesized budget is raised to it. */
  public static final long MIN_MAX_COMPLETION_TOKENS = 16;

  /** A rewrite of the request body required by a model family. */
  public enum Transform {
    /** Remove {@code temperature} (reasoning models reject it). */
    STRIP_TEMPERATURE,
    /** Remove {@code top_p} (reasoning models reject it). */
    STRIP_TOP_P,
    /** Rename {@code max_tokens} to {@code max_completion_tokens} (unless {@code max_output_tokens} is set). */
    FORCE_MAX_COMPLETION_TOKENS,
    /** Rename {@code max_completion_tokens} to {@code max_tokens} (Mistral and Databricks). */
    FORCE_MAX_TOKENS,
    /** Remove {@code stream_options} (Databricks). */
    STRIP_STREAM_OPTIONS
  }

  /**
   * A model-id prefix (matched case-insensitively) and its transforms.
   *
   * @param prefix the lowercase model prefix
   * @param transforms the rewrites the family needs
   */
  public record PrefixRule(String prefix, Set<Transform> transforms) {
    /** Copies the transform set. */
    public PrefixRule {
      transforms = Set.copyOf(transforms);
    }
  }

  private static final Set<Transform> REASONING =
      EnumSet.of(Transform.STRIP_TEMPERATURE, Transform.STRIP_TOP_P, Transform.FORCE_MAX_COMPLETION_TOKENS);
  private static final Set<Transform> MAX_TOKENS_ONLY = EnumSet.of(Transform.FORCE_MAX_TOKENS);

  /**
   * The model families and their rewrites, first match wins (lingua's {@code MODEL_TRANSFORM_RULES}).
   * lingua spells two Mistral families {@code pixstral} and {@code voxstral}; those prefixes are kept, and
   * the real model names {@code pixtral} and {@code voxtral} are added (a deliberate fix).
   */
  public static final List<PrefixRule> MODEL_TRANSFORM_RULES =
      List.of(
          new PrefixRule("o1", REASONING),
          new PrefixRule("o3", REASONING),
          new PrefixRule("o4", REASONING),
          new PrefixRule("gpt-5", REASONING),
          new PrefixRule("mistral", MAX_TOKENS_ONLY),
          new PrefixRule("magistral", MAX_TOKENS_ONLY),
          new PrefixRule("codestral", MAX_TOKENS_ONLY),
          new PrefixRule("pixstral", MAX_TOKENS_ONLY),
          new PrefixRule("pixtral", MAX_TOKENS_ONLY),
          new PrefixRule("devstral", MAX_TOKENS_ONLY),
          new PrefixRule("voxstral", MAX_TOKENS_ONLY),
          new PrefixRule("voxtral", MAX_TOKENS_ONLY),
          new PrefixRule(
              "databricks-", EnumSet.of(Transform.FORCE_MAX_TOKENS, Transform.STRIP_STREAM_OPTIONS)));

  /** The transforms {@code model} needs (empty for models outside every family). */
  public static Set<Transform> transformsFor(String model) {
    String lower = asciiLower(model);
    for (PrefixRule rule : MODEL_TRANSFORM_RULES) {
      if (lower.startsWith(rule.prefix())) {
        return rule.transforms();
      }
    }
    return Set.of();
  }

  /** Whether {@code model} belongs to a family with rewrites (lingua's {@code model_needs_transforms}). */
  public static boolean modelNeedsTransforms(String model) {
    return !transformsFor(model).isEmpty();
  }

  /** Applies {@code model}'s rewrites to a request body under construction (lingua's {@code apply_model_transforms}). */
  public static void applyModelTransforms(String model, JsonObject.Builder body) {
    for (Transform t : transformsFor(model)) {
      switch (t) {
        case STRIP_TEMPERATURE:
          body.remove("temperature");
          break;
        case STRIP_TOP_P:
          body.remove("top_p");
          break;
        case FORCE_MAX_COMPLETION_TOKENS:
          if (!body.has("max_output_tokens")) {
            moveIfAbsent(body, "max_tokens", "max_completion_tokens");
          }
          break;
        case FORCE_MAX_TOKENS:
          moveIfAbsent(body, "max_completion_tokens", "max_tokens");
          break;
        default:
          body.remove("stream_options");
          break;
      }
    }
  }

  /** Removes {@code from}; its value goes to {@code to} unless {@code to} is already set. */
  private static void moveIfAbsent(JsonObject.Builder body, String from, String to) {
    Optional<JsonValue> value = body.get(from);
    if (value.isPresent()) {
      body.remove(from);
      body.putIfAbsent(to, value.get());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Prompt-cache breakpoints
  // ---------------------------------------------------------------------------------------------

  /**
   * Whether {@code model} accepts explicit prompt-cache breakpoints ({@code prompt_cache_breakpoint} parts,
   * {@code prompt_cache_options}): GPT-5.6 and later ({@code gpt-<major>.<minor>...} with
   * {@code (major, minor) >= (5, 6)}, an {@code openai/} prefix allowed).
   */
  public static boolean supportsPromptCacheBreakpoint(String model) {
    String m = normalizeModelName(model);
    if (!m.startsWith("gpt-")) {
      return false;
    }
    String version = m.substring(4);
    int dot = version.indexOf('.');
    if (dot < 0) {
      return false;
    }
    long major = parseDigits(version, 0, dot);
    int end = dot + 1;
    while (end < version.length() && isDigit(version.charAt(end))) {
      end++;
    }
    long minor = parseDigits(version, dot + 1, end);
    if (major < 0 || minor < 0) {
      return false;
    }
    return major > 5 || (major == 5 && minor >= 6);
  }

  /** The value of the digits in {@code s[from, to)} (a u32), or -1 when empty, not all digits, or too large. */
  private static long parseDigits(String s, int from, int to) {
    if (from >= to || to - from > 10) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v > 0xFFFF_FFFFL ? -1 : v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ---------------------------------------------------------------------------------------------
  // Reasoning effort families
  // ---------------------------------------------------------------------------------------------

  /** A set of reasoning efforts a model family accepts, with how out-of-range efforts are clamped. */
  public enum EffortFamily {
    /** gpt-5.2 / 5.4: none, low, medium, high, xhigh. */
    NONE_TO_XHIGH(
        EnumSet.of(
            ReasoningEffort.NONE,
            ReasoningEffort.LOW,
            ReasoningEffort.MEDIUM,
            ReasoningEffort.HIGH,
            ReasoningEffort.XHIGH)),
    /** gpt-5.6: none, low, medium, high, xhigh, max. */
    NONE_TO_MAX(
        EnumSet.of(
            ReasoningEffort.NONE,
            ReasoningEffort.LOW,
            ReasoningEffort.MEDIUM,
            ReasoningEffort.HIGH,
            ReasoningEffort.XHIGH,
            ReasoningEffort.MAX)),
    /** gpt-5.2-codex / 5.3-codex: low, medium, high, xhigh. */
    LOW_TO_XHIGH(
        EnumSet.of(ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH, ReasoningEffort.XHIGH)),
    /** gpt-5.1: none, low, medium, high. */
    NONE_TO_HIGH(
        EnumSet.of(ReasoningEffort.NONE, ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH)),
    /** gpt-5.1-codex: low, medium, high. */
    LOW_TO_HIGH(EnumSet.of(ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH)),
    /** gpt-5, gpt-5-mini, gpt-5-nano and other gpt-5- models: minimal, low, medium, high. */
    MINIMAL_TO_HIGH(
        EnumSet.of(ReasoningEffort.MINIMAL, ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH));

    private final Set<ReasoningEffort> allowed;

    EffortFamily(Set<ReasoningEffort> allowed) {
      this.allowed = allowed;
    }

    /** Whether the family accepts {@code effort}. */
    public boolean contains(ReasoningEffort effort) {
      return allowed.contains(effort);
    }

    /** {@code effort} moved to the nearest accepted value (lingua's clamp table). */
    public ReasoningEffort clamp(ReasoningEffort effort) {
      if (contains(effort)) {
        return effort;
      }
      boolean lowFloor = this == LOW_TO_XHIGH || this == LOW_TO_HIGH;
      boolean highCeiling = this == NONE_TO_HIGH || this == LOW_TO_HIGH || this == MINIMAL_TO_HIGH;
      switch (effort) {
        case NONE:
          if (this == MINIMAL_TO_HIGH) {
            return ReasoningEffort.MINIMAL;
          }
          return lowFloor ? ReasoningEffort.LOW : effort;
        case MINIMAL:
          return ReasoningEffort.LOW;
        case XHIGH:
          return highCeiling ? ReasoningEffort.HIGH : effort;
        case MAX:
          return highCeiling ? ReasoningEffort.HIGH : ReasoningEffort.XHIGH;
        default:
          return effort;
      }
    }
  }

  /**
   * The effort family of {@code model} (lingua's {@code reasoning_effort_family_for_model}); dotted point
   * releases ({@code gpt-5.6}) and Databricks dashed ids ({@code databricks-gpt-5-6}) select the same family.
   */
  public static Optional<EffortFamily> effortFamily(String model) {
    String m = normalizeModelName(model);
    String release = null;
    if (m.startsWith("gpt-5.")) {
      release = m.substring("gpt-5.".length());
    } else if (m.startsWith("databricks-gpt-5-")) {
      release = m.substring("databricks-gpt-5-".length());
    }
    if (release != null) {
      if (release.startsWith("6")) {
        return Optional.of(EffortFamily.NONE_TO_MAX);
      }
      if (release.startsWith("4") || release.startsWith("2")) {
        return Optional.of(
            release.startsWith("2-codex") ? EffortFamily.LOW_TO_XHIGH : EffortFamily.NONE_TO_XHIGH);
      }
      if (release.startsWith("3-codex")) {
        return Optional.of(EffortFamily.LOW_TO_XHIGH);
      }
      if (release.startsWith("1-codex")) {
        return Optional.of(EffortFamily.LOW_TO_HIGH);
      }
      if (release.startsWith("1")) {
        return Optional.of(EffortFamily.NONE_TO_HIGH);
      }
    }
    if (m.equals("gpt-5") || m.startsWith("gpt-5-")) {
      return Optional.of(EffortFamily.MINIMAL_TO_HIGH);
    }
    return Optional.empty();
  }

  /**
   * A synthesized effort clamped to what {@code model} accepts (lingua's
   * {@code clamp_reasoning_effort_for_model}); unknown models keep the effort. Raw same-format values are
   * not clamped by the codec.
   */
  public static ReasoningEffort clampReasoningEffort(String model, ReasoningEffort effort) {
    return effortFamily(model).map(f -> f.clamp(effort)).orElse(effort);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** The model id lowercased (ASCII) without an {@code openai/} prefix. */
  static String normalizeModelName(String model) {
    String lower = asciiLower(model);
    return lower.startsWith("openai/") ? lower.substring("openai/".length()) : lower;
  }

  /** ASCII-only lowercase, as Rust's {@code to_ascii_lowercase}; returns {@code s} when unchanged. */
  static String asciiLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < chars.length; j++) {
          char d = chars[j];
          if (d >= 'A' && d <= 'Z') {
            chars[j] = (char) (d + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return s;
  }
}
