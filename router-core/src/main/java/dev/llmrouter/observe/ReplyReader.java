package dev.llmrouter.observe;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.catalog.Usage;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the token usage and the finish reasons of a reply (or one stream event) written in a client
 * format: Chat Completions {@code usage} and {@code choices[].finish_reason}; Responses {@code usage} and
 * {@code status} / {@code incomplete_details.reason} (also inside an event's {@code response}); Anthropic
 * {@code usage} and {@code stop_reason} (also inside {@code message_start}'s {@code message} and
 * {@code message_delta}'s {@code delta}); Gemini {@code usageMetadata} and {@code candidates[].finishReason}.
 * Each format's cache conventions are applied through {@link Usage}'s factories. Nothing is guessed: a
 * body without usage, or one that cannot be read, gives empty.
 */
public final class ReplyReader {
  private ReplyReader() {}

  /** The usage of a complete reply body, empty when it has none or is not a JSON object. */
  public static Optional<Usage> usageOfBody(byte[] body, ProviderFormat format) {
    try {
      return usage(JsonTree.parseObject(body), format);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The finish reasons of a complete reply body, empty when it has none or is not a JSON object. */
  public static List<String> finishReasonsOfBody(byte[] body, ProviderFormat format) {
    List<String> out = new ArrayList<>(1);
    try {
      finishReasons(JsonTree.parseObject(body), format, out);
    } catch (RuntimeException e) {
      return List.of();
    }
    return out;
  }

  /** The usage carried by a parsed object (a body or a stream event) in {@code format}. */
  public static Optional<Usage> usage(JsonObject o, ProviderFormat format) {
    switch (format) {
      case OPENAI:
      case MISTRAL:
        return o.getObject("usage").map(ReplyReader::openAi);
      case RESPONSES:
        return o.getObject("response").orElse(o).getObject("usage").map(ReplyReader::responses);
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        return o.getObject("message").orElse(o).getObject("usage").map(ReplyReader::anthropic);
      case GOOGLE:
        return o.getObject("usageMetadata").map(ReplyReader::google);
      default:
        return Optional.empty();
    }
  }

  /** Adds the finish reasons carried by a parsed object (a body or a stream event) to {@code out}. */
  public static void finishReasons(JsonObject o, ProviderFormat format, List<String> out) {
    switch (format) {
      case OPENAI:
      case MISTRAL:
        each(o.getArray("choices"), "finish_reason", out);
        break;
      case RESPONSES: {
        JsonObject r = o.getObject("response").orElse(o);
        Optional<String> reason = r.getObject("incomplete_details").flatMap(d -> d.getString("reason"));
        Optional<String> status = r.getString("status").filter(s -> !s.equals("in_progress"));
        reason.or(() -> status).ifPresent(out::add);
        break;
      }
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        o.getString("stop_reason")
            .or(() -> o.getObject("delta").flatMap(d -> d.getString("stop_reason")))
            .ifPresent(out::add);
        break;
      case GOOGLE:
        each(o.getArray("candidates"), "finishReason", out);
        break;
      default:
        break;
    }
  }

  private static void each(Optional<JsonArray> items, String key, List<String> out) {
    if (items.isEmpty()) {
      return;
    }
    for (JsonValue v : items.get()) {
      if (v instanceof JsonObject c && c.getOrNull(key) instanceof JsonString s) {
        out.add(s.value());
      }
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
