package dev.llmrouter.translate.responses;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.AllowedCaller;
import dev.llmrouter.translate.ir.BuiltinToolProvider;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolAvailability;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolKind;
import dev.llmrouter.translate.ir.UnsupportedToolTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Responses tool definitions to and from universal tools (lingua's openai/tool_parsing.rs for the request
 * {@code tools} array and openai/tool_discovery.rs for the tools carried by {@code additional_tools} and
 * {@code tool_search_output} items).
 */
final class ResponsesTools {
  private ResponsesTools() {}

  /** The Responses tool types of the OpenAI schema ({@code ToolType}). */
  private static final Set<String> TOOL_TYPES =
      Set.of(
          "apply_patch",
          "code_interpreter",
          "computer",
          "computer_use_preview",
          "custom",
          "file_search",
          "function",
          "image_generation",
          "local_shell",
          "mcp",
          "namespace",
          "programmatic_tool_calling",
          "shell",
          "tool_search",
          "web_search",
          "web_search_2025_08_26",
          "web_search_preview",
          "web_search_preview_2025_03_11");

  /**
   * The request's {@code tools}: function and custom tools become universal tools, any other type a
   * Responses builtin named after its type with the raw definition as config. As in lingua, a value that is
   * not an array gives no tools, and a definition that does not read as its type (no name, a field of the
   * wrong type, an unknown allowed caller) is skipped.
   */
  static List<Tool> parseRequestTools(JsonValue tools) {
    if (!(tools instanceof JsonArray a)) {
      return List.of();
    }
    List<Tool> out = new ArrayList<>(a.size());
    for (JsonValue v : a) {
      Tool t = parseRequestTool(v);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static Tool parseRequestTool(JsonValue v) {
    if (!(v instanceof JsonObject o) || !(o.getOrNull("type") instanceof JsonString typeValue)) {
      return null;
    }
    String type = typeValue.value();
    boolean function = type.equals("function");
    if (!function && !type.equals("custom")) {
      return Tool.builtin(type, BuiltinToolProvider.RESPONSES, type, Optional.of(o));
    }
    if (!(o.getOrNull("name") instanceof JsonString name)) {
      return null;
    }
    JsonValue description = o.getOrNull("description");
    JsonValue strict = o.getOrNull("strict");
    JsonValue defer = o.getOrNull("defer_loading");
    if (!nullOr(description, JsonString.class)
        || !nullOr(defer, JsonBoolean.class)
        || (function && !nullOr(strict, JsonBoolean.class))) {
      return null;
    }
    List<AllowedCaller> callers = null;
    JsonValue callersValue = o.getOrNull("allowed_callers");
    if (callersValue != null && !callersValue.isNull()) {
      if (!(callersValue instanceof JsonArray ca)) {
        return null;
      }
      callers = new ArrayList<>(ca.size());
      for (JsonValue c : ca) {
        Optional<AllowedCaller> caller = c.asString().flatMap(AllowedCaller::fromWire);
        if (caller.isEmpty()) {
          return null;
        }
        callers.add(caller.get());
      }
    }
    Tool.Builder b =
        Tool.builder()
            .name(name.value())
            .description(description instanceof JsonString d ? d.value() : null)
            .allowedCallers(callers)
            .outputSchema(nonNull(o.getOrNull("output_schema")))
            .availability(
                JsonBoolean.TRUE.equals(defer) ? ToolAvailability.DEFERRED : ToolAvailability.IMMEDIATE);
    if (function) {
      b.parameters(nonNull(o.getOrNull("parameters")))
          .strict(strict instanceof JsonBoolean s ? s.value() : null);
    } else {
      b.kind(new ToolKind.Custom(Optional.ofNullable(nonNull(o.getOrNull("format")))));
    }
    return b.build();
  }

  private static boolean nullOr(JsonValue v, Class<? extends JsonValue> type) {
    return v == null || v.isNull() || type.isInstance(v);
  }

  private static JsonValue nonNull(JsonValue v) {
    return v == null || v.isNull() ? null : v;
  }

  /**
   * A tool of an {@code additional_tools} or {@code tool_search_output} item as a universal tool (lingua's
   * {@code universal_tool_from_input_item_tool}): function and custom tools by their fields (allowed
   * callers and output schema are not carried, as in lingua), other types as Responses builtins with the
   * definition as config. The name defaults to the type name ({@code unknown} without a type).
   *
   * @throws TranslationException when the definition does not read as a Responses tool
   */
  static Tool fromItemTool(JsonValue value, FieldPath field) {
    if (!(value instanceof JsonObject o)) {
      throw Fields.invalidType(field, value, "a tool object");
    }
    String type = Fields.string(o, "type", field.dot("type"));
    if (type != null && !TOOL_TYPES.contains(type)) {
      throw new TranslationException("unknown variant `" + type + "` (field " + field + ".type)");
    }
    String typeName = type == null ? "unknown" : type;
    String name = Fields.string(o, "name", field.dot("name"));
    if (name == null) {
      name = typeName;
    }
    String description = Fields.string(o, "description", field.dot("description"));
    Boolean defer = Fields.bool(o, "defer_loading", field.dot("defer_loading"));
    Tool.Builder b = Tool.builder().name(name).description(description);
    if ("function".equals(type)) {
      b.parameters(Fields.object(o, "parameters", field.dot("parameters")))
          .strict(Fields.bool(o, "strict", field.dot("strict")));
    } else if ("custom".equals(type)) {
      b.kind(new ToolKind.Custom(Optional.ofNullable(Fields.value(o, "format"))));
    } else {
      b.description(null).kind(new ToolKind.Builtin(BuiltinToolProvider.RESPONSES, typeName, Optional.of(o)));
    }
    if (Boolean.TRUE.equals(defer)) {
      b.availability(ToolAvailability.DEFERRED);
    }
    return b.build();
  }

  /**
   * A universal tool as an item tool (lingua's {@code input_item_tool_from_universal_tool} followed by the
   * tool's Responses form): builtins of other providers are refused.
   *
   * @throws UnsupportedToolTypeException for a builtin that is not a Responses builtin with a config
   */
  static JsonObject toItemTool(Tool tool) {
    if (tool.kind() instanceof ToolKind.Builtin b
        && (b.provider() != BuiltinToolProvider.RESPONSES || b.config().isEmpty())) {
      throw new UnsupportedToolTypeException(tool.name(), b.builtinType(), ProviderFormat.RESPONSES);
    }
    return tool.toResponses();
  }

  /** Item tools of universal tools. */
  static JsonArray toItemTools(List<Tool> tools) {
    JsonArray.Builder a = JsonArray.builder();
    for (Tool t : tools) {
      a.add(toItemTool(t));
    }
    return a.build();
  }

  /** The tools of a tool-search result: the full tool when known, else a bare function reference. */
  static JsonArray discoveryTools(List<ToolDiscoveryResultItem> items) {
    JsonArray.Builder a = JsonArray.builder();
    for (ToolDiscoveryResultItem item : items) {
      if (item.tool().isPresent()) {
        a.add(toItemTool(item.tool().get()));
      } else {
        a.add(
            JsonObject.builder()
                .put("type", "function")
                .put("name", item.toolName())
                .put("parameters", JsonObject.of("type", JsonString.of("object")))
                .build());
      }
    }
    return a.build();
  }

  /** Universal discovery items from an item's {@code tools} (absent gives none). */
  static List<ToolDiscoveryResultItem> discoveryItems(JsonArray tools, FieldPath field) {
    if (tools == null) {
      return List.of();
    }
    List<ToolDiscoveryResultItem> out = new ArrayList<>(tools.size());
    int i = 0;
    for (JsonValue v : tools) {
      Tool t = fromItemTool(v, field.at(i++));
      out.add(new ToolDiscoveryResultItem(t.name(), Optional.of(t), Optional.empty()));
    }
    return out;
  }
}
