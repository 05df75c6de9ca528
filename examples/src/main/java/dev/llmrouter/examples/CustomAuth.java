package dev.llmrouter.examples;

import dev.llmrouter.Completion;
import dev.llmrouter.Router;
import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.CachingTokenProvider;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.providers.auth.azure.AzureEntraAuth;
import dev.llmrouter.providers.auth.azure.AzureEntraCredentials;
import dev.llmrouter.providers.auth.google.GoogleAuth;
import dev.llmrouter.providers.databricks.DatabricksCredentials;
import dev.llmrouter.providers.databricks.DatabricksTokens;
import dev.llmrouter.providers.openai.OpenAIConfig;
import dev.llmrouter.providers.openai.OpenAIProvider;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every kind of credentials the router takes (like the Rust router's custom_auth.rs), built from the
 * environment where it has them, printed with secrets redacted; then one live OpenAI call with a custom
 * {@link CachingTokenProvider} when {@code OPENAI_API_KEY} is set.
 *
 * <p>Optional variables: {@code ANTHROPIC_API_KEY}; {@code AWS_REGION} (default credentials chain) or
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN};
 * {@code GOOGLE_APPLICATION_CREDENTIALS} (a service-account JSON file); {@code AZURE_TENANT_ID},
 * {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}; {@code DATABRICKS_HOST},
 * {@code DATABRICKS_CLIENT_ID}, {@code DATABRICKS_CLIENT_SECRET}.
 */
public final class CustomAuth {
  private CustomAuth() {}

  public static void main(String[] args) {
    Map<String, Object> kinds = new LinkedHashMap<>();
    String demoKey = Env.optional("OPENAI_API_KEY").orElse("sk-placeholder");
    kinds.put("API key, Bearer (OpenAI style)", AuthConfig.bearer(demoKey));
    kinds.put("API key in x-api-key (Anthropic style)",
        AuthConfig.apiKey(Env.optional("ANTHROPIC_API_KEY").orElse("sk-ant-placeholder"), "x-api-key", null));
    kinds.put("API key in api-key (Azure OpenAI style)", AuthConfig.apiKey("azure-placeholder", "api-key", null));
    kinds.put("OAuth access token", AuthConfig.oauth("ya29.placeholder"));
    kinds.put("Azure Entra static token", AuthConfig.azureEntra("eyJ.placeholder"));
    kinds.put("Custom headers", AuthConfig.custom(Map.of("x-gateway-key", "placeholder")));
    kinds.put("AWS SigV4, static keys (service 'bedrock', not 'bedrock-runtime')",
        AuthConfig.AwsSigV4.of(Env.optional("AWS_ACCESS_KEY_ID").orElse("AKIAPLACEHOLDER"),
            Env.optional("AWS_SECRET_ACCESS_KEY").orElse("placeholder"),
            Env.optional("AWS_SESSION_TOKEN").orElse(null), Env.optional("AWS_REGION").orElse("us-east-1"),
            "bedrock"));
    kinds.put("AWS SigV4, default credentials chain",
        AuthConfig.AwsSigV4.defaultChain(Env.optional("AWS_REGION").orElse("us-east-1")));
    kinds.put("Refreshing token from your own source",
        AuthConfig.tokens(CachingTokenProvider.of("example", () ->
            AccessToken.of("token-from-your-vault", Instant.now().plusSeconds(3600)))));
    Env.optional("GOOGLE_APPLICATION_CREDENTIALS").ifPresent(file ->
        kinds.put("Google service account (Vertex, Gemini)", GoogleAuth.serviceAccount(Path.of(file))));
    if (Env.optional("AZURE_TENANT_ID").isPresent() && Env.optional("AZURE_CLIENT_ID").isPresent()
        && Env.optional("AZURE_CLIENT_SECRET").isPresent()) {
      kinds.put("Azure Entra client credentials (no Azure SDK needed)",
          AzureEntraAuth.clientCredentials(AzureEntraCredentials.builder()
              .tenantId(Env.optional("AZURE_TENANT_ID").get())
              .clientId(Env.optional("AZURE_CLIENT_ID").get())
              .clientSecret(Env.optional("AZURE_CLIENT_SECRET").get())
              .build()));
    }
    if (Env.optional("DATABRICKS_HOST").isPresent() && Env.optional("DATABRICKS_CLIENT_ID").isPresent()
        && Env.optional("DATABRICKS_CLIENT_SECRET").isPresent()) {
      kinds.put("Databricks service principal",
          DatabricksTokens.auth(Env.optional("DATABRICKS_HOST").get(), DatabricksCredentials.of(
              Env.optional("DATABRICKS_CLIENT_ID").get(), Env.optional("DATABRICKS_CLIENT_SECRET").get())));
    }
    System.out.println("Credentials (toString never shows a secret):");
    kinds.forEach((name, auth) -> System.out.printf("  %-62s %s%n", name, auth));

    String apiKey = Env.require("OPENAI_API_KEY", "sk-...");
    // A live call where the key comes from a token provider, as a vault-backed key would.
    AuthConfig fromProvider = AuthConfig.tokens(CachingTokenProvider.of("OpenAI key", () ->
        AccessToken.nonExpiring(apiKey)));
    Router router = Router.builder()
        .catalog(ModelCatalog.bundled())
        .addProvider("openai", new OpenAIProvider(OpenAIConfig.defaults()), fromProvider)
        .build();
    try {
      Completion c = router.complete(ChatJson.request("gpt-4o-mini", "Say ok.", false), "gpt-4o-mini",
          ProviderFormat.OPENAI, ClientHeaders.empty());
      System.out.println("Live call: " + ChatJson.read(c.body()).getOrDefault("content", "?"));
    } catch (RouterException e) {
      System.out.println("Live call failed: " + e.getMessage());
    }
  }
}
