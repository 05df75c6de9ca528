package dev.llmrouter.translate.responses;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ProgramOutputPart;
import dev.llmrouter.translate.ir.ProgramPart;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Responses response {@code output} items to universal messages and back (lingua's
 * {@code TryFromLLM<Vec<OutputItem>> for Vec<Message>} and its reverse in openai/convert.rs).
 */
final class OutputItems {
  private OutputItems() {}

  /** Output item types of the OpenAI schema ({@code OutputItemType}). */
  static final Set<String> ITEM_TYPES;

  static {
    java.util.HashSet<String> types = new java.util.HashSet<>(InputItems.ITEM_TYPES);
    types.remove("item_reference");
    types.remove("compaction_trigger");
    ITEM_TYPES = Set.copyOf(types);
  }

  /** Keys the message provider options use to carry an output item's {@code phase}. */
  static final String PHASE_OPTION = "_output_item_phase";

  static final String[] ROLES = {
    "assistant", "critic", "developer", "discriminator", "system", "tool", "unknown", "user"
  };

  static final String[] PHASES = {"commentary", "final_answer"};

  private static final Set<String> ANNOTATION_TYPES =
      Set.of("container_file_citation", "file_citation", "file_path", "url_citation");

  // ---------------------------------------------------------------------------------------------
  // Items to messages
  // ---------------------------------------------------------------------------------------------

  /**
   * The output items as messages: one assistant message per item (message text, reasoning, calls, builtin
   * calls as provider-executed tool calls, programs), tool-search outputs as tool messages and
   * {@code additional_tools} items as additional-tools messages. Items of other types, and items without a
   * type, are skipped, as lingua skips them.
   *
   * @throws TranslationException for items that cannot be read
   */
  static List<Message> toMessages(JsonArray items) {
    List<Message> out = new ArrayList<>(items.size());
    String lastToolSearchCallId = null;
    for (int i = 0; i < items.size(); i++) {
      FieldPath field = FieldPath.index("output", i);
      JsonValue v = items.get(i);
      if (!(v instanceof JsonObject item)) {
        throw Fields.invalidType(field, v, "an output item object");
      }
      String type = Fields.string(item, "type", field.dot("type"));
      if (type != null && !ITEM_TYPES.contains(type)) {
        throw new TranslationException("unknown variant `" + type + "` (field " + field + ".type)");
      }
      String id = Fields.string(item, "id", field.dot("id"));
      String status = Fields.oneOf(item, "status", field.dot("status"), InputItems.STATUSES);
      Fields.oneOf(item, "role", field.dot("role"), ROLES);
      String callId = Fields.string(item, "call_id", field.dot("call_id"));
      if ("tool_search_output".equals(type)) {
        if (callId == null) {
          callId = lastToolSearchCallId;
        }
        lastToolSearchCallId = null;
        out.add(toolSearchOutput(item, id, callId, status, field));
        continue;
      }
      if (!"tool_search_call".equals(type)) {
        lastToolSearchCallId = null;
      }
      if (type == null) {
        continue;
      }
      List<Part> parts;
      switch (type) {
        case "message":
          parts = messageParts(item, field);
          break;
        case "reasoning":
          parts = InputItems.reasoning(item, id, field).content();
          break;
        case "program":
          parts =
              List.of(
                  new ProgramPart(
                      InputItems.required(callId, "program call_id"),
                      InputItems.required(Fields.string(item, "code", field.dot("code")), "program code"),
                      Optional.ofNullable(Fields.string(item, "fingerprint", field.dot("fingerprint"))),
                      Optional.ofNullable(id)));
          break;
        case "program_output":
          parts =
              List.of(
                  new ProgramOutputPart(
                      InputItems.required(callId, "program_output call_id"),
                      InputItems.required(Fields.string(item, "result", field.dot("result")), "program_output result"),
                      InputItems.required(status, "program_output status"),
                      Optional.ofNullable(id)));
          break;
        case "function_call":
        case "custom_tool_call":
          parts = List.of(toolCall(item, callId, status, type.equals("custom_tool_call"), field));
          break;
        case "tool_search_call":
          {
            String toolCallId = callId != null ? callId : id;
            lastToolSearchCallId = toolCallId;
            if (toolCallId == null) {
              throw Fields.missing("tool search call_id");
            }
            String name = Fields.string(item, "name", field.dot("name"));
            parts =
                List.of(
                    ToolDiscoveryCallPart.builder()
                        .toolCallId(toolCallId)
                        .discoveryToolName(name == null ? "tool_search" : name)
                        .arguments(Fields.value(item, "arguments"))
                        .status(status)
                        .execution(InputItems.execution(item, field))
                        .build());
            break;
          }
        case "code_interpreter_call":
          parts = builtin(item, id, "code_interpreter", "code", "container_id", "outputs", "status");
          break;
        case "web_search_call":
          parts = builtin(item, id, "web_search", "action", "queries", "status");
          break;
        case "file_search_call":
          parts = builtin(item, id, "file_search", "queries", "results", "status");
          break;
        case "computer_call":
          parts = builtin(item, id, "computer", "action", "status");
          break;
        case "image_generation_call":
          parts = builtin(item, id, "image_generation", "result", "status");
          break;
        case "local_shell_call":
          parts = builtin(item, id, "local_shell", "action", "status");
          break;
        case "mcp_call":
          parts = builtin(item, id, "mcp_call", "server_label", "status");
          break;
        case "mcp_list_tools":
          parts = builtin(item, id, "mcp_list_tools", "server_label", "tools", "status");
          break;
        case "mcp_approval_request":
          parts = builtin(item, id, "mcp_approval_request", "status");
          break;
        case "additional_tools":
          out.add(additionalTools(item, id, field));
          continue;
        default:
          // Output item types lingua has no conversion for are skipped.
          continue;
      }
      if (!parts.isEmpty()) {
        out.add(Message.assistant(parts, id));
      }
    }
    return out;
  }

  private static Message toolSearchOutput(JsonObject item, String id, String callId, String status, FieldPath field) {
    String toolCallId = callId != null ? callId : id;
    if (toolCallId == null) {
      throw Fields.missing("tool search output call_id");
    }
    String name = Fields.string(item, "name", field.dot("name"));
    return Message.tool(
        List.of(
            new ToolDiscoveryResultPart(
                toolCallId,
                name == null ? "tool_search" : name,
                ResponsesTools.discoveryItems(Fields.array(item, "tools", field.dot("tools")), field.dot("tools")),
                Optional.ofNullable(status),
                Optional.ofNullable(InputItems.execution(item, field)),
                Optional.empty())));
  }

  private static Message additionalTools(JsonObject item, String id, FieldPath field) {
    String role = Fields.string(item, "role", field.dot("role"));
    if (role == null) {
      throw Fields.missing("additional_tools role");
    }
    if (!role.equals("developer")) {
      throw new TranslationException(
          "Unsupported mapping: cannot convert RoleEnum::" + role + " to universal AdditionalTools (field "
              + field + ".role)");
    }
    JsonArray tools = Fields.array(item, "tools", field.dot("tools"));
    if (tools == null) {
      throw Fields.missing("additional_tools tools");
    }
    List<Tool> out = new ArrayList<>(tools.size());
    for (int i = 0; i < tools.size(); i++) {
      out.add(ResponsesTools.fromItemTool(tools.get(i), field.dot("tools").at(i)));
    }
    return Message.additionalTools(out, Optional.ofNullable(id));
  }

  private static List<Part> builtin(JsonObject item, String id, String toolName, String... keys) {
    JsonObject.Builder args = JsonObject.builder();
    for (String k : keys) {
      JsonValue v = item.getOrNull(k);
      args.put(k, v == null ? JsonNull.INSTANCE : v);
    }
    return List.of(
        ToolCallPart.builder()
            .toolCallId(id == null ? "" : id)
            .toolName(toolName)
            .arguments(ToolArguments.valid(args.build()))
            .providerExecuted(true)
            .build());
  }

  /**
   * A message item's text parts: non-empty annotations and any logprobs go to the part's provider options,
   * and the item's {@code phase} to the first text part's (so it survives a round trip).
   */
  private static List<Part> messageParts(JsonObject item, FieldPath field) {
    String phase = Fields.oneOf(item, "phase", field.dot("phase"), PHASES);
    JsonArray content = Fields.array(item, "content", field.dot("content"));
    List<Part> parts = new ArrayList<>();
    if (content == null) {
      return parts;
    }
    boolean phaseStored = false;
    for (int i = 0; i < content.size(); i++) {
      FieldPath cf = field.dot("content").at(i);
      JsonValue cv = content.get(i);
      if (!(cv instanceof JsonObject c)) {
        throw Fields.invalidType(cf, cv, "an output content object");
      }
      if (Fields.value(c, "type") == null) {
        throw Fields.missing(cf + ".type");
      }
      Fields.oneOf(c, "type", cf.dot("type"), "output_text", "reasoning_text", "refusal");
      String text = Fields.string(c, "text", cf.dot("text"));
      JsonArray annotations = Fields.array(c, "annotations", cf.dot("annotations"));
      JsonArray logprobs = Fields.array(c, "logprobs", cf.dot("logprobs"));
      if (text == null) {
        continue;
      }
      JsonObject.Builder options = JsonObject.builder();
      if (annotations != null && !annotations.isEmpty()) {
        options.put("annotations", annotations);
      }
      if (logprobs != null) {
        options.put("logprobs", logprobs);
      }
      if (!phaseStored) {
        phaseStored = true;
        if (phase != null) {
          options.put(PHASE_OPTION, phase);
        }
      }
      parts.add(TextPart.builder().text(text).providerOptions(options.isEmpty() ? null : options.build()).build());
    }
    return parts;
  }

  private static ToolCallPart toolCall(JsonObject item, String callId, String status, boolean custom, FieldPath field) {
    String toolCallId = InputItems.required(callId, "tool call call_id");
    String name = InputItems.required(Fields.string(item, "name", field.dot("name")), "tool call name");
    ToolArguments args;
    if (custom) {
      args = ToolArguments.custom(InputItems.required(Fields.string(item, "input", field.dot("input")), "custom tool call input"));
    } else {
      JsonValue raw = Fields.value(item, "arguments");
      String text =
          raw == null
              ? Defaults.EMPTY_OBJECT_STR
              : raw instanceof JsonString s ? s.value() : LinguaJson.writeSorted(raw);
      args = ToolArguments.fromString(text);
    }
    return ToolCallPart.builder()
        .toolCallId(toolCallId)
        .toolName(name)
        .arguments(args)
        .providerOptions(InputItems.namespaceOptions(Fields.string(item, "namespace", field.dot("namespace"))))
        .status("completed".equals(status) ? null : status)
        .caller(InputItems.caller(item, field))
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Messages to items
  // ---------------------------------------------------------------------------------------------

  /** Accumulates consecutive reasoning parts into one reasoning item. */
  private static final class Pending {
    JsonArray.Builder summaries = JsonArray.builder();
    String encrypted;
    boolean active;
  }

  /** Assigns the message id to the first item built from it. */
  private static final class IdSlot {
    private final Optional<String> id;
    private boolean used;

    IdSlot(Optional<String> id) {
      this.id = id;
    }

    String take() {
      if (used) {
        return null;
      }
      used = true;
      return id.orElse(null);
    }
  }

  /**
   * Messages as output items (user-style messages have no output form and are skipped, as are assistant
   * file and server tool-result parts); items without an id get {@code msg_transformed_item_<n>}.
   *
   * @throws TranslationException for values the output schema cannot carry
   */
  static List<JsonObject> fromMessages(List<Message> messages) {
    List<JsonObject.Builder> out = new ArrayList<>();
    for (Message m : messages) {
      switch (m.role()) {
        case TOOL:
          for (Part p : m.content()) {
            if (p instanceof ToolDiscoveryResultPart d) {
              JsonObject.Builder b =
                  JsonObject.builder().put("type", "tool_search_output").put("call_id", d.toolCallId());
              InputItems.putIfNotNull(b, "status", InputItems.knownStatus(d.status()));
              InputItems.putIfNotNull(b, "execution", InputItems.knownExecution(d.execution()));
              out.add(b.put("tools", ResponsesTools.discoveryTools(d.tools())));
            } else if (p instanceof ToolResultPart r) {
              boolean custom = r.customToolCall().orElse(false);
              JsonObject.Builder b =
                  JsonObject.builder()
                      .put("type", custom ? "custom_tool_call_output" : "function_call_output")
                      .put("call_id", r.toolCallId());
              if (!r.toolName().isEmpty()) {
                b.put("name", r.toolName());
              }
              r.caller().ifPresent(c -> b.put("caller", InputItems.callerJson(c)));
              out.add(b.put("output", InputItems.resultText(r.output())));
            }
          }
          break;
        case ADDITIONAL_TOOLS:
          {
            JsonObject.Builder b = JsonObject.builder().put("type", "additional_tools").put("role", "developer");
            m.id().ifPresent(id -> b.put("id", id));
            out.add(b.put("tools", ResponsesTools.toItemTools(m.tools())));
            break;
          }
        case ASSISTANT:
          assistantItems(m, out);
          break;
        default:
          break;
      }
    }
    List<JsonObject> items = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      JsonObject.Builder b = out.get(i);
      if (!b.has("id")) {
        b.put("id", "msg_" + Defaults.PLACEHOLDER_ID + "_item_" + i);
      }
      items.add(b.build());
    }
    return items;
  }

  private static void assistantItems(Message m, List<JsonObject.Builder> out) {
    if (m.stringContent()) {
      JsonObject.Builder b =
          JsonObject.builder()
              .put("type", "message")
              .put("role", "assistant")
              .put(
                  "content",
                  JsonArray.of(
                      JsonObject.builder()
                          .put("type", "output_text")
                          .put("text", m.text().orElseThrow())
                          .put("annotations", JsonArray.empty())
                          .build()));
      m.id().ifPresent(id -> b.put("id", id));
      out.add(b.put("status", "completed"));
      return;
    }
    IdSlot id = new IdSlot(m.id());
    Pending pending = new Pending();
    for (Part p : m.content()) {
      if (p instanceof ReasoningPart r) {
        if (r.encryptedContent().isPresent() && pending.active) {
          flush(pending, out, id);
        }
        pending.active = true;
        if (!r.text().isEmpty()) {
          pending.summaries.add(JsonObject.builder().put("text", r.text()).put("type", "summary_text").build());
        }
        if (r.encryptedContent().isPresent()) {
          pending.encrypted = r.encryptedContent().get();
        }
        continue;
      }
      if (p instanceof TextPart t) {
        flush(pending, out, id);
        out.add(textItem(t, id.take()));
      } else if (p instanceof ToolCallPart c) {
        flush(pending, out, id);
        out.add(callItem(c, id));
      } else if (p instanceof ProgramPart pp) {
        flush(pending, out, id);
        JsonObject.Builder b = JsonObject.builder().put("type", "program");
        pp.id().ifPresent(v -> b.put("id", v));
        b.put("call_id", pp.callId()).put("code", pp.code());
        pp.fingerprint().ifPresent(v -> b.put("fingerprint", v));
        out.add(b);
      } else if (p instanceof ProgramOutputPart po) {
        flush(pending, out, id);
        JsonObject.Builder b = JsonObject.builder().put("type", "program_output");
        po.id().ifPresent(v -> b.put("id", v));
        out.add(
            b.put("call_id", po.callId()).put("result", po.result()).put("status", InputItems.itemStatus(po.status())));
      } else if (p instanceof ToolDiscoveryCallPart d) {
        flush(pending, out, id);
        JsonObject item = InputItems.toolSearchCallItem(d, Optional.ofNullable(id.take()));
        out.add(item.toBuilder());
      }
      // File and server tool-result parts have no output item form; lingua skips them.
    }
    flush(pending, out, id);
  }

  private static void flush(Pending pending, List<JsonObject.Builder> out, IdSlot id) {
    if (!pending.active) {
      return;
    }
    JsonObject.Builder b =
        JsonObject.builder().put("type", "reasoning").put("content", JsonArray.empty()).put("summary", pending.summaries.build());
    if (pending.encrypted != null) {
      b.put("encrypted_content", pending.encrypted);
    }
    String itemId = id.take();
    if (itemId != null) {
      b.put("id", itemId);
    }
    out.add(b);
    pending.summaries = JsonArray.builder();
    pending.active = false;
    pending.encrypted = null;
  }

  /** The typed view of a text part's provider options lingua reads (all-or-nothing, like serde). */
  private static JsonObject.Builder textItem(TextPart t, String id) {
    JsonValue annotations = null;
    JsonValue logprobs = null;
    String phase = null;
    if (t.providerOptions().isPresent()) {
      JsonObject o = t.providerOptions().get();
      JsonValue a = Fields.value(o, "annotations");
      JsonValue l = Fields.value(o, "logprobs");
      JsonValue ph = Fields.value(o, PHASE_OPTION);
      boolean valid =
          (a == null || validAnnotations(a))
              && (l == null || l instanceof JsonArray)
              && (ph == null || (ph instanceof JsonString s && List.of(PHASES).contains(s.value())));
      if (valid) {
        annotations = a;
        logprobs = l;
        phase = ph == null ? null : ((JsonString) ph).value();
      }
    }
    JsonObject.Builder content =
        JsonObject.builder()
            .put("type", "output_text")
            .put("text", t.text())
            .put("annotations", annotations == null ? JsonArray.empty() : annotations);
    if (logprobs != null) {
      content.put("logprobs", logprobs);
    }
    JsonObject.Builder b =
        JsonObject.builder().put("type", "message").put("role", "assistant").put("content", JsonArray.of(content.build()));
    if (id != null) {
      b.put("id", id);
    }
    b.put("status", "completed");
    if (phase != null) {
      b.put("phase", phase);
    }
    return b;
  }

  private static boolean validAnnotations(JsonValue v) {
    if (!(v instanceof JsonArray a)) {
      return false;
    }
    for (JsonValue e : a) {
      if (!(e instanceof JsonObject o) || !(o.getOrNull("type") instanceof JsonString t) || !ANNOTATION_TYPES.contains(t.value())) {
        return false;
      }
    }
    return true;
  }

  /** Output item fields of each builtin type, read back from the call's arguments. */
  private static String[] builtinOutputKeys(String itemType) {
    switch (itemType) {
      case "code_interpreter_call":
        return new String[] {"code", "container_id", "outputs", "status"};
      case "web_search_call":
        return new String[] {"action", "queries", "status"};
      case "file_search_call":
        return new String[] {"queries", "results", "status"};
      case "computer_call":
      case "local_shell_call":
        return new String[] {"action", "status"};
      case "image_generation_call":
        return new String[] {"result", "status"};
      case "mcp_call":
        return new String[] {"server_label", "status"};
      case "mcp_list_tools":
        return new String[] {"server_label", "tools", "status"};
      default:
        return new String[] {"status"};
    }
  }

  /** Checks a builtin field the output schema types strictly (lingua's {@code parse_builtin_field}). */
  private static void checkBuiltinField(String key, JsonValue v, String toolName) {
    String field = toolName + "." + key;
    switch (key) {
      case "status":
        InputItems.itemStatusField(v, field);
        break;
      case "code":
      case "container_id":
      case "result":
      case "server_label":
        if (!(v instanceof JsonString)) {
          throw new TranslationException(
              "JSON serialization failed for field '" + field + "': expected a string, got " + v.kind());
        }
        break;
      case "queries":
        if (!(v instanceof JsonArray a) || !a.stream().allMatch(e -> e instanceof JsonString)) {
          throw new TranslationException(
              "JSON serialization failed for field '" + field + "': expected an array of strings");
        }
        break;
      default:
        if (!(v instanceof JsonObject) && !(v instanceof JsonArray)) {
          throw new TranslationException(
              "JSON serialization failed for field '" + field + "': unexpected " + v.kind());
        }
        break;
    }
  }

  private static JsonObject.Builder callItem(ToolCallPart c, IdSlot id) {
    String status = c.status().isPresent() ? InputItems.itemStatus(c.status().get()) : "completed";
    String namespace = c.providerOptions().flatMap(o -> o.getString("namespace")).orElse(null);
    String builtinType = c.isProviderExecuted() ? InputItems.builtinItemType(c.toolName()) : null;
    if (builtinType != null) {
      JsonObject.Builder b = JsonObject.builder().put("type", builtinType).put("id", c.toolCallId());
      if (c.arguments() instanceof ToolArguments.Valid a) {
        for (String k : builtinOutputKeys(builtinType)) {
          JsonValue v = a.value().getOrNull(k);
          if (v != null && !v.isNull()) {
            checkBuiltinField(k, v, c.toolName());
            b.put(k, v);
          }
        }
      }
      return b;
    }
    JsonObject.Builder b = JsonObject.builder();
    if (!c.isProviderExecuted()) {
      String itemId = id.take();
      if (itemId != null) {
        b.put("id", itemId);
      }
    }
    b.put("call_id", c.toolCallId()).put("name", c.toolName());
    if (namespace != null) {
      b.put("namespace", namespace);
    }
    c.caller().ifPresent(cl -> b.put("caller", InputItems.callerJson(cl)));
    if (c.arguments() instanceof ToolArguments.Custom custom && !c.isProviderExecuted()) {
      b.put("type", "custom_tool_call").put("input", custom.input());
    } else {
      b.put("type", "function_call").put("arguments", c.arguments().text());
    }
    return b.put("status", status);
  }
}
