package dev.llmrouter.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-shot cancel signal handed to providers: they register how to abort their in-flight call, and the
 * router fires it when the caller cancels a future or closes a stream. Thread-safe.
 */
public final class CancellationToken {
  private final ReentrantLock lock = new ReentrantLock();
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
    for (Runnable r : toRun) {
      r.run();
    }
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }
}
