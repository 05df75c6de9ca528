package dev.llmrouter.examples;

import dev.llmrouter.Completion;
import dev.llmrouter.PreparedRequest;
import dev.llmrouter.Router;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import dev.llmrouter.route.ProviderRoute;
import java.util.Map;

/**
 * The basic flow, step by step (like the Rust router's simple.rs): register OpenAI, resolve a model,
 * prepare the request, execute it, print the answer, the usage and the catalog's metadata.
 *
 * <p>Needs {@code OPENAI_API_KEY}; {@code LLM_MODEL} picks another model (default {@code gpt-4o-mini}).
 */
public final class Simple {
  private Simple() {}

  public static void main(String[] args) {
    String apiKey = Env.require("OPENAI_API_KEY", "sk-...");
    String model = Env.optional("LLM_MODEL").orElse("gpt-4o-mini");

    Router router =
        Router.builder()
            .catalog(ModelCatalog.bundled())
            .addProvider("openai", new OpenAIProvider(OpenAIConfig.defaults()), AuthConfig.bearer(apiKey))
            .build();

    byte[] body = ChatJson.request(model, "Say hello in five words.", false);

    // 1. Resolve: which providers serve the model, in which wire format.
    ProviderRoute route = router.resolveRoutes(model, ProviderFormat.OPENAI).get(0);
    // 2. Prepare: the exact bytes to send (here the caller's bytes, untouched).
    PreparedRequest prepared = router.prepare(body, ProviderFormat.OPENAI, route, false);
    // 3. Execute.
    Completion completion = router.execute(prepared, ClientHeaders.empty());

    Map<String, String> answer = ChatJson.read(completion.body());
    System.out.println("Provider: " + completion.metadata().providerAlias()
        + " (format " + completion.metadata().providerFormat() + ")");
    System.out.println("Response: " + answer.getOrDefault("content", "<no text>"));
    System.out.println("Usage:    prompt=" + answer.get("prompt_tokens") + " completion="
        + answer.get("completion_tokens") + " total=" + answer.get("total_tokens"));

    ModelSpec spec = router.catalog().get(model).orElseThrow();
    System.out.println();
    System.out.println("Catalog entry for " + model + ":");
    System.out.println("  display name:      " + spec.displayName().orElse("-"));
    System.out.println("  format:            " + spec.format());
    System.out.println("  max input tokens:  " + spec.maxInputTokens());
    System.out.println("  max output tokens: " + spec.maxOutputTokens());
    System.out.println("  input  $/1M:       " + spec.inputCostPerMilTokens().map(Object::toString).orElse("-"));
    System.out.println("  output $/1M:       " + spec.outputCostPerMilTokens().map(Object::toString).orElse("-"));
  }
}
