package dev.llmrouter.gateway.http;

import dev.llmrouter.Router;
import dev.llmrouter.gateway.GatewayModels;
import dev.llmrouter.gateway.auth.Access;
import dev.llmrouter.gateway.auth.TokenAuthenticator;
import dev.llmrouter.gateway.error.ErrorKind;
import dev.llmrouter.gateway.error.GatewayError;
import dev.llmrouter.gateway.metrics.GatewayMetrics;
import dev.llmrouter.gateway.prompts.PromptApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Jetty handler: resolves the path to an {@link Endpoint}, checks the method and the token
 * (model endpoints and {@code /v1/models} need a user token, {@code /metrics} an admin token,
 * {@code /health} none), and serves it. Blocking: Jetty runs it on a virtual thread (Java 21+) or a pool
 * thread.
 */
public final class GatewayHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);
  private static final byte[] HEALTH = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);

  private final TokenAuthenticator auth;
  private final GatewayMetrics metrics;
  private final ModelCall modelCall;
  private final byte[] modelsBody;
  private final Optional<PromptApi> prompts;

  /** A handler routing through {@code router}, without the prompt endpoints. */
  public GatewayHandler(Router router, GatewayModels models, TokenAuthenticator auth, GatewayMetrics metrics,
      long maxBodyBytes, Duration keepAlive, ScheduledExecutorService timer) {
    this(router, models, auth, metrics, maxBodyBytes, keepAlive, timer, Optional.empty());
  }

  /** A handler routing through {@code router}, serving the prompt endpoints when {@code prompts} is present. */
  public GatewayHandler(Router router, GatewayModels models, TokenAuthenticator auth, GatewayMetrics metrics,
      long maxBodyBytes, Duration keepAlive, ScheduledExecutorService timer, Optional<PromptApi> prompts) {
    this.prompts = prompts;
    this.auth = auth;
    this.metrics = metrics;
    this.modelCall = new ModelCall(router, models, maxBodyBytes, keepAlive, timer);
    this.modelsBody = ModelsListing.build(router, models);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (prompts.isPresent() && PromptApi.handles(Request.getPathInContext(request))) {
      prompts.get().handle(request, response, callback);
      return true;
    }
    Route route = Route.of(Request.getPathInContext(request));
    Endpoint ep = route.endpoint();
    if (ep == Endpoint.HEALTH) {
      if (method(request, response, callback, route, "GET")) {
        Replies.send(response, callback, 200, Replies.JSON, HEALTH);
      }
      return true;
    }
    RequestRecord rec = new RequestRecord(ep, metrics);
    try {
      serve(route, request, response, callback, rec);
    } catch (RuntimeException e) {
      LOG.error("unexpected failure on {}", ep.label(), e);
      rec.status(500);
      rec.error("internal");
      if (!response.isCommitted()) {
        Replies.error(response, callback, route.errorFormat(),
            GatewayError.of(500, ErrorKind.INTERNAL, "internal gateway error"));
      } else {
        callback.failed(e);
      }
    } finally {
      rec.finish();
    }
    return true;
  }

  private void serve(Route route, Request request, Response response, Callback callback, RequestRecord rec) {
    Endpoint ep = route.endpoint();
    if (ep == Endpoint.UNKNOWN) {
      reject(response, callback, route, rec, GatewayError.of(404, ErrorKind.NOT_FOUND,
          "no such endpoint: " + request.getMethod() + " " + Request.getPathInContext(request)));
      return;
    }
    String needed = ep.isModelCall() ? "POST" : "GET";
    if (!request.getMethod().equals(needed) && !(needed.equals("GET") && request.getMethod().equals("HEAD"))) {
      response.getHeaders().put(HttpHeader.ALLOW, needed);
      reject(response, callback, route, rec, GatewayError.of(405, ErrorKind.INVALID_REQUEST,
          ep.label() + " takes " + needed + ", not " + request.getMethod()));
      return;
    }
    Access access = auth.authenticate(name -> request.getHeaders().get(name));
    if (access == Access.NONE) {
      String why = TokenAuthenticator.presented(name -> request.getHeaders().get(name)).isPresent()
          ? "invalid gateway token"
          : keyParam(request)
              ? "the 'key' query parameter is not accepted (URLs end up in logs); send the token in the "
                  + "x-goog-api-key header"
              : "missing gateway token: send 'Authorization: Bearer <token>', 'x-api-key' or 'x-goog-api-key'";
      reject(response, callback, route, rec, GatewayError.of(401, ErrorKind.AUTHENTICATION, why));
      return;
    }
    Access needs = ep == Endpoint.METRICS ? Access.ADMIN : Access.USER;
    if (!access.allows(needs)) {
      reject(response, callback, route, rec, GatewayError.of(403, ErrorKind.PERMISSION,
          ep.label() + " needs an admin token (GATEWAY_ADMIN_TOKENS)"));
      return;
    }
    switch (ep) {
      case MODELS:
        Replies.send(response, callback, 200, Replies.JSON, modelsBody);
        return;
      case METRICS:
        Replies.send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8",
            metrics.render().getBytes(StandardCharsets.UTF_8));
        return;
      default:
        modelCall.serve(route, request, response, callback, rec);
    }
  }

  private static boolean keyParam(Request request) {
    return Request.extractQueryParameters(request).get("key") != null;
  }

  private static boolean method(Request request, Response response, Callback callback, Route route, String m) {
    if (request.getMethod().equals(m) || (m.equals("GET") && request.getMethod().equals("HEAD"))) {
      return true;
    }
    response.getHeaders().put(HttpHeader.ALLOW, m);
    Replies.error(response, callback, route.errorFormat(), GatewayError.of(405, ErrorKind.INVALID_REQUEST,
        route.endpoint().label() + " takes " + m + ", not " + request.getMethod()));
    return false;
  }

  private static void reject(Response response, Callback callback, Route route, RequestRecord rec,
      GatewayError error) {
    rec.status(error.status());
    rec.error(error.kind().name().toLowerCase(java.util.Locale.ROOT));
    Replies.error(response, callback, route.errorFormat(), error);
  }
}
