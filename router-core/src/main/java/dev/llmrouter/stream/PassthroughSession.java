package dev.llmrouter.stream;

import java.util.function.Consumer;

/** The stateless session for same-format streams: every raw event goes out as it came. */
final class PassthroughSession implements StreamSession {
  static final PassthroughSession INSTANCE = new PassthroughSession();

  private PassthroughSession() {}

  @Override
  public void push(StreamChunk raw, Consumer<StreamChunk> out) {
    out.accept(raw);
  }

  @Override
  public void finish(Consumer<StreamChunk> out) {}
}
