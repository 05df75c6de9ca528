package dev.llmrouter.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.AuthException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The token cache: the Rust token managers' fetch-then-cache and stale-refetch tests, plus single-flight
 * (a deliberate change: Rust asserted that concurrent misses each fetch).
 */
@Timeout(30)
class CachingTokenProviderTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Rust: fetch then cache (one request). */
  @Test
  void fetches_once_then_serves_from_cache() {
    MutableClock clock = new MutableClock();
    AtomicInteger fetches = new AtomicInteger();
    TokenProvider p = CachingTokenProvider.of("test", () ->
        AccessToken.of("t" + fetches.incrementAndGet(), clock.now.plusSeconds(3600)), Duration.ofSeconds(60), clock);
    assertThat(p.token().value()).isEqualTo("t1");
    assertThat(p.token().value()).isEqualTo("t1");
    assertThat(fetches).hasValue(1);
  }

  /** Rust: a stale token (expires_in 1) is refetched. */
  @Test
  void a_token_inside_the_refresh_skew_is_refetched() {
    MutableClock clock = new MutableClock();
    AtomicInteger fetches = new AtomicInteger();
    TokenProvider p = CachingTokenProvider.of("test", () ->
        AccessToken.of("t" + fetches.incrementAndGet(), clock.now.plusSeconds(1)), Duration.ofSeconds(60), clock);
    p.token();
    p.token();
    assertThat(fetches).hasValue(2);
  }

  @Test
  void refreshesAtTheSkewBoundary() {
    MutableClock clock = new MutableClock();
    AtomicInteger fetches = new AtomicInteger();
    TokenProvider p = CachingTokenProvider.of("test", () ->
        AccessToken.of("t" + fetches.incrementAndGet(), clock.now.plusSeconds(600)), Duration.ofSeconds(60), clock);
    p.token();
    clock.now = T0.plusSeconds(539);
    assertThat(p.token().value()).isEqualTo("t1");
    clock.now = T0.plusSeconds(541);
    assertThat(p.token().value()).isEqualTo("t2");
  }

  /** Deliberately different from Rust: concurrent misses are coalesced into one fetch. */
  @Test
  void concurrent_fetches_are_coalesced() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    TokenProvider p = CachingTokenProvider.of("test", () -> {
      fetches.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return AccessToken.nonExpiring("shared");
    });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(p::token));
      }
      Thread.sleep(100); // let every caller queue behind the first fetch
      release.countDown();
      for (Future<AccessToken> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS).value()).isEqualTo("shared");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aRejectedTokenIsDroppedButAnOlderRejectionIsIgnored() {
    AtomicInteger fetches = new AtomicInteger();
    TokenProvider p = CachingTokenProvider.of("test", () -> AccessToken.nonExpiring("t" + fetches.incrementAndGet()));
    assertThat(p.token().value()).isEqualTo("t1");
    p.invalidate("not-the-current-one");
    assertThat(p.token().value()).isEqualTo("t1");
    p.invalidate("t1");
    assertThat(p.token().value()).isEqualTo("t2");
  }

  @Test
  void failuresAreAuthErrorsAndAreNotCached() {
    AtomicInteger calls = new AtomicInteger();
    TokenProvider p = CachingTokenProvider.of("Azure Entra", () -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("invalid_client");
      }
      return AccessToken.nonExpiring("ok");
    });
    assertThatThrownBy(p::token).isInstanceOf(AuthException.class)
        .hasMessageContaining("Azure Entra").hasMessageContaining("invalid_client");
    assertThat(p.token().value()).isEqualTo("ok");
    assertThatThrownBy(() -> CachingTokenProvider.of("x", () -> null).token())
        .isInstanceOf(AuthException.class).hasMessageContaining("no token");
  }
}
