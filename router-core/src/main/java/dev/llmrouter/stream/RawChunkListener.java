package dev.llmrouter.stream;

/**
 * Sees every raw upstream event of a stream before it is filtered or translated (empty ones included),
 * e.g. to log or bill what the provider really sent. Called on the consuming thread; must not block.
 */
@FunctionalInterface
public interface RawChunkListener {

  void onRawChunk(StreamChunk raw);
}
