package dev.llmrouter.gateway.http;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.gateway.error.ErrorBodies;
import dev.llmrouter.gateway.error.GatewayError;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes whole (non-streaming) replies: JSON bodies, text, and errors in the client's shape. */
final class Replies {
  static final String JSON = "application/json";

  private Replies() {}

  static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static void error(Response response, Callback callback, ProviderFormat format, GatewayError error) {
    if (error.status() == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    error.retryAfter().ifPresent(d ->
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, (d.toMillis() + 999) / 1000))));
    send(response, callback, error.status(), JSON, ErrorBodies.write(format, error));
  }
}
