package dev.llmrouter.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingPromptSourceTest {
  /** A clock tests move by hand. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Counts loads and serves whatever the backing in-memory source holds now. */
  static final class Counting implements PromptSource {
    final InMemoryPromptSource inner = InMemoryPromptSource.create();
    final List<PromptRef> calls = new ArrayList<>();

    @Override
    public Prompt load(PromptRef ref) {
      calls.add(ref);
      return inner.load(ref);
    }
  }

  private static Prompt prompt(String id, String text) {
    return Prompt.builder(id).message("system", text).build();
  }

  @Test
  void entriesLiveForTheTtl() {
    Counting backing = new Counting();
    backing.inner.put(prompt("a", "one"));
    ManualClock clock = new ManualClock();
    CachingPromptSource cache = CachingPromptSource.of(backing, Duration.ofSeconds(10), 10, clock);
    assertThat(cache.load(PromptRef.of("a")).messages().get(0).text()).contains("one");
    backing.inner.put(prompt("a", "two"));
    clock.advance(Duration.ofSeconds(9));
    assertThat(cache.load(PromptRef.of("a")).messages().get(0).text()).contains("one");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.load(PromptRef.of("a")).messages().get(0).text()).contains("two");
    assertThat(backing.calls).hasSize(2);
  }

  @Test
  void sizeIsBoundedLeastRecentlyUsedFirst() {
    Counting backing = new Counting();
    for (String id : List.of("a", "b", "c")) {
      backing.inner.put(prompt(id, id));
    }
    CachingPromptSource cache = CachingPromptSource.of(backing, Duration.ofMinutes(1), 2, new ManualClock());
    cache.load(PromptRef.of("a"));
    cache.load(PromptRef.of("b"));
    cache.load(PromptRef.of("a"));
    cache.load(PromptRef.of("c")); // evicts b
    assertThat(cache.size()).isEqualTo(2);
    backing.calls.clear();
    cache.load(PromptRef.of("a"));
    cache.load(PromptRef.of("b"));
    assertThat(backing.calls).containsExactly(PromptRef.of("b"));
  }

  @Test
  void pinnedVersionsBypassTheCacheAndErrorsAreNotCached() {
    Counting backing = new Counting();
    backing.inner.put(Prompt.builder("v").version("1").message("system", "x").build());
    CachingPromptSource cache = CachingPromptSource.of(backing, Duration.ofMinutes(1), 10, new ManualClock());
    cache.load(PromptRef.of("v").withVersion("1"));
    cache.load(PromptRef.of("v").withVersion("1"));
    assertThat(backing.calls).hasSize(2);
    assertThat(cache.size()).isZero();
    assertThatThrownBy(() -> cache.load(PromptRef.of("later"))).isInstanceOf(PromptNotFoundException.class);
    backing.inner.put(prompt("later", "now here"));
    assertThat(cache.load(PromptRef.of("later")).messages().get(0).text()).contains("now here");
  }

  @Test
  void environmentsAreCachedSeparatelyAndInvalidateDropsThem() {
    Counting backing = new Counting();
    backing.inner.put(Prompt.builder("e").environment("prod").message("system", "p").build());
    backing.inner.put(Prompt.builder("e").environment("dev").message("system", "d").build());
    CachingPromptSource cache = CachingPromptSource.of(backing, Duration.ofMinutes(1), 10, new ManualClock());
    assertThat(cache.load(PromptRef.of("e").withEnvironment("prod")).messages().get(0).text()).contains("p");
    assertThat(cache.load(PromptRef.of("e").withEnvironment("dev")).messages().get(0).text()).contains("d");
    cache.invalidate("e");
    assertThat(cache.size()).isZero();
  }

  @Test
  void invalidSettingsAreRefused() {
    assertThatThrownBy(() -> CachingPromptSource.of(InMemoryPromptSource.create(), Duration.ZERO, 1))
        .isInstanceOf(dev.llmrouter.error.InvalidRequestException.class);
    assertThatThrownBy(() -> CachingPromptSource.of(InMemoryPromptSource.create(), Duration.ofSeconds(1), 0))
        .isInstanceOf(dev.llmrouter.error.InvalidRequestException.class);
  }
}
