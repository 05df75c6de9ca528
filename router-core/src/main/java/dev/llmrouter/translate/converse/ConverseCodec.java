package dev.llmrouter.translate.converse;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.FormatCodec;
import dev.llmrouter.translate.ir.BuiltinToolProvider;
import dev.llmrouter.translate.ir.FinishReason;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TokenBudget;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolChoice;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolChoiceMode;
import dev.llmrouter.translate.ir.ToolKind;
import dev.llmrouter.translate.ir.ToolResultPart;
import dev.llmrouter.translate.ir.UniversalParams;
import dev.llmrouter.translate.ir.UniversalRequest;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.ir.UniversalUsage;
import dev.llmrouter.translate.rules.ConverseRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS Bedrock Converse codec (lingua's providers/bedrock: adapter.rs, convert.rs, params.rs): requests
 * ({@code modelId}, {@code messages}, {@code inferenceConfig}, {@code toolConfig},
 * {@code additionalModelRequestFields.thinking}), responses ({@code output.message}, {@code stopReason},
 * {@code usage}) and stream events (objects keyed by event name, as the AWS event-stream decoder emits them).
 *
 * <p>Written requests follow lingua except for three deliberate deviations: system and developer messages
 * become the top-level {@code system} blocks (lingua writes a user turn prefixed {@code "System: "}),
 * cache breakpoints become {@code cachePoint} blocks on models that take them (lingua drops them), and the
 * tool choice becomes {@code toolConfig.toolChoice} on models that take it (lingua drops it, so a forced
 * tool reached Bedrock unforced); tool results are grouped into user turns; files are refused; images are
 * written as {@code {format, source: {bytes}}} even when they are URLs; sampling parameters are stripped
 * by {@link ConverseRules}. Responses carry no model.
 *
 * <p>Beyond lingua, reading keeps what lingua drops, so that messages converted to the IR and back are
 * unchanged: images, documents, separate text blocks, text next to tool results, rich tool results, extra
 * {@code toolUse} keys; and, for Converse targets, {@code toolChoice} and the typed-but-ignored fields
 * ({@code guardrailConfig}, {@code promptVariables}, {@code additionalModelResponseFieldPaths}, the rest of
 * {@code additionalModelRequestFields}), which travel in this format's extras. The top-level
 * {@code system} prompt is read as a system message (lingua ignores it) and written back as
 * {@code system}; a {@code cachePoint} block becomes a cache breakpoint on the text before it. Blocks the
 * IR cannot hold at all (video, guard content) are refused, as lingua refuses them.
 */
public final class ConverseCodec implements FormatCodec {

  /** Request keys read into canonical fields (everything else is kept in the extras). */
  private static final Set<String> CANONICAL_KEYS =
      Set.of(
          "modelId",
          "messages",
          "system",
          "inferenceConfig",
          "toolConfig",
          "additionalModelRequestFields");

  private static final String TOOL_CONFIG = "toolConfig";
  private static final String ADDITIONAL_FIELDS = "additionalModelRequestFields";

  @Override
  public ProviderFormat format() {
    return ProviderFormat.CONVERSE;
  }

  // =============================================================================================
  // Requests
  // =============================================================================================

  /** A Converse request has a string {@code modelId} and a {@code messages} array. */
  @Override
  public boolean detectRequest(JsonObject body) {
    return body.getOrNull("modelId") instanceof JsonString && body.getOrNull("messages") instanceof JsonArray;
  }

  @Override
  public UniversalRequest requestToUniversal(JsonObject body) {
    JsonValue modelValue = body.getOrNull("modelId");
    String model = null;
    if (modelValue instanceof JsonString s) {
      model = s.value();
    } else if (modelValue != null && !modelValue.isNull()) {
      throw new TranslationException(
          "Bedrock Converse: invalid type: " + modelValue.kind() + ", expected a string (field modelId)");
    }
    JsonValue messagesValue = body.getOrNull("messages");
    if (messagesValue == null || messagesValue.isNull()) {
      throw new TranslationException("Bedrock: missing 'messages' field");
    }
    if (!(messagesValue instanceof JsonArray messagesArray)) {
      throw new TranslationException(
          "Bedrock Converse: invalid type: " + messagesValue.kind() + ", expected an array (field messages)");
    }
    List<Message> converted = ConverseMessages.toUniversal(messagesArray);
    List<Message> messages = converted;
    Optional<Message> system = ConverseMessages.systemToUniversal(body.getOrNull("system"));
    if (system.isPresent()) {
      messages = new ArrayList<>(converted.size() + 1);
      messages.add(system.get());
      messages.addAll(converted);
    }

    UniversalParams.Builder params = UniversalParams.builder();
    JsonObject.Builder extras = JsonObject.builder();
    readInferenceConfig(body.getOrNull("inferenceConfig"), params);
    readToolConfig(body.getOrNull(TOOL_CONFIG), params, extras);
    readAdditionalFields(body.getOrNull(ADDITIONAL_FIELDS), params, extras);
    for (Map.Entry<String, JsonValue> e : body.members().entrySet()) {
      if (!CANONICAL_KEYS.contains(e.getKey())) {
        extras.put(e.getKey(), e.getValue());
      }
    }
    if (!extras.isEmpty()) {
      params.extras(ProviderFormat.CONVERSE, extras.build());
    }
    return UniversalRequest.of(model, messages, params.build());
  }

  /** {@code inferenceConfig}: maxTokens, temperature, topP, stopSequences (lingua's typed view). */
  private static void readInferenceConfig(JsonValue value, UniversalParams.Builder params) {
    if (value == null || value.isNull()) {
      return;
    }
    JsonObject config = ConverseMessages.object(value, "inferenceConfig");
    JsonValue maxTokens = config.getOrNull("maxTokens");
    if (maxTokens != null && !maxTokens.isNull()) {
      long max =
          LinguaJson.i64(maxTokens)
              .filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)
              .orElseThrow(() -> invalidType(maxTokens, "an i32", "inferenceConfig.maxTokens"));
      params.tokenBudget(TokenBudget.outputTokens(max));
    }
    params.temperature(number(config.getOrNull("temperature"), "inferenceConfig.temperature"));
    params.topP(number(config.getOrNull("topP"), "inferenceConfig.topP"));
    JsonValue stop = config.getOrNull("stopSequences");
    if (stop != null && !stop.isNull()) {
      if (!(stop instanceof JsonArray a)) {
        throw invalidType(stop, "an array of strings", "inferenceConfig.stopSequences");
      }
      List<String> sequences = new ArrayList<>(a.size());
      for (JsonValue s : a) {
        if (!(s instanceof JsonString str)) {
          throw invalidType(s, "a string", "inferenceConfig.stopSequences");
        }
        sequences.add(str.value());
      }
      params.stop(sequences);
    }
  }

  private static Double number(JsonValue v, String field) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    throw invalidType(v, "a number", field);
  }

  /**
   * {@code toolConfig.tools[].toolSpec} as function tools; a tool list without any toolSpec is kept as an
   * opaque Converse builtin holding the whole {@code toolConfig} (lingua). {@code toolChoice} ({@code
   * {auto: {}}}, {@code {any: {}}}, {@code {tool: {name}}}) becomes the canonical tool choice, and is kept
   * raw in the extras so that a Converse target gets it back (lingua drops it).
   */
  private static void readToolConfig(
      JsonValue value, UniversalParams.Builder params, JsonObject.Builder extras) {
    if (value == null || value.isNull()) {
      return;
    }
    JsonObject config = ConverseMessages.object(value, TOOL_CONFIG);
    JsonArray tools = ConverseMessages.requiredArray(config, "tools", TOOL_CONFIG);
    List<Tool> out = new ArrayList<>(tools.size());
    for (int i = 0; i < tools.size(); i++) {
      Object field = ConverseMessages.FieldPath.of("toolConfig.tools", i);
      JsonObject tool = ConverseMessages.object(tools.get(i), field);
      JsonValue specValue = tool.getOrNull("toolSpec");
      if (specValue == null) {
        throw new TranslationException(
            "Bedrock Converse: only toolSpec tools can be translated (field " + field + ")");
      }
      Object specField = ConverseMessages.FieldPath.of(field, "toolSpec");
      JsonObject spec = ConverseMessages.object(specValue, specField);
      String name = ConverseMessages.requiredString(spec, "name", specField);
      Optional<String> description = spec.getString("description");
      Optional<JsonValue> parameters =
          spec.getObject("inputSchema").flatMap(s -> s.get("json"));
      out.add(Tool.function(name, description, parameters, Optional.empty()));
    }
    if (out.isEmpty()) {
      out.add(
          Tool.builtin(
              "bedrock_tool_config", BuiltinToolProvider.CONVERSE, "tool_config", Optional.of(config)));
    }
    params.tools(out);
    JsonValue choice = config.getOrNull("toolChoice");
    if (choice != null && !choice.isNull()) {
      params.toolChoice(toolChoice(choice));
      extras.put(TOOL_CONFIG, JsonObject.of("toolChoice", choice));
    }
  }

  private static ToolChoice toolChoice(JsonValue value) {
    JsonObject choice = ConverseMessages.object(value, "toolConfig.toolChoice");
    if (choice.has("auto")) {
      return ToolChoice.of(ToolChoiceMode.AUTO);
    }
    if (choice.has("any")) {
      return ToolChoice.of(ToolChoiceMode.REQUIRED);
    }
    if (choice.getOrNull("tool") instanceof JsonObject tool) {
      return ToolChoice.tool(
          ConverseMessages.requiredString(tool, "name", "toolConfig.toolChoice.tool"));
    }
    throw new TranslationException(
        "Bedrock Converse: toolChoice must be {auto: {}}, {any: {}} or {tool: {name}} (field "
            + "toolConfig.toolChoice)");
  }

  /**
   * {@code additionalModelRequestFields.thinking} (Anthropic's thinking object) as the reasoning config;
   * as in lingua, a thinking value that does not parse gives no reasoning. The other members (and an
   * unparsed thinking) are kept in the extras for Converse targets.
   */
  private static void readAdditionalFields(
      JsonValue value, UniversalParams.Builder params, JsonObject.Builder extras) {
    if (value == null || value.isNull()) {
      return;
    }
    if (!(value instanceof JsonObject fields)) {
      extras.put(ADDITIONAL_FIELDS, value);
      return;
    }
    JsonValue thinking = fields.getOrNull("thinking");
    JsonObject rest = fields;
    if (thinking != null) {
      try {
        params.reasoning(Reasoning.fromAnthropicThinking(thinking));
        rest = fields.without("thinking");
      } catch (TranslationException e) {
        // lingua ignores a thinking value it cannot read (the raw value stays in the extras).
      }
    }
    if (!rest.isEmpty()) {
      extras.put(ADDITIONAL_FIELDS, rest);
    }
  }

  @Override
  public JsonObject requestFromUniversal(UniversalRequest request) {
    String model =
        request
            .model()
            .orElseThrow(() -> new TranslationException("Bedrock Converse: missing model (field modelId)"));
    boolean cachePoints = ConverseRules.supportsCachePoints(model);
    List<Message> systemMessages = new ArrayList<>();
    List<Message> conversation = new ArrayList<>(request.messages().size());
    for (Message m : request.messages()) {
      if (m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER) {
        systemMessages.add(m);
      } else {
        conversation.add(m);
      }
    }
    JsonArray messages = ConverseMessages.fromUniversal(conversation, cachePoints);
    if (messages.isEmpty() && !conversation.isEmpty()) {
      throw new TranslationException(
          "Bedrock Converse does not support dynamic tool discovery history without at least one "
              + "non-discovery content message.");
    }
    UniversalParams params = request.params();
    JsonObject.Builder out = JsonObject.builder().put("modelId", model).put("messages", messages);
    if (!systemMessages.isEmpty()) {
      out.put("system", ConverseMessages.systemBlocks(systemMessages, cachePoints));
    }

    Optional<JsonValue> thinking = params.reasoningFor(ProviderFormat.CONVERSE);
    boolean thinkingEnabled =
        thinking.isPresent()
            && thinking.get() instanceof JsonObject t
            && "enabled".equals(t.getString("type").orElse(null));
    Set<ConverseRules.SamplingParam> stripped = ConverseRules.strippedParams(model, thinkingEnabled);
    Optional<Double> temperature =
        stripped.contains(ConverseRules.SamplingParam.TEMPERATURE) ? Optional.empty() : params.temperature();
    Optional<Double> topP =
        stripped.contains(ConverseRules.SamplingParam.TOP_P) ? Optional.empty() : params.topP();
    Optional<Long> maxTokens = params.outputTokenBudget();
    if (temperature.isPresent() || topP.isPresent() || maxTokens.isPresent() || params.stop().isPresent()) {
      JsonObject.Builder config = JsonObject.builder();
      maxTokens.ifPresent(v -> config.put("maxTokens", v));
      temperature.ifPresent(v -> config.put("temperature", JsonNumber.of(v)));
      topP.ifPresent(v -> config.put("topP", JsonNumber.of(v)));
      params.stop().ifPresent(s -> config.put("stopSequences", JsonArray.ofStrings(s)));
      out.put("inferenceConfig", config.build());
    }

    Optional<JsonObject> extras = params.extrasFor(ProviderFormat.CONVERSE);
    params
        .tools()
        .flatMap(tools -> toolConfig(tools, extras, params.toolChoice(), model, request.messages()))
        .ifPresent(c -> out.put(TOOL_CONFIG, c));

    if (thinking.isPresent()) {
      JsonObject.Builder fields = JsonObject.builder();
      extras.flatMap(e -> e.getObject(ADDITIONAL_FIELDS)).ifPresent(fields::putAll);
      fields.put("thinking", thinking.get());
      out.put(ADDITIONAL_FIELDS, fields.build());
    }

    // Converse extras come back only to Converse; canonical fields already written win.
    if (extras.isPresent()) {
      for (Map.Entry<String, JsonValue> e : extras.get().members().entrySet()) {
        if (!out.has(e.getKey()) && !e.getKey().equals(TOOL_CONFIG)) {
          out.put(e.getKey(), e.getValue());
        }
      }
    }
    return out.build();
  }

  /**
   * The {@code toolConfig}: a Converse builtin's raw config when there is one; otherwise the function
   * tools as toolSpecs (custom tools and other providers' builtins have no Converse form and are dropped,
   * as in lingua), with the tool choice: a Converse request's own {@code toolChoice} as it came, otherwise
   * the canonical choice (see {@link #converseToolChoice}). lingua writes none, so a forced tool reached
   * Bedrock unforced.
   */
  private static Optional<JsonObject> toolConfig(
      List<Tool> tools,
      Optional<JsonObject> extras,
      Optional<ToolChoice> choice,
      String model,
      List<Message> messages) {
    for (Tool tool : tools) {
      if (tool.kind() instanceof ToolKind.Builtin b
          && b.provider() == BuiltinToolProvider.CONVERSE
          && b.config().orElse(null) instanceof JsonObject config) {
        return Optional.of(config);
      }
    }
    JsonArray.Builder specs = JsonArray.builder();
    for (Tool tool : tools) {
      if (!tool.isFunction()) {
        continue;
      }
      JsonObject spec =
          JsonObject.builder()
              .put("name", tool.name())
              // lingua writes the description even when absent (as null).
              .put(
                  "description",
                  tool.description().<JsonValue>map(JsonString::of).orElse(JsonValue.nullValue()))
              .put("inputSchema", JsonObject.of("json", tool.parameters().orElse(JsonObject.empty())))
              .build();
      specs.add(JsonObject.of("toolSpec", spec));
    }
    if (specs.isEmpty()) {
      return Optional.empty();
    }
    Optional<JsonValue> raw = extras.flatMap(e -> e.getObject(TOOL_CONFIG)).flatMap(c -> c.get("toolChoice"));
    Optional<ToolChoiceMode> mode = choice.flatMap(ToolChoice::mode);
    if (raw.isEmpty() && mode.isPresent() && mode.get() == ToolChoiceMode.NONE && !hasToolTurns(messages)) {
      // Converse has no "none": leaving the tools out is the faithful form, unless earlier turns use
      // tools (Bedrock then requires the toolConfig, and the choice cannot be expressed).
      return Optional.empty();
    }
    JsonObject.Builder config = JsonObject.builder().put("tools", specs.build());
    Optional<JsonValue> converted = raw.isPresent() ? raw : choice.flatMap(c -> converseToolChoice(c, model));
    converted.ifPresent(c -> config.put("toolChoice", c));
    return Optional.of(config.build());
  }

  /**
   * The canonical tool choice as Converse's {@code toolChoice}: auto as {@code {auto: {}}}, required as
   * {@code {any: {}}}, one tool as {@code {tool: {name}}}. Auto is written only for models known to take
   * a toolChoice (it is everyone's default); a forced choice for a model family known to reject the field
   * is a client error rather than a silently unforced request, and for unrecognized ids (inference profile
   * ARNs) it is sent. None has no Converse form (see {@link #toolConfig}).
   */
  private static Optional<JsonValue> converseToolChoice(ToolChoice choice, String model) {
    if (choice.mode().isEmpty()) {
      return Optional.empty();
    }
    ToolChoiceMode mode = choice.mode().get();
    if (mode == ToolChoiceMode.NONE) {
      return Optional.empty();
    }
    if (mode == ToolChoiceMode.AUTO && !ConverseRules.supportsToolChoice(model)) {
      return Optional.empty(); // the default everywhere: nothing is lost by leaving it out
    }
    if (ConverseRules.rejectsToolChoice(model)) {
      throw new TranslationException(
          "Bedrock Converse: model '"
              + model
              + "' does not take a toolChoice (AWS supports it for Claude, Nova and Mistral Large), so "
              + "a forced tool choice cannot be honoured (field tool_choice)");
    }
    switch (mode) {
      case AUTO:
        return Optional.of(JsonObject.of("auto", JsonObject.empty()));
      case REQUIRED:
        return Optional.of(JsonObject.of("any", JsonObject.empty()));
      default:
        if (choice.toolName().isEmpty()) {
          return Optional.of(JsonObject.of("any", JsonObject.empty()));
        }
        return Optional.of(
            JsonObject.of("tool", JsonObject.of("name", JsonString.of(choice.toolName().get()))));
    }
  }

  private static boolean hasToolTurns(List<Message> messages) {
    for (Message m : messages) {
      for (Part p : m.parts()) {
        if (p instanceof ToolCallPart || p instanceof ToolResultPart) {
          return true;
        }
      }
    }
    return false;
  }

  // =============================================================================================
  // Responses
  // =============================================================================================

  /** A Converse response has {@code output.message}. */
  @Override
  public boolean detectResponse(JsonObject body) {
    return body.getOrNull("output") instanceof JsonObject output && output.has("message");
  }

  @Override
  public UniversalResponse responseToUniversal(JsonObject body) {
    JsonValue output = body.getOrNull("output");
    if (output == null) {
      throw new TranslationException("missing output");
    }
    JsonObject outputObject = ConverseMessages.object(output, "output");
    JsonValue messageValue = outputObject.getOrNull("message");
    if (messageValue == null) {
      throw new TranslationException("missing output.message");
    }
    JsonObject message = ConverseMessages.object(messageValue, "output.message");
    ConverseMessages.requiredString(message, "role", "output.message");
    JsonArray content = ConverseMessages.requiredArray(message, "content", "output.message");
    Message assistant = ConverseMessages.assistantToUniversal(content, "output.message.content");

    Optional<FinishReason> finish = body.getString("stopReason").map(FinishReason::parse);
    return UniversalResponse.builder()
        .id(UniversalResponse.extractIdFromPayload(body).orElse(null))
        .idFormat(ProviderFormat.CONVERSE)
        .messages(List.of(assistant))
        .usage(UniversalUsage.extractFromResponse(body, ProviderFormat.CONVERSE).orElse(null))
        .servedServiceTier(
            ConverseStream.servedTierOf(body.getOrNull("serviceTier"), "serviceTier").orElse(null))
        .finishReason(finish.orElse(null))
        .finishReasons(finish.map(List::of).orElse(List.of()))
        .build();
  }

  /**
   * The response body. lingua writes the first message only; here, when the response is one answer (at
   * most one finish reason, e.g. a Responses reply whose reasoning and text are separate output items),
   * the blocks of all its assistant messages are joined into the one Converse message, and only for
   * several choices is the first one taken.
   */
  @Override
  public JsonObject responseFromUniversal(UniversalResponse response) {
    List<Message> messages = response.messages();
    if (messages.isEmpty()) {
      throw new TranslationException("Bedrock Converse: the response has no messages");
    }
    JsonArray.Builder blocks = JsonArray.builder();
    boolean oneAnswer = response.finishReasons().size() <= 1;
    boolean any = false;
    for (Message m : messages) {
      if (m.role() != Role.ASSISTANT) {
        continue;
      }
      ConverseMessages.appendAssistantBlocks(m, false, blocks);
      any = true;
      if (!oneAnswer) {
        break;
      }
    }
    if (!any) {
      throw new TranslationException(
          "Bedrock Converse: only assistant messages can be written as a Converse response");
    }
    JsonObject message =
        JsonObject.builder().put("role", "assistant").put("content", blocks.build()).build();
    JsonObject.Builder out =
        JsonObject.builder()
            .put("output", JsonObject.of("message", message))
            .put(
                "stopReason",
                response
                    .finishReason()
                    .map(f -> f.toProviderString(ProviderFormat.CONVERSE))
                    .orElse("end_turn"));
    response.usage().ifPresent(u -> out.put("usage", u.toProviderValue(ProviderFormat.CONVERSE)));
    response
        .servedServiceTier()
        .flatMap(ConverseStream::serviceTierValue)
        .ifPresent(t -> out.put("serviceTier", t));
    return out.build();
  }

  // =============================================================================================
  // Streams
  // =============================================================================================

  /** A Converse stream event: one of the six event keys with a well-formed body. */
  @Override
  public boolean detectStreamEvent(JsonObject event) {
    return ConverseStream.kind(event).isPresent();
  }

  @Override
  public Optional<UniversalStreamChunk> streamToUniversal(JsonObject event) {
    return ConverseStream.toUniversal(event);
  }

  @Override
  public JsonObject streamFromUniversal(UniversalStreamChunk chunk) {
    return ConverseStream.fromUniversal(chunk);
  }

  // =============================================================================================

  private static TranslationException invalidType(JsonValue v, String expected, String field) {
    return new TranslationException(
        "Bedrock Converse: invalid type: " + v.kind() + ", expected " + expected + " (field " + field + ")");
  }
}
