package dev.llmrouter.stream.eventstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.stream.StreamChunk;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A truncated or over-large AWS event-stream frame: a typed protocol error of the right kind, upstream released. */
class EventStreamLimitsTest {

  private static List<StreamChunk> drain(EventStreamRawStream s, List<StreamChunk> into) {
    while (s.hasNext()) {
      into.add(s.next());
    }
    return into;
  }

  @Test
  void aFrameCutOffByTheEndOfInputIsTruncatedAfterTheWholeFramesBeforeIt() throws Exception {
    byte[] whole = TestFrames.chunk("{\"type\":\"message_start\"}");
    byte[] next = TestFrames.chunk("{\"type\":\"content_block_delta\"}");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(whole);
    body.write(Arrays.copyOf(next, next.length - 5));
    AtomicInteger released = new AtomicInteger();
    EventStreamRawStream s = new EventStreamRawStream(
        new ByteArrayInputStream(body.toByteArray()), "bedrock", released::incrementAndGet);

    List<StreamChunk> chunks = new ArrayList<>();
    UpstreamProtocolException e = catchThrowableOfType(() -> drain(s, chunks), UpstreamProtocolException.class);

    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(UpstreamProtocolException.Kind.TRUNCATED);
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).eventType()).contains("message_start");
    assertThat(released.get()).isEqualTo(1);
  }

  @Test
  void aFrameOverTheLimitIsLimitExceededWithoutReadingIt() {
    byte[] big = TestFrames.chunk("{\"type\":\"content_block_delta\",\"pad\":\"" + "x".repeat(8 * 1024) + "\"}");
    AtomicInteger released = new AtomicInteger();
    EventStreamRawStream s = new EventStreamRawStream(
        new ByteArrayInputStream(big), "bedrock", released::incrementAndGet, 4096);

    UpstreamProtocolException e = catchThrowableOfType(
        () -> drain(s, new ArrayList<>()), UpstreamProtocolException.class);

    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(UpstreamProtocolException.Kind.LIMIT_EXCEEDED);
    assertThat(e.limit()).isPresent();
    assertThat(e.getMessage()).contains("4096");
    assertThat(released.get()).isEqualTo(1);
  }
}
