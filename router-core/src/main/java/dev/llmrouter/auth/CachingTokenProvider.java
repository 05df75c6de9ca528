package dev.llmrouter.auth;

import dev.llmrouter.error.AuthException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Caches the tokens of a fetch function: a token is reused while it stays valid for longer than the
 * refresh skew (default 60 s), concurrent misses share one fetch (single flight; the Rust token managers
 * fetch once per caller), and a token the upstream rejected is dropped. Thread-safe and safe on virtual
 * threads (no monitor is held while fetching).
 */
public final class CachingTokenProvider implements TokenProvider {
  /** Tokens are refreshed when they have less than this left. */
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

  private final Supplier<AccessToken> fetch;
  private final Duration skew;
  private final Clock clock;
  private final String description;
  private final ReentrantLock lock = new ReentrantLock();
  private AccessToken cached;
  private CompletableFuture<AccessToken> inFlight;

  private CachingTokenProvider(Supplier<AccessToken> fetch, Duration skew, Clock clock, String description) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.skew = Objects.requireNonNull(skew, "skew");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.description = Objects.requireNonNull(description, "description");
  }

  /** Caches {@code fetch} with the default skew and the system clock; {@code description} names it in errors. */
  public static CachingTokenProvider of(String description, Supplier<AccessToken> fetch) {
    return new CachingTokenProvider(fetch, DEFAULT_SKEW, Clock.systemUTC(), description);
  }

  /** Caches {@code fetch} with a given skew and clock (tests). */
  public static CachingTokenProvider of(
      String description, Supplier<AccessToken> fetch, Duration skew, Clock clock) {
    return new CachingTokenProvider(fetch, skew, clock, description);
  }

  @Override
  public AccessToken token() {
    CompletableFuture<AccessToken> wait;
    boolean leader = false;
    lock.lock();
    try {
      if (cached != null && isFresh(cached)) {
        return cached;
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      }
      wait = inFlight;
    } finally {
      lock.unlock();
    }
    if (leader) {
      fetchAsLeader(wait);
    }
    try {
      return wait.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthException("interrupted while waiting for a " + description + " token", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AuthException a) {
        throw a;
      }
      throw new AuthException("fetching a " + description + " token failed: " + cause.getMessage(), cause);
    }
  }

  private void fetchAsLeader(CompletableFuture<AccessToken> result) {
    AccessToken fresh = null;
    Throwable failure = null;
    try {
      fresh = fetch.get();
      if (fresh == null) {
        failure = new AuthException("the " + description + " token source returned no token");
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    lock.lock();
    try {
      if (failure == null) {
        cached = fresh;
      }
      inFlight = null;
    } finally {
      lock.unlock();
    }
    if (failure == null) {
      result.complete(fresh);
    } else {
      result.completeExceptionally(failure);
    }
  }

  private boolean isFresh(AccessToken token) {
    return token.expiresAt().map(exp -> exp.minus(skew).isAfter(Instant.now(clock))).orElse(true);
  }

  @Override
  public void invalidate(String rejectedValue) {
    lock.lock();
    try {
      if (cached != null && cached.value().equals(rejectedValue)) {
        cached = null;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "CachingTokenProvider{" + description + ", skew=" + skew + "}";
  }
}
