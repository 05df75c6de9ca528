package dev.llmrouter.providers.google;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A MockWebServer body written a few bytes at a time with a flush after each piece, so that events,
 * lines, {@code \r\n} pairs and multi-byte UTF-8 characters arrive split across reads.
 */
public final class TrickleBody implements MockResponseBody {
  private final byte[] bytes;
  private final int[] pieceSizes;

  /** {@code text} in pieces of the given sizes, used in turn (for example 1, 3, 2, 7). */
  public TrickleBody(String text, int... pieceSizes) {
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
    this.pieceSizes = pieceSizes.length == 0 ? new int[] {1, 2, 3, 5, 7} : pieceSizes.clone();
  }

  @Override
  public long getContentLength() {
    // A known length: with -1 the HTTP/1.1 response would only end when the server closes the socket.
    return bytes.length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    int offset = 0;
    int turn = 0;
    while (offset < bytes.length) {
      int n = Math.min(pieceSizes[turn++ % pieceSizes.length], bytes.length - offset);
      sink.write(bytes, offset, n);
      sink.flush();
      offset += n;
    }
  }
}
