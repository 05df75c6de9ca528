package dev.llmrouter.providers.http;

import dev.llmrouter.error.UpstreamTimeoutException.Phase;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Tells which time limit an OkHttp I/O failure stands for. OkHttp reports a socket timeout (connect, read,
 * write) as a {@link SocketTimeoutException} and its call timeout as a plain {@link InterruptedIOException};
 * callers rule out cancellation and thread interrupts first.
 */
final class TimeoutPhases {
  private static final int MAX_CAUSE_DEPTH = 8;

  private TimeoutPhases() {}

  /** The phase of a failure before the response headers arrived, or null when it is not a timeout. */
  static Phase beforeHeaders(IOException e) {
    SocketTimeoutException socket = socketTimeout(e);
    if (socket != null) {
      String m = socket.getMessage();
      return m != null && m.toLowerCase(Locale.ROOT).contains("connect") ? Phase.CONNECT : Phase.RESPONSE_HEADERS;
    }
    return e instanceof InterruptedIOException ? Phase.TOTAL : null;
  }

  /** The phase of a failure while reading a response body, or null when it is not a timeout. */
  static Phase inBody(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return Phase.STREAM_IDLE;
    }
    return e instanceof InterruptedIOException ? Phase.TOTAL : null;
  }

  private static SocketTimeoutException socketTimeout(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof SocketTimeoutException s) {
        return s;
      }
      if (t instanceof InterruptedIOException) {
        return null; // the call timeout: its cause is whatever the cancellation provoked
      }
    }
    return null;
  }
}
