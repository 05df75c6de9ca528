package dev.llmrouter.gateway.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Runs each request with the trace context its headers carry ({@code traceparent}/{@code tracestate}
 * with the default W3C propagator) made current, so the router's request span joins the caller's trace.
 * The gateway's handler serves a request on the calling thread, streams included, so the scope covers the
 * whole request.
 */
final class TraceContextHandler extends Handler.Wrapper {
  private static final TextMapGetter<HttpFields> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(HttpFields carrier) {
      List<String> names = new ArrayList<>();
      for (HttpField f : carrier) {
        names.add(f.getName());
      }
      return names;
    }

    @Override
    public String get(HttpFields carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final TextMapPropagator propagator;

  TraceContextHandler(Handler handler, TextMapPropagator propagator) {
    super(handler);
    this.propagator = propagator;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Context context = propagator.extract(Context.root(), request.getHeaders(), HEADERS);
    try (Scope ignored = context.makeCurrent()) {
      return super.handle(request, response, callback);
    }
  }
}
