package dev.llmrouter.stream.sse;

import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RawResponseStream} over a {@code text/event-stream} HTTP response body: one {@link StreamChunk}
 * per server-sent event whose data is not blank, with the event's type. Used by every SSE provider.
 *
 * <p>The body is read lazily, 8 KiB at a time, by {@link #hasNext()}. The stream ends at end of input
 * (a pending event is still delivered, see {@link SseParser}) or at a {@code [DONE]} event; the upstream
 * is then released through {@code onClose}. Errors while reading are thrown by {@code hasNext()} after the
 * events already parsed were delivered, and end the stream: a read timeout becomes an
 * {@link UpstreamTimeoutException}, any other I/O failure a non-retryable {@link TransportException} (bytes
 * were already received), an over-large event an {@link UpstreamProtocolException} naming the limit.
 *
 * <p>Iterate on one thread. {@link #close()} may be called from any thread, any number of times: it runs
 * {@code onClose} exactly once and closes the body; after the consumer closed the stream, {@code hasNext()}
 * is false and the I/O error the close provokes in a blocked read is not reported.
 */
public final class SseRawStream implements RawResponseStream {
  private static final Logger LOG = LoggerFactory.getLogger(SseRawStream.class);
  private static final int READ_SIZE = 8 * 1024;
  /** Consecutive empty reads tolerated before the body is considered broken (guards against spinning). */
  private static final int MAX_EMPTY_READS = 64;
  private static final int MAX_CAUSE_DEPTH = 8;

  private final InputStream body;
  private final String providerId;
  private final Runnable onClose;
  private final SseParser parser;
  private final byte[] buffer = new byte[READ_SIZE];
  private final ArrayDeque<StreamChunk> pending = new ArrayDeque<>();
  private final SseParser.Listener listener = new SseParser.Listener() {
    @Override
    public void onEvent(SseEvent event) {
      if (!event.isBlank()) {
        pending.add(event.toChunk());
      }
    }
  };

  private final AtomicBoolean released = new AtomicBoolean();
  private volatile boolean closedByConsumer;
  /** No more input will be read: end of input, [DONE] or an error. */
  private boolean inputEnded;
  /** An error to throw once the chunks parsed before it were delivered. */
  private RouterException failure;

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
    this.body = Objects.requireNonNull(body, "body");
    this.providerId = Objects.requireNonNull(providerId, "providerId");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
    this.parser = new SseParser(maxEventSize);
  }

  /**
   * Whether another chunk is available, reading the body until one is.
   *
   * @throws UpstreamTimeoutException if a read timed out
   * @throws TransportException if reading the body failed
   * @throws UpstreamProtocolException if an event exceeds the maximum event size
   */
  @Override
  public boolean hasNext() {
    if (closedByConsumer) {
      return false;
    }
    while (pending.isEmpty()) {
      if (failure != null) {
        RouterException e = failure;
        failure = null;
        throw e;
      }
      if (inputEnded) {
        return false;
      }
      readMore();
      if (closedByConsumer) {
        return false;
      }
    }
    return true;
  }

  /**
   * The next chunk, reading the body if needed.
   *
   * @throws NoSuchElementException if the stream has ended or was closed
   * @throws dev.llmrouter.error.RouterException for the read errors listed on {@link #hasNext()}
   */
  @Override
  public StreamChunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the SSE stream from '" + providerId + "' has no more events");
    }
    return pending.poll();
  }

  private void readMore() {
    int n;
    int emptyReads = 0;
    try {
      do {
        n = body.read(buffer, 0, buffer.length);
      } while (n == 0 && ++emptyReads < MAX_EMPTY_READS);
    } catch (IOException e) {
      if (!closedByConsumer) {
        end(readFailure(e));
      }
      return;
    } catch (RuntimeException e) {
      if (!closedByConsumer) {
        end(new TransportException(providerId, "reading the event stream failed: " + e, false, e));
      }
      return;
    }
    try {
      if (n < 0) {
        parser.finish(listener);
        end(null);
      } else if (n == 0) {
        end(new TransportException(providerId,
            "the event stream returned no data " + MAX_EMPTY_READS + " times in a row", false, null));
      } else {
        parser.feed(buffer, 0, n, listener);
        if (parser.isDone()) {
          end(null);
        }
      }
    } catch (SseParser.EventTooLargeException e) {
      end(new UpstreamProtocolException(providerId,
          "server-sent event exceeds the maximum event size of " + e.maxEventSize() + " bytes", e));
    }
  }

  private void end(RouterException error) {
    inputEnded = true;
    failure = error;
    release();
  }

  private RouterException readFailure(IOException e) {
    if (isTimeout(e)) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new UpstreamTimeoutException(providerId, "reading the event stream: " + detail, e);
    }
    return new TransportException(providerId, "reading the event stream failed: " + e, false, e);
  }

  private static boolean isTimeout(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
        return true;
      }
      if (t instanceof InterruptedIOException) {
        String m = t.getMessage();
        if (m != null && m.toLowerCase(Locale.ROOT).contains("timeout")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Stops the stream: {@code hasNext()} becomes false, {@code onClose} runs once and the body is closed. */
  @Override
  public void close() {
    closedByConsumer = true;
    release();
  }

  private void release() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    try {
      onClose.run();
    } catch (RuntimeException e) {
      LOG.warn("onClose of the event stream from '{}' failed", providerId, e);
    } finally {
      try {
        body.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("closing the event stream body from '{}' failed", providerId, e);
      }
    }
  }
}
