package dev.llmrouter;

import dev.llmrouter.error.RouterException;
import dev.llmrouter.provider.CancellationToken;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.RawChunkListener;
import dev.llmrouter.stream.SseFraming;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.StreamSession;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A streaming response in the caller's format: pre-serialized chunks, read with {@code hasNext()} /
 * {@code next()} (or a for-each loop), framed for SSE with {@link #writeSseTo} or {@link SseFraming}.
 *
 * <p>Always close it (try-with-resources): closing cancels the upstream call and releases the connection,
 * even mid-stream. Reading blocks for the network; errors arrive as {@link RouterException}s from
 * {@code hasNext()}, after any chunks that were already translated. Not thread-safe, except that
 * {@link #close()} may be called from any thread.
 */
public final class ResponseStream implements RouterResult, Iterator<StreamChunk>, Iterable<StreamChunk>,
    AutoCloseable {
  private final RawResponseStream raw;
  private final StreamSession session;
  private final RawChunkListener capture;
  private final CancellationToken cancellation;
  private final RouterMetadata metadata;
  private final ArrayDeque<StreamChunk> pending = new ArrayDeque<>();
  private final Consumer<StreamChunk> enqueue = pending::addLast;
  private RouterException failure;
  private boolean upstreamDone;
  private volatile boolean closed;

  ResponseStream(
      RawResponseStream raw,
      StreamSession session,
      RawChunkListener capture,
      CancellationToken cancellation,
      RouterMetadata metadata) {
    this.raw = Objects.requireNonNull(raw);
    this.session = Objects.requireNonNull(session);
    this.capture = capture;
    this.cancellation = Objects.requireNonNull(cancellation);
    this.metadata = Objects.requireNonNull(metadata);
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
        close();
        throw e;
      }
      if (upstreamDone || closed) {
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

  private void pull() {
    try {
      if (!raw.hasNext()) {
        upstreamDone = true;
        session.finish(enqueue);
        raw.close();
        return;
      }
      StreamChunk chunk = raw.next();
      if (capture != null) {
        capture.onRawChunk(chunk);
      }
      if (!chunk.isBlank()) {
        session.push(chunk, enqueue);
      }
    } catch (RouterException e) {
      if (closed) {
        return;
      }
      upstreamDone = true;
      failure = e;
      session.finish(enqueue);
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
    }
  }

  @Override
  public String toString() {
    return "ResponseStream{metadata=" + metadata + ", closed=" + closed + "}";
  }
}
