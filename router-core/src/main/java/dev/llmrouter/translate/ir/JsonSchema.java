package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A named JSON schema for structured output (lingua's {@code JsonSchemaConfig}).
 *
 * @param name the schema name (required by OpenAI; {@code "response"} when the source had none)
 * @param schema the JSON Schema
 * @param strict strict validation (OpenAI)
 * @param description a description of the schema
 */
public record JsonSchema(
    String name, JsonValue schema, Optional<Boolean> strict, Optional<String> description) {

  /** Validates required fields and normalizes null optionals. */
  public JsonSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    strict = LinguaJson.opt(strict);
    description = LinguaJson.opt(description);
  }

  /** A schema with only a name. */
  public static JsonSchema of(String name, JsonValue schema) {
    return new JsonSchema(name, schema, Optional.empty(), Optional.empty());
  }

  /** Whether {@link #strict()} is true. */
  public boolean isStrict() {
    return strict.orElse(false);
  }
}
