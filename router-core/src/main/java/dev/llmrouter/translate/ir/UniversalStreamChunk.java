package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A normalized stream event (lingua's {@code UniversalStreamChunk}), shaped like an OpenAI chat chunk.
 * Every provider's stream events become this, and then the target's events. A keep-alive chunk is an
 * event to acknowledge but not forward (pings, metadata events).
 *
 * @param id the completion id
 * @param model the model
 * @param choices the choices (usually one)
 * @param created the creation time in Unix seconds
 * @param usage token usage (usually on the final chunk)
 * @param servedServiceTier the tier that served the stream
 * @param keepAlive whether this is a keep-alive chunk (never serialized)
 */
public record UniversalStreamChunk(
    Optional<String> id,
    Optional<String> model,
    List<StreamChoice> choices,
    Optional<Long> created,
    Optional<UniversalUsage> usage,
    Optional<ServedServiceTier> servedServiceTier,
    boolean keepAlive) {

  private static final UniversalStreamChunk KEEP_ALIVE =
      new UniversalStreamChunk(
          Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
          Optional.empty(), true);

  /** Normalizes null optionals and copies the choices. */
  public UniversalStreamChunk {
    id = LinguaJson.opt(id);
    model = LinguaJson.opt(model);
    choices = choices == null ? List.of() : List.copyOf(choices);
    created = LinguaJson.opt(created);
    usage = LinguaJson.opt(usage);
    servedServiceTier = LinguaJson.opt(servedServiceTier);
  }

  /** A content chunk (lingua's {@code new}): no served tier, not keep-alive. */
  public static UniversalStreamChunk of(
      Optional<String> id,
      Optional<String> model,
      List<StreamChoice> choices,
      Optional<Long> created,
      Optional<UniversalUsage> usage) {
    return new UniversalStreamChunk(id, model, choices, created, usage, Optional.empty(), false);
  }

  /** The keep-alive chunk: no content, acknowledged but not forwarded. */
  public static UniversalStreamChunk keepAliveChunk() {
    return KEEP_ALIVE;
  }

  /** Whether this is a keep-alive chunk (same as {@link #keepAlive()}). */
  public boolean isKeepAlive() {
    return keepAlive;
  }

  /** A single-choice text delta chunk. */
  public static UniversalStreamChunk textDelta(int index, String content) {
    return of(
        Optional.empty(),
        Optional.empty(),
        List.of(StreamChoice.textDelta(index, content)),
        Optional.empty(),
        Optional.empty());
  }

  /** A single-choice finish chunk. */
  public static UniversalStreamChunk finish(int index, String reason) {
    return of(
        Optional.empty(),
        Optional.empty(),
        List.of(StreamChoice.finish(index, reason)),
        Optional.empty(),
        Optional.empty());
  }

  /** A copy with another served tier. */
  public UniversalStreamChunk withServedServiceTier(Optional<ServedServiceTier> tier) {
    return new UniversalStreamChunk(id, model, choices, created, usage, tier, keepAlive);
  }

  /** A copy with other usage. */
  public UniversalStreamChunk withUsage(Optional<UniversalUsage> newUsage) {
    return new UniversalStreamChunk(id, model, choices, created, newUsage, servedServiceTier, keepAlive);
  }

  /** A copy with another model. */
  public UniversalStreamChunk withModel(Optional<String> newModel) {
    return new UniversalStreamChunk(id, newModel, choices, created, usage, servedServiceTier, keepAlive);
  }

  /**
   * The universal serialization (lingua's serde shape): set fields only, {@code choices} always, usage in
   * its universal form ({@link UniversalUsage#toJson()}), keep-alive never.
   */
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder();
    id.ifPresent(v -> b.put("id", v));
    model.ifPresent(v -> b.put("model", v));
    JsonArray.Builder cs = JsonArray.builder();
    for (StreamChoice c : choices) {
      JsonObject.Builder cb = JsonObject.builder().put("index", c.index());
      c.delta().ifPresent(d -> cb.put("delta", d));
      c.finishReason().ifPresent(f -> cb.put("finish_reason", f));
      cs.add(cb.build());
    }
    b.put("choices", cs.build());
    created.ifPresent(v -> b.put("created", v));
    usage.ifPresent(u -> b.put("usage", u.toJson()));
    servedServiceTier.ifPresent(t -> b.put("served_service_tier", t.wire()));
    return b.build();
  }
}
