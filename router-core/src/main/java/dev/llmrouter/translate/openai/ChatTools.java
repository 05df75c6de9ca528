package dev.llmrouter.translate.openai;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chat Completions tool definitions to universal tools (the Chat half of lingua's
 * providers/openai/tool_parsing.rs). Reading is schema-scoped and lenient, as in lingua: a non-array is no
 * tools, and an entry that is not a well-formed {@code function} or {@code custom} tool is skipped.
 */
final class ChatTools {
  private ChatTools() {}

  /** The function and custom tools of a Chat {@code tools} value (possibly empty). */
  static List<Tool> parseToolsArray(JsonValue tools) {
    if (!(tools instanceof JsonArray a)) {
      return List.of();
    }
    List<Tool> out = new ArrayList<>(a.size());
    for (JsonValue v : a) {
      Tool t = parseTool(v);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** One {@code {type: function, function: {...}}} or {@code {type: custom, custom: {...}}}; null to skip. */
  static Tool parseTool(JsonValue value) {
    if (!(value instanceof JsonObject o) || !(o.getOrNull("type") instanceof JsonString type)) {
      return null;
    }
    switch (type.value()) {
      case "function":
        {
          if (!(o.getOrNull("function") instanceof JsonObject f)) {
            return null;
          }
          Optional<String> name = requiredString(f, "name");
          Optional<Optional<String>> description = optionalString(f, "description");
          Optional<Optional<Boolean>> strict = optionalBoolean(f, "strict");
          if (name.isEmpty() || description.isEmpty() || strict.isEmpty()) {
            return null;
          }
          return Tool.function(name.get(), description.get(), nonNull(f, "parameters"), strict.get());
        }
      case "custom":
        {
          if (!(o.getOrNull("custom") instanceof JsonObject c)) {
            return null;
          }
          Optional<String> name = requiredString(c, "name");
          Optional<Optional<String>> description = optionalString(c, "description");
          if (name.isEmpty() || description.isEmpty()) {
            return null;
          }
          return Tool.custom(name.get(), description.get(), nonNull(c, "format"));
        }
      default:
        return null;
    }
  }

  private static Optional<JsonValue> nonNull(JsonObject o, String key) {
    JsonValue v = o.getOrNull(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<String> requiredString(JsonObject o, String key) {
    return o.getOrNull(key) instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  /** Empty when malformed; otherwise the optional value (absent and null are unset). */
  private static Optional<Optional<String>> optionalString(JsonObject o, String key) {
    JsonValue v = o.getOrNull(key);
    if (v == null || v.isNull()) {
      return Optional.of(Optional.empty());
    }
    return v instanceof JsonString s ? Optional.of(Optional.of(s.value())) : Optional.empty();
  }

  private static Optional<Optional<Boolean>> optionalBoolean(JsonObject o, String key) {
    JsonValue v = o.getOrNull(key);
    if (v == null || v.isNull()) {
      return Optional.of(Optional.empty());
    }
    return v instanceof JsonBoolean b ? Optional.of(Optional.of(b.value())) : Optional.empty();
  }
}
