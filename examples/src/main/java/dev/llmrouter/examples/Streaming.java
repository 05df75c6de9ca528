package dev.llmrouter.examples;

import dev.llmrouter.ResponseStream;
import dev.llmrouter.Router;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import dev.llmrouter.stream.StreamChunk;
import java.util.List;
import java.util.Map;

/**
 * Streaming (like the Rust router's streaming.rs, with OpenAI): prints text deltas as they arrive, skips
 * keep-alives, stops at the finish reason, then streams a second model.
 *
 * <p>Needs {@code OPENAI_API_KEY}.
 */
public final class Streaming {
  private Streaming() {}

  public static void main(String[] args) {
    String apiKey = Env.require("OPENAI_API_KEY", "sk-...");
    Router router =
        Router.builder()
            .catalog(ModelCatalog.bundled())
            .addProvider("openai", new OpenAIProvider(OpenAIConfig.defaults()), AuthConfig.bearer(apiKey))
            .build();

    for (String model : List.of("gpt-4o-mini", "gpt-4.1-mini")) {
      System.out.println("== " + model);
      byte[] body = ChatJson.request(model, "Count from one to five in words.", true);
      try (ResponseStream stream =
          router.completeStream(body, model, ProviderFormat.OPENAI, ClientHeaders.empty())) {
        for (StreamChunk chunk : stream) {
          if (chunk.isKeepAlive()) {
            continue;
          }
          Map<String, String> fields = ChatJson.read(chunk.data());
          System.out.print(fields.getOrDefault("content", ""));
          if (fields.containsKey("finish_reason")) {
            System.out.println();
            System.out.println("[finish_reason: " + fields.get("finish_reason") + "]");
          }
          if (fields.containsKey("total_tokens")) {
            System.out.println("[usage: " + fields.get("total_tokens") + " tokens]");
          }
        }
      }
    }
  }
}
