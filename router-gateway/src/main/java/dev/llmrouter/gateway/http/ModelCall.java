package dev.llmrouter.gateway.http;

import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterMetadata;
import dev.llmrouter.RouterResult;
import dev.llmrouter.catalog.CostCalculator;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.UpstreamException;
import dev.llmrouter.gateway.GatewayModels;
import dev.llmrouter.gateway.cost.StreamCost;
import dev.llmrouter.gateway.error.ErrorMapping;
import dev.llmrouter.gateway.error.GatewayError;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.observe.ReplyReader;
import dev.llmrouter.observe.StreamTally;
import dev.llmrouter.stream.StreamChunk;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one model request: reads the body (within the limit), calls the router with the endpoint's
 * client format ({@code handle} for OpenAI and Anthropic paths, {@code complete}/{@code completeStream}
 * with the path's model for Gemini), and answers with the completion (plus {@code x-router-cost-usd}) or
 * streams the events, writing the cost into the final usage report where the format has room
 * ({@link StreamCost}). Errors before the first byte become the client format's error body and status.
 */
final class ModelCall {
  /** Client headers passed upstream; everything else (tokens, cookies, hop-by-hop) stays here. */
  static final List<String> FORWARDED_HEADERS = List.of("anthropic-beta", "openai-beta");
  static final String COST_HEADER = "x-router-cost-usd";

  private static final Logger LOG = LoggerFactory.getLogger(ModelCall.class);

  private final Router router;
  private final GatewayModels models;
  private final long maxBodyBytes;
  private final Duration keepAlive;
  private final ScheduledExecutorService timer;

  ModelCall(Router router, GatewayModels models, long maxBodyBytes, Duration keepAlive,
      ScheduledExecutorService timer) {
    this.router = router;
    this.models = models;
    this.maxBodyBytes = maxBodyBytes;
    this.keepAlive = keepAlive;
    this.timer = timer;
  }

  void serve(Route route, Request request, Response response, Callback callback, RequestRecord rec) {
    ProviderFormat format = route.endpoint().format();
    RouterResult result;
    try {
      byte[] body = BodyReader.read(request, maxBodyBytes);
      ClientHeaders headers = forwarded(request.getHeaders());
      switch (route.endpoint()) {
        case GENERATE_CONTENT:
          label(rec, route.pathModel().orElseThrow());
          result = router.complete(body, route.pathModel().orElseThrow(), format, headers);
          break;
        case STREAM_GENERATE_CONTENT:
          label(rec, route.pathModel().orElseThrow());
          result = router.completeStream(body, route.pathModel().orElseThrow(), format, headers);
          break;
        default:
          result = router.handle(body, format, headers);
          break;
      }
    } catch (IOException e) {
      rec.status(499);
      rec.error("client_disconnected");
      callback.failed(e);
      return;
    } catch (RuntimeException e) {
      fail(e, format, response, callback, rec);
      return;
    }
    rec.routed(result.metadata());
    if (result instanceof Completion c) {
      complete(c, format, response, callback, rec);
    } else {
      boolean sse = route.endpoint() != Endpoint.STREAM_GENERATE_CONTENT || isAltSse(request);
      stream((ResponseStream) result, format, !sse, response, callback, rec);
    }
  }

  private void label(RequestRecord rec, String model) {
    if (models.find(model).isPresent()) {
      rec.knownModel(model);
    }
  }

  private void complete(Completion c, ProviderFormat format, Response response, Callback callback,
      RequestRecord rec) {
    Optional<Usage> usage = ReplyReader.usageOfBody(c.body(), format);
    Optional<BigDecimal> cost = cost(c.metadata(), usage);
    rec.usage(usage, cost);
    routeHeaders(response.getHeaders(), c.metadata());
    cost.ifPresent(v -> response.getHeaders().put(COST_HEADER, v.toPlainString()));
    Replies.send(response, callback, 200, Replies.JSON, c.body());
  }

  private void stream(ResponseStream s, ProviderFormat format, boolean jsonArray, Response response,
      Callback callback, RequestRecord rec) {
    response.setStatus(200);
    HttpFields.Mutable h = response.getHeaders();
    h.put(HttpHeader.CONTENT_TYPE, jsonArray ? "application/json" : "text/event-stream; charset=utf-8");
    h.put(HttpHeader.CACHE_CONTROL, "no-cache");
    h.put("x-accel-buffering", "no");
    routeHeaders(h, s.metadata());
    StreamTally usage = new StreamTally(format);
    try (s; StreamWriter w = new StreamWriter(response, s, format, jsonArray, keepAlive, timer)) {
      try {
        w.open();
        while (s.hasNext()) {
          StreamChunk chunk;
          try {
            chunk = s.next();
          } catch (java.util.NoSuchElementException closedMeanwhile) {
            break; // the writer closed the stream because the client left
          }
          if (usage.accept(chunk)) {
            Optional<BigDecimal> cost = cost(s.metadata(), usage.usage());
            if (cost.isPresent()) {
              chunk = StreamCost.withCost(chunk, format, cost.get());
            }
          }
          w.event(chunk);
        }
        if (w.clientGone()) {
          throw new IOException("client disconnected");
        }
        w.finish();
      } catch (RouterException e) {
        // The stream already delivered the client format's error event; end the response without [DONE].
        rec.error("stream_" + ErrorMapping.of(e, format).kind().name().toLowerCase(java.util.Locale.ROOT));
        if (w.clientGone()) {
          throw new IOException("client disconnected", e);
        }
        w.finishAfterError();
      }
      callback.succeeded();
    } catch (IOException e) {
      rec.status(499);
      rec.error("client_disconnected");
      callback.failed(e);
    } finally {
      Optional<Usage> u = usage.usage();
      rec.usage(u, cost(s.metadata(), u));
    }
  }

  private void fail(RuntimeException e, ProviderFormat format, Response response, Callback callback,
      RequestRecord rec) {
    GatewayError error = ErrorMapping.of(e, format);
    if (error.status() >= 500 && !(e instanceof RouterException)) {
      LOG.error("unexpected failure serving a request", e);
    }
    if (e instanceof UpstreamException u) {
      rec.provider(u.provider());
    }
    rec.status(error.status());
    rec.error(error.kind().name().toLowerCase(java.util.Locale.ROOT));
    Replies.error(response, callback, format, error);
  }

  private Optional<BigDecimal> cost(RouterMetadata m, Optional<Usage> usage) {
    if (usage.isEmpty()) {
      return Optional.empty();
    }
    return models.find(m.requestedModel()).flatMap(spec -> CostCalculator.cost(spec, usage.get()))
        .map(c -> c.totalUsd());
  }

  private static void routeHeaders(HttpFields.Mutable h, RouterMetadata m) {
    h.put("x-router-provider", m.providerAlias());
    h.put("x-router-model", m.model());
  }

  private static boolean isAltSse(Request request) {
    Fields q = Request.extractQueryParameters(request);
    return "sse".equalsIgnoreCase(q.getValue("alt"));
  }

  static ClientHeaders forwarded(HttpFields fields) {
    ClientHeaders.Builder b = ClientHeaders.builder();
    for (String name : FORWARDED_HEADERS) {
      String v = fields.get(name);
      if (v != null) {
        b.add(name, v);
      }
    }
    return b.build();
  }
}
