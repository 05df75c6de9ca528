package dev.llmrouter.gateway.cost;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.util.Optional;

/**
 * Reads the token usage of a reply written in a client format: Chat Completions {@code usage}
 * ({@code prompt_tokens}, ...), Responses {@code usage} (also inside {@code response.completed}'s
 * {@code response}), Anthropic {@code usage} (also inside {@code message_start}'s {@code message}) and
 * Gemini {@code usageMetadata}, with each format's cache conventions ({@link Usage}'s factories). A body
 * without usage, or one that cannot be read, gives empty: usage is never guessed.
 */
public final class UsageReader {
  private UsageReader() {}

  /** The usage of a complete reply body. */
  public static Optional<Usage> fromBody(byte[] body, ProviderFormat format) {
    try {
      return read(JsonTree.parseObject(body), format);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The usage carried by a parsed object (a body or a stream event) in {@code format}. */
  static Optional<Usage> read(JsonObject o, ProviderFormat format) {
    switch (format) {
      case OPENAI:
      case MISTRAL:
        return o.getObject("usage").map(UsageReader::openAi);
      case RESPONSES: {
        JsonObject holder = o.getObject("response").orElse(o);
        return holder.getObject("usage").map(UsageReader::responses);
      }
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC: {
        JsonObject holder = o.getObject("message").orElse(o);
        return holder.getObject("usage").map(UsageReader::anthropic);
      }
      case GOOGLE:
        return o.getObject("usageMetadata").map(UsageReader::google);
      default:
        return Optional.empty();
    }
  }

  private static long n(JsonObject o, String key) {
    return o.getLong(key).filter(v -> v >= 0).orElse(0L);
  }

  private static Usage openAi(JsonObject u) {
    long prompt = n(u, "prompt_tokens");
    long completion = n(u, "completion_tokens");
    long cached = u.getObject("prompt_tokens_details").map(d -> n(d, "cached_tokens")).orElse(0L);
    long reasoning = u.getObject("completion_tokens_details").map(d -> n(d, "reasoning_tokens")).orElse(0L);
    return Usage.fromOpenAi(prompt, completion, Math.min(cached, prompt), Math.min(reasoning, completion));
  }

  private static Usage responses(JsonObject u) {
    long input = n(u, "input_tokens");
    long output = n(u, "output_tokens");
    long cached = u.getObject("input_tokens_details").map(d -> n(d, "cached_tokens")).orElse(0L);
    long reasoning = u.getObject("output_tokens_details").map(d -> n(d, "reasoning_tokens")).orElse(0L);
    return Usage.fromOpenAi(input, output, Math.min(cached, input), Math.min(reasoning, output));
  }

  private static Usage anthropic(JsonObject u) {
    Optional<JsonObject> creation = u.getObject("cache_creation");
    long w5 = creation.map(c -> n(c, "ephemeral_5m_input_tokens")).orElse(0L);
    long w1 = creation.map(c -> n(c, "ephemeral_1h_input_tokens")).orElse(0L);
    long unspecified = creation.isPresent() ? 0L : n(u, "cache_creation_input_tokens");
    return Usage.fromAnthropic(n(u, "input_tokens"), n(u, "output_tokens"), n(u, "cache_read_input_tokens"),
        w5, w1, unspecified);
  }

  private static Usage google(JsonObject u) {
    long prompt = n(u, "promptTokenCount") + n(u, "toolUsePromptTokenCount");
    long cached = Math.min(n(u, "cachedContentTokenCount"), prompt);
    return Usage.fromGoogle(prompt, n(u, "candidatesTokenCount"), cached, n(u, "thoughtsTokenCount"));
  }
}
