/**
 * Streaming values and helpers: {@link dev.llmrouter.stream.StreamChunk} (one pre-serialized event),
 * {@link dev.llmrouter.stream.StreamSession} (raw provider events to the client's format),
 * {@link dev.llmrouter.stream.SseFraming} (how a host puts chunks on the wire) and
 * {@link dev.llmrouter.stream.RawChunkListener}.
 */
package dev.llmrouter.stream;
