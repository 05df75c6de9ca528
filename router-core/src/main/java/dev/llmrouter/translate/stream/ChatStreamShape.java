package dev.llmrouter.translate.stream;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Shapes Chat Completions chunks translated from another vendor the way OpenAI sends them, which the
 * official SDKs rely on (lingua's chunks, which the conformance corpus records, break the OpenAI Java SDK's
 * {@code ChatCompletionAccumulator}):
 *
 * <ul>
 *   <li>every chunk carries {@code id}, {@code object}, {@code created} and {@code model}: the first value
 *       seen is kept for the whole stream, else a generated {@code chatcmpl-} id, the current time and the
 *       routed model;
 *   <li>{@code usage} is taken off the chunks and sent once, in a final chunk with no choices (as OpenAI
 *       does with {@code include_usage}): SDKs treat a chunk with usage as the last one;
 *   <li>chunks with no choices and nothing else (stand-ins for vendor events without a Chat counterpart)
 *       are not sent;
 *   <li>for single-choice sources (Anthropic, Converse) every choice is choice 0: translation numbers
 *       choices by content block, so text after a thinking block would otherwise become a second choice.
 * </ul>
 *
 * <p>Works on the event object before it is written, so shaping costs no extra parse. One per stream.
 */
final class ChatStreamShape {
  private static final JsonNumber ZERO = JsonNumber.of(0);

  private final String fallbackModel;
  private final Clock clock;
  private JsonValue id;
  private JsonValue created;
  private JsonValue model;
  private JsonValue usage;

  ChatStreamShape(String fallbackModel, Clock clock) {
    this.fallbackModel = fallbackModel;
    this.clock = clock;
  }

  /** The chunk as the client should see it, or empty when it is not sent. */
  Optional<JsonObject> shape(JsonObject chunk, ProviderFormat source) {
    if (!(chunk.getOrNull("choices") instanceof JsonArray choices)) {
      return Optional.of(chunk); // an error event or something else that is not a chunk
    }
    remember(chunk);
    chunk.getNonNull("usage").ifPresent(u -> usage = u);
    if (choices.size() == 0 && onlyHeaderAndUsage(chunk)) {
      return Optional.empty();
    }
    boolean renumber = singleChoice(source) && hasNonZeroIndex(choices);
    if (!renumber
        && !chunk.has("usage")
        && chunk.getNonNull("id").isPresent()
        && chunk.getNonNull("created").isPresent()
        && chunk.getNonNull("model").isPresent()) {
      return Optional.of(chunk);
    }
    JsonObject.Builder b = header(chunk);
    for (int i = 0, n = chunk.size(); i < n; i++) {
      String k = chunk.keyAt(i);
      if (k.equals("choices")) {
        b.put(k, renumber ? firstChoiceIndex(choices) : choices);
      } else if (!isHeader(k) && !k.equals("usage")) {
        b.put(k, chunk.valueAt(i));
      }
    }
    return Optional.of(b.build());
  }

  /** The final usage chunk, to send at the end of the stream; empty when no usage was seen. */
  Optional<JsonObject> finalChunk() {
    if (usage == null) {
      return Optional.empty();
    }
    JsonObject.Builder b = header(JsonObject.empty());
    b.put("choices", JsonArray.empty());
    b.put("usage", usage);
    usage = null;
    return Optional.of(b.build());
  }

  /** Forgets the usage held for the final chunk: the stream ends with an error event instead. */
  void discardUsage() {
    usage = null;
  }

  private static boolean singleChoice(ProviderFormat source) {
    return source.isAnthropicFamily() || source == ProviderFormat.CONVERSE;
  }

  private JsonObject.Builder header(JsonObject o) {
    JsonObject.Builder b = JsonObject.builder();
    b.put("id", o.getNonNull("id").orElse(id));
    b.put("object", o.getNonNull("object").orElse(JsonString.of("chat.completion.chunk")));
    b.put("created", o.getNonNull("created").orElse(created));
    b.put("model", o.getNonNull("model").orElse(model));
    return b;
  }

  private static boolean isHeader(String key) {
    return key.equals("id") || key.equals("object") || key.equals("created") || key.equals("model");
  }

  private static boolean onlyHeaderAndUsage(JsonObject o) {
    for (int i = 0, n = o.size(); i < n; i++) {
      String k = o.keyAt(i);
      if (!isHeader(k) && !k.equals("usage") && !k.equals("choices")) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasNonZeroIndex(JsonArray choices) {
    for (int i = 0, n = choices.size(); i < n; i++) {
      if (choices.get(i) instanceof JsonObject choice
          && choice.getLong("index").map(idx -> idx != 0).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static JsonArray firstChoiceIndex(JsonArray choices) {
    List<JsonValue> out = new ArrayList<>(choices.size());
    for (int i = 0, n = choices.size(); i < n; i++) {
      JsonValue c = choices.get(i);
      out.add(c instanceof JsonObject choice && choice.has("index") ? choice.with("index", ZERO) : c);
    }
    return JsonArray.of(out);
  }

  private void remember(JsonObject o) {
    if (id == null) {
      id = o.getNonNull("id")
          .orElseGet(() -> JsonString.of("chatcmpl-" + UUID.randomUUID().toString().replace("-", "")));
    }
    if (created == null) {
      created = o.getNonNull("created").orElseGet(() -> JsonNumber.of(clock.instant().getEpochSecond()));
    }
    if (model == null) {
      model = o.getNonNull("model").orElseGet(() -> JsonString.of(fallbackModel));
    }
  }
}
