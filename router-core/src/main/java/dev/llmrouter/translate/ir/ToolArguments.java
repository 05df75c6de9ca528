package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Tool-call arguments (lingua's {@code ToolCallArguments}): a valid JSON object, the raw text when it is not
 * a JSON object, or the free-form input of an OpenAI custom tool.
 */
public sealed interface ToolArguments permits ToolArguments.Valid, ToolArguments.Invalid, ToolArguments.Custom {

  /**
   * Arguments that parsed as a JSON object.
   *
   * @param value the object
   */
  record Valid(JsonObject value) implements ToolArguments {
    /** Validates non-null. */
    public Valid {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return LinguaJson.writeSorted(value);
    }

    @Override
    public String kind() {
      return "valid";
    }
  }

  /**
   * Arguments text that is not a JSON object (kept verbatim).
   *
   * @param raw the text
   */
  record Invalid(String raw) implements ToolArguments {
    /** Validates non-null. */
    public Invalid {
      Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String text() {
      return raw;
    }

    @Override
    public String kind() {
      return "invalid";
    }
  }

  /**
   * The free-form input of a custom (grammar/text) tool.
   *
   * @param input the input text
   */
  record Custom(String input) implements ToolArguments {
    /** Validates non-null. */
    public Custom {
      Objects.requireNonNull(input, "input");
    }

    @Override
    public String text() {
      return input;
    }

    @Override
    public String kind() {
      return "custom";
    }
  }

  /**
   * The arguments as a string, as lingua displays them: a valid object is written compactly with sorted
   * keys (serde_json without {@code preserve_order}); invalid and custom text is returned as is.
   */
  String text();

  /** {@code valid}, {@code invalid} or {@code custom}. */
  String kind();

  /** The object, when these arguments are valid. */
  default Optional<JsonObject> asObject() {
    return this instanceof Valid v ? Optional.of(v.value()) : Optional.empty();
  }

  /** Lingua's {@code From<String>}: a JSON object becomes {@link Valid}, anything else {@link Invalid}. */
  static ToolArguments fromString(String text) {
    Optional<JsonValue> parsed = LinguaJson.tryParse(text);
    if (parsed.isPresent() && parsed.get() instanceof JsonObject o) {
      return new Valid(o);
    }
    return new Invalid(text);
  }

  /** Valid arguments. */
  static ToolArguments valid(JsonObject value) {
    return new Valid(value);
  }

  /** Invalid (non-object) argument text. */
  static ToolArguments invalid(String raw) {
    return new Invalid(raw);
  }

  /** Custom-tool input. */
  static ToolArguments custom(String input) {
    return new Custom(input);
  }
}
