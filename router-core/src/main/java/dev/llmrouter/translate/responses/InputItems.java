package dev.llmrouter.translate.responses;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.ConversationReference;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.MediaReferences;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ProgramOutputPart;
import dev.llmrouter.translate.ir.ProgramPart;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolCaller;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Responses request {@code input} items to universal messages and back (lingua's
 * {@code TryFromLLM<Vec<InputItem>> for Vec<Message>} and {@code universal_to_responses_input} in
 * openai/convert.rs, with openai/tool_discovery.rs for tool-search items).
 */
final class InputItems {
  private InputItems() {}

  /** Input item types of the OpenAI schema ({@code InputItemType}). */
  static final Set<String> ITEM_TYPES =
      Set.of(
          "additional_tools",
          "apply_patch_call",
          "apply_patch_call_output",
          "code_interpreter_call",
          "compaction",
          "compaction_trigger",
          "computer_call",
          "computer_call_output",
          "custom_tool_call",
          "custom_tool_call_output",
          "file_search_call",
          "function_call",
          "function_call_output",
          "image_generation_call",
          "item_reference",
          "local_shell_call",
          "local_shell_call_output",
          "mcp_approval_request",
          "mcp_approval_response",
          "mcp_call",
          "mcp_list_tools",
          "message",
          "program",
          "program_output",
          "reasoning",
          "shell_call",
          "shell_call_output",
          "tool_search_call",
          "tool_search_output",
          "web_search_call");

  /** Item statuses of the OpenAI schema ({@code Status}). */
  static final String[] STATUSES = {
    "calling", "completed", "failed", "generating", "in_progress", "incomplete", "interpreting", "searching"
  };

  static final String[] ROLES = {"assistant", "developer", "system", "user"};

  static final String[] CONTENT_TYPES = {
    "input_file", "input_image", "input_audio", "input_text", "output_text", "reasoning_text", "refusal"
  };

  static final String[] DETAILS = {"auto", "high", "low", "original"};

  // ---------------------------------------------------------------------------------------------
  // Items to messages
  // ---------------------------------------------------------------------------------------------

  /** The type of item {@code item}, validated; null when it has none. */
  static String itemType(JsonObject item, FieldPath field) {
    String type = Fields.string(item, "type", field.dot("type"));
    if (type != null && !ITEM_TYPES.contains(type)) {
      throw new TranslationException("unknown variant `" + type + "` (field " + field + ".type)");
    }
    return type;
  }

  /**
   * Splits the request's input into messages and {@code item_reference} ids.
   *
   * @param references receives the referenced item ids, in order
   * @throws TranslationException for items that cannot be read
   */
  static List<Message> toMessages(JsonArray items, List<ConversationReference> references) {
    List<Message> out = new ArrayList<>(items.size());
    String lastToolSearchCallId = null;
    for (int i = 0; i < items.size(); i++) {
      FieldPath field = FieldPath.index("input", i);
      JsonValue v = items.get(i);
      if (!(v instanceof JsonObject item)) {
        throw Fields.invalidType(field, v, "an input item object");
      }
      String pendingToolSearchCallId = lastToolSearchCallId;
      lastToolSearchCallId = null;
      String type = itemType(item, field);
      String id = Fields.string(item, "id", field.dot("id"));
      String status = Fields.oneOf(item, "status", field.dot("status"), STATUSES);
      Fields.oneOf(item, "role", field.dot("role"), ROLES);
      if (type == null) {
        out.add(messageItem(item, id, field));
        continue;
      }
      switch (type) {
        case "item_reference":
          if (id == null) {
            throw new TranslationException("OpenAI Responses item_reference missing id (field " + field + ".id)");
          }
          references.add(new ConversationReference(id));
          break;
        case "web_search_call":
          out.add(builtinCall(item, id, "web_search", caller(item, field), field, "action", "queries", "status"));
          break;
        case "code_interpreter_call":
          out.add(
              builtinCall(
                  item, id, "code_interpreter", caller(item, field), field, "code", "container_id", "outputs", "status"));
          break;
        case "file_search_call":
          out.add(builtinCall(item, id, "file_search", caller(item, field), field, "queries", "results", "status"));
          break;
        case "computer_call":
          out.add(builtinCall(item, id, "computer", null, field, "action", "status"));
          break;
        case "image_generation_call":
          out.add(builtinCall(item, id, "image_generation", null, field, "result", "status"));
          break;
        case "local_shell_call":
          out.add(builtinCall(item, id, "local_shell", null, field, "action", "status"));
          break;
        case "mcp_call":
          out.add(builtinCall(item, id, "mcp_call", null, field, "server_label", "status"));
          break;
        case "mcp_list_tools":
          out.add(builtinCall(item, id, "mcp_list_tools", null, field, "server_label", "tools", "status"));
          break;
        case "mcp_approval_request":
          out.add(builtinCall(item, id, "mcp_approval_request", null, field, "status"));
          break;
        case "tool_search_call":
          {
            String callId = Fields.string(item, "call_id", field.dot("call_id"));
            lastToolSearchCallId = callId != null ? callId : id;
            out.add(toolSearchCall(item, id, callId, status, field));
            break;
          }
        case "tool_search_output":
          {
            String callId = Fields.string(item, "call_id", field.dot("call_id"));
            if (callId == null) {
              callId = pendingToolSearchCallId;
            }
            out.add(toolSearchOutput(item, id, callId, status, field));
            break;
          }
        case "additional_tools":
          out.add(additionalTools(item, id, field));
          break;
        case "reasoning":
          out.add(reasoning(item, id, field));
          break;
        case "program":
          out.add(
              Message.assistant(
                  List.of(
                      new ProgramPart(
                          required(Fields.string(item, "call_id", field.dot("call_id")), "program call_id"),
                          required(Fields.string(item, "code", field.dot("code")), "program code"),
                          Optional.ofNullable(Fields.string(item, "fingerprint", field.dot("fingerprint"))),
                          Optional.ofNullable(id))),
                  id));
          break;
        case "program_output":
          out.add(
              Message.assistant(
                  List.of(
                      new ProgramOutputPart(
                          required(Fields.string(item, "call_id", field.dot("call_id")), "program_output call_id"),
                          required(Fields.string(item, "result", field.dot("result")), "program_output result"),
                          required(status, "program_output status"),
                          Optional.ofNullable(id))),
                  id));
          break;
        case "function_call":
        case "custom_tool_call":
          out.add(toolCall(item, id, status, type.equals("custom_tool_call"), field));
          break;
        case "function_call_output":
        case "custom_tool_call_output":
          out.add(toolResult(item, type.equals("custom_tool_call_output"), field));
          break;
        default:
          // message, and item types lingua has no conversion for (read as messages: they need role and
          // content like a message, which fails for real items of those types).
          out.add(messageItem(item, id, field));
          break;
      }
    }
    return out;
  }

  static <T> T required(T value, Object field) {
    if (value == null) {
      throw Fields.missing(field);
    }
    return value;
  }

  /** A caller of a call or output item, validated (a program caller needs an id). */
  static ToolCaller caller(JsonObject item, FieldPath field) {
    JsonObject c = Fields.object(item, "caller", field.dot("caller"));
    if (c == null) {
      return null;
    }
    String type = Fields.oneOf(c, "type", field.dot("caller.type"), "direct", "program");
    if (type == null) {
      throw Fields.missing(field.dot("caller.type"));
    }
    String callerId = Fields.string(c, "caller_id", field.dot("caller.caller_id"));
    ToolCaller caller =
        new ToolCaller(
            type.equals("direct") ? ToolCaller.Type.DIRECT : ToolCaller.Type.PROGRAM, Optional.ofNullable(callerId));
    validateCaller(caller);
    return caller;
  }

  static void validateCaller(ToolCaller caller) {
    if (caller.type() == ToolCaller.Type.PROGRAM && caller.callerId().filter(s -> !s.isEmpty()).isEmpty()) {
      throw Fields.missing("caller.caller_id");
    }
  }

  static JsonObject callerJson(ToolCaller caller) {
    validateCaller(caller);
    JsonObject.Builder b = JsonObject.builder().put("type", caller.type().wire());
    caller.callerId().ifPresent(id -> b.put("caller_id", id));
    return b.build();
  }

  /**
   * A provider-executed builtin call (web search, code interpreter, ...) as an assistant tool call whose
   * arguments hold the item's fields (JSON null for absent ones, as lingua builds them).
   */
  private static Message builtinCall(
      JsonObject item, String id, String toolName, ToolCaller caller, FieldPath field, String... keys) {
    JsonObject.Builder args = JsonObject.builder();
    for (String k : keys) {
      JsonValue v = item.getOrNull(k);
      args.put(k, v == null ? JsonNull.INSTANCE : v);
    }
    ToolCallPart call =
        ToolCallPart.builder()
            .toolCallId(id == null ? "" : id)
            .toolName(toolName)
            .arguments(ToolArguments.valid(args.build()))
            .caller(caller)
            .providerExecuted(true)
            .build();
    return Message.assistant(List.of(call), id);
  }

  /** The {@code query} member of tool-search arguments (an object, or a string holding one). */
  static String discoveryQuery(JsonValue arguments, FieldPath field) {
    if (arguments instanceof JsonObject o) {
      return Fields.string(o, "query", field.dot("arguments.query"));
    }
    if (arguments instanceof JsonString s) {
      Optional<JsonValue> parsed = LinguaJson.tryParse(s.value());
      if (parsed.isPresent() && parsed.get() instanceof JsonObject o && nullOrString(o.getOrNull("query"))) {
        return Fields.string(o, "query", field);
      }
    }
    return null;
  }

  private static boolean nullOrString(JsonValue v) {
    return v == null || v.isNull() || v instanceof JsonString;
  }

  /** Tool-search arguments: an object or a string (other values are refused, as by the typed schema). */
  static JsonValue discoveryArguments(JsonObject item, FieldPath field) {
    JsonValue args = Fields.value(item, "arguments");
    if (args != null && !(args instanceof JsonObject) && !(args instanceof JsonString)) {
      throw Fields.invalidType(field.dot("arguments"), args, "a string or an object");
    }
    return args;
  }

  static String execution(JsonObject item, FieldPath field) {
    return Fields.oneOf(item, "execution", field.dot("execution"), "client", "server");
  }

  private static Message toolSearchCall(JsonObject item, String id, String callId, String status, FieldPath field) {
    String toolCallId = callId != null ? callId : id;
    if (toolCallId == null) {
      throw Fields.missing("tool search call_id");
    }
    JsonValue args = discoveryArguments(item, field);
    ToolDiscoveryCallPart part =
        ToolDiscoveryCallPart.builder()
            .toolCallId(toolCallId)
            .discoveryToolName("tool_search")
            .query(discoveryQuery(args, field))
            .arguments(args)
            .status(status)
            .execution(execution(item, field))
            .build();
    return Message.assistant(List.of(part), id);
  }

  private static Message toolSearchOutput(JsonObject item, String id, String callId, String status, FieldPath field) {
    String toolCallId = callId != null ? callId : id;
    if (toolCallId == null) {
      throw Fields.missing("tool search output call_id");
    }
    ToolDiscoveryResultPart part =
        new ToolDiscoveryResultPart(
            toolCallId,
            "tool_search",
            ResponsesTools.discoveryItems(Fields.array(item, "tools", field.dot("tools")), field.dot("tools")),
            Optional.ofNullable(status),
            Optional.ofNullable(execution(item, field)),
            Optional.empty());
    return Message.tool(List.of(part));
  }

  private static Message additionalTools(JsonObject item, String id, FieldPath field) {
    String role = Fields.oneOf(item, "role", field.dot("role"), ROLES);
    if (role == null) {
      throw Fields.missing("additional_tools role");
    }
    if (!role.equals("developer")) {
      throw new TranslationException(
          "Unsupported mapping: cannot convert InputItemRole::" + role + " to universal AdditionalTools (field "
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

  /**
   * A reasoning item: one reasoning part per summary entry, the encrypted content on the first; an item
   * without summaries gives one empty reasoning part carrying the encrypted content.
   */
  static Message reasoning(JsonObject item, String id, FieldPath field) {
    String encrypted = Fields.string(item, "encrypted_content", field.dot("encrypted_content"));
    JsonArray summary = Fields.array(item, "summary", field.dot("summary"));
    List<Part> parts = new ArrayList<>();
    if (summary != null) {
      for (int i = 0; i < summary.size(); i++) {
        FieldPath sf = field.dot("summary").at(i);
        JsonValue s = summary.get(i);
        if (!(s instanceof JsonObject so)) {
          throw Fields.invalidType(sf, s, "a summary_text object");
        }
        String text = required(Fields.string(so, "text", sf.dot("text")), sf.dot("text"));
        parts.add(ReasoningPart.of(text, parts.isEmpty() ? encrypted : null));
      }
    }
    if (parts.isEmpty()) {
      parts.add(ReasoningPart.of("", encrypted));
    }
    return Message.assistant(parts, id);
  }

  /** The arguments of a function call: a string as is, an object as compact sorted JSON, else "{}". */
  static String argumentsText(JsonObject item, FieldPath field) {
    JsonValue args = Fields.value(item, "arguments");
    if (args == null) {
      return Defaults.EMPTY_OBJECT_STR;
    }
    if (args instanceof JsonString s) {
      return s.value();
    }
    if (args instanceof JsonObject o) {
      return LinguaJson.writeSorted(o);
    }
    throw Fields.invalidType(field.dot("arguments"), args, "a string or an object");
  }

  /** The namespace of a call item, carried in the tool call's provider options. */
  static JsonObject namespaceOptions(String namespace) {
    return namespace == null ? null : JsonObject.of("namespace", JsonString.of(namespace));
  }

  private static Message toolCall(JsonObject item, String id, String status, boolean custom, FieldPath field) {
    String callId = required(Fields.string(item, "call_id", field.dot("call_id")), "function call call_id");
    String name = required(Fields.string(item, "name", field.dot("name")), "function call name");
    ToolArguments args =
        custom
            ? ToolArguments.custom(
                required(Fields.string(item, "input", field.dot("input")), "custom tool call input"))
            : ToolArguments.fromString(argumentsText(item, field));
    ToolCallPart call =
        ToolCallPart.builder()
            .toolCallId(callId)
            .toolName(name)
            .arguments(args)
            .providerOptions(namespaceOptions(Fields.string(item, "namespace", field.dot("namespace"))))
            .status("completed".equals(status) ? null : status)
            .caller(caller(item, field))
            .build();
    return Message.assistant(List.of(call), id);
  }

  /**
   * The text of a call output: a string as is; content arrays and screenshot objects as compact JSON
   * (lingua re-serializes them through its typed schema).
   */
  static String outputText(JsonObject item, FieldPath field) {
    JsonValue out = Fields.value(item, "output");
    if (out == null) {
      return "";
    }
    if (out instanceof JsonString s) {
      return s.value();
    }
    if (out instanceof JsonArray || out instanceof JsonObject) {
      return out.toJson();
    }
    throw Fields.invalidType(field.dot("output"), out, "a string, an image object or a content array");
  }

  /** A string output that is JSON becomes that JSON value (as lingua parses tool outputs). */
  static JsonValue outputValue(String text) {
    return LinguaJson.tryParse(text).orElseGet(() -> JsonString.of(text));
  }

  private static Message toolResult(JsonObject item, boolean custom, FieldPath field) {
    String callId = required(Fields.string(item, "call_id", field.dot("call_id")), "function call output call_id");
    String name = Fields.string(item, "name", field.dot("name"));
    ToolResultPart part =
        ToolResultPart.builder()
            .toolCallId(callId)
            .toolName(name == null ? "" : name)
            .output(outputValue(outputText(item, field)))
            .customToolCall(custom ? Boolean.TRUE : null)
            .caller(caller(item, field))
            .build();
    return Message.tool(List.of(part));
  }

  private static Message messageItem(JsonObject item, String id, FieldPath field) {
    String role = Fields.oneOf(item, "role", field.dot("role"), ROLES);
    if (role == null) {
      throw Fields.missing("role");
    }
    JsonValue content = Fields.value(item, "content");
    if (content == null) {
      throw Fields.missing("content");
    }
    FieldPath cf = field.dot("content");
    if (role.equals("assistant")) {
      if (content instanceof JsonString s) {
        return new Message(
            Role.ASSISTANT, List.of(TextPart.of(s.value())), true, Optional.ofNullable(id), List.of());
      }
      JsonArray parts = contentArray(content, cf);
      List<Part> out = new ArrayList<>(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        out.add(assistantPart(parts.get(i), cf.at(i)));
      }
      return Message.assistant(out, id);
    }
    Role r = role.equals("user") ? Role.USER : role.equals("system") ? Role.SYSTEM : Role.DEVELOPER;
    if (content instanceof JsonString s) {
      return Message.ofText(r, s.value());
    }
    JsonArray parts = contentArray(content, cf);
    List<Part> out = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      out.add(userPart(parts.get(i), cf.at(i)));
    }
    return Message.of(r, out);
  }

  private static JsonArray contentArray(JsonValue content, FieldPath field) {
    if (content instanceof JsonArray a) {
      return a;
    }
    throw Fields.invalidType(field, content, "a string or an array of content parts");
  }

  private static JsonObject contentObject(JsonValue v, FieldPath field) {
    if (!(v instanceof JsonObject o)) {
      throw Fields.invalidType(field, v, "a content part object");
    }
    if (Fields.value(o, "type") == null) {
      throw Fields.missing(field.dot("type"));
    }
    Fields.oneOf(o, "type", field.dot("type"), CONTENT_TYPES);
    return o;
  }

  /** A {@code prompt_cache_breakpoint} ({@code {mode: "explicit"}}) read as an ephemeral cache control. */
  private static CacheControl breakpoint(JsonObject part, FieldPath field) {
    JsonObject bp = Fields.object(part, "prompt_cache_breakpoint", field.dot("prompt_cache_breakpoint"));
    if (bp == null) {
      return null;
    }
    if (Fields.oneOf(bp, "mode", field.dot("prompt_cache_breakpoint.mode"), "explicit") == null) {
      throw Fields.missing(field.dot("prompt_cache_breakpoint.mode"));
    }
    return CacheControl.EPHEMERAL;
  }

  private static Part userPart(JsonValue v, FieldPath field) {
    JsonObject p = contentObject(v, field);
    String type = p.getString("type").orElseThrow();
    switch (type) {
      case "input_text":
      case "output_text":
        {
          CacheControl cc = breakpoint(p, field);
          String text = required(Fields.string(p, "text", field.dot("text")), "text");
          return TextPart.builder().text(text).cacheControl(cc).build();
        }
      case "input_image":
        {
          if (breakpoint(p, field) != null) {
            throw new TranslationException(
                "Unsupported mapping: cannot convert OpenAI Responses input_image prompt_cache_breakpoint to "
                    + "Lingua image content (cache control is unsupported) (field " + field + ")");
          }
          String url = required(Fields.string(p, "image_url", field.dot("image_url")), "image_url");
          String detail = Fields.oneOf(p, "detail", field.dot("detail"), DETAILS);
          JsonObject options = detail == null ? null : JsonObject.of("detail", JsonString.of(detail));
          MediaReferences.DataUrl data = MediaReferences.parseBase64DataUrl(url).orElse(null);
          String image = data != null ? data.data() : url;
          String mediaType = data != null ? data.mediaType() : Defaults.DEFAULT_MIME_TYPE;
          return new ImagePart(JsonString.of(image), Optional.of(mediaType), Optional.ofNullable(options));
        }
      case "input_audio":
        throw new TranslationException(
            "Unsupported input type: InputAudio content type (field " + field + ".type)");
      case "input_file":
        {
          if (breakpoint(p, field) != null) {
            throw new TranslationException(
                "Unsupported mapping: cannot convert OpenAI Responses input_file prompt_cache_breakpoint to "
                    + "Lingua file content (cache control is unsupported) (field " + field + ")");
          }
          return filePart(p, field);
        }
      case "reasoning_text":
        return TextPart.of(required(Fields.string(p, "text", field.dot("text")), "text"));
      default: // refusal
        {
          String text = Fields.string(p, "text", field.dot("text"));
          return TextPart.of(text == null ? Defaults.REFUSAL_TEXT : text);
        }
    }
  }

  private static boolean knownTextExtension(String filename) {
    if (filename == null) {
      return false;
    }
    int dot = filename.lastIndexOf('.');
    String ext = filename.substring(dot + 1);
    return ext.equals("txt") || ext.equals("pdf");
  }

  /**
   * An {@code input_file} part as a universal file (lingua's {@code universal_file_payload_from_openai}): a
   * file URL is kept with a MIME type inferred from the name or URL; base64 data that decodes to UTF-8
   * text becomes {@code text/plain} text; other data keeps its base64. File ids cannot be carried.
   */
  private static Part filePart(JsonObject p, FieldPath field) {
    String fileData = Fields.string(p, "file_data", field.dot("file_data"));
    String fileUrl = Fields.string(p, "file_url", field.dot("file_url"));
    String fileId = Fields.string(p, "file_id", field.dot("file_id"));
    String filename = Fields.string(p, "filename", field.dot("filename"));
    if (fileId != null) {
      throw new TranslationException(
          "Unsupported input type: OpenAI file_id inputs are not supported: " + fileId + " (field " + field
              + ".file_id)");
    }
    String reference = fileUrl != null ? fileUrl : (fileData != null && MediaReferences.isRemoteMediaUri(fileData) ? fileData : null);
    String inferred = MediaReferences.inferMimeTypeFromReference(filename, reference).orElse(null);
    String mediaType = inferred != null ? inferred : "application/octet-stream";
    if (fileUrl != null) {
      return new FilePart(JsonString.of(fileUrl), Optional.ofNullable(filename), mediaType, Optional.empty());
    }
    if (fileData == null) {
      throw Fields.missing("file_data|file_url|file_id");
    }
    MediaReferences.DataUrl block = MediaReferences.parseBase64DataUrl(fileData).orElse(null);
    String base64 = block != null ? block.data() : fileData;
    String decoded = MediaReferences.decodeBase64Utf8(base64).orElse(null);
    String name = decoded != null && !knownTextExtension(filename) ? null : filename;
    String type = decoded != null ? "text/plain" : block != null ? block.mediaType() : mediaType;
    String data = decoded != null ? decoded : base64;
    return new FilePart(JsonString.of(data), Optional.ofNullable(name), type, Optional.empty());
  }

  private static Part assistantPart(JsonValue v, FieldPath field) {
    JsonObject p = contentObject(v, field);
    String type = p.getString("type").orElseThrow();
    if (!type.equals("input_text") && !type.equals("output_text")) {
      throw new TranslationException(
          "Unsupported input type: InputContent type: " + type + " (field " + field + ".type)");
    }
    CacheControl cc = breakpoint(p, field);
    JsonObject.Builder options = JsonObject.builder();
    JsonArray annotations = Fields.array(p, "annotations", field.dot("annotations"));
    if (annotations != null && !annotations.isEmpty()) {
      options.put("annotations", annotations);
    }
    JsonArray logprobs = Fields.array(p, "logprobs", field.dot("logprobs"));
    if (logprobs != null && !logprobs.isEmpty()) {
      options.put("logprobs", logprobs);
    }
    String text = required(Fields.string(p, "text", field.dot("text")), "text");
    return TextPart.builder()
        .text(text)
        .cacheControl(cc)
        .providerOptions(options.isEmpty() ? null : options.build())
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Messages to items
  // ---------------------------------------------------------------------------------------------

  /**
   * Universal messages as Responses input items (lingua's {@code universal_to_responses_input}): a tool
   * message gives one output item per result; an assistant message gives its reasoning items, then one
   * message item for its text, then its calls and program items in order.
   *
   * @throws TranslationException for content Responses input cannot carry
   */
  static void fromMessages(List<Message> messages, JsonArray.Builder out) {
    for (Message m : messages) {
      switch (m.role()) {
        case TOOL:
          toolMessageItems(m, out);
          break;
        case ASSISTANT:
          assistantItems(m, out);
          break;
        case ADDITIONAL_TOOLS:
          {
            JsonObject.Builder b = JsonObject.builder().put("role", "developer").put("type", "additional_tools");
            m.id().ifPresent(id -> b.put("id", id));
            b.put("tools", ResponsesTools.toItemTools(m.tools()));
            out.add(b.build());
            break;
          }
        default:
          out.add(userStyleItem(m));
          break;
      }
    }
  }

  /** A tool result's output as text: strings as is, other JSON compact with sorted keys. */
  static String resultText(JsonValue output) {
    return output instanceof JsonString s ? s.value() : LinguaJson.writeSorted(output);
  }

  /** Item status strings lingua can carry (others are dropped, as its typed conversion does). */
  static String knownStatus(Optional<String> status) {
    if (status.isEmpty()) {
      return null;
    }
    for (String s : STATUSES) {
      if (s.equals(status.get())) {
        return s;
      }
    }
    return null;
  }

  static String knownExecution(Optional<String> execution) {
    return execution.filter(e -> e.equals("client") || e.equals("server")).orElse(null);
  }

  private static void toolMessageItems(Message m, JsonArray.Builder out) {
    for (Part p : m.content()) {
      if (p instanceof ToolResultPart r) {
        boolean custom = r.customToolCall().orElse(false);
        JsonObject.Builder b =
            JsonObject.builder()
                .put("type", custom ? "custom_tool_call_output" : "function_call_output")
                .put("call_id", r.toolCallId())
                .put("output", resultText(r.output()));
        r.caller().ifPresent(c -> b.put("caller", callerJson(c)));
        if (!r.toolName().isEmpty()) {
          b.put("name", r.toolName());
        }
        out.add(b.build());
      } else if (p instanceof ToolDiscoveryResultPart d) {
        JsonObject.Builder b =
            JsonObject.builder().put("type", "tool_search_output").put("call_id", d.toolCallId());
        putIfNotNull(b, "status", knownStatus(d.status()));
        putIfNotNull(b, "execution", knownExecution(d.execution()));
        b.put("tools", ResponsesTools.discoveryTools(d.tools()));
        out.add(b.build());
      }
    }
  }

  static void putIfNotNull(JsonObject.Builder b, String key, String value) {
    if (value != null) {
      b.put(key, value);
    }
  }

  private static JsonObject userStyleItem(Message m) {
    JsonObject.Builder b = JsonObject.builder().put("role", m.role().wire());
    if (m.stringContent()) {
      b.put("content", m.text().orElseThrow());
    } else {
      JsonArray.Builder parts = JsonArray.builder();
      for (Part p : m.content()) {
        parts.add(userContent(p));
      }
      b.put("content", parts.build());
    }
    return b.put("type", "message").build();
  }

  private static JsonObject userContent(Part p) {
    if (p instanceof TextPart t) {
      JsonObject.Builder b = JsonObject.builder().put("type", "input_text").put("text", t.text());
      JsonObject bp = promptCacheBreakpoint(t.cacheControl());
      if (bp != null) {
        b.put("prompt_cache_breakpoint", bp);
      }
      return b.build();
    }
    if (p instanceof ImagePart img) {
      if (!(img.image() instanceof JsonString s)) {
        throw new TranslationException(
            "Unsupported input type: Image type must be string URL, got " + img.image().kind() + " (field image)");
      }
      String url = s.value();
      if (!url.startsWith("data:") && !url.startsWith("http://") && !url.startsWith("https://")) {
        url = "data:" + img.mediaType().orElse(Defaults.DEFAULT_MIME_TYPE) + ";base64," + url;
      }
      JsonObject.Builder b = JsonObject.builder().put("type", "input_image").put("image_url", url);
      img.providerOptions()
          .flatMap(o -> o.getString("detail"))
          .filter(d -> List.of(DETAILS).contains(d))
          .ifPresent(d -> b.put("detail", d));
      return b.build();
    }
    return fileContent((FilePart) p);
  }

  /** A text part's cache control as a breakpoint; TTLs cannot be carried. */
  private static JsonObject promptCacheBreakpoint(Optional<CacheControl> cc) {
    if (cc.isEmpty()) {
      return null;
    }
    if (cc.get().ttl().isPresent()) {
      throw new TranslationException(
          "Unsupported mapping: cannot convert cache_control.ttl `"
              + cc.get().ttl().get().wire()
              + "` to OpenAI Responses prompt_cache_options.ttl (only `30m` is supported) (field cache_control)");
    }
    return JsonObject.of("mode", JsonString.of("explicit"));
  }

  private static JsonObject fileContent(FilePart f) {
    String mediaType = f.mediaType();
    if (mediaType.startsWith("audio/") || mediaType.startsWith("video/")) {
      throw new TranslationException(
          "Unsupported mapping: cannot convert Lingua file content with MIME type " + mediaType
              + " to OpenAI Responses input_file (field file)");
    }
    if (!(f.data() instanceof JsonString s)) {
      throw new TranslationException(
          "Unsupported input type: File data must be string-backed for OpenAI, got " + f.data().kind()
              + " (field file.data)");
    }
    String data = s.value();
    MediaReferences.DataUrl block = MediaReferences.parseBase64DataUrl(data).orElse(null);
    if (block == null && (data.startsWith("http://") || data.startsWith("https://"))) {
      return JsonObject.builder().put("type", "input_file").put("file_url", data).build();
    }
    String fileData =
        block != null
            ? "data:" + block.mediaType() + ";base64," + block.data()
            : "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
    return JsonObject.builder()
        .put("type", "input_file")
        .put("file_data", fileData)
        .put("filename", fileName(f))
        .build();
  }

  /** The file name: its own, else a {@code title} provider option, else one derived from the MIME type. */
  static String fileName(FilePart f) {
    if (f.filename().isPresent()) {
      return f.filename().get();
    }
    Optional<String> title = f.providerOptions().flatMap(o -> o.getString("title"));
    if (title.isPresent()) {
      return title.get();
    }
    switch (f.mediaType()) {
      case "text/plain":
        return "document.txt";
      case "application/pdf":
        return "document.pdf";
      default:
        return "document";
    }
  }

  /** An assistant text part as {@code output_text} (assistant cache breakpoints cannot be carried). */
  static JsonObject outputTextContent(TextPart t) {
    if (t.cacheControl().isPresent()) {
      throw new TranslationException(
          "Unsupported mapping: cannot convert Lingua assistant text cache_control to OpenAI Responses "
              + "output_text (prompt_cache_breakpoint is unsupported) (field cache_control)");
    }
    JsonValue annotations = t.providerOptions().flatMap(o -> o.getNonNull("annotations")).orElse(null);
    JsonValue logprobs = t.providerOptions().flatMap(o -> o.getNonNull("logprobs")).orElse(null);
    return JsonObject.builder()
        .put("type", "output_text")
        .put("text", t.text())
        .put("annotations", annotations instanceof JsonArray ? annotations : JsonArray.empty())
        .put("logprobs", logprobs instanceof JsonArray ? logprobs : JsonArray.empty())
        .build();
  }

  /** A non-call assistant part as input content; only text and web-search results can be carried. */
  private static JsonObject assistantContent(Part p) {
    if (p instanceof TextPart t) {
      return outputTextContent(t);
    }
    if (p instanceof ToolResultPart r) {
      boolean webSearch =
          r.toolName().equals("web_search")
              || (r.output() instanceof JsonObject o
                  && "web_search_tool_result".equals(o.getString("anthropic_type").orElse(null)));
      if (webSearch) {
        return JsonObject.builder()
            .put("type", "output_text")
            .put("text", LinguaJson.writeSorted(r.output()))
            .put("annotations", JsonArray.empty())
            .put("logprobs", JsonArray.empty())
            .build();
      }
      throw new TranslationException(
          "Unsupported input type: AssistantContentPart::ToolResult for tool: " + r.toolName()
              + " (field content)");
    }
    FilePart f = (FilePart) p;
    throw new TranslationException(
        "Unsupported input type: AssistantContentPart::File (media_type: " + f.mediaType()
            + ") is not supported by OpenAI (field content)");
  }

  private static void assistantItems(Message m, JsonArray.Builder out) {
    Optional<String> id = m.id();
    if (m.stringContent()) {
      JsonObject.Builder b =
          JsonObject.builder().put("role", "assistant").put("content", m.text().orElseThrow());
      id.ifPresent(v -> b.put("id", v));
      out.add(b.put("type", "message").put("status", "completed").build());
      return;
    }
    // Reasoning groups: a part with encrypted content starts a new item, later plain parts join the last.
    List<List<String>> reasoningTexts = new ArrayList<>();
    List<String> reasoningEncrypted = new ArrayList<>();
    JsonArray.Builder normal = JsonArray.builder();
    List<Object> sequenced = new ArrayList<>();
    boolean toolCallSignature = false;
    for (Part p : m.content()) {
      if (p instanceof ReasoningPart r) {
        if (r.encryptedContent().isPresent() || reasoningTexts.isEmpty()) {
          List<String> texts = new ArrayList<>();
          texts.add(r.text());
          reasoningTexts.add(texts);
          reasoningEncrypted.add(r.encryptedContent().orElse(null));
        } else {
          reasoningTexts.get(reasoningTexts.size() - 1).add(r.text());
        }
      } else if (p instanceof ToolCallPart c) {
        toolCallSignature |= c.encryptedContent().isPresent();
        sequenced.add(c);
      } else if (p instanceof ToolDiscoveryCallPart || p instanceof ProgramPart || p instanceof ProgramOutputPart) {
        sequenced.add(p);
      } else if (p instanceof RedactedReasoningPart) {
        // No Responses form: dropped, as lingua drops Anthropic redacted_thinking.
        continue;
      } else {
        normal.add(assistantContent(p));
      }
    }
    if (reasoningTexts.isEmpty() && toolCallSignature) {
      throw new TranslationException(
          "Content conversion failed: OpenAI Responses input cannot represent encrypted reasoning signatures "
              + "attached only to function tool calls");
    }
    for (int i = 0; i < reasoningTexts.size(); i++) {
      JsonArray.Builder summary = JsonArray.builder();
      for (String text : reasoningTexts.get(i)) {
        if (!text.isEmpty()) {
          summary.add(JsonObject.builder().put("text", text).put("type", "summary_text").build());
        }
      }
      JsonObject.Builder b = JsonObject.builder().put("content", JsonArray.empty()).put("type", "reasoning");
      if (i == 0) {
        id.ifPresent(v -> b.put("id", v));
      }
      b.put("summary", summary.build());
      putIfNotNull(b, "encrypted_content", reasoningEncrypted.get(i));
      out.add(b.build());
    }
    if (!normal.isEmpty()) {
      JsonObject.Builder b = JsonObject.builder().put("role", "assistant").put("content", normal.build());
      if (reasoningTexts.isEmpty()) {
        id.ifPresent(v -> b.put("id", v));
      }
      out.add(b.put("type", "message").put("status", "completed").build());
    }
    for (Object s : sequenced) {
      if (s instanceof ToolCallPart c) {
        out.add(callItem(c, id));
      } else if (s instanceof ToolDiscoveryCallPart d) {
        out.add(toolSearchCallItem(d, id));
      } else if (s instanceof ProgramPart p) {
        JsonObject.Builder b = JsonObject.builder().put("type", "program");
        p.id().ifPresent(v -> b.put("id", v));
        b.put("call_id", p.callId()).put("code", p.code());
        p.fingerprint().ifPresent(v -> b.put("fingerprint", v));
        out.add(b.build());
      } else {
        ProgramOutputPart p = (ProgramOutputPart) s;
        JsonObject.Builder b = JsonObject.builder().put("type", "program_output");
        p.id().ifPresent(v -> b.put("id", v));
        b.put("call_id", p.callId()).put("result", p.result()).put("status", itemStatus(p.status()));
        out.add(b.build());
      }
    }
  }

  /**
   * A status string that must be an item status of the schema.
   *
   * @throws TranslationException for other values
   */
  static String itemStatus(String status) {
    for (String s : STATUSES) {
      if (s.equals(status)) {
        return s;
      }
    }
    throw new TranslationException(
        "Invalid FunctionCallItemStatus value: '" + status + "' (field status)");
  }

  /**
   * Checks a builtin call's {@code status} argument is an item status (lingua's typed
   * {@code parse_builtin_field}).
   *
   * @throws TranslationException otherwise
   */
  static void itemStatusField(JsonValue v, Object field) {
    if (v instanceof JsonString s && knownStatus(Optional.of(s.value())) != null) {
      return;
    }
    throw new TranslationException(
        "JSON serialization failed for field '" + field + "': unknown status " + v.toJson());
  }

  /** A tool-search call item (arguments default to {@code {query}}). */
  static JsonObject toolSearchCallItem(ToolDiscoveryCallPart d, Optional<String> id) {
    JsonObject.Builder b = JsonObject.builder().put("type", "tool_search_call");
    id.ifPresent(v -> b.put("id", v));
    b.put("call_id", d.toolCallId());
    JsonValue args = d.arguments().orElse(null);
    if (args == null && d.query().isPresent()) {
      args = JsonObject.of("query", JsonString.of(d.query().get()));
    }
    if (args != null) {
      b.put("arguments", args instanceof JsonObject || args instanceof JsonString ? args : JsonString.of(args.toJson()));
    }
    putIfNotNull(b, "status", knownStatus(d.status()));
    putIfNotNull(b, "execution", knownExecution(d.execution()));
    return b.build();
  }

  /** The keys of each provider-executed builtin's item, from its tool name. */
  static String builtinItemType(String toolName) {
    switch (toolName) {
      case "web_search":
        return "web_search_call";
      case "code_interpreter":
        return "code_interpreter_call";
      case "file_search":
        return "file_search_call";
      case "computer":
        return "computer_call";
      case "image_generation":
        return "image_generation_call";
      case "local_shell":
        return "local_shell_call";
      case "mcp_call":
        return "mcp_call";
      case "mcp_list_tools":
        return "mcp_list_tools";
      case "mcp_approval_request":
        return "mcp_approval_request";
      default:
        return null;
    }
  }

  /** Fields copied back from a builtin call's arguments onto its input item (status is set separately). */
  private static String[] builtinInputKeys(String itemType) {
    switch (itemType) {
      case "web_search_call":
        return new String[] {"action", "queries"};
      case "code_interpreter_call":
        return new String[] {"code", "container_id", "outputs"};
      case "file_search_call":
        return new String[] {"queries", "results"};
      case "computer_call":
      case "local_shell_call":
        return new String[] {"action"};
      case "image_generation_call":
        return new String[] {"result"};
      case "mcp_call":
        return new String[] {"server_label"};
      case "mcp_list_tools":
        return new String[] {"server_label", "tools"};
      default:
        return new String[0];
    }
  }

  private static JsonValue argumentsValue(ToolArguments args) {
    return args instanceof ToolArguments.Valid v ? v.value() : JsonString.of(args.text());
  }

  /**
   * A tool call as an input item: provider-executed builtins go back to their own item type with the
   * fields from the arguments; custom calls become {@code custom_tool_call}; others {@code function_call}.
   */
  private static JsonObject callItem(ToolCallPart c, Optional<String> id) {
    String status = c.status().isPresent() ? itemStatus(c.status().get()) : "completed";
    String namespace = c.providerOptions().flatMap(o -> o.getString("namespace")).orElse(null);
    String builtinType = c.isProviderExecuted() ? builtinItemType(c.toolName()) : null;
    if (builtinType != null) {
      JsonValue args = argumentsValue(c.arguments());
      JsonObject.Builder b = JsonObject.builder().put("type", builtinType);
      id.ifPresent(v -> b.put("id", v));
      if (args instanceof JsonObject a) {
        for (String k : builtinInputKeys(builtinType)) {
          JsonValue v = a.getOrNull(k);
          if (v != null && !v.isNull()) {
            b.put(k, v);
          }
        }
        // The status comes from the arguments only, and only when it is a valid item status.
        if (a.getOrNull("status") instanceof JsonString st) {
          putIfNotNull(b, "status", knownStatus(Optional.of(st.value())));
        }
      }
      c.caller().ifPresent(cl -> b.put("caller", callerJson(cl)));
      return b.build();
    }
    JsonObject.Builder b = JsonObject.builder();
    id.ifPresent(v -> b.put("id", v));
    b.put("call_id", c.toolCallId()).put("name", c.toolName());
    if (namespace != null) {
      b.put("namespace", namespace);
    }
    c.caller().ifPresent(cl -> b.put("caller", callerJson(cl)));
    if (c.arguments() instanceof ToolArguments.Custom custom && !c.isProviderExecuted()) {
      b.put("type", "custom_tool_call").put("input", custom.input());
    } else {
      b.put("type", "function_call").put("arguments", c.arguments().text());
    }
    return b.put("status", status).build();
  }

  // ---------------------------------------------------------------------------------------------
  // Model rules on items
  // ---------------------------------------------------------------------------------------------

  /** The items without {@code prompt_cache_breakpoint} on their content parts (for models without it). */
  static JsonArray stripPromptCacheBreakpoints(JsonArray items) {
    JsonArray.Builder out = JsonArray.builder();
    boolean changed = false;
    for (JsonValue v : items) {
      JsonValue item = v;
      if (v instanceof JsonObject o && o.getOrNull("content") instanceof JsonArray parts) {
        JsonArray.Builder np = JsonArray.builder();
        boolean partChanged = false;
        for (JsonValue p : parts) {
          if (p instanceof JsonObject po && po.has("prompt_cache_breakpoint")) {
            np.add(po.without("prompt_cache_breakpoint"));
            partChanged = true;
          } else {
            np.add(p);
          }
        }
        if (partChanged) {
          item = o.with("content", np.build());
          changed = true;
        }
      }
      out.add(item);
    }
    return changed ? out.build() : items;
  }
}
