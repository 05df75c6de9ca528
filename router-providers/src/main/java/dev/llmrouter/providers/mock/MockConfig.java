package dev.llmrouter.providers.mock;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.ProviderSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Settings of the {@link MockProvider}: the latency before the reply (or the first stream event), the
 * delay between stream events, the canned text, and fixed token counts (estimated from the text when
 * absent). Immutable; build with {@link #builder()} or read from {@link ProviderSettings} metadata
 * ({@code latency_ms}, {@code chunk_delay_ms}, {@code text}, {@code prompt_tokens}, {@code completion_tokens}).
 */
public final class MockConfig {
  /** The canned reply of models other than {@code mock/echo}. */
  public static final String DEFAULT_TEXT = "Hello from the mock provider! This reply was generated locally.";

  private final Duration latency;
  private final Duration chunkDelay;
  private final String text;
  private final Long promptTokens;
  private final Long completionTokens;

  private MockConfig(Builder b) {
    this.latency = b.latency;
    this.chunkDelay = b.chunkDelay;
    this.text = b.text;
    this.promptTokens = b.promptTokens;
    this.completionTokens = b.completionTokens;
  }

  /** No latency, no chunk delay, the default canned text, estimated token counts. */
  public static MockConfig defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the metadata of {@code settings}.
   *
   * @throws InvalidRequestException if a number is not a non-negative integer, naming the key
   */
  public static MockConfig fromSettings(ProviderSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Builder b = builder();
    number(settings, "latency_ms").ifPresent(ms -> b.latency(Duration.ofMillis(ms)));
    number(settings, "chunk_delay_ms").ifPresent(ms -> b.chunkDelay(Duration.ofMillis(ms)));
    settings.metadata("text").ifPresent(b::text);
    number(settings, "prompt_tokens").ifPresent(b::promptTokens);
    number(settings, "completion_tokens").ifPresent(b::completionTokens);
    return b.build();
  }

  private static OptionalLong number(ProviderSettings settings, String key) {
    Optional<String> v = settings.metadata(key);
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(v.get().trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return OptionalLong.of(n);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          "mock provider setting '" + key + "' must be a non-negative integer, got '" + v.get() + "'");
    }
  }

  /** Wait before the reply or the first stream event. */
  public Duration latency() {
    return latency;
  }

  /** Wait between two stream events. */
  public Duration chunkDelay() {
    return chunkDelay;
  }

  /** The canned reply text. */
  public String text() {
    return text;
  }

  /** A fixed prompt token count, when configured. */
  public OptionalLong promptTokens() {
    return promptTokens == null ? OptionalLong.empty() : OptionalLong.of(promptTokens);
  }

  /** A fixed completion token count, when configured. */
  public OptionalLong completionTokens() {
    return completionTokens == null ? OptionalLong.empty() : OptionalLong.of(completionTokens);
  }

  @Override
  public String toString() {
    return "MockConfig{latency=" + latency + ", chunkDelay=" + chunkDelay + ", textChars=" + text.length()
        + ", promptTokens=" + promptTokens + ", completionTokens=" + completionTokens + "}";
  }

  /** Builds a {@link MockConfig}. */
  public static final class Builder {
    private Duration latency = Duration.ZERO;
    private Duration chunkDelay = Duration.ZERO;
    private String text = DEFAULT_TEXT;
    private Long promptTokens;
    private Long completionTokens;

    private Builder() {}

    /** Wait before the reply or the first stream event (default none). */
    public Builder latency(Duration latency) {
      this.latency = nonNegative(latency, "latency");
      return this;
    }

    /** Wait between two stream events (default none). */
    public Builder chunkDelay(Duration chunkDelay) {
      this.chunkDelay = nonNegative(chunkDelay, "chunkDelay");
      return this;
    }

    /** The canned reply text (must not be empty). */
    public Builder text(String text) {
      if (text == null || text.isEmpty()) {
        throw new InvalidRequestException("mock provider text must not be empty");
      }
      this.text = text;
      return this;
    }

    /** A fixed prompt token count. */
    public Builder promptTokens(long tokens) {
      this.promptTokens = nonNegative(tokens, "promptTokens");
      return this;
    }

    /** A fixed completion token count. */
    public Builder completionTokens(long tokens) {
      this.completionTokens = nonNegative(tokens, "completionTokens");
      return this;
    }

    /** Builds the config. */
    public MockConfig build() {
      return new MockConfig(this);
    }

    private static Duration nonNegative(Duration d, String what) {
      if (d == null || d.isNegative()) {
        throw new InvalidRequestException("mock provider " + what + " must be a non-negative duration");
      }
      return d;
    }

    private static long nonNegative(long n, String what) {
      if (n < 0) {
        throw new InvalidRequestException("mock provider " + what + " must not be negative, got " + n);
      }
      return n;
    }
  }
}
