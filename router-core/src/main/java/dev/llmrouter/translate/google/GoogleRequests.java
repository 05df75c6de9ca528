package dev.llmrouter.translate.google;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.JsonSchema;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.MessageTransforms;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ReasoningCanonical;
import dev.llmrouter.translate.ir.ReasoningEffort;
import dev.llmrouter.translate.ir.ResponseFormat;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.ToolResultPart;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.rules.GoogleRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gemini {@code generateContent} requests to and from universal form (lingua's GoogleAdapter request
 * methods and google/params.rs).
 */
final class GoogleRequests {
  private GoogleRequests() {}

  /** The top-level request keys lingua types; every other key is kept in the Google extras. */
  private static final String[] TYPED_KEYS = {
    "model",
    "contents",
    "systemInstruction",
    "generationConfig",
    "safetySettings",
    "tools",
    "toolConfig",
    "cachedContent",
    "serviceTier"
  };

  // ---------------------------------------------------------------------------------------------
  // Google -> universal
  // ---------------------------------------------------------------------------------------------

  /** Whether the request's generation config asks for JSON output. */
  static boolean requiresJsonResponse(JsonObject body) {
    return responseFormat(body).map(ResponseFormat::requiresJsonResponse).orElse(false);
  }

  /**
   * The response format of {@code generationConfig} (or Vertex's {@code config} when there is none); empty
   * when it sets no known MIME type.
   */
  private static Optional<ResponseFormat> responseFormat(JsonObject body) {
    JsonObject config = GoogleJson.object(body, "generationConfig", null);
    String field = "generationConfig";
    if (config == null) {
      config = GoogleJson.object(body, "config", null);
      field = "config";
    }
    if (config == null) {
      return Optional.empty();
    }
    String mime = GoogleJson.string(config, "responseMimeType", field);
    if (mime == null) {
      return Optional.empty();
    }
    if (GoogleJson.value(config, "responseJsonSchema") == null) {
      JsonValue typed = GoogleJson.value(config, "responseSchema");
      if (typed != null) {
        // lingua reads responseSchema through its typed Schema before turning it back into JSON Schema.
        config = config.with("responseSchema", GoogleSchemas.typed(typed, field + ".responseSchema"));
      }
    }
    ResponseFormat format = ResponseFormat.fromGoogle(config);
    return format.formatType().isPresent() ? Optional.of(format) : Optional.empty();
  }

  /**
   * A Gemini request in universal form.
   *
   * <p>{@code systemInstruction} becomes a leading system message (a deliberate deviation: lingua drops
   * it, which silently loses the caller's system prompt on every other target). As in lingua,
   * {@code safetySettings} and {@code cachedContent} are read as typed fields but not carried into the IR;
   * {@code seed}, penalties and the media / speech / image options of {@code generationConfig} are not
   * read either. Unknown top-level keys go to the Google extras.
   *
   * @throws TranslationException when a field has the wrong type or {@code contents} is missing
   */
  static UniversalRequest toUniversal(JsonObject body) {
    String model = GoogleJson.string(body, "model", null);
    JsonArray contents = GoogleJson.array(body, "contents", null);
    if (contents == null) {
      throw new TranslationException("Google: missing 'contents' field");
    }
    GoogleJson.string(body, "cachedContent", null);
    List<Message> messages = GoogleContents.toMessages(contents, "contents");
    Message system = systemInstruction(body);
    if (system != null) {
      List<Message> withSystem = new ArrayList<>(messages.size() + 1);
      withSystem.add(system);
      withSystem.addAll(messages);
      messages = withSystem;
    }

    UniversalParams.Builder params = UniversalParams.builder();
    JsonObject config = GoogleJson.object(body, "generationConfig", null);
    if (config != null) {
      readGenerationConfig(config, params);
    }
    JsonArray tools = GoogleJson.array(body, "tools", null);
    if (tools != null) {
      params.tools(GoogleTools.toUniversal(tools));
    }
    JsonObject toolConfig = GoogleJson.object(body, "toolConfig", null);
    if (toolConfig != null) {
      GoogleJson.object(toolConfig, "functionCallingConfig", "toolConfig");
      params.toolChoice(ToolChoice.fromGoogle(toolConfig));
    }
    responseFormat(body).ifPresent(params::responseFormat);
    String tier = GoogleJson.string(body, "serviceTier", null);
    if (tier != null) {
      switch (tier) {
        case "flex":
        case "priority":
        case "standard":
        case "unspecified":
          params.serviceTier(tier);
          break;
        default:
          throw new TranslationException(
              "Google: unknown variant `"
                  + tier
                  + "`, expected one of `flex`, `priority`, `standard`, `unspecified` (field serviceTier)");
      }
    }
    JsonObject.Builder extras = null;
    for (Map.Entry<String, JsonValue> e : body.members().entrySet()) {
      if (!GoogleJson.contains(TYPED_KEYS, e.getKey())) {
        if (extras == null) {
          extras = JsonObject.builder();
        }
        extras.put(e.getKey(), e.getValue());
      }
    }
    if (extras != null) {
      params.extras(ProviderFormat.GOOGLE, extras.build());
    }
    return UniversalRequest.of(model, messages, params.build());
  }

  /**
   * The {@code systemInstruction} content as a system message: a plain string for one text part, text
   * parts otherwise; null when absent or without text. Non-text parts are refused (a system prompt
   * carries text only).
   */
  private static Message systemInstruction(JsonObject body) {
    JsonObject instruction = GoogleJson.object(body, "systemInstruction", null);
    if (instruction == null) {
      return null;
    }
    JsonArray parts = GoogleJson.array(instruction, "parts", "systemInstruction");
    if (parts == null || parts.isEmpty()) {
      return null;
    }
    List<TextPart> texts = new ArrayList<>(parts.size());
    for (JsonValue v : parts) {
      if (!(v instanceof JsonObject part)) {
        throw GoogleJson.invalid("systemInstruction.parts[]", v, "an object");
      }
      String text = GoogleJson.string(part, "text", "systemInstruction.parts[]");
      if (text == null) {
        throw new TranslationException(
            "Google: systemInstruction.parts[] must be text parts; got keys " + part.keys());
      }
      texts.add(TextPart.of(text));
    }
    return texts.size() == 1 ? Message.system(texts.get(0).text()) : Message.system(texts);
  }

  private static void readGenerationConfig(JsonObject config, UniversalParams.Builder params) {
    Long maxTokens = GoogleJson.i64(config, "maxOutputTokens", "generationConfig");
    params.temperature(GoogleJson.f64(config, "temperature", "generationConfig"));
    params.topP(GoogleJson.f64(config, "topP", "generationConfig"));
    params.topK(GoogleJson.i64(config, "topK", "generationConfig"));
    if (maxTokens != null) {
      params.tokenBudget(TokenBudget.outputTokens(maxTokens));
    }
    JsonArray stop = GoogleJson.array(config, "stopSequences", "generationConfig");
    if (stop != null && !stop.isEmpty()) {
      List<String> sequences = new ArrayList<>(stop.size());
      for (JsonValue v : stop) {
        if (!(v instanceof JsonString s)) {
          throw GoogleJson.invalid("generationConfig.stopSequences[]", v, "a string");
        }
        sequences.add(s.value());
      }
      params.stop(sequences);
    }
    JsonObject thinking = GoogleJson.object(config, "thinkingConfig", "generationConfig");
    if (thinking != null) {
      params.reasoning(readThinkingConfig(thinking, Optional.ofNullable(maxTokens)));
    }
  }

  /**
   * {@code thinkingConfig} as reasoning: a {@code thinkingLevel} (Gemini 3) is an effort, with a budget
   * derived from max tokens; otherwise {@code thinkingBudget} (Gemini 2.5) is the budget, 0 meaning
   * disabled, with an effort derived from it.
   */
  static Reasoning readThinkingConfig(JsonObject tc, Optional<Long> maxTokens) {
    String field = "generationConfig.thinkingConfig";
    GoogleJson.bool(tc, "includeThoughts", field);
    Long budget = GoogleJson.i64(tc, "thinkingBudget", field);
    String level = GoogleJson.string(tc, "thinkingLevel", field);
    if (level != null) {
      ReasoningEffort effort =
          GoogleRules.thinkingLevelToEffort(level)
              .orElseThrow(
                  () ->
                      new TranslationException(
                          "Google: unknown variant `"
                              + level
                              + "`, expected one of `HIGH`, `LOW`, `MEDIUM`, `MINIMAL`, "
                              + "`THINKING_LEVEL_UNSPECIFIED` (field "
                              + field
                              + ".thinkingLevel)"));
      return Reasoning.builder()
          .enabled(true)
          .effort(effort)
          .budgetTokens(Reasoning.effortToBudget(effort, maxTokens))
          .canonical(ReasoningCanonical.EFFORT)
          .build();
    }
    Reasoning.Builder r =
        Reasoning.builder()
            .enabled(budget == null || budget != 0)
            .canonical(
                budget != null
                    ? ReasoningCanonical.GOOGLE_THINKING_BUDGET
                    : ReasoningCanonical.GOOGLE_INCLUDE_THOUGHTS);
    if (budget != null) {
      r.budgetTokens(budget).effort(Reasoning.budgetToEffort(budget, maxTokens));
    }
    return r.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Universal -> Google
  // ---------------------------------------------------------------------------------------------

  /** lingua's Google apply_defaults: Gemini has no strict response schema, so strict is cleared. */
  static UniversalRequest applyDefaults(UniversalRequest request) {
    Optional<ResponseFormat> format = request.params().responseFormat();
    if (format.isEmpty() || format.get().jsonSchema().isEmpty()) {
      return request;
    }
    JsonSchema js = format.get().jsonSchema().get();
    if (js.strict().isEmpty()) {
      return request;
    }
    ResponseFormat cleared =
        new ResponseFormat(
            format.get().formatType(),
            Optional.of(new JsonSchema(js.name(), js.schema(), Optional.empty(), js.description())));
    return request.withParams(request.params().withResponseFormat(cleared));
  }

  /**
   * A Gemini request body: {@code model} (the real API takes it from the URL), {@code contents},
   * {@code systemInstruction}, {@code generationConfig}, {@code tools}, {@code toolConfig},
   * {@code serviceTier} and the Google extras.
   *
   * @throws TranslationException when nothing is left to send, or a part or tool cannot be expressed
   */
  static JsonObject fromUniversal(UniversalRequest req) {
    MessageTransforms.SystemExtraction split = MessageTransforms.extractSystemMessages(req.messages());
    List<Message> messages = split.rest();
    if (messages.isEmpty()) {
      throw new TranslationException(
          split.system().isEmpty()
              ? "Validation failed for google: Google requires at least one message in 'contents'."
              : "Validation failed for google: Google requires at least one non-system message; a "
                  + "system prompt alone cannot be sent because Google stores system prompts in the "
                  + "top-level 'systemInstruction' field and requires at least one user or model "
                  + "message in 'contents'.");
    }
    messages = MessageTransforms.flattenConsecutiveMessages(messages);
    messages = fillToolNamesFromContext(messages);
    if (GoogleRules.requiresThoughtSignatureForFunctionCallHistory(req.model())) {
      messages = addDummyThoughtSignatures(messages);
    }
    JsonArray.Builder contents = JsonArray.builder();
    for (Message m : messages) {
      if (!GoogleContents.isDiscoveryOnly(m)) {
        contents.add(GoogleContents.fromMessage(m, true));
      }
    }
    if (contents.isEmpty()) {
      throw new TranslationException(
          "Validation failed for google: Google does not support dynamic tool discovery history "
              + "without at least one non-discovery content message.");
    }

    UniversalParams p = req.params();
    JsonObject.Builder obj = JsonObject.builder();
    req.model().ifPresent(m -> obj.put("model", m));
    obj.put("contents", contents.build());
    p.serviceTier().map(GoogleRequests::serviceTier).ifPresent(t -> obj.put("serviceTier", t));
    if (!split.system().isEmpty()) {
      obj.put(
          "systemInstruction",
          JsonObject.of(
              "parts", JsonArray.of(GoogleContents.textPart(systemText(split.system())))));
    }
    generationConfig(req).ifPresent(c -> obj.put("generationConfig", c));
    if (p.tools().isPresent()) {
      GoogleTools.fromUniversal(p.tools().get()).ifPresent(t -> obj.put("tools", t));
    }
    if (p.toolChoice().isPresent()) {
      p.toolChoice().get().toGoogle().ifPresent(tc -> obj.put("toolConfig", tc));
    }
    Optional<JsonObject> extras = p.extrasFor(ProviderFormat.GOOGLE);
    if (extras.isPresent()) {
      for (Map.Entry<String, JsonValue> e : extras.get().members().entrySet()) {
        obj.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return obj.build();
  }

  /** Every system message's text, joined with newlines (array content: its text parts joined too). */
  private static String systemText(List<Message> system) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < system.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      boolean first = true;
      for (Part part : system.get(i).content()) {
        if (part instanceof TextPart t) {
          if (!first) {
            sb.append('\n');
          }
          sb.append(t.text());
          first = false;
        }
      }
    }
    return sb.toString();
  }

  /** A canonical service tier as Gemini's: fast/priority, flex, standard/standard_only; else none. */
  private static String serviceTier(String tier) {
    switch (tier) {
      case "fast":
      case "priority":
        return "priority";
      case "flex":
        return "flex";
      case "standard":
      case "standard_only":
        return "standard";
      default:
        return null;
    }
  }

  /**
   * The generation config, present when any sampling, token, stop, reasoning or response-format parameter
   * is set. lingua's generated struct always writes {@code responseSchema}, so it is an explicit null.
   */
  private static Optional<JsonObject> generationConfig(UniversalRequest req) {
    UniversalParams p = req.params();
    boolean hasResponseFormat =
        p.responseFormat().isPresent() && p.responseFormat().get().formatType().isPresent();
    boolean hasParams =
        p.temperature().isPresent()
            || p.topP().isPresent()
            || p.topK().isPresent()
            || p.outputTokenBudget().isPresent()
            || p.stop().isPresent()
            || p.reasoning().isPresent()
            || hasResponseFormat;
    if (!hasParams) {
      return Optional.empty();
    }
    JsonObject.Builder c = JsonObject.builder();
    p.temperature().ifPresent(t -> c.put("temperature", JsonNumber.of(t)));
    p.topP().ifPresent(t -> c.put("topP", JsonNumber.of(t)));
    p.topK().ifPresent(k -> c.put("topK", k));
    p.outputTokenBudget().ifPresent(m -> c.put("maxOutputTokens", m));
    p.stop().ifPresent(s -> c.put("stopSequences", JsonArray.ofStrings(s)));
    p.reasoning().flatMap(r -> thinkingConfig(r, req.model())).ifPresent(t -> c.put("thinkingConfig", t));
    c.put("responseSchema", JsonNull.INSTANCE);
    if (p.responseFormat().isPresent()) {
      p.responseFormat().get().toGoogle().ifPresent(c::putAll);
    }
    return Optional.of(c.build());
  }

  /**
   * Reasoning as {@code thinkingConfig} for {@code model} (lingua's adapter logic over its capability
   * table): an explicit opt-out is {@code thinkingBudget: 0} only on models that accept it; Gemini 3 gets
   * {@code thinkingLevel} unless the source was Google's own budget or include-thoughts form; Gemini 2.5
   * and unknown models get {@code thinkingBudget} (1024 when no budget is known).
   */
  static Optional<JsonObject> thinkingConfig(Reasoning r, Optional<String> model) {
    GoogleRules.ThinkingStyle style = GoogleRules.thinkingStyle(model);
    Optional<ReasoningCanonical> canonical = r.canonical();
    if (r.isEffectivelyDisabled()) {
      // An opt-out must send thinkingBudget: 0, otherwise Gemini thinks by default; only some models
      // accept 0.
      if (r.enabled().equals(Optional.of(false))
          && style == GoogleRules.ThinkingStyle.THINKING_BUDGET
          && GoogleRules.supportsDisablingThinking(model)) {
        return Optional.of(
            JsonObject.builder().put("includeThoughts", false).put("thinkingBudget", 0).build());
      }
      return Optional.empty();
    }
    if (canonical.equals(Optional.of(ReasoningCanonical.GOOGLE_INCLUDE_THOUGHTS))) {
      return Optional.of(JsonObject.of("includeThoughts", JsonValue.of(true)));
    }
    if (style == GoogleRules.ThinkingStyle.THINKING_LEVEL) {
      if (canonical.equals(Optional.of(ReasoningCanonical.GOOGLE_THINKING_BUDGET))
          && r.budgetTokens().isPresent()) {
        return Optional.of(
            JsonObject.builder()
                .put("includeThoughts", true)
                .put("thinkingBudget", r.budgetTokens().get())
                .build());
      }
      String level =
          r.effort().map(GoogleRules::effortToThinkingLevel).orElse("HIGH");
      return Optional.of(
          JsonObject.builder().put("includeThoughts", true).put("thinkingLevel", level).build());
    }
    return Optional.of(
        JsonObject.builder()
            .put("includeThoughts", true)
            .put("thinkingBudget", r.budgetTokens().orElse(Reasoning.MIN_THINKING_BUDGET))
            .build());
  }

  /**
   * Fills empty tool-result names from the earlier tool calls with the same id: Gemini requires
   * {@code functionResponse.name}, which Chat and Anthropic results do not carry.
   */
  static List<Message> fillToolNamesFromContext(List<Message> messages) {
    Map<String, String> names = null;
    for (Message m : messages) {
      if (m.role() == Role.ASSISTANT && !m.stringContent()) {
        for (Part p : m.content()) {
          if (p instanceof ToolCallPart c && !c.toolName().isEmpty()) {
            if (names == null) {
              names = new HashMap<>();
            }
            names.put(c.toolCallId(), c.toolName());
          }
        }
      }
    }
    if (names == null) {
      return messages;
    }
    List<Message> out = null;
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (m.role() != Role.TOOL) {
        continue;
      }
      List<Part> parts = null;
      for (int j = 0; j < m.content().size(); j++) {
        Part p = m.content().get(j);
        if (p instanceof ToolResultPart r && r.toolName().isEmpty()) {
          String name = names.get(r.toolCallId());
          if (name != null) {
            if (parts == null) {
              parts = new ArrayList<>(m.content());
            }
            parts.set(j, r.toBuilder().toolName(name).build());
          }
        }
      }
      if (parts != null) {
        if (out == null) {
          out = new ArrayList<>(messages);
        }
        out.set(i, m.withParts(parts));
      }
    }
    return out == null ? messages : out;
  }

  /**
   * Gives transferred function-call history the dummy thought signature Gemini 3 documents: in the
   * current turn (after the last user message), the first call of each assistant step that is answered by
   * a later tool result gets {@link GoogleRules#DUMMY_THOUGHT_SIGNATURE} when it has no signature. Only
   * the first call of a step is validated, so parallel siblings stay unsigned.
   */
  static List<Message> addDummyThoughtSignatures(List<Message> messages) {
    int turnStart = -1;
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Role.USER) {
        turnStart = i;
        break;
      }
    }
    if (turnStart < 0) {
      return messages;
    }
    Set<String> laterResults = new HashSet<>();
    List<Message> out = null;
    for (int i = messages.size() - 1; i > turnStart; i--) {
      Message m = messages.get(i);
      if (m.role() == Role.TOOL) {
        for (Part p : m.content()) {
          if (p instanceof ToolResultPart r) {
            laterResults.add(r.toolCallId());
          }
        }
      } else if (m.role() == Role.ASSISTANT && !m.stringContent()) {
        for (int j = 0; j < m.content().size(); j++) {
          if (m.content().get(j) instanceof ToolCallPart c && laterResults.contains(c.toolCallId())) {
            if (c.encryptedContent().isEmpty()) {
              List<Part> parts = new ArrayList<>(m.content());
              parts.set(
                  j, c.toBuilder().encryptedContent(GoogleRules.DUMMY_THOUGHT_SIGNATURE).build());
              if (out == null) {
                out = new ArrayList<>(messages);
              }
              out.set(i, m.withParts(parts));
            }
            break;
          }
        }
      }
    }
    return out == null ? messages : out;
  }
}
