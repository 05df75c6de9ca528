package dev.llmrouter.providers;

import java.io.IOException;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** A MockWebServer SSE body that never ends: one event, then keep-alive comments until the client leaves. */
public final class EndlessSse implements MockResponseBody {
  private final String firstEventJson;

  /** A body whose first event carries {@code firstEventJson}. */
  public EndlessSse(String firstEventJson) {
    this.firstEventJson = firstEventJson;
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.writeUtf8("data: " + firstEventJson + "\n\n");
    sink.flush();
    try {
      while (true) {
        Thread.sleep(20);
        sink.writeUtf8(": keep-alive\n\n");
        sink.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
