package dev.llmrouter.providers.openai;

import java.util.Locale;
import java.util.Optional;

/**
 * The vendors that speak the OpenAI API and are served by {@link OpenAIProvider}, with their default
 * endpoints (spec §1.7). Unlike the Rust router, a compatible provider created without an endpoint uses its
 * vendor's default here, never {@code api.openai.com}. Databricks is not listed: it has its own provider.
 */
public enum OpenAICompatibleVendor {
  GROQ("groq", "https://api.groq.com/openai/v1"),
  FIREWORKS("fireworks", "https://api.fireworks.ai/inference/v1"),
  PERPLEXITY("perplexity", "https://api.perplexity.ai"),
  TOGETHER("together", "https://api.together.xyz/v1"),
  REPLICATE("replicate", "https://openai-proxy.replicate.com/v1"),
  /** The default is a per-model template. */
  LEPTON("lepton", "https://<model>.lepton.run/api/v1/"),
  BASETEN("baseten", "https://inference.baseten.co/v1"),
  CEREBRAS("cerebras", "https://api.cerebras.ai/v1"),
  /** Also accepted as {@code xAI}. */
  XAI("xai", "https://api.x.ai/v1"),
  OLLAMA("ollama", "http://127.0.0.1:11434/v1"),
  COHERE("cohere", "https://api.cohere.com/compatibility/v1"),
  OPENROUTER("openrouter", "https://openrouter.ai/api/v1");

  private final String kind;
  private final String defaultEndpoint;

  OpenAICompatibleVendor(String kind, String defaultEndpoint) {
    this.kind = kind;
    this.defaultEndpoint = defaultEndpoint;
  }

  /** The provider kind, lower case; also the provider alias of the vendor's provider. */
  public String kind() {
    return kind;
  }

  /** The vendor's default base URL; a template when {@link #defaultIsTemplate()}. */
  public String defaultEndpoint() {
    return defaultEndpoint;
  }

  /** Whether {@link #defaultEndpoint()} contains {@code <model>}. */
  public boolean defaultIsTemplate() {
    return defaultEndpoint.contains(OpenAIConfig.MODEL_PLACEHOLDER);
  }

  /**
   * The vendor for a provider kind: the lower-case kinds of this enum, plus {@code xAI}. Matching is
   * case-sensitive otherwise, as in the Rust router.
   */
  public static Optional<OpenAICompatibleVendor> fromKind(String kind) {
    if (kind == null) {
      return Optional.empty();
    }
    if (kind.equals("xAI")) {
      return Optional.of(XAI);
    }
    for (OpenAICompatibleVendor v : values()) {
      if (v.kind.equals(kind)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code kind} names an OpenAI-compatible vendor ({@code databricks} does not). */
  public static boolean isOpenAiCompatible(String kind) {
    return fromKind(kind).isPresent();
  }

  /** The default endpoint (or template) for a compatible kind. */
  public static Optional<String> defaultEndpoint(String kind) {
    return fromKind(kind).map(OpenAICompatibleVendor::defaultEndpoint);
  }

  /**
   * A config builder for this vendor: its default endpoint (or template) and its kind as the provider
   * alias; anything else can still be changed on the builder.
   */
  public OpenAIConfig.Builder configBuilder() {
    OpenAIConfig.Builder b = OpenAIConfig.builder().providerAlias(kind.toLowerCase(Locale.ROOT));
    return defaultIsTemplate() ? b.endpointTemplate(defaultEndpoint) : b.endpoint(defaultEndpoint);
  }
}
