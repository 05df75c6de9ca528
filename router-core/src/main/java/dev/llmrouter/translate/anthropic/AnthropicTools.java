package dev.llmrouter.translate.anthropic;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.AllowedCaller;
import dev.llmrouter.translate.ir.BuiltinToolProvider;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolAvailability;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolKind;
import dev.llmrouter.translate.ir.Tools;
import dev.llmrouter.translate.ir.UnsupportedToolTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Anthropic tool definitions to and from universal tools (lingua's anthropic/convert.rs tool conversions)
 * and the tool-search (dynamic discovery) helpers of anthropic/tool_discovery.rs.
 */
final class AnthropicTools {
  private AnthropicTools() {}

  /** The tool name of the Anthropic tool-search builtin lingua adds when discovery history exists. */
  static final String TOOL_SEARCH_NAME = "tool_search_tool_regex";
  /** Its versioned type. */
  static final String TOOL_SEARCH_TYPE = "tool_search_tool_regex_20251119";
  /** The id prefix of Anthropic server tool calls. */
  static final String SERVER_TOOL_ID_PREFIX = "srvtoolu_";

  // ---- Anthropic -> universal -----------------------------------------------------------------------

  /** Tools of a request (already checked by {@link AnthropicSchema#checkTool}) in universal form. */
  static List<Tool> toUniversal(JsonArray tools) {
    List<Tool> out = new ArrayList<>(tools.size());
    for (JsonValue v : tools) {
      out.add(toUniversal((JsonObject) v));
    }
    return out;
  }

  private static Tool toUniversal(JsonObject t) {
    String type = t.getString("type").orElse(null);
    if (type != null && AnthropicSchema.BUILTIN_TOOL_TYPES.contains(type)) {
      // lingua keeps the builtin's typed re-serialization as its config.
      JsonObject config = Wire.withoutNulls(t);
      String name = config.getString("name").orElse(type);
      return Tool.builtin(name, BuiltinToolProvider.ANTHROPIC, type, Optional.of(config));
    }
    Tool.Builder b =
        Tool.builder()
            .name(t.getString("name").orElseThrow())
            .description(Wire.optString(t, "description", "tools"))
            .parameters(t.getOrNull("input_schema"))
            .strict(Wire.optBool(t, "strict", "tools"));
    if (Boolean.TRUE.equals(Wire.optBool(t, "defer_loading", "tools"))) {
      b.availability(ToolAvailability.DEFERRED);
    }
    JsonArray callers = Wire.optArray(t, "allowed_callers", "tools");
    if (callers != null) {
      List<AllowedCaller> list = new ArrayList<>();
      for (JsonValue c : callers) {
        list.add(AllowedCaller.fromWire(c.asString().orElse("")).orElseThrow());
      }
      b.allowedCallers(list);
    }
    return b.build();
  }

  // ---- universal -> Anthropic -----------------------------------------------------------------------

  /**
   * One universal tool as an Anthropic tool definition (lingua's {@code anthropic_tool_value}): function
   * tools become custom tools with a normalized object schema; Anthropic builtins go back as their
   * config; Google {@code google_search} becomes {@code web_search_20250305}.
   *
   * @throws UnsupportedToolTypeException for custom tools, other providers' builtins, output schemas and
   *     programmatic callers
   */
  static JsonObject toAnthropic(Tool tool) {
    if (isAnthropicToolSearchBuiltin(tool)) {
      return JsonObject.builder()
          .put("name", tool.name())
          .put("type", ((ToolKind.Builtin) tool.kind()).builtinType())
          .build();
    }
    ToolKind kind = tool.kind();
    if (kind instanceof ToolKind.Function) {
      if (tool.outputSchema().isPresent()) {
        throw new UnsupportedToolTypeException(tool.name(), "output_schema", ProviderFormat.ANTHROPIC);
      }
      JsonObject.Builder b = JsonObject.builder();
      List<String> callers = allowedCallers(tool);
      if (callers != null) {
        b.put("allowed_callers", JsonArray.ofStrings(callers));
      }
      if (tool.availability() == ToolAvailability.DEFERRED) {
        b.put("defer_loading", true);
      }
      tool.description().ifPresent(d -> b.put("description", d));
      b.put("input_schema", normalizeToolSchema(tool.name(), tool.parameters().orElse(null)));
      b.put("name", tool.name());
      tool.strict().ifPresent(s -> b.put("strict", s));
      return b.build();
    }
    if (kind instanceof ToolKind.Custom) {
      throw new UnsupportedToolTypeException(tool.name(), "custom", ProviderFormat.ANTHROPIC);
    }
    ToolKind.Builtin builtin = (ToolKind.Builtin) kind;
    if (builtin.provider() == BuiltinToolProvider.GOOGLE && builtin.builtinType().equals("google_search")) {
      JsonValue config =
          builtin
              .config()
              .orElseThrow(
                  () ->
                      new TranslationException(
                          "Missing required field: config for Google builtin tool '" + tool.name() + "'"));
      if (!(config instanceof JsonObject)) {
        throw new TranslationException(
            "JSON serialization failed for field 'Google search tool '"
                + tool.name()
                + "'': expected an object, got "
                + config.kind());
      }
      return JsonObject.builder().put("name", "web_search").put("type", "web_search_20250305").build();
    }
    if (builtin.provider() != BuiltinToolProvider.ANTHROPIC) {
      throw new UnsupportedToolTypeException(tool.name(), builtin.builtinType(), ProviderFormat.ANTHROPIC);
    }
    JsonValue config =
        builtin
            .config()
            .orElseThrow(
                () ->
                    new TranslationException(
                        "Missing required field: config for Anthropic builtin tool '" + tool.name() + "'"));
    try {
      AnthropicSchema.checkTool(config, "builtin tool '" + tool.name() + "'");
    } catch (TranslationException e) {
      throw new TranslationException(
          "JSON serialization failed for field 'builtin tool '" + tool.name() + "'': " + e.getMessage(), e);
    }
    return Wire.withoutNulls((JsonObject) config);
  }

  /**
   * The Anthropic {@code allowed_callers} of a tool, null when it has none (or only an empty list).
   *
   * @throws UnsupportedToolTypeException for the programmatic caller, which Anthropic cannot express
   */
  private static List<String> allowedCallers(Tool tool) {
    if (tool.allowedCallers().isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (AllowedCaller c : tool.allowedCallers().get()) {
      if (c == AllowedCaller.PROGRAMMATIC) {
        throw new UnsupportedToolTypeException(
            "allowed_callers", "programmatic caller restriction", ProviderFormat.ANTHROPIC);
      }
      out.add(c.wire());
    }
    return out.isEmpty() ? null : out;
  }

  /**
   * lingua's {@code normalize_anthropic_tool_schema}: {@code {type: object}} when absent; every string
   * {@code type} lower-cased and every null member removed, recursively; the root must be an object whose
   * {@code type} is {@code object}.
   *
   * @throws TranslationException naming the tool otherwise
   */
  static JsonObject normalizeToolSchema(String toolName, JsonValue schema) {
    if (schema == null) {
      return JsonObject.of("type", JsonString.of("object"));
    }
    JsonValue normalized = normalizeSchemaValue(schema);
    if (!(normalized instanceof JsonObject o)) {
      throw invalidSchema(toolName, "tool schema must be a JSON object");
    }
    JsonValue type = o.getOrNull("type");
    if (type == null || type.isNull()) {
      throw invalidSchema(toolName, "tool schema root type is required");
    }
    if (!(type instanceof JsonString s)) {
      throw new TranslationException(
          "JSON serialization failed for field 'tool schema '"
              + toolName
              + "'': invalid type: "
              + type.kind()
              + ", expected a string");
    }
    if (!s.value().equals("object")) {
      throw invalidSchema(toolName, "tool schema root type must be 'object', got '" + s.value() + "'");
    }
    return o;
  }

  private static TranslationException invalidSchema(String toolName, String reason) {
    return new TranslationException("Invalid tool schema for '" + toolName + "': " + reason + " (field tools)");
  }

  private static JsonValue normalizeSchemaValue(JsonValue v) {
    if (v instanceof JsonObject o) {
      boolean changed = false;
      JsonObject.Builder b = JsonObject.builder();
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        JsonValue child = e.getValue();
        if (child.isNull()) {
          changed = true;
          continue;
        }
        JsonValue out;
        if (e.getKey().equals("type") && child instanceof JsonString s) {
          String lower = s.value().toLowerCase(Locale.ROOT);
          out = lower.equals(s.value()) ? child : JsonString.of(lower);
        } else {
          out = normalizeSchemaValue(child);
        }
        changed |= out != child;
        b.put(e.getKey(), out);
      }
      return changed ? b.build() : o;
    }
    if (v instanceof JsonArray a) {
      boolean changed = false;
      JsonArray.Builder b = JsonArray.builder();
      for (JsonValue item : a) {
        JsonValue out = normalizeSchemaValue(item);
        changed |= out != item;
        b.add(out);
      }
      return changed ? b.build() : a;
    }
    return v;
  }

  // ---- Tool discovery (tool_discovery.rs) ------------------------------------------------------------

  /** Whether {@code name} names a tool-search server tool. */
  static boolean isToolSearchName(String name) {
    return name.equals("tool_search_tool_regex")
        || name.equals("tool_search_tool_bm25")
        || name.equals("tool_search");
  }

  /** The Anthropic name of a discovery tool ({@code tool_search} becomes the regex search tool). */
  static String toolSearchName(String name) {
    return name.equals("tool_search") ? TOOL_SEARCH_NAME : name;
  }

  /** The call id with Anthropic's server-tool prefix. */
  static String toolSearchCallId(String id) {
    return id.startsWith(SERVER_TOOL_ID_PREFIX) ? id : SERVER_TOOL_ID_PREFIX + id;
  }

  /** The {@code query} member of a tool-search input. */
  static Optional<String> query(JsonObject input) {
    if (input == null) {
      return Optional.empty();
    }
    JsonValue q = Wire.opt(input, "query");
    if (q == null) {
      return Optional.empty();
    }
    if (q instanceof JsonString s) {
      return Optional.of(s.value());
    }
    throw new TranslationException(
        "JSON serialization failed for field 'tool_search.input': invalid type: "
            + q.kind()
            + ", expected a string");
  }

  /** The tool-search input to send for a discovery call, null for none. */
  static JsonObject inputMap(ToolDiscoveryCallPart call) {
    if (call.arguments().isPresent()) {
      if (call.arguments().get() instanceof JsonObject o) {
        return o;
      }
      throw new TranslationException(
          "Unsupported mapping: cannot convert non-object ToolDiscoveryCall arguments to Anthropic "
              + "tool_search input");
    }
    if (call.query().isPresent()) {
      throw new TranslationException(
          "Unsupported mapping: cannot convert query-only ToolDiscoveryCall to Anthropic tool_search input");
    }
    return null;
  }

  /**
   * A discovery result from a {@code tool_search_tool_result}'s content (request or response form): the
   * referenced tool names; an error result is refused; content of another shape is kept as one
   * {@code unknown} item carrying it in provider options.
   */
  static ToolDiscoveryResultPart resultFromContent(String toolUseId, JsonValue content, boolean response) {
    List<ToolDiscoveryResultItem> items = new ArrayList<>();
    if (content != null && !content.isNull()) {
      if (content instanceof JsonObject o) {
        if ("tool_search_tool_result_error".equals(o.getString("type").orElse(null))) {
          throw new TranslationException(
              "Unsupported mapping: cannot convert Anthropic tool_search_tool_result_error to "
                  + "ToolDiscoveryResult");
        }
        JsonArray refs = o.getArray("tool_references").orElse(JsonArray.empty());
        for (JsonValue r : refs) {
          String name = r instanceof JsonObject ro ? ro.getString("tool_name").orElse(null) : null;
          if (name == null) {
            throw new TranslationException(
                "missing field `tool_name` (field tool_search_tool_result.content.tool_references)");
          }
          items.add(ToolDiscoveryResultItem.of(name));
        }
      } else {
        JsonValue kept =
            response
                ? AnthropicSchema.projectResponseBlockContent(content)
                : AnthropicSchema.projectBlockContent(content);
        items.add(
            new ToolDiscoveryResultItem(
                "unknown", Optional.empty(), Optional.of(JsonObject.of("content", kept))));
      }
    }
    return new ToolDiscoveryResultPart(
        toolUseId, "tool_search", items, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A {@code tool_search_tool_search_result} object listing the discovered tools.
   *
   * @throws TranslationException when an item preserves unknown content that cannot be written back
   */
  static JsonObject resultContent(List<ToolDiscoveryResultItem> tools, String to) {
    JsonArray.Builder refs = JsonArray.builder();
    for (ToolDiscoveryResultItem item : tools) {
      if (item.providerOptions().map(o -> o.has("content")).orElse(false)) {
        throw new TranslationException(
            "Unsupported mapping: cannot convert preserved unknown Anthropic "
                + "tool_search_tool_result.content to "
                + to);
      }
      refs.add(
          JsonObject.builder().put("tool_name", item.toolName()).put("type", "tool_reference").build());
    }
    return JsonObject.builder()
        .put("tool_references", refs.build())
        .put("type", "tool_search_tool_search_result")
        .build();
  }

  /** Whether {@code tool} is one of Anthropic's tool-search builtins. */
  static boolean isAnthropicToolSearchBuiltin(Tool tool) {
    return tool.kind() instanceof ToolKind.Builtin b
        && b.provider() == BuiltinToolProvider.ANTHROPIC
        && Tools.isAnthropicToolSearchBuiltinType(b.builtinType());
  }

  /** Whether any message carries a discovery call or result. */
  static boolean hasToolDiscovery(List<Message> messages) {
    for (Message m : messages) {
      if (m.role() == Role.ASSISTANT || m.role() == Role.TOOL) {
        for (Part p : m.content()) {
          if (p instanceof ToolDiscoveryCallPart || p instanceof ToolDiscoveryResultPart) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The full tool definitions returned by discovery results, marked deferred. */
  static List<Tool> discoveredTools(List<Message> messages) {
    List<Tool> out = new ArrayList<>();
    for (Message m : messages) {
      if (m.role() != Role.TOOL) {
        continue;
      }
      for (Part p : m.content()) {
        if (p instanceof ToolDiscoveryResultPart r) {
          for (ToolDiscoveryResultItem item : r.tools()) {
            item.tool()
                .ifPresent(t -> out.add(t.toBuilder().availability(ToolAvailability.DEFERRED).build()));
          }
        }
      }
    }
    return out;
  }

  /** The tool-search builtin lingua adds for discovery history. */
  static Tool anthropicToolSearchTool() {
    return Tool.builtin(
        TOOL_SEARCH_NAME,
        BuiltinToolProvider.ANTHROPIC,
        TOOL_SEARCH_TYPE,
        Optional.of(
            JsonObject.builder().put("name", TOOL_SEARCH_NAME).put("type", TOOL_SEARCH_TYPE).build()));
  }

  /** A tool plus the Responses namespace it was expanded from, if any. */
  private record Expanded(Tool tool, String namespace) {}

  /**
   * lingua's {@code normalize_tools_for_anthropic}: Responses {@code tool_search} becomes the Anthropic
   * tool-search builtin, a Responses {@code namespace} is expanded into its (deferred) tools, and
   * same-named tools are de-duplicated (identical definitions from a namespace are merged, differing ones
   * are an error; later duplicates outside namespaces are dropped, as lingua drops them).
   */
  static List<Tool> normalizeForAnthropic(List<Tool> tools) {
    List<Expanded> normalized = new ArrayList<>();
    for (Tool tool : tools) {
      for (Expanded ex : expandResponsesDiscoveryTool(tool)) {
        Expanded existing = null;
        for (Expanded e : normalized) {
          if (e.tool().name().equals(ex.tool().name())) {
            existing = e;
            break;
          }
        }
        if (existing == null) {
          normalized.add(ex);
          continue;
        }
        if (existing.namespace() != null || ex.namespace() != null) {
          if (existing.tool().equals(ex.tool())) {
            continue;
          }
          throw new TranslationException(
              "Unsupported mapping: cannot convert Responses tools with duplicate local tool name '"
                  + ex.tool().name()
                  + "' from "
                  + origin(existing.namespace())
                  + " and "
                  + origin(ex.namespace())
                  + " to Anthropic tools because their definitions differ");
        }
      }
    }
    List<Tool> out = new ArrayList<>(normalized.size());
    for (Expanded e : normalized) {
      out.add(e.tool());
    }
    return out;
  }

  private static String origin(String namespace) {
    return namespace == null ? "top-level tool" : "namespace '" + namespace + "'";
  }

  private static List<Expanded> expandResponsesDiscoveryTool(Tool tool) {
    if (!(tool.kind() instanceof ToolKind.Builtin b) || b.provider() != BuiltinToolProvider.RESPONSES) {
      return List.of(new Expanded(tool, null));
    }
    if (b.builtinType().equals("tool_search")) {
      return List.of(new Expanded(anthropicToolSearchTool(), null));
    }
    if (!b.builtinType().equals("namespace")) {
      return List.of(new Expanded(tool, null));
    }
    JsonValue config =
        b.config()
            .orElseThrow(
                () ->
                    new TranslationException(
                        "missing config for Responses namespace tool '" + tool.name() + "'"));
    if (!(config instanceof JsonObject ns)
        || !(ns.getOrNull("name") instanceof JsonString nsName)
        || !(ns.getOrNull("tools") instanceof JsonArray inner)) {
      throw new TranslationException(
          "invalid Responses namespace tool '" + tool.name() + "': expected {name, tools}");
    }
    List<Expanded> out = new ArrayList<>();
    for (JsonValue v : inner) {
      Tool parsed = parseResponsesTool(v);
      if (parsed != null) {
        out.add(
            new Expanded(parsed.toBuilder().availability(ToolAvailability.DEFERRED).build(), nsName.value()));
      }
    }
    return out;
  }

  /**
   * One Responses tool definition in universal form (lingua's {@code parse_openai_responses_tool}), used
   * to expand namespaces; null for entries that do not parse (lingua skips them).
   */
  private static Tool parseResponsesTool(JsonValue v) {
    if (!(v instanceof JsonObject o) || !(o.getOrNull("type") instanceof JsonString type)) {
      return null;
    }
    String t = type.value();
    if (!t.equals("function") && !t.equals("custom")) {
      return Tool.builtin(t, BuiltinToolProvider.RESPONSES, t, Optional.of(o));
    }
    if (!(o.getOrNull("name") instanceof JsonString name)) {
      return null;
    }
    JsonValue description = Wire.opt(o, "description");
    if (description != null && !(description instanceof JsonString)) {
      return null;
    }
    Tool.Builder b =
        Tool.builder()
            .name(name.value())
            .description(description == null ? null : ((JsonString) description).value());
    if (t.equals("function")) {
      JsonValue strict = Wire.opt(o, "strict");
      if (strict != null && strict.asBoolean().isEmpty()) {
        return null;
      }
      b.parameters(Wire.opt(o, "parameters")).strict(strict == null ? null : strict.asBoolean().get());
    } else {
      b.kind(new ToolKind.Custom(Optional.ofNullable(Wire.opt(o, "format"))));
    }
    JsonValue defer = Wire.opt(o, "defer_loading");
    if (defer != null && defer.asBoolean().isEmpty()) {
      return null;
    }
    if (Boolean.TRUE.equals(defer == null ? null : defer.asBoolean().get())) {
      b.availability(ToolAvailability.DEFERRED);
    }
    JsonValue callers = Wire.opt(o, "allowed_callers");
    if (callers != null) {
      if (!(callers instanceof JsonArray ca)) {
        return null;
      }
      List<AllowedCaller> list = new ArrayList<>();
      for (JsonValue c : ca) {
        Optional<AllowedCaller> parsed = c.asString().flatMap(AllowedCaller::fromWire);
        if (parsed.isEmpty()) {
          return null;
        }
        list.add(parsed.get());
      }
      b.allowedCallers(list);
    }
    b.outputSchema(Wire.opt(o, "output_schema"));
    return b.build();
  }
}
