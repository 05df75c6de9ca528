package dev.llmrouter.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-shot cancel signal handed to providers: they register how to abort their in-flight call, and the
 * router fires it when the caller cancels a future or closes a stream. Thread-safe.
 */
public final class CancellationToken {
  private final ReentrantLock lock = new ReentrantLock();
  private final CountDownLatch cancelledLatch = new CountDownLatch(1);
  private List<Runnable> callbacks = new ArrayList<>(2);
  private volatile boolean cancelled;

  /** Registers an action; runs it at once if already cancelled. */
  public void onCancel(Runnable action) {
    lock.lock();
    try {
      if (!cancelled) {
        callbacks.add(action);
        return;
      }
    } finally {
      lock.unlock();
    }
    action.run();
  }

  /** Fires every registered action once; later calls do nothing. */
  public void cancel() {
    List<Runnable> toRun;
    lock.lock();
    try {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = callbacks;
      callbacks = List.of();
    } finally {
      lock.unlock();
    }
    cancelledLatch.countDown();
    for (Runnable r : toRun) {
      r.run();
    }
  }

  /**
   * Waits for {@code delay} unless cancelled first (a retry back-off that a cancel cuts short).
   *
   * @return true if the full delay passed, false if the token was cancelled
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean sleep(Duration delay) throws InterruptedException {
    return !cancelledLatch.await(delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }
}
