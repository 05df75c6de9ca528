package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.Optional;

/**
 * Canonical structured-output configuration (lingua's {@code ResponseFormatConfig} and
 * universal/response_format.rs).
 *
 * <p>Per target: Chat {@code response_format}; Responses {@code text.format} with the schema fields
 * flattened; Anthropic {@code output_config.format} (schema only; {@code json_object} is emulated by the
 * codec with a forced {@code json} tool); Google {@code responseMimeType} + {@code responseJsonSchema}.
 * Schemas sent to Chat, Responses and Anthropic go through {@link SchemaNormalizer#normalizeForStrictTarget}.
 *
 * @param formatType text, json_object or json_schema
 * @param jsonSchema the schema, for json_schema
 */
public record ResponseFormat(Optional<ResponseFormatType> formatType, Optional<JsonSchema> jsonSchema) {

  /** No response format. */
  public static final ResponseFormat EMPTY = new ResponseFormat(Optional.empty(), Optional.empty());

  /** Normalizes null optionals. */
  public ResponseFormat {
    formatType = LinguaJson.opt(formatType);
    jsonSchema = LinguaJson.opt(jsonSchema);
  }

  /** A format of the given type without a schema. */
  public static ResponseFormat of(ResponseFormatType type) {
    return new ResponseFormat(Optional.of(type), Optional.empty());
  }

  /** A json_schema format. */
  public static ResponseFormat jsonSchema(JsonSchema schema) {
    return new ResponseFormat(Optional.of(ResponseFormatType.JSON_SCHEMA), Optional.of(schema));
  }

  /** Whether the reply must be JSON (json_object or json_schema). */
  public boolean requiresJsonResponse() {
    return formatType.isPresent() && formatType.get() != ResponseFormatType.TEXT;
  }

  // ---------------------------------------------------------------------------------------------
  // From provider values
  // ---------------------------------------------------------------------------------------------

  /**
   * Parses a provider's raw value: Chat {@code response_format}, Responses {@code text.format}, Anthropic
   * {@code output_config.format} (or legacy {@code output_format}), Google {@code generationConfig}. Other
   * formats give {@link #EMPTY}.
   *
   * @throws TranslationException for an unknown type or a malformed Anthropic format
   */
  public static ResponseFormat fromProvider(ProviderFormat format, JsonValue value) {
    switch (format) {
      case OPENAI:
        return fromOpenAIChat(value);
      case RESPONSES:
        return fromResponses(value);
      case ANTHROPIC:
        return fromAnthropic(value);
      case GOOGLE:
        if (!(value instanceof JsonObject o)) {
          throw new TranslationException(
              "Content conversion failed: Failed to parse Google generationConfig: expected an object, got "
                  + value.kind());
        }
        return fromGoogle(o);
      default:
        return EMPTY;
    }
  }

  private static Optional<ResponseFormatType> readType(JsonValue value, String field) {
    if (value instanceof JsonObject o && o.getOrNull("type") instanceof JsonString s) {
      return Optional.of(ResponseFormatType.parse(s.value(), field));
    }
    return Optional.empty();
  }

  /**
   * Chat's {@code {type, json_schema?: {name, schema, strict?, description?}}}. A json_schema without a
   * name or schema keeps the type but no schema.
   *
   * @throws TranslationException for an unknown type
   */
  public static ResponseFormat fromOpenAIChat(JsonValue value) {
    Optional<ResponseFormatType> type = readType(value, "response_format.type");
    Optional<JsonSchema> schema = Optional.empty();
    if (type.equals(Optional.of(ResponseFormatType.JSON_SCHEMA))) {
      schema =
          ((JsonObject) value).getObject("json_schema").flatMap(ResponseFormat::readNamedSchema);
    }
    return new ResponseFormat(type, schema);
  }

  /**
   * Responses' {@code text.format}: {@code {type, name?, schema?, strict?, description?}} (flattened).
   *
   * @throws TranslationException for an unknown type
   */
  public static ResponseFormat fromResponses(JsonValue value) {
    Optional<ResponseFormatType> type = readType(value, "text.format.type");
    Optional<JsonSchema> schema = Optional.empty();
    if (type.equals(Optional.of(ResponseFormatType.JSON_SCHEMA))) {
      schema = readNamedSchema((JsonObject) value);
    }
    return new ResponseFormat(type, schema);
  }

  private static Optional<JsonSchema> readNamedSchema(JsonObject js) {
    Optional<String> name = js.getString("name");
    JsonValue schema = js.getOrNull("schema");
    if (name.isEmpty() || schema == null) {
      return Optional.empty();
    }
    return Optional.of(
        new JsonSchema(name.get(), schema, js.getBoolean("strict"), js.getString("description")));
  }

  /**
   * Anthropic's typed {@code {type: "json_schema", schema: {...}}}; the name becomes {@code "response"}.
   *
   * @throws TranslationException when it is not such an object
   */
  public static ResponseFormat fromAnthropic(JsonValue value) {
    if (!(value instanceof JsonObject o)) {
      throw new TranslationException(
          "invalid type: " + value.kind() + ", expected struct JsonOutputFormat (field output_config.format)");
    }
    JsonValue type = o.getOrNull("type");
    if (type == null) {
      throw new TranslationException("missing field `type` (field output_config.format.type)");
    }
    if (!"json_schema".equals(type.asString().orElse(null))) {
      throw new TranslationException(
          "unknown variant " + type.toJson() + ", expected `json_schema` (field output_config.format.type)");
    }
    JsonValue schema = o.getOrNull("schema");
    if (schema == null) {
      throw new TranslationException("missing field `schema` (field output_config.format.schema)");
    }
    if (!(schema instanceof JsonObject)) {
      throw new TranslationException(
          "invalid type: " + schema.kind() + ", expected a map (field output_config.format.schema)");
    }
    return jsonSchema(JsonSchema.of("response", schema));
  }

  /**
   * Google's {@code generationConfig}: {@code responseMimeType} {@code application/json} with
   * {@code responseJsonSchema} (or, as a fallback, {@code responseSchema}) is json_schema, whose
   * {@code title} and {@code description} become the name (default {@code "response"}) and description;
   * without a schema it is json_object; {@code text/plain} is text; anything else is {@link #EMPTY}. The
   * schema goes through {@link SchemaNormalizer#denormalizeGoogleTypes}.
   */
  public static ResponseFormat fromGoogle(JsonObject generationConfig) {
    Optional<String> mime = generationConfig.getString("responseMimeType");
    if (mime.isEmpty()) {
      return EMPTY;
    }
    if (mime.get().equals("text/plain")) {
      return of(ResponseFormatType.TEXT);
    }
    if (!mime.get().equals("application/json")) {
      return EMPTY;
    }
    Optional<JsonValue> schemaValue = generationConfig.getNonNull("responseJsonSchema");
    if (schemaValue.isEmpty()) {
      schemaValue = generationConfig.getNonNull("responseSchema");
    }
    if (schemaValue.isEmpty()) {
      return of(ResponseFormatType.JSON_OBJECT);
    }
    JsonValue schema = SchemaNormalizer.denormalizeGoogleTypes(schemaValue.get());
    String name = "response";
    Optional<String> description = Optional.empty();
    if (schema instanceof JsonObject o) {
      if (o.getOrNull("title") instanceof JsonString t) {
        name = t.value();
      }
      if (o.getOrNull("description") instanceof JsonString d) {
        description = Optional.of(d.value());
      }
      schema = o.without("title", "description");
    }
    return jsonSchema(new JsonSchema(name, schema, Optional.empty(), description));
  }

  // ---------------------------------------------------------------------------------------------
  // To provider values
  // ---------------------------------------------------------------------------------------------

  /**
   * This format for {@code format} (lingua's {@code to_provider}): Chat {@code response_format}, Responses
   * {@code text} object, Anthropic {@code output_config.format}, Google generationConfig fields; other
   * formats give empty.
   *
   * @throws TranslationException when the schema cannot be sent to the target
   */
  public Optional<JsonValue> toProvider(ProviderFormat format) {
    switch (format) {
      case OPENAI:
        return toOpenAIChat().map(o -> o);
      case RESPONSES:
        return toResponsesText().map(o -> o);
      case ANTHROPIC:
        return Optional.of(toAnthropic());
      case GOOGLE:
        return toGoogle().map(o -> o);
      default:
        return Optional.empty();
    }
  }

  private JsonSchema requireSchema() {
    return jsonSchema.orElseThrow(
        () -> new TranslationException("Missing required field: json_schema (field response_format)"));
  }

  /**
   * Chat's {@code response_format}; empty without a type. The schema is normalized for a strict target.
   *
   * @throws TranslationException for json_schema without a schema or with an unsupported schema
   */
  public Optional<JsonObject> toOpenAIChat() {
    if (formatType.isEmpty()) {
      return Optional.empty();
    }
    if (formatType.get() != ResponseFormatType.JSON_SCHEMA) {
      return Optional.of(JsonObject.of("type", JsonString.of(formatType.get().wire())));
    }
    JsonSchema js = requireSchema();
    JsonObject.Builder inner = JsonObject.builder().put("name", js.name());
    inner.put(
        "schema",
        SchemaNormalizer.normalizeForStrictTarget(js.schema(), ProviderFormat.OPENAI, js.isStrict()));
    js.strict().ifPresent(s -> inner.put("strict", s));
    js.description().ifPresent(d -> inner.put("description", d));
    return Optional.of(
        JsonObject.builder().put("type", "json_schema").put("json_schema", inner.build()).build());
  }

  /**
   * Responses' {@code text} object: {@code {format: {type, name?, schema?, strict?, description?}}}; empty
   * without a type.
   *
   * @throws TranslationException for json_schema without a schema or with an unsupported schema
   */
  public Optional<JsonObject> toResponsesText() {
    if (formatType.isEmpty()) {
      return Optional.empty();
    }
    JsonObject format;
    if (formatType.get() != ResponseFormatType.JSON_SCHEMA) {
      format = JsonObject.of("type", JsonString.of(formatType.get().wire()));
    } else {
      JsonSchema js = requireSchema();
      JsonObject.Builder b = JsonObject.builder().put("type", "json_schema").put("name", js.name());
      b.put(
          "schema",
          SchemaNormalizer.normalizeForStrictTarget(
              js.schema(), ProviderFormat.RESPONSES, js.isStrict()));
      js.strict().ifPresent(s -> b.put("strict", s));
      js.description().ifPresent(d -> b.put("description", d));
      format = b.build();
    }
    return Optional.of(JsonObject.of("format", format));
  }

  /**
   * Anthropic's {@code output_config.format}: {@code {schema, type: "json_schema"}} with the schema narrowed
   * for Anthropic (no name, strict or description).
   *
   * @throws TranslationException without a type, for text and json_object (the codec emulates json_object
   *     with a tool shim), or when the schema root is not an object
   */
  public JsonObject toAnthropic() {
    if (formatType.isEmpty()) {
      throw new TranslationException("Missing required field: format_type (field response_format)");
    }
    switch (formatType.get()) {
      case TEXT:
        throw new TranslationException(
            "Invalid response schema for anthropic: text response format is not supported by "
                + "Anthropic output_config.format (field response_format)");
      case JSON_OBJECT:
        throw new TranslationException(
            "Invalid response schema for anthropic: json_object response format uses the Anthropic "
                + "JSON tool shim (field response_format)");
      default:
        JsonSchema js = requireSchema();
        JsonValue schema =
            SchemaNormalizer.normalizeForStrictTarget(js.schema(), ProviderFormat.ANTHROPIC, false);
        if (!(schema instanceof JsonObject)) {
          throw new TranslationException(
              "Invalid response schema for anthropic: response schema root must be a JSON object "
                  + "(field response_format)");
        }
        return JsonObject.builder().put("schema", schema).put("type", "json_schema").build();
    }
  }

  /**
   * Google generationConfig fields: text {@code {responseMimeType: "text/plain"}}, json_object
   * {@code {responseMimeType: "application/json"}}, json_schema adds {@code responseJsonSchema} with the
   * name as {@code title} and the description (the schema is not normalized). Empty without a type.
   *
   * @throws TranslationException for json_schema without a schema
   */
  public Optional<JsonObject> toGoogle() {
    if (formatType.isEmpty()) {
      return Optional.empty();
    }
    switch (formatType.get()) {
      case TEXT:
        return Optional.of(JsonObject.of("responseMimeType", JsonString.of("text/plain")));
      case JSON_OBJECT:
        return Optional.of(JsonObject.of("responseMimeType", JsonString.of("application/json")));
      default:
        JsonSchema js = requireSchema();
        JsonValue schema = js.schema();
        if (schema instanceof JsonObject o) {
          JsonObject.Builder sb = o.toBuilder().put("title", js.name());
          js.description().ifPresent(d -> sb.put("description", d));
          schema = sb.build();
        }
        return Optional.of(
            JsonObject.builder()
                .put("responseMimeType", "application/json")
                .put("responseJsonSchema", schema)
                .build());
    }
  }
}
