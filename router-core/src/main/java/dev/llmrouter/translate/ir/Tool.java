package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool definition in universal form (lingua's {@code UniversalTool}).
 *
 * @param name the tool name (required for every kind)
 * @param description the description
 * @param parameters the parameters / input JSON Schema
 * @param strict strict schema validation (OpenAI)
 * @param availability immediate, or deferred until discovered (Responses {@code defer_loading})
 * @param allowedCallers which execution environments may call the tool
 * @param outputSchema the schema of the tool's result
 * @param kind function, custom (free-form) or a provider builtin
 */
public record Tool(
    String name,
    Optional<String> description,
    Optional<JsonValue> parameters,
    Optional<Boolean> strict,
    ToolAvailability availability,
    Optional<List<AllowedCaller>> allowedCallers,
    Optional<JsonValue> outputSchema,
    ToolKind kind) {

  /** Validates required fields, copies lists and normalizes null optionals. */
  public Tool {
    Objects.requireNonNull(name, "name");
    description = LinguaJson.opt(description);
    parameters = LinguaJson.opt(parameters);
    strict = LinguaJson.opt(strict);
    availability = availability == null ? ToolAvailability.IMMEDIATE : availability;
    allowedCallers = LinguaJson.opt(allowedCallers).map(List::copyOf);
    outputSchema = LinguaJson.opt(outputSchema);
    kind = kind == null ? ToolKind.FUNCTION : kind;
  }

  /** A function tool (lingua's {@code UniversalTool::function}). */
  public static Tool function(
      String name, Optional<String> description, Optional<JsonValue> parameters, Optional<Boolean> strict) {
    return new Tool(
        name,
        description,
        parameters,
        strict,
        ToolAvailability.IMMEDIATE,
        Optional.empty(),
        Optional.empty(),
        ToolKind.FUNCTION);
  }

  /** A custom (free-form) tool (lingua's {@code UniversalTool::custom}). */
  public static Tool custom(String name, Optional<String> description, Optional<JsonValue> format) {
    return new Tool(
        name,
        description,
        Optional.empty(),
        Optional.empty(),
        ToolAvailability.IMMEDIATE,
        Optional.empty(),
        Optional.empty(),
        new ToolKind.Custom(format));
  }

  /** A provider builtin tool (lingua's {@code UniversalTool::builtin}). */
  public static Tool builtin(
      String name, BuiltinToolProvider provider, String builtinType, Optional<JsonValue> config) {
    return new Tool(
        name,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ToolAvailability.IMMEDIATE,
        Optional.empty(),
        Optional.empty(),
        new ToolKind.Builtin(provider, builtinType, config));
  }

  /** Whether this is a function tool. */
  public boolean isFunction() {
    return kind instanceof ToolKind.Function;
  }

  /** Whether this is a custom (free-form) tool. */
  public boolean isCustom() {
    return kind instanceof ToolKind.Custom;
  }

  /** Whether this is a provider builtin. */
  public boolean isBuiltin() {
    return kind instanceof ToolKind.Builtin;
  }

  /** The builtin kind, when this is a builtin. */
  public Optional<ToolKind.Builtin> builtin() {
    return kind instanceof ToolKind.Builtin b ? Optional.of(b) : Optional.empty();
  }

  /** The builtin's provider, when this is a builtin. */
  public Optional<BuiltinToolProvider> builtinProvider() {
    return builtin().map(ToolKind.Builtin::provider);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this tool's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.description = description.orElse(null);
    b.parameters = parameters.orElse(null);
    b.strict = strict.orElse(null);
    b.availability = availability;
    b.allowedCallers = allowedCallers.orElse(null);
    b.outputSchema = outputSchema.orElse(null);
    b.kind = kind;
    return b;
  }

  // ---------------------------------------------------------------------------------------------
  // Conversions (lingua universal/tools.rs)
  // ---------------------------------------------------------------------------------------------

  /**
   * Fails when the tool carries Responses-only metadata ({@code allowed_callers}, {@code output_schema})
   * that {@code target} cannot express.
   *
   * @throws UnsupportedToolTypeException with tool type {@code allowed_callers} or {@code output_schema}
   */
  public void assertNoResponsesToolMetadata(ProviderFormat target) {
    if (allowedCallers.isPresent()) {
      throw new UnsupportedToolTypeException(name, "allowed_callers", target);
    }
    if (outputSchema.isPresent()) {
      throw new UnsupportedToolTypeException(name, "output_schema", target);
    }
  }

  /**
   * This tool as an OpenAI Chat Completions tool ({@code {type: function, function: {...}}} or
   * {@code {type: custom, custom: {...}}}). Builtins are refused except a Responses {@code web_search}
   * builtin, which is emitted from its raw config.
   *
   * @throws UnsupportedToolTypeException for builtins and Responses-only metadata
   * @throws TranslationException for a builtin whose config is missing or malformed
   */
  public JsonObject toOpenAIChat() {
    assertNoResponsesToolMetadata(ProviderFormat.OPENAI);
    if (kind instanceof ToolKind.Function) {
      JsonObject.Builder fn = JsonObject.builder().put("name", name);
      description.ifPresent(d -> fn.put("description", d));
      parameters.ifPresent(p -> fn.put("parameters", p));
      strict.ifPresent(s -> fn.put("strict", s));
      return JsonObject.builder().put("type", "function").put("function", fn.build()).build();
    }
    if (kind instanceof ToolKind.Custom c) {
      JsonObject.Builder custom = JsonObject.builder().put("name", name);
      description.ifPresent(d -> custom.put("description", d));
      c.format().ifPresent(f -> custom.put("format", f));
      return JsonObject.builder().put("type", "custom").put("custom", custom.build()).build();
    }
    ToolKind.Builtin b = (ToolKind.Builtin) kind;
    String type = b.builtinType();
    if (b.provider() == BuiltinToolProvider.RESPONSES
        && (type.equals("web_search") || type.equals("web_search_preview"))) {
      JsonValue config =
          b.config()
              .orElseThrow(
                  () -> missingField("config for OpenAI builtin chat tool '" + name + "'"));
      if (config instanceof JsonObject o) {
        return o;
      }
      throw new TranslationException(
          "JSON serialization failed for field 'OpenAI builtin chat tool '"
              + name
              + "'': expected an object, got "
              + config.kind());
    }
    if (b.provider() == BuiltinToolProvider.ANTHROPIC && type.equals("web_search_20250305")) {
      AnthropicWebSearch ws = anthropicWebSearchConfig(b);
      if (ws.allowedDomains.isPresent()) {
        throw new UnsupportedToolTypeException(name, "allowed_domains", ProviderFormat.OPENAI);
      }
      if (ws.blockedDomains.isPresent()) {
        throw new UnsupportedToolTypeException(name, "blocked_domains", ProviderFormat.OPENAI);
      }
      throw new UnsupportedToolTypeException(name, type, ProviderFormat.OPENAI);
    }
    if (b.provider() == BuiltinToolProvider.GOOGLE && type.equals("google_search")) {
      googleSearchConfig(b);
      throw new UnsupportedToolTypeException(name, type, ProviderFormat.OPENAI);
    }
    throw new UnsupportedToolTypeException(name, type, ProviderFormat.OPENAI);
  }

  /**
   * This tool as an OpenAI Responses tool. Responses builtins are emitted from their raw config; an
   * Anthropic {@code web_search_20250305} becomes {@code web_search} ({@code allowed_domains} as filters,
   * {@code user_location} mapped; {@code blocked_domains} is an error); Google {@code google_search}
   * becomes a bare {@code web_search}; Anthropic tool search becomes {@code tool_search}.
   *
   * @throws UnsupportedToolTypeException for other builtins of other providers
   * @throws TranslationException for a builtin whose config is missing or malformed
   */
  public JsonObject toResponses() {
    if (kind instanceof ToolKind.Function || kind instanceof ToolKind.Custom) {
      boolean fn = kind instanceof ToolKind.Function;
      JsonObject.Builder obj =
          JsonObject.builder().put("type", fn ? "function" : "custom").put("name", name);
      description.ifPresent(d -> obj.put("description", d));
      if (fn) {
        parameters.ifPresent(p -> obj.put("parameters", p));
        strict.ifPresent(s -> obj.put("strict", s));
      } else {
        ((ToolKind.Custom) kind).format().ifPresent(f -> obj.put("format", f));
      }
      if (availability == ToolAvailability.DEFERRED) {
        obj.put("defer_loading", true);
      }
      allowedCallers.ifPresent(
          callers -> {
            List<String> names = new ArrayList<>();
            for (AllowedCaller c : callers) {
              names.add(c.wire());
            }
            obj.put("allowed_callers", JsonArray.ofStrings(names));
          });
      outputSchema.ifPresent(s -> obj.put("output_schema", s));
      return obj.build();
    }
    ToolKind.Builtin b = (ToolKind.Builtin) kind;
    String type = b.builtinType();
    switch (b.provider()) {
      case RESPONSES:
        {
          JsonValue config =
              b.config()
                  .orElseThrow(
                      () -> missingField("config for Responses API builtin tool '" + name + "'"));
          if (config instanceof JsonObject o) {
            return o;
          }
          throw new TranslationException(
              "JSON serialization failed for field 'Responses API builtin tool '"
                  + name
                  + "'': expected an object, got "
                  + config.kind());
        }
      case ANTHROPIC:
        if (type.equals("web_search_20250305")) {
          AnthropicWebSearch ws = anthropicWebSearchConfig(b);
          if (ws.blockedDomains.isPresent()) {
            throw new UnsupportedToolTypeException(name, "blocked_domains", ProviderFormat.RESPONSES);
          }
          JsonObject.Builder out = JsonObject.builder().put("type", "web_search");
          ws.allowedDomains.ifPresent(
              d -> out.put("filters", JsonObject.of("allowed_domains", JsonArray.ofStrings(d))));
          ws.userLocation.ifPresent(loc -> out.put("user_location", responsesUserLocation(loc)));
          return out.build();
        }
        if (Tools.isAnthropicToolSearchBuiltinType(type)) {
          return JsonObject.of("type", JsonValue.of("tool_search"));
        }
        throw new UnsupportedToolTypeException(name, type, ProviderFormat.RESPONSES);
      case GOOGLE:
        if (type.equals("google_search")) {
          googleSearchConfig(b);
          return JsonObject.of("type", JsonValue.of("web_search"));
        }
        throw new UnsupportedToolTypeException(name, type, ProviderFormat.RESPONSES);
      default:
        throw new UnsupportedToolTypeException(name, type, ProviderFormat.RESPONSES);
    }
  }

  private static TranslationException missingField(String field) {
    return new TranslationException("Missing required field: " + field);
  }

  private TranslationException configError(String field, String error) {
    return new TranslationException(
        "JSON serialization failed for field '" + field + "': " + error);
  }

  /** The fields of an Anthropic web_search_20250305 definition that translation reads. */
  private static final class AnthropicWebSearch {
    Optional<List<String>> allowedDomains = Optional.empty();
    Optional<List<String>> blockedDomains = Optional.empty();
    Optional<JsonValue> userLocation = Optional.empty();
  }

  /** Reads the raw config as Anthropic's typed {@code WebSearchTool20250305}. */
  private AnthropicWebSearch anthropicWebSearchConfig(ToolKind.Builtin b) {
    JsonValue config =
        b.config()
            .orElseThrow(() -> missingField("config for Anthropic builtin tool '" + name + "'"));
    String field = "Anthropic web search tool '" + name + "'";
    if (!(config instanceof JsonObject o)) {
      throw configError(field, "invalid type: " + config.kind() + ", expected an object");
    }
    if (!(o.getOrNull("name") instanceof dev.llmrouter.json.JsonString)) {
      throw configError(field, "missing or invalid field `name`");
    }
    AnthropicWebSearch ws = new AnthropicWebSearch();
    ws.allowedDomains = stringList(o, "allowed_domains", field);
    ws.blockedDomains = stringList(o, "blocked_domains", field);
    ws.userLocation = o.getNonNull("user_location");
    return ws;
  }

  private Optional<List<String>> stringList(JsonObject o, String key, String field) {
    JsonValue v = o.getOrNull(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!(v instanceof JsonArray a)) {
      throw configError(field, "invalid type for `" + key + "`: " + v.kind() + ", expected a sequence");
    }
    List<String> out = new ArrayList<>();
    for (JsonValue e : a) {
      if (!(e instanceof dev.llmrouter.json.JsonString s)) {
        throw configError(field, "invalid type in `" + key + "`: " + e.kind() + ", expected a string");
      }
      out.add(s.value());
    }
    return Optional.of(out);
  }

  /** Reads the raw config as Google's typed {@code GoogleSearch} (an object). */
  private void googleSearchConfig(ToolKind.Builtin b) {
    JsonValue config =
        b.config().orElseThrow(() -> missingField("config for Google builtin tool '" + name + "'"));
    if (!(config instanceof JsonObject)) {
      throw configError(
          "Google search tool '" + name + "'",
          "invalid type: " + config.kind() + ", expected an object");
    }
  }

  /** Anthropic {@code user_location} to an OpenAI approximate location. */
  private static JsonObject responsesUserLocation(JsonValue location) {
    String field = "Anthropic web search user_location";
    if (!(location instanceof JsonObject o)) {
      throw new TranslationException(
          "JSON serialization failed for field '" + field + "': expected an object, got " + location.kind());
    }
    if (!"approximate".equals(o.getString("type").orElse(null))) {
      throw new TranslationException(
          "JSON serialization failed for field '" + field + "': `type` must be `approximate`");
    }
    JsonObject.Builder out = JsonObject.builder();
    for (String key : new String[] {"city", "country", "region", "timezone"}) {
      JsonValue v = o.getOrNull(key);
      if (v == null || v.isNull()) {
        continue;
      }
      if (!(v instanceof dev.llmrouter.json.JsonString)) {
        throw new TranslationException(
            "JSON serialization failed for field '" + field + "': `" + key + "` must be a string");
      }
      out.put(key, v);
    }
    out.put("type", "approximate");
    return out.build();
  }

  /** Builds a {@link Tool}. */
  public static final class Builder {
    private String name;
    private String description;
    private JsonValue parameters;
    private Boolean strict;
    private ToolAvailability availability = ToolAvailability.IMMEDIATE;
    private List<AllowedCaller> allowedCallers;
    private JsonValue outputSchema;
    private ToolKind kind = ToolKind.FUNCTION;

    private Builder() {}

    /** Sets the name (required). */
    public Builder name(String v) {
      name = v;
      return this;
    }

    /** Sets or clears (null) the description. */
    public Builder description(String v) {
      description = v;
      return this;
    }

    /** Sets or clears (null) the parameters schema. */
    public Builder parameters(JsonValue v) {
      parameters = v;
      return this;
    }

    /** Sets or clears (null) the strict flag. */
    public Builder strict(Boolean v) {
      strict = v;
      return this;
    }

    /** Sets the availability (default immediate). */
    public Builder availability(ToolAvailability v) {
      availability = v;
      return this;
    }

    /** Sets or clears (null) the allowed callers. */
    public Builder allowedCallers(List<AllowedCaller> v) {
      allowedCallers = v;
      return this;
    }

    /** Sets or clears (null) the output schema. */
    public Builder outputSchema(JsonValue v) {
      outputSchema = v;
      return this;
    }

    /** Sets the kind (default function). */
    public Builder kind(ToolKind v) {
      kind = v;
      return this;
    }

    /** The tool. */
    public Tool build() {
      return new Tool(
          name,
          Optional.ofNullable(description),
          Optional.ofNullable(parameters),
          Optional.ofNullable(strict),
          availability,
          Optional.ofNullable(allowedCallers),
          Optional.ofNullable(outputSchema),
          kind);
    }
  }
}
