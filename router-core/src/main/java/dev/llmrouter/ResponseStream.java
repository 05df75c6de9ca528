package dev.llmrouter;

import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.observe.StreamTally;
import dev.llmrouter.provider.CancellationToken;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.RawChunkListener;
import dev.llmrouter.stream.SseFraming;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.StreamErrorEvents;
import dev.llmrouter.stream.StreamSession;
import dev.llmrouter.stream.UpstreamErrorEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A streaming response in the caller's format: pre-serialized chunks, read with {@code hasNext()} /
 * {@code next()} (or a for-each loop), framed for SSE with {@link #writeSseTo} or {@link SseFraming}.
 *
 * <p>Always close it (try-with-resources): closing cancels the upstream call and releases the connection,
 * even mid-stream. Reading blocks for the network; errors arrive as {@link RouterException}s from
 * {@code hasNext()}, after any chunks that were already translated. Not thread-safe, except that
 * {@link #close()} may be called from any thread.
 *
 * <p>When the upstream fails mid-stream (connection reset or lost, timeout, a truncated, undecodable or
 * over-large event) or sends an error event inside its 200 stream, the stream ends with the client
 * format's own error event as its last chunk (Anthropic {@code event: error}, a Responses {@code error}
 * event, a Chat Completions error chunk; see {@link StreamErrorEvents}), and then {@code hasNext()} throws
 * the typed exception: the upstream's {@link RouterException}, or an {@link UpstreamProtocolException} of
 * kind {@code ERROR_EVENT} for an error event, or of kind {@code MALFORMED} for an upstream event that
 * cannot be translated. Only whole events are ever delivered, never part of one.
 *
 * <p>When the router has listeners, the request's end is reported exactly once: when {@code hasNext()}
 * first returns false after the last event, when it throws the stream's failure, or when the stream is
 * closed before either (error type {@code cancelled}); usage and finish reasons are read from the output
 * events that carry them ({@link StreamTally}).
 */
public final class ResponseStream implements RouterResult, Iterator<StreamChunk>, Iterable<StreamChunk>,
    AutoCloseable {
  private final RawResponseStream raw;
  private final StreamSession session;
  private final RawChunkListener capture;
  private final CancellationToken cancellation;
  private final RouterMetadata metadata;
  /** The request's observation, or null when the router has no listener. */
  private final Observation observation;
  private final StreamTally tally;
  private final ArrayDeque<StreamChunk> pending = new ArrayDeque<>();
  private final Consumer<StreamChunk> enqueue = this::enqueue;
  /** Chunks handed out or queued so far (a Responses error event's sequence number). */
  private long emitted;
  private RouterException failure;
  private boolean upstreamDone;
  private volatile boolean closed;

  ResponseStream(
      RawResponseStream raw,
      StreamSession session,
      RawChunkListener capture,
      CancellationToken cancellation,
      RouterMetadata metadata,
      Observation observation) {
    this.raw = Objects.requireNonNull(raw);
    this.session = Objects.requireNonNull(session);
    this.capture = capture;
    this.cancellation = Objects.requireNonNull(cancellation);
    this.metadata = Objects.requireNonNull(metadata);
    this.observation = observation;
    this.tally = observation == null ? null : observation.tally();
  }

  @Override
  public RouterMetadata metadata() {
    return metadata;
  }

  /** Whether another chunk is available; blocks until one is, or the stream ends or fails. */
  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    while (pending.isEmpty()) {
      if (failure != null) {
        RouterException e = failure;
        failure = null;
        if (observation != null) {
          observation.streamEnded(metadata, Optional.of(e.getClass().getSimpleName()));
        }
        close();
        throw e;
      }
      if (upstreamDone || closed) {
        if (observation != null && !closed) {
          observation.streamEnded(metadata, Optional.empty());
        }
        return false;
      }
      pull();
    }
    return true;
  }

  @Override
  public StreamChunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException("stream is finished");
    }
    return pending.removeFirst();
  }

  /** This stream itself, for for-each loops; it can be iterated once. */
  @Override
  public Iterator<StreamChunk> iterator() {
    return this;
  }

  private void enqueue(StreamChunk chunk) {
    if (tally != null) {
      tally.accept(chunk);
    }
    emitted++;
    pending.addLast(chunk);
  }

  private void pull() {
    StreamChunk chunk = null;
    try {
      if (!raw.hasNext()) {
        upstreamDone = true;
        session.finish(enqueue);
        raw.close();
        return;
      }
      chunk = raw.next();
      if (capture != null) {
        capture.onRawChunk(chunk);
      }
      if (!chunk.isBlank()) {
        session.push(chunk, enqueue);
        upstreamErrorEvent(chunk);
      }
    } catch (TranslationException e) {
      // The upstream sent an event that cannot be read: the provider's fault, not the caller's.
      fail(new UpstreamProtocolException(metadata.providerId(), UpstreamProtocolException.Kind.MALFORMED,
          "provider '" + metadata.providerAlias() + "' sent a stream event that cannot be translated: "
              + e.getMessage(), e), true);
    } catch (RouterException e) {
      fail(e, true);
    }
  }

  /** Ends the stream after an upstream error event (which the session already turned into the client's). */
  private void upstreamErrorEvent(StreamChunk chunk) {
    Optional<String> error = UpstreamErrorEvents.describe(chunk);
    if (error.isPresent()) {
      fail(new UpstreamProtocolException(metadata.providerId(), UpstreamProtocolException.Kind.ERROR_EVENT,
          "provider '" + metadata.providerAlias() + "' sent an error event mid-stream: " + error.get(), null),
          false);
      raw.close();
    }
  }

  /** Ends the stream with {@code e}: held-back chunks, then (when asked) the client format's error event. */
  private void fail(RouterException e, boolean emitErrorEvent) {
    if (closed) {
      return;
    }
    upstreamDone = true;
    failure = e;
    session.finish(enqueue);
    if (emitErrorEvent) {
      enqueue(StreamErrorEvents.forFailure(metadata.outputFormat(), e, emitted));
    }
  }

  /**
   * Writes every remaining chunk as SSE in the output format, flushing after each event, then the
   * format's terminator ({@code data: [DONE]} for Chat Completions only), and closes the stream.
   */
  public void writeSseTo(OutputStream out) throws IOException {
    try (this) {
      while (hasNext()) {
        SseFraming.writeTo(out, next(), metadata.outputFormat());
        out.flush();
      }
      out.write(SseFraming.done(metadata.outputFormat()));
      out.flush();
    }
  }

  /** Cancels the upstream call and releases the connection; idempotent, callable from any thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      raw.close();
    } finally {
      cancellation.cancel();
      if (observation != null) {
        observation.streamEnded(metadata, closeOutcome());
      }
    }
  }

  /** How a stream closed before its end was reported ended: normally if fully read, else as its failure or cancelled. */
  private Optional<String> closeOutcome() {
    RouterException f = failure;
    if (f != null) {
      return Optional.of(f.getClass().getSimpleName());
    }
    return upstreamDone && pending.isEmpty() ? Optional.empty() : Optional.of(Observation.CANCELLED);
  }

  @Override
  public String toString() {
    return "ResponseStream{metadata=" + metadata + ", closed=" + closed + "}";
  }
}
