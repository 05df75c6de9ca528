package dev.llmrouter.gateway.tracing;

import dev.llmrouter.catalog.ProviderFormat;

/**
 * Maps the router's provider ids to the GenAI conventions' well-known {@code gen_ai.provider.name} values
 * ({@code openai}, {@code anthropic}, {@code gcp.gemini}, {@code gcp.vertex_ai}, {@code aws.bedrock},
 * {@code azure.ai.openai}, {@code mistral_ai}); other ids are used as they are.
 */
final class ProviderNames {
  private ProviderNames() {}

  static String of(String providerId, ProviderFormat wire) {
    switch (providerId) {
      case "google":
        return "gcp.gemini";
      case "vertex":
        return "gcp.vertex_ai";
      case "bedrock":
        return "aws.bedrock";
      case "azure":
        return wire == ProviderFormat.OPENAI || wire == ProviderFormat.RESPONSES ? "azure.ai.openai"
            : "azure.ai.inference";
      case "mistral":
        return "mistral_ai";
      default:
        return providerId;
    }
  }

  /** The public API host of a provider id when it has a fixed one (empty otherwise). */
  static String defaultHost(String providerId) {
    switch (providerId) {
      case "openai":
        return "api.openai.com";
      case "anthropic":
        return "api.anthropic.com";
      case "google":
        return "generativelanguage.googleapis.com";
      case "mistral":
        return "api.mistral.ai";
      default:
        return "";
    }
  }
}
