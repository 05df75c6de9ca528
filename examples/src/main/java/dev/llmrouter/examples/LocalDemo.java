package dev.llmrouter.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmrouter.Completion;
import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.RouterMetadata;
import dev.llmrouter.RouterResult;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Runs the whole router with no API key and no internet: a small OpenAI-compatible server on 127.0.0.1
 * stands in for the provider, and the real {@code OpenAIProvider} (OkHttp, SSE parsing, retries) talks to
 * it through {@link Router#handle}, once without and once with streaming. The output shows the chunks as
 * an SSE client would receive them, and the routing metadata.
 */
public final class LocalDemo {
  private LocalDemo() {}

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", LocalDemo::answer);
    server.start();
    try {
      String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      Router router =
          Router.builder()
              .catalog(ModelCatalog.bundled())
              .addProvider(
                  "openai",
                  new OpenAIProvider(OpenAIConfig.builder().endpoint(endpoint).build()),
                  AuthConfig.bearer("local-demo-key"))
              .build();
      System.out.println("Router: " + router + ", fake OpenAI at " + endpoint);

      byte[] plain = ChatJson.request("gpt-4o-mini", "Hello!", false);
      RouterResult result = router.handle(plain, ProviderFormat.OPENAI, ClientHeaders.empty());
      Completion completion = result.completion().orElseThrow();
      System.out.println();
      System.out.println("== non-streaming");
      System.out.println(completion.bodyUtf8());
      describe(completion.metadata());

      byte[] streaming = ChatJson.request("gpt-4o-mini", "Hello again!", true);
      System.out.println();
      System.out.println("== streaming (SSE as a client receives it)");
      try (ResponseStream stream =
          router.handle(streaming, ProviderFormat.OPENAI, ClientHeaders.empty()).stream().orElseThrow()) {
        stream.writeSseTo(System.out);
        describe(stream.metadata());
      }
    } finally {
      server.stop(0);
    }
  }

  private static void describe(RouterMetadata m) {
    System.out.println("-> provider alias " + m.providerAlias() + ", wire format " + m.providerFormat()
        + ", passthrough " + m.passthrough() + ", upstream calls " + m.attempts().size());
  }

  /** The fake provider: echoes the last user message, as one JSON body or as SSE chunks. */
  private static void answer(HttpExchange exchange) throws IOException {
    byte[] request = exchange.getRequestBody().readAllBytes();
    String text = "You said: " + ChatJson.read(request).getOrDefault("content", "").replaceAll("[\"\\\\]", "");
    boolean stream = new String(request, StandardCharsets.UTF_8).contains("\"stream\":true");
    if (!stream) {
      byte[] body = ("{\"id\":\"chatcmpl-local\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text
          + "\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("content-type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      return;
    }
    exchange.getResponseHeaders().set("content-type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String word : text.split(" ")) {
        out.write(sse("{\"id\":\"chatcmpl-local\",\"object\":\"chat.completion.chunk\",\"model\":"
            + "\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word + " \"},"
            + "\"finish_reason\":null}]}"));
        out.flush();
      }
      out.write(sse("{\"id\":\"chatcmpl-local\",\"object\":\"chat.completion.chunk\",\"model\":"
          + "\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));
      out.write(sse("[DONE]"));
    }
  }

  private static byte[] sse(String data) {
    return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
