package dev.llmrouter.gateway.config;

import dev.llmrouter.auth.AuthConfig;
import java.util.Map;

/** The credential header each provider kind expects for an API key. */
final class ProviderAuth {
  private ProviderAuth() {}

  /** The key in the kind's usual header: Anthropic {@code x-api-key}, Gemini {@code x-goog-api-key}, Azure {@code api-key}, else Bearer. */
  static AuthConfig apiKey(String kind, String key) {
    switch (kind) {
      case "anthropic":
        return AuthConfig.apiKey(key, "x-api-key", null);
      case "google":
        return AuthConfig.apiKey(key, "x-goog-api-key", null);
      case "azure":
      case "azure_ai_gateway":
        return AuthConfig.apiKey(key, "api-key", null);
      default:
        return AuthConfig.bearer(key);
    }
  }

  /** Credentials for a provider that needs none (the mock). */
  static AuthConfig none() {
    return AuthConfig.custom(Map.of());
  }
}
