package dev.llmrouter.providers.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open 2xx response whose body has not been read yet, for providers that parse a streaming body
 * themselves (SSE, AWS event streams). {@link #close()} releases it: a fully read body returns its
 * connection to the pool; otherwise the call is cancelled first, so closing never waits for the upstream.
 * Close is idempotent and may be called from another thread.
 */
public final class StreamingResponse implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingResponse.class);

  private final Call call;
  private final Response response;
  private final List<Map.Entry<String, String>> headers;
  private final EofTrackingStream body;
  private final AtomicBoolean closed = new AtomicBoolean();

  StreamingResponse(Call call, Response response, List<Map.Entry<String, String>> headers) {
    this.call = call;
    this.response = response;
    this.headers = headers;
    this.body = new EofTrackingStream(response.body().byteStream());
  }

  /** The HTTP status (2xx). */
  public int status() {
    return response.code();
  }

  /** The response headers, credential-bearing ones removed, in arrival order. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The body bytes as they arrive. Reading blocks; it fails once the response is closed or cancelled. */
  public InputStream body() {
    return body;
  }

  /** A callback that closes this response, for stream types that take an {@code onClose} action. */
  public Runnable closer() {
    return this::close;
  }

  /**
   * A callback for a stream that ended normally (its end marker, such as {@code [DONE]}, was read): the
   * response is closed without cancelling the call, so OkHttp reads the few bytes left (the chunked
   * terminator), for at most its short discard timeout, and keeps the connection for the next request.
   * Cancelling there, as {@link #closer()} does for an unfinished body, threw the connection away after
   * every streamed request.
   */
  public Runnable finisher() {
    return this::finish;
  }

  private void finish() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      response.close();
    } catch (RuntimeException e) {
      LOG.debug("ignoring failure while closing a finished response: {}", e.toString());
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (!body.reachedEof) {
      call.cancel();
    }
    try {
      response.close();
    } catch (RuntimeException e) {
      LOG.debug("ignoring failure while closing a cancelled response: {}", e.toString());
    }
  }

  /** Remembers whether the body was read to its end, so close can keep the connection. */
  private static final class EofTrackingStream extends FilterInputStream {
    private volatile boolean reachedEof;

    EofTrackingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        reachedEof = true;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n < 0) {
        reachedEof = true;
      }
      return n;
    }
  }
}
