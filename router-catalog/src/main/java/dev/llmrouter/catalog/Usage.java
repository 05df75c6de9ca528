package dev.llmrouter.catalog;

import java.util.Objects;

/**
 * Token counts of one call, normalized so that every bucket is billed once: uncached input, cache
 * reads, cache writes (5-minute, 1-hour, and TTL not reported), and output. {@link #outputTokens()}
 * includes reasoning; {@link #reasoningTokens()} is an informational subset of it.
 *
 * <p>Providers report usage with different conventions: OpenAI counts cached tokens inside the prompt
 * count (inclusive), Anthropic and Bedrock Converse report cache buckets beside the input count
 * (exclusive), Gemini counts cached tokens inside the prompt but thoughts beside the candidates. The
 * {@code from*} factories apply each convention; use them rather than the builder when reading a
 * provider response. Immutable; every count is at least zero.
 */
public final class Usage {
  private final long uncachedInputTokens;
  private final long cacheReadTokens;
  private final long cacheWrite5mTokens;
  private final long cacheWrite1hTokens;
  private final long cacheWriteUnspecifiedTokens;
  private final long outputTokens;
  private final long reasoningTokens;

  private Usage(Builder b) {
    this.uncachedInputTokens = b.uncachedInputTokens;
    this.cacheReadTokens = b.cacheReadTokens;
    this.cacheWrite5mTokens = b.cacheWrite5mTokens;
    this.cacheWrite1hTokens = b.cacheWrite1hTokens;
    this.cacheWriteUnspecifiedTokens = b.cacheWriteUnspecifiedTokens;
    this.outputTokens = b.outputTokens;
    this.reasoningTokens = b.reasoningTokens;
  }

  /** A builder with every count zero. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these counts. */
  public Builder toBuilder() {
    return new Builder()
        .uncachedInputTokens(uncachedInputTokens)
        .cacheReadTokens(cacheReadTokens)
        .cacheWrite5mTokens(cacheWrite5mTokens)
        .cacheWrite1hTokens(cacheWrite1hTokens)
        .cacheWriteUnspecifiedTokens(cacheWriteUnspecifiedTokens)
        .outputTokens(outputTokens)
        .reasoningTokens(reasoningTokens);
  }

  /**
   * OpenAI Chat Completions ({@code usage.prompt_tokens}, {@code completion_tokens},
   * {@code prompt_tokens_details.cached_tokens}, {@code completion_tokens_details.reasoning_tokens})
   * and OpenAI Responses ({@code input_tokens}, {@code output_tokens},
   * {@code input_tokens_details.cached_tokens}, {@code output_tokens_details.reasoning_tokens}).
   * Inclusive convention: the prompt count includes the cached tokens, and the completion count
   * includes the reasoning tokens. Uncached input is {@code prompt - cached}; output is
   * {@code completion}. Pass 0 for details the response leaves out.
   *
   * @throws IllegalArgumentException if a count is negative, cached exceeds prompt, or reasoning exceeds
   *     completion
   */
  public static Usage fromOpenAi(long promptTokens, long completionTokens, long cachedTokens,
      long reasoningTokens) {
    requireNonNegative("prompt_tokens", promptTokens);
    requireNonNegative("completion_tokens", completionTokens);
    requireNonNegative("cached_tokens", cachedTokens);
    requireNonNegative("reasoning_tokens", reasoningTokens);
    requireSubset("cached_tokens", cachedTokens, "prompt_tokens", promptTokens);
    requireSubset("reasoning_tokens", reasoningTokens, "completion_tokens", completionTokens);
    return builder()
        .uncachedInputTokens(promptTokens - cachedTokens)
        .cacheReadTokens(cachedTokens)
        .outputTokens(completionTokens)
        .reasoningTokens(reasoningTokens)
        .build();
  }

  /**
   * Anthropic Messages ({@code usage.input_tokens}, {@code output_tokens},
   * {@code cache_read_input_tokens}, {@code cache_creation.ephemeral_5m_input_tokens},
   * {@code cache_creation.ephemeral_1h_input_tokens}, {@code cache_creation_input_tokens}).
   * Exclusive convention: {@code input_tokens} counts only the tokens after the last cache breakpoint,
   * so cache reads and writes are added beside it, never subtracted. Output includes extended-thinking
   * tokens (billed as output); Anthropic does not report them apart, so reasoning is 0.
   *
   * <p>{@code cacheCreationUnspecified} is the part of {@code cache_creation_input_tokens} that has no
   * TTL breakdown: pass {@code cache_creation_input_tokens} when the response has no
   * {@code cache_creation} object, and 0 when it has one (its 5m and 1h counts then sum to the total;
   * passing the total as well would bill those tokens twice).
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public static Usage fromAnthropic(long inputTokens, long outputTokens, long cacheReadInputTokens,
      long cacheCreation5m, long cacheCreation1h, long cacheCreationUnspecified) {
    requireNonNegative("input_tokens", inputTokens);
    requireNonNegative("output_tokens", outputTokens);
    requireNonNegative("cache_read_input_tokens", cacheReadInputTokens);
    requireNonNegative("ephemeral_5m_input_tokens", cacheCreation5m);
    requireNonNegative("ephemeral_1h_input_tokens", cacheCreation1h);
    requireNonNegative("cache_creation_input_tokens", cacheCreationUnspecified);
    return builder()
        .uncachedInputTokens(inputTokens)
        .cacheReadTokens(cacheReadInputTokens)
        .cacheWrite5mTokens(cacheCreation5m)
        .cacheWrite1hTokens(cacheCreation1h)
        .cacheWriteUnspecifiedTokens(cacheCreationUnspecified)
        .outputTokens(outputTokens)
        .build();
  }

  /**
   * Google Gemini ({@code usageMetadata.promptTokenCount}, {@code candidatesTokenCount},
   * {@code cachedContentTokenCount}, {@code thoughtsTokenCount}). The prompt count includes the cached
   * content (inclusive), so uncached input is {@code prompt - cached}. The candidates count excludes
   * the thinking tokens, which are billed at the output price, so output is
   * {@code candidates + thoughts} and reasoning is {@code thoughts}. Tool-use prompt tokens
   * ({@code toolUsePromptTokenCount}) are billed as input: add them to {@code promptTokenCount}.
   *
   * @throws IllegalArgumentException if a count is negative, cached exceeds prompt, or the output sum
   *     overflows
   */
  public static Usage fromGoogle(long promptTokenCount, long candidatesTokenCount,
      long cachedContentTokenCount, long thoughtsTokenCount) {
    requireNonNegative("promptTokenCount", promptTokenCount);
    requireNonNegative("candidatesTokenCount", candidatesTokenCount);
    requireNonNegative("cachedContentTokenCount", cachedContentTokenCount);
    requireNonNegative("thoughtsTokenCount", thoughtsTokenCount);
    requireSubset("cachedContentTokenCount", cachedContentTokenCount, "promptTokenCount",
        promptTokenCount);
    return builder()
        .uncachedInputTokens(promptTokenCount - cachedContentTokenCount)
        .cacheReadTokens(cachedContentTokenCount)
        .outputTokens(sum("candidatesTokenCount + thoughtsTokenCount", candidatesTokenCount,
            thoughtsTokenCount))
        .reasoningTokens(thoughtsTokenCount)
        .build();
  }

  /**
   * AWS Bedrock Converse ({@code usage.inputTokens}, {@code outputTokens},
   * {@code cacheReadInputTokens}, {@code cacheWriteInputTokens}). Exclusive convention:
   * {@code totalTokens = inputTokens + outputTokens + cacheReadInputTokens + cacheWriteInputTokens}, so
   * the cache buckets sit beside the input count. Converse does not report the write TTL, so writes are
   * "unspecified"; reasoning is not reported apart and is 0.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public static Usage fromConverse(long inputTokens, long outputTokens, long cacheReadInputTokens,
      long cacheWriteInputTokens) {
    requireNonNegative("inputTokens", inputTokens);
    requireNonNegative("outputTokens", outputTokens);
    requireNonNegative("cacheReadInputTokens", cacheReadInputTokens);
    requireNonNegative("cacheWriteInputTokens", cacheWriteInputTokens);
    return builder()
        .uncachedInputTokens(inputTokens)
        .cacheReadTokens(cacheReadInputTokens)
        .cacheWriteUnspecifiedTokens(cacheWriteInputTokens)
        .outputTokens(outputTokens)
        .build();
  }

  /** Input tokens neither read from nor written to a prompt cache. */
  public long uncachedInputTokens() {
    return uncachedInputTokens;
  }

  /** Input tokens read from a prompt cache. */
  public long cacheReadTokens() {
    return cacheReadTokens;
  }

  /** Input tokens written to a cache with a 5-minute TTL. */
  public long cacheWrite5mTokens() {
    return cacheWrite5mTokens;
  }

  /** Input tokens written to a cache with a 1-hour TTL. */
  public long cacheWrite1hTokens() {
    return cacheWrite1hTokens;
  }

  /** Input tokens written to a cache whose TTL the provider did not report. */
  public long cacheWriteUnspecifiedTokens() {
    return cacheWriteUnspecifiedTokens;
  }

  /** All cache-write tokens: 5-minute, 1-hour and unspecified. */
  public long cacheWriteTokens() {
    return sum("cache write tokens", sum("cache write tokens", cacheWrite5mTokens, cacheWrite1hTokens),
        cacheWriteUnspecifiedTokens);
  }

  /** All input tokens: uncached, cache reads and cache writes (the inclusive prompt count). */
  public long totalInputTokens() {
    return sum("input tokens", sum("input tokens", uncachedInputTokens, cacheReadTokens),
        cacheWriteTokens());
  }

  /** Output tokens, reasoning included. */
  public long outputTokens() {
    return outputTokens;
  }

  /** The reasoning (thinking) part of {@link #outputTokens()}, where the provider reports it. */
  public long reasoningTokens() {
    return reasoningTokens;
  }

  /** Input plus output tokens. */
  public long totalTokens() {
    return sum("total tokens", totalInputTokens(), outputTokens);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Usage)) {
      return false;
    }
    Usage u = (Usage) o;
    return uncachedInputTokens == u.uncachedInputTokens
        && cacheReadTokens == u.cacheReadTokens
        && cacheWrite5mTokens == u.cacheWrite5mTokens
        && cacheWrite1hTokens == u.cacheWrite1hTokens
        && cacheWriteUnspecifiedTokens == u.cacheWriteUnspecifiedTokens
        && outputTokens == u.outputTokens
        && reasoningTokens == u.reasoningTokens;
  }

  @Override
  public int hashCode() {
    return Objects.hash(uncachedInputTokens, cacheReadTokens, cacheWrite5mTokens, cacheWrite1hTokens,
        cacheWriteUnspecifiedTokens, outputTokens, reasoningTokens);
  }

  @Override
  public String toString() {
    return "Usage{uncachedInput=" + uncachedInputTokens + ", cacheRead=" + cacheReadTokens
        + ", cacheWrite5m=" + cacheWrite5mTokens + ", cacheWrite1h=" + cacheWrite1hTokens
        + ", cacheWriteUnspecified=" + cacheWriteUnspecifiedTokens + ", output=" + outputTokens
        + ", reasoning=" + reasoningTokens + "}";
  }

  private static void requireNonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("usage field '" + field + "' must not be negative, got " + value);
    }
  }

  private static void requireSubset(String part, long partValue, String whole, long wholeValue) {
    if (partValue > wholeValue) {
      throw new IllegalArgumentException("usage field '" + part + "' (" + partValue
          + ") must not exceed '" + whole + "' (" + wholeValue + "), which includes it");
    }
  }

  private static long sum(String what, long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("usage " + what + " overflow: " + a + " + " + b, e);
    }
  }

  /** Builds a {@link Usage}; counts default to zero and must not be negative. */
  public static final class Builder {
    private long uncachedInputTokens;
    private long cacheReadTokens;
    private long cacheWrite5mTokens;
    private long cacheWrite1hTokens;
    private long cacheWriteUnspecifiedTokens;
    private long outputTokens;
    private long reasoningTokens;

    private Builder() {}

    /** Input tokens neither read from nor written to a cache. */
    public Builder uncachedInputTokens(long v) {
      requireNonNegative("uncachedInputTokens", v);
      this.uncachedInputTokens = v;
      return this;
    }

    /** Input tokens read from a cache. */
    public Builder cacheReadTokens(long v) {
      requireNonNegative("cacheReadTokens", v);
      this.cacheReadTokens = v;
      return this;
    }

    /** Input tokens written with a 5-minute TTL. */
    public Builder cacheWrite5mTokens(long v) {
      requireNonNegative("cacheWrite5mTokens", v);
      this.cacheWrite5mTokens = v;
      return this;
    }

    /** Input tokens written with a 1-hour TTL. */
    public Builder cacheWrite1hTokens(long v) {
      requireNonNegative("cacheWrite1hTokens", v);
      this.cacheWrite1hTokens = v;
      return this;
    }

    /** Input tokens written with a TTL the provider did not report. */
    public Builder cacheWriteUnspecifiedTokens(long v) {
      requireNonNegative("cacheWriteUnspecifiedTokens", v);
      this.cacheWriteUnspecifiedTokens = v;
      return this;
    }

    /** Output tokens, reasoning included. */
    public Builder outputTokens(long v) {
      requireNonNegative("outputTokens", v);
      this.outputTokens = v;
      return this;
    }

    /** The reasoning part of the output tokens. */
    public Builder reasoningTokens(long v) {
      requireNonNegative("reasoningTokens", v);
      this.reasoningTokens = v;
      return this;
    }

    /**
     * Builds the usage.
     *
     * @throws IllegalArgumentException if reasoning exceeds output, or the totals overflow a long
     */
    public Usage build() {
      requireSubset("reasoningTokens", reasoningTokens, "outputTokens", outputTokens);
      Usage u = new Usage(this);
      u.totalTokens();
      return u;
    }
  }
}
