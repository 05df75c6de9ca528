package dev.llmrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.gateway.tracing.GatewayTracing;
import dev.llmrouter.gateway.tracing.GenAiAttributes;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.retry.RetryPolicy;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GenAI spans through the running gateway, recorded by an in-memory exporter: one SERVER span per
 * request joined to the caller's {@code traceparent}, one CLIENT child per upstream attempt (retries and
 * failover routes), the convention attributes, and error status.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TracingTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_SPAN = "00f067aa0ba902b7";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  private Harness h;

  @AfterEach
  void stop() throws Exception {
    if (h != null) {
      h.close();
    }
    sdk.close();
  }

  /** A Chat Completions provider failing its first {@code failures} calls with {@code status}. */
  static final class CannedProvider implements Provider {
    final String id;
    final int failures;
    final int status;
    final AtomicInteger calls = new AtomicInteger();

    CannedProvider(String id, int failures, int status) {
      this.id = id;
      this.failures = failures;
      this.status = status;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public List<ProviderFormat> formats() {
      return List.of(ProviderFormat.OPENAI);
    }

    @Override
    public byte[] complete(ProviderRequest request) {
      if (calls.incrementAndGet() <= failures) {
        throw new UpstreamHttpException(id, status, List.of(), "{\"error\":{\"message\":\"busy\"}}"
            .getBytes(StandardCharsets.UTF_8));
      }
      return ("{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"canned\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":500,\"total_tokens\":1500}}")
          .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public RawResponseStream completeStream(ProviderRequest request) {
      throw new UnsupportedOperationException();
    }
  }

  /** Model "canned" ($2 / $8 per million) served by aliases first then second, with one retry. */
  private void startCanned(CannedProvider first, CannedProvider second) throws Exception {
    ModelCatalog models = ModelCatalog.builder().put("canned", ModelSpec.builder("canned", ProviderFormat.OPENAI,
        ModelFlavor.CHAT).availableProviders(List.of(first.id, second.id))
        .inputCostPerMilTokens(new BigDecimal("2")).outputCostPerMilTokens(new BigDecimal("8")).build()).build();
    h = Harness.start(c -> { }, b -> b.addProvider(first.id, first, AuthConfig.custom(Map.of()))
        .addProvider(second.id, second, AuthConfig.custom(Map.of()))
        .failover(true)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).initialDelay(Duration.ZERO).maxDelay(Duration.ZERO)
            .jitter(false).build()), models, GatewayTracing.using(sdk));
  }

  private List<SpanData> finished() {
    return spans.getFinishedSpanItems().stream().sorted(Comparator.comparing(SpanData::getStartEpochNanos))
        .toList();
  }

  private static SpanData requestSpan(List<SpanData> all) {
    List<SpanData> servers = all.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
    assertThat(servers).hasSize(1);
    return servers.get(0);
  }

  private static List<SpanData> attempts(List<SpanData> all) {
    return all.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
  }

  @Test
  void aCompletionIsOneServerSpanInTheCallersTraceWithOneClientAttempt() throws Exception {
    h = Harness.start(c -> { }, b -> { }, ModelCatalog.empty(), GatewayTracing.using(sdk));

    HttpResponse<String> r = h.post("/v1/chat/completions",
        "{\"model\":\"mock/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01");
    assertThat(r.statusCode()).isEqualTo(200);

    List<SpanData> all = finished();
    assertThat(all).hasSize(2);
    SpanData req = requestSpan(all);
    assertThat(req.getName()).isEqualTo("chat mock/echo");
    assertThat(req.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(req.getParentSpanId()).isEqualTo(PARENT_SPAN);
    assertThat(req.getParentSpanContext().isRemote()).isTrue();
    assertThat(req.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    var a = req.getAttributes();
    assertThat(a.get(GenAiAttributes.OPERATION_NAME)).isEqualTo("chat");
    assertThat(a.get(GenAiAttributes.REQUEST_MODEL)).isEqualTo("mock/echo");
    assertThat(a.get(GenAiAttributes.PROVIDER_NAME)).isEqualTo("mock");
    assertThat(a.get(GenAiAttributes.SYSTEM)).isEqualTo("mock");
    assertThat(a.get(GenAiAttributes.PROVIDER_ALIAS)).isEqualTo("mock");
    assertThat(a.get(GenAiAttributes.RESPONSE_MODEL)).isNotBlank();
    assertThat(a.get(GenAiAttributes.USAGE_INPUT_TOKENS)).isEqualTo(10L);
    assertThat(a.get(GenAiAttributes.USAGE_OUTPUT_TOKENS)).isEqualTo(20L);
    assertThat(a.get(GenAiAttributes.RESPONSE_FINISH_REASONS)).containsExactly("stop");
    assertThat(a.get(GenAiAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
    assertThat(a.get(GenAiAttributes.COST_USD)).isCloseTo(0.00005, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(a.get(GenAiAttributes.STREAM)).isFalse();
    assertThat(a.get(GenAiAttributes.ERROR_TYPE)).isNull();

    SpanData attempt = attempts(all).get(0);
    assertThat(attempt.getParentSpanId()).isEqualTo(req.getSpanId());
    assertThat(attempt.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(attempt.getAttributes().get(GenAiAttributes.ATTEMPT)).isEqualTo(1L);
    assertThat(attempt.getAttributes().get(GenAiAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
    assertThat(attempt.getAttributes().get(GenAiAttributes.OPERATION_NAME)).isEqualTo("chat");
  }

  @Test
  void withoutTraceparentTheRequestSpanStartsATrace() throws Exception {
    h = Harness.start(c -> { }, b -> { }, ModelCatalog.empty(), GatewayTracing.using(sdk));

    h.post("/v1/messages", "{\"model\":\"mock/echo\",\"max_tokens\":10,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    SpanData req = requestSpan(finished());
    assertThat(req.getParentSpanContext().isValid()).isFalse();
    assertThat(req.getAttributes().get(GenAiAttributes.CLIENT_FORMAT)).isEqualTo("anthropic");
    assertThat(req.getAttributes().get(GenAiAttributes.RESPONSE_FINISH_REASONS)).containsExactly("end_turn");
  }

  @Test
  void retriesAndFailoverAreOneClientSpanEach() throws Exception {
    CannedProvider first = new CannedProvider("first", Integer.MAX_VALUE, 503);
    CannedProvider second = new CannedProvider("second", 0, 0);
    startCanned(first, second);

    HttpResponse<String> r = h.post("/v1/chat/completions",
        "{\"model\":\"canned\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);

    List<SpanData> all = finished();
    SpanData req = requestSpan(all);
    List<SpanData> tries = attempts(all);
    assertThat(tries).extracting(s -> s.getAttributes().get(GenAiAttributes.PROVIDER_ALIAS),
            s -> s.getAttributes().get(GenAiAttributes.ATTEMPT),
            s -> s.getAttributes().get(GenAiAttributes.HTTP_RESPONSE_STATUS_CODE), s -> s.getStatus().getStatusCode())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("first", 1L, 503L, StatusCode.ERROR),
            org.assertj.core.groups.Tuple.tuple("first", 2L, 503L, StatusCode.ERROR),
            org.assertj.core.groups.Tuple.tuple("second", 3L, 200L, StatusCode.UNSET));
    assertThat(tries.get(0).getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("UpstreamHttpException");
    assertThat(tries).allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(req.getSpanId()));
    assertThat(req.getAttributes().get(GenAiAttributes.PROVIDER_ALIAS)).isEqualTo("second");
    assertThat(req.getAttributes().get(GenAiAttributes.ATTEMPTS)).isEqualTo(3L);
    // 1000 input at $2/M + 500 output at $8/M
    assertThat(req.getAttributes().get(GenAiAttributes.COST_USD))
        .isCloseTo(0.006, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(req.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aFailedRequestHasErrorStatusAndType() throws Exception {
    CannedProvider first = new CannedProvider("first", Integer.MAX_VALUE, 400);
    CannedProvider second = new CannedProvider("second", 0, 0);
    startCanned(first, second);

    HttpResponse<String> r = h.post("/v1/chat/completions",
        "{\"model\":\"canned\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.statusCode()).isEqualTo(400);

    List<SpanData> all = finished();
    SpanData req = requestSpan(all);
    assertThat(req.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(req.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("UpstreamHttpException");
    assertThat(req.getAttributes().get(GenAiAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(400L);
    assertThat(req.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isNull();
    assertThat(attempts(all)).singleElement()
        .satisfies(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
    assertThat(second.calls.get()).isZero();
  }

  @Test
  void aStreamIsOneRequestSpanEndedWithItsUsage() throws Exception {
    h = Harness.start(c -> { }, b -> { }, ModelCatalog.empty(), GatewayTracing.using(sdk));

    HttpResponse<String> r = h.post("/v1/chat/completions", "{\"model\":\"mock/echo\",\"stream\":true,"
        + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("[DONE]");

    List<SpanData> all = finished();
    SpanData req = requestSpan(all);
    assertThat(req.getAttributes().get(GenAiAttributes.STREAM)).isTrue();
    assertThat(req.getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS)).isEqualTo(20L);
    assertThat(req.getAttributes().get(GenAiAttributes.RESPONSE_FINISH_REASONS)).containsExactly("stop");
    assertThat(attempts(all)).hasSize(1);
  }

  @Test
  void unknownModelsAreTracedAsFailedRequestsWithoutAttempts() throws Exception {
    h = Harness.start(c -> { }, b -> { }, ModelCatalog.empty(), GatewayTracing.using(sdk));

    HttpResponse<String> r = h.post("/v1/chat/completions",
        "{\"model\":\"no-such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.statusCode()).isEqualTo(404);

    List<SpanData> all = finished();
    assertThat(attempts(all)).isEmpty();
    SpanData req = requestSpan(all);
    assertThat(req.getName()).isEqualTo("chat no-such-model");
    assertThat(req.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("UnknownModelException");
    assertThat(req.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }
}
