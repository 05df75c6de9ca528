package dev.llmrouter.stream;

import java.util.function.Consumer;

/**
 * Turns a provider's raw stream events into the caller's format, keeping whatever state the target
 * protocol needs. One session per stream; not thread-safe. Output chunks are handed to a consumer so a
 * push allocates no list.
 */
public interface StreamSession {

  /** Feeds one raw event; emits zero or more output chunks. */
  void push(StreamChunk raw, Consumer<StreamChunk> out);

  /** Called once at the end of the raw stream (also after an upstream error); emits any held-back chunks. */
  void finish(Consumer<StreamChunk> out);

  /** A session that forwards every event unchanged (same-format streams). */
  static StreamSession passthrough() {
    return PassthroughSession.INSTANCE;
  }
}
