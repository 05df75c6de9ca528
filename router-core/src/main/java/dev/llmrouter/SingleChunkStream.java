package dev.llmrouter;

import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.StreamChunk;
import java.util.NoSuchElementException;

/** A raw stream of exactly one event: a complete body from a non-streaming call (fake streaming). */
final class SingleChunkStream implements RawResponseStream {
  private StreamChunk chunk;

  SingleChunkStream(StreamChunk chunk) {
    this.chunk = chunk;
  }

  @Override
  public boolean hasNext() {
    return chunk != null;
  }

  @Override
  public StreamChunk next() {
    if (chunk == null) {
      throw new NoSuchElementException("single-chunk stream already read");
    }
    StreamChunk c = chunk;
    chunk = null;
    return c;
  }

  @Override
  public void close() {
    chunk = null;
  }
}
