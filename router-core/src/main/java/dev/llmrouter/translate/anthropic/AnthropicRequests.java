package dev.llmrouter.translate.anthropic;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningCanonical;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.ir.ResponseFormat;
import dev.llmrouter.translate.ir.ResponseFormatType;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.rules.AnthropicRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anthropic Messages requests to and from the universal IR (lingua's anthropic/adapter.rs
 * {@code request_to_universal} / {@code request_from_universal}).
 */
final class AnthropicRequests {
  private AnthropicRequests() {}

  /** Anthropic requires max_tokens; lingua's default when nothing set one. */
  static final long DEFAULT_MAX_TOKENS = 4096;

  static final String JSON_SHIM_TOOL_NAME = "json";
  static final String JSON_SHIM_TOOL_DESCRIPTION = "Output the result in JSON format";

  private static final JsonObject JSON_SHIM_TOOL =
      JsonObject.builder()
          .put("description", JSON_SHIM_TOOL_DESCRIPTION)
          .put("input_schema", JsonObject.of("type", JsonString.of("object")))
          .put("name", JSON_SHIM_TOOL_NAME)
          .build();
  private static final JsonObject JSON_SHIM_TOOL_CHOICE =
      JsonObject.builder().put("name", JSON_SHIM_TOOL_NAME).put("type", "tool").build();

  // =================================================================================================
  // Anthropic -> universal
  // =================================================================================================

  /**
   * A request in universal form: messages (top-level {@code system} first), canonical parameters, and the
   * whole raw body as Anthropic extras.
   *
   * @throws TranslationException when the body is not a valid Messages request
   */
  static UniversalRequest toUniversal(JsonObject body) {
    JsonValue legacyFormat = Wire.opt(body, "output_format");
    if (legacyFormat != null) {
      ResponseFormat.fromAnthropic(legacyFormat);
    }
    AnthropicSchema.checkRequest(body);

    List<Message> messages = AnthropicMessages.toUniversal((JsonArray) body.getOrNull("messages"));
    JsonValue system = Wire.opt(body, "system");
    if (system != null) {
      messages.add(0, AnthropicMessages.systemFromTopLevel(system));
    }

    UniversalParams.Builder p = UniversalParams.builder();
    p.temperature(Wire.optF64(body, "temperature", "request"));
    p.topP(Wire.optF64(body, "top_p", "request"));
    p.topK(Wire.optI64(body, "top_k", "request"));
    p.tokenBudget(TokenBudget.outputTokens(Wire.optI64(body, "max_tokens", "request")));
    JsonArray stop = Wire.optArray(body, "stop_sequences", "request");
    if (stop != null && !stop.isEmpty()) {
      p.stop(UniversalParams.parseStopSequences(stop).orElse(null));
    }
    JsonArray tools = Wire.optArray(body, "tools", "request");
    if (tools != null) {
      p.tools(AnthropicTools.toUniversal(tools));
    }
    JsonValue toolChoice = Wire.opt(body, "tool_choice");
    if (toolChoice != null) {
      p.toolChoice(ToolChoice.fromAnthropic(toolChoice));
      Boolean disable = Wire.optBool((JsonObject) toolChoice, "disable_parallel_tool_use", "tool_choice");
      if (disable != null) {
        p.parallelToolCalls(!disable);
      }
    }
    JsonObject outputConfig = Wire.optObject(body, "output_config", "request");
    JsonValue format = outputConfig == null ? null : Wire.opt(outputConfig, "format");
    if (format == null) {
      format = legacyFormat;
    }
    if (format != null) {
      p.responseFormat(ResponseFormat.fromAnthropic(format));
    }
    p.stream(Wire.optBool(body, "stream", "request"));
    p.reasoning(reasoning(Wire.opt(body, "thinking"), outputConfig));
    JsonObject metadata = Wire.optObject(body, "metadata", "request");
    if (metadata != null) {
      // The typed Metadata struct keeps only user_id.
      String userId = Wire.optString(metadata, "user_id", "metadata");
      p.metadata(userId == null ? JsonObject.empty() : JsonObject.of("user_id", JsonString.of(userId)));
    }
    p.serviceTier(Wire.optString(body, "service_tier", "request"));
    p.extras(ProviderFormat.ANTHROPIC, body);
    return UniversalRequest.of(body.getString("model").orElseThrow(), messages, p.build());
  }

  /**
   * lingua's {@code reasoning_from_anthropic}: an {@code output_config.effort} makes effort canonical
   * (enabled unless thinking says disabled); otherwise the thinking object, budget canonical.
   */
  private static Reasoning reasoning(JsonValue thinking, JsonObject outputConfig) {
    String effort = outputConfig == null ? null : Wire.optString(outputConfig, "effort", "output_config");
    if (effort != null) {
      boolean enabled = thinking == null || Reasoning.fromAnthropicThinking(thinking).enabled().orElse(true);
      return Reasoning.builder()
          .enabled(enabled)
          .effort(ReasoningEffort.fromWire(effort).orElseThrow())
          .canonical(ReasoningCanonical.EFFORT)
          .build();
    }
    return thinking == null ? null : Reasoning.fromAnthropicThinking(thinking);
  }

  /**
   * Whether the request asks for JSON output ({@code output_config.format} or legacy
   * {@code output_format}). Only those members are read; the rest is checked by {@link #toUniversal}.
   */
  static boolean requiresJsonResponse(JsonObject body) {
    JsonValue legacy = Wire.opt(body, "output_format");
    if (legacy != null) {
      ResponseFormat.fromAnthropic(legacy);
      return true;
    }
    JsonObject outputConfig = Wire.optObject(body, "output_config", "request");
    JsonValue format = outputConfig == null ? null : Wire.opt(outputConfig, "format");
    if (format == null) {
      return false;
    }
    ResponseFormat.fromAnthropic(format);
    return true;
  }

  // =================================================================================================
  // universal -> Anthropic
  // =================================================================================================

  /**
   * A complete Messages request.
   *
   * @throws TranslationException when the request has no model, no non-system message, a non-leading
   *     system message, or something Anthropic cannot carry
   */
  static JsonObject fromUniversal(UniversalRequest req) {
    return fromUniversal(req, Flavor.DIRECT);
  }

  /**
   * The Anthropic Messages body flavours: the direct API, and the Bedrock InvokeModel and Vertex rawPredict
   * bodies, whose model travels in the URL (the body has no model, stream or stream_options, and names
   * its {@code anthropic_version}).
   */
  enum Flavor {
    /** The Messages API itself. */
    DIRECT(null, null, List.of()),
    /** Bedrock InvokeModel (lingua's bedrock_anthropic adapter). */
    BEDROCK(
        "bedrock-anthropic-path-model",
        "bedrock-2023-05-31",
        List.of("model", "stream", "stream_options", "context_management")),
    /** Vertex AI rawPredict (lingua's vertex_anthropic adapter). */
    VERTEX("vertex-anthropic-path-model", "vertex-2023-10-16", List.of("model", "stream", "stream_options"));

    /** The model used internally while the body has none (never sent). */
    final String placeholderModel;
    /** The {@code anthropic_version} the body carries. */
    final String anthropicVersion;
    /** Members the body never carries. */
    final List<String> removed;

    Flavor(String placeholderModel, String anthropicVersion, List<String> removed) {
      this.placeholderModel = placeholderModel;
      this.anthropicVersion = anthropicVersion;
      this.removed = removed;
    }
  }

  /**
   * A complete request body of {@code flavor}; see {@link #fromUniversal(UniversalRequest)}.
   *
   * @throws TranslationException as {@link #fromUniversal(UniversalRequest)}
   */
  static JsonObject fromUniversal(UniversalRequest req, Flavor flavor) {
    String model =
        req.model()
            .or(() -> Optional.ofNullable(flavor.placeholderModel))
            .orElseThrow(
                () -> new TranslationException("Validation failed for target format Anthropic: missing model"));
    UniversalParams params = req.params();
    JsonObject extras = params.extrasFor(ProviderFormat.ANTHROPIC).orElse(null);
    JsonValue rawMessages = extras == null ? null : Wire.opt(extras, "messages");
    JsonValue rawSystem = extras == null ? null : Wire.opt(extras, "system");
    JsonValue rawTemperature = extras == null ? null : Wire.opt(extras, "temperature");
    JsonValue rawTools = extras == null ? null : Wire.opt(extras, "tools");
    JsonValue rawToolChoice = extras == null ? null : Wire.opt(extras, "tool_choice");
    JsonValue rawOutputConfig = extras == null ? null : Wire.opt(extras, "output_config");
    JsonValue rawThinking = extras == null ? null : Wire.opt(extras, "thinking");
    JsonValue rawMetadata = extras == null ? null : Wire.opt(extras, "metadata");
    if (extras != null) {
      JsonValue legacy = Wire.opt(extras, "output_format");
      if (legacy != null) {
        try {
          ResponseFormat.fromAnthropic(legacy);
        } catch (TranslationException e) {
          throw new TranslationException("invalid Anthropic extras shape: " + e.getMessage(), e);
        }
      }
    }

    // Only leading system/developer messages go to the top-level system field.
    List<Message> all = req.messages();
    int lead = 0;
    while (lead < all.size() && all.get(lead).isSystemLike()) {
      lead++;
    }
    List<Message> systemMessages = lead == 0 ? List.of() : all.subList(0, lead);
    List<Message> rest = lead == 0 ? all : all.subList(lead, all.size());

    JsonObject.Builder obj = JsonObject.builder();
    obj.put("model", model);

    if (rawMessages != null && rawMessagesUsable(model, rawMessages)) {
      obj.put("messages", rawMessages);
    } else {
      if (rest.isEmpty()) {
        throw new TranslationException(
            "Validation failed for target format Anthropic: "
                + (systemMessages.isEmpty()
                    ? "Anthropic requires at least one message in 'messages'."
                    : "Anthropic requires at least one non-system message; a system prompt alone cannot be "
                        + "sent because Anthropic stores system prompts in the top-level 'system' field and "
                        + "requires at least one user or assistant message in 'messages'."));
      }
      for (int i = lead; i < all.size(); i++) {
        if (all.get(i).isSystemLike()) {
          throw new TranslationException(
              "Validation failed for target format Anthropic: Anthropic generated types include "
                  + "system-role input messages, but the live Messages API currently rejects role 'system' "
                  + "for available models; non-leading system/developer messages cannot be exported to "
                  + "Anthropic without changing semantics");
        }
      }
      obj.put("messages", AnthropicMessages.fromUniversal(rest));
    }

    if (rawSystem != null) {
      obj.put("system", rawSystem);
    } else if (!systemMessages.isEmpty()) {
      obj.put("system", systemValue(systemMessages));
    }

    long maxTokens = params.outputTokenBudget().orElse(DEFAULT_MAX_TOKENS);
    obj.put("max_tokens", maxTokens);

    // Reasoning style by model: adaptive thinking + effort (Opus 4.7+, Sonnet 5+, Fable), effort only
    // (Opus 4.5/4.6 with effort canonical), otherwise the legacy thinking object.
    Reasoning reasoning = params.reasoning().orElse(null);
    boolean disabled = reasoning != null && isDisabled(reasoning);
    if (AnthropicRules.isOpus5(model)
        && disabled
        && reasoning.effort().isPresent()
        && (reasoning.effort().get() == ReasoningEffort.XHIGH
            || reasoning.effort().get() == ReasoningEffort.MAX)) {
      throw new TranslationException(
          "Claude Opus 5 does not support disabled thinking with xhigh or max effort; enable thinking or "
              + "lower effort to high or below");
    }
    boolean adaptive =
        AnthropicRules.supportsAdaptiveThinking(model) && reasoning != null && isEnabled(reasoning);
    boolean useEffort =
        AnthropicRules.supportsOutputConfigEffort(model)
            && reasoning != null
            && (reasoning.canonical().equals(Optional.of(ReasoningCanonical.EFFORT)) || adaptive);
    JsonObject thinking;
    if (adaptive) {
      thinking = JsonObject.of("type", JsonString.of("adaptive"));
    } else if (useEffort) {
      // These models think by default, so an explicit opt-out is sent as disabled, except to models that
      // keep thinking always on (Fable, Mythos), where thinking is omitted instead.
      thinking =
          disabled && AnthropicRules.supportsDisablingThinking(model)
              ? JsonObject.of("type", JsonString.of("disabled"))
              : null;
    } else {
      thinking = params.reasoningFor(ProviderFormat.ANTHROPIC).map(v -> (JsonObject) v).orElse(null);
    }

    boolean reasoningEnabled = useEffort || (thinking != null && isEnabledThinking(thinking));
    if (rawTemperature != null) {
      obj.put("temperature", rawTemperature);
    } else if (!reasoningEnabled) {
      params.temperature().ifPresent(t -> obj.put("temperature", JsonNumber.of(t)));
    }
    params.topP().ifPresent(t -> obj.put("top_p", JsonNumber.of(t)));
    params.topK().ifPresent(k -> obj.put("top_k", k));
    if (params.stop().isPresent() && !params.stop().get().isEmpty()) {
      obj.put("stop_sequences", JsonArray.ofStrings(params.stop().get()));
    }

    boolean jsonShim =
        params.responseFormat().flatMap(ResponseFormat::formatType).equals(Optional.of(ResponseFormatType.JSON_OBJECT))
            && rawTools == null
            && rawToolChoice == null;

    if (rawTools != null) {
      obj.put("tools", rawTools);
    } else if (jsonShim) {
      obj.put("tools", JsonArray.of(JSON_SHIM_TOOL));
    } else {
      List<Tool> tools = anthropicTools(params.tools().orElse(List.of()), req.messages());
      if (!tools.isEmpty()) {
        JsonArray.Builder arr = JsonArray.builder();
        for (Tool t : tools) {
          arr.add(AnthropicTools.toAnthropic(t));
        }
        obj.put("tools", arr.build());
      }
    }

    JsonValue toolChoice;
    if (rawToolChoice != null) {
      toolChoice = rawToolChoice;
    } else if (jsonShim) {
      toolChoice = JSON_SHIM_TOOL_CHOICE;
    } else {
      toolChoice = params.toolChoiceFor(ProviderFormat.ANTHROPIC).orElse(null);
    }
    boolean forced = toolChoice != null && isForcedToolChoice(toolChoice);
    if (toolChoice != null) {
      obj.put("tool_choice", toolChoice);
    }
    if (flavor == Flavor.DIRECT) {
      params.stream().ifPresent(s -> obj.put("stream", s));
    }

    // Forced tool use is incompatible with active thinking: the thinking guard below drops enabled
    // thinking, so effort is dropped too. The output format is independent of thinking.
    String effortLevel = useEffort && !forced ? effortLevel(reasoning, maxTokens) : null;
    JsonObject format = jsonShim ? null : anthropicFormat(params.responseFormat().orElse(null));

    if (adaptive) {
      if (rawOutputConfig != null) {
        // Same-format round trips keep the raw output_config, so distinct efforts (xhigh vs max) survive.
        JsonValue oc = rawOutputConfig;
        if (forced && oc instanceof JsonObject o) {
          oc = o.without("effort");
        }
        if (format != null) {
          if (!(oc instanceof JsonObject o)) {
            throw new TranslationException("output_config extras is not an object");
          }
          if (!o.has("format")) {
            oc = o.with("format", format);
          }
        }
        obj.put("output_config", oc);
      } else if (effortLevel != null || format != null) {
        obj.put("output_config", outputConfig(effortLevel, format));
      }
    } else if (rawOutputConfig != null) {
      obj.put("output_config", rawOutputConfig);
    } else if (effortLevel != null || format != null) {
      obj.put("output_config", outputConfig(effortLevel, format));
    }

    if (adaptive) {
      if (!(forced && isEnabledThinking(thinking))) {
        obj.put("thinking", thinking);
      }
    } else if (rawThinking != null) {
      if (!(forced && isEnabledThinking(rawThinking))) {
        obj.put("thinking", rawThinking);
      }
    } else if (rawOutputConfig == null && thinking != null) {
      if (!(forced && isEnabledThinking(thinking))) {
        obj.put("thinking", thinking);
      }
    }

    if (rawMetadata != null) {
      obj.put("metadata", rawMetadata);
    } else {
      // Anthropic metadata only carries user_id.
      params.metadataUserId().ifPresent(id -> obj.put("metadata", JsonObject.of("user_id", JsonString.of(id))));
    }

    if (params.serviceTier().isPresent()) {
      String tier = params.serviceTier().get();
      switch (tier) {
        case "default":
          obj.put("service_tier", "auto");
          break;
        case "auto":
        case "standard_only":
          obj.put("service_tier", tier);
          break;
        default:
          throw new TranslationException(
              "Anthropic does not support service_tier '" + tier + "' (field service_tier)");
      }
    }

    // Raw Anthropic fields not handled above come back as they were (never overwriting what was set).
    if (extras != null) {
      for (Map.Entry<String, JsonValue> e : extras.members().entrySet()) {
        String k = e.getKey();
        if (!k.equals("output_format") && !obj.has(k)) {
          obj.put(k, e.getValue());
        }
      }
    }

    if (AnthropicRules.stripsSamplingParams(model)) {
      for (String k : AnthropicRules.SAMPLING_PARAMS) {
        obj.remove(k);
      }
    }
    if (flavor != Flavor.DIRECT) {
      for (String k : flavor.removed) {
        obj.remove(k);
      }
      obj.put("anthropic_version", flavor.anthropicVersion);
    }
    return obj.build();
  }

  /**
   * Whether raw Anthropic messages from extras can be sent as they are: they parse, and any system-role
   * turns are supported by the model and well placed (lingua's
   * {@code system_messages_are_supported_and_well_placed}).
   */
  private static boolean rawMessagesUsable(String model, JsonValue raw) {
    JsonArray messages;
    try {
      messages = Wire.array(raw, "messages");
      for (int i = 0; i < messages.size(); i++) {
        AnthropicSchema.checkInputMessage(messages.get(i), "messages[" + i + "]");
      }
    } catch (TranslationException e) {
      throw new TranslationException("Conversion from universal format failed: " + e.getMessage(), e);
    }
    return AnthropicDetect.systemMessagesSupportedAndWellPlaced(model, messages);
  }

  /**
   * The top-level system value: one string (texts joined, parts by newline and messages by a blank line),
   * or text blocks when any part has a cache breakpoint. Non-text parts are dropped, as lingua drops them.
   */
  private static JsonValue systemValue(List<Message> systemMessages) {
    boolean cache = false;
    for (Message m : systemMessages) {
      if (!m.stringContent()) {
        for (Part p : m.content()) {
          if (p instanceof TextPart t && t.cacheControl().isPresent()) {
            cache = true;
          }
        }
      }
    }
    if (cache) {
      JsonArray.Builder blocks = JsonArray.builder();
      for (Message m : systemMessages) {
        if (m.stringContent()) {
          blocks.add(JsonObject.builder().put("type", "text").put("text", m.text().orElse("")).build());
          continue;
        }
        for (Part p : m.content()) {
          if (p instanceof TextPart t) {
            JsonObject.Builder b = JsonObject.builder().put("type", "text").put("text", t.text());
            t.cacheControl().ifPresent(c -> b.put("cache_control", c.toJson()));
            blocks.add(b.build());
          }
        }
      }
      return blocks.build();
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < systemMessages.size(); i++) {
      if (i > 0) {
        sb.append("\n\n");
      }
      Message m = systemMessages.get(i);
      if (m.stringContent()) {
        sb.append(m.text().orElse(""));
        continue;
      }
      boolean first = true;
      for (Part p : m.content()) {
        if (p instanceof TextPart t) {
          if (!first) {
            sb.append('\n');
          }
          sb.append(t.text());
          first = false;
        }
      }
    }
    return JsonString.of(sb.toString());
  }

  /**
   * The tools to send: the request's tools plus tools defined by discovery results (deferred), normalized
   * for Anthropic, plus the tool-search builtin when discovery history exists without one.
   */
  private static List<Tool> anthropicTools(List<Tool> requested, List<Message> messages) {
    List<Tool> tools = new ArrayList<>(requested);
    for (Tool discovered : AnthropicTools.discoveredTools(messages)) {
      boolean present = false;
      for (Tool t : tools) {
        if (t.name().equals(discovered.name())) {
          present = true;
          break;
        }
      }
      if (!present) {
        tools.add(discovered);
      }
    }
    tools = AnthropicTools.normalizeForAnthropic(tools);
    if (AnthropicTools.hasToolDiscovery(messages)) {
      boolean hasSearch = false;
      for (Tool t : tools) {
        hasSearch |= AnthropicTools.isAnthropicToolSearchBuiltin(t);
      }
      if (!hasSearch) {
        tools.add(AnthropicTools.anthropicToolSearchTool());
      }
    }
    return tools;
  }

  private static JsonObject outputConfig(String effort, JsonObject format) {
    JsonObject.Builder b = JsonObject.builder();
    if (effort != null) {
      b.put("effort", effort);
    }
    if (format != null) {
      b.put("format", format);
    }
    return b.build();
  }

  /** The response format as {@code output_config.format}; null when absent or not expressible (lingua drops it). */
  private static JsonObject anthropicFormat(ResponseFormat rf) {
    if (rf == null) {
      return null;
    }
    try {
      return rf.toAnthropic();
    } catch (TranslationException e) {
      return null;
    }
  }

  /** lingua's {@code reasoning_is_enabled}: not opted out, and enabled or given an effort or budget. */
  static boolean isEnabled(Reasoning r) {
    return !r.enabled().equals(Optional.of(false))
        && !r.effort().equals(Optional.of(ReasoningEffort.NONE))
        && (r.enabled().equals(Optional.of(true)) || r.effort().isPresent() || r.budgetTokens().isPresent());
  }

  /** lingua's {@code reasoning_is_disabled}: effort none or enabled false. */
  static boolean isDisabled(Reasoning r) {
    return r.effort().equals(Optional.of(ReasoningEffort.NONE)) || r.enabled().equals(Optional.of(false));
  }

  /** The output_config effort: the effort, else one derived from the budget; none gives no effort. */
  private static String effortLevel(Reasoning r, long maxTokens) {
    ReasoningEffort e =
        r.effort()
            .orElseGet(
                () ->
                    r.budgetTokens()
                        .map(b -> Reasoning.budgetToEffort(b, Optional.of(maxTokens)))
                        .orElse(null));
    if (e == null) {
      return null;
    }
    switch (e) {
      case NONE:
        return null;
      case MINIMAL:
      case LOW:
        return "low";
      default:
        return e.wire();
    }
  }

  /** Whether a tool_choice value forces tool use: {@code any}, or {@code tool} with a non-empty name. */
  static boolean isForcedToolChoice(JsonValue value) {
    if (!(value instanceof JsonObject o)) {
      return false;
    }
    try {
      ToolChoice.fromAnthropic(o);
    } catch (TranslationException e) {
      return false;
    }
    String type = o.getString("type").orElse("");
    if (type.equals("any")) {
      return true;
    }
    return type.equals("tool") && !o.getString("name").orElse("").isEmpty();
  }

  /** Whether a thinking value reads as enabled or adaptive thinking. */
  static boolean isEnabledThinking(JsonValue value) {
    try {
      return Reasoning.fromAnthropicThinking(value).isEnabled();
    } catch (TranslationException e) {
      return false;
    }
  }
}
