package dev.llmrouter.route;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The failure counts and cooldowns of routes under a {@link CooldownPolicy}. Thread-safe without locks
 * (atomic map updates of immutable states), memory bounded by {@link #MAX_TRACKED_ROUTES}, and driven by an
 * injectable clock so tests never sleep. Counting uses fixed windows: the first failure opens a window,
 * failures inside it add up, the next failure after it opens a new one.
 */
public final class RouteCooldown {
  /** Most routes tracked at once; beyond it, stale entries are purged and new ones are not tracked. */
  public static final int MAX_TRACKED_ROUTES = 10_000;

  private record State(long windowStart, int failures, long coolUntil) {}

  private final CooldownPolicy policy;
  private final Clock clock;
  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  public RouteCooldown(CooldownPolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The policy applied. */
  public CooldownPolicy policy() {
    return policy;
  }

  /** Whether {@code route} is being skipped now. */
  public boolean isCoolingDown(ProviderRoute route) {
    if (!policy.enabled()) {
      return false;
    }
    State s = states.get(key(route));
    return s != null && clock.millis() < s.coolUntil();
  }

  /**
   * Counts one failed call of {@code route}.
   *
   * @return whether this failure started a cooldown
   */
  public boolean recordFailure(ProviderRoute route) {
    if (!policy.enabled()) {
      return false;
    }
    String key = key(route);
    if (states.size() >= MAX_TRACKED_ROUTES && !states.containsKey(key)) {
      purgeStale();
      if (states.size() >= MAX_TRACKED_ROUTES) {
        return false;
      }
    }
    long now = clock.millis();
    long window = policy.window().toMillis();
    State next =
        states.compute(
            key,
            (k, s) -> {
              long coolUntil = s == null ? 0 : s.coolUntil();
              if (s == null || now - s.windowStart() >= window) {
                s = new State(now, 0, coolUntil);
              }
              int failures = s.failures() + 1;
              if (failures > policy.allowedFails()) {
                return new State(now, 0, now + policy.cooldown().toMillis());
              }
              return new State(s.windowStart(), failures, coolUntil);
            });
    return next.failures() == 0;
  }

  /** Routes with a recorded state (for tests and metrics). */
  public int trackedRoutes() {
    return states.size();
  }

  private void purgeStale() {
    long now = clock.millis();
    long window = policy.window().toMillis();
    states.entrySet().removeIf(e -> now >= e.getValue().coolUntil() && now - e.getValue().windowStart() >= window);
  }

  private static String key(ProviderRoute route) {
    return route.providerAlias() + '\n' + route.model();
  }
}
