package dev.llmrouter.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * A wire format: the JSON dialect a request or response is written in. The catalog names a model's native
 * format; the router translates between formats.
 */
public enum ProviderFormat {
  /** OpenAI Chat Completions ({@code /v1/chat/completions}); catalog name {@code openai}. */
  OPENAI("openai"),
  /** OpenAI Responses ({@code /v1/responses}). */
  RESPONSES("responses"),
  /** Anthropic Messages ({@code /v1/messages}). */
  ANTHROPIC("anthropic"),
  /** Google Gemini {@code generateContent}. */
  GOOGLE("google"),
  /** AWS Bedrock Converse; the parser also accepts {@code bedrock}. */
  CONVERSE("converse"),
  /** Mistral's chat API (OpenAI-shaped; forwarded untranslated). */
  MISTRAL("mistral"),
  /** Anthropic Messages as AWS Bedrock InvokeModel takes it (no model field, bedrock anthropic_version). */
  BEDROCK_ANTHROPIC("bedrock-anthropic"),
  /** Anthropic Messages as Vertex AI rawPredict takes it (no model field, vertex anthropic_version). */
  VERTEX_ANTHROPIC("vertex-anthropic"),
  /** Any other catalog value, e.g. the proxy catalog's {@code js}; no provider serves it by default. */
  UNKNOWN("unknown");

  private final String id;

  ProviderFormat(String id) {
    this.id = id;
  }

  /** The canonical name, as written in catalogs and conformance vectors. */
  public String id() {
    return id;
  }

  /**
   * Parses a catalog or config name. Accepts the canonical names, {@code chat-completions} for
   * {@link #OPENAI}, {@code bedrock} for {@link #CONVERSE}, and underscore spellings of the two Anthropic
   * flavours; case-insensitive. Anything else is {@link #UNKNOWN}, as in the Rust router.
   */
  public static ProviderFormat parse(String name) {
    return fromName(name).orElse(UNKNOWN);
  }

  /** Like {@link #parse} but empty for names that are not a known format or alias. */
  public static Optional<ProviderFormat> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "openai":
      case "chat-completions":
      case "chat_completions":
      case "chatcompletions":
        return Optional.of(OPENAI);
      case "responses":
        return Optional.of(RESPONSES);
      case "anthropic":
        return Optional.of(ANTHROPIC);
      case "google":
        return Optional.of(GOOGLE);
      case "converse":
      case "bedrock":
        return Optional.of(CONVERSE);
      case "mistral":
        return Optional.of(MISTRAL);
      case "bedrock-anthropic":
      case "bedrock_anthropic":
        return Optional.of(BEDROCK_ANTHROPIC);
      case "vertex-anthropic":
      case "vertex_anthropic":
        return Optional.of(VERTEX_ANTHROPIC);
      case "unknown":
        return Optional.of(UNKNOWN);
      default:
        return Optional.empty();
    }
  }

  /** Whether the body of this format carries a top-level {@code model} field. */
  public boolean carriesModelInBody() {
    return this == OPENAI || this == RESPONSES || this == ANTHROPIC || this == MISTRAL;
  }

  /** Whether this is one of the three Anthropic Messages flavours. */
  public boolean isAnthropicFamily() {
    return this == ANTHROPIC || this == BEDROCK_ANTHROPIC || this == VERTEX_ANTHROPIC;
  }

  @Override
  public String toString() {
    return id;
  }
}
