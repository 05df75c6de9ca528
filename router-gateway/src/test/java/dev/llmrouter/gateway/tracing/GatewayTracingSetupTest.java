package dev.llmrouter.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.observe.AttemptEnd;
import dev.llmrouter.observe.AttemptStart;
import dev.llmrouter.observe.RequestEnd;
import dev.llmrouter.observe.RequestStart;
import dev.llmrouter.observe.RouteInfo;
import dev.llmrouter.observe.RouterListener;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tracing is configured by the standard OTEL_* variables: off (nothing initialised) when they are unset,
 * and spans exported over OTLP http/protobuf to the configured endpoint when set.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayTracingSetupTest {

  private static long otelThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> n.contains("BatchSpanProcessor") || n.contains("OkHttp") || n.toLowerCase().contains("otel"))
        .count();
  }

  @Test
  void requestedOnlyByAnOtlpEndpointOrExporter() {
    assertThat(GatewayTracing.requested(Map.of())).isFalse();
    assertThat(GatewayTracing.requested(Map.of("OTEL_SERVICE_NAME", "x"))).isFalse();
    assertThat(GatewayTracing.requested(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"))).isTrue();
    assertThat(GatewayTracing.requested(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://h/v1/traces")))
        .isTrue();
    assertThat(GatewayTracing.requested(Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
    assertThat(GatewayTracing.requested(Map.of("OTEL_TRACES_EXPORTER", "none",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"))).isFalse();
    assertThat(GatewayTracing.requested(Map.of("OTEL_SDK_DISABLED", "true",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"))).isFalse();
  }

  @Test
  void nothingIsInitialisedWhenOtelVariablesAreUnset() {
    long before = otelThreads();
    GatewayTracing tracing = GatewayTracing.fromEnvironment(Map.of("PATH", "/usr/bin"));
    Handler handler = new Handler.Abstract() {
      @Override
      public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
          org.eclipse.jetty.util.Callback callback) {
        return false;
      }
    };

    assertThat(tracing.enabled()).isFalse();
    assertThat(tracing).isSameAs(GatewayTracing.disabled());
    assertThat(tracing.listener(name -> Optional.empty(), alias -> "")).isEmpty();
    assertThat(tracing.wrap(handler)).isSameAs(handler);
    assertThat(otelThreads()).isEqualTo(before);
    tracing.close();
  }

  @Test
  void spansAreExportedOverOtlpHttpProtobufWhenTheEndpointIsSet() throws Exception {
    try (MockWebServer collector = new MockWebServer()) {
      collector.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
      collector.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/x-protobuf")
          .build());
      String endpoint = collector.url("/").toString();
      GatewayTracing tracing = GatewayTracing.fromEnvironment(Map.of(
          "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.substring(0, endpoint.length() - 1),
          "OTEL_SERVICE_NAME", "gateway-under-test"));
      try {
        assertThat(tracing.enabled()).isTrue();
        RouterListener l = tracing.listener(name -> Optional.empty(), alias -> "").orElseThrow();
        RouteInfo route = new RouteInfo("mock", "mock", "mock/echo", ProviderFormat.OPENAI);
        l.onRequestStart(new RequestStart(7, "mock/echo", ProviderFormat.OPENAI, false, Instant.now()));
        l.onAttemptStart(new AttemptStart(7, 1, route));
        l.onAttemptEnd(new AttemptEnd(7, 1, route, Optional.of(200), Optional.empty(), Duration.ofMillis(1)));
        l.onRequestEnd(new RequestEnd(7, Optional.of(route), 200, Optional.empty(), Duration.ofMillis(2),
            Optional.of(Usage.fromOpenAi(3, 4, 0, 0)), List.of("stop")));
      } finally {
        tracing.close();
      }

      RecordedRequest export = collector.takeRequest(20, TimeUnit.SECONDS);
      assertThat(export).as("an OTLP export reached the collector").isNotNull();
      assertThat(export.getMethod()).isEqualTo("POST");
      assertThat(export.getUrl().encodedPath()).isEqualTo("/v1/traces");
      assertThat(export.getHeaders().get("content-type")).isEqualTo("application/x-protobuf");
      String body = export.getBody().string(java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(body).contains("chat mock/echo", "gen_ai.request.model", "gen_ai.usage.output_tokens",
          "gateway-under-test");
    }
  }
}
