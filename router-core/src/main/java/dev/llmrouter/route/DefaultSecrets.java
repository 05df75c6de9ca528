package dev.llmrouter.route;

import java.util.Map;
import java.util.Optional;

/**
 * Braintrust's default secret names and the provider id each stands for. A gateway's failover list may
 * name providers by these secret names; route matching treats {@code OPENAI_API_KEY} as "the openai
 * provider", and so on.
 */
public final class DefaultSecrets {
  private static final Map<String, String> PROVIDER_BY_SECRET =
      Map.of(
          "OPENAI_API_KEY", "openai",
          "ANTHROPIC_API_KEY", "anthropic",
          "GEMINI_API_KEY", "google",
          "MISTRAL_API_KEY", "mistral",
          "AWS_DEFAULT_CREDENTIALS", "bedrock",
          "GOOGLE_DEFAULT_CREDENTIALS", "vertex",
          "AZURE_DEFAULT_CREDENTIALS", "azure",
          "DATABRICKS_DEFAULT_CREDENTIALS", "databricks");

  private DefaultSecrets() {}

  /** The provider id a default secret name stands for. */
  public static Optional<String> providerId(String secretName) {
    return Optional.ofNullable(PROVIDER_BY_SECRET.get(secretName));
  }
}
