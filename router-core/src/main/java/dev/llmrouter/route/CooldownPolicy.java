package dev.llmrouter.route;

import java.time.Duration;
import java.util.Objects;

/**
 * When the router stops trying a failing route for a while: a route (provider alias and upstream model)
 * that fails more than {@code allowedFails} times within {@code window} is skipped for {@code cooldown}.
 * Every failed upstream call counts, retries included, and only "unavailable" failures count (5xx, 429,
 * transport errors, timeouts: see {@link dev.llmrouter.retry.FailoverClassifier}), never client errors.
 * Immutable. Off by default ({@link #disabled()}): cooldown trades a little availability of one upstream
 * for latency, which only the operator can weigh.
 */
public final class CooldownPolicy {
  private static final CooldownPolicy DISABLED = new CooldownPolicy(false, 0, Duration.ZERO, Duration.ZERO);

  private final boolean enabled;
  private final int allowedFails;
  private final Duration window;
  private final Duration cooldown;

  private CooldownPolicy(boolean enabled, int allowedFails, Duration window, Duration cooldown) {
    this.enabled = enabled;
    this.allowedFails = allowedFails;
    this.window = window;
    this.cooldown = cooldown;
  }

  /** No cooldown: every route is always tried. */
  public static CooldownPolicy disabled() {
    return DISABLED;
  }

  /**
   * Skip a route for {@code cooldown} once it has failed more than {@code allowedFails} times within
   * {@code window}.
   *
   * @throws IllegalArgumentException if {@code allowedFails} is negative or a duration is not positive
   */
  public static CooldownPolicy of(int allowedFails, Duration window, Duration cooldown) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(cooldown, "cooldown");
    if (allowedFails < 0) {
      throw new IllegalArgumentException("allowedFails must be >= 0, got " + allowedFails);
    }
    if (window.isNegative() || window.isZero() || cooldown.isNegative() || cooldown.isZero()) {
      throw new IllegalArgumentException("cooldown window and duration must be positive");
    }
    return new CooldownPolicy(true, allowedFails, window, cooldown);
  }

  /** Whether cooldown is on. */
  public boolean enabled() {
    return enabled;
  }

  /** Failures tolerated within the window; one more starts the cooldown. */
  public int allowedFails() {
    return allowedFails;
  }

  /** The window failures are counted in. */
  public Duration window() {
    return window;
  }

  /** How long a route is skipped. */
  public Duration cooldown() {
    return cooldown;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CooldownPolicy p && enabled == p.enabled && allowedFails == p.allowedFails
        && window.equals(p.window) && cooldown.equals(p.cooldown);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, allowedFails, window, cooldown);
  }

  @Override
  public String toString() {
    return enabled
        ? "CooldownPolicy{allowedFails=" + allowedFails + ", window=" + window + ", cooldown=" + cooldown + "}"
        : "CooldownPolicy{disabled}";
  }
}
