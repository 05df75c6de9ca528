package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/** The kind of a {@link Tool} (lingua's {@code UniversalToolType}): function, custom or builtin. */
public sealed interface ToolKind permits ToolKind.Function, ToolKind.Custom, ToolKind.Builtin {

  /** The serialized {@code kind} tag: {@code function}, {@code custom} or {@code builtin}. */
  String wire();

  /** A user-defined function tool with a JSON schema (works across all providers). */
  record Function() implements ToolKind {
    @Override
    public String wire() {
      return "function";
    }
  }

  /**
   * A free-form (custom) tool whose input is a string, not JSON (OpenAI custom tools).
   *
   * @param format the input format (text or grammar config), when given
   */
  record Custom(Optional<JsonValue> format) implements ToolKind {
    /** Normalizes a null format. */
    public Custom {
      format = LinguaJson.opt(format);
    }

    @Override
    public String wire() {
      return "custom";
    }
  }

  /**
   * A provider's builtin (server) tool, which generally only goes back to its own provider.
   *
   * @param provider where the tool came from
   * @param builtinType the provider's type name (e.g. {@code bash_20250124}, {@code code_interpreter})
   * @param config the provider's raw tool definition
   */
  record Builtin(BuiltinToolProvider provider, String builtinType, Optional<JsonValue> config)
      implements ToolKind {
    /** Validates required fields and normalizes a null config. */
    public Builtin {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(builtinType, "builtinType");
      config = LinguaJson.opt(config);
    }

    @Override
    public String wire() {
      return "builtin";
    }
  }

  /** The function kind. */
  ToolKind FUNCTION = new Function();
}
