package dev.llmrouter.gateway.prompts;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.gateway.error.ErrorBodies;
import dev.llmrouter.gateway.error.GatewayError;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes JSON replies and OpenAI-shaped errors for the prompt endpoints. */
final class PromptHttp {
  private PromptHttp() {}

  static void json(Response response, Callback callback, int status, JsonObject body) {
    send(response, callback, status, JsonTree.write(body));
  }

  static void error(Response response, Callback callback, GatewayError error) {
    if (error.status() == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    send(response, callback, error.status(), ErrorBodies.write(ProviderFormat.OPENAI, error));
  }

  private static void send(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
