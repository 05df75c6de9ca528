package dev.llmrouter.translate.openai;

import static dev.llmrouter.translate.openai.ChatJson.arr;
import static dev.llmrouter.translate.openai.ChatJson.enumOf;
import static dev.llmrouter.translate.openai.ChatJson.index;
import static dev.llmrouter.translate.openai.ChatJson.nonNull;
import static dev.llmrouter.translate.openai.ChatJson.obj;
import static dev.llmrouter.translate.openai.ChatJson.optEnum;
import static dev.llmrouter.translate.openai.ChatJson.optString;
import static dev.llmrouter.translate.openai.ChatJson.str;
import static dev.llmrouter.translate.openai.ChatJson.path;
import static dev.llmrouter.translate.openai.ChatJson.requireString;
import static dev.llmrouter.translate.openai.ChatJson.value;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.AllowedCaller;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.Defaults;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.MediaReferences;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.Tool;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolAvailability;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultItem;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolKind;
import dev.llmrouter.translate.ir.ToolResultPart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chat Completions messages to and from the universal IR (the Chat halves of lingua's
 * providers/openai/convert.rs: {@code ChatCompletionRequestMessageExt} and
 * {@code ChatCompletionResponseMessageExt} with the non-standard {@code reasoning} /
 * {@code reasoning_content} and {@code reasoning_signature} message fields and {@code cache_control} on
 * messages and parts).
 */
final class ChatMessages {
  private ChatMessages() {}

  private static final JsonObject BREAKPOINT = JsonObject.of("mode", JsonString.of("explicit"));

  // =============================================================================================
  // Parsed wire shapes (lingua's typed structs, validated on read)
  // =============================================================================================

  /** A tool call of an assistant message; {@code name}/{@code arguments} are null for custom calls. */
  private record WireToolCall(String id, String name, String arguments) {}

  /** A reasoning signature: one string or a list. */
  private record Signature(List<String> values, boolean single) {}

  /** A content part of a request message ({@code parent} and {@code index} locate it for errors). */
  private record WirePart(
      String type,
      String text,
      String imageUrl,
      JsonObject file,
      boolean breakpoint,
      JsonValue cacheControl,
      String parent,
      int index) {
    String field() {
      return ChatJson.index(path(parent, "content"), index);
    }
  }

  /** A request message. */
  private record WireMessage(
      String role,
      String contentText,
      List<WirePart> contentParts,
      String name,
      List<WireToolCall> toolCalls,
      String toolCallId,
      JsonValue cacheControl,
      String reasoning,
      Signature signature,
      String field) {}

  private static final String[] ROLES = {"assistant", "developer", "function", "system", "tool", "user"};
  private static final String[] PART_TYPES = {"file", "image_url", "input_audio", "refusal", "text"};

  private static WireMessage readRequestMessage(JsonValue v, String field) {
    JsonObject o = ChatJson.object(v, field);
    String role = null;
    String contentText = null;
    List<WirePart> parts = null;
    String name = null;
    List<WireToolCall> toolCalls = null;
    String toolCallId = null;
    JsonValue cacheControl = null;
    JsonValue reasoning = null;
    boolean reasoningSeen = false;
    Signature signature = null;
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      String k = e.getKey();
      JsonValue m = e.getValue();
      switch (k) {
        case "role":
          role = enumOf(m, field, k, ROLES);
          break;
        case "content":
          if (m instanceof JsonString s) {
            contentText = s.value();
          } else if (m instanceof JsonArray a) {
            parts = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
              parts.add(readPart(a.get(i), field, i));
            }
          } else if (!m.isNull()) {
            throw ChatJson.invalidType(m, "a string or an array of content parts", path(field, k));
          }
          break;
        case "name":
          name = str(m, field, k);
          break;
        case "refusal":
          str(m, field, k);
          break;
        case "audio":
          {
            JsonObject audio = obj(m, field, k);
            if (audio != null) {
              requireString(audio, "id", path(field, k));
            }
            break;
          }
        case "function_call":
          {
            JsonObject call = obj(m, field, k);
            if (call != null) {
              requireString(call, "arguments", path(field, k));
              requireString(call, "name", path(field, k));
            }
            break;
          }
        case "tool_calls":
          toolCalls = readToolCalls(m, field);
          break;
        case "tool_call_id":
          toolCallId = str(m, field, k);
          break;
        case "cache_control":
          cacheControl = nonNull(m);
          break;
        case "reasoning":
        case "reasoning_content":
          if (reasoningSeen) {
            throw new TranslationException("duplicate field `reasoning` (field " + path(field, k) + ")");
          }
          reasoningSeen = true;
          reasoning = nonNull(m);
          break;
        case "reasoning_signature":
          signature = readSignature(m, field);
          break;
        default:
          break; // lingua's typed message ignores other members
      }
    }
    if (role == null) {
      throw ChatJson.missing("role", path(field, "role"));
    }
    return new WireMessage(
        role,
        contentText,
        parts,
        name,
        toolCalls,
        toolCallId,
        cacheControl,
        requestReasoningText(reasoning, field),
        signature,
        field);
  }

  private static WirePart readPart(JsonValue v, String parent, int index) {
    if (!(v instanceof JsonObject o)) {
      throw ChatJson.invalidType(v, "a map", index(path(parent, "content"), index));
    }
    String type = null;
    String text = null;
    String url = null;
    JsonObject file = null;
    boolean breakpoint = false;
    JsonValue cacheControl = null;
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      String k = e.getKey();
      JsonValue m = e.getValue();
      if (m.isNull()) {
        continue;
      }
      switch (k) {
        case "type":
          type = enumOf(m, index(path(parent, "content"), index), k, PART_TYPES);
          break;
        case "text":
          text = str(m, index(path(parent, "content"), index), k);
          break;
        case "refusal":
          str(m, index(path(parent, "content"), index), k);
          break;
        case "image_url":
          {
            String f = path(index(path(parent, "content"), index), k);
            JsonObject image = ChatJson.object(m, f);
            url = requireString(image, "url", f);
            optEnum(image, "detail", f, "auto", "high", "low");
            break;
          }
        case "input_audio":
          {
            String f = path(index(path(parent, "content"), index), k);
            JsonObject audio = ChatJson.object(m, f);
            requireString(audio, "data", f);
            if (value(audio, "format") == null) {
              throw ChatJson.missing("format", path(f, "format"));
            }
            optEnum(audio, "format", f, "mp3", "wav");
            break;
          }
        case "file":
          {
            String f = path(index(path(parent, "content"), index), k);
            file = ChatJson.object(m, f);
            optString(file, "file_data", f);
            optString(file, "file_id", f);
            optString(file, "filename", f);
            break;
          }
        case "prompt_cache_breakpoint":
          {
            String f = path(index(path(parent, "content"), index), k);
            JsonObject bp = ChatJson.object(m, f);
            if (value(bp, "mode") == null) {
              throw ChatJson.missing("mode", path(f, "mode"));
            }
            optEnum(bp, "mode", f, "explicit");
            breakpoint = true;
            break;
          }
        case "cache_control":
          cacheControl = m;
          break;
        default:
          break; // lingua's typed part ignores other members
      }
    }
    if (type == null) {
      throw ChatJson.missing("type", path(index(path(parent, "content"), index), "type"));
    }
    return new WirePart(type, text, url, file, breakpoint, cacheControl, parent, index);
  }

  private static List<WireToolCall> readToolCalls(JsonValue value, String field) {
    JsonArray calls = arr(value, field, "tool_calls");
    if (calls == null) {
      return null;
    }
    List<WireToolCall> out = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      JsonValue cv = calls.get(i);
      if (!(cv instanceof JsonObject call)) {
        throw ChatJson.invalidType(cv, "a map", index(path(field, "tool_calls"), i));
      }
      String id = null;
      String type = null;
      String name = null;
      String arguments = null;
      boolean function = false;
      for (Map.Entry<String, JsonValue> e : call.members().entrySet()) {
        String k = e.getKey();
        JsonValue m = e.getValue();
        if (m.isNull()) {
          continue;
        }
        switch (k) {
          case "id":
            id = str(m, index(path(field, "tool_calls"), i), k);
            break;
          case "type":
            type = enumOf(m, index(path(field, "tool_calls"), i), k, "custom", "function");
            break;
          case "function":
            {
              String f = index(path(field, "tool_calls"), i);
              JsonObject fn = obj(m, f, k);
              arguments = requireString(fn, "arguments", path(f, k));
              name = requireString(fn, "name", path(f, k));
              function = true;
              break;
            }
          case "custom":
            {
              String f = index(path(field, "tool_calls"), i);
              JsonObject custom = obj(m, f, k);
              requireString(custom, "input", path(f, k));
              requireString(custom, "name", path(f, k));
              break;
            }
          default:
            break;
        }
      }
      if (id == null) {
        throw ChatJson.missing("id", path(index(path(field, "tool_calls"), i), "id"));
      }
      if (type == null) {
        throw ChatJson.missing("type", path(index(path(field, "tool_calls"), i), "type"));
      }
      out.add(function ? new WireToolCall(id, name, arguments) : new WireToolCall(id, null, null));
    }
    return out;
  }

  /**
   * Request reasoning text: a string (kept even when empty), or an array of {@code {id?, content?}} whose
   * contents are concatenated (none when that is empty).
   */
  private static String requestReasoningText(JsonValue r, String field) {
    if (r == null) {
      return null;
    }
    if (r instanceof JsonString s) {
      return s.value();
    }
    String f = path(field, "reasoning");
    if (r instanceof JsonArray a) {
      StringBuilder combined = new StringBuilder();
      for (int i = 0; i < a.size(); i++) {
        JsonObject part = ChatJson.object(a.get(i), index(f, i));
        optString(part, "id", index(f, i));
        String c = optString(part, "content", index(f, i));
        if (c != null) {
          combined.append(c);
        }
      }
      return combined.length() == 0 ? null : combined.toString();
    }
    throw ChatJson.invalidType(r, "a string or an array of reasoning parts", f);
  }

  private static Signature readSignature(JsonValue s, String field) {
    if (s == null || s.isNull()) {
      return null;
    }
    if (s instanceof JsonString str) {
      return new Signature(List.of(str.value()), true);
    }
    String f = path(field, "reasoning_signature");
    if (s instanceof JsonArray a) {
      List<String> values = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        values.add(ChatJson.string(a.get(i), index(f, i)));
      }
      return new Signature(values, false);
    }
    throw ChatJson.invalidType(s, "a string or an array of strings", f);
  }

  // =============================================================================================
  // Request messages: Chat -> IR
  // =============================================================================================

  /**
   * Chat request messages in universal form.
   *
   * @throws TranslationException for malformed messages and parts the IR cannot take
   */
  static List<Message> toUniversal(JsonArray messages, String field) {
    List<Message> out = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      out.add(requestMessageToUniversal(readRequestMessage(messages.get(i), index(field, i))));
    }
    return out;
  }

  private static Message requestMessageToUniversal(WireMessage m) {
    switch (m.role()) {
      case "system":
        return userLike(Role.SYSTEM, m);
      case "developer":
        return userLike(Role.DEVELOPER, m);
      case "user":
        return userLike(Role.USER, m);
      case "assistant":
        return assistantRequestMessage(m);
      case "tool":
        return toolMessage(m);
      default:
        return functionMessage(m);
    }
  }

  /**
   * System, developer and user content (lingua's {@code chat_completion_content_to_user_content}). A
   * message-level {@code cache_control} turns string content into one text part carrying it. The
   * message's {@code name} is dropped, as lingua drops it.
   */
  private static Message userLike(Role role, WireMessage m) {
    if (m.contentText() != null) {
      if (m.cacheControl() != null) {
        TextPart part =
            TextPart.builder().text(m.contentText()).cacheControl(lenientCacheControl(m.cacheControl())).build();
        return Message.of(role, List.of(part));
      }
      return Message.ofText(role, m.contentText());
    }
    if (m.contentParts() == null) {
      throw ChatJson.missing("content", path(m.field(), "content"));
    }
    List<Part> parts = new ArrayList<>(m.contentParts().size());
    for (WirePart p : m.contentParts()) {
      parts.add(userPart(p));
    }
    return Message.of(role, parts);
  }

  /** lingua's {@code cache_control_from_value}: a value that is not a valid cache control is ignored. */
  private static CacheControl lenientCacheControl(JsonValue v) {
    if (v == null) {
      return null;
    }
    try {
      return CacheControl.fromJson(v, "cache_control");
    } catch (TranslationException e) {
      return null;
    }
  }

  private static CacheControl partCacheControl(WirePart p) {
    CacheControl cc = lenientCacheControl(p.cacheControl());
    if (cc == null && p.breakpoint()) {
      cc = CacheControl.EPHEMERAL;
    }
    return cc;
  }

  /**
   * One user-style part. Image {@code detail} is dropped (lingua keeps no image options); cache metadata on
   * images and files, audio and refusal parts are errors.
   */
  private static Part userPart(WirePart p) {
    CacheControl cc = partCacheControl(p);
    switch (p.type()) {
      case "text":
        if (p.text() == null) {
          throw ChatJson.missing("text", path(p.field(), "text"));
        }
        return TextPart.builder().text(p.text()).cacheControl(cc).build();
      case "image_url":
        if (cc != null) {
          throw unsupportedMapping(
              "OpenAI Chat Completions image_url cache metadata",
              "Lingua image content (cache control is unsupported)",
              p.field());
        }
        if (p.imageUrl() == null) {
          throw ChatJson.missing("image_url", path(p.field(), "image_url"));
        }
        Optional<MediaReferences.DataUrl> data = MediaReferences.parseBase64DataUrl(p.imageUrl());
        if (data.isPresent()) {
          return ImagePart.of(data.get().data(), Optional.of(data.get().mediaType()));
        }
        return ImagePart.of(p.imageUrl(), Optional.empty());
      case "file":
        if (cc != null) {
          throw unsupportedMapping(
              "OpenAI Chat Completions file cache metadata",
              "Lingua file content (cache control is unsupported)",
              p.field());
        }
        if (p.file() == null) {
          throw ChatJson.missing("file", path(p.field(), "file"));
        }
        return filePart(p.file(), path(p.field(), "file"));
      default:
        throw new TranslationException(
            "Unsupported input type: ChatCompletionRequestMessageContentPart type: "
                + p.type()
                + " (field "
                + p.field()
                + ")");
    }
  }

  private static TranslationException unsupportedMapping(String from, String to, String field) {
    return new TranslationException(
        "Unsupported mapping: cannot convert " + from + " to " + to + " (field " + field + ")");
  }

  /**
   * A Chat {@code file} part (lingua's {@code universal_file_payload_from_openai}): {@code file_id} is
   * refused; a payload that base64-decodes to UTF-8 text becomes a {@code text/plain} file holding the
   * text; a data URL otherwise keeps its media type and payload; a URL keeps the URL with a media type
   * inferred from the file name or URL.
   */
  private static FilePart filePart(JsonObject file, String field) {
    String fileData = optString(file, "file_data", field);
    String fileId = optString(file, "file_id", field);
    String filename = optString(file, "filename", field);
    if (fileId != null) {
      throw new TranslationException(
          "Unsupported input type: OpenAI file_id inputs are not supported: " + fileId + " (field " + field + ")");
    }
    if (fileData == null) {
      throw new TranslationException("Missing required field: file_data|file_url|file_id (field " + field + ")");
    }
    String reference = MediaReferences.isRemoteMediaUri(fileData) ? fileData : null;
    String inferred =
        MediaReferences.inferMimeTypeFromReference(filename, reference).orElse("application/octet-stream");
    Optional<MediaReferences.DataUrl> dataUrl = MediaReferences.parseBase64DataUrl(fileData);
    String payload = dataUrl.map(MediaReferences.DataUrl::data).orElse(fileData);
    Optional<String> text = canonicalBase64(payload) ? MediaReferences.decodeBase64Utf8(payload) : Optional.empty();
    boolean knownExtension = filename != null && isTextOrPdfExtension(filename);
    String name = text.isPresent() && !knownExtension ? null : filename;
    String mediaType;
    if (text.isPresent()) {
      mediaType = "text/plain";
    } else {
      mediaType = dataUrl.isPresent() ? dataUrl.get().mediaType() : inferred;
    }
    return new FilePart(JsonString.of(text.orElse(payload)), Optional.ofNullable(name), mediaType, Optional.empty());
  }

  /** Whether the text has canonical base64 length (a multiple of 4), as Rust's padded decoder requires. */
  private static boolean canonicalBase64(String s) {
    return s.length() % 4 == 0;
  }

  /** lingua's check: the text after the last dot (or the whole name) is {@code txt} or {@code pdf}. */
  private static boolean isTextOrPdfExtension(String filename) {
    String ext = filename.substring(filename.lastIndexOf('.') + 1);
    return ext.equals("txt") || ext.equals("pdf");
  }

  /**
   * An assistant request message: reasoning first (one part per signature, the text on the first), then
   * text (string content, or text parts only), then function tool calls. A signature list is matched to
   * tool calls by position when no reasoning text was given; a single signature applies to every call.
   * lingua drops custom tool calls (no {@code function}), {@code refusal}, {@code name}, {@code audio} and
   * {@code function_call} here; so does this port.
   */
  private static Message assistantRequestMessage(WireMessage m) {
    List<Part> parts = new ArrayList<>();
    boolean reasoningEmitted = addReasoning(parts, m.reasoning(), m.signature());
    if (m.contentText() != null) {
      if (!m.contentText().isEmpty()) {
        parts.add(TextPart.builder().text(m.contentText()).cacheControl(lenientCacheControl(m.cacheControl())).build());
      }
    } else if (m.contentParts() != null) {
      for (WirePart p : m.contentParts()) {
        if (!p.type().equals("text")) {
          throw new TranslationException(
              "Unsupported input type: ChatCompletionRequestMessageContentPart type: "
                  + p.type()
                  + " (field "
                  + p.field()
                  + ")");
        }
        if (p.text() == null) {
          throw ChatJson.missing("text", path(p.field(), "text"));
        }
        parts.add(TextPart.builder().text(p.text()).cacheControl(partCacheControl(p)).build());
      }
    }
    addToolCalls(parts, m.toolCalls(), m.signature(), reasoningEmitted, m.field());
    return assistantFromParts(parts);
  }

  /** Adds reasoning parts; returns whether any were added. */
  private static boolean addReasoning(List<Part> parts, String reasoning, Signature signature) {
    if (reasoning == null) {
      return false;
    }
    List<String> sigs = signature == null ? List.of() : signature.values();
    if (sigs.isEmpty()) {
      parts.add(ReasoningPart.of(reasoning));
    } else {
      for (int i = 0; i < sigs.size(); i++) {
        parts.add(ReasoningPart.of(i == 0 ? reasoning : "", sigs.get(i)));
      }
    }
    return true;
  }

  /** lingua's {@code tool_call_reasoning_signatures} followed by the tool-call parts. */
  private static void addToolCalls(
      List<Part> parts, List<WireToolCall> calls, Signature signature, boolean reasoningEmitted, String field) {
    if (calls == null) {
      return;
    }
    int functionCalls = 0;
    for (WireToolCall c : calls) {
      if (c.name() != null) {
        functionCalls++;
      }
    }
    List<String> sigs = List.of();
    if (signature != null && signature.single()) {
      sigs = Collections.nCopies(functionCalls, signature.values().get(0));
    } else if (signature != null && !reasoningEmitted) {
      if (signature.values().size() != functionCalls) {
        throw new TranslationException(
            "Content conversion failed: reasoning_signature contains "
                + signature.values().size()
                + " entries for "
                + functionCalls
                + " function tool calls (field "
                + path(field, "reasoning_signature")
                + ")");
      }
      sigs = signature.values();
    }
    int next = 0;
    for (WireToolCall c : calls) {
      if (c.name() == null) {
        continue; // custom tool calls: lingua keeps only function calls
      }
      String sig = next < sigs.size() ? sigs.get(next) : null;
      next++;
      parts.add(
          ToolCallPart.builder()
              .toolCallId(c.id())
              .toolName(c.name())
              .arguments(ToolArguments.fromString(c.arguments()))
              .encryptedContent(sig)
              .build());
    }
  }

  /** lingua's {@code assistant_content_from_parts}: empty is {@code ""}, one plain text part is a string. */
  private static Message assistantFromParts(List<Part> parts) {
    if (parts.isEmpty()) {
      return Message.assistant("");
    }
    if (parts.size() == 1 && parts.get(0) instanceof TextPart t && t.isPlain()) {
      return Message.assistant(t.text());
    }
    return Message.assistant(parts);
  }

  /** A tool message: string content, or exactly one part with text; JSON text becomes a JSON output. */
  private static Message toolMessage(WireMessage m) {
    String text;
    if (m.contentText() != null) {
      text = m.contentText();
    } else if (m.contentParts() != null) {
      if (m.contentParts().size() != 1) {
        throw new TranslationException(
            "Unsupported input type: Tool messages must have a single array element (found "
                + m.contentParts().size()
                + ") (field "
                + path(m.field(), "content")
                + ")");
      }
      text = m.contentParts().get(0).text();
      if (text == null) {
        throw new TranslationException(
            "Unsupported input type: Tool content part must have text (field " + path(m.field(), "content") + ")");
      }
    } else {
      throw ChatJson.missing("content", path(m.field(), "content"));
    }
    if (m.toolCallId() == null) {
      throw ChatJson.missing("tool_call_id", path(m.field(), "tool_call_id"));
    }
    JsonValue output = ChatJson.parseIfJson(text).orElseGet(() -> JsonString.of(text));
    return Message.tool(List.of(ToolResultPart.of(m.toolCallId(), "", output)));
  }

  /** A legacy {@code function} message: a tool result named and identified by {@code name}. */
  private static Message functionMessage(WireMessage m) {
    String text = "";
    if (m.contentText() != null) {
      text = m.contentText();
    } else if (m.contentParts() != null && m.contentParts().size() == 1) {
      String t = m.contentParts().get(0).text();
      text = t == null ? "" : t;
    }
    String name = m.name() == null ? "" : m.name();
    return Message.tool(List.of(ToolResultPart.of(name, name, JsonString.of(text))));
  }

  // =============================================================================================
  // Request messages: IR -> Chat
  // =============================================================================================

  /**
   * Universal messages as Chat request messages (lingua's {@code messages_to_chat_completion_messages}):
   * a tool message becomes one {@code role: tool} message per result.
   *
   * @throws TranslationException for content Chat cannot carry (files, cache TTLs, additional tools)
   */
  static JsonArray fromUniversal(List<Message> messages) {
    JsonArray.Builder out = JsonArray.builder();
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      String field = index("messages", i);
      switch (m.role()) {
        case SYSTEM:
        case DEVELOPER:
        case USER:
          out.add(
              JsonObject.builder()
                  .put("role", m.role().wire())
                  .put("content", userContentToChat(m, field))
                  .build());
          break;
        case ASSISTANT:
          out.add(assistantToChat(m, field));
          break;
        case TOOL:
          for (Part p : m.content()) {
            if (p instanceof ToolResultPart r) {
              out.add(toolResultMessage(r));
            } else if (p instanceof ToolDiscoveryResultPart d) {
              out.add(discoveryResultMessage(d));
            }
          }
          break;
        default:
          throw new TranslationException(
              "Unsupported mapping: cannot convert Message::AdditionalTools to ChatCompletionRequestMessage (field "
                  + field
                  + ")");
      }
    }
    return out.build();
  }

  private static JsonValue userContentToChat(Message m, String field) {
    if (m.stringContent()) {
      return JsonString.of(m.text().orElse(""));
    }
    JsonArray.Builder parts = JsonArray.builder();
    for (int i = 0; i < m.content().size(); i++) {
      Part p = m.content().get(i);
      String f = index(path(field, "content"), i);
      if (p instanceof TextPart t) {
        parts.add(textPartToChat(t, f));
      } else if (p instanceof ImagePart img) {
        parts.add(imagePartToChat(img, f));
      } else if (p instanceof FilePart file) {
        throw new TranslationException(
            "Unsupported input type: UserContentPart::File (media_type: "
                + file.mediaType()
                + ") is not supported by OpenAI ChatCompletions. OpenAI ChatCompletions file inputs require "
                + "provider-specific file payloads (for example PDF data URLs), and Anthropic document blocks "
                + "do not map safely. (field "
                + f
                + ")");
      }
    }
    return parts.build();
  }

  /**
   * A text part, with {@code prompt_cache_breakpoint} and {@code cache_control} when it has a cache
   * breakpoint (the codec strips both for models without breakpoint support).
   *
   * @throws TranslationException for a cache TTL, which Chat cannot express
   */
  private static JsonObject textPartToChat(TextPart t, String field) {
    JsonObject.Builder b = JsonObject.builder().put("type", "text").put("text", t.text());
    if (t.cacheControl().isPresent()) {
      CacheControl cc = t.cacheControl().get();
      if (cc.ttl().isPresent()) {
        throw unsupportedMapping(
            "cache_control.ttl `" + cc.ttl().get().wire() + "`",
            "OpenAI Chat Completions prompt_cache_options.ttl (only `30m` is supported)",
            field);
      }
      b.put("prompt_cache_breakpoint", BREAKPOINT);
      b.put("cache_control", cc.toJson());
    }
    return b.build();
  }

  /** An image as {@code image_url}: URLs as they are, raw base64 as a data URL (default image/jpeg). */
  private static JsonObject imagePartToChat(ImagePart img, String field) {
    if (!(img.image() instanceof JsonString s)) {
      throw new TranslationException(
          "Unsupported input type: Image must be string URL for ChatCompletion, got: "
              + img.image().kind()
              + " (field "
              + field
              + ")");
    }
    String url = s.value();
    if (!url.startsWith("data:") && !url.startsWith("http://") && !url.startsWith("https://")) {
      url = MediaReferences.dataUrl(img.mediaType().orElse(Defaults.DEFAULT_MIME_TYPE), url);
    }
    return JsonObject.builder()
        .put("type", "image_url")
        .put("image_url", JsonObject.of("url", JsonString.of(url)))
        .build();
  }

  /**
   * An assistant message (lingua's {@code extract_content_tool_calls_and_reasoning}): texts joined (or text
   * parts when any carries metadata), reasoning texts joined into {@code reasoning}, signatures combined
   * into {@code reasoning_signature}, tool calls and tool-discovery calls as function calls. Other parts
   * (files, programs, server tool results) have no Chat form and are left out, as lingua does.
   */
  private static JsonObject assistantToChat(Message m, String field) {
    JsonObject.Builder b = JsonObject.builder().put("role", "assistant");
    if (m.stringContent()) {
      return b.put("content", m.text().orElse("")).build();
    }
    List<TextPart> texts = new ArrayList<>();
    StringBuilder reasoning = null;
    List<String> reasoningSigs = new ArrayList<>();
    List<String> toolCallSigs = new ArrayList<>();
    JsonArray.Builder toolCalls = JsonArray.builder();
    for (Part p : m.content()) {
      if (p instanceof TextPart t) {
        texts.add(t);
      } else if (p instanceof ReasoningPart r) {
        if (reasoning == null) {
          reasoning = new StringBuilder();
        }
        reasoning.append(r.text());
        r.encryptedContent().ifPresent(reasoningSigs::add);
      } else if (p instanceof ToolCallPart c) {
        toolCallSigs.add(c.encryptedContent().orElse(null));
        toolCalls.add(functionCall(c.toolCallId(), c.toolName(), c.arguments().text()));
      } else if (p instanceof ToolDiscoveryCallPart d) {
        toolCalls.add(functionCall(d.toolCallId(), d.discoveryToolName(), discoveryArguments(d)));
      }
    }
    JsonValue content = assistantTextContent(texts, field);
    if (content == null && reasoning != null) {
      content = JsonString.of("");
    }
    if (content != null) {
      b.put("content", content);
    }
    if (!toolCalls.isEmpty()) {
      b.put("tool_calls", toolCalls.build());
    }
    if (reasoning != null) {
      b.put("reasoning", reasoning.toString());
    }
    combinedReasoningSignature(reasoningSigs, toolCallSigs, field).ifPresent(s -> b.put("reasoning_signature", s));
    return b.build();
  }

  private static JsonObject functionCall(String id, String name, String arguments) {
    return JsonObject.builder()
        .put("id", id)
        .put("type", "function")
        .put("function", JsonObject.builder().put("name", name).put("arguments", arguments).build())
        .build();
  }

  /** lingua's {@code chat_completion_assistant_text_content}; null when there is no text. */
  private static JsonValue assistantTextContent(List<TextPart> texts, String field) {
    if (texts.isEmpty()) {
      return null;
    }
    boolean metadata = false;
    for (TextPart t : texts) {
      if (!t.isPlain()) {
        metadata = true;
        break;
      }
    }
    if (!metadata) {
      if (texts.size() == 1) {
        return JsonString.of(texts.get(0).text());
      }
      StringBuilder sb = new StringBuilder();
      for (TextPart t : texts) {
        sb.append(t.text());
      }
      return JsonString.of(sb.toString());
    }
    JsonArray.Builder parts = JsonArray.builder();
    for (int i = 0; i < texts.size(); i++) {
      parts.add(textPartToChat(texts.get(i), index(path(field, "content"), i)));
    }
    return parts.build();
  }

  /** lingua's {@code tool_discovery_arguments_to_string}: raw arguments, else {@code {query}}, else {@code {}}. */
  private static String discoveryArguments(ToolDiscoveryCallPart d) {
    JsonValue value =
        d.arguments()
            .orElseGet(
                () ->
                    d.query().<JsonValue>map(q -> JsonObject.of("query", JsonString.of(q))).orElse(JsonObject.empty()));
    return value instanceof JsonString s ? s.value() : LinguaJson.writeSorted(value);
  }

  /**
   * lingua's {@code combined_reasoning_signature}: one shared signature when the reasoning and every
   * signed tool call agree; reasoning signatures alone (a list when there are tool calls); otherwise the
   * reasoning and tool-call signatures in order.
   *
   * @throws TranslationException when reasoning and tool calls carry different signatures
   */
  static Optional<JsonValue> combinedReasoningSignature(
      List<String> reasoningSigs, List<String> toolCallSigs, String field) {
    List<String> signed = new ArrayList<>();
    for (String s : toolCallSigs) {
      if (s != null) {
        signed.add(s);
      }
    }
    if (!signed.isEmpty() && !reasoningSigs.isEmpty()) {
      String first = reasoningSigs.get(0);
      boolean shared = true;
      for (String s : reasoningSigs) {
        shared &= s.equals(first);
      }
      for (String s : signed) {
        shared &= s.equals(first);
      }
      if (shared) {
        return Optional.of(JsonString.of(first));
      }
      throw new TranslationException(
          "Content conversion failed: reasoning_signature cannot preserve distinct reasoning and tool-call "
              + "provenance (field "
              + field
              + ")");
    }
    if (!reasoningSigs.isEmpty() && !toolCallSigs.isEmpty()) {
      return Optional.of(JsonArray.ofStrings(reasoningSigs));
    }
    List<String> all = new ArrayList<>(reasoningSigs);
    all.addAll(signed);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(all.size() == 1 ? JsonString.of(all.get(0)) : JsonArray.ofStrings(all));
  }

  /**
   * A tool result as a tool message; a non-string output is written as compact JSON with sorted keys. Chat
   * tool messages have no tool name, custom-call flag or caller: lingua drops them, and so does this port.
   */
  static JsonObject toolResultMessage(ToolResultPart r) {
    String content = r.output() instanceof JsonString s ? s.value() : LinguaJson.writeSorted(r.output());
    return JsonObject.builder()
        .put("role", "tool")
        .put("content", content)
        .put("tool_call_id", r.toolCallId())
        .build();
  }

  /** A tool-discovery result as a tool message whose content is the discovery result as JSON. */
  private static JsonObject discoveryResultMessage(ToolDiscoveryResultPart d) {
    JsonObject.Builder content =
        JsonObject.builder().put("discovery_tool_name", d.discoveryToolName());
    JsonArray.Builder tools = JsonArray.builder();
    for (ToolDiscoveryResultItem item : d.tools()) {
      JsonObject.Builder i = JsonObject.builder().put("tool_name", item.toolName());
      item.tool().ifPresent(t -> i.put("tool", universalToolJson(t)));
      item.providerOptions().ifPresent(o -> i.put("provider_options", o));
      tools.add(i.build());
    }
    content.put("tools", tools.build());
    d.status().ifPresent(s -> content.put("status", s));
    d.execution().ifPresent(s -> content.put("execution", s));
    return JsonObject.builder()
        .put("role", "tool")
        .put("content", LinguaJson.writeSorted(content.build()))
        .put("tool_call_id", d.toolCallId())
        .build();
  }

  /** The universal (serde) form of a tool, as lingua serializes {@code UniversalTool}. */
  private static JsonObject universalToolJson(Tool t) {
    JsonObject.Builder b = JsonObject.builder().put("name", t.name());
    t.description().ifPresent(d -> b.put("description", d));
    t.parameters().ifPresent(p -> b.put("parameters", p));
    t.strict().ifPresent(s -> b.put("strict", s));
    if (t.availability() == ToolAvailability.DEFERRED) {
      b.put("availability", t.availability().wire());
    }
    t.allowedCallers()
        .ifPresent(
            callers -> {
              JsonArray.Builder a = JsonArray.builder();
              for (AllowedCaller c : callers) {
                a.add(c.wire());
              }
              b.put("allowed_callers", a.build());
            });
    t.outputSchema().ifPresent(s -> b.put("output_schema", s));
    b.put("kind", t.kind().wire());
    if (t.kind() instanceof ToolKind.Custom c) {
      c.format().ifPresent(f -> b.put("format", f));
    } else if (t.kind() instanceof ToolKind.Builtin bt) {
      b.put("provider", bt.provider().wire());
      b.put("builtin_type", bt.builtinType());
      bt.config().ifPresent(c -> b.put("config", c));
    }
    return b.build();
  }

  // =============================================================================================
  // Typed view (what a serde round trip through lingua's message structs keeps)
  // =============================================================================================

  private static final Set<String> REQUEST_MESSAGE_FIELDS =
      Set.of(
          "content",
          "name",
          "role",
          "audio",
          "function_call",
          "refusal",
          "tool_calls",
          "tool_call_id",
          "cache_control",
          "reasoning",
          "reasoning_signature");
  private static final Set<String> RESPONSE_MESSAGE_FIELDS =
      Set.of(
          "annotations",
          "audio",
          "content",
          "function_call",
          "refusal",
          "role",
          "tool_calls",
          "reasoning",
          "reasoning_signature");
  private static final Set<String> PART_FIELDS =
      Set.of("prompt_cache_breakpoint", "text", "type", "image_url", "input_audio", "file", "refusal", "cache_control");
  private static final Set<String> TOOL_CALL_FIELDS = Set.of("function", "id", "type", "custom");

  /**
   * Chat messages as lingua's typed message structs see them after a parse and serialize: {@code null}
   * members and members the struct does not have are gone, and {@code reasoning_content} is named
   * {@code reasoning}. This is the normalization rule R1 of the conformance corpus applies to both sides
   * ("after both sides go through the port's own typed parse and serialize"); a value that is not an
   * array of objects is returned as it is.
   *
   * @param response whether these are response {@code choices[].message} objects (else request messages)
   */
  static JsonValue typedView(JsonValue messages, boolean response) {
    if (!(messages instanceof JsonArray a)) {
      return messages;
    }
    JsonArray.Builder out = JsonArray.builder();
    for (JsonValue m : a) {
      if (!(m instanceof JsonObject o)) {
        out.add(m);
        continue;
      }
      JsonObject.Builder b = JsonObject.builder();
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        String key = e.getKey().equals("reasoning_content") ? "reasoning" : e.getKey();
        JsonValue v = e.getValue();
        if (v.isNull() || !(response ? RESPONSE_MESSAGE_FIELDS : REQUEST_MESSAGE_FIELDS).contains(key)) {
          continue;
        }
        if (key.equals("content") && v instanceof JsonArray parts) {
          v = typedObjects(parts, PART_FIELDS);
        } else if (key.equals("tool_calls") && v instanceof JsonArray calls) {
          v = typedObjects(calls, TOOL_CALL_FIELDS);
        }
        b.put(key, v);
      }
      out.add(b.build());
    }
    return out.build();
  }

  private static JsonArray typedObjects(JsonArray items, Set<String> fields) {
    JsonArray.Builder out = JsonArray.builder();
    for (JsonValue item : items) {
      if (item instanceof JsonObject o) {
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
          if (!e.getValue().isNull() && fields.contains(e.getKey())) {
            b.put(e.getKey(), e.getValue());
          }
        }
        out.add(b.build());
      } else {
        out.add(item);
      }
    }
    return out.build();
  }

  // =============================================================================================
  // Response messages
  // =============================================================================================

  /**
   * A response {@code choices[].message} in universal form (lingua's
   * {@code TryFromLLM<ChatCompletionResponseMessageExt> for Message}): reasoning first, then non-empty
   * text, then function tool calls. {@code refusal}, {@code annotations}, {@code audio} and
   * {@code function_call} are not carried (lingua drops them).
   */
  static Message responseMessageToUniversal(JsonValue v, String field) {
    JsonObject o = ChatJson.object(v, field);
    String role = null;
    String content = null;
    String reasoning = null;
    boolean reasoningSeen = false;
    Signature signature = null;
    List<WireToolCall> toolCalls = null;
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      String k = e.getKey();
      JsonValue m = e.getValue();
      switch (k) {
        case "role":
          role = enumOf(m, field, k, "assistant");
          break;
        case "content":
          content = str(m, field, k);
          break;
        case "refusal":
          str(m, field, k);
          break;
        case "annotations":
          arr(m, field, k);
          break;
        case "reasoning":
        case "reasoning_content":
          if (reasoningSeen) {
            throw new TranslationException("duplicate field `reasoning` (field " + path(field, k) + ")");
          }
          reasoningSeen = true;
          reasoning = str(m, field, "reasoning");
          break;
        case "reasoning_signature":
          signature = readSignature(m, field);
          break;
        case "tool_calls":
          toolCalls = readToolCalls(m, field);
          break;
        default:
          break;
      }
    }
    if (role == null) {
      throw ChatJson.missing("role", path(field, "role"));
    }
    List<Part> parts = new ArrayList<>();
    boolean reasoningEmitted = addReasoning(parts, reasoning, signature);
    if (content != null && !content.isEmpty()) {
      parts.add(TextPart.of(content));
    }
    addToolCalls(parts, toolCalls, signature, reasoningEmitted, field);
    return assistantFromParts(parts);
  }

  /**
   * A universal assistant message as a response {@code message} (lingua's
   * {@code TryFromLLM<&Message> for ChatCompletionResponseMessageExt}), always with {@code annotations: []}.
   *
   * @throws TranslationException for non-assistant messages or conflicting signatures
   */
  static JsonObject responseMessageFromUniversal(Message m, String field) {
    if (m.role() != Role.ASSISTANT) {
      throw new TranslationException(
          "Invalid role value: a " + m.role().wire() + " message cannot be a Chat Completions choice (field " + field + ")");
    }
    JsonObject.Builder b = JsonObject.builder().put("role", "assistant");
    if (m.stringContent()) {
      return b.put("content", m.text().orElse("")).put("annotations", JsonArray.empty()).build();
    }
    StringBuilder text = null;
    StringBuilder reasoning = null;
    List<String> reasoningSigs = new ArrayList<>();
    List<String> toolCallSigs = new ArrayList<>();
    JsonArray.Builder toolCalls = JsonArray.builder();
    for (Part p : m.content()) {
      if (p instanceof TextPart t) {
        if (text == null) {
          text = new StringBuilder();
        }
        text.append(t.text());
      } else if (p instanceof ReasoningPart r) {
        if (reasoning == null) {
          reasoning = new StringBuilder();
        }
        reasoning.append(r.text());
        r.encryptedContent().ifPresent(reasoningSigs::add);
      } else if (p instanceof ToolCallPart c) {
        toolCallSigs.add(c.encryptedContent().orElse(null));
        toolCalls.add(functionCall(c.toolCallId(), c.toolName(), c.arguments().text()));
      }
    }
    if (text != null) {
      b.put("content", text.toString());
    }
    b.put("annotations", JsonArray.empty());
    if (!toolCalls.isEmpty()) {
      b.put("tool_calls", toolCalls.build());
    }
    if (reasoning != null) {
      b.put("reasoning", reasoning.toString());
    }
    combinedReasoningSignature(reasoningSigs, toolCallSigs, field).ifPresent(s -> b.put("reasoning_signature", s));
    return b.build();
  }
}
