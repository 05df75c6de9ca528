package dev.llmrouter.stream.sse;

import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.stream.BodyRawStream;
import dev.llmrouter.stream.StreamChunk;
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
 * of kind {@code LIMIT_EXCEEDED} naming the limit.
 *
 * <p>An event left unterminated at end of input (no blank line after it) is still delivered, as the Rust
 * router does, but only when its data is not cut-off JSON: data that starts like JSON and does not parse
 * to its end means the body was truncated mid-event, and the stream fails with an
 * {@link UpstreamProtocolException} of kind {@code TRUNCATED} instead of handing on half an event.
 */
public final class SseRawStream extends BodyRawStream {
  private final SseParser parser;
  /** Input has ended: an event dispatched now was not terminated by a blank line. */
  private boolean atEnd;
  private final SseParser.Listener listener =
      new SseParser.Listener() {
        @Override
        public void onEvent(SseEvent event) {
          if (event.isBlank()) {
            return;
          }
          StreamChunk chunk = event.toChunk();
          if (atEnd && JsonCompleteness.isCutOff(chunk.data())) {
            fail(new UpstreamProtocolException(providerId(), UpstreamProtocolException.Kind.TRUNCATED,
                "the SSE stream ended in the middle of an event (" + chunk.data().length
                    + " bytes of unterminated, incomplete JSON)", null));
            return;
          }
          emit(chunk);
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
    this(body, providerId, onClose, onClose, maxEventSize);
  }

  /**
   * Like {@link #SseRawStream(InputStream, String, Runnable, int)}, releasing the upstream through
   * {@code onFinish} when the stream ends normally ({@code [DONE]} or end of input), which need not cancel
   * the call, so its connection can be reused; errors and early closes still run {@code onClose}.
   */
  public SseRawStream(
      InputStream body, String providerId, Runnable onClose, Runnable onFinish, int maxEventSize) {
    super(body, providerId, onClose, onFinish, "the SSE stream");
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
    atEnd = true;
    try {
      parser.finish(listener);
    } catch (SseParser.EventTooLargeException e) {
      fail(tooLarge(e));
    }
  }

  private UpstreamProtocolException tooLarge(SseParser.EventTooLargeException e) {
    return new UpstreamProtocolException(providerId(), UpstreamProtocolException.Kind.LIMIT_EXCEEDED,
        "maximum server-sent event size (" + e.maxEventSize() + " bytes)",
        "server-sent event exceeds the maximum event size of " + e.maxEventSize() + " bytes", e);
  }
}
