package dev.llmrouter;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.observe.AttemptEnd;
import dev.llmrouter.observe.AttemptStart;
import dev.llmrouter.observe.ReplyReader;
import dev.llmrouter.observe.RequestEnd;
import dev.llmrouter.observe.RequestStart;
import dev.llmrouter.observe.RouteInfo;
import dev.llmrouter.observe.RouterListener;
import dev.llmrouter.observe.StreamTally;
import dev.llmrouter.route.ProviderRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request as the router's listeners see it: its id and start time, the last route tried, and the
 * one-shot request end. Only created when a listener is registered, so unobserved requests allocate no
 * events. The request end fires exactly once, whichever thread gets there first (a stream may be closed
 * from another thread while it is read).
 */
final class Observation {
  /** The error type of a stream closed by its caller before it ended. */
  static final String CANCELLED = "cancelled";

  private final RouterListener listener;
  private final long id;
  private final long startNanos = System.nanoTime();
  private final ProviderFormat outputFormat;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile RouteInfo lastRoute;
  private StreamTally tally;

  private Observation(RouterListener listener, long id, ProviderFormat outputFormat) {
    this.listener = listener;
    this.id = id;
    this.outputFormat = outputFormat;
  }

  /** Fires the request start and returns the observation of the request. */
  static Observation start(RouterListener listener, long id, String model, ProviderFormat outputFormat,
      boolean stream) {
    Observation o = new Observation(listener, id, outputFormat);
    listener.onRequestStart(new RequestStart(id, model == null ? "" : model, outputFormat, stream,
        Instant.now()));
    return o;
  }

  /** Fires an attempt start on {@code route} sent in {@code wire}; returns the route for the attempt end. */
  RouteInfo attemptStart(int attempt, ProviderRoute route, ProviderFormat wire) {
    RouteInfo info = new RouteInfo(route.providerAlias(), route.provider().id(), route.model(), wire);
    lastRoute = info;
    listener.onAttemptStart(new AttemptStart(id, attempt, info));
    return info;
  }

  /** Fires an attempt end. */
  void attemptEnd(int attempt, RouteInfo route, Optional<Integer> status, Optional<String> errorType,
      Duration latency) {
    listener.onAttemptEnd(new AttemptEnd(id, attempt, route, status, errorType, latency));
  }

  /** The tally a stream feeds its output events to (created on first use). */
  StreamTally tally() {
    if (tally == null) {
      tally = new StreamTally(outputFormat);
    }
    return tally;
  }

  /** The request ended with a completion: status 200, usage and finish reasons read from its body. */
  void completed(Completion c) {
    if (ended.compareAndSet(false, true)) {
      ProviderFormat format = c.metadata().outputFormat();
      listener.onRequestEnd(new RequestEnd(id, Optional.of(route(c.metadata())), 200, Optional.empty(),
          elapsed(), ReplyReader.usageOfBody(c.body(), format), ReplyReader.finishReasonsOfBody(c.body(), format)));
    }
  }

  /** The request failed before a result reached the caller. */
  void failed(Throwable e) {
    if (ended.compareAndSet(false, true)) {
      int status = e instanceof RouterException r ? r.httpStatus() : 500;
      listener.onRequestEnd(new RequestEnd(id, Optional.ofNullable(lastRoute), status,
          Optional.of(e.getClass().getSimpleName()), elapsed(), Optional.empty(), List.of()));
    }
  }

  /**
   * A stream ended (status 200: the caller already has the headers): normally when {@code errorType} is
   * empty, else after a mid-stream failure or, with {@link #CANCELLED}, closed early by its caller.
   */
  void streamEnded(RouterMetadata m, Optional<String> errorType) {
    if (ended.compareAndSet(false, true)) {
      StreamTally t = tally;
      listener.onRequestEnd(new RequestEnd(id, Optional.of(route(m)), 200, errorType, elapsed(),
          t == null ? Optional.empty() : t.usage(), t == null ? List.of() : t.finishReasons()));
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static RouteInfo route(RouterMetadata m) {
    return new RouteInfo(m.providerAlias(), m.providerId(), m.model(), m.providerFormat());
  }
}
