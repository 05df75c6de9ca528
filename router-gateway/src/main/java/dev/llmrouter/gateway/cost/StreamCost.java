package dev.llmrouter.gateway.cost;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.stream.StreamChunk;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Writes a streamed request's cost into the stream's final usage report, where the client format has room
 * for it, since the {@code x-router-cost-usd} header is already sent when a stream starts. The cost goes
 * in as {@code usage.cost} (US dollars, a JSON number), as OpenRouter does for Chat Completions; SDKs keep
 * unknown usage fields (Python models allow extras, Java SDKs keep additional properties, TypeScript and Go
 * ignore them), so no client breaks:
 *
 * <ul>
 *   <li>Chat Completions (and Mistral): the chunk carrying {@code usage} (the final one);
 *   <li>Responses: {@code response.usage} of the {@code response.completed} / {@code response.incomplete}
 *       event;
 *   <li>Anthropic: {@code usage} of {@code message_delta} (cumulative output; input from
 *       {@code message_start});
 *   <li>Gemini: nothing, the {@code UsageMetadata} type of Google's SDKs is strict about unknown fields.
 * </ul>
 *
 * Only the one event that carries the final usage is re-serialized.
 */
public final class StreamCost {
  private StreamCost() {}

  /** {@code chunk} with {@code usage.cost} set to {@code costUsd}, or {@code chunk} itself when it has no room. */
  public static StreamChunk withCost(StreamChunk chunk, ProviderFormat format, BigDecimal costUsd) {
    JsonObject o;
    try {
      o = JsonTree.parseObject(chunk.data());
    } catch (RuntimeException e) {
      return chunk;
    }
    Optional<JsonObject> edited;
    switch (format) {
      case OPENAI:
      case MISTRAL:
        edited = withUsageCost(o, costUsd);
        break;
      case RESPONSES: {
        String type = o.getString("type").orElse("");
        edited = type.equals("response.completed") || type.equals("response.incomplete")
            ? o.getObject("response").flatMap(r -> withUsageCost(r, costUsd)).map(r -> o.with("response", r))
            : Optional.empty();
        break;
      }
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        edited = o.getString("type").filter("message_delta"::equals).flatMap(t -> withUsageCost(o, costUsd));
        break;
      default:
        edited = Optional.empty();
        break;
    }
    return edited.map(e -> StreamChunk.of(JsonTree.write(e), chunk.eventType().orElse(null))).orElse(chunk);
  }

  private static Optional<JsonObject> withUsageCost(JsonObject holder, BigDecimal costUsd) {
    return holder.getObject("usage").map(u -> holder.with("usage", u.with("cost", JsonNumber.of(costUsd))));
  }
}
