package dev.llmrouter.translate.responses;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.ConversationReference;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.ir.ResponseFormat;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.SummaryMode;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.Tools;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import dev.llmrouter.translate.rules.ResponsesRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The OpenAI Responses API codec (lingua's {@code ResponsesAdapter} in openai/responses_adapter.rs, with the
 * Responses halves of openai/convert.rs and openai/params.rs).
 *
 * <p>Requests: {@code instructions} is a leading system message (removed again on the way back when it is
 * unchanged), {@code input} items are messages (see {@link InputItems}), {@code text.format},
 * {@code max_output_tokens} (at least 16 when synthesized) and {@code reasoning} are canonical, and every
 * Responses-only field is kept in this format's extras. Responses: output items are messages (see
 * {@link OutputItems}); the emitted body has lingua's placeholders ({@code created_at: 0},
 * {@code tool_choice: "none"}, {@code tools: []}, {@code msg_transformed_item_<n>} item ids). Streams:
 * {@code response.*} events become universal chunks; the stateful Responses event sequence for clients is
 * built by the stream session from {@link ResponsesStreamEvents}.
 */
public final class ResponsesCodec implements FormatCodec {

  /** Keys of a Responses request that are read into typed parameters (everything else is an extra). */
  private static final Set<String> TYPED_KEYS =
      Set.of(
          "model",
          "input",
          "instructions",
          "temperature",
          "top_p",
          "max_output_tokens",
          "top_logprobs",
          "include",
          "tools",
          "tool_choice",
          "parallel_tool_calls",
          "text",
          "stream",
          "reasoning",
          "truncation",
          "previous_response_id",
          "prompt_cache_options",
          "prompt_cache_retention",
          "metadata",
          "store",
          "service_tier",
          "user",
          "safety_identifier",
          "prompt_cache_key",
          "moderation");

  /** Typed keys kept verbatim in extras for a same-format round trip (lingua's list, plus raw items below). */
  private static final String[] KEPT_KEYS = {
    "text",
    "include",
    "truncation",
    "previous_response_id",
    "prompt_cache_options",
    "prompt_cache_retention",
    "user",
    "safety_identifier",
    "max_output_tokens",
    "moderation"
  };

  /**
   * Extras key holding the raw {@code input} array, so a same-format round trip whose messages are
   * unchanged gives back the caller's items exactly (lingua's extras view has this slot; lingua itself
   * re-derives the items, losing fields such as {@code phase} and the absence of {@code type}).
   */
  static final String RAW_INPUT = "input";

  /** Response extras key holding the raw {@code output} array (same purpose as {@link #RAW_INPUT}). */
  static final String RAW_OUTPUT = "output";

  private static final String[] EFFORTS = {"none", "minimal", "low", "medium", "high", "xhigh", "max"};
  private static final String[] SUMMARIES = {"auto", "concise", "detailed"};
  private static final String[] CONTEXTS = {"all_turns", "auto", "current_turn"};
  private static final String[] SERVICE_TIERS = {"auto", "default", "fast", "flex", "priority", "scale"};

  /** Creates the codec (stateless). */
  public ResponsesCodec() {}

  @Override
  public ProviderFormat format() {
    return ProviderFormat.RESPONSES;
  }

  // =============================================================================================
  // Detection
  // =============================================================================================

  /** A Responses request has {@code input} and no {@code messages}. */
  @Override
  public boolean detectRequest(JsonObject body) {
    JsonValue input = body.getOrNull("input");
    return input != null && !body.has("messages") && (input instanceof JsonArray || input instanceof JsonString);
  }

  /** A Responses response has an {@code output} array and {@code object: "response"}. */
  @Override
  public boolean detectResponse(JsonObject body) {
    return body.getOrNull("output") instanceof JsonArray
        && "response".equals(body.getString("object").orElse(null));
  }

  /**
   * A Responses stream event: a {@code type} starting with {@code response.} (or {@code keepalive}), or the
   * alternate {@code object: "response.delta"} framing.
   */
  @Override
  public boolean detectStreamEvent(JsonObject event) {
    String type = event.getString("type").orElse(null);
    if (type != null && (type.startsWith("response.") || type.equals("keepalive"))) {
      return true;
    }
    return "response.delta".equals(event.getString("object").orElse(null));
  }

  // =============================================================================================
  // Requests
  // =============================================================================================

  @Override
  public boolean requestRequiresJsonResponse(JsonObject body) {
    JsonObject text = Fields.object(body, "text", "text");
    if (text == null) {
      return false;
    }
    JsonValue format = Fields.value(text, "format");
    return format != null && ResponseFormat.fromResponses(format).requiresJsonResponse();
  }

  /** The typed {@code reasoning} parameter, validated; null when absent. */
  private static JsonObject readReasoning(JsonObject body) {
    JsonObject r = Fields.object(body, "reasoning", "reasoning");
    if (r == null) {
      return null;
    }
    Fields.oneOf(r, "effort", "reasoning.effort", EFFORTS);
    Fields.oneOf(r, "summary", "reasoning.summary", SUMMARIES);
    Fields.oneOf(r, "generate_summary", "reasoning.generate_summary", SUMMARIES);
    Fields.oneOf(r, "context", "reasoning.context", CONTEXTS);
    Fields.string(r, "mode", "reasoning.mode");
    // Typed fields set to null are dropped when lingua re-serializes the object.
    JsonObject.Builder b = null;
    for (String k : new String[] {"effort", "summary", "generate_summary", "context", "mode"}) {
      if (r.getOrNull(k) instanceof JsonNull) {
        b = b == null ? r.toBuilder() : b;
        b.remove(k);
      }
    }
    return b == null ? r : b.build();
  }

  @Override
  public UniversalRequest requestToUniversal(JsonObject body) {
    String model = Fields.string(body, "model", "model");
    JsonValue input = Fields.value(body, "input");
    if (input == null) {
      throw new TranslationException("OpenAI Responses: missing 'input' field (field input)");
    }
    List<ConversationReference> references = new ArrayList<>();
    List<Message> messages;
    if (input instanceof JsonString s) {
      messages = new ArrayList<>(2);
      messages.add(Message.user(s.value()));
    } else if (input instanceof JsonArray items) {
      messages = InputItems.toMessages(items, references);
    } else {
      throw Fields.invalidType("input", input, "a string or an array of input items");
    }
    String instructions = Fields.string(body, "instructions", "instructions");
    if (instructions != null && !instructions.isEmpty()) {
      messages.add(0, Message.system(instructions));
    }

    Long maxTokens = Fields.i64(body, "max_output_tokens", "max_output_tokens");
    JsonObject reasoningRaw = readReasoning(body);
    Reasoning reasoning = null;
    if (reasoningRaw != null
        && (reasoningRaw.has("effort") || reasoningRaw.has("summary") || reasoningRaw.has("generate_summary"))) {
      Optional<ReasoningEffort> effort = reasoningRaw.getString("effort").flatMap(ReasoningEffort::fromWire);
      Optional<SummaryMode> summary =
          reasoningRaw.getString("summary").or(() -> reasoningRaw.getString("generate_summary")).flatMap(SummaryMode::fromOpenAI);
      reasoning = Reasoning.fromOpenAIReasoning(effort, summary, Optional.ofNullable(maxTokens));
    }

    ResponseFormat responseFormat = null;
    if (Fields.value(body, "text") instanceof JsonObject t) {
      JsonValue format = t.getOrNull("format");
      if (format != null) {
        try {
          responseFormat = ResponseFormat.fromResponses(format);
        } catch (TranslationException e) {
          // lingua ignores a text.format it cannot read here; requestRequiresJsonResponse reports it.
          responseFormat = null;
        }
      }
    }

    JsonValue metadata = Fields.value(body, "metadata");
    String safetyIdentifier = Fields.string(body, "safety_identifier", "safety_identifier");
    if (metadata == null && safetyIdentifier != null) {
      metadata = JsonObject.of("user_id", JsonString.of(safetyIdentifier));
    }

    JsonObject.Builder extras = JsonObject.builder();
    JsonValue toolsValue = Fields.value(body, "tools");
    JsonValue toolChoiceValue = Fields.value(body, "tool_choice");
    ToolChoice toolChoice = null;
    if (toolChoiceValue != null) {
      toolChoice = readToolChoice(toolChoiceValue, extras);
    }

    UniversalParams.Builder params =
        UniversalParams.builder()
            .temperature(Fields.f64(body, "temperature", "temperature"))
            .topP(Fields.f64(body, "top_p", "top_p"))
            .tokenBudget(maxTokens == null ? null : TokenBudget.outputTokens(maxTokens))
            .tools(toolsValue == null ? null : ResponsesTools.parseRequestTools(toolsValue))
            .toolChoice(toolChoice)
            .responseFormat(responseFormat)
            .stream(Fields.bool(body, "stream", "stream"))
            .parallelToolCalls(Fields.bool(body, "parallel_tool_calls", "parallel_tool_calls"))
            .reasoning(reasoning)
            .metadata(metadata)
            .store(Fields.bool(body, "store", "store"))
            .conversationReference(references.isEmpty() ? null : references)
            .serviceTier(Fields.string(body, "service_tier", "service_tier"))
            .promptCacheKey(Fields.string(body, "prompt_cache_key", "prompt_cache_key"))
            .topLogprobs(Fields.i64(body, "top_logprobs", "top_logprobs"));

    // Extras: unknown keys as they are, then the Responses-only typed fields.
    for (Map.Entry<String, JsonValue> e : body.members().entrySet()) {
      if (!TYPED_KEYS.contains(e.getKey())) {
        extras.put(e.getKey(), e.getValue());
      }
    }
    if (instructions != null) {
      extras.put("instructions", instructions);
    }
    Fields.string(body, "previous_response_id", "previous_response_id");
    Fields.string(body, "user", "user");
    for (String k : KEPT_KEYS) {
      JsonValue v = Fields.value(body, k);
      if (v != null) {
        extras.put(k, v);
      }
    }
    if (reasoningRaw != null) {
      extras.put("reasoning", reasoningRaw);
    }
    extras.put(RAW_INPUT, input);
    if (!extras.isEmpty()) {
      params.extras(ProviderFormat.RESPONSES, extras.build());
    }
    return new UniversalRequest(Optional.ofNullable(model), messages, params.build());
  }

  /**
   * Reads {@code tool_choice}. An unknown mode string is a client error. An object of a valid Responses
   * type that has no universal form (allowed_tools, hosted tools, custom, mcp) is kept raw in the extras
   * for a Responses target, as lingua's extras view allows; lingua drops it entirely.
   */
  private static ToolChoice readToolChoice(JsonValue value, JsonObject.Builder extras) {
    if (value instanceof JsonObject o) {
      String type = o.getString("type").orElse(null);
      if (type != null && !type.equals("function")) {
        extras.put("tool_choice", o);
        return null;
      }
    }
    if (!(value instanceof JsonString) && !(value instanceof JsonObject)) {
      throw Fields.invalidType("tool_choice", value, "a string or an object");
    }
    return ToolChoice.fromResponses(value);
  }

  /** The text of a system message with string content or exactly one text part (lingua's {@code system_text}). */
  private static String systemText(Message m) {
    if (m.role() != Role.SYSTEM) {
      return null;
    }
    if (m.stringContent()) {
      return m.text().orElse(null);
    }
    List<Part> parts = m.content();
    return parts.size() == 1 && parts.get(0) instanceof TextPart t ? t.text() : null;
  }

  /**
   * The raw input kept in the extras, when the request's messages and references are still exactly what it
   * reads as (so nothing was changed since it was parsed); null otherwise.
   */
  private static JsonValue unchangedRawInput(
      JsonObject extras, List<Message> messagesForInput, UniversalParams params) {
    JsonValue raw = extras.getOrNull(RAW_INPUT);
    List<ConversationReference> refs = new ArrayList<>();
    List<Message> reread;
    if (raw instanceof JsonString s) {
      reread = List.of(Message.user(s.value()));
    } else if (raw instanceof JsonArray items) {
      try {
        reread = InputItems.toMessages(items, refs);
      } catch (TranslationException e) {
        return null;
      }
    } else {
      return null;
    }
    List<ConversationReference> expectedRefs = params.conversationReference().orElse(List.of());
    return reread.equals(messagesForInput) && refs.equals(expectedRefs) ? raw : null;
  }

  @Override
  public JsonObject requestFromUniversal(UniversalRequest req) {
    String model =
        req.model()
            .orElseThrow(() -> new TranslationException("Validation failed for responses: missing model (field model)"));
    UniversalParams p = req.params();
    JsonObject ex = p.extrasFor(ProviderFormat.RESPONSES).orElse(JsonObject.empty());
    JsonObject chatEx = p.extrasFor(ProviderFormat.OPENAI).orElse(JsonObject.empty());

    List<Message> messages = req.messages();
    JsonValue instructions = ex.getOrNull("instructions");
    if (instructions instanceof JsonString ins && !messages.isEmpty()) {
      String first = systemText(messages.get(0));
      if (ins.value().equals(first)) {
        messages = messages.subList(1, messages.size());
      }
    }

    JsonObject.Builder obj = JsonObject.builder().put("model", model);
    JsonValue input = unchangedRawInput(ex, messages, p);
    if (input == null) {
      JsonArray.Builder items = JsonArray.builder();
      for (ConversationReference r : p.conversationReference().orElse(List.of())) {
        items.add(JsonObject.builder().put("type", r.type()).put("id", r.id()).build());
      }
      InputItems.fromMessages(messages, items);
      input = items.build();
    }
    obj.put("input", input);
    copy(ex, obj, "include");
    copy(ex, obj, "previous_response_id");
    copy(ex, obj, "prompt_cache_options");
    copy(ex, obj, "prompt_cache_retention");
    if (!copy(ex, obj, "temperature")) {
      p.temperature().ifPresent(v -> obj.put("temperature", JsonNumber.of(v)));
    }
    if (!copy(ex, obj, "top_p")) {
      p.topP().ifPresent(v -> obj.put("top_p", JsonNumber.of(v)));
    }
    if (!copy(ex, obj, "max_output_tokens")) {
      p.outputTokenBudget()
          .ifPresent(v -> obj.put("max_output_tokens", Math.max(v, ResponsesRules.MIN_MAX_OUTPUT_TOKENS)));
    }
    if (!copy(ex, obj, "top_logprobs")) {
      p.topLogprobs().ifPresent(v -> obj.put("top_logprobs", v));
    }
    if (!copy(ex, obj, "stream")) {
      p.stream().ifPresent(v -> obj.put("stream", v));
    }
    if (!copy(ex, obj, "tools")) {
      p.tools().flatMap(Tools::toResponses).ifPresent(v -> obj.put("tools", v));
    }
    if (!copy(ex, obj, "tool_choice")) {
      p.toolChoiceFor(ProviderFormat.RESPONSES).ifPresent(v -> obj.put("tool_choice", v));
    }
    if (!copy(ex, obj, "text")) {
      p.tryResponseFormatFor(ProviderFormat.RESPONSES).ifPresent(v -> obj.put("text", v));
    }
    JsonObject reasoning = mergedReasoning(model, p, ex.getOrNull("reasoning") instanceof JsonObject r ? r : null);
    if (reasoning != null) {
      obj.put("reasoning", reasoning);
    }
    if (!copy(ex, obj, "moderation")) {
      copy(chatEx, obj, "moderation");
    }
    if (!copy(ex, obj, "parallel_tool_calls")) {
      p.parallelToolCalls().ifPresent(v -> obj.put("parallel_tool_calls", v));
    }
    if (!copy(ex, obj, "metadata")) {
      p.metadata().ifPresent(v -> obj.put("metadata", v));
    }
    if (!copy(ex, obj, "store")) {
      p.store().ifPresent(v -> obj.put("store", v));
    }
    if (!copy(ex, obj, "service_tier")) {
      p.serviceTier().ifPresent(v -> obj.put("service_tier", v));
    }
    p.promptCacheKey().ifPresent(v -> obj.put("prompt_cache_key", v));
    for (Map.Entry<String, JsonValue> e : ex.members().entrySet()) {
      if (!obj.has(e.getKey())) {
        obj.put(e.getKey(), e.getValue());
      }
    }
    if (!ResponsesRules.supportsPromptCacheBreakpoint(model)) {
      obj.remove("prompt_cache_options");
      if (input instanceof JsonArray items) {
        obj.put("input", InputItems.stripPromptCacheBreakpoints(items));
      }
      obj.get("prompt").ifPresent(prompt -> obj.put("prompt", stripPromptVariableBreakpoints(prompt)));
    }
    ResponsesRules.applyModelTransforms(model, obj);
    return obj.build();
  }

  /** Copies a non-null member of {@code from}; whether it was there. */
  private static boolean copy(JsonObject from, JsonObject.Builder to, String key) {
    JsonValue v = from.getOrNull(key);
    if (v == null || v.isNull()) {
      return false;
    }
    to.put(key, v);
    return true;
  }

  /** A prompt's input variables without {@code prompt_cache_breakpoint} (for models without it). */
  private static JsonValue stripPromptVariableBreakpoints(JsonValue prompt) {
    if (!(prompt instanceof JsonObject po) || !(po.getOrNull("variables") instanceof JsonObject vars)) {
      return prompt;
    }
    JsonObject.Builder nv = JsonObject.builder();
    boolean changed = false;
    for (Map.Entry<String, JsonValue> e : vars.members().entrySet()) {
      if (e.getValue() instanceof JsonObject v && v.has("prompt_cache_breakpoint")) {
        nv.put(e.getKey(), v.without("prompt_cache_breakpoint"));
        changed = true;
      } else {
        nv.put(e.getKey(), e.getValue());
      }
    }
    return changed ? po.with("variables", nv.build()) : prompt;
  }

  /**
   * The request's {@code reasoning}: the canonical {effort, summary} (effort clamped to the model unless it
   * came raw from a Responses source) merged over the provider-only fields kept in the extras.
   */
  private static JsonObject mergedReasoning(String model, UniversalParams p, JsonObject raw) {
    JsonObject canonical = null;
    boolean canonicalHasEffort = false;
    if (p.reasoning().isPresent()) {
      Reasoning r = p.reasoning().get();
      canonicalHasEffort = r.effort().isPresent();
      if (r.effort().isPresent()) {
        boolean rawEffort = raw != null && raw.getOrNull("effort") instanceof JsonString;
        ReasoningEffort e = rawEffort ? r.effort().get() : ResponsesRules.clampReasoningEffort(model, r.effort().get());
        r = r.toBuilder().effort(e).build();
      }
      canonical = r.toResponses(p.outputTokenBudget()).orElse(null);
      if (canonical != null) {
        String summary = canonical.getString("summary").orElse(null);
        if (summary != null && !List.of(SUMMARIES).contains(summary)) {
          throw new TranslationException(
              "Conversion from universal format failed: failed to parse canonical OpenAI Responses reasoning: "
                  + "unknown variant `" + summary + "` (field reasoning.summary)");
        }
      }
    }
    if (raw == null) {
      return canonical;
    }
    if (canonical == null) {
      return raw;
    }
    JsonObject.Builder merged = raw.toBuilder();
    if (canonicalHasEffort) {
      merged.put("effort", canonical.getOrNull("effort"));
    }
    merged.remove("summary").remove("generate_summary");
    JsonValue summary = canonical.getOrNull("summary");
    if (summary != null) {
      merged.put("summary", summary);
    }
    return merged.build();
  }

  // =============================================================================================
  // Responses
  // =============================================================================================

  @Override
  public UniversalResponse responseToUniversal(JsonObject body) {
    JsonArray output = Fields.array(body, "output", "output");
    if (output == null) {
      throw new TranslationException("Conversion to universal format failed: missing output (field output)");
    }
    List<Message> messages = OutputItems.toMessages(output);
    boolean actionableToolCalls = false;
    for (Message m : messages) {
      if (m.role() == Role.ASSISTANT) {
        for (Part part : m.content()) {
          if (part instanceof ToolCallPart c && !c.isProviderExecuted()) {
            actionableToolCalls = true;
          }
        }
      }
    }
    String status = Fields.string(body, "status", "status");
    FinishReason finish =
        actionableToolCalls
            ? FinishReason.TOOL_CALLS
            : status == null ? null : FinishReason.fromProviderString(status, ProviderFormat.RESPONSES);
    String tier = Fields.oneOf(body, "service_tier", "service_tier", SERVICE_TIERS);
    return UniversalResponse.builder()
        .id(UniversalResponse.extractIdFromPayload(body).orElse(null))
        .idFormat(ProviderFormat.RESPONSES)
        .model(body.getString("model").orElse(null))
        .messages(messages)
        .usage(UniversalUsage.extractFromResponse(body, ProviderFormat.RESPONSES).orElse(null))
        .servedServiceTier(tier == null ? null : ServedServiceTier.fromWire(tier).orElseThrow())
        .finishReason(finish)
        .finishReasons(finish == null ? List.of() : List.of(finish))
        .extras(ProviderFormat.RESPONSES, JsonObject.of(RAW_OUTPUT, output))
        .build();
  }

  /**
   * The raw {@code output} kept in the extras, when the response's messages are still exactly what it reads
   * as; null otherwise.
   */
  private static JsonArray unchangedRawOutput(UniversalResponse resp) {
    JsonValue raw = resp.extrasFor(ProviderFormat.RESPONSES).map(e -> e.getOrNull(RAW_OUTPUT)).orElse(null);
    if (!(raw instanceof JsonArray items)) {
      return null;
    }
    try {
      return OutputItems.toMessages(items).equals(resp.messages()) ? items : null;
    } catch (TranslationException e) {
      return null;
    }
  }

  @Override
  public JsonObject responseFromUniversal(UniversalResponse resp) {
    JsonArray raw = unchangedRawOutput(resp);
    List<JsonObject> items = OutputItems.fromMessages(resp.messages());
    StringBuilder outputText = new StringBuilder();
    for (JsonObject item : items) {
      if ("message".equals(item.getString("type").orElse(null))) {
        for (JsonValue c : item.getArray("content").orElse(JsonArray.empty())) {
          if (c instanceof JsonObject co) {
            co.getString("text").ifPresent(outputText::append);
          }
        }
      }
    }
    String status = resp.finishReason().map(r -> r.toProviderString(ProviderFormat.RESPONSES)).orElse("completed");
    JsonObject.Builder b =
        JsonObject.builder()
            .put("id", resp.idFor(ProviderFormat.RESPONSES))
            .put("object", "response")
            .put("model", resp.model().orElse(dev.llmrouter.translate.ir.Defaults.PLACEHOLDER_MODEL))
            .put("output", raw != null ? raw : JsonArray.of(items))
            .put("output_text", outputText.toString())
            .put("status", status)
            .put("created_at", 0)
            .put("tool_choice", "none")
            .put("tools", JsonArray.empty())
            .put("parallel_tool_calls", false)
            .putNull("incomplete_details");
    resp.usage().ifPresent(u -> b.put("usage", u.toProviderValue(ProviderFormat.RESPONSES)));
    resp.servedServiceTier()
        .filter(ResponsesStreamEvents::isResponsesServiceTier)
        .ifPresent(t -> b.put("service_tier", t.wire()));
    return b.build();
  }

  // =============================================================================================
  // Streams
  // =============================================================================================

  private static UniversalStreamChunk single(
      String id, String model, JsonObject delta, String finishReason, UniversalUsage usage, ServedServiceTier tier) {
    return new UniversalStreamChunk(
        Optional.ofNullable(id),
        Optional.ofNullable(model),
        List.of(new StreamChoice(0, Optional.of(delta), Optional.ofNullable(finishReason))),
        Optional.empty(),
        Optional.ofNullable(usage),
        Optional.ofNullable(tier),
        false);
  }

  /** The served tier of a stream event's {@code response} (or alternate {@code delta.response}). */
  private static ServedServiceTier streamServiceTier(JsonObject event) {
    JsonObject response = Fields.object(event, "response", "response");
    if (response == null) {
      JsonObject delta = event.getOrNull("delta") instanceof JsonObject d ? d : null;
      response = delta == null ? null : Fields.object(delta, "response", "delta.response");
    }
    if (response == null) {
      return null;
    }
    String tier = Fields.oneOf(response, "service_tier", "response.service_tier", SERVICE_TIERS);
    return tier == null ? null : ServedServiceTier.fromWire(tier).orElseThrow();
  }

  private static UniversalUsage usageOf(JsonValue response) {
    if (response instanceof JsonObject r) {
      JsonValue u = r.getOrNull("usage");
      if (u != null && !u.isNull()) {
        return UniversalUsage.fromProviderValue(u, ProviderFormat.RESPONSES);
      }
    }
    return null;
  }

  private static String stringIn(JsonValue obj, String key) {
    return obj instanceof JsonObject o ? o.getString(key).orElse(null) : null;
  }

  private static int outputIndex(JsonObject event) {
    return event.getLong("output_index").filter(v -> v >= 0 && v <= Integer.MAX_VALUE).map(Long::intValue).orElse(0);
  }

  private static JsonObject toolCallDelta(
      int index, String id, boolean custom, String name, String arguments, boolean start) {
    JsonObject.Builder fn = JsonObject.builder();
    if (name != null) {
      fn.put("name", name);
    }
    fn.put("arguments", arguments);
    JsonObject.Builder tc = JsonObject.builder().put("index", index);
    if (id != null) {
      tc.put("id", id).put("type", "function");
    }
    if (custom) {
      tc.put("custom_tool_call", true);
    }
    tc.put("function", fn.build());
    JsonObject.Builder delta = JsonObject.builder();
    if (start) {
      delta.put("role", "assistant").putNull("content");
    }
    return delta.put("tool_calls", JsonArray.of(tc.build())).build();
  }

  @Override
  public Optional<UniversalStreamChunk> streamToUniversal(JsonObject event) {
    String type = event.getString("type").orElse(null);
    boolean alternate = "response.delta".equals(event.getString("object").orElse(null));
    JsonValue deltaObj = event.getOrNull("delta");
    if (type == null) {
      if (!alternate) {
        throw new TranslationException("Conversion to universal format failed: missing type field (field type)");
      }
      String deltaType = stringIn(deltaObj, "type");
      switch (deltaType == null ? "unknown" : deltaType) {
        case "response.start":
          type = "response.created";
          break;
        case "response.done":
          type = "response.completed";
          break;
        case "content_part.delta":
          type = "response.output_text.delta";
          break;
        case "content_part.start":
        case "content_part.done":
        case "output_item.start":
        case "output_item.done":
          return Optional.of(UniversalStreamChunk.keepAliveChunk());
        default:
          type = "response." + (deltaType == null ? "unknown" : deltaType);
          break;
      }
    }
    switch (type) {
      case "keepalive":
        return Optional.of(UniversalStreamChunk.keepAliveChunk());
      case "response.output_text.delta":
        {
          String text = alternate ? stringIn(deltaObj, "text") : event.getString("delta").orElse(null);
          JsonObject delta =
              JsonObject.builder()
                  .put("role", "assistant")
                  .put("content", text == null || text.isEmpty() ? JsonNull.INSTANCE : JsonString.of(text))
                  .build();
          return Optional.of(single(null, null, delta, null, null, null));
        }
      case "response.reasoning_summary_text.delta":
      case "response.reasoning_text.delta":
        {
          String text;
          if (alternate) {
            JsonObject d = deltaObj instanceof JsonObject o ? o : null;
            if (deltaObj != null && !deltaObj.isNull() && d == null) {
              throw Fields.invalidType("delta", deltaObj, "an object");
            }
            text = d == null ? null : Fields.string(d, "text", "delta.text");
          } else {
            text = Fields.string(event, "delta", "delta");
          }
          JsonObject delta =
              JsonObject.builder()
                  .put("role", "assistant")
                  .put("reasoning", JsonArray.of(JsonObject.of("content", JsonString.of(text == null ? "" : text))))
                  .build();
          return Optional.of(single(null, null, delta, null, null, null));
        }
      case "response.completed":
        {
          JsonValue response = event.getOrNull("response");
          ServedServiceTier tier = streamServiceTier(event);
          return Optional.of(
              single(
                  stringIn(response, "id"),
                  stringIn(response, "model"),
                  JsonObject.empty(),
                  "stop",
                  usageOf(response),
                  tier));
        }
      case "response.incomplete":
        {
          JsonValue response = event.getOrNull("response");
          ServedServiceTier tier = streamServiceTier(event);
          return Optional.of(single(null, null, JsonObject.empty(), "length", usageOf(response), tier));
        }
      case "response.created":
      case "response.in_progress":
        {
          JsonValue response =
              alternate ? (deltaObj instanceof JsonObject d ? d.getOrNull("response") : null) : event.getOrNull("response");
          if (response == null) {
            return Optional.of(UniversalStreamChunk.keepAliveChunk());
          }
          ServedServiceTier tier = streamServiceTier(event);
          JsonObject delta = JsonObject.builder().put("role", "assistant").put("content", "").build();
          return Optional.of(
              single(stringIn(response, "id"), stringIn(response, "model"), delta, null, usageOf(response), tier));
        }
      case "response.output_item.added":
        {
          JsonObject item = event.getOrNull("item") instanceof JsonObject i ? i : null;
          String itemType = item == null ? null : item.getString("type").orElse(null);
          boolean custom = "custom_tool_call".equals(itemType);
          if (item != null && (custom || "function_call".equals(itemType))) {
            String callId = item.getString("call_id").orElse("");
            String name = item.getString("name").orElse("");
            // The output index is kept as a correlation key; sessions remap it for non-Responses targets.
            return Optional.of(
                single(null, null, toolCallDelta(outputIndex(event), callId, custom, name, "", true), null, null, null));
          }
          return Optional.of(UniversalStreamChunk.keepAliveChunk());
        }
      case "response.function_call_arguments.delta":
        {
          String args = event.getString("delta").orElse("");
          return Optional.of(
              single(null, null, toolCallDelta(outputIndex(event), null, false, null, args, false), null, null, null));
        }
      case "response.custom_tool_call_input.delta":
        {
          String args = Fields.string(event, "delta", "delta");
          Long index = Fields.i64(event, "output_index", "output_index");
          if (args == null || index == null || Fields.string(event, "item_id", "item_id") == null
              || Fields.i64(event, "sequence_number", "sequence_number") == null) {
            throw new TranslationException(
                "Responses custom tool call input delta event: missing field (delta, output_index, item_id or "
                    + "sequence_number)");
          }
          if (index < 0 || index > Integer.MAX_VALUE) {
            throw Fields.invalidType("output_index", event.getOrNull("output_index"), "u32");
          }
          return Optional.of(
              single(null, null, toolCallDelta(index.intValue(), null, true, null, args, false), null, null, null));
        }
      default:
        return Optional.of(UniversalStreamChunk.keepAliveChunk());
    }
  }

  /**
   * One chunk as a single Responses event without session state (lingua's {@code stream_from_universal}):
   * keep-alives are {@code response.in_progress}, metadata-only chunks {@code response.created}, finishing
   * chunks a terminal event, and content the first event it produces.
   */
  @Override
  public JsonObject streamFromUniversal(UniversalStreamChunk chunk) {
    if (chunk.isKeepAlive()) {
      return JsonObject.builder().put("type", "response.in_progress").put("sequence_number", 0).build();
    }
    StreamChoice choice = chunk.choices().isEmpty() ? null : chunk.choices().get(0);
    boolean hasFinish = choice != null && choice.finishReason().isPresent();
    StreamDelta delta = choice == null ? null : choice.deltaView().orElse(null);
    boolean hasToolCalls = delta != null && !delta.toolCalls().isEmpty();
    boolean hasReasoning = delta != null && !delta.reasoning().isEmpty();
    boolean initialMetadata =
        (chunk.model().isPresent() || chunk.id().isPresent() || chunk.usage().isPresent())
            && !hasFinish
            && !hasToolCalls
            && !hasReasoning
            && (delta == null || delta.content().map(String::isEmpty).orElse(true));
    if (initialMetadata) {
      return JsonObject.builder()
          .put("type", "response.created")
          .put("response", ResponsesStreamEvents.responseObject(chunk, "in_progress", true))
          .build();
    }
    List<JsonObject> events = ResponsesStreamEvents.eventsFromUniversal(chunk, OptionalInt.empty(), 0, 0);
    if (hasReasoning && !events.isEmpty()) {
      return events.get(0);
    }
    if (hasFinish) {
      return ResponsesStreamEvents.terminalEvent(chunk, 0);
    }
    if (!events.isEmpty()) {
      return events.get(0);
    }
    if (delta != null) {
      if (hasToolCalls) {
        ToolCallDelta tc = delta.toolCalls().get(0);
        int index = tc.index().orElse(0);
        if (tc.id().isPresent()) {
          return JsonObject.builder()
              .put("type", "response.output_item.added")
              .put("output_index", index)
              .put(
                  "item",
                  JsonObject.builder()
                      .put("type", "function_call")
                      .put("status", "in_progress")
                      .put("call_id", tc.id().get())
                      .put("name", tc.function().flatMap(f -> f.name()).orElse(""))
                      .put("arguments", "")
                      .build())
              .build();
        }
        Optional<String> args = tc.function().flatMap(f -> f.arguments());
        if (args.isPresent()) {
          return JsonObject.builder()
              .put("type", "response.function_call_arguments.delta")
              .put("output_index", index)
              .put("delta", args.get())
              .build();
        }
      }
      if (delta.content().isPresent()) {
        return textDelta(choice.index(), delta.content().get());
      }
      if (!hasToolCalls) {
        return textDelta(choice.index(), "");
      }
    }
    return textDelta(0, "");
  }

  private static JsonObject textDelta(int outputIndex, String text) {
    return JsonObject.builder()
        .put("type", "response.output_text.delta")
        .put("output_index", outputIndex)
        .put("content_index", 0)
        .put("delta", text)
        .build();
  }
}
