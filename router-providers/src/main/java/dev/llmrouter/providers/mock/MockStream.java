package dev.llmrouter.providers.mock;

import dev.llmrouter.error.TransportException;
import dev.llmrouter.provider.CancellationToken;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.StreamChunk;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Queue;

/**
 * The mock's stream: pre-built Chat Completions chunks handed out with the configured delay between them.
 * Closing it (or cancelling the request) ends it; a delay is cut short by a cancel.
 */
final class MockStream implements RawResponseStream {
  private final Queue<byte[]> chunks;
  private final Duration delay;
  private final CancellationToken cancellation;
  private volatile boolean closed;
  private boolean first = true;

  MockStream(Queue<byte[]> chunks, Duration delay, CancellationToken cancellation) {
    this.chunks = new ArrayDeque<>(chunks);
    this.delay = delay;
    this.cancellation = cancellation;
  }

  @Override
  public boolean hasNext() {
    return !closed && !cancellation.isCancelled() && !chunks.isEmpty();
  }

  @Override
  public StreamChunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException("mock stream is finished");
    }
    if (!first && !delay.isZero()) {
      try {
        if (!cancellation.sleep(delay)) {
          throw new TransportException("mock", "request cancelled", false, null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException("mock", "interrupted while streaming", false, e);
      }
      if (closed) {
        throw new TransportException("mock", "stream closed", false, null);
      }
    }
    first = false;
    return StreamChunk.of(chunks.remove());
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
