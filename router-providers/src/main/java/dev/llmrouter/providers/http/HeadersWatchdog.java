package dev.llmrouter.providers.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okio.AsyncTimeout;

/**
 * Enforces {@link ClientSettings#responseHeadersTimeout()}: cancels a call whose response headers have not
 * arrived in time. OkHttp has no knob for this; the watchdog runs on okio's shared timeout thread (no
 * thread of its own), and {@link #stop()} tells whether it fired.
 */
final class HeadersWatchdog extends AsyncTimeout {
  private final Call call;
  private final AtomicBoolean fired = new AtomicBoolean();

  private HeadersWatchdog(Call call) {
    this.call = call;
  }

  /** Starts watching {@code call}: unless stopped within {@code millis}, it is cancelled. */
  static HeadersWatchdog start(Call call, long millis) {
    HeadersWatchdog watchdog = new HeadersWatchdog(call);
    watchdog.timeout(millis, TimeUnit.MILLISECONDS);
    watchdog.enter();
    return watchdog;
  }

  @Override
  protected void timedOut() {
    fired.set(true);
    call.cancel();
  }

  /** Stops watching; true when the time ran out first (the call was cancelled). Idempotent. */
  boolean stop() {
    exit();
    return fired.get();
  }
}
