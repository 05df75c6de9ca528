package dev.llmrouter.gateway.tracing;

import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.observe.RouterListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's OpenTelemetry tracing: on only when the standard variables ask for an OTLP export
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, or
 * {@code OTEL_TRACES_EXPORTER=otlp}; never with {@code OTEL_SDK_DISABLED=true}), configured by the SDK's
 * autoconfiguration from every other {@code OTEL_*} variable (headers, protocol, sampler, resource...).
 * The gateway's defaults, which those variables override: protocol {@code http/protobuf}, service name
 * {@code llm-router-gateway}, no metrics or logs export. Off, nothing is initialised: no SDK, no exporter,
 * no thread. On, it supplies the router listener ({@link GenAiTracingListener}) and a handler wrapper that
 * honours an incoming W3C {@code traceparent} ({@link TraceContextHandler}). Close it to flush and stop the
 * exporter.
 */
public final class GatewayTracing implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayTracing.class);
  private static final String INSTRUMENTATION = "dev.llmrouter.gateway";
  private static final GatewayTracing DISABLED = new GatewayTracing(null, null);

  private final OpenTelemetry otel;
  private final OpenTelemetrySdk owned;

  private GatewayTracing(OpenTelemetry otel, OpenTelemetrySdk owned) {
    this.otel = otel;
    this.owned = owned;
  }

  /** Tracing off. */
  public static GatewayTracing disabled() {
    return DISABLED;
  }

  /** Tracing through an OpenTelemetry instance the caller owns (tests, embedding hosts); not closed here. */
  public static GatewayTracing using(OpenTelemetry otel) {
    return new GatewayTracing(java.util.Objects.requireNonNull(otel, "otel"), null);
  }

  /** Whether {@code env} asks for an OTLP trace export (see the class comment). */
  public static boolean requested(Map<String, String> env) {
    if ("true".equalsIgnoreCase(trim(env.get("OTEL_SDK_DISABLED")))) {
      return false;
    }
    String exporter = trim(env.get("OTEL_TRACES_EXPORTER")).toLowerCase(Locale.ROOT);
    if (exporter.equals("none")) {
      return false;
    }
    return exporter.contains("otlp") || !trim(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")).isEmpty()
        || !trim(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).isEmpty();
  }

  /**
   * Tracing as {@code env} (normally {@link System#getenv()}) asks: off unless {@link #requested}; on, the
   * SDK is built by autoconfiguration from the {@code OTEL_*} entries. A configuration the SDK refuses is
   * logged and leaves tracing off, never stops the gateway.
   */
  public static GatewayTracing fromEnvironment(Map<String, String> env) {
    if (!requested(env)) {
      return DISABLED;
    }
    Map<String, String> props = new HashMap<>();
    props.put("otel.exporter.otlp.protocol", "http/protobuf");
    props.put("otel.metrics.exporter", "none");
    props.put("otel.logs.exporter", "none");
    props.put("otel.traces.exporter", "otlp");
    if (trim(env.get("OTEL_SERVICE_NAME")).isEmpty()
        && !trim(env.get("OTEL_RESOURCE_ATTRIBUTES")).contains("service.name=")) {
      props.put("otel.service.name", "llm-router-gateway");
    }
    env.forEach((k, v) -> {
      if (k.startsWith("OTEL_") && v != null) {
        props.put(k.toLowerCase(Locale.ROOT).replace('_', '.'), v);
      }
    });
    try {
      OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
          .addPropertiesSupplier(() -> props)
          .disableShutdownHook()
          .build()
          .getOpenTelemetrySdk();
      LOG.info("OpenTelemetry tracing on: exporting spans over OTLP ({})",
          props.getOrDefault("otel.exporter.otlp.protocol", "http/protobuf"));
      return new GatewayTracing(sdk, sdk);
    } catch (RuntimeException e) {
      LOG.warn("OpenTelemetry tracing off: the OTEL_* configuration was refused: {}", e.getMessage());
      return DISABLED;
    }
  }

  /** Whether spans are recorded. */
  public boolean enabled() {
    return otel != null;
  }

  /**
   * The router listener writing the spans (SERVER request spans), pricing costs with {@code models} and
   * naming upstream hosts with {@code hostOfAlias}; empty when tracing is off.
   */
  public Optional<RouterListener> listener(Function<String, Optional<ModelSpec>> models,
      Function<String, String> hostOfAlias) {
    if (otel == null) {
      return Optional.empty();
    }
    return Optional.of(new GenAiTracingListener(otel.getTracer(INSTRUMENTATION), SpanKind.SERVER, models,
        hostOfAlias));
  }

  /** {@code handler} wrapped to run each request in the caller's trace context; itself when tracing is off. */
  public Handler wrap(Handler handler) {
    if (otel == null) {
      return handler;
    }
    return new TraceContextHandler(handler, otel.getPropagators().getTextMapPropagator());
  }

  /** Flushes pending spans (for up to 5 s) and stops the SDK this instance built; idempotent. */
  @Override
  public void close() {
    if (owned != null) {
      owned.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
