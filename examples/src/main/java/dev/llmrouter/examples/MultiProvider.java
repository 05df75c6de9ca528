package dev.llmrouter.examples;

import dev.llmrouter.Completion;
import dev.llmrouter.Router;
import dev.llmrouter.RouterBuilder;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.anthropic.AnthropicProvider;
import dev.llmrouter.providers.bedrock.BedrockConfig;
import dev.llmrouter.providers.bedrock.BedrockProvider;
import dev.llmrouter.providers.google.GoogleProvider;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One router, four providers, chosen by model name (like the Rust router's multi_provider.rs, which could
 * not build: it registered two providers as the default for the same format). The same OpenAI Chat
 * Completions request goes to OpenAI, Anthropic, AWS Bedrock and Gemini; the router translates each
 * request and answer.
 *
 * <p>Registers whichever of these are set: {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY},
 * {@code AWS_REGION} (credentials from the AWS default chain: environment, profile, container or
 * instance), {@code GEMINI_API_KEY}.
 */
public final class MultiProvider {
  private MultiProvider() {}

  public static void main(String[] args) {
    RouterBuilder builder = Router.builder().catalog(ModelCatalog.bundled());
    List<String> models = new ArrayList<>();
    List<String> missing = new ArrayList<>();

    Env.optional("OPENAI_API_KEY").ifPresentOrElse(key -> {
      builder.addProvider("openai", new OpenAIProvider(OpenAIConfig.defaults()), AuthConfig.bearer(key));
      models.add("gpt-4o-mini");
    }, () -> missing.add("OPENAI_API_KEY"));
    Env.optional("ANTHROPIC_API_KEY").ifPresentOrElse(key -> {
      builder.addProvider("anthropic", AnthropicProvider.withDefaults(),
          AuthConfig.apiKey(key, "x-api-key", null));
      models.add("claude-sonnet-4-6");
    }, () -> missing.add("ANTHROPIC_API_KEY"));
    Env.optional("AWS_REGION").ifPresentOrElse(region -> {
      builder.addProvider("bedrock", new BedrockProvider(BedrockConfig.builder().region(region).build()),
          AuthConfig.AwsSigV4.defaultChain(region));
      models.add("us.amazon.nova-lite-v1:0");
    }, () -> missing.add("AWS_REGION (with AWS credentials in the default chain)"));
    Env.optional("GEMINI_API_KEY").ifPresentOrElse(key -> {
      builder.addProvider("google", new GoogleProvider(), AuthConfig.apiKey(key, "x-goog-api-key", null));
      models.add("gemini-3.5-flash");
    }, () -> missing.add("GEMINI_API_KEY"));

    if (models.isEmpty()) {
      System.err.println("No provider is configured. Set one or more of:");
      missing.forEach(m -> System.err.println("  " + m));
      System.err.println();
      System.err.println("To see the router work without any key, run the LocalDemo example instead:");
      System.err.println("  ./mvnw -q -pl examples -am -DskipTests package exec:java");
      System.exit(Env.MISSING_CONFIGURATION);
    }
    if (!missing.isEmpty()) {
      System.out.println("Not configured (skipped): " + String.join(", ", missing));
    }

    Router router = builder.build();
    for (String model : models) {
      byte[] body = ChatJson.request(model, "Name one planet in one word.", false);
      try {
        Completion c = router.complete(body, model, ProviderFormat.OPENAI, ClientHeaders.empty());
        Map<String, String> answer = ChatJson.read(c.body());
        System.out.printf("%-28s via %-9s (%s, passthrough=%s): %s%n", model, c.metadata().providerAlias(),
            c.metadata().providerFormat(), c.metadata().passthrough(), answer.getOrDefault("content", "?"));
      } catch (RouterException e) {
        System.out.printf("%-28s failed: %s (HTTP %d)%n", model, e.getMessage(), e.httpStatus());
      }
    }
  }
}
