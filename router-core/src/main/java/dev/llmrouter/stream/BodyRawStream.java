package dev.llmrouter.stream;

import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.provider.RawResponseStream;
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
 * The plumbing every raw stream over an HTTP response body shares; subclasses only decode bytes into
 * chunks ({@link dev.llmrouter.stream.sse.SseRawStream} for server-sent events,
 * {@link dev.llmrouter.stream.eventstream.EventStreamRawStream} for AWS event streams).
 *
 * <p>The body is read lazily, 8 KiB at a time, by {@link #hasNext()}. Chunks decoded before an error are
 * delivered first; then the error is thrown once and the stream ends: a read timeout is an
 * {@link UpstreamTimeoutException}, any other I/O failure a non-retryable {@link TransportException}
 * (bytes were already received), decoding errors whatever the subclass reports. When input ends (or the
 * decoder says the stream is over) the upstream is released through {@code onFinish} when one was given
 * (which may keep the connection for reuse) and through {@code onClose} otherwise; an error or a close by
 * the consumer always releases through {@code onClose}.
 *
 * <p>Iterate on one thread. {@link #close()} may be called from any thread, any number of times: it runs
 * {@code onClose} exactly once and closes the body; after the consumer closed the stream, {@code hasNext()}
 * is false and the I/O error the close provokes in a blocked read is not reported.
 */
public abstract class BodyRawStream implements RawResponseStream {
  private static final Logger LOG = LoggerFactory.getLogger(BodyRawStream.class);
  private static final int READ_SIZE = 8 * 1024;
  /** Consecutive empty reads tolerated before the body is considered broken (guards against spinning). */
  private static final int MAX_EMPTY_READS = 64;
  private static final int MAX_CAUSE_DEPTH = 8;

  private final InputStream body;
  private final String providerId;
  private final Runnable onClose;
  private final Runnable onFinish;
  private final String what;
  private final byte[] buffer = new byte[READ_SIZE];
  private final ArrayDeque<StreamChunk> pending = new ArrayDeque<>();
  private final AtomicBoolean released = new AtomicBoolean();
  private volatile boolean closedByConsumer;
  /** No more input will be read: end of input, end of stream, or an error. */
  private boolean inputEnded;
  /** An error to throw once the chunks decoded before it were delivered. */
  private RouterException failure;

  /**
   * @param body the response body; closed by {@link #close()}
   * @param providerId the provider id named in errors, e.g. {@code openai}
   * @param onClose cancels the upstream call and releases the connection; run exactly once
   * @param what how errors name the stream, e.g. "the event stream"
   */
  protected BodyRawStream(InputStream body, String providerId, Runnable onClose, String what) {
    this(body, providerId, onClose, onClose, what);
  }

  /**
   * @param onFinish releases the upstream after a normal end (end of input, or the decoder's end of
   *     stream such as {@code [DONE]}) without cancelling the call, so the connection can be reused; run
   *     at most once, and then {@code onClose} is not run
   */
  protected BodyRawStream(
      InputStream body, String providerId, Runnable onClose, Runnable onFinish, String what) {
    this.body = Objects.requireNonNull(body, "body");
    this.providerId = Objects.requireNonNull(providerId, "providerId");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
    this.onFinish = Objects.requireNonNull(onFinish, "onFinish");
    this.what = what;
  }

  /** Decodes {@code len} bytes at {@code off}: calls {@link #emit}, and {@link #endStream} or {@link #fail}. */
  protected abstract void decode(byte[] buf, int off, int len);

  /** Called once at end of input: emit what is still pending, or fail on a truncated unit. */
  protected abstract void decodeEnd();

  /** The provider id named in errors. */
  protected final String providerId() {
    return providerId;
  }

  /** Queues a decoded chunk. */
  protected final void emit(StreamChunk chunk) {
    pending.add(chunk);
  }

  /** The stream is over (e.g. {@code [DONE]}): no more input is read and the upstream is released. */
  protected final void endStream() {
    end(null);
  }

  /** The stream ends with {@code error}, thrown after the chunks already decoded. */
  protected final void fail(RouterException error) {
    end(error);
  }

  /**
   * Whether another chunk is available, reading the body until one is.
   *
   * @throws RouterException for a read failure or a decoding error, after earlier chunks
   */
  @Override
  public final boolean hasNext() {
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
   */
  @Override
  public final StreamChunk next() {
    if (!hasNext()) {
      throw new NoSuchElementException(what + " from '" + providerId + "' has no more events");
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
        end(new TransportException(providerId, "reading " + what + " failed: " + e, false, e));
      }
      return;
    }
    if (n < 0) {
      decodeEnd();
      if (!inputEnded) {
        end(null);
      }
    } else if (n == 0) {
      end(new TransportException(providerId,
          what + " returned no data " + MAX_EMPTY_READS + " times in a row", false, null));
    } else {
      decode(buffer, 0, n);
    }
  }

  private void end(RouterException error) {
    if (inputEnded) {
      return;
    }
    inputEnded = true;
    failure = error;
    release(error == null && !closedByConsumer ? onFinish : onClose);
  }

  private RouterException readFailure(IOException e) {
    UpstreamTimeoutException.Phase phase = timeoutPhase(e);
    if (phase != null) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String limit = phase == UpstreamTimeoutException.Phase.STREAM_IDLE
          ? "no data arrived within the idle limit while reading "
          : "the whole-call limit ran out while reading ";
      return new UpstreamTimeoutException(providerId, phase, limit + what + ": " + detail, e);
    }
    return new TransportException(providerId, "reading " + what + " failed: " + e, false, e);
  }

  /**
   * The timeout an I/O failure stands for, or null: a socket read timeout is an idle gap (STREAM_IDLE); an
   * {@link InterruptedIOException} saying "timeout" is the client's whole-call limit (TOTAL).
   */
  private static UpstreamTimeoutException.Phase timeoutPhase(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return UpstreamTimeoutException.Phase.STREAM_IDLE;
      }
      if (t instanceof HttpTimeoutException) {
        return UpstreamTimeoutException.Phase.TOTAL;
      }
      if (t instanceof InterruptedIOException) {
        String m = t.getMessage();
        if (m != null && m.toLowerCase(Locale.ROOT).contains("timeout")) {
          return UpstreamTimeoutException.Phase.TOTAL;
        }
      }
    }
    return null;
  }

  /** Stops the stream: {@code hasNext()} becomes false, {@code onClose} runs once and the body is closed. */
  @Override
  public final void close() {
    closedByConsumer = true;
    release(onClose);
  }

  private void release(Runnable action) {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("onClose of {} from '{}' failed", what, providerId, e);
    } finally {
      try {
        body.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("closing the body of {} from '{}' failed", what, providerId, e);
      }
    }
  }
}
