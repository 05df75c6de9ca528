package dev.llmrouter.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.error.UpstreamProtocolException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Bedrock provider against a loopback MockWebServer standing in for the Bedrock runtime: exact URL,
 * method, headers and signature for sync and streaming calls; Converse and InvokeModel event streams
 * delivered in awkward splits; exception frames; upstream errors.
 */
@Timeout(60)
class BedrockProviderHttpTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY-HTTP";
  private static final String CONVERSE_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
  private static final String CONVERSE_BODY =
      "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}";
  private static final String INVOKE_BODY =
      "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":32,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

  private MockWebServer server;
  private ConnectionPool pool;
  private OkHttpClient client;

  @BeforeEach
  void setUp() throws IOException {
    server = Loopback.startServer();
    pool = new ConnectionPool(4, 1, TimeUnit.MINUTES);
    client = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectionPool(pool).build();
  }

  @AfterEach
  void tearDown() {
    pool.evictAll();
    server.close();
  }

  private BedrockProvider provider() {
    return new BedrockProvider(
        BedrockConfig.builder()
            .endpoint("http://127.0.0.1:" + server.getPort() + "/")
            .httpClient(client)
            .signingClock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());
  }

  private static AuthConfig sigV4() {
    return AuthConfig.AwsSigV4.of("AKIDEXAMPLE", SECRET, "us-east-1");
  }

  private static ProviderRequest request(ProviderFormat format, String model, String body, AuthConfig auth,
      boolean stream) {
    return ProviderRequest.builder()
        .payload(body.getBytes(StandardCharsets.UTF_8))
        .format(format)
        .spec(ModelSpec.builder(model, format, ModelFlavor.CHAT).build())
        .auth(auth)
        .clientHeaders(ClientHeaders.builder().add("x-trace-id", "trace-7").add("x-amzn-trace-id", "blocked")
            .build())
        .stream(stream)
        .build();
  }

  private static List<StreamChunk> drain(RawResponseStream stream) {
    List<StreamChunk> out = new ArrayList<>();
    try (stream) {
      while (stream.hasNext()) {
        out.add(stream.next());
      }
    }
    return out;
  }

  private static void assertSigned(RecordedRequest r, String body) {
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getBody().utf8()).isEqualTo(body);
    assertThat(r.getHeaders().values("content-type")).containsExactly("application/json");
    assertThat(r.getHeaders().get("authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/bedrock/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=");
    assertThat(r.getHeaders().get("x-amz-date")).isEqualTo("20240102T030405Z");
    assertThat(r.getHeaders().get("x-amz-content-sha256"))
        .isEqualTo(IndependentSigV4.hex(IndependentSigV4.sha256(body.getBytes(StandardCharsets.UTF_8))));
    assertThat(r.getHeaders().values("host")).hasSize(1);
    assertThat(r.getHeaders().get("x-amz-security-token")).isNull();
    assertThat(r.getHeaders().get("x-trace-id")).isEqualTo("trace-7");
    assertThat(r.getHeaders().get("x-amzn-trace-id")).isNull();
    assertThat(r.getHeaders().toString()).doesNotContain(SECRET);
  }

  @Test
  void converseSignsAndPostsTheExactPayload() throws Exception {
    String reply = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"hello\"}]}},"
        + "\"stopReason\":\"end_turn\"}";
    server.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(reply)
        .build());
    byte[] out = provider().complete(request(ProviderFormat.CONVERSE, CONVERSE_MODEL, CONVERSE_BODY, sigV4(), false));
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(reply);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
    assertSigned(r, CONVERSE_BODY);
    assertThat(r.getHeaders().get("accept")).isNotEqualTo(BedrockProvider.EVENT_STREAM_MEDIA_TYPE);
  }

  @Test
  void invokeWithABedrockApiKeyUsesTheKeyAndNoSignature() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"type\":\"message\"}").build());
    provider().complete(request(ProviderFormat.BEDROCK_ANTHROPIC, "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        INVOKE_BODY, AuthConfig.bearer("ABSKbedrockKey"), false));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke");
    assertThat(r.getHeaders().get("authorization")).isEqualTo("Bearer ABSKbedrockKey");
    assertThat(r.getHeaders().get("x-amz-date")).isNull();
    assertThat(r.getHeaders().get("content-type")).isEqualTo("application/json");
    assertThat(r.getBody().utf8()).isEqualTo(INVOKE_BODY);
  }

  @Test
  void converseStreamDecodesEventsDeliveredInAwkwardSplits() throws Exception {
    byte[] frames =
        EventStreamFrames.concat(
            EventStreamFrames.event("messageStart", "{\"p\":\"abc\",\"role\":\"assistant\"}"),
            EventStreamFrames.event("contentBlockDelta",
                "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"},\"p\":\"ab\"}"),
            EventStreamFrames.event("contentBlockDelta",
                "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo \\u00e9\"},\"p\":\"a\"}"),
            EventStreamFrames.event("contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"abcd\"}"),
            EventStreamFrames.event("messageStop", "{\"p\":\"abcdefg\",\"stopReason\":\"end_turn\"}"),
            EventStreamFrames.event("metadata",
                "{\"metrics\":{\"latencyMs\":412},\"p\":\"ab\",\"usage\":{\"inputTokens\":9,\"outputTokens\":3,"
                    + "\"totalTokens\":12}}"));
    server.enqueue(eventStreamResponse(frames));
    List<StreamChunk> chunks =
        drain(provider().completeStream(
            request(ProviderFormat.CONVERSE, CONVERSE_MODEL, CONVERSE_BODY, sigV4(), true)));
    assertThat(chunks).extracting(StreamChunk::utf8).containsExactly(
        "{\"messageStart\":{\"p\":\"abc\",\"role\":\"assistant\"}}",
        "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"},\"p\":\"ab\"}}",
        "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo \\u00e9\"},\"p\":\"a\"}}",
        "{\"contentBlockStop\":{\"contentBlockIndex\":0,\"p\":\"abcd\"}}",
        "{\"messageStop\":{\"p\":\"abcdefg\",\"stopReason\":\"end_turn\"}}",
        "{\"metadata\":{\"metrics\":{\"latencyMs\":412},\"p\":\"ab\",\"usage\":{\"inputTokens\":9,"
            + "\"outputTokens\":3,\"totalTokens\":12}}}");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream");
    assertThat(r.getHeaders().get("accept")).isEqualTo(BedrockProvider.EVENT_STREAM_MEDIA_TYPE);
    assertSigned(r, CONVERSE_BODY);
  }

  @Test
  void invokeStreamDecodesBase64ChunksDeliveredInAwkwardSplits() throws Exception {
    String[] events = {
      "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_bdrk_1\",\"type\":\"message\",\"role\":\"assistant\","
          + "\"content\":[],\"model\":\"claude\",\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}",
      "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
      "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi \u00e9\"}}",
      "{\"type\":\"content_block_stop\",\"index\":0}",
      "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":3}}",
      "{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":9}}"
    };
    byte[][] frames = new byte[events.length][];
    for (int i = 0; i < events.length; i++) {
      frames[i] = EventStreamFrames.chunk(events[i]);
    }
    server.enqueue(eventStreamResponse(EventStreamFrames.concat(frames)));
    String model = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc";
    List<StreamChunk> chunks =
        drain(provider().completeStream(request(ProviderFormat.BEDROCK_ANTHROPIC, model, INVOKE_BODY, sigV4(), true)));
    assertThat(chunks).extracting(StreamChunk::utf8).containsExactly(events);
    assertThat(chunks).extracting(c -> c.eventType().orElse(null)).containsExactly(
        "message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta",
        "message_stop");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo(
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile%2Fabc"
            + "/invoke-with-response-stream");
    assertThat(r.getHeaders().get("accept")).isEqualTo(BedrockProvider.EVENT_STREAM_MEDIA_TYPE);
    assertSigned(r, INVOKE_BODY);
  }

  @Test
  void anExceptionFrameMidStreamBecomesATypedErrorAfterTheEarlierEvents() {
    String payload = "{\"message\":\"Too many tokens, please wait before trying again.\"}";
    byte[] frames =
        EventStreamFrames.concat(
            EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}"),
            EventStreamFrames.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}"),
            EventStreamFrames.exception("throttlingException", payload),
            EventStreamFrames.event("messageStop", "{\"stopReason\":\"end_turn\"}"));
    server.enqueue(eventStreamResponse(frames));
    List<StreamChunk> before = new ArrayList<>();
    RawResponseStream stream =
        provider().completeStream(request(ProviderFormat.CONVERSE, CONVERSE_MODEL, CONVERSE_BODY, sigV4(), true));
    assertThatThrownBy(
            () -> {
              try (stream) {
                while (stream.hasNext()) {
                  before.add(stream.next());
                }
              }
            })
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.provider()).isEqualTo("bedrock");
              assertThat(e.header("x-amzn-errortype")).contains("throttlingException");
              assertThat(e.bodyText()).isEqualTo(payload);
            });
    assertThat(before).extracting(StreamChunk::utf8).containsExactly(
        "{\"messageStart\":{\"role\":\"assistant\"}}",
        "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}}");
  }

  @Test
  void aModelStreamErrorInAnInvokeStreamIsA500() {
    byte[] frames =
        EventStreamFrames.concat(
            EventStreamFrames.chunk("{\"type\":\"message_start\",\"message\":{}}"),
            EventStreamFrames.exception("modelStreamErrorException", "{\"message\":\"model failed\"}"));
    server.enqueue(eventStreamResponse(frames));
    RawResponseStream stream =
        provider().completeStream(request(ProviderFormat.BEDROCK_ANTHROPIC, "anthropic.claude-v2", INVOKE_BODY,
            sigV4(), true));
    assertThat(stream.hasNext()).isTrue();
    assertThat(stream.next().eventType()).contains("message_start");
    assertThatThrownBy(stream::hasNext)
        .isInstanceOfSatisfying(UpstreamHttpException.class, e -> assertThat(e.status()).isEqualTo(500));
    stream.close();
  }

  @Test
  void aCorruptFrameIsAProtocolError() {
    byte[] frame = EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}");
    frame[frame.length - 1] ^= 0x5a; // break the message CRC
    server.enqueue(eventStreamResponse(frame));
    RawResponseStream stream =
        provider().completeStream(request(ProviderFormat.CONVERSE, CONVERSE_MODEL, CONVERSE_BODY, sigV4(), true));
    assertThatThrownBy(() -> drain(stream))
        .isInstanceOf(UpstreamProtocolException.class)
        .hasMessageContaining("Event stream decode error");
  }

  @Test
  void chatCompletionsOnACustomEndpointStreamsSse() throws Exception {
    String sse =
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n";
    server.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "text/event-stream")
        .body(sse).build());
    String body = "{\"model\":\"openai.gpt-oss-120b\",\"stream\":true,\"messages\":[]}";
    List<StreamChunk> chunks =
        drain(provider().completeStream(request(ProviderFormat.OPENAI, "openai.gpt-oss-120b", body, sigV4(), true)));
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).utf8()).contains("\"content\":\"Hi\"");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/v1/chat/completions");
    assertThat(r.getHeaders().get("accept")).isNotEqualTo(BedrockProvider.EVENT_STREAM_MEDIA_TYPE);
    assertSigned(r, body);
  }

  @Test
  void responsesOnACustomEndpoint() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"object\":\"response\"}").build());
    String body = "{\"model\":\"openai.gpt-oss-120b\",\"input\":\"hi\"}";
    provider().complete(request(ProviderFormat.RESPONSES, "openai.gpt-oss-120b", body, sigV4(), false));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("/v1/responses");
    assertSigned(r, body);
  }

  @Test
  void anUpstream4xxBecomesAnUpstreamHttpErrorWithStatusHeadersAndBody() {
    String error = "{\"message\":\"The provided model identifier is invalid.\"}";
    server.enqueue(new MockResponse.Builder().code(400)
        .setHeader("content-type", "application/json")
        .addHeader("x-amzn-RequestId", "req-400")
        .addHeader("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/")
        .body(error).build());
    assertThatThrownBy(
            () -> provider().complete(request(ProviderFormat.CONVERSE, "bogus", CONVERSE_BODY, sigV4(), false)))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.provider()).isEqualTo("bedrock");
              assertThat(e.bodyText()).isEqualTo(error);
              assertThat(e.header("x-amzn-requestid")).contains("req-400");
              assertThat(e.header("x-amzn-errortype").orElseThrow()).startsWith("ValidationException");
              assertThat(e.getMessage()).doesNotContain(SECRET);
            });
  }

  @Test
  void anUpstream5xxOnAStreamingCallIsThrownBeforeAnyStream() {
    String error = "{\"message\":\"Service unavailable\"}";
    server.enqueue(new MockResponse.Builder().code(503).setHeader("content-type", "application/json")
        .addHeader("x-amzn-RequestId", "req-503").body(error).build());
    assertThatThrownBy(
            () -> provider().completeStream(
                request(ProviderFormat.CONVERSE, CONVERSE_MODEL, CONVERSE_BODY, sigV4(), true)))
        .isInstanceOfSatisfying(
            UpstreamHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.bodyText()).isEqualTo(error);
              assertThat(e.header("x-amzn-requestid")).contains("req-503");
            });
  }

  @Test
  void aWrongAuthKindFailsBeforeAnythingIsSent() {
    BedrockProvider p = provider();
    assertThatThrownBy(
            () -> p.complete(request(ProviderFormat.CONVERSE, CONVERSE_MODEL, CONVERSE_BODY,
                AuthConfig.oauth("tok"), false)))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("AwsSignatureV4 or ApiKey credentials required for Bedrock");
    assertThatThrownBy(
            () -> p.completeStream(request(ProviderFormat.CONVERSE, CONVERSE_MODEL, CONVERSE_BODY,
                AuthConfig.oauth("tok"), true)))
        .isInstanceOf(AuthException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  /** A 200 event-stream response whose body arrives in pieces of 1, 2, 3, 5, 7, 11 and 13 bytes. */
  private static MockResponse eventStreamResponse(byte[] body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("content-type", "application/vnd.amazon.eventstream")
        .setHeader("x-amzn-RequestId", "req-stream")
        .body(new SplitBody(body))
        .build();
  }

  /** Writes the body in small irregular pieces, flushing and pausing between them. */
  private static final class SplitBody implements MockResponseBody {
    private static final int[] SIZES = {1, 2, 3, 5, 7, 11, 13};
    private final byte[] body;

    SplitBody(byte[] body) {
      this.body = body;
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      int at = 0;
      for (int i = 0; at < body.length; i++) {
        int n = Math.min(SIZES[i % SIZES.length], body.length - at);
        sink.write(body, at, n);
        sink.flush();
        at += n;
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }
  }
}
