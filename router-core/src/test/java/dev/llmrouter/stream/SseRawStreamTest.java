package dev.llmrouter.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.stream.sse.SseRawStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SseRawStreamTest {

  private static final String BODY = "event: message_start\n"
      + "data: {\"type\":\"message_start\"}\n\n"
      + ": ping\n\n"
      + "data:\n\n"
      + "data:   \n\n"
      + "event: content_block_delta\r\n"
      + "data: {\"type\":\"content_block_delta\"}\r\n\r\n"
      + "data: {\"choices\":[]}\n\n";

  /** Counts reads and closes; optionally returns one byte per read; fails after {@code failAt} bytes. */
  static final class TestInput extends InputStream {
    final byte[] bytes;
    final boolean oneByte;
    final int failAt;
    final IOException failure;
    int pos;
    final AtomicInteger closes = new AtomicInteger();

    TestInput(String body, boolean oneByte) {
      this(body, oneByte, Integer.MAX_VALUE, null);
    }

    TestInput(String body, boolean oneByte, int failAt, IOException failure) {
      this.bytes = body.getBytes(StandardCharsets.UTF_8);
      this.oneByte = oneByte;
      this.failAt = failAt;
      this.failure = failure;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException("single-byte read() should not be used");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= failAt) {
        throw failure;
      }
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, bytes.length - pos), failAt - pos);
      if (oneByte) {
        n = 1;
      }
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  static List<String> drain(SseRawStream stream) {
    List<String> out = new ArrayList<>();
    while (stream.hasNext()) {
      StreamChunk c = stream.next();
      out.add(c.eventType().orElse("") + ":" + c.utf8());
    }
    return out;
  }

  static final List<String> EXPECTED = List.of(
      "message_start:{\"type\":\"message_start\"}",
      "content_block_delta:{\"type\":\"content_block_delta\"}",
      ":{\"choices\":[]}");

  @Test
  void yieldsOneChunkPerNonBlankEventAndClosesAtEof() {
    AtomicInteger onClose = new AtomicInteger();
    TestInput in = new TestInput(BODY, false);
    SseRawStream stream = new SseRawStream(in, "anthropic", onClose::incrementAndGet);
    assertThat(drain(stream)).isEqualTo(EXPECTED);
    assertThat(onClose).hasValue(1);
    assertThat(in.closes).hasValue(1);
    assertThat(stream.hasNext()).isFalse();
    assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
    stream.close();
    assertThat(onClose).hasValue(1);
  }

  @Test
  void worksOverByteArrayInputStream() {
    SseRawStream stream = new SseRawStream(
        new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)), "anthropic", () -> { });
    assertThat(drain(stream)).isEqualTo(EXPECTED);
  }

  @Test
  void worksWithOneBytePerRead() {
    SseRawStream stream = new SseRawStream(new TestInput(BODY, true), "anthropic", () -> { });
    assertThat(drain(stream)).isEqualTo(EXPECTED);
  }

  @Test
  void largeBodyAcrossManyReads() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      body.append("data: {\"i\":").append(i)
          .append(",\"pad\":\"").append("p".repeat(i % 50)).append("\"}\n\n");
    }
    SseRawStream stream = new SseRawStream(new TestInput(body.toString(), false), "openai", () -> { });
    List<String> chunks = drain(stream);
    assertThat(chunks).hasSize(5000);
    assertThat(chunks.get(4999)).startsWith(":{\"i\":4999,");
  }

  @Test
  void eofWithoutTrailingBlankLineDeliversLastEvent() {
    SseRawStream stream = new SseRawStream(new TestInput("data: {\"a\":1}\n\ndata: {\"b\":2}", false),
        "openai", () -> { });
    assertThat(drain(stream)).containsExactly(":{\"a\":1}", ":{\"b\":2}");
  }

  @Test
  void doneEndsTheStreamAndReleasesUpstreamWithoutReadingFurther() {
    AtomicInteger onClose = new AtomicInteger();
    String body = "data: {\"a\":1}\n\ndata: [DONE]\n\ndata: {\"b\":2}\n\n";
    TestInput in = new TestInput(body, true);
    SseRawStream stream = new SseRawStream(in, "openai", onClose::incrementAndGet);
    assertThat(drain(stream)).containsExactly(":{\"a\":1}");
    assertThat(onClose).hasValue(1);
    assertThat(in.closes).hasValue(1);
    assertThat(in.pos).isEqualTo(body.indexOf("[DONE]") + "[DONE]\n\n".length());
  }

  @Test
  void emptyBodyHasNoChunks() {
    AtomicInteger onClose = new AtomicInteger();
    SseRawStream stream = new SseRawStream(new TestInput("", false), "openai", onClose::incrementAndGet);
    assertThat(stream.hasNext()).isFalse();
    assertThat(onClose).hasValue(1);
  }

  @Test
  void ioExceptionMidStreamBecomesTransportExceptionAfterEarlierChunks() {
    String body = "data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: {\"partial\"";
    AtomicInteger onClose = new AtomicInteger();
    TestInput in = new TestInput(body, false, body.length(), new IOException("connection reset"));
    SseRawStream stream = new SseRawStream(in, "openai", onClose::incrementAndGet);
    assertThat(stream.next().utf8()).isEqualTo("{\"a\":1}");
    assertThat(stream.next().utf8()).isEqualTo("{\"b\":2}");
    assertThatThrownBy(stream::hasNext)
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e).isNotInstanceOf(UpstreamTimeoutException.class);
          assertThat(e.provider()).isEqualTo("openai");
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getCause()).hasMessage("connection reset");
        })
        .hasMessageContaining("openai")
        .hasMessageContaining("connection reset");
    assertThat(onClose).hasValue(1);
    assertThat(stream.hasNext()).isFalse(); // the partial event is not delivered
  }

  @Test
  void socketTimeoutBecomesUpstreamTimeoutException() {
    TestInput in =
        new TestInput("data: {\"a\":1}\n\n", false, 15, new SocketTimeoutException("Read timed out"));
    SseRawStream stream = new SseRawStream(in, "google", () -> { });
    assertThat(stream.next().utf8()).isEqualTo("{\"a\":1}");
    assertThatThrownBy(stream::hasNext)
        .isInstanceOfSatisfying(UpstreamTimeoutException.class, e -> {
          assertThat(e.provider()).isEqualTo("google");
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.httpStatus()).isEqualTo(504);
        });
  }

  @Test
  void interruptedIoWithTimeoutMessageBecomesUpstreamTimeoutException() {
    TestInput in = new TestInput("", false, 0, new InterruptedIOException("timeout"));
    SseRawStream stream = new SseRawStream(in, "openai", () -> { });
    assertThatThrownBy(stream::hasNext).isInstanceOf(UpstreamTimeoutException.class);
  }

  @Test
  void wrappedSocketTimeoutBecomesUpstreamTimeoutException() {
    IOException wrapped = new IOException("body read failed", new SocketTimeoutException("timed out"));
    SseRawStream stream = new SseRawStream(new TestInput("", false, 0, wrapped), "openai", () -> { });
    assertThatThrownBy(stream::hasNext).isInstanceOf(UpstreamTimeoutException.class);
  }

  @Test
  void interruptedIoWithoutTimeoutIsATransportError() {
    TestInput in = new TestInput("", false, 0, new InterruptedIOException("interrupted"));
    SseRawStream stream = new SseRawStream(in, "openai", () -> { });
    assertThatThrownBy(stream::hasNext)
        .isInstanceOf(TransportException.class)
        .isNotInstanceOf(UpstreamTimeoutException.class);
  }

  @Test
  void oversizeEventBecomesUpstreamProtocolExceptionNamingTheLimit() {
    String body = "data: {\"a\":1}\n\ndata: " + "x".repeat(200) + "\n\n";
    AtomicInteger onClose = new AtomicInteger();
    SseRawStream stream =
        new SseRawStream(new TestInput(body, false), "mistral", onClose::incrementAndGet, 100);
    assertThat(stream.next().utf8()).isEqualTo("{\"a\":1}");
    assertThatThrownBy(stream::hasNext)
        .isInstanceOfSatisfying(UpstreamProtocolException.class,
            e -> assertThat(e.httpStatus()).isEqualTo(502))
        .hasMessageContaining("100 bytes");
    assertThat(onClose).hasValue(1);
    assertThat(stream.hasNext()).isFalse();
  }

  @Test
  void closeTwiceRunsOnCloseOnceAndEndsTheStream() {
    AtomicInteger onClose = new AtomicInteger();
    TestInput in = new TestInput(BODY, false);
    SseRawStream stream = new SseRawStream(in, "anthropic", onClose::incrementAndGet);
    assertThat(stream.hasNext()).isTrue();
    stream.close();
    stream.close();
    assertThat(onClose).hasValue(1);
    assertThat(in.closes).hasValue(1);
    assertThat(stream.hasNext()).isFalse();
    assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void closeFromTwoThreadsRunsOnCloseOnce() throws Exception {
    for (int round = 0; round < 200; round++) {
      AtomicInteger onClose = new AtomicInteger();
      TestInput in = new TestInput(BODY, false);
      SseRawStream stream = new SseRawStream(in, "anthropic", onClose::incrementAndGet);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> a = pool.submit(() -> {
          start.await();
          stream.close();
          return null;
        });
        Future<?> b = pool.submit(() -> {
          start.await();
          stream.close();
          return null;
        });
        start.countDown();
        a.get(5, TimeUnit.SECONDS);
        b.get(5, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      assertThat(onClose).hasValue(1);
      assertThat(in.closes).hasValue(1);
    }
  }

  /** Blocks in read until closed, then fails as a socket stream does. */
  static final class BlockingInput extends InputStream {
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    boolean sentFirst;

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!sentFirst) {
        sentFirst = true;
        byte[] first = "data: {\"a\":1}\n\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(first, 0, b, off, first.length);
        return first.length;
      }
      reading.countDown();
      try {
        if (!closed.await(10, TimeUnit.SECONDS)) {
          throw new IOException("test timed out waiting for close");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      }
      throw new IOException("Socket closed");
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }

  @Test
  void closeFromAnotherThreadWhileBlockedEndsWithoutError() throws Exception {
    BlockingInput in = new BlockingInput();
    AtomicInteger onClose = new AtomicInteger();
    SseRawStream stream = new SseRawStream(in, "openai", onClose::incrementAndGet);
    assertThat(stream.next().utf8()).isEqualTo("{\"a\":1}");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> consumer = pool.submit(stream::hasNext);
      assertThat(in.reading.await(5, TimeUnit.SECONDS)).isTrue();
      stream.close();
      assertThat(consumer.get(5, TimeUnit.SECONDS)).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(onClose).hasValue(1);
    assertThat(stream.hasNext()).isFalse();
  }

  @Test
  void onCloseFailureDoesNotEscapeAndBodyIsStillClosed() {
    TestInput in = new TestInput(BODY, false);
    SseRawStream stream = new SseRawStream(in, "openai", () -> {
      throw new IllegalStateException("boom");
    });
    stream.close();
    assertThat(in.closes).hasValue(1);
    assertThat(stream.hasNext()).isFalse();
  }

  @Test
  void bodyThatNeverReturnsDataFailsInsteadOfSpinning() {
    InputStream zeros = new InputStream() {
      @Override
      public int read() {
        return -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return 0;
      }
    };
    SseRawStream stream = new SseRawStream(zeros, "openai", () -> { });
    assertThatThrownBy(stream::hasNext).isInstanceOf(TransportException.class);
    assertThat(stream.hasNext()).isFalse();
  }

  @Test
  void invalidMaxEventSizeIsRejected() {
    assertThatThrownBy(() -> new SseRawStream(new TestInput("", false), "openai", () -> { }, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
