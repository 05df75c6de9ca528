package dev.llmrouter.gateway.http;

import dev.llmrouter.RouterMetadata;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.gateway.metrics.GatewayMetrics;
import java.math.BigDecimal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened to one request, gathered while it is handled and then counted in the metrics and written
 * as one structured log line ({@code dev.llmrouter.gateway.access}): endpoint, model, provider, status,
 * stream, latency, tokens, cost, error kind. Holds no body, header or token, so nothing secret is logged.
 */
final class RequestRecord {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.llmrouter.gateway.access");

  private final Endpoint endpoint;
  private final GatewayMetrics metrics;
  private final long start = System.nanoTime();
  private String provider = "none";
  private String model = "none";
  private int status = 200;
  private boolean stream;
  private Optional<String> errorKind = Optional.empty();
  private Optional<Usage> usage = Optional.empty();
  private Optional<BigDecimal> cost = Optional.empty();

  RequestRecord(Endpoint endpoint, GatewayMetrics metrics) {
    this.endpoint = endpoint;
    this.metrics = metrics;
    metrics.started();
  }

  void routed(RouterMetadata m) {
    provider = m.providerAlias();
    model = m.requestedModel();
    stream = m.stream();
  }

  /** A model label for a request that failed before routing: only catalog names, to bound the series. */
  void knownModel(String name) {
    model = name;
  }

  void provider(String alias) {
    provider = alias;
  }

  void status(int s) {
    status = s;
  }

  void error(String kind) {
    errorKind = Optional.of(kind);
  }

  void usage(Optional<Usage> u, Optional<BigDecimal> c) {
    usage = u;
    cost = c;
  }

  void finish() {
    long nanos = System.nanoTime() - start;
    metrics.finished(new GatewayMetrics.Outcome(endpoint.label(), provider, model, status, errorKind, nanos,
        usage, cost));
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info("request endpoint={} model={} provider={} status={} stream={} latency_ms={} input_tokens={} "
              + "output_tokens={} cost_usd={} error={}",
          endpoint.label(), model, provider, status, stream, nanos / 1_000_000,
          usage.map(u -> Long.toString(u.totalInputTokens())).orElse("-"),
          usage.map(u -> Long.toString(u.outputTokens())).orElse("-"),
          cost.map(BigDecimal::toPlainString).orElse("-"), errorKind.orElse("-"));
    }
  }
}
