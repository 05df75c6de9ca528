package dev.llmrouter.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.stream.sse.SseEvent;
import dev.llmrouter.stream.sse.SseParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SseParserTest {

  /** Records everything the parser reports, in order. */
  static final class Recorder implements SseParser.Listener {
    final List<SseEvent> events = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    int done;

    @Override
    public void onEvent(SseEvent event) {
      events.add(event);
      log.add("event " + event);
    }

    @Override
    public void onDone() {
      done++;
      log.add("done");
    }

    @Override
    public void onComment(byte[] buf, int off, int len) {
      String c = new String(buf, off, len, StandardCharsets.UTF_8);
      comments.add(c);
      log.add("comment " + c);
    }

    /** Each event as {@code type:data} (empty type when none). */
    List<String> described() {
      return events.stream().map(SseParserTest::describe).collect(Collectors.toList());
    }
  }

  static String describe(SseEvent e) {
    return e.eventType().orElse("") + ":" + e.utf8();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Recorder parseWhole(byte[] input) {
    Recorder r = new Recorder();
    SseParser p = new SseParser();
    p.feed(input, 0, input.length, r);
    p.finish(r);
    return r;
  }

  static Recorder parse(String input) {
    return parseWhole(bytes(input));
  }

  static Recorder parseInPieces(String... pieces) {
    Recorder r = new Recorder();
    SseParser p = new SseParser();
    for (String piece : pieces) {
      p.feed(bytes(piece), r);
    }
    p.finish(r);
    return r;
  }

  // --- ported from the Rust streaming.rs tests ---

  @Test
  void dataLineIsExtracted() {
    Recorder r = parse("data: {\"id\":\"chatcmpl-1\",\"choices\":[]}\n\n");
    assertThat(r.described()).containsExactly(":{\"id\":\"chatcmpl-1\",\"choices\":[]}");
  }

  @Test
  void eventTypeIsKept() {
    Recorder r = parse("event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
    assertThat(r.events).hasSize(1);
    assertThat(r.events.get(0).eventType()).contains("message_start");
    assertThat(r.events.get(0).utf8()).isEqualTo("{\"type\":\"message_start\"}");
  }

  @Test
  void doneEndsTheStream() {
    Recorder r = parse("data: {\"a\":1}\n\ndata: [DONE]\n\ndata: {\"b\":2}\n\n");
    assertThat(r.described()).containsExactly(":{\"a\":1}");
    assertThat(r.done).isEqualTo(1);
    assertThat(r.log).containsExactly("event " + r.events.get(0), "done");
  }

  @Test
  void lfDelimiterSplitsEvents() {
    Recorder r = parse("data: {\"a\":1}\n\ndata: {\"b\":2}\n\n");
    assertThat(r.described()).containsExactly(":{\"a\":1}", ":{\"b\":2}");
  }

  // --- line ends ---

  @Test
  void crlfLineEnds() {
    Recorder r = parse("event: x\r\ndata: 1\r\n\r\ndata: 2\r\n\r\n");
    assertThat(r.described()).containsExactly("x:1", ":2");
  }

  @Test
  void crLineEnds() {
    Recorder r = parse("event: x\rdata: 1\r\rdata: 2\r\r");
    assertThat(r.described()).containsExactly("x:1", ":2");
  }

  @Test
  void mixedLineEnds() {
    Recorder r = parse("data: 1\r\ndata: 2\rdata: 3\n\r\ndata: 4\n\rdata: 5\r\n\n");
    assertThat(r.described()).containsExactly(":1\n2\n3", ":4", ":5");
  }

  @Test
  void crlfBlankLineAfterAnEarlierLfBlankLineDoesNotMergeEvents() {
    // The Rust parser looks for \r\n\r\n first and would merge the first two events.
    Recorder r = parse("data: {\"a\":1}\n\ndata: {\"b\":2}\r\n\r\ndata: {\"c\":3}\n\n");
    assertThat(r.described()).containsExactly(":{\"a\":1}", ":{\"b\":2}", ":{\"c\":3}");
  }

  @Test
  void crAtEndOfOneFeedAndLfAtStartOfNextAreOneLineEnd() {
    Recorder r = parseInPieces("data: a\r", "\ndata: b\r", "\n\r", "\n");
    assertThat(r.described()).containsExactly(":a\nb");
  }

  @Test
  void crAtEndOfFeedFollowedByOtherByteIsALineEnd() {
    Recorder r = parseInPieces("data: a\r", "data: b\r", "\r");
    assertThat(r.described()).containsExactly(":a\nb");
  }

  @Test
  void crAtEndOfFeedThenEmptyFeedThenLf() {
    Recorder r = parseInPieces("data: a\r", "", "\n", "\r\n");
    assertThat(r.described()).containsExactly(":a");
  }

  // --- fields ---

  @Test
  void multiLineDataIsJoinedWithLf() {
    Recorder r = parse("data: line1\ndata: line2\ndata:line3\n\n");
    assertThat(r.described()).containsExactly(":line1\nline2\nline3");
  }

  @Test
  void exactlyOneLeadingSpaceIsRemoved() {
    Recorder r = parse("data:  two\n\ndata:\tx\n\ndata:none\n\n");
    assertThat(r.described()).containsExactly(": two", ":\tx", ":none");
  }

  @Test
  void commentsAreReportedButNotDispatched() {
    Recorder r = parse(": ping\n:\ndata: x\n: in the middle\n\n");
    assertThat(r.described()).containsExactly(":x");
    assertThat(r.comments).containsExactly(" ping", "", " in the middle");
  }

  @Test
  void commentOnlyBlockDispatchesNothing() {
    Recorder r = parse(": keep-alive\n\n: keep-alive\n\n");
    assertThat(r.events).isEmpty();
    assertThat(r.comments).hasSize(2);
  }

  @Test
  void byteOrderMarkAtStartIsSkipped() {
    Recorder r = parseWhole(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("data: x\n\n")));
    assertThat(r.described()).containsExactly(":x");
  }

  @Test
  void byteOrderMarkSplitAcrossFeedsIsSkipped() {
    Recorder r = new Recorder();
    SseParser p = new SseParser();
    p.feed(new byte[] {(byte) 0xEF}, r);
    p.feed(new byte[] {(byte) 0xBB}, r);
    p.feed(concat(new byte[] {(byte) 0xBF}, bytes(":c\ndata: x\n\n")), r);
    p.finish(r);
    assertThat(r.described()).containsExactly(":x");
    assertThat(r.comments).containsExactly("c");
  }

  @Test
  void byteOrderMarkLaterInTheStreamIsData() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Recorder r = parseWhole(concat(bytes("data: "), bom, bytes("x\n\n")));
    assertThat(r.events).hasSize(1);
    assertThat(r.events.get(0).data()).isEqualTo(concat(bom, bytes("x")));
  }

  @Test
  void partialByteOrderMarkIsKeptAsContent() {
    // EF BB followed by ':' is not a BOM: the line "\xEF\xBB:" is an unknown field, not a comment.
    Recorder r = parseWhole(concat(new byte[] {(byte) 0xEF, (byte) 0xBB}, bytes(":x\ndata: y\n\n")));
    assertThat(r.comments).isEmpty();
    assertThat(r.described()).containsExactly(":y");
  }

  @Test
  void idAndRetryAreTrackedWithoutAffectingData() {
    Recorder r = new Recorder();
    SseParser p = new SseParser();
    p.feed(bytes("id: 42\nretry: 3000\ndata: x\n\ndata: y\n\nid\ndata: z\n\n"), r);
    p.finish(r);
    assertThat(r.described()).containsExactly(":x", ":y", ":z");
    assertThat(r.events.get(0).id()).contains("42");
    assertThat(r.events.get(1).id()).contains("42"); // the last event id persists
    assertThat(r.events.get(2).id()).isEmpty(); // "id" with no value resets it
    assertThat(p.retryMillis()).hasValue(3000);
    assertThat(p.lastEventId()).isEmpty();
  }

  @Test
  void invalidRetryAndIdWithNulAreIgnored() {
    Recorder r = new Recorder();
    SseParser p = new SseParser();
    p.feed(bytes("retry: 10\nretry: 1s\nretry:\nid: 7\nid: a\u0000b\ndata: x\n\n"), r);
    assertThat(p.retryMillis()).hasValue(10);
    assertThat(r.events.get(0).id()).contains("7");
  }

  @Test
  void retryIsEmptyUntilSet() {
    assertThat(new SseParser().retryMillis()).isEmpty();
    assertThat(new SseParser().lastEventId()).isEmpty();
  }

  @Test
  void eventTypeIsResetAfterDispatch() {
    Recorder r = parse("event: a\ndata: 1\n\ndata: 2\n\n");
    assertThat(r.described()).containsExactly("a:1", ":2");
  }

  @Test
  void eventTypeIsResetByBlankLineWithoutData() {
    Recorder r = parse("event: a\n\ndata: 2\n\n");
    assertThat(r.described()).containsExactly(":2");
  }

  @Test
  void lastEventTypeLineWins() {
    Recorder r = parse("event: a\nevent: b\ndata: 1\n\n");
    assertThat(r.described()).containsExactly("b:1");
  }

  @Test
  void emptyEventTypeMeansNone() {
    Recorder r = parse("event:\ndata: 1\n\n");
    assertThat(r.events.get(0).eventType()).isEmpty();
  }

  @Test
  void repeatedEventTypesShareOneString() {
    Recorder r = parse("event: content_block_delta\ndata: 1\n\nevent: content_block_delta\ndata: 2\n\n");
    assertThat(r.events.get(0).eventType().get()).isSameAs(r.events.get(1).eventType().get());
  }

  @Test
  void emptyDataFieldDispatchesAnEmptyEvent() {
    Recorder r = parse("data:\n\ndata\n\ndata:\ndata:\n\n");
    assertThat(r.described()).containsExactly(":", ":", ":\n");
  }

  @Test
  void fieldWithoutColonHasAnEmptyValue() {
    Recorder r = parse("event\ndata: x\n\n");
    assertThat(r.described()).containsExactly(":x");
  }

  @Test
  void unknownFieldsAndFieldsWithLeadingSpaceAreIgnored() {
    Recorder r = parse("foo: bar\n data: nope\nDATA: nope\ndata: yes\n\n");
    assertThat(r.described()).containsExactly(":yes");
  }

  @Test
  void blankLinesWithoutDataDispatchNothing() {
    Recorder r = parse("\n\n\r\n\r\r\n");
    assertThat(r.events).isEmpty();
  }

  @Test
  void utf8IsKeptAsBytes() {
    Recorder r = parse("event: résumé\ndata: {\"t\":\"héllo ✓ 😀\"}\n\n");
    assertThat(r.described()).containsExactly("résumé:{\"t\":\"héllo ✓ 😀\"}");
  }

  @Test
  void feedRespectsOffsetAndLength() {
    byte[] buf = bytes("XXXdata: a\n\nYYY");
    Recorder r = new Recorder();
    SseParser p = new SseParser();
    p.feed(buf, 3, buf.length - 6, r);
    p.finish(r);
    assertThat(r.described()).containsExactly(":a");
  }

  // --- Vertex raw JSON ---

  @Test
  void vertexRawJsonLinesBecomeEventData() {
    Recorder r = parse("{\"candidates\":[{\"index\":0}]}\n\n  [{\"a\":1}]  \n\n");
    assertThat(r.described()).containsExactly(":{\"candidates\":[{\"index\":0}]}", ":[{\"a\":1}]");
  }

  @Test
  void vertexRawJsonLinesOfOneBlockAreJoinedWithLf() {
    Recorder r = parse("event: vertex\n{\"a\":1}\n{\"b\":2}\n\n");
    assertThat(r.described()).containsExactly("vertex:{\"a\":1}\n{\"b\":2}");
  }

  @Test
  void vertexRawJsonLinesWithoutBlankLinesAtEof() {
    Recorder r = parse("{\"a\":1}\r\n{\"b\":2}");
    assertThat(r.described()).containsExactly(":{\"a\":1}\n{\"b\":2}");
  }

  @Test
  void dataFieldWinsOverRawJsonLines() {
    Recorder r = parse("{\"raw\":1}\ndata: {\"data\":2}\n{\"ignored\":3}\n\n");
    assertThat(r.described()).containsExactly(":{\"data\":2}");
  }

  @Test
  void rawDoneLineEndsTheStream() {
    Recorder r = parse("{\"a\":1}\n\n[DONE]\n\n{\"b\":2}\n\n");
    assertThat(r.described()).containsExactly(":{\"a\":1}");
    assertThat(r.done).isEqualTo(1);
  }

  @Test
  void otherTextWithoutDataFieldIsIgnored() {
    Recorder r = parse("hello world\n\n");
    assertThat(r.events).isEmpty();
  }

  // --- end of input ---

  @Test
  void eofWithoutTrailingBlankLineDispatchesPendingEvent() {
    assertThat(parse("data: x\n").described()).containsExactly(":x");
    assertThat(parse("event: t\ndata: x").described()).containsExactly("t:x");
    assertThat(parse("data: x\r").described()).containsExactly(":x");
  }

  @Test
  void eofWithoutDataDispatchesNothing() {
    assertThat(parse("event: t\nid: 1\n").events).isEmpty();
    assertThat(parse("").events).isEmpty();
  }

  @Test
  void finishIsIdempotentAndFeedAfterFinishFails() {
    Recorder r = new Recorder();
    SseParser p = new SseParser();
    p.feed(bytes("data: x"), r);
    p.finish(r);
    p.finish(r);
    assertThat(r.events).hasSize(1);
    assertThatThrownBy(() -> p.feed(bytes("data: y\n\n"), r)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void doneFollowedByJunkIgnoresTheRest() {
    Recorder r = new Recorder();
    SseParser p = new SseParser(32);
    p.feed(bytes("data: 1\n\ndata: [DONE]\n\n"), r);
    assertThat(p.isDone()).isTrue();
    p.feed(bytes("data: 2\n\n"), r);
    p.feed(new byte[100], r); // would exceed the limit if it were parsed
    p.feed(new byte[] {(byte) 0xFF, '\r', '\n', '\n'}, r);
    p.finish(r);
    assertThat(r.described()).containsExactly(":1");
    assertThat(r.done).isEqualTo(1);
  }

  @Test
  void doneInTheSameBufferStopsParsingImmediately() {
    Recorder r = parse("data: [DONE]\n\nevent: x\ndata: 2\n\n: comment\n");
    assertThat(r.events).isEmpty();
    assertThat(r.comments).isEmpty();
    assertThat(r.done).isEqualTo(1);
  }

  @Test
  void doneAtEofWithoutBlankLine() {
    Recorder r = parse("data: [DONE]");
    assertThat(r.done).isEqualTo(1);
    assertThat(r.events).isEmpty();
  }

  @Test
  void doneWithSurroundingWhitespaceStillEndsTheStream() {
    Recorder r = parse("data:  [DONE] \n\ndata: x\n\n");
    assertThat(r.done).isEqualTo(1);
    assertThat(r.events).isEmpty();
  }

  @Test
  void doneInsideLongerDataIsData() {
    Recorder r = parse("data: [DONE]\ndata: more\n\ndata: \"[DONE]\"\n\n");
    assertThat(r.described()).containsExactly(":[DONE]\nmore", ":\"[DONE]\"");
    assertThat(r.done).isZero();
  }

  // --- limits and errors ---

  @Test
  void oversizeDataThrowsTypedError() {
    SseParser p = new SseParser(64);
    Recorder r = new Recorder();
    String big = "data: " + "x".repeat(100) + "\n\n";
    assertThatThrownBy(() -> p.feed(bytes(big), r))
        .isInstanceOfSatisfying(SseParser.EventTooLargeException.class,
            e -> assertThat(e.maxEventSize()).isEqualTo(64))
        .hasMessageContaining("64 bytes");
    assertThatThrownBy(() -> p.feed(bytes("data: y\n\n"), r)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> p.finish(r)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void oversizeUnterminatedLineAcrossFeedsThrows() {
    SseParser p = new SseParser(64);
    Recorder r = new Recorder();
    p.feed(bytes("data: " + "x".repeat(40)), r);
    assertThatThrownBy(() -> p.feed(bytes("y".repeat(40)), r))
        .isInstanceOf(SseParser.EventTooLargeException.class);
  }

  @Test
  void manyDataLinesAddUpToTheLimit() {
    SseParser p = new SseParser(64);
    Recorder r = new Recorder();
    assertThatThrownBy(() -> {
      for (int i = 0; i < 20; i++) {
        p.feed(bytes("data: 0123456789\n"), r);
      }
    }).isInstanceOf(SseParser.EventTooLargeException.class);
  }

  @Test
  void oversizeRawJsonThrows() {
    SseParser p = new SseParser(16);
    Recorder r = new Recorder();
    assertThatThrownBy(() -> p.feed(bytes("{\"a\":\"0123456789012345\"}\n\n"), r))
        .isInstanceOf(SseParser.EventTooLargeException.class);
  }

  @Test
  void eventExactlyAtTheLimitIsAccepted() {
    // 63 data bytes + the LF separator = 64 buffered bytes.
    SseParser p = new SseParser(64);
    Recorder r = new Recorder();
    String value = "x".repeat(63);
    p.feed(bytes("data: " + value + "\n\ndata: " + value + "\n\n"), r);
    assertThat(r.events).hasSize(2);
    assertThat(r.events.get(1).utf8()).isEqualTo(value);
  }

  @Test
  void largeEventWithDefaultLimit() {
    String value = "y".repeat(1_000_000);
    Recorder r = parse("data: " + value + "\n\ndata: small\n\n");
    assertThat(r.events).hasSize(2);
    assertThat(r.events.get(0).data()).hasSize(1_000_000);
    assertThat(r.events.get(1).utf8()).isEqualTo("small");
  }

  @Test
  void invalidArgumentsAreRejected() {
    SseParser p = new SseParser();
    Recorder r = new Recorder();
    assertThatThrownBy(() -> new SseParser(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.feed(new byte[4], 2, 3, r)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> p.feed(new byte[4], -1, 1, r)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void listenerFailureMakesTheParserUnusable() {
    SseParser p = new SseParser();
    SseParser.Listener failing = e -> {
      throw new IllegalStateException("boom");
    };
    assertThatThrownBy(() -> p.feed(bytes("data: x\n\n"), failing)).hasMessage("boom");
    assertThatThrownBy(() -> p.feed(bytes("data: y\n\n"), new Recorder()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed");
  }

  // --- chunking invariance ---

  static final byte[] STREAM = concat(
      new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      bytes(": hello\r\n"
          + "retry: 1500\n"
          + "event: message_start\r\n"
          + "id: 1\r\n"
          + "data: {\"type\":\"message_start\",\"t\":\"h\u00e9llo \u2713 \ud83d\ude00\"}\r\n\r\n"
          + "event: content_block_delta\n"
          + "data: {\"a\":1}\n"
          + "data:{\"b\":2}\n"
          + "\n"
          + "data: cr line\r"
          + "data:  two spaces\r\r"
          + "event: ignored-type\n\n"
          + "{\"vertex\":true}\n"
          + "  [1,2,3]\n\n"
          + "data\n\n"
          + "data:\r\ndata:\r\n\r\n"
          + ": bye\n"
          + "event: ping\r\n"
          + "data: {\"type\":\"ping\"}\r\n\n"
          + "\n\n\r\n"
          + "data: [DONE]\n\n"
          + "data: after done\n\n"));

  static List<String> expectedLog() {
    return parseWhole(STREAM).log;
  }

  @Test
  void referenceStreamParsesAsExpected() {
    Recorder r = parseWhole(STREAM);
    assertThat(r.described()).containsExactly(
        "message_start:{\"type\":\"message_start\",\"t\":\"h\u00e9llo \u2713 \ud83d\ude00\"}",
        "content_block_delta:{\"a\":1}\n{\"b\":2}",
        ":cr line\n two spaces",
        ":{\"vertex\":true}\n[1,2,3]",
        ":",
        ":\n",
        "ping:{\"type\":\"ping\"}");
    assertThat(r.events).allSatisfy(e -> assertThat(e.id()).contains("1"));
    assertThat(r.comments).containsExactly(" hello", " bye");
    assertThat(r.done).isEqualTo(1);
  }

  @Test
  void everySplitPointYieldsTheSameEvents() {
    List<String> expected = expectedLog();
    for (int cut = 0; cut <= STREAM.length; cut++) {
      Recorder r = new Recorder();
      SseParser p = new SseParser();
      p.feed(STREAM, 0, cut, r);
      p.feed(STREAM, cut, STREAM.length - cut, r);
      p.finish(r);
      assertThat(r.log).as("split at %d", cut).isEqualTo(expected);
    }
  }

  @Test
  void everyPairOfSplitPointsYieldsTheSameEvents() {
    List<String> expected = expectedLog();
    for (int a = 0; a <= STREAM.length; a++) {
      for (int b = a; b <= STREAM.length; b++) {
        Recorder r = new Recorder();
        SseParser p = new SseParser();
        p.feed(STREAM, 0, a, r);
        p.feed(STREAM, a, b - a, r);
        p.feed(STREAM, b, STREAM.length - b, r);
        p.finish(r);
        if (!r.log.equals(expected)) {
          assertThat(r.log).as("split at %d and %d", a, b).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void oneByteFeedsYieldTheSameEvents() {
    Recorder r = new Recorder();
    SseParser p = new SseParser();
    for (int i = 0; i < STREAM.length; i++) {
      p.feed(new byte[] {STREAM[i]}, r); // a fresh array each time: the parser must not keep it
    }
    p.finish(r);
    assertThat(r.log).isEqualTo(expectedLog());
  }

  @Test
  void randomChunkingsYieldTheSameEvents() {
    List<String> expected = expectedLog();
    Random random = new Random(20240611L);
    for (int round = 0; round < 500; round++) {
      Recorder r = new Recorder();
      SseParser p = new SseParser();
      int pos = 0;
      int maxPiece = 1 + random.nextInt(round % 3 == 0 ? 2 : 40);
      while (pos < STREAM.length) {
        int n = Math.min(random.nextInt(maxPiece + 1), STREAM.length - pos);
        byte[] copy = new byte[n + 4]; // feed from an offset inside a reused-looking buffer
        System.arraycopy(STREAM, pos, copy, 2, n);
        p.feed(copy, 2, n, r);
        Arrays.fill(copy, (byte) '?'); // clobber: the parser must have copied what it keeps
        pos += n;
      }
      p.finish(r);
      assertThat(r.log).as("round %d", round).isEqualTo(expected);
    }
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
