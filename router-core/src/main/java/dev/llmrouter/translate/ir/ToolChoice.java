package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Optional;

/**
 * Canonical tool choice: a mode plus, for {@link ToolChoiceMode#TOOL}, the tool's name (lingua's
 * {@code ToolChoiceConfig} and universal/tool_choice.rs).
 *
 * <p>Mapping: Chat {@code "auto"|"none"|"required"|{type:function,function:{name}}}; Responses
 * {@code "auto"|"none"|"required"|{type:function,name}}; Anthropic {@code {type:auto|none|any|tool, name?,
 * disable_parallel_tool_use?}}; Google {@code functionCallingConfig} AUTO/ANY/NONE (+ allowed names).
 * Bedrock has no mapping.
 *
 * @param mode the selection mode
 * @param toolName the required tool, for mode TOOL
 */
public record ToolChoice(Optional<ToolChoiceMode> mode, Optional<String> toolName) {

  /** No tool choice (lingua's {@code ToolChoiceConfig::default()}). */
  public static final ToolChoice EMPTY = new ToolChoice(Optional.empty(), Optional.empty());

  /** Normalizes null optionals. */
  public ToolChoice {
    mode = LinguaJson.opt(mode);
    toolName = LinguaJson.opt(toolName);
  }

  /** A choice of a mode without a tool name. */
  public static ToolChoice of(ToolChoiceMode mode) {
    return new ToolChoice(Optional.of(mode), Optional.empty());
  }

  /** A choice of one named tool. */
  public static ToolChoice tool(String name) {
    return new ToolChoice(Optional.of(ToolChoiceMode.TOOL), Optional.of(name));
  }

  // ---------------------------------------------------------------------------------------------
  // From provider values
  // ---------------------------------------------------------------------------------------------

  /**
   * Parses a provider's raw {@code tool_choice} (lingua's {@code TryFrom<(ProviderFormat, &Value)>}): Chat,
   * Responses and Anthropic are read; other formats give {@link #EMPTY}.
   *
   * @throws TranslationException for an unknown mode or object type
   */
  public static ToolChoice fromProvider(ProviderFormat format, JsonValue value) {
    switch (format) {
      case OPENAI:
        return fromOpenAIChat(value);
      case RESPONSES:
        return fromResponses(value);
      case ANTHROPIC:
        return fromAnthropic(value);
      default:
        return EMPTY;
    }
  }

  /**
   * Parses Chat's {@code tool_choice}: a mode string, or {@code {type: "function", function: {name}}}
   * (a missing type is accepted). Other JSON types give {@link #EMPTY}.
   *
   * @throws TranslationException for an unknown mode string or object type
   */
  public static ToolChoice fromOpenAIChat(JsonValue value) {
    if (value instanceof JsonString s) {
      return of(ToolChoiceMode.parse(s.value(), "tool_choice"));
    }
    if (value instanceof JsonObject o) {
      checkFunctionType(o);
      Optional<String> name =
          o.getObject("function").flatMap(f -> f.getString("name"));
      return new ToolChoice(Optional.of(ToolChoiceMode.TOOL), name);
    }
    return EMPTY;
  }

  /**
   * Parses Responses' {@code tool_choice}: a mode string, or {@code {type: "function", name}}.
   *
   * @throws TranslationException for an unknown mode string or object type
   */
  public static ToolChoice fromResponses(JsonValue value) {
    if (value instanceof JsonString s) {
      return of(ToolChoiceMode.parse(s.value(), "tool_choice"));
    }
    if (value instanceof JsonObject o) {
      Optional<String> name = o.getString("name");
      checkFunctionType(o);
      return new ToolChoice(Optional.of(ToolChoiceMode.TOOL), name);
    }
    return EMPTY;
  }

  private static void checkFunctionType(JsonObject o) {
    Optional<String> type = o.getString("type");
    if (type.isPresent() && !type.get().equals("function")) {
      throw new TranslationException(
          "unrecognized tool_choice type: '" + type.get() + "' (field tool_choice.type)");
    }
  }

  /**
   * Parses Anthropic's typed {@code tool_choice} ({@code type} one of auto/none/any/tool, optional
   * {@code name}; {@code disable_parallel_tool_use} is read separately by the codec).
   *
   * @throws TranslationException when it is not such an object
   */
  public static ToolChoice fromAnthropic(JsonValue value) {
    if (!(value instanceof JsonObject o)) {
      throw new TranslationException(
          "invalid type: " + value.kind() + ", expected struct ToolChoice (field tool_choice)");
    }
    JsonValue type = o.getOrNull("type");
    if (type == null) {
      throw new TranslationException("missing field `type` (field tool_choice.type)");
    }
    ToolChoiceMode mode;
    switch (type.asString().orElse("")) {
      case "auto":
        mode = ToolChoiceMode.AUTO;
        break;
      case "none":
        mode = ToolChoiceMode.NONE;
        break;
      case "any":
        mode = ToolChoiceMode.REQUIRED;
        break;
      case "tool":
        mode = ToolChoiceMode.TOOL;
        break;
      default:
        throw new TranslationException(
            "unknown variant "
                + type.toJson()
                + ", expected one of `any`, `auto`, `tool`, `none` (field tool_choice.type)");
    }
    JsonValue name = o.getOrNull("name");
    if (name != null && !name.isNull() && !(name instanceof JsonString)) {
      throw new TranslationException(
          "invalid type: " + name.kind() + ", expected a string (field tool_choice.name)");
    }
    JsonValue dp = o.getOrNull("disable_parallel_tool_use");
    if (dp != null && !dp.isNull() && dp.asBoolean().isEmpty()) {
      throw new TranslationException(
          "invalid type: "
              + dp.kind()
              + ", expected a boolean (field tool_choice.disable_parallel_tool_use)");
    }
    return new ToolChoice(Optional.of(mode), o.getString("name"));
  }

  /**
   * Reads Google's {@code toolConfig}: {@code functionCallingConfig.mode} AUTO / VALIDATED /
   * MODE_UNSPECIFIED become auto, ANY becomes required (or tool, when exactly one allowed function name is
   * given), NONE becomes none.
   *
   * @throws TranslationException for an unknown mode
   */
  public static ToolChoice fromGoogle(JsonObject toolConfig) {
    Optional<JsonObject> fcc = toolConfig.getObject("functionCallingConfig");
    if (fcc.isEmpty()) {
      return EMPTY;
    }
    JsonValue modeValue = fcc.get().getOrNull("mode");
    if (modeValue == null || modeValue.isNull()) {
      return EMPTY;
    }
    String m = modeValue.asString().orElse(null);
    ToolChoiceMode mode;
    if ("AUTO".equals(m) || "VALIDATED".equals(m) || "MODE_UNSPECIFIED".equals(m)) {
      mode = ToolChoiceMode.AUTO;
    } else if ("ANY".equals(m)) {
      mode = ToolChoiceMode.REQUIRED;
    } else if ("NONE".equals(m)) {
      mode = ToolChoiceMode.NONE;
    } else {
      throw new TranslationException(
          "unknown variant "
              + modeValue.toJson()
              + " (field toolConfig.functionCallingConfig.mode)");
    }
    if (mode == ToolChoiceMode.REQUIRED) {
      Optional<JsonArray> names = fcc.get().getArray("allowedFunctionNames");
      if (names.isPresent() && names.get().size() == 1 && names.get().get(0) instanceof JsonString s) {
        return tool(s.value());
      }
    }
    return of(mode);
  }

  // ---------------------------------------------------------------------------------------------
  // To provider values
  // ---------------------------------------------------------------------------------------------

  /**
   * This choice for {@code format} (lingua's {@code to_provider}): Chat, Responses and Anthropic (where
   * {@code parallelToolCalls == false} adds {@code disable_parallel_tool_use}); other formats give empty.
   */
  public Optional<JsonValue> toProvider(ProviderFormat format, Optional<Boolean> parallelToolCalls) {
    switch (format) {
      case OPENAI:
        return toOpenAIChat();
      case RESPONSES:
        return toResponses();
      case ANTHROPIC:
        return toAnthropic(parallelToolCalls).map(o -> o);
      default:
        return Optional.empty();
    }
  }

  /** Chat's {@code tool_choice}; empty without a mode, or for TOOL without a name. */
  public Optional<JsonValue> toOpenAIChat() {
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    if (mode.get() != ToolChoiceMode.TOOL) {
      return Optional.of(JsonString.of(mode.get().openAIString()));
    }
    return toolName.map(
        n ->
            JsonObject.builder()
                .put("type", "function")
                .put("function", JsonObject.of("name", JsonString.of(n)))
                .build());
  }

  /** Responses' {@code tool_choice}; empty without a mode, or for TOOL without a name. */
  public Optional<JsonValue> toResponses() {
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    if (mode.get() != ToolChoiceMode.TOOL) {
      return Optional.of(JsonString.of(mode.get().openAIString()));
    }
    return toolName.map(n -> JsonObject.builder().put("type", "function").put("name", n).build());
  }

  /**
   * Anthropic's {@code tool_choice}. {@code parallelToolCalls == false} sets
   * {@code disable_parallel_tool_use: true}, synthesizing an {@code auto} choice when there is no mode.
   * Empty without a mode (and parallel calls not disabled), or for TOOL without a name.
   */
  public Optional<JsonObject> toAnthropic(Optional<Boolean> parallelToolCalls) {
    boolean disableParallel = parallelToolCalls != null && parallelToolCalls.equals(Optional.of(false));
    ToolChoiceMode m;
    if (mode.isPresent()) {
      m = mode.get();
    } else if (disableParallel) {
      m = ToolChoiceMode.AUTO;
    } else {
      return Optional.empty();
    }
    JsonObject.Builder b = JsonObject.builder();
    if (disableParallel) {
      b.put("disable_parallel_tool_use", true);
    }
    b.put("type", m.anthropicString());
    if (m == ToolChoiceMode.TOOL) {
      if (toolName.isEmpty()) {
        return Optional.empty();
      }
      b.put("name", toolName.get());
    }
    return Optional.of(b.build());
  }

  /**
   * Google's {@code toolConfig}: {@code {functionCallingConfig: {mode, allowedFunctionNames?}}}. Empty
   * without a mode or for TOOL without a name.
   */
  public Optional<JsonObject> toGoogle() {
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    JsonObject.Builder fcc = JsonObject.builder();
    switch (mode.get()) {
      case AUTO:
        fcc.put("mode", "AUTO");
        break;
      case REQUIRED:
        fcc.put("mode", "ANY");
        break;
      case NONE:
        fcc.put("mode", "NONE");
        break;
      default:
        if (toolName.isEmpty()) {
          return Optional.empty();
        }
        fcc.put("mode", "ANY");
        fcc.put("allowedFunctionNames", JsonArray.of(JsonString.of(toolName.get())));
        break;
    }
    return Optional.of(JsonObject.of("functionCallingConfig", fcc.build()));
  }
}
