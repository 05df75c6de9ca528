package dev.llmrouter.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.stream.sse.SseEvent;
import dev.llmrouter.stream.sse.SseParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SseFramingTest {

  private static final EnumSet<ProviderFormat> WITH_EVENT_LINE = EnumSet.of(ProviderFormat.ANTHROPIC,
      ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.VERTEX_ANTHROPIC, ProviderFormat.RESPONSES);

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] written(StreamChunk chunk, ProviderFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseFraming.writeTo(out, chunk, format);
    return out.toByteArray();
  }

  @Test
  void openAiChunkHasOnlyADataLine() {
    StreamChunk chunk = StreamChunk.ofUtf8("{\"choices\":[]}", "ignored");
    assertThat(text(SseFraming.frame(chunk, ProviderFormat.OPENAI))).isEqualTo("data: {\"choices\":[]}\n\n");
  }

  @Test
  void anthropicChunkHasEventLine() {
    StreamChunk chunk = StreamChunk.ofUtf8("{\"type\":\"message_start\"}", "message_start");
    assertThat(text(SseFraming.frame(chunk, ProviderFormat.ANTHROPIC)))
        .isEqualTo("event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
  }

  @Test
  void responsesChunkHasEventLine() {
    StreamChunk chunk = StreamChunk.ofUtf8("{\"type\":\"response.created\"}", "response.created");
    assertThat(text(SseFraming.frame(chunk, ProviderFormat.RESPONSES)))
        .isEqualTo("event: response.created\ndata: {\"type\":\"response.created\"}\n\n");
  }

  @ParameterizedTest
  @EnumSource(ProviderFormat.class)
  void eventLineOnlyForAnthropicFlavoursAndResponses(ProviderFormat format) throws IOException {
    StreamChunk typed = StreamChunk.ofUtf8("{\"x\":1}", "t");
    String expected = (WITH_EVENT_LINE.contains(format) ? "event: t\n" : "") + "data: {\"x\":1}\n\n";
    assertThat(text(SseFraming.frame(typed, format))).isEqualTo(expected);
    assertThat(text(written(typed, format))).isEqualTo(expected);
    assertThat(SseFraming.usesEventType(format)).isEqualTo(WITH_EVENT_LINE.contains(format));
  }

  @ParameterizedTest
  @EnumSource(ProviderFormat.class)
  void chunkWithoutTypeHasNoEventLine(ProviderFormat format) throws IOException {
    StreamChunk untyped = StreamChunk.ofUtf8("{\"x\":1}", null);
    assertThat(text(SseFraming.frame(untyped, format))).isEqualTo("data: {\"x\":1}\n\n");
    assertThat(text(written(untyped, format))).isEqualTo("data: {\"x\":1}\n\n");
  }

  @ParameterizedTest
  @EnumSource(ProviderFormat.class)
  void keepAliveIsAComment(ProviderFormat format) throws IOException {
    assertThat(text(SseFraming.frame(StreamChunk.keepAlive(), format))).isEqualTo(": keep-alive\n\n");
    assertThat(text(written(StreamChunk.keepAlive(), format))).isEqualTo(": keep-alive\n\n");
    StreamChunk typedKeepAlive = StreamChunk.ofUtf8("{\"_keep_alive\":true}", "ping");
    assertThat(text(SseFraming.frame(typedKeepAlive, format))).isEqualTo(": keep-alive\n\n");
  }

  @ParameterizedTest
  @EnumSource(ProviderFormat.class)
  void doneOnlyForOpenAi(ProviderFormat format) throws IOException {
    String expected = format == ProviderFormat.OPENAI ? "data: [DONE]\n\n" : "";
    assertThat(text(SseFraming.done(format))).isEqualTo(expected);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseFraming.writeDone(out, format);
    assertThat(text(out.toByteArray())).isEqualTo(expected);
  }

  @Test
  void keepAliveCommentIsACopy() {
    byte[] first = SseFraming.keepAliveComment();
    assertThat(text(first)).isEqualTo(": keep-alive\n\n");
    first[0] = 'X';
    assertThat(text(SseFraming.keepAliveComment())).isEqualTo(": keep-alive\n\n");
    byte[] done = SseFraming.done(ProviderFormat.OPENAI);
    done[0] = 'X';
    assertThat(text(SseFraming.done(ProviderFormat.OPENAI))).isEqualTo("data: [DONE]\n\n");
  }

  @Test
  void multiLinePayloadIsSplitIntoDataLines() throws IOException {
    StreamChunk chunk = StreamChunk.ofUtf8("a\nb\r\nc\rd", "t");
    String expected = "event: t\ndata: a\ndata: b\ndata: c\ndata: d\n\n";
    assertThat(text(SseFraming.frame(chunk, ProviderFormat.ANTHROPIC))).isEqualTo(expected);
    assertThat(text(written(chunk, ProviderFormat.ANTHROPIC))).isEqualTo(expected);
  }

  @Test
  void edgeCasePayloads() throws IOException {
    String[][] cases = {
        {"", "data: \n\n"},
        {"\n", "data: \ndata: \n\n"},
        {"x\n", "data: x\ndata: \n\n"},
        {"\r\n\r\n", "data: \ndata: \ndata: \n\n"},
        {"\r\r", "data: \ndata: \ndata: \n\n"},
        {"\n\r", "data: \ndata: \ndata: \n\n"},
        {" lead", "data:  lead\n\n"},
    };
    for (String[] c : cases) {
      StreamChunk chunk = StreamChunk.ofUtf8(c[0], null);
      assertThat(text(SseFraming.frame(chunk, ProviderFormat.OPENAI))).as("%s", c[0]).isEqualTo(c[1]);
      assertThat(text(written(chunk, ProviderFormat.OPENAI))).as("%s", c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void eventTypeWithLineBreaksCannotBreakTheFrame() {
    StreamChunk chunk = StreamChunk.ofUtf8("{}", "bad\r\ndata: injected");
    assertThat(text(SseFraming.frame(chunk, ProviderFormat.ANTHROPIC)))
        .isEqualTo("event: baddata: injected\ndata: {}\n\n");
  }

  @Test
  void utf8EventTypeAndPayload() {
    StreamChunk chunk = StreamChunk.ofUtf8("{\"t\":\"✓ 😀\"}", "typé");
    assertThat(text(SseFraming.frame(chunk, ProviderFormat.RESPONSES)))
        .isEqualTo("event: typé\ndata: {\"t\":\"✓ 😀\"}\n\n");
  }

  @Test
  void framesParseBackToTheSameChunks() throws IOException {
    List<StreamChunk> chunks = List.of(
        StreamChunk.ofUtf8("{\"type\":\"message_start\"}", "message_start"),
        StreamChunk.ofUtf8("line1\nline2\r\nline3\rline4", "multi"),
        StreamChunk.ofUtf8("  spaced  ", null),
        StreamChunk.ofUtf8("", "empty"),
        StreamChunk.ofUtf8("trailing\n", null));
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (StreamChunk c : chunks) {
      SseFraming.writeTo(wire, c, ProviderFormat.ANTHROPIC);
      wire.write(SseFraming.keepAliveComment());
    }
    List<SseEvent> parsed = new ArrayList<>();
    SseParser parser = new SseParser();
    byte[] bytes = wire.toByteArray();
    parser.feed(bytes, 0, bytes.length, parsed::add);
    parser.finish(parsed::add);
    assertThat(parsed).extracting(SseEvent::eventType)
        .containsExactly(Optional.of("message_start"), Optional.of("multi"),
            Optional.empty(), Optional.of("empty"), Optional.empty());
    assertThat(parsed).extracting(SseEvent::utf8)
        .containsExactly("{\"type\":\"message_start\"}", "line1\nline2\nline3\nline4", "  spaced  ", "",
            "trailing\n");
  }
}
