package dev.llmrouter.stream.eventstream;

import static dev.llmrouter.stream.eventstream.TestFrames.chunk;
import static dev.llmrouter.stream.eventstream.TestFrames.concat;
import static dev.llmrouter.stream.eventstream.TestFrames.event;
import static dev.llmrouter.stream.eventstream.TestFrames.exception;
import static dev.llmrouter.stream.eventstream.TestFrames.frame;
import static dev.llmrouter.stream.eventstream.TestFrames.str;
import static dev.llmrouter.stream.eventstream.TestFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.stream.StreamChunk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventStreamRawStreamTest {

  /** Serves bytes in chunks of a chosen size (or random sizes), optionally failing after {@code failAt} bytes. */
  static final class TestInput extends InputStream {
    final byte[] bytes;
    final int chunk;
    final Random random;
    final int failAt;
    final IOException failure;
    int pos;
    final AtomicInteger closes = new AtomicInteger();

    TestInput(byte[] bytes, int chunk) {
      this(bytes, chunk, null, Integer.MAX_VALUE, null);
    }

    TestInput(byte[] bytes, int chunk, Random random, int failAt, IOException failure) {
      this.bytes = bytes;
      this.chunk = chunk;
      this.random = random;
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
      int size = random != null ? 1 + random.nextInt(chunk) : chunk;
      int n = Math.min(Math.min(Math.min(len, size), bytes.length - pos), failAt - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  static List<String> drain(EventStreamRawStream stream) {
    List<String> out = new ArrayList<>();
    while (stream.hasNext()) {
      StreamChunk c = stream.next();
      out.add(c.eventType().orElse("") + "|" + c.utf8());
    }
    return out;
  }

  static EventStreamRawStream stream(byte[] body, int chunk, AtomicInteger onClose) {
    return new EventStreamRawStream(new TestInput(body, chunk), "bedrock", onClose::incrementAndGet);
  }

  // ---- ConverseStream ----

  static final byte[] CONVERSE = concat(
      event("messageStart", "{\"p\":\"abcd\",\"role\":\"assistant\"}"),
      event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"},\"p\":\"abcdefgh\"}"),
      event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo ✓\"}}"),
      event("contentBlockStop", "{\"contentBlockIndex\":0}"),
      event("messageStop", "{\"stopReason\":\"end_turn\"}"),
      event("metadata", "{\"metrics\":{\"latencyMs\":123},\"usage\":{\"inputTokens\":5,\"outputTokens\":2,"
          + "\"totalTokens\":7}}"));

  static final List<String> CONVERSE_EXPECTED = List.of(
      "|{\"messageStart\":{\"p\":\"abcd\",\"role\":\"assistant\"}}",
      "|{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"},\"p\":\"abcdefgh\"}}",
      "|{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo ✓\"}}}",
      "|{\"contentBlockStop\":{\"contentBlockIndex\":0}}",
      "|{\"messageStop\":{\"stopReason\":\"end_turn\"}}",
      "|{\"metadata\":{\"metrics\":{\"latencyMs\":123},\"usage\":{\"inputTokens\":5,\"outputTokens\":2,"
          + "\"totalTokens\":7}}}");

  @Test
  void converseEventsAreWrappedInTheirEventTypeAndTheStreamClosesAtEof() {
    AtomicInteger onClose = new AtomicInteger();
    TestInput in = new TestInput(CONVERSE, 8192);
    EventStreamRawStream s = new EventStreamRawStream(in, "bedrock", onClose::incrementAndGet);
    assertThat(drain(s)).isEqualTo(CONVERSE_EXPECTED);
    assertThat(onClose).hasValue(1);
    assertThat(in.closes).hasValue(1);
    assertThat(s.hasNext()).isFalse();
    assertThatThrownBy(s::next).isInstanceOf(NoSuchElementException.class);
    s.close();
    assertThat(onClose).hasValue(1);
  }

  @Test
  void converseWithOneByteReads() {
    assertThat(drain(stream(CONVERSE, 1, new AtomicInteger()))).isEqualTo(CONVERSE_EXPECTED);
  }

  @Test
  void converseWithRandomReadSizes() {
    for (long seed = 0; seed < 50; seed++) {
      Random random = new Random(seed);
      TestInput in = new TestInput(CONVERSE, 1 + random.nextInt(300), random, Integer.MAX_VALUE, null);
      assertThat(drain(new EventStreamRawStream(in, "bedrock", () -> { })))
          .as("seed %d", seed).isEqualTo(CONVERSE_EXPECTED);
    }
  }

  @Test
  void worksOverByteArrayInputStream() {
    EventStreamRawStream s =
        new EventStreamRawStream(new ByteArrayInputStream(CONVERSE), "bedrock", () -> { });
    assertThat(drain(s)).isEqualTo(CONVERSE_EXPECTED);
  }

  @Test
  void emptyPayloadEventsAreSkippedAndOtherMessageTypesIgnored() {
    byte[] body = concat(
        event("messageStart", ""),
        frame(List.of(str(":message-type", "event"), str(":event-type", "chunk")), new byte[0]),
        event("chunk", "{\"bytes\":\"\"}"),
        frame(List.of(str(":message-type", "future-kind"), str(":event-type", "x")), utf8("{\"a\":1}")),
        event("messageStop", "{}"));
    assertThat(drain(stream(body, 8192, new AtomicInteger()))).containsExactly("|{\"messageStop\":{}}");
  }

  @Test
  void eventWithoutEventTypeYieldsItsRawPayloadAndMissingMessageTypeMeansEvent() {
    byte[] body = concat(
        frame(List.of(str(":message-type", "event")), utf8("{\"raw\":true}")),
        frame(List.of(str(":event-type", "messageStop")), utf8("{}")));
    assertThat(drain(stream(body, 8192, new AtomicInteger())))
        .containsExactly("|{\"raw\":true}", "|{\"messageStop\":{}}");
  }

  @Test
  void eventTypeIsJsonEscapedInTheWrapper() {
    byte[] body = event("odd\"type", "1");
    assertThat(drain(stream(body, 8192, new AtomicInteger()))).containsExactly("|{\"odd\\\"type\":1}");
  }

  // ---- InvokeModelWithResponseStream ----

  static final List<String> ANTHROPIC_EVENTS = List.of(
      "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[]}}",
      "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
      "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi ✓\"}}",
      "{\"type\":\"content_block_stop\",\"index\":0}",
      "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":3}}",
      "{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":5}}");

  @Test
  void invokeChunksAreBase64DecodedWithTheAnthropicTypeAsEventType() {
    List<byte[]> frames = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String e : ANTHROPIC_EVENTS) {
      frames.add(chunk(e));
      String type = e.substring(9, e.indexOf('"', 9));
      expected.add(type + "|" + e);
    }
    byte[] body = concat(frames.toArray(new byte[0][]));
    for (int readSize : new int[] {8192, 1, 7, 100}) {
      assertThat(drain(stream(body, readSize, new AtomicInteger()))).isEqualTo(expected);
    }
  }

  @Test
  void chunkTypeIsFoundAfterOtherMembersAndMissingOrOddTypesGiveNoEventType() {
    byte[] body = concat(
        chunk("{\"index\":0,\"delta\":{\"type\":\"nested\"},\"type\":\"custom_event\"}"),
        chunk("{\"outputText\":\"Titan style\",\"index\":0}"),
        chunk("{\"type\":5}"),
        chunk("[1,2]"),
        chunk("not json"));
    assertThat(drain(stream(body, 8192, new AtomicInteger()))).containsExactly(
        "custom_event|{\"index\":0,\"delta\":{\"type\":\"nested\"},\"type\":\"custom_event\"}",
        "|{\"outputText\":\"Titan style\",\"index\":0}",
        "|{\"type\":5}",
        "|[1,2]",
        "|not json");
  }

  @Test
  void chunkBytesOfEveryLengthDecodeWithAndWithoutPadding() {
    Random random = new Random(3);
    List<byte[]> frames = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (int n = 1; n < 70; n++) {
      byte[] data = new byte[n];
      random.nextBytes(data);
      Base64.Encoder encoder = n % 2 == 0 ? Base64.getEncoder() : Base64.getEncoder().withoutPadding();
      frames.add(event("chunk", "{\"bytes\":\"" + encoder.encodeToString(data) + "\"}"));
      expected.add(data);
    }
    EventStreamRawStream s = stream(concat(frames.toArray(new byte[0][])), 8192, new AtomicInteger());
    for (byte[] e : expected) {
      assertThat(s.next().data()).isEqualTo(e);
    }
    assertThat(s.hasNext()).isFalse();
  }

  @Test
  void chunkWithEscapedSlashInBase64IsDecoded() {
    byte[] data = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}; // "////"
    byte[] body = event("chunk", "{\"bytes\":\"\\/\\/\\/\\/\"}");
    assertThat(stream(body, 8192, new AtomicInteger()).next().data()).isEqualTo(data);
  }

  @Test
  void undecodableChunksEndTheStreamWithAProtocolErrorAfterEarlierChunks() {
    Map<String, String> cases = Map.of(
        "{\"bytes\":\"ab$d\"}", "not valid base64",
        "{\"bytes\":\"abcde\"}", "not valid base64",
        "{\"bytes\":12}", "no \"bytes\" string",
        "{\"other\":\"x\"}", "no \"bytes\" string",
        "[\"bytes\"]", "not a JSON object",
        "{\"bytes\":\"YQ==\"", "not valid JSON");
    cases.forEach((payload, message) -> {
      AtomicInteger onClose = new AtomicInteger();
      byte[] body = concat(chunk("{\"type\":\"ping\"}"), event("chunk", payload), chunk("{\"type\":\"ping\"}"));
      EventStreamRawStream s = stream(body, 8192, onClose);
      assertThat(s.next().utf8()).isEqualTo("{\"type\":\"ping\"}");
      assertThatThrownBy(s::hasNext)
          .as(payload)
          .isInstanceOfSatisfying(UpstreamProtocolException.class,
              e -> assertThat(e.provider()).isEqualTo("bedrock"))
          .hasMessageContaining(message);
      assertThat(onClose).hasValue(1);
      assertThat(s.hasNext()).isFalse();
    });
  }

  // ---- exceptions and errors ----

  @ParameterizedTest
  @CsvSource({
      "throttlingException, 429",
      "serviceUnavailableException, 503",
      "internalServerException, 500",
      "modelStreamErrorException, 500",
      "validationException, 400",
      "modelTimeoutException, 408",
      "ThrottlingException, 429"})
  void exceptionFramesEndTheStreamWithAnHttpErrorAfterEarlierChunks(String type, int status) {
    AtomicInteger onClose = new AtomicInteger();
    String payload = "{\"message\":\"Something about " + type + "\"}";
    byte[] body = concat(CONVERSE, exception(type, payload), event("messageStop", "{}"));
    for (int readSize : new int[] {8192, 1}) {
      onClose.set(0);
      TestInput in = new TestInput(body, readSize);
      EventStreamRawStream s = new EventStreamRawStream(in, "bedrock", onClose::incrementAndGet);
      for (String expected : CONVERSE_EXPECTED) {
        assertThat(s.hasNext()).isTrue();
        StreamChunk c = s.next();
        assertThat("|" + c.utf8()).isEqualTo(expected);
      }
      assertThatThrownBy(s::hasNext)
          .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.provider()).isEqualTo("bedrock");
            assertThat(e.bodyText()).isEqualTo(payload);
            assertThat(e.header("x-amzn-ErrorType")).hasValue(type);
            assertThat(e.header("content-type")).hasValue("application/json");
            assertThat(e.isRetryable()).as("follows the status (issue 5); never retried mid-stream")
                .isEqualTo(status != 400);
          })
          .hasMessageContaining("Something about " + type);
      assertThat(onClose).hasValue(1);
      assertThat(in.closes).hasValue(1);
      assertThat(s.hasNext()).isFalse();
      if (readSize == 1) {
        assertThat(in.pos).as("nothing after the exception frame is read")
            .isEqualTo(CONVERSE.length + exception(type, payload).length);
      }
    }
  }

  @Test
  void unknownExceptionTypeIsAProtocolErrorNamingTypeAndMessage() {
    byte[] body = concat(event("messageStart", "{}"),
        exception("accessDeniedException", "{\"message\":\"no access to model\"}"));
    EventStreamRawStream s = stream(body, 8192, new AtomicInteger());
    assertThat(s.next().utf8()).isEqualTo("{\"messageStart\":{}}");
    assertThatThrownBy(s::hasNext)
        .isInstanceOfSatisfying(UpstreamProtocolException.class, e -> {
          assertThat(e.provider()).isEqualTo("bedrock");
          assertThat(e.httpStatus()).isEqualTo(502);
        })
        .hasMessageContaining("accessDeniedException")
        .hasMessageContaining("no access to model");
  }

  @Test
  void exceptionWithNonJsonPayloadKeepsThePayload() {
    EventStreamRawStream s = stream(exception("throttlingException", "Rate exceeded"), 8192,
        new AtomicInteger());
    assertThatThrownBy(s::hasNext)
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.bodyText()).isEqualTo("Rate exceeded");
        });
  }

  @Test
  void errorMessageTypeIsMappedLikeExceptions() {
    EventStreamRawStream known = stream(TestFrames.error("ThrottlingException", "Too many requests"), 8192,
        new AtomicInteger());
    assertThatThrownBy(known::hasNext)
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.header("x-amzn-errortype")).hasValue("ThrottlingException");
          assertThat(e.bodyText()).isEqualTo("{\"message\":\"Too many requests\"}");
        });
    EventStreamRawStream unknown = stream(TestFrames.error("InternalError", "An internal error \"occurred\""),
        8192, new AtomicInteger());
    assertThatThrownBy(unknown::hasNext)
        .isInstanceOf(UpstreamProtocolException.class)
        .hasMessageContaining("InternalError")
        .hasMessageContaining("An internal error \"occurred\"");
  }

  @Test
  void exceptionBeforeACorruptFrameInTheSameReadIsReportedFirst() {
    byte[] bad = event("messageStop", "{}");
    bad[bad.length - 1] ^= 1;
    byte[] body = concat(exception("validationException", "{\"message\":\"bad input\"}"), bad);
    assertThatThrownBy(stream(body, 8192, new AtomicInteger())::hasNext)
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  // ---- framing errors ----

  @Test
  void truncatedFrameAtEofIsAProtocolErrorAfterEarlierChunks() {
    byte[] last = event("messageStop", "{\"stopReason\":\"end_turn\"}");
    byte[] body = concat(event("messageStart", "{}"), Arrays.copyOf(last, last.length - 3));
    AtomicInteger onClose = new AtomicInteger();
    EventStreamRawStream s = stream(body, 8192, onClose);
    assertThat(s.next().utf8()).isEqualTo("{\"messageStart\":{}}");
    assertThatThrownBy(s::hasNext)
        .isInstanceOfSatisfying(UpstreamProtocolException.class, e -> {
          assertThat(e.provider()).isEqualTo("bedrock");
          assertThat(e.getCause()).isInstanceOf(EventStreamFormatException.class);
        })
        .hasMessageContaining("Event stream decode error")
        .hasMessageContaining("stream ended inside a frame");
    assertThat(onClose).hasValue(1);
    assertThat(s.hasNext()).isFalse();
  }

  @Test
  void corruptedCrcsAreProtocolErrors() {
    byte[] prelude = event("messageStop", "{}");
    prelude[10] ^= 1;
    EventStreamRawStream s = stream(concat(event("messageStart", "{}"), prelude), 8192, new AtomicInteger());
    assertThat(s.next().utf8()).isEqualTo("{\"messageStart\":{}}");
    assertThatThrownBy(s::hasNext).isInstanceOf(UpstreamProtocolException.class)
        .hasMessageContaining("prelude CRC mismatch");

    byte[] message = event("messageStop", "{}");
    message[message.length - 5] ^= 1;
    assertThatThrownBy(stream(message, 3, new AtomicInteger())::hasNext)
        .isInstanceOf(UpstreamProtocolException.class)
        .hasMessageContaining("message CRC mismatch");
  }

  @Test
  void frameOverTheMaximumSizeIsAProtocolErrorNamingTheLimit() {
    byte[] body = concat(event("messageStart", "{}"), event("contentBlockDelta", "x".repeat(500)));
    AtomicInteger onClose = new AtomicInteger();
    EventStreamRawStream s = new EventStreamRawStream(new TestInput(body, 8192), "bedrock",
        onClose::incrementAndGet, 200);
    assertThat(s.next().utf8()).isEqualTo("{\"messageStart\":{}}");
    assertThatThrownBy(s::hasNext)
        .isInstanceOfSatisfying(UpstreamProtocolException.class, e -> assertThat(e.httpStatus()).isEqualTo(502))
        .hasMessageContaining("maximum frame size of 200 bytes");
    assertThat(onClose).hasValue(1);
  }

  @Test
  void invalidMaxFrameSizeIsRejected() {
    assertThatThrownBy(() -> new EventStreamRawStream(new TestInput(new byte[0], 1), "bedrock", () -> { }, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyBodyHasNoChunks() {
    AtomicInteger onClose = new AtomicInteger();
    EventStreamRawStream s = stream(new byte[0], 8192, onClose);
    assertThat(s.hasNext()).isFalse();
    assertThat(onClose).hasValue(1);
  }

  // ---- I/O failures ----

  @Test
  void ioExceptionMidStreamBecomesTransportExceptionAfterEarlierChunks() {
    byte[] first = event("messageStart", "{}");
    byte[] body = concat(first, event("messageStop", "{}"));
    AtomicInteger onClose = new AtomicInteger();
    TestInput in = new TestInput(body, 8192, null, first.length + 5, new IOException("connection reset"));
    EventStreamRawStream s = new EventStreamRawStream(in, "bedrock", onClose::incrementAndGet);
    assertThat(s.next().utf8()).isEqualTo("{\"messageStart\":{}}");
    assertThatThrownBy(s::hasNext)
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e).isNotInstanceOf(UpstreamTimeoutException.class);
          assertThat(e.provider()).isEqualTo("bedrock");
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getCause()).hasMessage("connection reset");
        })
        .hasMessageContaining("connection reset");
    assertThat(onClose).hasValue(1);
    assertThat(in.closes).hasValue(1);
    assertThat(s.hasNext()).isFalse();
  }

  @Test
  void runtimeExceptionFromTheBodyBecomesTransportException() {
    InputStream broken = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("stream reset by peer");
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw new IllegalStateException("stream reset by peer");
      }
    };
    EventStreamRawStream s = new EventStreamRawStream(broken, "bedrock", () -> { });
    assertThatThrownBy(s::hasNext).isInstanceOf(TransportException.class)
        .hasMessageContaining("stream reset by peer");
  }

  @Test
  void timeoutsBecomeUpstreamTimeoutException() {
    List<IOException> timeouts = List.of(
        new SocketTimeoutException("Read timed out"),
        new InterruptedIOException("timeout"),
        new IOException("body read failed", new SocketTimeoutException("timed out")));
    for (IOException timeout : timeouts) {
      byte[] body = event("messageStart", "{}");
      EventStreamRawStream s = new EventStreamRawStream(
          new TestInput(body, 8192, null, body.length, timeout), "bedrock", () -> { });
      assertThat(s.next().utf8()).isEqualTo("{\"messageStart\":{}}");
      assertThatThrownBy(s::hasNext)
          .isInstanceOfSatisfying(UpstreamTimeoutException.class, e -> {
            assertThat(e.provider()).isEqualTo("bedrock");
            assertThat(e.httpStatus()).isEqualTo(504);
            assertThat(e.isRetryable()).isFalse();
          });
    }
    EventStreamRawStream interrupted = new EventStreamRawStream(
        new TestInput(new byte[0], 1, null, 0, new InterruptedIOException("interrupted")), "bedrock", () -> { });
    assertThatThrownBy(interrupted::hasNext)
        .isInstanceOf(TransportException.class)
        .isNotInstanceOf(UpstreamTimeoutException.class);
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
    EventStreamRawStream s = new EventStreamRawStream(zeros, "bedrock", () -> { });
    assertThatThrownBy(s::hasNext).isInstanceOf(TransportException.class);
    assertThat(s.hasNext()).isFalse();
  }

  // ---- close ----

  @Test
  void closeTwiceRunsOnCloseOnceAndEndsTheStream() {
    AtomicInteger onClose = new AtomicInteger();
    TestInput in = new TestInput(CONVERSE, 8192);
    EventStreamRawStream s = new EventStreamRawStream(in, "bedrock", onClose::incrementAndGet);
    assertThat(s.hasNext()).isTrue();
    s.close();
    s.close();
    assertThat(onClose).hasValue(1);
    assertThat(in.closes).hasValue(1);
    assertThat(s.hasNext()).isFalse();
    assertThatThrownBy(s::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void closeAfterAnErrorDoesNotRunOnCloseAgain() {
    AtomicInteger onClose = new AtomicInteger();
    EventStreamRawStream s = stream(exception("throttlingException", "{}"), 8192, onClose);
    assertThatThrownBy(s::hasNext).isInstanceOf(RouterException.class);
    s.close();
    assertThat(onClose).hasValue(1);
  }

  @Test
  void closeFromTwoThreadsRunsOnCloseOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 200; round++) {
        AtomicInteger onClose = new AtomicInteger();
        TestInput in = new TestInput(CONVERSE, 8192);
        EventStreamRawStream s = new EventStreamRawStream(in, "bedrock", onClose::incrementAndGet);
        CountDownLatch start = new CountDownLatch(1);
        Future<?> a = pool.submit(() -> {
          start.await();
          s.close();
          return null;
        });
        Future<?> b = pool.submit(() -> {
          start.await();
          s.close();
          return null;
        });
        start.countDown();
        a.get(5, TimeUnit.SECONDS);
        b.get(5, TimeUnit.SECONDS);
        assertThat(onClose).hasValue(1);
        assertThat(in.closes).hasValue(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sends one frame and half of the next, then blocks in read until closed, then fails like a socket. */
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
        byte[] next = event("messageStop", "{}");
        byte[] first = concat(event("messageStart", "{}"), Arrays.copyOf(next, 10));
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
    EventStreamRawStream s = new EventStreamRawStream(in, "bedrock", onClose::incrementAndGet);
    assertThat(s.next().utf8()).isEqualTo("{\"messageStart\":{}}");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> consumer = pool.submit(s::hasNext);
      assertThat(in.reading.await(5, TimeUnit.SECONDS)).isTrue();
      s.close();
      assertThat(consumer.get(5, TimeUnit.SECONDS)).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(onClose).hasValue(1);
    assertThat(s.hasNext()).isFalse();
  }

  @Test
  void onCloseFailureDoesNotEscapeAndBodyIsStillClosed() {
    TestInput in = new TestInput(CONVERSE, 8192);
    EventStreamRawStream s = new EventStreamRawStream(in, "bedrock", () -> {
      throw new IllegalStateException("boom");
    });
    s.close();
    assertThat(in.closes).hasValue(1);
    assertThat(s.hasNext()).isFalse();
  }

  @Test
  void statusTableIsCaseInsensitive() {
    assertThat(EventStreamRawStream.statusOf("MODELTIMEOUTEXCEPTION")).isEqualTo(408);
    assertThat(EventStreamRawStream.statusOf("somethingElse")).isEqualTo(-1);
  }
}
