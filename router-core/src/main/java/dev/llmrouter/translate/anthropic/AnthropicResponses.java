package dev.llmrouter.translate.anthropic;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anthropic Messages responses to and from the universal IR (lingua's anthropic/adapter.rs
 * {@code response_to_universal} / {@code response_from_universal} and the content-block conversions of
 * convert.rs).
 */
final class AnthropicResponses {
  private AnthropicResponses() {}

  /** Whether {@code body} is an Anthropic response: a {@code content} array and {@code type: message}. */
  static boolean detect(JsonObject body) {
    return body.getOrNull("content") instanceof JsonArray
        && "message".equals(body.getString("type").orElse(null));
  }

  // =================================================================================================
  // Anthropic -> universal
  // =================================================================================================

  /**
   * A response in universal form; a reply made only of calls to the json_object shim tool is unwrapped
   * into its arguments as text.
   *
   * @throws TranslationException when the content, stop reason or usage cannot be read
   */
  static UniversalResponse toUniversal(JsonObject body) {
    if (!(body.getOrNull("content") instanceof JsonArray content)) {
      throw new TranslationException("Conversion to universal format failed: missing content (field content)");
    }
    for (int i = 0; i < content.size(); i++) {
      AnthropicSchema.checkResponseBlock(content.get(i), "content[" + i + "]");
    }
    List<Message> messages = unwrapJsonShim(contentToUniversal(content));

    FinishReason finish = body.getString("stop_reason").map(FinishReason::parse).orElse(null);

    ServedServiceTier tier = null;
    JsonValue usageValue = Wire.opt(body, "usage");
    if (usageValue != null) {
      JsonObject u = Wire.object(usageValue, "usage");
      requireUsageCounts(u, "usage");
      String t = Wire.optEnum(u, "service_tier", AnthropicSchema.SERVED_TIERS, "usage");
      if (t != null) {
        tier = ServedServiceTier.fromWire(t).orElseThrow();
      }
    }
    UniversalUsage usage = UniversalUsage.extractFromResponse(body, ProviderFormat.ANTHROPIC).orElse(null);

    UniversalResponse.Builder b =
        UniversalResponse.builder()
            .id(body.getString("id").orElse(null))
            .idFormat(ProviderFormat.ANTHROPIC)
            .model(body.getString("model").orElse(null))
            .messages(messages)
            .usage(usage)
            .servedServiceTier(tier)
            .finishReason(finish);
    if (finish != null) {
      b.finishReasons(List.of(finish));
    }
    return b.build();
  }

  /** The typed {@code Usage} requires integral {@code input_tokens} and {@code output_tokens}. */
  static void requireUsageCounts(JsonObject u, String path) {
    for (String key : new String[] {"input_tokens", "output_tokens"}) {
      JsonValue v = u.getOrNull(key);
      if (v == null) {
        throw Wire.missing(path + "." + key);
      }
      if (LinguaJson.i64(v).isEmpty()) {
        throw Wire.invalid(path + "." + key, v, "i64");
      }
    }
  }

  /**
   * Response content blocks as messages: consecutive assistant blocks form one assistant message; a
   * tool-search result becomes a tool message between them. An empty reply is one assistant message with
   * an empty text part.
   */
  static List<Message> contentToUniversal(JsonArray content) {
    List<Message> messages = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    for (JsonValue v : content) {
      JsonObject b = (JsonObject) v;
      if ("tool_search_tool_result".equals(b.getString("type").orElse(null))) {
        String id = b.getString("tool_use_id").orElse(null);
        if (id != null) {
          if (!parts.isEmpty()) {
            messages.add(Message.assistant(parts));
            parts = new ArrayList<>();
          }
          ToolDiscoveryResultPart result =
              AnthropicTools.resultFromContent(id, Wire.opt(b, "content"), true);
          messages.add(Message.tool(List.of(result)));
        }
        continue;
      }
      AnthropicMessages.assistantBlockToUniversal(b, parts, true);
    }
    if (!parts.isEmpty()) {
      messages.add(Message.assistant(parts));
    }
    if (messages.isEmpty()) {
      messages.add(Message.assistant(List.of(TextPart.of(""))));
    }
    return messages;
  }

  /**
   * lingua's {@code maybe_unwrap_json_shim_tool_call}: an assistant message made only of calls to the
   * {@code json} shim tool becomes the first call's arguments as string content.
   */
  static List<Message> unwrapJsonShim(List<Message> messages) {
    List<Message> out = null;
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (m.role() != Role.ASSISTANT || m.stringContent() || m.content().isEmpty()) {
        continue;
      }
      boolean allShim = true;
      for (Part p : m.content()) {
        allShim &= p instanceof ToolCallPart c && c.toolName().equals(AnthropicRequests.JSON_SHIM_TOOL_NAME);
      }
      if (!allShim) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(messages);
      }
      String json = ((ToolCallPart) m.content().get(0)).arguments().text();
      out.set(i, m.withText(json));
    }
    return out == null ? messages : out;
  }

  // =================================================================================================
  // universal -> Anthropic
  // =================================================================================================

  /**
   * A complete Messages response: content from the assistant (and tool-search) messages, the stop reason
   * ({@code end_turn} when unknown), {@code stop_sequence: null}, and usage with exclusive input tokens
   * and the cache buckets.
   *
   * @throws TranslationException when a served tier has no usage to carry it
   */
  static JsonObject fromUniversal(UniversalResponse resp) {
    JsonObject.Builder map = JsonObject.builder();
    map.put("id", resp.idFor(ProviderFormat.ANTHROPIC));
    map.put("type", "message");
    map.put("role", "assistant");
    map.put("content", contentFromUniversal(resp.messages()));
    map.put("model", resp.model().orElse(Defaults.PLACEHOLDER_MODEL));
    map.put(
        "stop_reason",
        resp.finishReason().map(f -> f.toProviderString(ProviderFormat.ANTHROPIC)).orElse("end_turn"));
    map.put("stop_sequence", JsonNull.INSTANCE);
    String tier = resp.servedServiceTier().map(AnthropicResponses::servedTier).orElse(null);
    if (resp.usage().isPresent()) {
      map.put("usage", usage(resp.usage().get(), tier));
    } else if (tier != null) {
      throw new TranslationException(
          "Conversion from universal format failed: Anthropic responses cannot encode a service tier "
              + "without usage");
    }
    return map.build();
  }

  /** The Anthropic name of a served tier (batch, priority, standard), null for tiers Anthropic lacks. */
  static String servedTier(ServedServiceTier t) {
    switch (t) {
      case BATCH:
      case PRIORITY:
      case STANDARD:
        return t.wire();
      default:
        return null;
    }
  }

  /**
   * Usage in Anthropic's shape. Anthropic's usage requires {@code input_tokens} and {@code output_tokens}:
   * a count the source did not report is written as 0 (lingua fails the whole response instead).
   */
  static JsonObject usage(UniversalUsage usage, String tier) {
    JsonObject value = usage.toProviderValue(ProviderFormat.ANTHROPIC);
    if (!value.has("input_tokens") || !value.has("output_tokens") || tier != null) {
      JsonObject.Builder b = value.toBuilder();
      if (!value.has("input_tokens")) {
        b.put("input_tokens", 0L);
      }
      if (!value.has("output_tokens")) {
        b.put("output_tokens", 0L);
      }
      if (tier != null) {
        b.put("service_tier", tier);
      }
      value = b.build();
    }
    return value;
  }

  /** Universal messages as response content blocks (non-assistant, non-tool messages are skipped). */
  static JsonArray contentFromUniversal(List<Message> messages) {
    JsonArray.Builder blocks = JsonArray.builder();
    for (Message m : messages) {
      if (m.role() == Role.ASSISTANT) {
        if (m.stringContent()) {
          blocks.add(JsonObject.builder().put("text", m.text().orElse("")).put("type", "text").build());
          continue;
        }
        for (Part p : m.content()) {
          JsonObject block = assistantBlock(p);
          if (block != null) {
            blocks.add(block);
          }
        }
      } else if (m.role() == Role.TOOL) {
        for (Part p : m.content()) {
          if (p instanceof ToolDiscoveryResultPart d) {
            blocks.add(
                JsonObject.builder()
                    .put("content", AnthropicTools.resultContent(d.tools(), "Anthropic ContentBlock"))
                    .put("tool_use_id", AnthropicTools.toolSearchCallId(d.toolCallId()))
                    .put("type", "tool_search_tool_result")
                    .build());
          }
        }
      }
    }
    return blocks.build();
  }

  /** One assistant part as a response block; null for parts lingua skips (files, programs, ...). */
  private static JsonObject assistantBlock(Part p) {
    if (p instanceof TextPart t) {
      JsonObject.Builder b = JsonObject.builder();
      responseCitations(t.providerOptions()).ifPresent(c -> b.put("citations", c));
      return b.put("text", t.text()).put("type", "text").build();
    }
    if (p instanceof ReasoningPart r) {
      JsonObject.Builder b = JsonObject.builder();
      r.encryptedContent().ifPresent(s -> b.put("signature", s));
      return b.put("thinking", r.text()).put("type", "thinking").build();
    }
    if (p instanceof RedactedReasoningPart r) {
      return AnthropicMessages.redactedThinkingBlock(r);
    }
    if (p instanceof ToolCallPart c) {
      return AnthropicMessages.toolUseBlock(c);
    }
    if (p instanceof ToolDiscoveryCallPart d) {
      return AnthropicMessages.discoveryCallBlock(d);
    }
    if (p instanceof ToolResultPart r) {
      return AnthropicMessages.webSearchResultBlock(r, true);
    }
    return null;
  }

  /** Citations from text provider options when they read as an array of citation objects. */
  private static Optional<JsonValue> responseCitations(Optional<JsonObject> providerOptions) {
    if (providerOptions.isEmpty()) {
      return Optional.empty();
    }
    JsonValue c = Wire.opt(providerOptions.get(), "citations");
    if (!(c instanceof JsonArray a)) {
      return Optional.empty();
    }
    for (JsonValue item : a) {
      if (!(item instanceof JsonObject o)
          || !(o.getOrNull("cited_text") instanceof JsonString)
          || !(o.getOrNull("type") instanceof JsonString)) {
        return Optional.empty();
      }
    }
    return Optional.of(a);
  }
}
