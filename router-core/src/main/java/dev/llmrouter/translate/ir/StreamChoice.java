package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.Optional;

/**
 * One choice of a {@link UniversalStreamChunk} (lingua's {@code UniversalStreamChoice}, modelled on
 * OpenAI's chunk choice).
 *
 * @param index the choice index
 * @param delta the free-form delta JSON (read it through {@link #deltaView()})
 * @param finishReason the finish reason string, on the final chunk of a choice
 */
public record StreamChoice(int index, Optional<JsonValue> delta, Optional<String> finishReason) {

  /** Normalizes null optionals. */
  public StreamChoice {
    delta = LinguaJson.opt(delta);
    finishReason = LinguaJson.opt(finishReason);
  }

  /** A choice whose delta is {@code delta}'s JSON. */
  public static StreamChoice of(int index, StreamDelta delta, Optional<String> finishReason) {
    return new StreamChoice(index, Optional.of(delta.toJson()), finishReason);
  }

  /** The delta read as a {@link StreamDelta}; empty when absent or when it does not fit the typed view. */
  public Optional<StreamDelta> deltaView() {
    return delta.flatMap(StreamDelta::parse);
  }

  /** A text delta {@code {"role":"assistant","content":content}}. */
  public static StreamChoice textDelta(int index, String content) {
    return new StreamChoice(
        index,
        Optional.of(JsonObject.builder().put("role", "assistant").put("content", content).build()),
        Optional.empty());
  }

  /** A finish choice with an empty delta {@code {}} and {@code reason}. */
  public static StreamChoice finish(int index, String reason) {
    return new StreamChoice(index, Optional.of(JsonObject.empty()), Optional.of(reason));
  }
}
