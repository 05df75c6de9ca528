package dev.llmrouter.observe;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listener plumbing: the no-op listener, fan-out, and failure isolation. */
public final class RouterListeners {
  private static final Logger LOG = LoggerFactory.getLogger(RouterListeners.class);
  static final RouterListener NOOP = new RouterListener() { };

  private RouterListeners() {}

  /**
   * {@code listener} with every call guarded: a thrown exception is logged (class and message: at warn the
   * first time for this listener, at debug after that, one line per failed event) and dropped.
   */
  public static RouterListener safe(RouterListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (listener == NOOP || listener instanceof Safe) {
      return listener;
    }
    return new Safe(listener);
  }

  static RouterListener composite(List<RouterListener> listeners) {
    List<RouterListener> all = listeners.stream().map(RouterListeners::safe).toList();
    if (all.isEmpty()) {
      return NOOP;
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    return new RouterListener() {
      @Override
      public void onRequestStart(RequestStart e) {
        all.forEach(l -> l.onRequestStart(e));
      }

      @Override
      public void onAttemptStart(AttemptStart e) {
        all.forEach(l -> l.onAttemptStart(e));
      }

      @Override
      public void onAttemptEnd(AttemptEnd e) {
        all.forEach(l -> l.onAttemptEnd(e));
      }

      @Override
      public void onRequestEnd(RequestEnd e) {
        all.forEach(l -> l.onRequestEnd(e));
      }
    };
  }

  private static final class Safe implements RouterListener {
    private final RouterListener delegate;
    private final AtomicBoolean warned = new AtomicBoolean();

    Safe(RouterListener delegate) {
      this.delegate = delegate;
    }

    private <E> void call(Consumer<E> method, E event, String name) {
      try {
        method.accept(event);
      } catch (RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
          LOG.warn("router listener {} failed in {} (further failures are logged at debug): {}",
              delegate.getClass().getName(), name, e.toString());
        } else if (LOG.isDebugEnabled()) {
          LOG.debug("router listener {} failed in {}: {}", delegate.getClass().getName(), name, e.toString());
        }
      }
    }

    @Override
    public void onRequestStart(RequestStart e) {
      call(delegate::onRequestStart, e, "onRequestStart");
    }

    @Override
    public void onAttemptStart(AttemptStart e) {
      call(delegate::onAttemptStart, e, "onAttemptStart");
    }

    @Override
    public void onAttemptEnd(AttemptEnd e) {
      call(delegate::onAttemptEnd, e, "onAttemptEnd");
    }

    @Override
    public void onRequestEnd(RequestEnd e) {
      call(delegate::onRequestEnd, e, "onRequestEnd");
    }
  }
}
