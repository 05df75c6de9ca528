package dev.llmrouter.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.testing.Fixtures;
import dev.llmrouter.testing.MutableClock;
import dev.llmrouter.testing.StubProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Route cooldown bookkeeping with a hand-moved clock: no sleeps. */
class RouteCooldownTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

  private static ProviderRoute route(String alias, String model) {
    return new ProviderRoute(alias, StubProvider.of(alias), Fixtures.auth(), model,
        Fixtures.openaiSpec(model), ProviderFormat.OPENAI);
  }

  @Test
  void aRouteCoolsDownAfterMoreThanAllowedFailsWithinTheWindow() {
    RouteCooldown c = new RouteCooldown(CooldownPolicy.of(2, Duration.ofSeconds(60), Duration.ofSeconds(30)), clock);
    ProviderRoute r = route("a", "m");
    assertThat(c.recordFailure(r)).isFalse();
    assertThat(c.recordFailure(r)).isFalse();
    assertThat(c.isCoolingDown(r)).isFalse();
    assertThat(c.recordFailure(r)).isTrue();
    assertThat(c.isCoolingDown(r)).isTrue();
    assertThat(c.isCoolingDown(route("a", "other-model"))).as("per alias and model").isFalse();
    assertThat(c.isCoolingDown(route("b", "m"))).isFalse();
    clock.advance(Duration.ofSeconds(29));
    assertThat(c.isCoolingDown(r)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(c.isCoolingDown(r)).isFalse();
  }

  @Test
  void failuresOutsideTheWindowDoNotAddUp() {
    RouteCooldown c = new RouteCooldown(CooldownPolicy.of(1, Duration.ofSeconds(10), Duration.ofSeconds(30)), clock);
    ProviderRoute r = route("a", "m");
    c.recordFailure(r);
    clock.advance(Duration.ofSeconds(10));
    assertThat(c.recordFailure(r)).isFalse();
    assertThat(c.isCoolingDown(r)).isFalse();
    clock.advance(Duration.ofSeconds(9));
    assertThat(c.recordFailure(r)).isTrue();
  }

  @Test
  void zeroAllowedFailsCoolsDownOnTheFirstFailure() {
    RouteCooldown c = new RouteCooldown(CooldownPolicy.of(0, Duration.ofSeconds(1), Duration.ofSeconds(5)), clock);
    ProviderRoute r = route("a", "m");
    assertThat(c.recordFailure(r)).isTrue();
    assertThat(c.isCoolingDown(r)).isTrue();
  }

  @Test
  void disabledPolicyNeverCoolsDownOrTracks() {
    RouteCooldown c = new RouteCooldown(CooldownPolicy.disabled(), clock);
    ProviderRoute r = route("a", "m");
    for (int i = 0; i < 100; i++) {
      assertThat(c.recordFailure(r)).isFalse();
    }
    assertThat(c.isCoolingDown(r)).isFalse();
    assertThat(c.trackedRoutes()).isZero();
  }

  @Test
  void memoryIsBoundedAndStaleEntriesArePurged() {
    RouteCooldown c = new RouteCooldown(CooldownPolicy.of(5, Duration.ofSeconds(1), Duration.ofSeconds(1)), clock);
    for (int i = 0; i < RouteCooldown.MAX_TRACKED_ROUTES + 50; i++) {
      c.recordFailure(route("a", "m" + i));
    }
    assertThat(c.trackedRoutes()).isEqualTo(RouteCooldown.MAX_TRACKED_ROUTES);
    clock.advance(Duration.ofSeconds(2));
    c.recordFailure(route("a", "fresh"));
    assertThat(c.trackedRoutes()).isEqualTo(1);
  }

  @Test
  void concurrentFailuresAreAllCounted() throws Exception {
    int threads = 8;
    int perThread = 500;
    RouteCooldown c = new RouteCooldown(
        CooldownPolicy.of(threads * perThread - 1, Duration.ofHours(1), Duration.ofSeconds(30)), clock);
    ProviderRoute r = route("a", "m");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Future<Integer>> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      started.add(pool.submit(() -> {
        start.await();
        int n = 0;
        for (int i = 0; i < perThread; i++) {
          n += c.recordFailure(r) ? 1 : 0;
        }
        return n;
      }));
    }
    start.countDown();
    int cooldowns = 0;
    for (var f : started) {
      cooldowns += f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(cooldowns).as("exactly the last of all failures starts the cooldown").isEqualTo(1);
    assertThat(c.isCoolingDown(r)).isTrue();
  }

  @Test
  void invalidPoliciesAreRejected() {
    assertThatThrownBy(() -> CooldownPolicy.of(-1, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedFails");
    assertThatThrownBy(() -> CooldownPolicy.of(1, Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CooldownPolicy.disabled().enabled()).isFalse();
  }
}
