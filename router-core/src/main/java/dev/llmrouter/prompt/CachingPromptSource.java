package dev.llmrouter.prompt;

import dev.llmrouter.error.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link PromptSource} that keeps what another source returned for a while: entries live for a TTL, at most
 * {@code maxEntries} are kept (the least recently used goes first), and lookups that pin a version always go
 * to the delegate (LiteLLM's cache has neither TTL nor bound). Errors are never cached, so a prompt created
 * after a miss is found on the next call. The delegate is called outside any lock; concurrent misses of one
 * key may each call it. The clock is injectable for tests.
 */
public final class CachingPromptSource implements PromptSource {
  /** The default time an entry is kept. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
  /** The default number of entries kept. */
  public static final int DEFAULT_MAX_ENTRIES = 1000;

  private final PromptSource delegate;
  private final long ttlMillis;
  private final int maxEntries;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  private CachingPromptSource(PromptSource delegate, Duration ttl, int maxEntries, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new InvalidRequestException("prompt cache TTL must be positive, got " + ttl);
    }
    if (maxEntries < 1) {
      throw new InvalidRequestException("prompt cache size must be at least 1, got " + maxEntries);
    }
    this.ttlMillis = ttl.toMillis();
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A cache over {@code delegate} with {@link #DEFAULT_TTL} and {@link #DEFAULT_MAX_ENTRIES}. */
  public static CachingPromptSource of(PromptSource delegate) {
    return new CachingPromptSource(delegate, DEFAULT_TTL, DEFAULT_MAX_ENTRIES, Clock.systemUTC());
  }

  /** A cache over {@code delegate} keeping at most {@code maxEntries} entries for {@code ttl} each. */
  public static CachingPromptSource of(PromptSource delegate, Duration ttl, int maxEntries) {
    return new CachingPromptSource(delegate, ttl, maxEntries, Clock.systemUTC());
  }

  /** Like {@link #of(PromptSource, Duration, int)}, reading time from {@code clock}. */
  public static CachingPromptSource of(PromptSource delegate, Duration ttl, int maxEntries, Clock clock) {
    return new CachingPromptSource(delegate, ttl, maxEntries, clock);
  }

  @Override
  public Prompt load(PromptRef ref) {
    if (ref.isPinned()) {
      return delegate.load(ref);
    }
    Key key = new Key(ref.id(), ref.environment().orElse(null));
    long now = clock.millis();
    Optional<Prompt> cached = lookup(key, now);
    if (cached.isPresent()) {
      return cached.get();
    }
    Prompt loaded = delegate.load(ref);
    store(key, loaded, clock.millis());
    return loaded;
  }

  private Optional<Prompt> lookup(Key key, long now) {
    lock.lock();
    try {
      Entry e = entries.get(key);
      if (e == null) {
        return Optional.empty();
      }
      if (now >= e.expiresAt) {
        entries.remove(key);
        return Optional.empty();
      }
      return Optional.of(e.prompt);
    } finally {
      lock.unlock();
    }
  }

  private void store(Key key, Prompt prompt, long now) {
    lock.lock();
    try {
      entries.put(key, new Entry(prompt, now + ttlMillis));
      Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
      while (entries.size() > maxEntries && it.hasNext()) {
        it.next();
        it.remove();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Drops every cached entry of prompt {@code id} (all environments). */
  public void invalidate(String id) {
    lock.lock();
    try {
      entries.keySet().removeIf(k -> k.id.equals(id));
    } finally {
      lock.unlock();
    }
  }

  /** Drops every cached entry. */
  public void clear() {
    lock.lock();
    try {
      entries.clear();
    } finally {
      lock.unlock();
    }
  }

  /** The number of entries held now (expired ones included until they are next looked up). */
  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String name() {
    return delegate.name();
  }

  private record Key(String id, String environment) {}

  private record Entry(Prompt prompt, long expiresAt) {}
}
