package dev.llmrouter.translate.anthropic;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.rules.AnthropicRules;
import java.util.List;

/**
 * Anthropic request detection (lingua's anthropic/detect.rs): OpenAI-only fields rule a body out, the body
 * must read as a Messages request, and {@code role: "system"} turns inside {@code messages} must be well
 * placed and supported.
 */
final class AnthropicDetect {
  private AnthropicDetect() {}

  /** Top-level fields only OpenAI requests have; any of them (even null) rules Anthropic out. */
  static final List<String> OPENAI_ONLY_FIELDS =
      List.of(
          "stream_options", "n", "logprobs", "top_logprobs", "logit_bias", "response_format", "functions",
          "function_call", "seed", "presence_penalty", "frequency_penalty", "store", "parallel_tool_calls",
          "stop", "reasoning_effort", "reasoning_enabled", "suffix_messages", "chat_template_kwargs",
          "max_completion_tokens");

  /** The first OpenAI-only field of {@code body}, or null. */
  static String firstOpenAiOnlyField(JsonObject body) {
    for (String f : OPENAI_ONLY_FIELDS) {
      if (body.has(f)) {
        return f;
      }
    }
    return null;
  }

  /**
   * lingua's {@code try_parse_anthropic_source}: a Messages-shaped source request. System-role turns must be
   * well placed and either supported by the model or accompanied by an Anthropic-only marker (system,
   * thinking, output_config, top_k, stop_sequences, tools, cache_control), as Claude Code sends them.
   *
   * @throws TranslationException naming why the body is not one
   */
  static void checkSource(JsonObject body) {
    rejectOpenAiOnlyFields(body);
    AnthropicSchema.checkRequest(body);
    JsonArray messages = (JsonArray) body.getOrNull("messages");
    if (!hasSystemMessages(messages)) {
      return;
    }
    checkPlacement(messages);
    String model = body.getString("model").orElse("");
    if (!AnthropicRules.supportsMidConversationSystemMessages(model) && !hasAnthropicMarkers(body)) {
      throw new TranslationException("system-role messages are not supported for model: " + model);
    }
  }

  /**
   * lingua's {@code try_parse_anthropic}: the stricter check for sending a body on unchanged; system-role
   * turns need a model that supports them.
   *
   * @throws TranslationException naming why the body is not one
   */
  static void checkPassthrough(JsonObject body) {
    rejectOpenAiOnlyFields(body);
    AnthropicSchema.checkRequest(body);
    JsonArray messages = (JsonArray) body.getOrNull("messages");
    checkSupportAndPlacement(body.getString("model").orElse(""), messages);
  }

  private static void rejectOpenAiOnlyFields(JsonObject body) {
    String field = firstOpenAiOnlyField(body);
    if (field != null) {
      throw new TranslationException("OpenAI-specific field present: " + field);
    }
  }

  private static boolean hasAnthropicMarkers(JsonObject body) {
    if (Wire.opt(body, "cache_control") != null
        || Wire.opt(body, "system") != null
        || Wire.opt(body, "thinking") != null
        || Wire.opt(body, "output_config") != null
        || Wire.opt(body, "top_k") != null) {
      return true;
    }
    JsonValue stop = Wire.opt(body, "stop_sequences");
    if (stop instanceof JsonArray a && !a.isEmpty()) {
      return true;
    }
    JsonValue tools = Wire.opt(body, "tools");
    return tools instanceof JsonArray a && !a.isEmpty();
  }

  /**
   * lingua's {@code system_messages_are_supported_and_well_placed} over already shape-checked messages.
   */
  static boolean systemMessagesSupportedAndWellPlaced(String model, JsonArray messages) {
    try {
      checkSupportAndPlacement(model, messages);
      return true;
    } catch (TranslationException e) {
      return false;
    }
  }

  private static void checkSupportAndPlacement(String model, JsonArray messages) {
    if (!hasSystemMessages(messages)) {
      return;
    }
    if (!AnthropicRules.supportsMidConversationSystemMessages(model)) {
      throw new TranslationException("system-role messages are not supported for model: " + model);
    }
    checkPlacement(messages);
  }

  private static String role(JsonValue message) {
    return ((JsonObject) message).getString("role").orElse("");
  }

  private static boolean hasSystemMessages(JsonArray messages) {
    for (JsonValue m : messages) {
      if (role(m).equals("system")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A system turn must follow a user turn (or an assistant turn ending in a server tool call) and be
   * followed by an assistant turn or nothing.
   */
  private static void checkPlacement(JsonArray messages) {
    for (int i = 0; i < messages.size(); i++) {
      if (!role(messages.get(i)).equals("system")) {
        continue;
      }
      boolean previousOk = i > 0 && (role(messages.get(i - 1)).equals("user")
          || endsWithServerToolUse((JsonObject) messages.get(i - 1)));
      boolean nextOk = i + 1 >= messages.size() || role(messages.get(i + 1)).equals("assistant");
      if (!previousOk || !nextOk) {
        throw new TranslationException("system-role message placement is invalid");
      }
    }
  }

  private static boolean endsWithServerToolUse(JsonObject message) {
    if (!"assistant".equals(message.getString("role").orElse(null))
        || !(message.getOrNull("content") instanceof JsonArray blocks)
        || blocks.isEmpty()) {
      return false;
    }
    JsonValue last = blocks.get(blocks.size() - 1);
    return last instanceof JsonObject o && "server_tool_use".equals(o.getString("type").orElse(null));
  }
}
