package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Canonical request parameters (lingua's {@code UniversalParams}), with per-source-format {@link #extras()}
 * that are restored only when converting back to the same format.
 *
 * @param temperature sampling temperature
 * @param topP nucleus sampling
 * @param topK top-k sampling
 * @param seed random seed
 * @param presencePenalty presence penalty
 * @param frequencyPenalty frequency penalty
 * @param tokenBudget the generation token limit
 * @param stop stop sequences (never empty when present)
 * @param logprobs whether to return log probabilities
 * @param topLogprobs how many top log probabilities to return
 * @param tools tool definitions
 * @param toolChoice how the model chooses tools
 * @param parallelToolCalls whether several tool calls may be made at once
 * @param responseFormat structured output configuration
 * @param reasoning reasoning / thinking configuration
 * @param metadata request metadata (raw JSON)
 * @param store whether the provider should store the completion
 * @param conversationReference provider-managed conversation item references
 * @param serviceTier the requested service tier
 * @param promptCacheKey the prompt-cache bucketing key
 * @param stream whether the response is streamed
 * @param extras provider-specific fields, keyed by the format they came from
 */
public record UniversalParams(
    Optional<Double> temperature,
    Optional<Double> topP,
    Optional<Long> topK,
    Optional<Long> seed,
    Optional<Double> presencePenalty,
    Optional<Double> frequencyPenalty,
    Optional<TokenBudget> tokenBudget,
    Optional<List<String>> stop,
    Optional<Boolean> logprobs,
    Optional<Long> topLogprobs,
    Optional<List<Tool>> tools,
    Optional<ToolChoice> toolChoice,
    Optional<Boolean> parallelToolCalls,
    Optional<ResponseFormat> responseFormat,
    Optional<Reasoning> reasoning,
    Optional<JsonValue> metadata,
    Optional<Boolean> store,
    Optional<List<ConversationReference>> conversationReference,
    Optional<String> serviceTier,
    Optional<String> promptCacheKey,
    Optional<Boolean> stream,
    Map<ProviderFormat, JsonObject> extras) {

  /** No parameters (built directly: the builder reuses its optionals). */
  private static final UniversalParams EMPTY_SOURCE =
      new UniversalParams(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null);

  /** No parameters. */
  public static final UniversalParams EMPTY = EMPTY_SOURCE;

  /** Normalizes null optionals and copies collections. */
  public UniversalParams {
    temperature = LinguaJson.opt(temperature);
    topP = LinguaJson.opt(topP);
    topK = LinguaJson.opt(topK);
    seed = LinguaJson.opt(seed);
    presencePenalty = LinguaJson.opt(presencePenalty);
    frequencyPenalty = LinguaJson.opt(frequencyPenalty);
    tokenBudget = LinguaJson.opt(tokenBudget);
    stop = immutable(stop);
    logprobs = LinguaJson.opt(logprobs);
    topLogprobs = LinguaJson.opt(topLogprobs);
    tools = immutable(tools);
    toolChoice = LinguaJson.opt(toolChoice);
    parallelToolCalls = LinguaJson.opt(parallelToolCalls);
    responseFormat = LinguaJson.opt(responseFormat);
    reasoning = LinguaJson.opt(reasoning);
    metadata = LinguaJson.opt(metadata);
    store = LinguaJson.opt(store);
    conversationReference = immutable(conversationReference);
    serviceTier = LinguaJson.opt(serviceTier);
    promptCacheKey = LinguaJson.opt(promptCacheKey);
    stream = LinguaJson.opt(stream);
    extras = ExtrasMap.copyOf(extras);
  }

  /** The optional list as an immutable list: the same optional when its list already is one. */
  private static <T> Optional<List<T>> immutable(Optional<List<T>> value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    List<T> list = value.get();
    List<T> copy = List.copyOf(list);
    return copy == list ? value : Optional.of(copy);
  }

  /** {@code previous} when it holds {@code value} already (no new optional), else a new optional. */
  private static <T> Optional<T> reuse(T value, Optional<T> previous) {
    if (value == null) {
      return Optional.empty();
    }
    return previous != null && previous.orElse(null) == value ? previous : Optional.of(value);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers (lingua's UniversalParams impl)
  // ---------------------------------------------------------------------------------------------

  /** The output-token limit for providers with output-only limits (a total budget is used as is). */
  public Optional<Long> outputTokenBudget() {
    return tokenBudget.map(TokenBudget::tokens);
  }

  /** The extras kept for {@code format}, if any. */
  public Optional<JsonObject> extrasFor(ProviderFormat format) {
    return Optional.ofNullable(extras.get(format));
  }

  /**
   * The tool choice for {@code format} (lingua's {@code tool_choice_for}): uses an empty choice when none
   * is set, so Anthropic gets a synthesized {@code auto} when parallel tool calls are disabled.
   */
  public Optional<JsonValue> toolChoiceFor(ProviderFormat format) {
    return toolChoice.orElse(ToolChoice.EMPTY).toProvider(format, parallelToolCalls);
  }

  /** The base reasoning value for {@code format} (lingua's {@code reasoning_for}), using the output budget. */
  public Optional<JsonValue> reasoningFor(ProviderFormat format) {
    return reasoning.flatMap(r -> r.toProvider(format, outputTokenBudget()));
  }

  /** The response format for {@code format}, empty when absent or when it cannot be converted. */
  public Optional<JsonValue> responseFormatFor(ProviderFormat format) {
    try {
      return tryResponseFormatFor(format);
    } catch (TranslationException e) {
      return Optional.empty();
    }
  }

  /**
   * The response format for {@code format}.
   *
   * @throws TranslationException when it cannot be converted
   */
  public Optional<JsonValue> tryResponseFormatFor(ProviderFormat format) {
    return responseFormat.isEmpty() ? Optional.empty() : responseFormat.get().toProvider(format);
  }

  /**
   * {@code metadata.user_id} when metadata is an object whose {@code user_id} is a string (lingua's
   * {@code UniversalMetadataUserView}); empty otherwise.
   */
  public Optional<String> metadataUserId() {
    if (metadata.isPresent() && metadata.get() instanceof JsonObject o) {
      return o.getString("user_id");
    }
    return Optional.empty();
  }

  /**
   * Parses stop sequences: a string is one sequence, an array keeps its string elements; an array without
   * strings, and any other value, is empty.
   */
  public static Optional<List<String>> parseStopSequences(JsonValue value) {
    if (value instanceof JsonString s) {
      return Optional.of(List.of(s.value()));
    }
    if (value instanceof JsonArray a) {
      List<String> out = new ArrayList<>();
      for (JsonValue v : a) {
        if (v instanceof JsonString s) {
          out.add(s.value());
        }
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
    }
    return Optional.empty();
  }

  /** A copy with another token budget (null for none); every other parameter is shared, not copied. */
  public UniversalParams withTokenBudget(TokenBudget budget) {
    return new UniversalParams(
        temperature, topP, topK, seed, presencePenalty, frequencyPenalty, Optional.ofNullable(budget), stop,
        logprobs, topLogprobs, tools, toolChoice, parallelToolCalls, responseFormat, reasoning, metadata,
        store, conversationReference, serviceTier, promptCacheKey, stream, extras);
  }

  /** A copy with another response format (null for none); every other parameter is shared. */
  public UniversalParams withResponseFormat(ResponseFormat format) {
    return new UniversalParams(
        temperature, topP, topK, seed, presencePenalty, frequencyPenalty, tokenBudget, stop, logprobs,
        topLogprobs, tools, toolChoice, parallelToolCalls, Optional.ofNullable(format), reasoning, metadata,
        store, conversationReference, serviceTier, promptCacheKey, stream, extras);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these parameters. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.source = this;
    b.temperature = temperature.orElse(null);
    b.topP = topP.orElse(null);
    b.topK = topK.orElse(null);
    b.seed = seed.orElse(null);
    b.presencePenalty = presencePenalty.orElse(null);
    b.frequencyPenalty = frequencyPenalty.orElse(null);
    b.tokenBudget = tokenBudget.orElse(null);
    b.stop = stop.orElse(null);
    b.logprobs = logprobs.orElse(null);
    b.topLogprobs = topLogprobs.orElse(null);
    b.tools = tools.orElse(null);
    b.toolChoice = toolChoice.orElse(null);
    b.parallelToolCalls = parallelToolCalls.orElse(null);
    b.responseFormat = responseFormat.orElse(null);
    b.reasoning = reasoning.orElse(null);
    b.metadata = metadata.orElse(null);
    b.store = store.orElse(null);
    b.conversationReference = conversationReference.orElse(null);
    b.serviceTier = serviceTier.orElse(null);
    b.promptCacheKey = promptCacheKey.orElse(null);
    b.stream = stream.orElse(null);
    b.baseExtras = extras;
    return b;
  }

  /** Builds {@link UniversalParams}; setters take null to clear. */
  public static final class Builder {
    private Double temperature;
    private Double topP;
    private Long topK;
    private Long seed;
    private Double presencePenalty;
    private Double frequencyPenalty;
    private TokenBudget tokenBudget;
    private List<String> stop;
    private Boolean logprobs;
    private Long topLogprobs;
    private List<Tool> tools;
    private ToolChoice toolChoice;
    private Boolean parallelToolCalls;
    private ResponseFormat responseFormat;
    private Reasoning reasoning;
    private JsonValue metadata;
    private Boolean store;
    private List<ConversationReference> conversationReference;
    private String serviceTier;
    private String promptCacheKey;
    private Boolean stream;
    /** The parameters this builder started from, whose optionals are reused for unchanged values. */
    private UniversalParams source;
    /** The extras as started from (immutable), until an edit copies them into {@link #extras}. */
    private Map<ProviderFormat, JsonObject> baseExtras = Map.of();
    private EnumMap<ProviderFormat, JsonObject> extras;

    private Builder() {}

    private EnumMap<ProviderFormat, JsonObject> editableExtras() {
      if (extras == null) {
        extras = new EnumMap<>(ProviderFormat.class);
        extras.putAll(baseExtras);
      }
      return extras;
    }

    /** Temperature. */
    public Builder temperature(Double v) {
      temperature = v;
      return this;
    }

    /** Top-p. */
    public Builder topP(Double v) {
      topP = v;
      return this;
    }

    /** Top-k. */
    public Builder topK(Long v) {
      topK = v;
      return this;
    }

    /** Seed. */
    public Builder seed(Long v) {
      seed = v;
      return this;
    }

    /** Presence penalty. */
    public Builder presencePenalty(Double v) {
      presencePenalty = v;
      return this;
    }

    /** Frequency penalty. */
    public Builder frequencyPenalty(Double v) {
      frequencyPenalty = v;
      return this;
    }

    /** Token budget. */
    public Builder tokenBudget(TokenBudget v) {
      tokenBudget = v;
      return this;
    }

    /** Stop sequences. */
    public Builder stop(List<String> v) {
      stop = v;
      return this;
    }

    /** Logprobs flag. */
    public Builder logprobs(Boolean v) {
      logprobs = v;
      return this;
    }

    /** Top logprobs count. */
    public Builder topLogprobs(Long v) {
      topLogprobs = v;
      return this;
    }

    /** Tools. */
    public Builder tools(List<Tool> v) {
      tools = v;
      return this;
    }

    /** Tool choice. */
    public Builder toolChoice(ToolChoice v) {
      toolChoice = v;
      return this;
    }

    /** Parallel tool calls flag. */
    public Builder parallelToolCalls(Boolean v) {
      parallelToolCalls = v;
      return this;
    }

    /** Response format. */
    public Builder responseFormat(ResponseFormat v) {
      responseFormat = v;
      return this;
    }

    /** Reasoning config. */
    public Builder reasoning(Reasoning v) {
      reasoning = v;
      return this;
    }

    /** Metadata (raw JSON). */
    public Builder metadata(JsonValue v) {
      metadata = v;
      return this;
    }

    /** Store flag. */
    public Builder store(Boolean v) {
      store = v;
      return this;
    }

    /** Conversation item references. */
    public Builder conversationReference(List<ConversationReference> v) {
      conversationReference = v;
      return this;
    }

    /** Service tier. */
    public Builder serviceTier(String v) {
      serviceTier = v;
      return this;
    }

    /** Prompt cache key. */
    public Builder promptCacheKey(String v) {
      promptCacheKey = v;
      return this;
    }

    /** Stream flag. */
    public Builder stream(Boolean v) {
      stream = v;
      return this;
    }

    /** Sets (or with null removes) the extras of one source format. */
    public Builder extras(ProviderFormat format, JsonObject v) {
      if (v == null) {
        editableExtras().remove(format);
      } else {
        editableExtras().put(format, v);
      }
      return this;
    }

    /** Replaces all extras. */
    public Builder extras(Map<ProviderFormat, JsonObject> all) {
      editableExtras().clear();
      if (all != null) {
        extras.putAll(all);
      }
      return this;
    }

    /** The parameters. */
    public UniversalParams build() {
      UniversalParams p = source;
      if (p == null) {
        p = EMPTY_SOURCE;
      }
      return new UniversalParams(
          reuse(temperature, p.temperature),
          reuse(topP, p.topP),
          reuse(topK, p.topK),
          reuse(seed, p.seed),
          reuse(presencePenalty, p.presencePenalty),
          reuse(frequencyPenalty, p.frequencyPenalty),
          reuse(tokenBudget, p.tokenBudget),
          reuse(stop, p.stop),
          reuse(logprobs, p.logprobs),
          reuse(topLogprobs, p.topLogprobs),
          reuse(tools, p.tools),
          reuse(toolChoice, p.toolChoice),
          reuse(parallelToolCalls, p.parallelToolCalls),
          reuse(responseFormat, p.responseFormat),
          reuse(reasoning, p.reasoning),
          reuse(metadata, p.metadata),
          reuse(store, p.store),
          reuse(conversationReference, p.conversationReference),
          reuse(serviceTier, p.serviceTier),
          reuse(promptCacheKey, p.promptCacheKey),
          reuse(stream, p.stream),
          extras == null ? baseExtras : extras);
    }
  }
}
