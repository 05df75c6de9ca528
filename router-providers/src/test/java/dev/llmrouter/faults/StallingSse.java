package dev.llmrouter.faults;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** A MockWebServer SSE body that sends some events, then goes silent (no byte at all) until released. */
final class StallingSse implements MockResponseBody {
  private final String events;
  private final CountDownLatch release = new CountDownLatch(1);

  StallingSse(String events) {
    this.events = events;
  }

  /** Lets the server thread finish (call when the test is done). */
  void release() {
    release.countDown();
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.writeUtf8(events);
    sink.flush();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IOException("stalled body released");
  }
}
