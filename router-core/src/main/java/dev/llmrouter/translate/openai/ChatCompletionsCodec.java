package dev.llmrouter.translate.openai;

import static dev.llmrouter.translate.openai.ChatJson.bool;
import static dev.llmrouter.translate.openai.ChatJson.enumOf;
import static dev.llmrouter.translate.openai.ChatJson.f64;
import static dev.llmrouter.translate.openai.ChatJson.i64;
import static dev.llmrouter.translate.openai.ChatJson.nonNull;
import static dev.llmrouter.translate.openai.ChatJson.obj;
import static dev.llmrouter.translate.openai.ChatJson.optEnum;
import static dev.llmrouter.translate.openai.ChatJson.optObject;
import static dev.llmrouter.translate.openai.ChatJson.optString;
import static dev.llmrouter.translate.openai.ChatJson.str;
import static dev.llmrouter.translate.openai.ChatJson.value;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.BuiltinToolProvider;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningCanonical;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.ir.ResponseFormat;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.ServedServiceTier;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.Tools;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import dev.llmrouter.translate.rules.ChatCompletionsRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAI Chat Completions codec (lingua's {@code OpenAIAdapter}, providers/openai/adapter.rs and
 * params.rs). Requests keep every non-canonical field in the Chat extras (restored only for a Chat
 * target), carry reasoning in the non-standard {@code reasoning} / {@code reasoning_signature} message
 * fields, and go through the model rules of {@link ChatCompletionsRules} (reasoning models, Mistral and
 * Databricks families, effort clamping, cache breakpoints on gpt-5.6+). Also the target for the
 * OpenAI-compatible providers.
 */
public final class ChatCompletionsCodec implements FormatCodec {

  private static final String[] EFFORTS = {"none", "minimal", "low", "medium", "high", "xhigh", "max"};

  private static final JsonObject INCLUDE_USAGE = JsonObject.of("include_usage", JsonBoolean.of(true));

  private static final JsonObject KEEP_ALIVE_CHUNK =
      JsonObject.builder().put("object", "chat.completion.chunk").put("choices", JsonArray.empty()).build();

  @Override
  public ProviderFormat format() {
    return ProviderFormat.OPENAI;
  }

  // ===============================================================================================
  // Detection
  // ===============================================================================================

  /** A body with a string {@code model} and a {@code messages} array, or a legacy {@code prompt} body. */
  @Override
  public boolean detectRequest(JsonObject body) {
    return detectPassthroughRequest(body) || isLegacyPromptRequest(body);
  }

  /** A body with a string {@code model} and a {@code messages} array (legacy prompt bodies are translated). */
  @Override
  public boolean detectPassthroughRequest(JsonObject body) {
    return body.getOrNull("model") instanceof JsonString && body.getOrNull("messages") instanceof JsonArray;
  }

  /** lingua's {@code is_legacy_prompt_request}: a model and a prompt, no messages. */
  private static boolean isLegacyPromptRequest(JsonObject body) {
    return body.getOrNull("model") instanceof JsonString
        && value(body, "messages") == null
        && value(body, "prompt") != null;
  }

  /** {@code choices[]} and {@code object == "chat.completion"}. */
  @Override
  public boolean detectResponse(JsonObject body) {
    return body.getOrNull("choices") instanceof JsonArray
        && "chat.completion".equals(body.getString("object").orElse(null));
  }

  /** {@code object == "chat.completion.chunk"}, or any choice with a {@code delta}. */
  @Override
  public boolean detectStreamEvent(JsonObject event) {
    if ("chat.completion.chunk".equals(event.getString("object").orElse(null))) {
      return true;
    }
    if (event.getOrNull("choices") instanceof JsonArray choices) {
      for (JsonValue c : choices) {
        if (c instanceof JsonObject o && o.has("delta")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code response_format} asks for JSON (json_object or json_schema).
   *
   * @throws TranslationException for an unknown response format type
   */
  @Override
  public boolean requestRequiresJsonResponse(JsonObject body) {
    JsonValue rf = value(body, "response_format");
    return rf != null && ResponseFormat.fromOpenAIChat(rf).requiresJsonResponse();
  }

  // ===============================================================================================
  // Requests: Chat -> IR
  // ===============================================================================================

  @Override
  public UniversalRequest requestToUniversal(JsonObject body) {
    ChatParams p;
    try {
      p = ChatParams.read(body);
    } catch (TranslationException e) {
      if (isLegacyPromptRequest(body)) {
        if (value(body, "logprobs") != null) {
          throw legacyUnsupported("logprobs");
        }
        rejectLegacyOnlyParams(body);
      }
      throw e;
    }

    List<Message> messages;
    if (p.messages != null) {
      messages = ChatMessages.toUniversal(ChatJson.array(p.messages, "messages"), "messages");
    } else if (p.prompt != null) {
      rejectLegacyOnlyParams(body);
      if (!(p.prompt instanceof JsonString s)) {
        throw new TranslationException(
            "OpenAI legacy prompt compatibility only supports a single string prompt for Chat Completions "
                + "(field prompt)");
      }
      messages = List.of(Message.user(s.value()));
    } else {
      throw new TranslationException("OpenAI: missing 'messages' field (field messages)");
    }

    Long maxTokens = p.maxTokens != null ? p.maxTokens : p.maxCompletionTokens;
    List<Tool> tools = p.tools == null ? null : ChatTools.parseToolsArray(p.tools);
    if (p.webSearchOptions != null) {
      tools = tools == null ? new ArrayList<>() : new ArrayList<>(tools);
      tools.add(webSearchTool(p.webSearchOptions));
    }
    UniversalParams.Builder params =
        UniversalParams.builder()
            .temperature(p.temperature)
            .topP(p.topP)
            .tokenBudget(maxTokens == null ? null : TokenBudget.outputTokens(maxTokens))
            .stop(p.stop == null ? null : UniversalParams.parseStopSequences(p.stop).orElse(null))
            .tools(tools)
            .toolChoice(p.toolChoice == null ? null : strictToolChoice(p.toolChoice))
            .responseFormat(p.responseFormat == null ? null : lenientResponseFormat(p.responseFormat))
            .seed(p.seed)
            .presencePenalty(p.presencePenalty)
            .frequencyPenalty(p.frequencyPenalty)
            .stream(p.stream)
            .parallelToolCalls(p.parallelToolCalls)
            .reasoning(reasoningConfig(p.reasoningEnabled, p.reasoningBudget, p.reasoningEffort, maxTokens))
            .metadata(
                p.metadata != null
                    ? p.metadata
                    : p.safetyIdentifier == null
                        ? null
                        : JsonObject.of("user_id", JsonString.of(p.safetyIdentifier)))
            .store(p.store)
            .serviceTier(p.serviceTier)
            .promptCacheKey(p.promptCacheKey)
            .logprobs(p.logprobs)
            .topLogprobs(p.topLogprobs);

    // Everything outside the canonical params comes back only for a Chat target: unknown keys and the
    // raw-valued known ones were collected while reading; add the typed ones and the max-tokens alias.
    JsonObject.Builder extras = p.extras;
    if (p.user != null) {
      extras.put("user", p.user);
    }
    if (p.n != null) {
      extras.put("n", p.n);
    }
    if (p.safetyIdentifier != null) {
      extras.put("safety_identifier", p.safetyIdentifier);
    }
    if (p.maxTokens != null) {
      extras.put("max_tokens", p.maxTokens);
    }
    if (p.maxCompletionTokens != null) {
      extras.put("max_completion_tokens", p.maxCompletionTokens);
    }
    if (!extras.isEmpty()) {
      params.extras(ProviderFormat.OPENAI, extras.build());
    }
    return UniversalRequest.of(p.model, messages, params.build());
  }

  private static TranslationException legacyUnsupported(String field) {
    return new TranslationException(
        "OpenAI legacy prompt compatibility does not support legacy completions-only parameter '"
            + field
            + "' (field "
            + field
            + ")");
  }

  /** Completions-only parameters a legacy prompt body may not use (present even when null). */
  private static void rejectLegacyOnlyParams(JsonObject body) {
    for (String key : new String[] {"suffix", "best_of", "echo"}) {
      if (body.has(key)) {
        throw legacyUnsupported(key);
      }
    }
  }

  /**
   * Chat's {@code tool_choice}, strictly: lingua reads it leniently (a value it cannot read silently
   * becomes no tool choice, so a request that forced a tool would reach the target unforced); here an
   * unknown mode, an object type other than {@code function} ({@code allowed_tools} and {@code custom} have
   * no counterpart in other formats) or another JSON type is a client error naming the field.
   */
  private static ToolChoice strictToolChoice(JsonValue v) {
    if (!(v instanceof JsonString) && !(v instanceof JsonObject)) {
      throw new TranslationException(
          "tool_choice must be a string or an object, got " + v.kind() + " (field tool_choice)");
    }
    return ToolChoice.fromOpenAIChat(v);
  }

  /** lingua reads response_format leniently here (requestRequiresJsonResponse reports a bad type). */
  private static ResponseFormat lenientResponseFormat(JsonValue v) {
    try {
      return ResponseFormat.fromOpenAIChat(v);
    } catch (TranslationException e) {
      return null;
    }
  }

  /**
   * lingua's {@code build_reasoning_config}: {@code reasoning_enabled: false} or {@code reasoning_budget: 0}
   * disable; a budget wins over an effort (budget canonical, effort derived); an effort derives the budget;
   * {@code reasoning_enabled: true} alone means medium.
   */
  static Reasoning reasoningConfig(Boolean enabled, Long budget, ReasoningEffort effort, Long maxTokens) {
    if (enabled == null && budget == null && effort == null) {
      return null;
    }
    if (Boolean.FALSE.equals(enabled) || (budget != null && budget == 0)) {
      return Reasoning.disabled();
    }
    Optional<Long> max = Optional.ofNullable(maxTokens);
    if (budget != null) {
      return Reasoning.builder()
          .enabled(true)
          .effort(Reasoning.budgetToEffort(budget, max))
          .budgetTokens(budget)
          .canonical(ReasoningCanonical.BUDGET_TOKENS)
          .build();
    }
    ReasoningEffort e = effort != null ? effort : Reasoning.DEFAULT_REASONING_EFFORT;
    return Reasoning.builder()
        .enabled(true)
        .effort(e)
        .budgetTokens(Reasoning.effortToBudget(e, max))
        .canonical(ReasoningCanonical.EFFORT)
        .build();
  }

  /** {@code web_search_options} as a Responses {@code web_search} builtin carrying the user location. */
  private static Tool webSearchTool(JsonObject options) {
    JsonObject.Builder config = JsonObject.builder().put("type", "web_search");
    JsonObject location = optObject(options, "user_location", "web_search_options");
    if (location != null) {
      String f = "web_search_options.user_location";
      JsonValue approximate = value(location, "approximate");
      if (approximate == null) {
        throw ChatJson.missing("approximate", f + ".approximate");
      }
      JsonObject a = ChatJson.object(approximate, f + ".approximate");
      JsonObject.Builder approx = JsonObject.builder();
      for (String key : new String[] {"city", "country", "region", "timezone"}) {
        String v = optString(a, key, f + ".approximate");
        if (v != null) {
          approx.put(key, v);
        }
      }
      if (value(location, "type") == null) {
        throw ChatJson.missing("type", f + ".type");
      }
      optEnum(location, "type", f, "approximate");
      config.put(
          "user_location",
          JsonObject.builder().put("approximate", approx.build()).put("type", "approximate").build());
    }
    return Tool.builtin("web_search", BuiltinToolProvider.RESPONSES, "web_search", Optional.of(config.build()));
  }

  /** lingua's typed {@code OpenAIChatParams}, validated on read. */
  private static final class ChatParams {
    String model;
    JsonValue prompt;
    Double temperature;
    Double topP;
    Long seed;
    Double presencePenalty;
    Double frequencyPenalty;
    Long maxTokens;
    Long maxCompletionTokens;
    JsonValue stop;
    Long n;
    Boolean logprobs;
    Long topLogprobs;
    JsonValue tools;
    JsonValue toolChoice;
    Boolean parallelToolCalls;
    JsonObject webSearchOptions;
    JsonValue responseFormat;
    Boolean stream;
    ReasoningEffort reasoningEffort;
    Boolean reasoningEnabled;
    Long reasoningBudget;
    JsonValue metadata;
    Boolean store;
    String serviceTier;
    String user;
    String safetyIdentifier;
    String promptCacheKey;

    /** Unknown members and the raw-valued known ones, for the Chat extras. */
    final JsonObject.Builder extras = JsonObject.builder();
    JsonValue messages;

    /** Reads every member once: typed fields are validated, everything else is an extra. */
    static ChatParams read(JsonObject b) {
      ChatParams p = new ChatParams();
      for (Map.Entry<String, JsonValue> e : b.members().entrySet()) {
        String k = e.getKey();
        JsonValue v = e.getValue();
        switch (k) {
          case "model":
            p.model = str(v, "", k);
            break;
          case "messages":
            p.messages = nonNull(v);
            break;
          case "prompt":
            p.prompt = nonNull(v);
            if (p.prompt != null) {
              checkPrompt(p.prompt);
            }
            break;
          case "temperature":
            p.temperature = f64(v, "", k);
            break;
          case "top_p":
            p.topP = f64(v, "", k);
            break;
          case "seed":
            p.seed = i64(v, "", k);
            break;
          case "presence_penalty":
            p.presencePenalty = f64(v, "", k);
            break;
          case "frequency_penalty":
            p.frequencyPenalty = f64(v, "", k);
            break;
          case "max_tokens":
            p.maxTokens = i64(v, "", k);
            break;
          case "max_completion_tokens":
            p.maxCompletionTokens = i64(v, "", k);
            break;
          case "stop":
            p.stop = nonNull(v);
            break;
          case "n":
            p.n = i64(v, "", k);
            break;
          case "logprobs":
            p.logprobs = bool(v, "", k);
            break;
          case "top_logprobs":
            p.topLogprobs = i64(v, "", k);
            break;
          case "tools":
            p.tools = nonNull(v);
            break;
          case "tool_choice":
            p.toolChoice = nonNull(v);
            break;
          case "parallel_tool_calls":
            p.parallelToolCalls = bool(v, "", k);
            break;
          case "web_search_options":
            p.webSearchOptions = obj(v, "", k);
            if (p.webSearchOptions != null) {
              enumOf(p.webSearchOptions.getOrNull("search_context_size"), k, "search_context_size", "high", "low", "medium");
              p.extras.put(k, v);
            }
            break;
          case "response_format":
            p.responseFormat = nonNull(v);
            break;
          case "stream":
            p.stream = bool(v, "", k);
            break;
          case "reasoning_effort":
            {
              String effort = enumOf(v, "", k, EFFORTS);
              p.reasoningEffort = effort == null ? null : ReasoningEffort.parse(effort, k);
              break;
            }
          case "reasoning_enabled":
            p.reasoningEnabled = bool(v, "", k);
            break;
          case "reasoning_budget":
            p.reasoningBudget = i64(v, "", k);
            break;
          case "metadata":
            p.metadata = nonNull(v);
            break;
          case "store":
            p.store = bool(v, "", k);
            break;
          case "service_tier":
            p.serviceTier = str(v, "", k);
            break;
          case "user":
            p.user = str(v, "", k);
            break;
          case "safety_identifier":
            p.safetyIdentifier = str(v, "", k);
            break;
          case "prompt_cache_key":
            p.promptCacheKey = str(v, "", k);
            break;
          case "logit_bias":
          case "stream_options":
          case "prediction":
          case "moderation":
            if (!v.isNull()) {
              p.extras.put(k, v);
            }
            break;
          default:
            p.extras.put(k, v);
            break;
        }
      }
      return p;
    }

    /** lingua's {@code OpenAICompletionPrompt}: a string, strings, token ids, or lists of token ids. */
    private static void checkPrompt(JsonValue prompt) {
      if (prompt instanceof JsonString) {
        return;
      }
      if (prompt instanceof JsonArray a && (allOf(a, true) || allTokenLists(a))) {
        return;
      }
      throw new TranslationException(
          "data did not match any variant of untagged enum OpenAICompletionPrompt (field prompt)");
    }

    private static boolean allOf(JsonArray a, boolean strings) {
      boolean allStrings = true;
      boolean allTokens = true;
      for (JsonValue v : a) {
        allStrings &= v instanceof JsonString;
        allTokens &= v instanceof JsonNumber && dev.llmrouter.translate.ir.LinguaJson.i64(v).isPresent();
      }
      return allStrings || allTokens;
    }

    private static boolean allTokenLists(JsonArray a) {
      for (JsonValue v : a) {
        if (!(v instanceof JsonArray inner) || !allOf(inner, false)) {
          return false;
        }
        for (JsonValue t : inner) {
          if (!(t instanceof JsonNumber)) {
            return false;
          }
        }
      }
      return true;
    }
  }

  // ===============================================================================================
  // Requests: IR -> Chat
  // ===============================================================================================

  @Override
  public JsonObject requestFromUniversal(UniversalRequest req) {
    String model =
        req.model()
            .orElseThrow(
                () -> new TranslationException("Validation failed for openai: missing model (field model)"));
    UniversalParams params = req.params();
    JsonObject extras = params.extrasFor(ProviderFormat.OPENAI).orElse(JsonObject.empty());
    JsonValue responsesModeration =
        params.extrasFor(ProviderFormat.RESPONSES).map(r -> value(r, "moderation")).orElse(null);

    JsonObject.Builder out = JsonObject.builder().put("model", model);
    JsonValue rawMessages = value(extras, "messages");
    out.put("messages", rawMessages != null ? rawMessages : ChatMessages.fromUniversal(req.messages()));

    params.temperature().ifPresent(t -> out.put("temperature", ChatJson.number(t)));
    params.topP().ifPresent(t -> out.put("top_p", ChatJson.number(t)));

    JsonValue rawMaxTokens = value(extras, "max_tokens");
    JsonValue rawMaxCompletionTokens = value(extras, "max_completion_tokens");
    if (rawMaxCompletionTokens != null) {
      out.put("max_completion_tokens", rawMaxCompletionTokens);
    } else if (rawMaxTokens != null) {
      out.put("max_tokens", rawMaxTokens);
    } else {
      params
          .outputTokenBudget()
          .ifPresent(
              t ->
                  out.put(
                      "max_completion_tokens",
                      Math.max(t, ChatCompletionsRules.MIN_MAX_COMPLETION_TOKENS)));
    }

    JsonValue rawStop = value(extras, "stop");
    if (rawStop != null) {
      out.put("stop", rawStop);
    } else if (params.stop().isPresent() && !params.stop().get().isEmpty()) {
      out.put("stop", JsonArray.ofStrings(params.stop().get()));
    }

    JsonValue rawTools = value(extras, "tools");
    if (rawTools != null) {
      out.put("tools", rawTools);
    } else if (params.tools().isPresent()) {
      Tools.toOpenAIChat(params.tools().get()).ifPresent(t -> out.put("tools", t));
    }
    JsonValue rawWebSearch = value(extras, "web_search_options");
    if (rawWebSearch != null) {
      out.put("web_search_options", rawWebSearch);
    }

    JsonValue rawToolChoice = value(extras, "tool_choice");
    if (rawToolChoice != null) {
      out.put("tool_choice", rawToolChoice);
    } else {
      params.toolChoiceFor(ProviderFormat.OPENAI).ifPresent(v -> out.put("tool_choice", v));
    }
    JsonValue rawResponseFormat = value(extras, "response_format");
    if (rawResponseFormat != null) {
      out.put("response_format", rawResponseFormat);
    } else {
      params.tryResponseFormatFor(ProviderFormat.OPENAI).ifPresent(v -> out.put("response_format", v));
    }

    params.seed().ifPresent(v -> out.put("seed", v));
    params.presencePenalty().ifPresent(v -> out.put("presence_penalty", ChatJson.number(v)));
    params.frequencyPenalty().ifPresent(v -> out.put("frequency_penalty", ChatJson.number(v)));
    params.logprobs().ifPresent(v -> out.put("logprobs", v));
    params.topLogprobs().ifPresent(v -> out.put("top_logprobs", v));
    params.stream().ifPresent(v -> out.put("stream", v));
    if (params.stream().orElse(false)) {
      out.put("stream_options", INCLUDE_USAGE);
    }
    JsonValue moderation = value(extras, "moderation");
    if (moderation == null) {
      moderation = responsesModeration;
    }
    if (moderation != null) {
      out.put("moderation", moderation);
    }
    params.parallelToolCalls().ifPresent(v -> out.put("parallel_tool_calls", v));

    JsonValue rawEffort = value(extras, "reasoning_effort");
    if (rawEffort != null) {
      out.put("reasoning_effort", rawEffort);
    } else if (params.reasoning().isPresent()) {
      Reasoning r = params.reasoning().get();
      if (r.effort().isPresent()) {
        r = r.toBuilder().effort(ChatCompletionsRules.clampReasoningEffort(model, r.effort().get())).build();
      }
      r.toOpenAIChatEffort(params.outputTokenBudget()).ifPresent(e -> out.put("reasoning_effort", e));
    }

    // Anthropic-style user identity becomes safety_identifier, without inventing OpenAI store semantics.
    if (params.metadata().isPresent()) {
      Optional<String> userId = params.metadataUserId();
      if (userId.isPresent()) {
        out.put("safety_identifier", userId.get());
      } else {
        out.put("metadata", params.metadata().get());
      }
    }
    params.store().ifPresent(v -> out.put("store", v));
    params.serviceTier().ifPresent(v -> out.put("service_tier", v));
    params.promptCacheKey().ifPresent(v -> out.put("prompt_cache_key", v));

    // Same-format extras win over everything synthesized above.
    for (Map.Entry<String, JsonValue> e : extras.members().entrySet()) {
      if (e.getKey().equals("prompt_cache_key") && params.promptCacheKey().isPresent()) {
        continue;
      }
      out.put(e.getKey(), e.getValue());
    }

    boolean breakpoints = ChatCompletionsRules.supportsPromptCacheBreakpoint(model);
    if (!breakpoints) {
      out.remove("prompt_cache_options");
      out.get("messages").ifPresent(m -> out.put("messages", stripCacheBreakpoints(m)));
    }
    ChatCompletionsRules.applyModelTransforms(model, out);
    return out.build();
  }

  /**
   * Messages without {@code cache_control} (on messages and parts) and {@code prompt_cache_breakpoint}
   * (lingua's {@code strip_unsupported_chat_prompt_cache_breakpoints}); the same value when there is none.
   */
  static JsonValue stripCacheBreakpoints(JsonValue messages) {
    if (!(messages instanceof JsonArray a)) {
      return messages;
    }
    JsonArray.Builder out = null;
    for (int i = 0; i < a.size(); i++) {
      JsonValue m = a.get(i);
      JsonValue stripped = stripMessage(m);
      if (stripped != m && out == null) {
        out = JsonArray.builder();
        for (int j = 0; j < i; j++) {
          out.add(a.get(j));
        }
      }
      if (out != null) {
        out.add(stripped);
      }
    }
    return out == null ? messages : out.build();
  }

  private static JsonValue stripMessage(JsonValue m) {
    if (!(m instanceof JsonObject o)) {
      return m;
    }
    JsonObject.Builder b = null;
    if (o.has("cache_control")) {
      b = o.toBuilder().remove("cache_control");
    }
    if (o.getOrNull("content") instanceof JsonArray parts) {
      JsonArray.Builder newParts = null;
      for (int i = 0; i < parts.size(); i++) {
        JsonValue p = parts.get(i);
        JsonValue np = p;
        if (p instanceof JsonObject po && (po.has("cache_control") || po.has("prompt_cache_breakpoint"))) {
          np = po.without("cache_control", "prompt_cache_breakpoint");
        }
        if (np != p && newParts == null) {
          newParts = JsonArray.builder();
          for (int j = 0; j < i; j++) {
            newParts.add(parts.get(j));
          }
        }
        if (newParts != null) {
          newParts.add(np);
        }
      }
      if (newParts != null) {
        if (b == null) {
          b = o.toBuilder();
        }
        b.put("content", newParts.build());
      }
    }
    return b == null ? m : b.build();
  }

  // ===============================================================================================
  // Responses
  // ===============================================================================================

  @Override
  public UniversalResponse responseToUniversal(JsonObject body) {
    JsonValue choicesValue = body.getOrNull("choices");
    if (!(choicesValue instanceof JsonArray choices)) {
      throw new TranslationException("missing choices (field choices)");
    }
    List<Message> messages = new ArrayList<>(choices.size());
    List<FinishReason> finishReasons = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      String field = "choices[" + i + "]";
      JsonObject choice = ChatJson.object(choices.get(i), field);
      if (choice.has("message")) {
        messages.add(ChatMessages.responseMessageToUniversal(choice.getOrNull("message"), field + ".message"));
      }
      String reason = optString(choice, "finish_reason", field);
      if (reason != null) {
        finishReasons.add(FinishReason.parse(reason));
      }
    }
    return UniversalResponse.builder()
        .id(body.getString("id").orElse(null))
        .idFormat(ProviderFormat.OPENAI)
        .model(body.getString("model").orElse(null))
        .messages(messages)
        .usage(UniversalUsage.extractFromResponse(body, ProviderFormat.OPENAI).orElse(null))
        .servedServiceTier(servedServiceTier(body).orElse(null))
        .finishReason(finishReasons.isEmpty() ? null : finishReasons.get(0))
        .finishReasons(finishReasons)
        .build();
  }

  /**
   * The served tier (OpenAI's {@code auto|default|fast|flex|priority|scale}, or {@code on_demand} of
   * OpenAI-compatible servers); any other string is an error, as in lingua's typed read.
   */
  private static Optional<ServedServiceTier> servedServiceTier(JsonObject payload) {
    String tier = optString(payload, "service_tier", "");
    if (tier == null) {
      return Optional.empty();
    }
    Optional<ServedServiceTier> parsed = ServedServiceTier.fromWire(tier).filter(ChatCompletionsCodec::isChatTier);
    if (parsed.isEmpty()) {
      throw new TranslationException(
          "data did not match any variant of untagged enum OpenAICompatibleServiceTier (field service_tier)");
    }
    return parsed;
  }

  /** The tiers a Chat payload can name. */
  private static boolean isChatTier(ServedServiceTier t) {
    switch (t) {
      case AUTO:
      case DEFAULT:
      case FAST:
      case FLEX:
      case ON_DEMAND:
      case PRIORITY:
      case SCALE:
        return true;
      default:
        return false;
    }
  }

  @Override
  public JsonObject responseFromUniversal(UniversalResponse resp) {
    JsonString finishReason =
        JsonString.of(resp.finishReason().map(r -> r.toProviderString(ProviderFormat.OPENAI)).orElse("stop"));
    JsonArray.Builder choices = JsonArray.builder();
    int index = 0;
    for (int i = 0; i < resp.messages().size(); i++) {
      Message m = resp.messages().get(i);
      if (isDiscoveryOnly(m)) {
        continue; // tool-search history has no Chat choice
      }
      choices.add(
          JsonObject.builder()
              .put("index", index++)
              .put("message", ChatMessages.responseMessageFromUniversal(m, "messages[" + i + "]"))
              .put("finish_reason", finishReason)
              .build());
    }
    JsonObject.Builder out =
        JsonObject.builder()
            .put("id", resp.idFor(ProviderFormat.OPENAI))
            .put("object", "chat.completion")
            .put("created", 0)
            .put("model", resp.model().orElse(Defaults.PLACEHOLDER_MODEL))
            .put("choices", choices.build());
    resp.usage().ifPresent(u -> out.put("usage", u.toProviderValue(ProviderFormat.OPENAI)));
    resp.servedServiceTier().filter(ChatCompletionsCodec::isChatTier).ifPresent(t -> out.put("service_tier", t.wire()));
    return out.build();
  }

  /**
   * Chat messages as lingua's typed message structs keep them after a parse and serialize ({@code null}
   * members and members the structs do not have removed, {@code reasoning_content} named
   * {@code reasoning}): the normalization the corpus's roundtrip rule R1 applies to both sides before
   * comparing. Offered for the conformance harness; translation never needs it.
   *
   * @param messages a request {@code messages} array, or the {@code choices[].message} objects of a response
   * @param response whether {@code messages} are response messages
   */
  public static JsonValue typedMessageView(JsonValue messages, boolean response) {
    return ChatMessages.typedView(messages, response);
  }

  /** An assistant message of only tool-discovery calls, or a tool message of only discovery results. */
  private static boolean isDiscoveryOnly(Message m) {
    if (m.role() == Role.ASSISTANT) {
      if (m.stringContent() || m.content().isEmpty()) {
        return false;
      }
      for (Part p : m.content()) {
        if (!(p instanceof ToolDiscoveryCallPart)) {
          return false;
        }
      }
      return true;
    }
    if (m.role() == Role.TOOL) {
      for (Part p : m.content()) {
        if (!(p instanceof ToolDiscoveryResultPart)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  // ===============================================================================================
  // Streams
  // ===============================================================================================

  /** A chunk maps almost directly: choices (index, raw delta, finish reason), id, model, created, usage, tier. */
  @Override
  public Optional<UniversalStreamChunk> streamToUniversal(JsonObject event) {
    List<StreamChoice> choices = List.of();
    if (event.getOrNull("choices") instanceof JsonArray arr) {
      choices = new ArrayList<>(arr.size());
      for (JsonValue c : arr) {
        JsonObject o = c instanceof JsonObject obj ? obj : JsonObject.empty();
        choices.add(
            new StreamChoice(
                (int) unsigned(o.getOrNull("index")).orElse(0L).longValue(),
                Optional.ofNullable(o.getOrNull("delta")),
                o.getString("finish_reason")));
      }
    }
    Optional<ServedServiceTier> tier = servedServiceTier(event);
    return Optional.of(
        new UniversalStreamChunk(
            event.getString("id"),
            event.getString("model"),
            choices,
            unsigned(event.getOrNull("created")),
            UniversalUsage.extractFromResponse(event, ProviderFormat.OPENAI),
            tier,
            false));
  }

  /** serde's {@code as_u64}: a non-negative integer that fits. */
  private static Optional<Long> unsigned(JsonValue v) {
    if (v instanceof JsonNumber n) {
      Optional<Long> l = dev.llmrouter.translate.ir.LinguaJson.i64(n);
      if (l.isPresent() && l.get() >= 0) {
        return l;
      }
    }
    return Optional.empty();
  }

  /** Re-emits the chunk ({@code finish_reason} always present, {@code custom_tool_call} markers removed). */
  @Override
  public JsonObject streamFromUniversal(UniversalStreamChunk chunk) {
    if (chunk.keepAlive()) {
      return KEEP_ALIVE_CHUNK;
    }
    JsonArray.Builder choices = JsonArray.builder();
    for (StreamChoice c : chunk.choices()) {
      choices.add(
          JsonObject.builder()
              .put("index", c.index())
              .put("delta", c.delta().map(ChatCompletionsCodec::chatDelta).orElse(JsonObject.empty()))
              .put("finish_reason", c.finishReason().<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
              .build());
    }
    JsonObject.Builder out =
        JsonObject.builder().put("object", "chat.completion.chunk").put("choices", choices.build());
    chunk.id().ifPresent(v -> out.put("id", v));
    chunk.model().ifPresent(v -> out.put("model", v));
    chunk.created().ifPresent(v -> out.put("created", v));
    chunk.usage().ifPresent(u -> out.put("usage", u.toProviderValue(ProviderFormat.OPENAI)));
    chunk.servedServiceTier().filter(ChatCompletionsCodec::isChatTier).ifPresent(t -> out.put("service_tier", t.wire()));
    return out.build();
  }

  /** lingua's {@code chat_stream_delta_from_universal}: tool-call fragments lose {@code custom_tool_call}. */
  private static JsonValue chatDelta(JsonValue delta) {
    if (!(delta instanceof JsonObject d) || !(d.getOrNull("tool_calls") instanceof JsonArray calls)) {
      return delta;
    }
    boolean marked = false;
    for (JsonValue c : calls) {
      marked |= c instanceof JsonObject o && o.has("custom_tool_call");
    }
    if (!marked) {
      return delta;
    }
    JsonArray.Builder out = JsonArray.builder();
    for (JsonValue c : calls) {
      out.add(c instanceof JsonObject o ? o.without("custom_tool_call") : c);
    }
    return d.with("tool_calls", out.build());
  }
}
