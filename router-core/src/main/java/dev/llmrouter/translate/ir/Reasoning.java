package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Optional;

/**
 * Canonical reasoning / extended-thinking configuration (lingua's {@code ReasoningConfig} and
 * universal/reasoning.rs). When reasoning is on, both {@link #effort()} and {@link #budgetTokens()} are
 * usually populated, one derived from the other by the heuristics below; {@link #canonical()} records which
 * one the source used.
 *
 * <p>Heuristics (spec 1.6): effort to budget is a fraction of max tokens (minimal/low 0.25, medium 0.5,
 * high 0.75, xhigh/max 1.0; none gives 0), floored at {@value #MIN_THINKING_BUDGET}; {@value
 * #DEFAULT_MAX_TOKENS} stands in for a missing or non-positive max. Budget to effort uses the ratio: below
 * 0.35 low, below 0.65 medium, else high; a non-positive budget is none.
 *
 * @param enabled whether reasoning is on
 * @param effort the effort level
 * @param budgetTokens the thinking token budget
 * @param canonical which representation the source used
 * @param summary the summary mode (Responses)
 */
public record Reasoning(
    Optional<Boolean> enabled,
    Optional<ReasoningEffort> effort,
    Optional<Long> budgetTokens,
    Optional<ReasoningCanonical> canonical,
    Optional<SummaryMode> summary) {

  /** Multiplier for low (and minimal) effort. */
  public static final double EFFORT_LOW_MULTIPLIER = 0.25;
  /** Multiplier for medium effort. */
  public static final double EFFORT_MEDIUM_MULTIPLIER = 0.50;
  /** Multiplier for high effort. */
  public static final double EFFORT_HIGH_MULTIPLIER = 0.75;
  /** Multiplier for xhigh and max effort. */
  public static final double EFFORT_XHIGH_MULTIPLIER = 1.0;
  /** Ratio below which a budget is low effort. */
  public static final double EFFORT_LOW_THRESHOLD = 0.35;
  /** Ratio from which a budget is high effort. */
  public static final double EFFORT_HIGH_THRESHOLD = 0.65;
  /** The minimum thinking budget (Anthropic's). */
  public static final long MIN_THINKING_BUDGET = 1024;
  /** The max tokens assumed when none (or a non-positive value) is given. */
  public static final long DEFAULT_MAX_TOKENS = 4096;
  /** The effort used when reasoning is enabled without an effort or budget. */
  public static final ReasoningEffort DEFAULT_REASONING_EFFORT = ReasoningEffort.MEDIUM;

  /** An empty config. */
  public static final Reasoning EMPTY =
      new Reasoning(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** Normalizes null optionals. */
  public Reasoning {
    enabled = LinguaJson.opt(enabled);
    effort = LinguaJson.opt(effort);
    budgetTokens = LinguaJson.opt(budgetTokens);
    canonical = LinguaJson.opt(canonical);
    summary = LinguaJson.opt(summary);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.enabled = enabled.orElse(null);
    b.effort = effort.orElse(null);
    b.budgetTokens = budgetTokens.orElse(null);
    b.canonical = canonical.orElse(null);
    b.summary = summary.orElse(null);
    return b;
  }

  /** An explicitly disabled config ({@code enabled: false}). */
  public static Reasoning disabled() {
    return builder().enabled(false).build();
  }

  /** Whether {@link #enabled()} is true. */
  public boolean isEnabled() {
    return enabled.orElse(false);
  }

  /**
   * Whether this means "no reasoning": explicitly disabled, or nothing meaningful set (lingua leaves such
   * configs out of serialization).
   */
  public boolean isEffectivelyDisabled() {
    if (enabled.equals(Optional.of(false))) {
      return true;
    }
    return enabled.isEmpty() && effort.isEmpty() && budgetTokens.isEmpty() && summary.isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Heuristics
  // ---------------------------------------------------------------------------------------------

  private static long effectiveMax(Optional<Long> maxTokens) {
    return maxTokens != null && maxTokens.isPresent() && maxTokens.get() > 0
        ? maxTokens.get()
        : DEFAULT_MAX_TOKENS;
  }

  /** Effort to a token budget: a fraction of max tokens, at least {@value #MIN_THINKING_BUDGET}; none is 0. */
  public static long effortToBudget(ReasoningEffort effort, Optional<Long> maxTokens) {
    long max = effectiveMax(maxTokens);
    double multiplier;
    switch (effort) {
      case NONE:
        return 0;
      case MINIMAL:
      case LOW:
        multiplier = EFFORT_LOW_MULTIPLIER;
        break;
      case MEDIUM:
        multiplier = EFFORT_MEDIUM_MULTIPLIER;
        break;
      case HIGH:
        multiplier = EFFORT_HIGH_MULTIPLIER;
        break;
      default:
        multiplier = EFFORT_XHIGH_MULTIPLIER;
        break;
    }
    long budget = (long) Math.floor((double) max * multiplier);
    return Math.max(budget, MIN_THINKING_BUDGET);
  }

  /** A token budget to effort by its ratio to max tokens (low &lt; 0.35 &le; medium &lt; 0.65 &le; high). */
  public static ReasoningEffort budgetToEffort(long budget, Optional<Long> maxTokens) {
    long max = effectiveMax(maxTokens);
    if (budget <= 0) {
      return ReasoningEffort.NONE;
    }
    double ratio = (double) budget / (double) max;
    if (ratio < EFFORT_LOW_THRESHOLD) {
      return ReasoningEffort.LOW;
    }
    if (ratio < EFFORT_HIGH_THRESHOLD) {
      return ReasoningEffort.MEDIUM;
    }
    return ReasoningEffort.HIGH;
  }

  // ---------------------------------------------------------------------------------------------
  // From provider values
  // ---------------------------------------------------------------------------------------------

  /**
   * From an OpenAI effort (Chat {@code reasoning_effort}): enabled, effort canonical, budget derived from
   * {@code maxTokens}.
   */
  public static Reasoning fromOpenAIEffort(ReasoningEffort effort, Optional<Long> maxTokens) {
    return builder()
        .enabled(true)
        .effort(effort)
        .budgetTokens(effortToBudget(effort, maxTokens))
        .canonical(ReasoningCanonical.EFFORT)
        .build();
  }

  /**
   * From an OpenAI Responses {@code reasoning} object already read by the codec: enabled, effort canonical
   * (budget derived when an effort is given), and the summary ({@code summary}, else
   * {@code generate_summary}, mapped with {@link SummaryMode#fromOpenAI}).
   */
  public static Reasoning fromOpenAIReasoning(
      Optional<ReasoningEffort> effort, Optional<SummaryMode> summary, Optional<Long> maxTokens) {
    Builder b = builder().enabled(true).canonical(ReasoningCanonical.EFFORT);
    effort.ifPresent(e -> b.effort(e).budgetTokens(effortToBudget(e, maxTokens)));
    summary.ifPresent(b::summary);
    return b.build();
  }

  /**
   * From Anthropic's typed {@code thinking} ({@code {type: enabled|adaptive|disabled, budget_tokens?,
   * display?}}): enabled for enabled/adaptive, budget canonical, effort derived with the default max.
   *
   * @throws TranslationException when it is not such an object
   */
  public static Reasoning fromAnthropicThinking(JsonValue thinking) {
    if (!(thinking instanceof JsonObject o)) {
      throw new TranslationException(
          "invalid type: " + thinking.kind() + ", expected struct Thinking (field thinking)");
    }
    JsonValue type = o.getOrNull("type");
    if (type == null) {
      throw new TranslationException("missing field `type` (field thinking.type)");
    }
    String t = type.asString().orElse("");
    if (!t.equals("enabled") && !t.equals("adaptive") && !t.equals("disabled")) {
      throw new TranslationException(
          "unknown variant "
              + type.toJson()
              + ", expected one of `adaptive`, `disabled`, `enabled` (field thinking.type)");
    }
    JsonValue budget = o.getOrNull("budget_tokens");
    Optional<Long> budgetTokens = Optional.empty();
    if (budget != null && !budget.isNull()) {
      budgetTokens = LinguaJson.i64(budget);
      if (budgetTokens.isEmpty()) {
        throw new TranslationException(
            "invalid type: " + budget.kind() + ", expected i64 (field thinking.budget_tokens)");
      }
    }
    JsonValue display = o.getOrNull("display");
    if (display != null
        && !display.isNull()
        && !display.equals(JsonString.of("omitted"))
        && !display.equals(JsonString.of("summarized"))) {
      throw new TranslationException(
          "unknown variant "
              + display.toJson()
              + ", expected `omitted` or `summarized` (field thinking.display)");
    }
    Builder b =
        builder()
            .enabled(t.equals("enabled") || t.equals("adaptive"))
            .canonical(ReasoningCanonical.BUDGET_TOKENS);
    budgetTokens.ifPresent(v -> b.budgetTokens(v).effort(budgetToEffort(v, Optional.empty())));
    return b.build();
  }

  /**
   * From Google's {@code thinkingConfig} (lingua's value-based {@code from_google}): enabled from
   * {@code includeThoughts}, else {@code thinkingBudget > 0}; budget and derived effort from
   * {@code thinkingBudget}; canonical is the Google budget or include-thoughts form.
   */
  public static Reasoning fromGoogleThinkingConfig(JsonObject config) {
    Optional<Long> budget = LinguaJson.i64(config, "thinkingBudget");
    Optional<Boolean> enabled = config.getBoolean("includeThoughts");
    if (enabled.isEmpty()) {
      enabled = budget.map(v -> v > 0);
    }
    Builder b = builder();
    enabled.ifPresent(b::enabled);
    budget.ifPresent(v -> b.budgetTokens(v).effort(budgetToEffort(v, Optional.empty())));
    b.canonical(
        budget.isPresent()
            ? ReasoningCanonical.GOOGLE_THINKING_BUDGET
            : ReasoningCanonical.GOOGLE_INCLUDE_THOUGHTS);
    return b.build();
  }

  // ---------------------------------------------------------------------------------------------
  // To provider values (base rules; codecs refine them per model)
  // ---------------------------------------------------------------------------------------------

  /**
   * The base provider value (lingua's {@code to_provider}): Chat effort string, Responses
   * {@code reasoning} object, Anthropic/Converse {@code thinking}, Google {@code thinkingConfig}; other
   * formats give empty.
   */
  public Optional<JsonValue> toProvider(ProviderFormat format, Optional<Long> maxTokens) {
    switch (format) {
      case OPENAI:
        return toOpenAIChatEffort(maxTokens).map(JsonString::of);
      case RESPONSES:
        return toResponses(maxTokens).map(o -> o);
      case ANTHROPIC:
      case CONVERSE:
        return toAnthropicThinking(maxTokens).map(o -> o);
      case GOOGLE:
        return toGoogleThinkingConfig(maxTokens).map(o -> o);
      default:
        return Optional.empty();
    }
  }

  /** The effort to send when enabled: the effort, else derived from the budget, else medium. */
  private String enabledEffort(Optional<Long> maxTokens) {
    if (effort.isPresent()) {
      return effort.get().wire();
    }
    if (budgetTokens.isPresent()) {
      return budgetToEffort(budgetTokens.get(), maxTokens).wire();
    }
    return DEFAULT_REASONING_EFFORT.wire();
  }

  /** Chat {@code reasoning_effort}; empty unless enabled. */
  public Optional<String> toOpenAIChatEffort(Optional<Long> maxTokens) {
    if (!isEnabled()) {
      return Optional.empty();
    }
    return Optional.of(enabledEffort(maxTokens));
  }

  /** Responses {@code reasoning}: {@code {effort, summary?}}; empty unless enabled. */
  public Optional<JsonObject> toResponses(Optional<Long> maxTokens) {
    if (!isEnabled()) {
      return Optional.empty();
    }
    JsonObject.Builder b = JsonObject.builder().put("effort", enabledEffort(maxTokens));
    summary.ifPresent(s -> b.put("summary", s.wire()));
    return Optional.of(b.build());
  }

  private long enabledBudget(Optional<Long> maxTokens) {
    if (budgetTokens.isPresent()) {
      return budgetTokens.get();
    }
    return effort.map(e -> effortToBudget(e, maxTokens)).orElse(MIN_THINKING_BUDGET);
  }

  /**
   * Anthropic (and Bedrock) {@code thinking}: {@code {type: disabled}} when disabled or effort none,
   * {@code {type: enabled, budget_tokens}} when enabled, empty when unspecified.
   */
  public Optional<JsonObject> toAnthropicThinking(Optional<Long> maxTokens) {
    if (effort.equals(Optional.of(ReasoningEffort.NONE)) || enabled.equals(Optional.of(false))) {
      return Optional.of(JsonObject.of("type", JsonString.of("disabled")));
    }
    if (enabled.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        JsonObject.builder()
            .put("type", "enabled")
            .put("budget_tokens", enabledBudget(maxTokens))
            .build());
  }

  /**
   * Google {@code thinkingConfig}: {@code {thinkingBudget: 0}} when disabled or effort none,
   * {@code {includeThoughts: true, thinkingBudget}} when enabled, empty when unspecified.
   */
  public Optional<JsonObject> toGoogleThinkingConfig(Optional<Long> maxTokens) {
    if (effort.equals(Optional.of(ReasoningEffort.NONE)) || enabled.equals(Optional.of(false))) {
      return Optional.of(JsonObject.of("thinkingBudget", JsonValue.of(0)));
    }
    if (enabled.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        JsonObject.builder()
            .put("includeThoughts", true)
            .put("thinkingBudget", enabledBudget(maxTokens))
            .build());
  }

  /** Builds a {@link Reasoning}. */
  public static final class Builder {
    private Boolean enabled;
    private ReasoningEffort effort;
    private Long budgetTokens;
    private ReasoningCanonical canonical;
    private SummaryMode summary;

    private Builder() {}

    /** Sets or clears (null) enabled. */
    public Builder enabled(Boolean v) {
      enabled = v;
      return this;
    }

    /** Sets or clears (null) the effort. */
    public Builder effort(ReasoningEffort v) {
      effort = v;
      return this;
    }

    /** Sets or clears (null) the budget. */
    public Builder budgetTokens(Long v) {
      budgetTokens = v;
      return this;
    }

    /** Sets or clears (null) the canonical representation. */
    public Builder canonical(ReasoningCanonical v) {
      canonical = v;
      return this;
    }

    /** Sets or clears (null) the summary mode. */
    public Builder summary(SummaryMode v) {
      summary = v;
      return this;
    }

    /** The config. */
    public Reasoning build() {
      return new Reasoning(
          Optional.ofNullable(enabled),
          Optional.ofNullable(effort),
          Optional.ofNullable(budgetTokens),
          Optional.ofNullable(canonical),
          Optional.ofNullable(summary));
    }
  }
}
