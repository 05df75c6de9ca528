package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Token usage with an explicit accounting model (lingua's {@code UniversalUsage}, spec 1.7 and 2.10).
 *
 * <p>{@link #completionTokens()} includes reasoning. {@link #promptTokens()} is inclusive of cache reads
 * and writes (OpenAI convention) unless {@link #promptTokensExcludeCache()} is set (Anthropic and Converse
 * report input exclusive of the cache buckets); {@link #inclusivePromptTokens()} and {@link
 * #exclusivePromptTokens()} convert between the two.
 *
 * @param promptTokens prompt/input tokens (see the class comment)
 * @param completionTokens completion/output tokens, reasoning included
 * @param totalTokens the provider's total, or prompt plus completion
 * @param promptCachedTokens cache-read tokens
 * @param promptCacheCreationTokens cache-write tokens
 * @param promptCacheCreation5mTokens cache-write tokens with a 5-minute TTL (Anthropic)
 * @param promptCacheCreation1hTokens cache-write tokens with a 1-hour TTL (Anthropic)
 * @param promptTokensExcludeCache whether {@code promptTokens} excludes the cache buckets
 * @param completionReasoningTokens reasoning tokens (present only when positive for most sources)
 * @param inputDetails prompt subsets and modality breakdowns
 * @param outputDetails completion subsets and modality breakdowns
 */
public record UniversalUsage(
    Optional<Long> promptTokens,
    Optional<Long> completionTokens,
    Optional<Long> totalTokens,
    Optional<Long> promptCachedTokens,
    Optional<Long> promptCacheCreationTokens,
    Optional<Long> promptCacheCreation5mTokens,
    Optional<Long> promptCacheCreation1hTokens,
    boolean promptTokensExcludeCache,
    Optional<Long> completionReasoningTokens,
    Optional<InputTokenDetails> inputDetails,
    Optional<OutputTokenDetails> outputDetails) {

  /** No usage fields set. */
  public static final UniversalUsage EMPTY = builder().build();

  /** Normalizes null optionals. */
  public UniversalUsage {
    promptTokens = LinguaJson.opt(promptTokens);
    completionTokens = LinguaJson.opt(completionTokens);
    totalTokens = LinguaJson.opt(totalTokens);
    promptCachedTokens = LinguaJson.opt(promptCachedTokens);
    promptCacheCreationTokens = LinguaJson.opt(promptCacheCreationTokens);
    promptCacheCreation5mTokens = LinguaJson.opt(promptCacheCreation5mTokens);
    promptCacheCreation1hTokens = LinguaJson.opt(promptCacheCreation1hTokens);
    completionReasoningTokens = LinguaJson.opt(completionReasoningTokens);
    inputDetails = LinguaJson.opt(inputDetails);
    outputDetails = LinguaJson.opt(outputDetails);
  }

  // ---------------------------------------------------------------------------------------------
  // Accounting helpers
  // ---------------------------------------------------------------------------------------------

  /** Cache-read tokens for prompt math: the cached breakdown's total, else {@link #promptCachedTokens()}. */
  public Optional<Long> cachedTokensForPromptMath() {
    Optional<Long> fromDetails =
        inputDetails.flatMap(InputTokenDetails::cached).flatMap(TokenBreakdown::totalTokens);
    return fromDetails.isPresent() ? fromDetails : promptCachedTokens;
  }

  /**
   * Cache-write tokens for prompt math: the cache-creation breakdown's total, else
   * {@link #promptCacheCreationTokens()}, else the sum of the 5m and 1h splits when either is present.
   */
  public Optional<Long> cacheCreationTokensForPromptMath() {
    Optional<Long> fromDetails =
        inputDetails.flatMap(InputTokenDetails::cacheCreation).flatMap(TokenBreakdown::totalTokens);
    if (fromDetails.isPresent()) {
      return fromDetails;
    }
    if (promptCacheCreationTokens.isPresent()) {
      return promptCacheCreationTokens;
    }
    if (promptCacheCreation5mTokens.isEmpty() && promptCacheCreation1hTokens.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(promptCacheCreation5mTokens.orElse(0L) + promptCacheCreation1hTokens.orElse(0L));
  }

  /** Reasoning tokens: the reasoning breakdown's total, else {@link #completionReasoningTokens()}. */
  public Optional<Long> reasoningTokens() {
    Optional<Long> fromDetails =
        outputDetails.flatMap(OutputTokenDetails::reasoning).flatMap(TokenBreakdown::totalTokens);
    return fromDetails.isPresent() ? fromDetails : completionReasoningTokens;
  }

  /**
   * The prompt count including cache reads and writes (OpenAI convention): the prompt as is, or for
   * exclusive usage the prompt plus the cache buckets; empty when no prompt-side count exists.
   */
  public Optional<Long> inclusivePromptTokens() {
    if (!promptTokensExcludeCache) {
      return promptTokens;
    }
    Optional<Long> cached = cachedTokensForPromptMath();
    Optional<Long> creation = cacheCreationTokensForPromptMath();
    if (promptTokens.isEmpty() && cached.isEmpty() && creation.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(promptTokens.orElse(0L) + cached.orElse(0L) + creation.orElse(0L));
  }

  /**
   * The prompt count excluding the cache buckets (Anthropic convention): the prompt as is for exclusive
   * usage, else the prompt minus cache reads and writes, floored at 0.
   */
  public Optional<Long> exclusivePromptTokens() {
    if (promptTokensExcludeCache) {
      return promptTokens;
    }
    if (promptTokens.isEmpty()) {
      return Optional.empty();
    }
    long v =
        promptTokens.get()
            - cachedTokensForPromptMath().orElse(0L)
            - cacheCreationTokensForPromptMath().orElse(0L);
    return Optional.of(Math.max(v, 0));
  }

  // ---------------------------------------------------------------------------------------------
  // From provider values
  // ---------------------------------------------------------------------------------------------

  private static Optional<Long> sum(Optional<Long> a, Optional<Long> b) {
    if (a.isPresent() && b.isPresent()) {
      return Optional.of(saturatingAdd(a.get(), b.get()));
    }
    return a.isPresent() ? a : b;
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  private static long saturatingSub(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  private static JsonObject objectOrEmpty(JsonValue v) {
    return v instanceof JsonObject o ? o : JsonObject.empty();
  }

  /** A details member read leniently: an object, else (malformed or absent) empty. */
  private static JsonObject details(JsonObject usage, String key) {
    return objectOrEmpty(usage.getOrNull(key));
  }

  private static Optional<List<ModalityTokenCount>> singleModality(
      TokenModality modality, Optional<Long> count) {
    return count
        .filter(c -> c > 0)
        .map(c -> List.of(new ModalityTokenCount(Optional.of(modality), Optional.of(c))));
  }

  /**
   * Reads a provider's {@code usage} object (lingua's {@code from_provider_value}); malformed counters and
   * details are ignored without losing the valid ones. Chat/Mistral/Unknown, Responses, the Anthropic
   * family and Converse are supported; Google is read with {@link #fromGoogle}.
   */
  public static UniversalUsage fromProviderValue(JsonValue usage, ProviderFormat provider) {
    JsonObject u = objectOrEmpty(usage);
    switch (provider) {
      case RESPONSES:
        return fromResponses(u);
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        return fromAnthropic(u);
      case CONVERSE:
        return fromConverse(u);
      case GOOGLE:
        return fromGoogle(u);
      default:
        return fromChat(u);
    }
  }

  private static UniversalUsage fromChat(JsonObject u) {
    Optional<Long> prompt = LinguaJson.i64(u, "prompt_tokens");
    Optional<Long> completion = LinguaJson.i64(u, "completion_tokens");
    Optional<Long> total = LinguaJson.i64(u, "total_tokens");
    JsonObject pd = details(u, "prompt_tokens_details");
    JsonObject cd = details(u, "completion_tokens_details");
    Optional<Long> cached = LinguaJson.i64(pd, "cached_tokens");
    Optional<Long> reasoning = LinguaJson.i64(cd, "reasoning_tokens").filter(v -> v > 0);
    return builder()
        .promptTokens(prompt.orElse(null))
        .completionTokens(completion.orElse(null))
        .totalTokens((total.isPresent() ? total : sum(prompt, completion)).orElse(null))
        .promptCachedTokens(cached.orElse(null))
        .completionReasoningTokens(reasoning.orElse(null))
        .inputDetails(
            new InputTokenDetails(
                    singleModality(TokenModality.AUDIO, LinguaJson.i64(pd, "audio_tokens")),
                    TokenBreakdown.of(cached, Optional.empty()),
                    Optional.empty(),
                    Optional.empty())
                .nonEmpty()
                .orElse(null))
        .outputDetails(
            new OutputTokenDetails(
                    singleModality(TokenModality.AUDIO, LinguaJson.i64(cd, "audio_tokens")),
                    TokenBreakdown.of(reasoning, Optional.empty()))
                .nonEmpty()
                .orElse(null))
        .build();
  }

  private static UniversalUsage fromResponses(JsonObject u) {
    Optional<Long> input = LinguaJson.i64(u, "input_tokens");
    Optional<Long> output = LinguaJson.i64(u, "output_tokens");
    Optional<Long> total = LinguaJson.i64(u, "total_tokens");
    JsonObject id = details(u, "input_tokens_details");
    JsonObject od = details(u, "output_tokens_details");
    Optional<Long> cached = LinguaJson.i64(id, "cached_tokens");
    Optional<Long> cacheWrite = LinguaJson.i64(id, "cache_write_tokens");
    Optional<Long> reasoning = LinguaJson.i64(od, "reasoning_tokens").filter(v -> v > 0);
    return builder()
        .promptTokens(input.orElse(null))
        .completionTokens(output.orElse(null))
        .totalTokens((total.isPresent() ? total : sum(input, output)).orElse(null))
        .promptCachedTokens(cached.orElse(null))
        .promptCacheCreationTokens(cacheWrite.orElse(null))
        .completionReasoningTokens(reasoning.orElse(null))
        .inputDetails(
            new InputTokenDetails(
                    Optional.empty(),
                    TokenBreakdown.of(cached, Optional.empty()),
                    TokenBreakdown.of(cacheWrite, Optional.empty()),
                    Optional.empty())
                .nonEmpty()
                .orElse(null))
        .outputDetails(
            new OutputTokenDetails(Optional.empty(), TokenBreakdown.of(reasoning, Optional.empty()))
                .nonEmpty()
                .orElse(null))
        .build();
  }

  private static UniversalUsage fromAnthropic(JsonObject u) {
    Optional<Long> input = LinguaJson.i64(u, "input_tokens");
    Optional<Long> output = LinguaJson.i64(u, "output_tokens");
    Optional<Long> cacheRead = LinguaJson.i64(u, "cache_read_input_tokens");
    JsonObject cc = details(u, "cache_creation");
    Optional<Long> c5m = LinguaJson.i64(cc, "ephemeral_5m_input_tokens");
    Optional<Long> c1h = LinguaJson.i64(cc, "ephemeral_1h_input_tokens");
    Optional<Long> creation = LinguaJson.i64(u, "cache_creation_input_tokens");
    if (creation.isEmpty()) {
      creation = sum(c5m, c1h);
    }
    Optional<Long> inclusive = sum(sum(input, cacheRead), creation);
    Optional<Long> reasoning =
        LinguaJson.i64(details(u, "output_tokens_details"), "thinking_tokens").filter(v -> v > 0);
    return builder()
        .promptTokens(input.orElse(null))
        .completionTokens(output.orElse(null))
        .totalTokens(sum(inclusive, output).orElse(null))
        .promptCachedTokens(cacheRead.orElse(null))
        .promptCacheCreationTokens(creation.orElse(null))
        .promptCacheCreation5mTokens(c5m.orElse(null))
        .promptCacheCreation1hTokens(c1h.orElse(null))
        .promptTokensExcludeCache(true)
        .completionReasoningTokens(reasoning.orElse(null))
        .inputDetails(
            new InputTokenDetails(
                    Optional.empty(),
                    TokenBreakdown.of(cacheRead, Optional.empty()),
                    TokenBreakdown.of(creation, Optional.empty()),
                    Optional.empty())
                .nonEmpty()
                .orElse(null))
        .outputDetails(
            new OutputTokenDetails(Optional.empty(), TokenBreakdown.of(reasoning, Optional.empty()))
                .nonEmpty()
                .orElse(null))
        .build();
  }

  private static UniversalUsage fromConverse(JsonObject u) {
    Optional<Long> input = LinguaJson.i64(u, "inputTokens");
    Optional<Long> output = LinguaJson.i64(u, "outputTokens");
    Optional<Long> total = LinguaJson.i64(u, "totalTokens");
    Optional<Long> cacheRead = LinguaJson.i64(u, "cacheReadInputTokens");
    Optional<Long> cacheWrite = LinguaJson.i64(u, "cacheWriteInputTokens");
    Optional<Long> inclusive = sum(sum(input, cacheRead), cacheWrite);
    return builder()
        .promptTokens(input.orElse(null))
        .completionTokens(output.orElse(null))
        .totalTokens((total.isPresent() ? total : sum(inclusive, output)).orElse(null))
        .promptCachedTokens(cacheRead.orElse(null))
        .promptCacheCreationTokens(cacheWrite.orElse(null))
        .promptTokensExcludeCache(true)
        .inputDetails(
            new InputTokenDetails(
                    Optional.empty(),
                    TokenBreakdown.of(cacheRead, Optional.empty()),
                    TokenBreakdown.of(cacheWrite, Optional.empty()),
                    Optional.empty())
                .nonEmpty()
                .orElse(null))
        .build();
  }

  /** Google {@code [{modality, tokenCount}]} to modality counts (unknown modalities are left unset). */
  private static Optional<List<ModalityTokenCount>> googleModalities(JsonObject u, String key) {
    if (!(u.getOrNull(key) instanceof JsonArray a)) {
      return Optional.empty();
    }
    List<ModalityTokenCount> out = new ArrayList<>();
    for (JsonValue v : a) {
      JsonObject o = objectOrEmpty(v);
      out.add(
          new ModalityTokenCount(
              o.getString("modality").flatMap(TokenModality::fromGoogle),
              LinguaJson.i64(o, "tokenCount")));
    }
    return Optional.of(out);
  }

  /**
   * Reads Google's {@code usageMetadata} (lingua's {@code From<&UsageMetadata>}): prompt is
   * promptTokenCount + toolUsePromptTokenCount, completion is candidates + thoughts (always present), the
   * total is totalTokenCount or the sum when any component is present, cached is cachedContentTokenCount,
   * reasoning is thoughtsTokenCount; modality breakdowns go to the details.
   */
  public static UniversalUsage fromGoogle(JsonValue usageMetadata) {
    JsonObject u = objectOrEmpty(usageMetadata);
    Optional<Long> promptCount = LinguaJson.i64(u, "promptTokenCount");
    Optional<Long> toolUse = LinguaJson.i64(u, "toolUsePromptTokenCount");
    Optional<Long> candidates = LinguaJson.i64(u, "candidatesTokenCount");
    Optional<Long> thoughts = LinguaJson.i64(u, "thoughtsTokenCount");
    Optional<Long> cached = LinguaJson.i64(u, "cachedContentTokenCount");
    Optional<Long> prompt = sum(promptCount, toolUse);
    long completion = saturatingAdd(candidates.orElse(0L), thoughts.orElse(0L));
    boolean hasComponent =
        promptCount.isPresent() || toolUse.isPresent() || candidates.isPresent() || thoughts.isPresent();
    Optional<Long> total = LinguaJson.i64(u, "totalTokenCount");
    if (total.isEmpty() && hasComponent) {
      total = Optional.of(saturatingAdd(prompt.orElse(0L), completion));
    }
    InputTokenDetails input =
        new InputTokenDetails(
            googleModalities(u, "promptTokensDetails"),
            TokenBreakdown.of(cached, googleModalities(u, "cacheTokensDetails")),
            Optional.empty(),
            TokenBreakdown.of(toolUse, googleModalities(u, "toolUsePromptTokensDetails")));
    OutputTokenDetails output =
        new OutputTokenDetails(
            googleModalities(u, "candidatesTokensDetails"), TokenBreakdown.of(thoughts, Optional.empty()));
    return builder()
        .promptTokens(prompt.orElse(null))
        .completionTokens(completion)
        .totalTokens(total.orElse(null))
        .promptCachedTokens(cached.orElse(null))
        .completionReasoningTokens(thoughts.orElse(null))
        .inputDetails(input.nonEmpty().orElse(null))
        .outputDetails(output.nonEmpty().orElse(null))
        .build();
  }

  /**
   * The {@code usage} member of a response payload read for {@code provider} (lingua's
   * {@code extract_from_response}; Google's {@code usageMetadata} is not read here).
   */
  public static Optional<UniversalUsage> extractFromResponse(JsonValue payload, ProviderFormat provider) {
    if (payload instanceof JsonObject o && o.has("usage")) {
      return Optional.of(fromProviderValue(o.getOrNull("usage"), provider));
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------
  // To provider values
  // ---------------------------------------------------------------------------------------------

  private static Optional<Long> modalityTotal(
      Optional<List<ModalityTokenCount>> details, TokenModality modality) {
    Long total = null;
    for (ModalityTokenCount d : details.orElse(List.of())) {
      if (d.modality().equals(Optional.of(modality)) && d.tokenCount().isPresent()) {
        total = saturatingAdd(total == null ? 0 : total, d.tokenCount().get());
      }
    }
    return Optional.ofNullable(total);
  }

  private static Optional<JsonArray> googleModalityArray(Optional<List<ModalityTokenCount>> details) {
    return details.map(
        list -> {
          JsonArray.Builder a = JsonArray.builder();
          for (ModalityTokenCount d : list) {
            JsonObject.Builder o = JsonObject.builder();
            d.modality().ifPresent(m -> o.put("modality", m.googleName()));
            d.tokenCount().ifPresent(c -> o.put("tokenCount", c));
            a.add(o.build());
          }
          return a.build();
        });
  }

  /**
   * Writes usage in {@code provider}'s shape (lingua's {@code to_provider_value}, spec 2.10): Chat/Mistral
   * and Responses get the inclusive prompt; the Anthropic family and Converse the exclusive one with the
   * cache buckets; Google subtracts the tool prompt from the prompt and reasoning from candidates.
   */
  public JsonObject toProviderValue(ProviderFormat provider) {
    Optional<Long> inclusivePrompt = inclusivePromptTokens();
    long prompt = inclusivePrompt.orElse(0L);
    long completion = completionTokens.orElse(0L);
    long total = totalTokens.orElse(prompt + completion);
    Optional<Long> cached = cachedTokensForPromptMath();
    Optional<Long> creation = cacheCreationTokensForPromptMath();
    Optional<Long> reasoning = reasoningTokens();
    JsonObject.Builder map = JsonObject.builder();
    switch (provider) {
      case RESPONSES:
        {
          map.put("input_tokens", prompt).put("output_tokens", completion).put("total_tokens", total);
          JsonObject.Builder in = JsonObject.builder().put("cached_tokens", cached.orElse(0L));
          creation.ifPresent(c -> in.put("cache_write_tokens", c));
          map.put("input_tokens_details", in.build());
          map.put(
              "output_tokens_details",
              JsonObject.builder().put("reasoning_tokens", reasoning.orElse(0L)).build());
          return map.build();
        }
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        {
          exclusivePromptTokens().ifPresent(p -> map.put("input_tokens", p));
          completionTokens.ifPresent(c -> map.put("output_tokens", c));
          creation.ifPresent(c -> map.put("cache_creation_input_tokens", c));
          if (promptCacheCreation5mTokens.isPresent() || promptCacheCreation1hTokens.isPresent()) {
            map.put(
                "cache_creation",
                JsonObject.builder()
                    .put("ephemeral_5m_input_tokens", promptCacheCreation5mTokens.orElse(0L))
                    .put("ephemeral_1h_input_tokens", promptCacheCreation1hTokens.orElse(0L))
                    .build());
          }
          cached.ifPresent(c -> map.put("cache_read_input_tokens", c));
          reasoning.ifPresent(
              r ->
                  map.put(
                      "output_tokens_details",
                      JsonObject.builder().put("thinking_tokens", r).build()));
          return map.build();
        }
      case CONVERSE:
        {
          map.put("inputTokens", exclusivePromptTokens().orElse(0L))
              .put("outputTokens", completion)
              .put("totalTokens", total);
          cached.ifPresent(c -> map.put("cacheReadInputTokens", c));
          creation.ifPresent(c -> map.put("cacheWriteInputTokens", c));
          return map.build();
        }
      case GOOGLE:
        {
          Optional<InputTokenDetails> in = inputDetails;
          Optional<TokenBreakdown> toolPrompt = in.flatMap(InputTokenDetails::toolPrompt);
          long toolPromptTokens = toolPrompt.flatMap(TokenBreakdown::totalTokens).orElse(0L);
          inclusivePrompt.ifPresent(
              p -> map.put("promptTokenCount", Math.max(saturatingSub(p, toolPromptTokens), 0)));
          completionTokens.ifPresent(
              c ->
                  map.put(
                      "candidatesTokenCount", Math.max(saturatingSub(c, reasoning.orElse(0L)), 0)));
          if (totalTokens.isPresent() || inclusivePrompt.isPresent() || completionTokens.isPresent()) {
            map.put("totalTokenCount", total);
          }
          cached.ifPresent(c -> map.put("cachedContentTokenCount", c));
          googleModalityArray(in.flatMap(InputTokenDetails::cached).flatMap(TokenBreakdown::byModality))
              .ifPresent(a -> map.put("cacheTokensDetails", a));
          reasoning.ifPresent(r -> map.put("thoughtsTokenCount", r));
          googleModalityArray(in.flatMap(InputTokenDetails::contentByModality))
              .ifPresent(a -> map.put("promptTokensDetails", a));
          googleModalityArray(outputDetails.flatMap(OutputTokenDetails::contentByModality))
              .ifPresent(a -> map.put("candidatesTokensDetails", a));
          toolPrompt.flatMap(TokenBreakdown::totalTokens).ifPresent(t -> map.put("toolUsePromptTokenCount", t));
          googleModalityArray(toolPrompt.flatMap(TokenBreakdown::byModality))
              .ifPresent(a -> map.put("toolUsePromptTokensDetails", a));
          return map.build();
        }
      default:
        {
          map.put("prompt_tokens", prompt)
              .put("completion_tokens", completion)
              .put("total_tokens", total);
          JsonObject.Builder pd = JsonObject.builder();
          cached.ifPresent(c -> pd.put("cached_tokens", c));
          modalityTotal(inputDetails.flatMap(InputTokenDetails::contentByModality), TokenModality.AUDIO)
              .ifPresent(a -> pd.put("audio_tokens", a));
          if (!pd.isEmpty()) {
            map.put("prompt_tokens_details", pd.build());
          }
          JsonObject.Builder cd = JsonObject.builder();
          reasoning.ifPresent(r -> cd.put("reasoning_tokens", r));
          modalityTotal(outputDetails.flatMap(OutputTokenDetails::contentByModality), TokenModality.AUDIO)
              .ifPresent(a -> cd.put("audio_tokens", a));
          if (!cd.isEmpty()) {
            map.put("completion_tokens_details", cd.build());
          }
          return map.build();
        }
    }
  }

  /**
   * Google's typed {@code usageMetadata} (lingua's {@code From<&UniversalUsage> for UsageMetadata}, used
   * by the Google codec): unlike {@link #toProviderValue} it always writes {@code candidatesTokenCount} and
   * {@code totalTokenCount}.
   */
  public JsonObject toGoogleUsageMetadata() {
    Optional<Long> prompt = inclusivePromptTokens();
    Optional<TokenBreakdown> toolPrompt = inputDetails.flatMap(InputTokenDetails::toolPrompt);
    long toolPromptTokens = toolPrompt.flatMap(TokenBreakdown::totalTokens).orElse(0L);
    long completion = completionTokens.orElse(0L);
    Optional<Long> reasoning = reasoningTokens();
    JsonObject.Builder m = JsonObject.builder();
    cachedTokensForPromptMath().ifPresent(c -> m.put("cachedContentTokenCount", c));
    googleModalityArray(inputDetails.flatMap(InputTokenDetails::cached).flatMap(TokenBreakdown::byModality))
        .ifPresent(a -> m.put("cacheTokensDetails", a));
    m.put("candidatesTokenCount", Math.max(completion - reasoning.orElse(0L), 0));
    googleModalityArray(outputDetails.flatMap(OutputTokenDetails::contentByModality))
        .ifPresent(a -> m.put("candidatesTokensDetails", a));
    prompt.ifPresent(p -> m.put("promptTokenCount", Math.max(p - toolPromptTokens, 0)));
    googleModalityArray(inputDetails.flatMap(InputTokenDetails::contentByModality))
        .ifPresent(a -> m.put("promptTokensDetails", a));
    reasoning.ifPresent(r -> m.put("thoughtsTokenCount", r));
    toolPrompt.flatMap(TokenBreakdown::totalTokens).ifPresent(t -> m.put("toolUsePromptTokenCount", t));
    googleModalityArray(toolPrompt.flatMap(TokenBreakdown::byModality))
        .ifPresent(a -> m.put("toolUsePromptTokensDetails", a));
    m.put("totalTokenCount", totalTokens.orElse(prompt.orElse(0L) + completion));
    return m.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Universal serialization (lingua's serde shape of UniversalUsage)
  // ---------------------------------------------------------------------------------------------

  private static JsonArray modalityArray(List<ModalityTokenCount> list) {
    JsonArray.Builder a = JsonArray.builder();
    for (ModalityTokenCount d : list) {
      JsonObject.Builder o = JsonObject.builder();
      d.modality().ifPresent(m -> o.put("modality", m.wire()));
      d.tokenCount().ifPresent(c -> o.put("token_count", c));
      a.add(o.build());
    }
    return a.build();
  }

  private static JsonObject breakdownJson(TokenBreakdown b) {
    JsonObject.Builder o = JsonObject.builder();
    b.totalTokens().ifPresent(t -> o.put("total_tokens", t));
    b.byModality().ifPresent(l -> o.put("by_modality", modalityArray(l)));
    return o.build();
  }

  /**
   * The universal (snake_case) serialization: set fields only, {@code prompt_tokens_exclude_cache} only
   * when true, details nested as {@code input_details}/{@code output_details}.
   */
  public JsonObject toJson() {
    JsonObject.Builder o = JsonObject.builder();
    promptTokens.ifPresent(v -> o.put("prompt_tokens", v));
    completionTokens.ifPresent(v -> o.put("completion_tokens", v));
    totalTokens.ifPresent(v -> o.put("total_tokens", v));
    promptCachedTokens.ifPresent(v -> o.put("prompt_cached_tokens", v));
    promptCacheCreationTokens.ifPresent(v -> o.put("prompt_cache_creation_tokens", v));
    promptCacheCreation5mTokens.ifPresent(v -> o.put("prompt_cache_creation_5m_tokens", v));
    promptCacheCreation1hTokens.ifPresent(v -> o.put("prompt_cache_creation_1h_tokens", v));
    if (promptTokensExcludeCache) {
      o.put("prompt_tokens_exclude_cache", true);
    }
    completionReasoningTokens.ifPresent(v -> o.put("completion_reasoning_tokens", v));
    inputDetails.ifPresent(
        d -> {
          JsonObject.Builder i = JsonObject.builder();
          d.contentByModality().ifPresent(l -> i.put("content_by_modality", modalityArray(l)));
          d.cached().ifPresent(b -> i.put("cached", breakdownJson(b)));
          d.cacheCreation().ifPresent(b -> i.put("cache_creation", breakdownJson(b)));
          d.toolPrompt().ifPresent(b -> i.put("tool_prompt", breakdownJson(b)));
          o.put("input_details", i.build());
        });
    outputDetails.ifPresent(
        d -> {
          JsonObject.Builder i = JsonObject.builder();
          d.contentByModality().ifPresent(l -> i.put("content_by_modality", modalityArray(l)));
          d.reasoning().ifPresent(b -> i.put("reasoning", breakdownJson(b)));
          o.put("output_details", i.build());
        });
    return o.build();
  }

  private static Optional<List<ModalityTokenCount>> readModalities(JsonObject o, String key) {
    if (!(o.getOrNull(key) instanceof JsonArray a)) {
      return Optional.empty();
    }
    List<ModalityTokenCount> out = new ArrayList<>();
    for (JsonValue v : a) {
      JsonObject e = objectOrEmpty(v);
      out.add(
          new ModalityTokenCount(
              e.getString("modality").flatMap(TokenModality::fromWire), LinguaJson.i64(e, "token_count")));
    }
    return Optional.of(out);
  }

  private static Optional<TokenBreakdown> readBreakdown(JsonObject o, String key) {
    if (!(o.getOrNull(key) instanceof JsonObject b)) {
      return Optional.empty();
    }
    return Optional.of(
        new TokenBreakdown(LinguaJson.i64(b, "total_tokens"), readModalities(b, "by_modality")));
  }

  /** Reads the universal serialization written by {@link #toJson()}. */
  public static UniversalUsage fromJson(JsonObject o) {
    Builder b =
        builder()
            .promptTokens(LinguaJson.i64(o, "prompt_tokens").orElse(null))
            .completionTokens(LinguaJson.i64(o, "completion_tokens").orElse(null))
            .totalTokens(LinguaJson.i64(o, "total_tokens").orElse(null))
            .promptCachedTokens(LinguaJson.i64(o, "prompt_cached_tokens").orElse(null))
            .promptCacheCreationTokens(LinguaJson.i64(o, "prompt_cache_creation_tokens").orElse(null))
            .promptCacheCreation5mTokens(
                LinguaJson.i64(o, "prompt_cache_creation_5m_tokens").orElse(null))
            .promptCacheCreation1hTokens(
                LinguaJson.i64(o, "prompt_cache_creation_1h_tokens").orElse(null))
            .promptTokensExcludeCache(o.getBoolean("prompt_tokens_exclude_cache").orElse(false))
            .completionReasoningTokens(LinguaJson.i64(o, "completion_reasoning_tokens").orElse(null));
    o.getObject("input_details")
        .ifPresent(
            d ->
                b.inputDetails(
                    new InputTokenDetails(
                        readModalities(d, "content_by_modality"),
                        readBreakdown(d, "cached"),
                        readBreakdown(d, "cache_creation"),
                        readBreakdown(d, "tool_prompt"))));
    o.getObject("output_details")
        .ifPresent(
            d ->
                b.outputDetails(
                    new OutputTokenDetails(
                        readModalities(d, "content_by_modality"), readBreakdown(d, "reasoning"))));
    return b.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Builder
  // ---------------------------------------------------------------------------------------------

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this usage's values. */
  public Builder toBuilder() {
    return new Builder()
        .promptTokens(promptTokens.orElse(null))
        .completionTokens(completionTokens.orElse(null))
        .totalTokens(totalTokens.orElse(null))
        .promptCachedTokens(promptCachedTokens.orElse(null))
        .promptCacheCreationTokens(promptCacheCreationTokens.orElse(null))
        .promptCacheCreation5mTokens(promptCacheCreation5mTokens.orElse(null))
        .promptCacheCreation1hTokens(promptCacheCreation1hTokens.orElse(null))
        .promptTokensExcludeCache(promptTokensExcludeCache)
        .completionReasoningTokens(completionReasoningTokens.orElse(null))
        .inputDetails(inputDetails.orElse(null))
        .outputDetails(outputDetails.orElse(null));
  }

  /** Builds {@link UniversalUsage}; setters take null to clear. */
  public static final class Builder {
    private Long promptTokens;
    private Long completionTokens;
    private Long totalTokens;
    private Long promptCachedTokens;
    private Long promptCacheCreationTokens;
    private Long promptCacheCreation5mTokens;
    private Long promptCacheCreation1hTokens;
    private boolean promptTokensExcludeCache;
    private Long completionReasoningTokens;
    private InputTokenDetails inputDetails;
    private OutputTokenDetails outputDetails;

    private Builder() {}

    /** Prompt tokens. */
    public Builder promptTokens(Long v) {
      promptTokens = v;
      return this;
    }

    /** Completion tokens (reasoning included). */
    public Builder completionTokens(Long v) {
      completionTokens = v;
      return this;
    }

    /** Total tokens. */
    public Builder totalTokens(Long v) {
      totalTokens = v;
      return this;
    }

    /** Cache-read tokens. */
    public Builder promptCachedTokens(Long v) {
      promptCachedTokens = v;
      return this;
    }

    /** Cache-write tokens. */
    public Builder promptCacheCreationTokens(Long v) {
      promptCacheCreationTokens = v;
      return this;
    }

    /** 5-minute cache-write tokens. */
    public Builder promptCacheCreation5mTokens(Long v) {
      promptCacheCreation5mTokens = v;
      return this;
    }

    /** 1-hour cache-write tokens. */
    public Builder promptCacheCreation1hTokens(Long v) {
      promptCacheCreation1hTokens = v;
      return this;
    }

    /** Whether prompt tokens exclude the cache buckets. */
    public Builder promptTokensExcludeCache(boolean v) {
      promptTokensExcludeCache = v;
      return this;
    }

    /** Reasoning tokens. */
    public Builder completionReasoningTokens(Long v) {
      completionReasoningTokens = v;
      return this;
    }

    /** Input details. */
    public Builder inputDetails(InputTokenDetails v) {
      inputDetails = v;
      return this;
    }

    /** Output details. */
    public Builder outputDetails(OutputTokenDetails v) {
      outputDetails = v;
      return this;
    }

    /** The usage. */
    public UniversalUsage build() {
      return new UniversalUsage(
          Optional.ofNullable(promptTokens),
          Optional.ofNullable(completionTokens),
          Optional.ofNullable(totalTokens),
          Optional.ofNullable(promptCachedTokens),
          Optional.ofNullable(promptCacheCreationTokens),
          Optional.ofNullable(promptCacheCreation5mTokens),
          Optional.ofNullable(promptCacheCreation1hTokens),
          promptTokensExcludeCache,
          Optional.ofNullable(completionReasoningTokens),
          Optional.ofNullable(inputDetails),
          Optional.ofNullable(outputDetails));
    }
  }
}
