package dev.llmrouter.translate.stream;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.StreamSession;
import dev.llmrouter.translate.ResponseShape;
import java.util.function.Consumer;

/**
 * The session for streams already in the client's format: events go through untouched (no parse), except
 * when the stream turns out to be one complete response (fake streaming of a model that cannot stream,
 * or an upstream answering a stream request with a whole body); then the events are synthesized from it
 * as lingua does. Only the first event is inspected, with one scan of its top-level keys.
 */
public final class SameFormatStreamSession implements StreamSession {
  private final ProviderFormat target;
  private StreamSession delegate;

  public SameFormatStreamSession(ProviderFormat target) {
    this.target = target;
  }

  @Override
  public void push(StreamChunk raw, Consumer<StreamChunk> out) {
    if (delegate == null) {
      delegate =
          ResponseShape.isCompleteResponse(raw.data())
              ? new TranslatingStreamSession(target)
              : StreamSession.passthrough();
    }
    delegate.push(raw, out);
  }

  @Override
  public void finish(Consumer<StreamChunk> out) {
    if (delegate != null) {
      delegate.finish(out);
    }
  }
}
