package dev.llmrouter.gateway.tracing;

import static dev.llmrouter.gateway.tracing.GenAiAttributes.ATTEMPT;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.ATTEMPTS;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.CHAT;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.CLIENT_FORMAT;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.COST_USD;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.ERROR_TYPE;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.HTTP_RESPONSE_STATUS_CODE;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.OPERATION_NAME;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.PROVIDER_ALIAS;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.PROVIDER_ID;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.PROVIDER_NAME;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.REQUEST_MODEL;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.RESPONSE_FINISH_REASONS;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.RESPONSE_MODEL;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.SERVER_ADDRESS;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.STREAM;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.SYSTEM;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.USAGE_INPUT_TOKENS;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.USAGE_OUTPUT_TOKENS;
import static dev.llmrouter.gateway.tracing.GenAiAttributes.WIRE_FORMAT;

import dev.llmrouter.catalog.CostCalculator;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.observe.AttemptEnd;
import dev.llmrouter.observe.AttemptStart;
import dev.llmrouter.observe.RequestEnd;
import dev.llmrouter.observe.RequestStart;
import dev.llmrouter.observe.RouteInfo;
import dev.llmrouter.observe.RouterListener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A {@link RouterListener} that records the router's requests as OpenTelemetry spans following the GenAI
 * semantic conventions: one span per request named {@code chat {model}} (kind SERVER in the gateway, as a
 * child of the caller's trace when the request carried a {@code traceparent}; the parent is the context
 * current when the request starts), and one CLIENT child span per upstream attempt, across retries and
 * failover routes. Attributes are listed in {@link GenAiAttributes}; a failed request or attempt gets
 * status ERROR and {@code error.type} (a stream closed early by its caller gets {@code error.type}
 * {@code cancelled} but no ERROR status). Thread-safe: a stream's request span may end on another thread.
 */
public final class GenAiTracingListener implements RouterListener {
  private final Tracer tracer;
  private final SpanKind requestKind;
  private final Function<String, Optional<ModelSpec>> models;
  private final Function<String, String> hostOfAlias;
  private final Map<Long, Request> open = new ConcurrentHashMap<>();

  /**
   * A listener writing to {@code tracer}: request spans of {@code requestKind}, costs priced from
   * {@code models} (a catalog lookup by model name), and {@code server.address} from {@code hostOfAlias}
   * (empty string when unknown; the provider's public host is used then, if it has a fixed one).
   */
  public GenAiTracingListener(Tracer tracer, SpanKind requestKind, Function<String, Optional<ModelSpec>> models,
      Function<String, String> hostOfAlias) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
    this.requestKind = Objects.requireNonNull(requestKind, "requestKind");
    this.models = Objects.requireNonNull(models, "models");
    this.hostOfAlias = Objects.requireNonNull(hostOfAlias, "hostOfAlias");
  }

  /** One request's open spans. */
  private static final class Request {
    final Span span;
    final String requestedModel;
    volatile Span attempt;
    volatile int attempts;

    Request(Span span, String requestedModel) {
      this.span = span;
      this.requestedModel = requestedModel;
    }
  }

  @Override
  public void onRequestStart(RequestStart e) {
    String model = e.requestedModel();
    Span span = tracer.spanBuilder(model.isEmpty() ? CHAT : CHAT + " " + model)
        .setSpanKind(requestKind)
        .setParent(Context.current())
        .setStartTimestamp(e.startedAt())
        .setAttribute(OPERATION_NAME, CHAT)
        .setAttribute(REQUEST_MODEL, model)
        .setAttribute(STREAM, e.stream())
        .setAttribute(CLIENT_FORMAT, e.outputFormat().id())
        .startSpan();
    open.put(e.requestId(), new Request(span, model));
  }

  @Override
  public void onAttemptStart(AttemptStart e) {
    Request r = open.get(e.requestId());
    if (r == null) {
      return;
    }
    RouteInfo route = e.route();
    String provider = ProviderNames.of(route.providerId(), route.providerFormat());
    var b = tracer.spanBuilder(CHAT + " " + route.model())
        .setSpanKind(SpanKind.CLIENT)
        .setParent(Context.current().with(r.span))
        .setAttribute(OPERATION_NAME, CHAT)
        .setAttribute(PROVIDER_NAME, provider)
        .setAttribute(SYSTEM, provider)
        .setAttribute(REQUEST_MODEL, route.model())
        .setAttribute(PROVIDER_ALIAS, route.providerAlias())
        .setAttribute(PROVIDER_ID, route.providerId())
        .setAttribute(WIRE_FORMAT, route.providerFormat().id())
        .setAttribute(ATTEMPT, (long) e.attempt());
    String host = host(route);
    if (!host.isEmpty()) {
      b.setAttribute(SERVER_ADDRESS, host);
    }
    r.attempt = b.startSpan();
    r.attempts = e.attempt();
  }

  @Override
  public void onAttemptEnd(AttemptEnd e) {
    Request r = open.get(e.requestId());
    if (r == null || r.attempt == null) {
      return;
    }
    Span span = r.attempt;
    r.attempt = null;
    e.status().ifPresent(s -> span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) s));
    if (e.errorType().isPresent()) {
      span.setAttribute(ERROR_TYPE, e.errorType().get());
      span.setStatus(StatusCode.ERROR, e.errorType().get());
    } else {
      span.setAttribute(RESPONSE_MODEL, e.route().model());
    }
    span.end();
  }

  @Override
  public void onRequestEnd(RequestEnd e) {
    Request r = open.remove(e.requestId());
    if (r == null) {
      return;
    }
    Span span = r.span;
    Span dangling = r.attempt;
    if (dangling != null) {
      dangling.end();
    }
    span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) e.status());
    span.setAttribute(ATTEMPTS, (long) r.attempts);
    e.route().ifPresent(route -> {
      String provider = ProviderNames.of(route.providerId(), route.providerFormat());
      span.setAttribute(PROVIDER_NAME, provider);
      span.setAttribute(SYSTEM, provider);
      span.setAttribute(PROVIDER_ALIAS, route.providerAlias());
      if (e.errorType().isEmpty() || e.status() == 200) {
        span.setAttribute(RESPONSE_MODEL, route.model());
      }
    });
    if (!e.finishReasons().isEmpty()) {
      span.setAttribute(RESPONSE_FINISH_REASONS, e.finishReasons());
    }
    e.usage().ifPresent(u -> {
      span.setAttribute(USAGE_INPUT_TOKENS, u.totalInputTokens());
      span.setAttribute(USAGE_OUTPUT_TOKENS, u.outputTokens());
      cost(r.requestedModel, e.route(), u).ifPresent(c -> span.setAttribute(COST_USD, c));
    });
    e.errorType().ifPresent(type -> {
      span.setAttribute(ERROR_TYPE, type);
      if (!type.equals("cancelled")) {
        span.setStatus(StatusCode.ERROR, type);
      }
    });
    span.end();
  }

  /** Open request spans (requests started and not yet ended); for tests and leak checks. */
  public int openRequests() {
    return open.size();
  }

  private Optional<Double> cost(String requestedModel, Optional<RouteInfo> route, Usage usage) {
    Optional<ModelSpec> spec = models.apply(requestedModel);
    if (spec.isEmpty() && route.isPresent()) {
      spec = models.apply(route.get().model());
    }
    return spec.flatMap(s -> CostCalculator.cost(s, usage)).map(c -> c.totalUsd().doubleValue());
  }

  private String host(RouteInfo route) {
    String h = hostOfAlias.apply(route.providerAlias());
    return h == null || h.isEmpty() ? ProviderNames.defaultHost(route.providerId()) : h;
  }
}
