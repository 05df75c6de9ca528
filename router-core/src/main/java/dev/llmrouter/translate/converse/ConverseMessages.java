package dev.llmrouter.translate.converse;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converse content blocks to and from IR messages (lingua's providers/bedrock/convert.rs).
 *
 * <p>Blocks are objects keyed by their kind: {@code {"text": ...}}, {@code {"image": ...}},
 * {@code {"document": ...}}, {@code {"toolUse": ...}}, {@code {"toolResult": ...}},
 * {@code {"reasoningContent": ...}}.
 *
 * <p>Same-format fidelity: a few Converse shapes have no IR equivalent (the extra keys of a {@code toolUse}
 * block such as {@code type}, tool results whose content is not one text item, images whose bytes are not a
 * base64 string, documents). Their original JSON travels in the part's provider options under
 * {@value #OPTIONS_KEY} and is written back verbatim when the target is Converse again; other formats ignore
 * it.
 */
final class ConverseMessages {
  private ConverseMessages() {}

  /** The provider-options key under which Converse-only block data travels through the IR. */
  static final String OPTIONS_KEY = "converse";

  /** The prefix of OpenAI's encrypted reasoning (a Fernet token: version byte 0x80, zero high time bytes). */
  private static final String OPENAI_ENCRYPTED_PREFIX = "gAAAAA";

  // =============================================================================================
  // Converse -> IR
  // =============================================================================================

  /**
   * The IR messages of a Converse {@code messages} array.
   *
   * @throws TranslationException naming the field for malformed messages or unsupported blocks
   */
  static List<Message> toUniversal(JsonArray messages) {
    List<Message> out = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Object field = FieldPath.of("messages", i);
      JsonObject m = object(messages.get(i), field);
      String role = requiredString(m, "role", field);
      JsonArray content = requiredArray(m, "content", field);
      switch (role) {
        case "user":
          userToUniversal(content, FieldPath.of(field, "content"), out);
          break;
        case "assistant":
          out.add(assistantToUniversal(content, FieldPath.of(field, "content")));
          break;
        default:
          throw new TranslationException(
              "Bedrock Converse: unknown role '" + role + "', expected user or assistant (field "
                  + field + ".role)");
      }
    }
    return out;
  }

  /**
   * A user turn: its tool results become a tool message; other blocks a user message (one text block is
   * string content, as in lingua). lingua keeps only the tool results of a turn that has any, and drops
   * images entirely; both are kept here (the user message follows the tool message).
   */
  private static void userToUniversal(JsonArray content, Object field, List<Message> out) {
    List<Part> results = null;
    List<Part> parts = new ArrayList<>(content.size());
    for (int j = 0; j < content.size(); j++) {
      Object blockField = FieldPath.of(field, j);
      JsonObject block = object(content.get(j), blockField);
      String kind = blockKind(block, blockField);
      switch (kind) {
        case "text":
          parts.add(TextPart.of(((JsonString) block.getOrNull("text")).value()));
          break;
        case "toolResult":
          if (results == null) {
            results = new ArrayList<>();
          }
          results.add(
              toolResultToUniversal(
                  block.getOrNull("toolResult"), FieldPath.of(blockField, "toolResult")));
          break;
        case "image":
          parts.add(imageToUniversal(block.getOrNull("image"), FieldPath.of(blockField, "image")));
          break;
        case "document":
          parts.add(documentToUniversal(block.getOrNull("document"), FieldPath.of(blockField, "document")));
          break;
        case "reasoningContent":
        case "toolUse":
          // As in lingua: reasoning and tool calls are only meaningful in assistant turns; a user turn's
          // are ignored.
          break;
        case "cachePoint":
          markCacheBreakpoint(parts);
          break;
        default:
          throw unsupportedBlock(kind, blockField);
      }
    }
    if (results != null) {
      out.add(Message.tool(results));
      if (parts.isEmpty()) {
        return;
      }
    }
    if (parts.isEmpty()) {
      out.add(Message.user(""));
    } else if (parts.size() == 1 && parts.get(0) instanceof TextPart t) {
      out.add(Message.user(t.text()));
    } else {
      out.add(Message.user(parts));
    }
  }

  /**
   * A Converse {@code cachePoint} block marks the end of the cached prefix: it becomes a cache breakpoint
   * on the text part before it (a deviation from lingua, which refuses the block), so caching survives
   * into Anthropic ({@code cache_control}) and back into Converse. A cache point after a non-text block
   * has no IR form and is dropped.
   */
  private static void markCacheBreakpoint(List<Part> parts) {
    if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof TextPart t) {
      parts.set(parts.size() - 1, t.withCacheControl(Optional.of(CacheControl.EPHEMERAL)));
    }
  }

  /**
   * An assistant turn (request history or response output): text, tool calls and reasoning, in order; an
   * empty turn becomes one empty text part (lingua). Images, documents and tool results in an assistant
   * turn are ignored, as in lingua.
   */
  static Message assistantToUniversal(JsonArray content, Object field) {
    List<Part> parts = new ArrayList<>(content.size());
    for (int j = 0; j < content.size(); j++) {
      Object blockField = FieldPath.of(field, j);
      JsonObject block = object(content.get(j), blockField);
      String kind = blockKind(block, blockField);
      switch (kind) {
        case "text":
          parts.add(TextPart.of(((JsonString) block.getOrNull("text")).value()));
          break;
        case "toolUse":
          parts.add(toolUseToUniversal(block.getOrNull("toolUse"), FieldPath.of(blockField, "toolUse")));
          break;
        case "reasoningContent":
          parts.add(
              reasoningToUniversal(
                  block.getOrNull("reasoningContent"), FieldPath.of(blockField, "reasoningContent")));
          break;
        case "image":
        case "document":
        case "toolResult":
          break;
        case "cachePoint":
          markCacheBreakpoint(parts);
          break;
        default:
          throw unsupportedBlock(kind, blockField);
      }
    }
    if (parts.isEmpty()) {
      parts.add(TextPart.of(""));
    }
    return Message.assistant(parts);
  }

  /**
   * The kind of a content block, checked in lingua's variant order (a {@code text} member that is a
   * string wins); the first member's name for blocks of other kinds.
   */
  private static String blockKind(JsonObject block, Object field) {
    JsonValue text = block.getOrNull("text");
    if (text instanceof JsonString) {
      return "text";
    }
    for (String kind :
        new String[] {"reasoningContent", "image", "toolUse", "toolResult", "document"}) {
      if (block.has(kind)) {
        return kind;
      }
    }
    if (text != null) {
      throw new TranslationException(
          "Bedrock Converse: invalid type: " + text.kind() + ", expected a string (field " + field
              + ".text)");
    }
    if (block.isEmpty()) {
      throw new TranslationException("Bedrock Converse: empty content block (field " + field + ")");
    }
    return block.keys().iterator().next();
  }

  private static TranslationException unsupportedBlock(String kind, Object field) {
    return new TranslationException(
        "Bedrock Converse: unsupported content block '" + kind + "' (field " + field + ")");
  }

  private static ToolCallPart toolUseToUniversal(JsonValue value, Object field) {
    JsonObject toolUse = object(value, field);
    String id = requiredString(toolUse, "toolUseId", field);
    String name = requiredString(toolUse, "name", field);
    JsonValue input = toolUse.getOrNull("input");
    if (input == null) {
      throw missing("input", field);
    }
    // lingua serializes the input and reads it back: an object stays an object, anything else is kept as
    // its (sorted, compact) JSON text.
    ToolArguments arguments =
        input instanceof JsonObject o
            ? ToolArguments.valid(o)
            : ToolArguments.invalid(LinguaJson.writeSorted(input));
    ToolCallPart.Builder b = ToolCallPart.builder().toolCallId(id).toolName(name).arguments(arguments);
    if (toolUse.size() > 3) {
      // Keys the IR has no place for (e.g. "type": "tool_use"), restored for Converse targets.
      JsonObject extra = toolUse.without("toolUseId", "name", "input");
      if (!extra.isEmpty()) {
        b.providerOptions(JsonObject.of(OPTIONS_KEY, JsonObject.of("toolUse", extra)));
      }
    }
    return b.build();
  }

  /**
   * A reasoningContent block: reasoning text with its signature, or redacted content as a {@link
   * RedactedReasoningPart} holding the blob's base64 text unchanged (lingua reads it as empty reasoning
   * text with the payload as the signature, which Anthropic targets cannot replay).
   */
  private static Part reasoningToUniversal(JsonValue value, Object field) {
    JsonObject reasoning = object(value, field);
    if (reasoning.getOrNull("reasoningText") instanceof JsonObject text
        && text.getOrNull("text") instanceof JsonString t) {
      JsonValue signature = text.getOrNull("signature");
      if (signature != null && !signature.isNull() && !(signature instanceof JsonString)) {
        throw new TranslationException(
            "Bedrock Converse: invalid type: " + signature.kind() + ", expected a string (field " + field
                + ".reasoningText.signature)");
      }
      return ReasoningPart.of(t.value(), signature instanceof JsonString s ? s.value() : null);
    }
    if (reasoning.getOrNull("redactedContent") instanceof JsonString redacted) {
      return RedactedReasoningPart.of(redacted.value());
    }
    throw new TranslationException(
        "Bedrock Converse: reasoningContent needs reasoningText.text or redactedContent (field " + field
            + ")");
  }

  /**
   * A tool result: lingua keeps the first content item (text as a string, json as its value, an image as
   * {@code "[image]"}; none is null). Results that this loses (more items, other kinds, a status) keep
   * their original block in the provider options.
   */
  private static ToolResultPart toolResultToUniversal(JsonValue value, Object field) {
    JsonObject result = object(value, field);
    String id = requiredString(result, "toolUseId", field);
    JsonArray content = requiredArray(result, "content", field);
    JsonValue output = JsonValue.nullValue();
    String status = result.getString("status").orElse(null);
    boolean knownStatus = "error".equals(status) || "success".equals(status);
    boolean lossless = content.size() == 1 && result.size() == (knownStatus ? 3 : 2);
    for (int k = 0; k < content.size(); k++) {
      Object itemField = FieldPath.of(FieldPath.of(field, "content"), k);
      JsonObject item = object(content.get(k), itemField);
      JsonValue itemValue;
      if (item.getOrNull("text") instanceof JsonString text) {
        itemValue = text;
        lossless &= item.size() == 1;
      } else if (item.has("json")) {
        itemValue = item.getOrNull("json");
        lossless = false;
      } else if (item.has("image")) {
        itemValue = JsonString.of("[image]");
        lossless = false;
      } else if (item.has("document")) {
        itemValue = JsonString.of("[document]");
        lossless = false;
      } else {
        throw new TranslationException(
            "Bedrock Converse: tool result content needs text, json, image or document (field "
                + itemField + ")");
      }
      if (k == 0) {
        output = itemValue;
      }
    }
    ToolResultPart.Builder b = ToolResultPart.builder().toolCallId(id).toolName("").output(output);
    if ("error".equals(status)) {
      b.isError(true);
    }
    if (!lossless) {
      b.providerOptions(JsonObject.of(OPTIONS_KEY, JsonObject.of("toolResult", result)));
    }
    return b.build();
  }

  private static ImagePart imageToUniversal(JsonValue value, Object field) {
    JsonObject image = object(value, field);
    String format = requiredString(image, "format", field);
    JsonObject source = object(image.getOrNull("source"), FieldPath.of(field, "source"));
    JsonValue bytes = source.getOrNull("bytes");
    String mediaType = "image/" + format;
    if (bytes instanceof JsonString s && image.size() == 2 && source.size() == 1) {
      return ImagePart.of(s.value(), Optional.of(mediaType));
    }
    // Not plain base64 bytes (an S3 location, or bytes in another JSON shape): the image is carried as
    // given and the block is kept for Converse targets.
    return new ImagePart(
        bytes != null ? bytes : source,
        Optional.of(mediaType),
        Optional.of(JsonObject.of(OPTIONS_KEY, JsonObject.of("image", image))));
  }

  /**
   * A document: a file part (lingua cannot read documents at all) whose original block is kept for
   * Converse targets.
   */
  private static FilePart documentToUniversal(JsonValue value, Object field) {
    JsonObject document = object(value, field);
    String format = requiredString(document, "format", field);
    JsonObject source = object(document.getOrNull("source"), FieldPath.of(field, "source"));
    JsonValue data = source.getOrNull("bytes");
    if (data == null) {
      data = source.getOrNull("text");
    }
    return new FilePart(
        data != null ? data : source,
        document.getString("name"),
        documentMediaType(format),
        Optional.of(JsonObject.of(OPTIONS_KEY, JsonObject.of("document", document))));
  }

  /** The MIME type of a Converse document format. */
  static String documentMediaType(String format) {
    switch (format) {
      case "pdf":
        return "application/pdf";
      case "csv":
        return "text/csv";
      case "doc":
        return "application/msword";
      case "docx":
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case "xls":
        return "application/vnd.ms-excel";
      case "xlsx":
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      case "html":
        return "text/html";
      case "txt":
        return "text/plain";
      case "md":
        return "text/markdown";
      default:
        return "application/octet-stream";
    }
  }

  /**
   * Converse {@code system} blocks as one IR system message (lingua ignores {@code system}; its text
   * blocks are kept here). Other system blocks (cache points, guard content) carry no text and are
   * ignored, as lingua ignores the whole field. Empty when there is no text.
   */
  static Optional<Message> systemToUniversal(JsonValue system) {
    if (!(system instanceof JsonArray blocks)) {
      if (system == null || system.isNull()) {
        return Optional.empty();
      }
      throw new TranslationException(
          "Bedrock Converse: invalid type: " + system.kind() + ", expected an array (field system)");
    }
    List<Part> parts = new ArrayList<>(blocks.size());
    for (JsonValue b : blocks) {
      if (b instanceof JsonObject o && o.getOrNull("text") instanceof JsonString s) {
        parts.add(TextPart.of(s.value()));
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    if (parts.size() == 1) {
      return Optional.of(Message.system(((TextPart) parts.get(0)).text()));
    }
    return Optional.of(Message.system(parts));
  }

  // =============================================================================================
  // IR -> Converse
  // =============================================================================================

  /**
   * The Converse {@code messages} of IR messages (lingua's {@code universal_to_bedrock_messages}):
   * assistant turns made only of tool-discovery calls are skipped, and consecutive tool messages are
   * grouped into one user turn of tool results.
   *
   * @throws TranslationException for content Converse cannot carry
   */
  static JsonArray fromUniversal(List<Message> messages) {
    return fromUniversal(messages, false);
  }

  /**
   * Converse messages for {@code messages}; {@code cachePoints} says whether the model takes
   * {@code cachePoint} blocks, written after each text block that carries a cache breakpoint.
   */
  static JsonArray fromUniversal(List<Message> messages, boolean cachePoints) {
    JsonArray.Builder out = JsonArray.builder();
    // The blocks of the last emitted message when it is a user turn of tool results only (still open).
    JsonArray.Builder openResults = null;
    for (Message m : messages) {
      if (isDiscoveryOnly(m)) {
        continue;
      }
      if (m.role() == Role.TOOL) {
        JsonArray.Builder blocks = openResults != null ? openResults : JsonArray.builder();
        int before = blocks.size();
        for (Part p : m.content()) {
          // Tool-discovery results have no Converse equivalent and are skipped, as in lingua.
          if (p instanceof ToolResultPart r) {
            blocks.add(toolResultBlock(r));
          }
        }
        if (openResults == null && blocks.size() > before) {
          openResults = blocks;
        }
        continue;
      }
      if (openResults != null) {
        out.add(message("user", openResults.build()));
        openResults = null;
      }
      out.add(messageFromUniversal(m, cachePoints));
    }
    if (openResults != null) {
      out.add(message("user", openResults.build()));
    }
    return out.build();
  }

  private static boolean isDiscoveryOnly(Message m) {
    if (m.role() != Role.ASSISTANT || m.stringContent() || m.content().isEmpty()) {
      return false;
    }
    for (Part p : m.content()) {
      if (!(p instanceof ToolDiscoveryCallPart)) {
        return false;
      }
    }
    return true;
  }

  private static JsonObject message(String role, JsonArray content) {
    return JsonObject.builder().put("role", role).put("content", content).build();
  }

  private static JsonObject messageFromUniversal(Message m, boolean cachePoints) {
    switch (m.role()) {
      case USER:
        return message("user", userBlocks(m, cachePoints));
      case ASSISTANT:
        return message("assistant", assistantBlocks(m, true));
      default:
        throw new TranslationException(
            "Bedrock Converse: " + m.role().wire() + " messages cannot be converted to a Converse message");
    }
  }

  /**
   * The top-level Converse {@code system} blocks for the request's system and developer messages: one
   * {@code {"text": ...}} block per text part, followed by a {@code cachePoint} block where the part has a
   * cache breakpoint and the model takes them. A deliberate deviation from lingua, which writes system
   * prompts as a user turn prefixed "System: " (losing the system role and breaking role alternation).
   */
  static JsonArray systemBlocks(List<Message> systemMessages, boolean cachePoints) {
    JsonArray.Builder blocks = JsonArray.builder();
    for (Message m : systemMessages) {
      if (m.stringContent()) {
        blocks.add(JsonObject.of("text", JsonString.of(m.text().orElse(""))));
        continue;
      }
      for (Part p : m.content()) {
        if (p instanceof TextPart t) {
          blocks.add(JsonObject.of("text", JsonString.of(t.text())));
          if (cachePoints && t.cacheControl().isPresent()) {
            blocks.add(CACHE_POINT);
          }
        }
      }
    }
    return blocks.build();
  }

  /** A Converse cache breakpoint block. */
  static final JsonObject CACHE_POINT = JsonObject.of("cachePoint", JsonObject.of("type", JsonString.of("default")));

  private static JsonArray userBlocks(Message m, boolean cachePoints) {
    if (m.stringContent()) {
      return JsonArray.of(JsonObject.of("text", JsonString.of(m.text().orElse(""))));
    }
    for (Part p : m.content()) {
      if (p instanceof FilePart f && converseOption(f.providerOptions(), "document").isEmpty()) {
        throw new TranslationException(
            "Bedrock Converse does not support file input (" + f.mediaType() + " file content)");
      }
    }
    JsonArray.Builder blocks = JsonArray.builder();
    for (Part p : m.content()) {
      if (p instanceof TextPart t) {
        blocks.add(JsonObject.of("text", JsonString.of(t.text())));
        // Deviation from lingua (which drops cache breakpoints): a cachePoint block follows the text on
        // models that take them, so prompt caching survives the translation.
        if (cachePoints && t.cacheControl().isPresent()) {
          blocks.add(CACHE_POINT);
        }
      } else if (p instanceof ImagePart image) {
        imageBlock(image).ifPresent(blocks::add);
      } else if (p instanceof FilePart f) {
        blocks.add(JsonObject.of("document", converseOption(f.providerOptions(), "document").get()));
      }
    }
    return blocks.build();
  }

  /**
   * An image block: a Converse image kept verbatim; a string image as {@code {format, source: {bytes}}},
   * the format from the media type (png, gif, webp, else jpeg). As in lingua, a URL goes into
   * {@code bytes} (Bedrock rejects it) and an image that is neither is dropped.
   */
  private static Optional<JsonObject> imageBlock(ImagePart image) {
    Optional<JsonValue> original = converseOption(image.providerOptions(), "image");
    if (original.isPresent()) {
      return Optional.of(JsonObject.of("image", original.get()));
    }
    if (!(image.image() instanceof JsonString data)) {
      return Optional.empty();
    }
    JsonObject block =
        JsonObject.builder()
            .put("format", imageFormat(image.mediaType()))
            .put("source", JsonObject.of("bytes", data))
            .build();
    return Optional.of(JsonObject.of("image", block));
  }

  /** The Converse image format of a media type: png, gif or webp, anything else jpeg. */
  static String imageFormat(Optional<String> mediaType) {
    if (mediaType.isPresent() && mediaType.get().startsWith("image/")) {
      String sub = mediaType.get().substring("image/".length());
      if (sub.equals("png") || sub.equals("gif") || sub.equals("webp")) {
        return sub;
      }
    }
    return "jpeg";
  }

  /**
   * The blocks of an assistant turn: text, reasoning (redacted too) and tool calls (other parts are
   * dropped, as in lingua).
   *
   * @param request whether this is request history (OpenAI-issued encrypted reasoning cannot be replayed)
   */
  static JsonArray assistantBlocks(Message m, boolean request) {
    if (m.stringContent()) {
      return JsonArray.of(JsonObject.of("text", JsonString.of(m.text().orElse(""))));
    }
    JsonArray.Builder blocks = JsonArray.builder();
    appendAssistantBlocks(m, request, blocks);
    return blocks.build();
  }

  /** Appends the blocks of an assistant message to {@code blocks} (see {@link #assistantBlocks}). */
  static void appendAssistantBlocks(Message m, boolean request, JsonArray.Builder blocks) {
    if (m.stringContent()) {
      blocks.add(JsonObject.of("text", JsonString.of(m.text().orElse(""))));
      return;
    }
    for (Part p : m.content()) {
      if (p instanceof TextPart t) {
        blocks.add(JsonObject.of("text", JsonString.of(t.text())));
      } else if (p instanceof ReasoningPart r) {
        if (request) {
          checkReplayable(r);
        }
        blocks.add(JsonObject.of("reasoningContent", reasoningBlock(r)));
      } else if (p instanceof RedactedReasoningPart r) {
        // The payload is passed through as it is: Converse's base64 blob text, or Anthropic's opaque data.
        blocks.add(
            JsonObject.of("reasoningContent", JsonObject.of("redactedContent", JsonString.of(r.data()))));
      } else if (p instanceof ToolCallPart c) {
        blocks.add(JsonObject.of("toolUse", toolUseBlock(c)));
      }
      // Files, programs, discovery calls and server tool results have no Converse form: dropped, as in
      // lingua.
    }
  }

  /**
   * lingua (transform_errors.json): Bedrock cannot replay OpenAI's encrypted reasoning, which is
   * OpenAI-issued provider metadata with no lossless Converse equivalent; Bedrock rejects it as redacted
   * content.
   */
  private static void checkReplayable(ReasoningPart r) {
    if (r.encryptedContent().isPresent() && isOpenAIEncryptedReasoning(r.encryptedContent().get())) {
      throw new TranslationException(
          "Bedrock Converse cannot replay OpenAI encrypted reasoning signatures; they are OpenAI-issued "
              + "provider metadata with no lossless Bedrock equivalent");
    }
  }

  /** Whether a reasoning signature is OpenAI encrypted reasoning content (a Fernet token). */
  static boolean isOpenAIEncryptedReasoning(String encrypted) {
    return encrypted.startsWith(OPENAI_ENCRYPTED_PREFIX);
  }

  /** lingua: empty text with a signature is redacted content; anything else reasoning text. */
  private static JsonObject reasoningBlock(ReasoningPart r) {
    if (r.text().isEmpty() && r.encryptedContent().isPresent()) {
      return JsonObject.of("redactedContent", JsonString.of(r.encryptedContent().get()));
    }
    JsonObject.Builder text = JsonObject.builder().put("text", r.text());
    r.encryptedContent().ifPresent(s -> text.put("signature", s));
    return JsonObject.of("reasoningText", text.build());
  }

  /** lingua: valid arguments as the object; other text parsed as JSON, else {@code {}}. */
  private static JsonObject toolUseBlock(ToolCallPart c) {
    JsonValue input;
    if (c.arguments() instanceof ToolArguments.Valid v) {
      input = v.value();
    } else {
      input = LinguaJson.tryParse(c.arguments().text()).orElse(JsonObject.empty());
    }
    JsonObject.Builder b =
        JsonObject.builder().put("toolUseId", c.toolCallId()).put("name", c.toolName()).put("input", input);
    converseOption(c.providerOptions(), "toolUse")
        .flatMap(JsonValue::asObject)
        .ifPresent(
            extra -> {
              for (var e : extra.members().entrySet()) {
                b.putIfAbsent(e.getKey(), e.getValue());
              }
            });
    return b.build();
  }

  /**
   * A tool result block: a Converse result kept verbatim (with the IR's call id); otherwise, as in
   * lingua, one text item holding the output (a string as is, other JSON as compact sorted text) and no
   * status.
   */
  private static JsonObject toolResultBlock(ToolResultPart r) {
    Optional<JsonObject> original =
        converseOption(r.providerOptions(), "toolResult").flatMap(JsonValue::asObject);
    if (original.isPresent()) {
      return JsonObject.of(
          "toolResult", original.get().with("toolUseId", JsonString.of(r.toolCallId())));
    }
    String text =
        r.output() instanceof JsonString s ? s.value() : LinguaJson.writeSorted(r.output());
    JsonObject.Builder result =
        JsonObject.builder()
            .put("toolUseId", r.toolCallId())
            .put("content", JsonArray.of(JsonObject.of("text", JsonString.of(text))));
    if (r.isError().orElse(false)) {
      // Deviation from lingua (which drops the flag): a failed tool says so.
      result.put("status", "error");
    }
    return JsonObject.of("toolResult", result.build());
  }

  /** {@code providerOptions.converse.<key>}, when present. */
  private static Optional<JsonValue> converseOption(Optional<JsonObject> providerOptions, String key) {
    if (providerOptions.isEmpty()) {
      return Optional.empty();
    }
    if (providerOptions.get().getOrNull(OPTIONS_KEY) instanceof JsonObject converse) {
      return Optional.ofNullable(converse.getOrNull(key));
    }
    return Optional.empty();
  }

  // =============================================================================================
  // Field helpers
  // =============================================================================================

  static JsonObject object(JsonValue value, Object field) {
    if (value instanceof JsonObject o) {
      return o;
    }
    if (value == null) {
      throw new TranslationException("Bedrock Converse: missing field (field " + field + ")");
    }
    throw new TranslationException(
        "Bedrock Converse: invalid type: " + value.kind() + ", expected an object (field " + field + ")");
  }

  static String requiredString(JsonObject o, String key, Object field) {
    JsonValue v = o.getOrNull(key);
    if (v instanceof JsonString s) {
      return s.value();
    }
    if (v == null) {
      throw missing(key, field);
    }
    throw new TranslationException(
        "Bedrock Converse: invalid type: " + v.kind() + ", expected a string (field " + field + "." + key
            + ")");
  }

  static JsonArray requiredArray(JsonObject o, String key, Object field) {
    JsonValue v = o.getOrNull(key);
    if (v instanceof JsonArray a) {
      return a;
    }
    if (v == null) {
      throw missing(key, field);
    }
    throw new TranslationException(
        "Bedrock Converse: invalid type: " + v.kind() + ", expected an array (field " + field + "." + key
            + ")");
  }

  static TranslationException missing(String key, Object field) {
    return new TranslationException(
        "Bedrock Converse: missing field `" + key + "` (field " + field + "." + key + ")");
  }

  /**
   * A field path for error messages ({@code messages[2].content[0].toolUse}), built into text only when
   * an error is reported, so that reading well-formed input costs no string building.
   */
  static final class FieldPath {
    private final Object parent;
    private final String name;
    private final int index;

    private FieldPath(Object parent, String name, int index) {
      this.parent = parent;
      this.name = name;
      this.index = index;
    }

    /** {@code parent.name}. */
    static FieldPath of(Object parent, String name) {
      return new FieldPath(parent, name, -1);
    }

    /** {@code parent[index]}. */
    static FieldPath of(Object parent, int index) {
      return new FieldPath(parent, null, index);
    }

    @Override
    public String toString() {
      String p = String.valueOf(parent);
      return name != null ? p + "." + name : p + "[" + index + "]";
    }
  }
}
