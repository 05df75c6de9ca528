package dev.llmrouter.observe;

import java.util.List;

/**
 * Receives the router's request and attempt events, in order for one request: {@link RequestStart}, then
 * for each upstream call {@link AttemptStart} and {@link AttemptEnd}, then {@link RequestEnd}. Called on
 * the request's own thread (for streams, {@code onRequestEnd} on the thread that finishes or closes it);
 * must be thread-safe, fast and non-blocking. An exception thrown by a listener is caught and logged, never
 * passed to the caller (see {@link RouterListeners#safe}). Every method does nothing by default.
 */
public interface RouterListener {

  /** A request entered the router. */
  default void onRequestStart(RequestStart event) {}

  /** An upstream call is about to be sent. */
  default void onAttemptStart(AttemptStart event) {}

  /** An upstream call finished. */
  default void onAttemptEnd(AttemptEnd event) {}

  /** The request finished. */
  default void onRequestEnd(RequestEnd event) {}

  /** A listener that ignores every event. */
  static RouterListener noop() {
    return RouterListeners.NOOP;
  }

  /** A listener that forwards every event to each of {@code listeners} in order, isolating their failures. */
  static RouterListener composite(List<RouterListener> listeners) {
    return RouterListeners.composite(listeners);
  }
}
