package dev.llmrouter.provider;

import dev.llmrouter.stream.StreamChunk;
import java.util.Iterator;

/**
 * What a provider returns for a streaming call: the upstream's events, still in the provider's wire format,
 * one {@link StreamChunk} per event. {@code hasNext()}/{@code next()} block for the network and throw
 * {@link dev.llmrouter.error.RouterException}s. {@link #close()} cancels the upstream call and releases the
 * connection; it is idempotent and may be called from another thread.
 */
public interface RawResponseStream extends Iterator<StreamChunk>, AutoCloseable {

  @Override
  void close();
}
