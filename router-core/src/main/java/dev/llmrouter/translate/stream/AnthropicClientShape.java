package dev.llmrouter.translate.stream;

import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;

/**
 * Completes translated Anthropic Messages events the way Anthropic sends them, so that clients which
 * validate each event (the official SDKs' typed events) accept them; lingua's events, which the
 * conformance corpus records, leave these out:
 *
 * <ul>
 *   <li>{@code message_start.message.usage} always has {@code input_tokens} and {@code output_tokens}
 *       (0 when the source has not reported them yet; a Chat upstream reports usage only at the end, and
 *       the real counts follow in {@code message_delta});
 *   <li>a {@code thinking} block starts with a {@code signature} (empty, as Anthropic starts it, when the
 *       source has none).
 * </ul>
 */
final class AnthropicClientShape {
  private static final JsonNumber ZERO = JsonNumber.of(0);
  private static final JsonString EMPTY = JsonString.of("");

  private AnthropicClientShape() {}

  /** {@code event} completed where needed (the same object when nothing is missing). */
  static OutEvent apply(OutEvent event) {
    if (event.is("message_start")) {
      return messageStart(event);
    }
    if (event.is("content_block_start")) {
      return blockStart(event);
    }
    return event;
  }

  private static OutEvent messageStart(OutEvent event) {
    JsonObject message = event.data().getObject("message").orElse(null);
    if (message == null) {
      return event;
    }
    JsonObject usage = message.getObject("usage").orElse(JsonObject.empty());
    if (usage.has("input_tokens") && usage.has("output_tokens")) {
      return event;
    }
    JsonObject.Builder filled = JsonObject.builder();
    filled.put("input_tokens", usage.getNonNull("input_tokens").orElse(ZERO));
    filled.put("output_tokens", usage.getNonNull("output_tokens").orElse(ZERO));
    for (int i = 0, n = usage.size(); i < n; i++) {
      String k = usage.keyAt(i);
      if (!k.equals("input_tokens") && !k.equals("output_tokens")) {
        filled.put(k, usage.valueAt(i));
      }
    }
    return new OutEvent(
        event.data().with("message", message.with("usage", filled.build())), event.type());
  }

  private static OutEvent blockStart(OutEvent event) {
    JsonObject block = event.data().getObject("content_block").orElse(null);
    if (block == null
        || !"thinking".equals(block.getString("type").orElse(null))
        || block.getNonNull("signature").isPresent()) {
      return event;
    }
    return new OutEvent(
        event.data().with("content_block", block.with("signature", EMPTY)), event.type());
  }
}
