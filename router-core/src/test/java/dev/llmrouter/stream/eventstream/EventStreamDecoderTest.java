package dev.llmrouter.stream.eventstream;

import static dev.llmrouter.stream.eventstream.TestFrames.bool;
import static dev.llmrouter.stream.eventstream.TestFrames.bytes;
import static dev.llmrouter.stream.eventstream.TestFrames.concat;
import static dev.llmrouter.stream.eventstream.TestFrames.frame;
import static dev.llmrouter.stream.eventstream.TestFrames.int16;
import static dev.llmrouter.stream.eventstream.TestFrames.int32;
import static dev.llmrouter.stream.eventstream.TestFrames.int64;
import static dev.llmrouter.stream.eventstream.TestFrames.int8;
import static dev.llmrouter.stream.eventstream.TestFrames.raw;
import static dev.llmrouter.stream.eventstream.TestFrames.str;
import static dev.llmrouter.stream.eventstream.TestFrames.timestamp;
import static dev.llmrouter.stream.eventstream.TestFrames.unsigned;
import static dev.llmrouter.stream.eventstream.TestFrames.utf8;
import static dev.llmrouter.stream.eventstream.TestFrames.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.stream.eventstream.EventStreamFormatException.Problem;
import dev.llmrouter.stream.eventstream.EventStreamHeaderValue.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class EventStreamDecoderTest {

  /**
   * A published example message: the {@code event_stream} Elixir package documents that the payload
   * {@code {"foo": "bar"}} with no headers encodes to these 30 bytes.
   * (https://hex.pm/packages/event_stream, lib/event_stream.ex, {@code EventStream.encode!/2} doc)
   */
  private static final byte[] PUBLISHED_NO_HEADERS = unsigned(
      0, 0, 0, 30, 0, 0, 0, 0, 186, 242, 246, 138, 123, 34, 102, 111, 111, 34, 58, 32, 34, 98, 97, 114, 34,
      125, 174, 114, 88, 228);

  /** The same example with the string header {@code content-type: application/json}. */
  private static final byte[] PUBLISHED_WITH_HEADER = unsigned(
      0, 0, 0, 62, 0, 0, 0, 32, 64, 93, 249, 70, 12, 99, 111, 110, 116, 101, 110, 116, 45, 116, 121, 112,
      101, 7, 0, 16, 97, 112, 112, 108, 105, 99, 97, 116, 105, 111, 110, 47, 106, 115, 111, 110, 123, 34,
      102, 111, 111, 34, 58, 32, 34, 98, 97, 114, 34, 125, 111, 162, 191, 59);

  private static final UUID SOME_UUID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  /** Collects copies of every frame. */
  static final class Collector implements EventStreamDecoder.Listener {
    final List<EventStreamFrame> frames = new ArrayList<>();

    @Override
    public void onFrame(EventStreamFrame frame) {
      frames.add(frame.copy());
    }
  }

  static List<EventStreamFrame> decodeAll(byte[] stream) {
    Collector c = new Collector();
    EventStreamDecoder d = new EventStreamDecoder();
    d.feed(stream, c);
    d.finish();
    return c.frames;
  }

  static EventStreamFormatException decodeError(byte[] stream, int maxFrameSize) {
    EventStreamDecoder d = new EventStreamDecoder(maxFrameSize);
    try {
      d.feed(stream, new Collector());
      d.finish();
    } catch (EventStreamFormatException e) {
      return e;
    }
    throw new AssertionError("expected a format error");
  }

  static EventStreamFormatException decodeError(byte[] stream) {
    return decodeError(stream, EventStreamDecoder.DEFAULT_MAX_FRAME_SIZE);
  }

  // ---- CRC and the test encoder against published values ----

  @Test
  void testEncoderCrcMatchesTheCrc32CheckValueAndJavaUtilZip() {
    // The standard check value of CRC-32 (ISO-HDLC, as used by gzip) for "123456789".
    assertThat(TestFrames.crc32(utf8("123456789"))).isEqualTo(0xCBF43926);
    Random random = new Random(42);
    for (int n = 0; n < 300; n++) {
      byte[] data = new byte[n];
      random.nextBytes(data);
      CRC32 crc = new CRC32();
      crc.update(data);
      assertThat(TestFrames.crc32(data)).isEqualTo((int) crc.getValue());
    }
  }

  @Test
  void testEncoderReproducesThePublishedExamples() {
    assertThat(frame(List.of(), utf8("{\"foo\": \"bar\"}"))).isEqualTo(PUBLISHED_NO_HEADERS);
    assertThat(frame(List.of(str("content-type", "application/json")), utf8("{\"foo\": \"bar\"}")))
        .isEqualTo(PUBLISHED_WITH_HEADER);
  }

  @Test
  void decodesThePublishedExamples() {
    List<EventStreamFrame> frames = decodeAll(concat(PUBLISHED_NO_HEADERS, PUBLISHED_WITH_HEADER));
    assertThat(frames).hasSize(2);
    assertThat(frames.get(0).headers()).isEmpty();
    assertThat(frames.get(0).payloadUtf8()).isEqualTo("{\"foo\": \"bar\"}");
    assertThat(frames.get(1).headers())
        .containsExactly(Map.entry("content-type", EventStreamHeaderValue.ofString("application/json")));
    assertThat(frames.get(1).stringHeader("content-type")).hasValue("application/json");
    assertThat(frames.get(1).payloadUtf8()).isEqualTo("{\"foo\": \"bar\"}");
  }

  // ---- headers ----

  @Test
  void decodesEveryHeaderValueType() {
    long millis = 1_700_000_000_123L;
    byte[] blob = {0, 1, 2, (byte) 0xFF, (byte) 0x80};
    byte[] stream = frame(List.of(
        bool("t", true),
        bool("f", false),
        int8("byte", -7),
        int16("short", -12345),
        int32("int", 0x89ABCDEF),
        int64("long", Long.MIN_VALUE + 5),
        bytes("bytes", blob),
        str("string", "héllo ✓"),
        timestamp("ts", millis),
        uuid("id", SOME_UUID)), utf8("payload"));
    List<EventStreamFrame> frames = decodeAll(stream);
    assertThat(frames).hasSize(1);
    Map<String, EventStreamHeaderValue> h = frames.get(0).headers();
    assertThat(h.keySet()).containsExactly("t", "f", "byte", "short", "int", "long", "bytes", "string", "ts",
        "id");
    assertThat(h.get("t").type()).isEqualTo(Type.BOOL_TRUE);
    assertThat(h.get("t").asBoolean()).isTrue();
    assertThat(h.get("f").type()).isEqualTo(Type.BOOL_FALSE);
    assertThat(h.get("f").asBoolean()).isFalse();
    assertThat(h.get("byte").asByte()).isEqualTo((byte) -7);
    assertThat(h.get("short").asShort()).isEqualTo((short) -12345);
    assertThat(h.get("int").asInt()).isEqualTo(0x89ABCDEF);
    assertThat(h.get("long").asLong()).isEqualTo(Long.MIN_VALUE + 5);
    assertThat(h.get("bytes").asByteArray()).isEqualTo(blob);
    assertThat(h.get("string").asString()).isEqualTo("héllo ✓");
    assertThat(h.get("ts").type()).isEqualTo(Type.TIMESTAMP);
    assertThat(h.get("ts").asTimestamp()).isEqualTo(Instant.ofEpochMilli(millis));
    assertThat(h.get("id").asUuid()).isEqualTo(SOME_UUID);
    assertThat(frames.get(0).payloadUtf8()).isEqualTo("payload");
    // Equality with values built through the public factories.
    assertThat(h.get("bytes")).isEqualTo(EventStreamHeaderValue.ofByteArray(blob));
    assertThat(h.get("int")).isEqualTo(EventStreamHeaderValue.ofInt(0x89ABCDEF));
    assertThatThrownBy(() -> h.get("int").asString()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void typeCodesMatchTheWireFormat() {
    int code = 0;
    for (Type t : Type.values()) {
      assertThat(t.code()).isEqualTo(code++);
    }
  }

  @Test
  void frameWithoutHeadersOrPayloadIsSixteenBytes() {
    byte[] minimal = frame(List.of(), new byte[0]);
    assertThat(minimal).hasSize(EventStreamDecoder.MIN_FRAME_SIZE);
    List<EventStreamFrame> frames = decodeAll(minimal);
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).headers()).isEmpty();
    assertThat(frames.get(0).payloadLength()).isZero();
  }

  @Test
  void emptyStringAndByteArrayHeaderValuesAreAccepted() {
    List<EventStreamFrame> frames = decodeAll(frame(List.of(str("s", ""), bytes("b", new byte[0])), new byte[0]));
    assertThat(frames.get(0).stringHeader("s")).hasValue("");
    assertThat(frames.get(0).header("b").orElseThrow().asByteArray()).isEmpty();
  }

  // ---- splitting ----

  private static byte[] sampleStream() {
    return concat(
        TestFrames.event("messageStart", "{\"role\":\"assistant\"}"),
        frame(List.of(str(":message-type", "event"), int64("n", 99), uuid("u", SOME_UUID)), utf8("x")),
        frame(List.of(), new byte[0]),
        TestFrames.chunk("{\"type\":\"ping\"}"),
        TestFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"" + "long text ".repeat(300) + "\"}}"),
        TestFrames.exception("throttlingException", "{\"message\":\"slow down\"}"));
  }

  @Test
  void everySplitPointGivesTheSameFrames() {
    byte[] stream = sampleStream();
    List<EventStreamFrame> expected = decodeAll(stream);
    assertThat(expected).hasSize(6);
    for (int cut = 0; cut <= stream.length; cut++) {
      Collector c = new Collector();
      EventStreamDecoder d = new EventStreamDecoder();
      d.feed(stream, 0, cut, c);
      d.feed(stream, cut, stream.length - cut, c);
      d.finish();
      assertThat(c.frames).as("cut at %d", cut).isEqualTo(expected);
    }
  }

  @Test
  void everyPairOfSplitPointsInsideOneFrameGivesTheSameFrame() {
    byte[] stream = TestFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"hi\"}}");
    List<EventStreamFrame> expected = decodeAll(stream);
    for (int a = 0; a <= stream.length; a++) {
      for (int b = a; b <= stream.length; b++) {
        Collector c = new Collector();
        EventStreamDecoder d = new EventStreamDecoder();
        d.feed(stream, 0, a, c);
        d.feed(stream, a, b - a, c);
        d.feed(stream, b, stream.length - b, c);
        d.finish();
        assertThat(c.frames).isEqualTo(expected);
      }
    }
  }

  @Test
  void randomChunkingsGiveTheSameFrames() {
    byte[] stream = sampleStream();
    List<EventStreamFrame> expected = decodeAll(stream);
    Random random = new Random(20240611L);
    for (int round = 0; round < 500; round++) {
      Collector c = new Collector();
      EventStreamDecoder d = new EventStreamDecoder();
      int i = 0;
      int maxChunk = 1 + random.nextInt(round % 2 == 0 ? 16 : 4096);
      while (i < stream.length) {
        int n = Math.min(stream.length - i, random.nextInt(maxChunk + 1)); // may be 0
        byte[] piece = Arrays.copyOfRange(stream, i, i + n); // fresh array: no aliasing of input
        d.feed(piece, c);
        i += n;
      }
      d.finish();
      assertThat(c.frames).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void oneByteFeedsGiveTheSameFrames() {
    byte[] stream = sampleStream();
    List<EventStreamFrame> expected = decodeAll(stream);
    Collector c = new Collector();
    EventStreamDecoder d = new EventStreamDecoder();
    for (int i = 0; i < stream.length; i++) {
      d.feed(stream, i, 1, c);
      assertThat(d.bufferedBytes()).isLessThan(stream.length);
    }
    d.finish();
    assertThat(c.frames).isEqualTo(expected);
    assertThat(d.framesDecoded()).isEqualTo(expected.size());
    assertThat(d.bufferedBytes()).isZero();
  }

  @Test
  void largeFramesAcrossManyFeedsAndThenSmallOnes() {
    byte[] big = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(big);
    byte[] stream = concat(
        frame(List.of(str(":event-type", "blob")), big),
        TestFrames.event("messageStop", "{\"stopReason\":\"end_turn\"}"),
        frame(List.of(str(":event-type", "blob")), Arrays.copyOf(big, 100_000)));
    Collector c = new Collector();
    EventStreamDecoder d = new EventStreamDecoder();
    for (int i = 0; i < stream.length; i += 8192) {
      d.feed(stream, i, Math.min(8192, stream.length - i), c);
    }
    d.finish();
    assertThat(c.frames).hasSize(3);
    assertThat(c.frames.get(0).payload()).isEqualTo(big);
    assertThat(c.frames.get(1).payloadUtf8()).isEqualTo("{\"stopReason\":\"end_turn\"}");
    assertThat(c.frames.get(2).payload()).isEqualTo(Arrays.copyOf(big, 100_000));
  }

  // ---- the frame view ----

  @Test
  void frameViewPayloadIsOnlyReadableDuringTheCallback() {
    List<EventStreamFrame> views = new ArrayList<>();
    EventStreamDecoder d = new EventStreamDecoder();
    d.feed(TestFrames.event("messageStop", "{}"), frame -> {
      assertThat(frame.isPayloadAvailable()).isTrue();
      assertThat(frame.payloadBuffer().remaining()).isEqualTo(2);
      assertThat(frame.payloadBuffer().isReadOnly()).isTrue();
      byte[] dst = new byte[4];
      frame.copyPayloadTo(dst, 1);
      assertThat(new String(dst, 1, 2, StandardCharsets.UTF_8)).isEqualTo("{}");
      views.add(frame);
    });
    EventStreamFrame view = views.get(0);
    assertThat(view.isPayloadAvailable()).isFalse();
    assertThat(view.payloadLength()).isEqualTo(2);
    assertThat(view.eventType()).hasValue("messageStop");
    assertThat(view.messageType()).hasValue("event");
    assertThatThrownBy(view::payload).isInstanceOf(IllegalStateException.class).hasMessageContaining("copy()");
    assertThat(view.toString()).contains("no longer readable");
  }

  @Test
  void frameOfOwnsItsData() {
    byte[] payload = utf8("abc");
    EventStreamFrame f = EventStreamFrame.of(Map.of("k", EventStreamHeaderValue.ofLong(3)), payload);
    payload[0] = 'X';
    assertThat(f.payloadUtf8()).isEqualTo("abc");
    assertThat(f.header("k").orElseThrow().asLong()).isEqualTo(3);
    assertThat(f.stringHeader("k")).isEmpty();
  }

  @Test
  void headerStringsAreSharedBetweenFrames() {
    List<EventStreamFrame> frames = decodeAll(concat(
        TestFrames.event("contentBlockDelta", "{}"), TestFrames.event("contentBlockDelta", "{}")));
    assertThat(frames.get(0).eventType().orElseThrow()).isSameAs(frames.get(1).eventType().orElseThrow());
  }

  // ---- errors ----

  @Test
  void corruptedPreludeCrcIsReported() {
    byte[] stream = concat(TestFrames.event("messageStart", "{}"), TestFrames.event("messageStop", "{}"));
    int second = TestFrames.event("messageStart", "{}").length;
    stream[second + 9] ^= 0x01; // inside the second frame's prelude CRC
    Collector c = new Collector();
    EventStreamDecoder d = new EventStreamDecoder();
    assertThatThrownBy(() -> d.feed(stream, c))
        .isInstanceOfSatisfying(EventStreamFormatException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.PRELUDE_CRC_MISMATCH);
          assertThat(e.position()).isEqualTo(second);
        })
        .hasMessageContaining("prelude CRC");
    assertThat(c.frames).hasSize(1); // the frame before the bad one was delivered
    assertThatThrownBy(() -> d.feed(stream, c)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(d::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void corruptedLengthIsCaughtByThePreludeCrc() {
    byte[] stream = TestFrames.event("messageStart", "{}");
    stream[3] ^= 0x10; // total length
    assertThat(decodeError(stream).problem()).isEqualTo(Problem.PRELUDE_CRC_MISMATCH);
  }

  @Test
  void corruptedPayloadOrMessageCrcIsReported() {
    byte[] base = TestFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"hello\"}}");
    for (int at : new int[] {base.length - 10, base.length - 1, 12, 20}) {
      byte[] stream = base.clone();
      stream[at] ^= 0x40;
      EventStreamFormatException e = decodeError(stream);
      assertThat(e.problem()).as("flip at %d", at).isEqualTo(Problem.MESSAGE_CRC_MISMATCH);
      assertThat(e).hasMessageContaining("message CRC");
      // The same when the frame arrives one byte at a time.
      EventStreamDecoder d = new EventStreamDecoder();
      Collector c = new Collector();
      assertThatThrownBy(() -> {
        for (int i = 0; i < stream.length; i++) {
          d.feed(stream, i, 1, c);
        }
      }).isInstanceOfSatisfying(EventStreamFormatException.class,
          x -> assertThat(x.problem()).isEqualTo(Problem.MESSAGE_CRC_MISMATCH));
      assertThat(c.frames).isEmpty();
    }
  }

  @Test
  void totalLengthBelowSixteenIsReported() {
    for (int total : new int[] {0, 1, 12, 15}) {
      EventStreamFormatException e = decodeError(raw(total, 0, new byte[8]));
      assertThat(e.problem()).isEqualTo(Problem.FRAME_TOO_SHORT);
      assertThat(e).hasMessageContaining("below the minimum of 16");
    }
  }

  @Test
  void totalLengthAboveTheMaximumIsReportedBeforeBuffering() {
    byte[] frame = frame(List.of(), new byte[100]); // 116 bytes
    EventStreamFormatException e = decodeError(frame, 115);
    assertThat(e.problem()).isEqualTo(Problem.FRAME_TOO_LARGE);
    assertThat(e).hasMessageContaining("116").hasMessageContaining("115 bytes");
    assertThat(decodeAll(frame)).hasSize(1);
    assertThat(new EventStreamDecoder(116).maxFrameSize()).isEqualTo(116);

    // Only the prelude of a huge frame is needed to reject it.
    byte[] prelude = Arrays.copyOf(raw(0xFFFF_FFF0L, 0, new byte[0]), 12);
    EventStreamDecoder d = new EventStreamDecoder();
    assertThatThrownBy(() -> d.feed(prelude, new Collector()))
        .isInstanceOfSatisfying(EventStreamFormatException.class, x -> {
          assertThat(x.problem()).isEqualTo(Problem.FRAME_TOO_LARGE);
          assertThat(x).hasMessageContaining("4294967280");
        });
    assertThat(new EventStreamDecoder().maxFrameSize()).isEqualTo(16 * 1024 * 1024);
  }

  @Test
  void headersLengthOutsideTheFrameIsReported() {
    byte[] body = new byte[10];
    // 26-byte frame: at most 10 bytes of headers.
    assertThat(decodeError(raw(26, 11, body)).problem()).isEqualTo(Problem.HEADERS_LENGTH_OUT_OF_RANGE);
    assertThat(decodeError(raw(26, 0xFFFF_FFFFL, body)).problem())
        .isEqualTo(Problem.HEADERS_LENGTH_OUT_OF_RANGE);
  }

  @Test
  void invalidMaxFrameSizeIsRejected() {
    assertThatThrownBy(() -> new EventStreamDecoder(15)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] withHeaderBytes(byte[] headers) {
    return raw(16 + headers.length, headers.length, headers);
  }

  @Test
  void malformedHeadersAreReported() {
    Map<String, byte[]> cases = Map.of(
        "empty header name", unsigned(0, 7, 0, 0),
        "overruns the headers section", unsigned(5, 'a', 'b'),
        "has no value type", unsigned(1, 'a'),
        "unknown value type 10", unsigned(1, 'a', 10),
        "value of header 'a' overruns", unsigned(1, 'a', 4, 0, 0, 0),
        "value of header 's' overruns", unsigned(1, 's', 7, 0, 5, 'a', 'b'),
        "value of header 'u' overruns", unsigned(1, 'u', 9, 1, 2, 3),
        "value of header 'l' overruns", unsigned(1, 'l', 6, 0));
    cases.forEach((message, headers) -> {
      EventStreamFormatException e = decodeError(withHeaderBytes(headers));
      assertThat(e.problem()).as(message).isEqualTo(Problem.MALFORMED_HEADER);
      assertThat(e).hasMessageContaining(message);
    });
  }

  @Test
  void repeatedHeaderNameIsReported() {
    byte[] stream = frame(List.of(str(":event-type", "a"), str(":event-type", "b")), new byte[0]);
    EventStreamFormatException e = decodeError(stream);
    assertThat(e.problem()).isEqualTo(Problem.MALFORMED_HEADER);
    assertThat(e).hasMessageContaining("':event-type' appears more than once");
  }

  @Test
  void truncatedFrameAtEndOfInputIsReported() {
    byte[] first = TestFrames.event("messageStart", "{}");
    byte[] second = TestFrames.event("messageStop", "{\"stopReason\":\"end_turn\"}");
    byte[] stream = concat(first, second);
    for (int cut = first.length + 1; cut < stream.length; cut++) {
      Collector c = new Collector();
      EventStreamDecoder d = new EventStreamDecoder();
      d.feed(stream, 0, cut, c);
      assertThat(c.frames).hasSize(1);
      int received = cut - first.length;
      assertThatThrownBy(d::finish)
          .isInstanceOfSatisfying(EventStreamFormatException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.TRUNCATED_FRAME);
            assertThat(e.position()).isEqualTo(first.length);
          })
          .hasMessageContaining("stream ended inside a frame")
          .hasMessageContaining(received < 12
              ? received + " of the 12 prelude bytes"
              : received + " of its " + second.length + " bytes");
    }
  }

  @Test
  void finishBetweenFramesIsFineAndFinal() {
    EventStreamDecoder d = new EventStreamDecoder();
    d.feed(TestFrames.event("messageStart", "{}"), new Collector());
    d.finish();
    assertThatThrownBy(d::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> d.feed(new byte[1], new Collector())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void listenerFailurePropagatesAndStopsTheDecoder() {
    EventStreamDecoder d = new EventStreamDecoder();
    byte[] stream = TestFrames.event("messageStart", "{}");
    assertThatThrownBy(() -> d.feed(stream, f -> {
      throw new IllegalArgumentException("listener");
    })).hasMessage("listener");
    assertThatThrownBy(() -> d.feed(stream, new Collector())).isInstanceOf(IllegalStateException.class);
  }
}
