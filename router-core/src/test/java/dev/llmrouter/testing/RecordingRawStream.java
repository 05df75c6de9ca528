package dev.llmrouter.testing;

import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.StreamChunk;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/** A raw stream over fixed chunks that records how many were read and whether it was closed. */
public final class RecordingRawStream implements RawResponseStream {
  private final Deque<StreamChunk> remaining;
  private final AtomicInteger closeCalls = new AtomicInteger();
  private int read;

  public RecordingRawStream(List<StreamChunk> chunks) {
    this.remaining = new ArrayDeque<>(chunks);
  }

  @Override
  public synchronized boolean hasNext() {
    return closeCalls.get() == 0 && !remaining.isEmpty();
  }

  @Override
  public synchronized StreamChunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    read++;
    return remaining.removeFirst();
  }

  @Override
  public void close() {
    closeCalls.incrementAndGet();
  }

  /** Whether {@link #close()} was called at least once. */
  public boolean isClosed() {
    return closeCalls.get() > 0;
  }

  /** How many chunks the consumer pulled. */
  public synchronized int chunksRead() {
    return read;
  }
}
