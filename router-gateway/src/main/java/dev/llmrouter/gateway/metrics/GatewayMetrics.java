package dev.llmrouter.gateway.metrics;

import dev.llmrouter.catalog.Usage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's counters, labelled by endpoint, provider and model: requests by status, errors by kind,
 * a latency histogram, tokens by bucket and cost in USD; rendered in the Prometheus text format
 * (version 0.0.4). The model label is the routed catalog model, or {@code none} when the request failed
 * before routing, so client input cannot grow the series without bound. Thread-safe.
 */
public final class GatewayMetrics {
  private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Labels, Histogram> latency = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> tokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Labels, AtomicReference<BigDecimal>> cost = new ConcurrentHashMap<>();
  private final LongAdder inFlight = new LongAdder();

  /** One finished request. */
  public record Outcome(
      String endpoint,
      String provider,
      String model,
      int status,
      Optional<String> errorKind,
      long latencyNanos,
      Optional<Usage> usage,
      Optional<BigDecimal> costUsd) {}

  /** Marks a request as started (the in-flight gauge). */
  public void started() {
    inFlight.increment();
  }

  /** Records a finished request. */
  public void finished(Outcome o) {
    inFlight.decrement();
    Labels l = new Labels(o.endpoint(), o.provider(), o.model());
    String base = l.render();
    requests.computeIfAbsent(base + ",status=\"" + o.status() + "\"", k -> new LongAdder()).increment();
    o.errorKind().ifPresent(kind ->
        errors.computeIfAbsent(base + ",kind=\"" + Labels.escape(kind) + "\"", k -> new LongAdder()).increment());
    latency.computeIfAbsent(l, k -> new Histogram()).observe(o.latencyNanos() / 1e9);
    o.usage().ifPresent(u -> {
      add(base, "input", u.uncachedInputTokens());
      add(base, "cache_read", u.cacheReadTokens());
      add(base, "cache_write", u.cacheWriteTokens());
      add(base, "output", u.outputTokens());
    });
    o.costUsd().ifPresent(c -> cost.computeIfAbsent(l, k -> new AtomicReference<>(BigDecimal.ZERO))
        .accumulateAndGet(c, BigDecimal::add));
  }

  private void add(String base, String type, long n) {
    if (n > 0) {
      tokens.computeIfAbsent(base + ",type=\"" + type + "\"", k -> new LongAdder()).add(n);
    }
  }

  /** The Prometheus text exposition of every series. */
  public String render() {
    StringBuilder out = new StringBuilder(4096);
    out.append("# HELP llmrouter_gateway_requests_total Requests answered, by status.\n");
    out.append("# TYPE llmrouter_gateway_requests_total counter\n");
    counters(out, "llmrouter_gateway_requests_total", requests);
    out.append("# HELP llmrouter_gateway_errors_total Requests that failed, by error kind.\n");
    out.append("# TYPE llmrouter_gateway_errors_total counter\n");
    counters(out, "llmrouter_gateway_errors_total", errors);
    out.append("# HELP llmrouter_gateway_request_duration_seconds Time from request to last byte.\n");
    out.append("# TYPE llmrouter_gateway_request_duration_seconds histogram\n");
    new TreeMap<String, Histogram>(toRendered(latency)).forEach((labels, h) ->
        h.render(out, "llmrouter_gateway_request_duration_seconds", labels));
    out.append("# HELP llmrouter_gateway_tokens_total Tokens reported by the upstream, by bucket.\n");
    out.append("# TYPE llmrouter_gateway_tokens_total counter\n");
    counters(out, "llmrouter_gateway_tokens_total", tokens);
    out.append("# HELP llmrouter_gateway_cost_usd_total Cost in USD from catalog prices (known prices only).\n");
    out.append("# TYPE llmrouter_gateway_cost_usd_total counter\n");
    new TreeMap<String, AtomicReference<BigDecimal>>(toRendered(cost)).forEach((labels, v) ->
        out.append("llmrouter_gateway_cost_usd_total{").append(labels).append("} ")
            .append(v.get().toPlainString()).append('\n'));
    out.append("# HELP llmrouter_gateway_requests_in_flight Requests being handled.\n");
    out.append("# TYPE llmrouter_gateway_requests_in_flight gauge\n");
    out.append("llmrouter_gateway_requests_in_flight ").append(inFlight.sum()).append('\n');
    return out.toString();
  }

  private static <V> Map<String, V> toRendered(Map<Labels, V> m) {
    Map<String, V> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k.render(), v));
    return out;
  }

  private static void counters(StringBuilder out, String name, Map<String, LongAdder> m) {
    new TreeMap<>(m).forEach((labels, v) ->
        out.append(name).append('{').append(labels).append("} ").append(v.sum()).append('\n'));
  }
}
