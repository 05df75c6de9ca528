package dev.llmrouter.stream.sse;

import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.stream.BodyRawStream;
import java.io.InputStream;

/**
 * A {@link dev.llmrouter.provider.RawResponseStream} over a {@code text/event-stream} HTTP response body:
 * one {@link dev.llmrouter.stream.StreamChunk}
 * per server-sent event whose data is not blank, with the event's type. Used by every SSE provider.
 *
 * <p>The stream ends at end of input (a pending event is still delivered, see {@link SseParser}) or at a
 * {@code [DONE]} event. Reading, errors and closing follow {@link BodyRawStream}: a read timeout becomes an
 * {@link dev.llmrouter.error.UpstreamTimeoutException}, any other I/O failure a non-retryable
 * {@link dev.llmrouter.error.TransportException}, an over-large event an {@link UpstreamProtocolException}
 * naming the limit.
 */
public final class SseRawStream extends BodyRawStream {
  private final SseParser parser;
  private final SseParser.Listener listener =
      new SseParser.Listener() {
        @Override
        public void onEvent(SseEvent event) {
          if (!event.isBlank()) {
            emit(event.toChunk());
          }
        }
      };

  /**
   * A stream over {@code body} with the default maximum event size.
   *
   * @param body the response body; closed by {@link #close()}
   * @param providerId the provider id named in errors, e.g. {@code openai}
   * @param onClose cancels the upstream call and releases the connection; run exactly once
   */
  public SseRawStream(InputStream body, String providerId, Runnable onClose) {
    this(body, providerId, onClose, SseParser.DEFAULT_MAX_EVENT_SIZE);
  }

  /**
   * A stream over {@code body} with the given maximum event size in bytes.
   *
   * @throws IllegalArgumentException if {@code maxEventSize} is not positive
   */
  public SseRawStream(InputStream body, String providerId, Runnable onClose, int maxEventSize) {
    super(body, providerId, onClose, "the SSE stream");
    this.parser = new SseParser(maxEventSize);
  }

  @Override
  protected void decode(byte[] buf, int off, int len) {
    try {
      parser.feed(buf, off, len, listener);
      if (parser.isDone()) {
        endStream();
      }
    } catch (SseParser.EventTooLargeException e) {
      fail(tooLarge(e));
    }
  }

  @Override
  protected void decodeEnd() {
    try {
      parser.finish(listener);
    } catch (SseParser.EventTooLargeException e) {
      fail(tooLarge(e));
    }
  }

  private UpstreamProtocolException tooLarge(SseParser.EventTooLargeException e) {
    return new UpstreamProtocolException(providerId(),
        "server-sent event exceeds the maximum event size of " + e.maxEventSize() + " bytes", e);
  }
}
