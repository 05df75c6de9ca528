package dev.llmrouter.providers.anthropic;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A MockWebServer body written a few bytes at a time (1, 2, 3, 5, 7, … bytes, cycling), each piece flushed
 * and followed by a short pause, so that the client reads it in awkward splits: inside field names, between
 * CR and LF, inside multi-byte UTF-8 characters. Shared by the Anthropic, Mistral and Databricks tests.
 */
public final class TrickleBody implements MockResponseBody {
  private static final int[] PIECES = {1, 2, 3, 5, 7, 4, 1, 11};

  private final byte[] bytes;

  /** A body of {@code text} in UTF-8. */
  public TrickleBody(String text) {
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
  }

  /** The exact length, so that the client sees the end of a stream that has no {@code [DONE]}. */
  @Override
  public long getContentLength() {
    return bytes.length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    int offset = 0;
    int piece = 0;
    while (offset < bytes.length) {
      int n = Math.min(PIECES[piece++ % PIECES.length], bytes.length - offset);
      sink.write(bytes, offset, n);
      sink.flush();
      offset += n;
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      }
    }
  }
}
