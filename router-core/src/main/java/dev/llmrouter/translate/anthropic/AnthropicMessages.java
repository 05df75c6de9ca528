package dev.llmrouter.translate.anthropic;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.FilePart;
import dev.llmrouter.translate.ir.ImagePart;
import dev.llmrouter.translate.ir.LinguaJson;
import dev.llmrouter.translate.ir.MediaReferences;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.RedactedReasoningPart;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryCallPart;
import dev.llmrouter.translate.ir.ToolDiscoveryResultPart;
import dev.llmrouter.translate.ir.ToolResultPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anthropic input messages to and from universal messages (lingua's anthropic/convert.rs
 * {@code InputMessage} conversions): tool results split out of and merged back into user turns, images,
 * documents, thinking with signatures, server tool calls, web search results and tool-search history.
 */
final class AnthropicMessages {
  private AnthropicMessages() {}

  /** The prefix of OpenAI's encrypted reasoning (Fernet tokens), which Anthropic cannot replay. */
  private static final String OPENAI_ENCRYPTED_REASONING_PREFIX = "gAAAAA";

  // =================================================================================================
  // Anthropic -> universal
  // =================================================================================================

  /**
   * Request messages (already shape-checked) in universal form (lingua's
   * {@code anthropic_input_messages_to_universal_messages}): a user turn mixing tool results and other
   * blocks becomes alternating tool and user messages; tool-search results inside an assistant turn
   * become tool messages between assistant messages.
   */
  static List<Message> toUniversal(JsonArray messages) {
    List<Message> out = new ArrayList<>(messages.size());
    for (JsonValue v : messages) {
      JsonObject m = (JsonObject) v;
      String role = m.getString("role").orElseThrow();
      JsonValue content = m.getOrNull("content");
      if (content instanceof JsonArray blocks) {
        if (role.equals("assistant") && hasType(blocks, "tool_search_tool_result")) {
          splitAssistantDiscoveryResults(blocks, out);
          continue;
        }
        if (role.equals("user")) {
          int results = countToolResults(blocks);
          if (results > 0 && results < blocks.size()) {
            splitMixedUserTurn(blocks, out);
            continue;
          }
        }
      }
      out.add(messageToUniversal(role, content));
    }
    return out;
  }

  private static boolean isToolResultBlock(JsonValue block) {
    String t = ((JsonObject) block).getString("type").orElse("");
    return t.equals("tool_result") || t.equals("tool_search_tool_result");
  }

  private static int countToolResults(JsonArray blocks) {
    int n = 0;
    for (JsonValue b : blocks) {
      if (isToolResultBlock(b)) {
        n++;
      }
    }
    return n;
  }

  private static boolean hasType(JsonArray blocks, String type) {
    for (JsonValue b : blocks) {
      if (type.equals(((JsonObject) b).getString("type").orElse(null))) {
        return true;
      }
    }
    return false;
  }

  /** lingua's {@code mixed_user_tool_result_groups}: runs of tool-result and other blocks, in order. */
  private static void splitMixedUserTurn(JsonArray blocks, List<Message> out) {
    JsonArray.Builder group = JsonArray.builder();
    Boolean groupIsResults = null;
    for (JsonValue b : blocks) {
      boolean isResult = isToolResultBlock(b);
      if (groupIsResults != null && groupIsResults != isResult) {
        out.add(messageToUniversal("user", group.build()));
        group = JsonArray.builder();
      }
      groupIsResults = isResult;
      group.add(b);
    }
    if (!group.isEmpty()) {
      out.add(messageToUniversal("user", group.build()));
    }
  }

  /** lingua's {@code split_assistant_tool_discovery_result_message}. */
  private static void splitAssistantDiscoveryResults(JsonArray blocks, List<Message> out) {
    JsonArray.Builder assistant = JsonArray.builder();
    for (JsonValue v : blocks) {
      JsonObject b = (JsonObject) v;
      if ("tool_search_tool_result".equals(b.getString("type").orElse(null))) {
        if (!assistant.isEmpty()) {
          out.add(messageToUniversal("assistant", assistant.build()));
          assistant = JsonArray.builder();
        }
        String toolUseId = b.getString("tool_use_id").orElse(null);
        if (toolUseId != null) {
          out.add(
              Message.tool(
                  List.of(AnthropicTools.resultFromContent(toolUseId, Wire.opt(b, "content"), false))));
        }
      } else {
        assistant.add(b);
      }
    }
    if (!assistant.isEmpty()) {
      out.add(messageToUniversal("assistant", assistant.build()));
    }
  }

  /** One input message (lingua's {@code TryFromLLM<InputMessage> for Message}). */
  private static Message messageToUniversal(String role, JsonValue content) {
    if (role.equals("user") && content instanceof JsonArray blocks && !blocks.isEmpty()) {
      if (countToolResults(blocks) == blocks.size()) {
        return toolMessage(blocks);
      }
    }
    switch (role) {
      case "system":
        return systemMessage(content);
      case "user":
        return userMessage(content);
      default:
        return assistantMessage(content);
    }
  }

  /** A user turn of only tool results: a tool message (results without content are skipped, as in lingua). */
  private static Message toolMessage(JsonArray blocks) {
    List<Part> parts = new ArrayList<>(blocks.size());
    for (JsonValue v : blocks) {
      JsonObject b = (JsonObject) v;
      String toolUseId = b.getString("tool_use_id").orElse(null);
      if ("tool_result".equals(b.getString("type").orElse(null))) {
        JsonValue content = Wire.opt(b, "content");
        if (toolUseId == null || content == null) {
          continue;
        }
        // is_error is kept (a deviation: lingua drops it); cache_control on tool results is dropped, as
        // lingua drops it.
        ToolResultPart part = ToolResultPart.of(toolUseId, "", toolResultOutput(content));
        Optional<Boolean> isError = b.getBoolean("is_error");
        parts.add(isError.orElse(false) ? part.withIsError(isError) : part);
      } else if (toolUseId != null) {
        parts.add(AnthropicTools.resultFromContent(toolUseId, Wire.opt(b, "content"), false));
      }
    }
    return Message.tool(parts);
  }

  /** A tool result's content as a universal output: strings that are JSON are parsed. */
  private static JsonValue toolResultOutput(JsonValue content) {
    if (content instanceof JsonString s) {
      return LinguaJson.tryParse(s.value()).orElse(s);
    }
    return AnthropicSchema.projectBlockContent(content);
  }

  /** The top-level {@code system} member as a universal system message. */
  static Message systemFromTopLevel(JsonValue system) {
    if (system instanceof JsonString s) {
      return Message.system(s.value());
    }
    List<Part> parts = new ArrayList<>();
    for (JsonValue v : (JsonArray) system) {
      JsonObject b = (JsonObject) v;
      parts.add(textPart(b.getString("text").orElseThrow(), Wire.opt(b, "cache_control"), Wire.opt(b, "citations")));
    }
    return Message.system(parts);
  }

  private static TextPart textPart(String text, JsonValue cacheControl, JsonValue citations) {
    TextPart.Builder b = TextPart.builder().text(text);
    if (cacheControl != null) {
      b.cacheControl(CacheControl.fromJson(cacheControl, "cache_control"));
    }
    if (citations != null) {
      b.providerOptions(JsonObject.of("citations", citations));
    }
    return b.build();
  }

  private static TextPart textPart(JsonObject block) {
    return textPart(
        block.getString("text").orElseThrow(), Wire.opt(block, "cache_control"), Wire.opt(block, "citations"));
  }

  /** A mid-conversation system turn (lingua's {@code anthropic_system_message_content}). */
  private static Message systemMessage(JsonValue content) {
    if (content instanceof JsonString s) {
      return Message.system(s.value());
    }
    List<Part> parts = new ArrayList<>();
    for (JsonValue v : (JsonArray) content) {
      JsonObject b = (JsonObject) v;
      String type = b.getString("type").orElse("");
      if (type.equals("text")) {
        if (b.getOrNull("text") instanceof JsonString) {
          parts.add(textPart(b));
        }
      } else if (type.equals("mid_conv_system")) {
        JsonValue inner = Wire.opt(b, "content");
        if (inner != null) {
          midConversationSystemParts(inner, b, parts);
        }
      } else {
        throw new TranslationException(
            "Content conversion failed: unsupported Anthropic system content block type: " + type);
      }
    }
    return parts.isEmpty() ? Message.system("") : Message.system(parts);
  }

  /**
   * The text of a {@code mid_conv_system} block. The block's own cache control and citations go to the
   * first text produced, as lingua hands them down once.
   */
  private static void midConversationSystemParts(JsonValue content, JsonObject parent, List<Part> out) {
    Optional<CacheControl> parentCache =
        Optional.ofNullable(Wire.opt(parent, "cache_control"))
            .map(c -> CacheControl.fromJson(c, "cache_control"));
    Optional<JsonObject> parentOptions =
        Optional.ofNullable(Wire.opt(parent, "citations")).map(c -> JsonObject.of("citations", c));
    if (content instanceof JsonString s) {
      out.add(new TextPart(s.value(), Optional.empty(), parentCache, parentOptions));
      return;
    }
    if (!(content instanceof JsonArray blocks)) {
      throw new TranslationException(
          "Content conversion failed: web search tool result errors cannot be used as Anthropic system "
              + "content");
    }
    Inherited inherited = new Inherited(parentCache, parentOptions);
    for (JsonValue v : blocks) {
      JsonObject b = (JsonObject) v;
      if (b.getOrNull("text") instanceof JsonString text) {
        out.add(inherited.text(text.value(), b));
      }
      if (Wire.opt(b, "content") instanceof JsonArray nested) {
        for (JsonValue n : nested) {
          if (!(n instanceof JsonObject nb) || !(nb.getOrNull("text") instanceof JsonString nestedText)) {
            throw Wire.invalid("messages.content.content", n, "a text block");
          }
          out.add(inherited.text(nestedText.value(), nb));
        }
      }
    }
  }

  /** A mid_conv_system block's cache control and citations, handed to the first text that takes them. */
  private static final class Inherited {
    private Optional<CacheControl> cache;
    private Optional<JsonObject> options;

    Inherited(Optional<CacheControl> cache, Optional<JsonObject> options) {
      this.cache = cache;
      this.options = options;
    }

    TextPart text(String text, JsonObject block) {
      Optional<CacheControl> own =
          Optional.ofNullable(Wire.opt(block, "cache_control"))
              .map(c -> CacheControl.fromJson(c, "cache_control"));
      Optional<CacheControl> cc = own;
      if (own.isEmpty()) {
        cc = cache;
        cache = Optional.empty();
      }
      JsonValue citations = Wire.opt(block, "citations");
      Optional<JsonObject> inherited = options;
      options = Optional.empty();
      Optional<JsonObject> po;
      if (citations == null) {
        po = inherited;
      } else if (inherited.isPresent()) {
        po = Optional.of(inherited.get().with("citations", citations));
      } else {
        po = Optional.of(JsonObject.of("citations", citations));
      }
      return new TextPart(text, Optional.empty(), cc, po);
    }
  }

  private static Message userMessage(JsonValue content) {
    if (content instanceof JsonString s) {
      return Message.user(s.value());
    }
    List<Part> parts = new ArrayList<>();
    for (JsonValue v : (JsonArray) content) {
      JsonObject b = (JsonObject) v;
      switch (b.getString("type").orElse("")) {
        case "text":
          if (b.getOrNull("text") instanceof JsonString) {
            parts.add(textPart(b));
          }
          break;
        case "image":
          {
            // Only inline (base64) sources carry data; lingua skips URL and other image sources.
            JsonValue source = Wire.opt(b, "source");
            if (source instanceof JsonObject s && s.getOrNull("data") instanceof JsonString data) {
              parts.add(
                  new ImagePart(data, s.getString("media_type"), Optional.empty()));
            }
            break;
          }
        case "document":
          {
            JsonValue source = Wire.opt(b, "source");
            if (source instanceof JsonObject s) {
              parts.add(documentPart(b, s));
            }
            // A string source is skipped, as lingua skips it.
            break;
          }
        default:
          // Other block types (search results, container uploads, ...) are skipped, as lingua skips them.
          break;
      }
    }
    return parts.isEmpty() ? Message.user("") : Message.user(parts);
  }

  private static FilePart documentPart(JsonObject block, JsonObject source) {
    JsonObject.Builder opts = JsonObject.builder().put("anthropic_type", "document");
    block.getString("title").ifPresent(t -> opts.put("title", t));
    block.getString("context").ifPresent(c -> opts.put("context", c));
    String data = source.getString("data").or(() -> source.getString("url")).orElse(null);
    String mediaType =
        source.getString("media_type").orElseGet(() -> data == null ? null : inferMediaType(data));
    return new FilePart(
        data == null ? JsonNull.INSTANCE : JsonString.of(data),
        Optional.empty(),
        mediaType == null ? "text/plain" : mediaType,
        Optional.of(opts.build()));
  }

  /** lingua's {@code infer_media_type_from_reference}: the MIME type of a URL's file extension. */
  static String inferMediaType(String reference) {
    int slash = reference.lastIndexOf('/');
    String segment = reference.substring(slash + 1);
    int q = segment.indexOf('?');
    if (q >= 0) {
      segment = segment.substring(0, q);
    }
    int dot = segment.lastIndexOf('.');
    String ext = dot < 0 ? segment : segment.substring(dot + 1);
    switch (ext) {
      case "txt":
        return "text/plain";
      case "pdf":
        return "application/pdf";
      case "png":
        return "image/png";
      case "jpg":
      case "jpeg":
        return "image/jpeg";
      case "gif":
        return "image/gif";
      case "webp":
        return "image/webp";
      default:
        return null;
    }
  }

  private static Message assistantMessage(JsonValue content) {
    if (content instanceof JsonString s) {
      return Message.assistant(s.value());
    }
    List<Part> parts = new ArrayList<>();
    for (JsonValue v : (JsonArray) content) {
      assistantBlockToUniversal((JsonObject) v, parts, false);
    }
    if (parts.isEmpty()) {
      parts.add(TextPart.of(""));
    }
    return Message.assistant(parts);
  }

  /**
   * One assistant content block (request or response form) into parts: text, thinking, tool use, server
   * tool use (tool search becomes a discovery call), web search results and {@code redacted_thinking}
   * (a {@link RedactedReasoningPart} holding {@code data} as it is; lingua skips it, but Claude needs it
   * replayed). Other block types, and a redacted block without a string {@code data}, are skipped, as
   * lingua skips them.
   */
  static void assistantBlockToUniversal(JsonObject b, List<Part> parts, boolean response) {
    switch (b.getString("type").orElse("")) {
      case "text":
        if (b.getOrNull("text") instanceof JsonString) {
          parts.add(textPart(b));
        }
        break;
      case "thinking":
        if (b.getOrNull("thinking") instanceof JsonString thinking) {
          parts.add(new ReasoningPart(thinking.value(), b.getString("signature")));
        }
        break;
      case "redacted_thinking":
        if (b.getOrNull("data") instanceof JsonString data) {
          parts.add(RedactedReasoningPart.of(data.value()));
        }
        break;
      case "tool_use":
        toolUse(b, false, parts);
        break;
      case "server_tool_use":
        {
          String name = b.getString("name").orElse(null);
          String id = b.getString("id").orElse(null);
          if (name != null && id != null && AnthropicTools.isToolSearchName(name)) {
            JsonObject input = Wire.optObject(b, "input", "content");
            parts.add(
                ToolDiscoveryCallPart.builder()
                    .toolCallId(id)
                    .discoveryToolName(name)
                    .query(AnthropicTools.query(input).orElse(null))
                    .arguments(input)
                    .build());
          } else {
            toolUse(b, true, parts);
          }
          break;
        }
      case "web_search_tool_result":
        {
          String id = b.getString("tool_use_id").orElse(null);
          if (id != null) {
            JsonObject.Builder output =
                JsonObject.builder().put("anthropic_type", "web_search_tool_result");
            JsonValue content = Wire.opt(b, "content");
            if (content != null) {
              output.put(
                  "content",
                  response
                      ? AnthropicSchema.projectResponseBlockContent(content)
                      : AnthropicSchema.projectBlockContent(content));
            }
            parts.add(ToolResultPart.of(id, "web_search", output.build()));
          }
          break;
        }
      default:
        break;
    }
  }

  private static void toolUse(JsonObject b, boolean serverExecuted, List<Part> parts) {
    String id = b.getString("id").orElse(null);
    String name = b.getString("name").orElse(null);
    if (id == null || name == null) {
      return;
    }
    JsonValue input = Wire.opt(b, "input");
    ToolArguments arguments =
        input instanceof JsonObject o ? ToolArguments.valid(o) : ToolArguments.invalid("null");
    ToolCallPart.Builder call = ToolCallPart.builder().toolCallId(id).toolName(name).arguments(arguments);
    JsonValue caller = Wire.opt(b, "caller");
    if (caller != null) {
      call.providerOptions(JsonObject.of("caller", caller));
    }
    if (serverExecuted) {
      call.providerExecuted(true);
    }
    parts.add(call.build());
  }

  // =================================================================================================
  // universal -> Anthropic
  // =================================================================================================

  /** A converted message under construction: string content or a mutable block list. */
  private static final class Out {
    final String role;
    String text;
    List<JsonObject> blocks;

    Out(String role, String text, List<JsonObject> blocks) {
      this.role = role;
      this.text = text;
      this.blocks = blocks;
    }

    boolean isUser() {
      return role.equals("user");
    }

    boolean isAssistant() {
      return role.equals("assistant");
    }

    List<JsonObject> blocksOrText() {
      if (blocks != null) {
        return blocks;
      }
      List<JsonObject> list = new ArrayList<>(1);
      list.add(JsonObject.builder().put("text", text).put("type", "text").build());
      return list;
    }

    JsonObject toJson() {
      JsonObject.Builder b = JsonObject.builder();
      if (blocks != null) {
        b.put("content", JsonArray.of(blocks));
      } else {
        b.put("content", text);
      }
      return b.put("role", role).build();
    }
  }

  /**
   * Universal messages (system messages already extracted) as Anthropic input messages (lingua's
   * {@code universal_messages_to_anthropic_input_messages}): tool messages become user turns of
   * tool_result blocks; a tool-result turn followed by a plain user turn is merged into one; tool-search
   * results join the assistant turn that made the search.
   *
   * @throws TranslationException for system, developer and additional-tools messages, content Anthropic
   *     cannot carry, and unpaired tool-search results
   */
  static JsonArray fromUniversal(List<Message> messages) {
    List<Out> out = new ArrayList<>(messages.size());
    for (Message message : messages) {
      for (Message m : splitMixedDiscoveryMessage(message)) {
        Out current = messageFromUniversal(m);
        if (out.isEmpty()) {
          if (isPureToolSearchResult(current)) {
            throw unpairedDiscoveryResult();
          }
          out.add(current);
          continue;
        }
        Out previous = out.get(out.size() - 1);
        if (mergeDiscovery(previous, current)) {
          continue;
        }
        if (!mergeToolResultAndUser(previous, current)) {
          out.add(current);
        }
      }
    }
    JsonArray.Builder arr = JsonArray.builder();
    for (Out o : out) {
      arr.add(o.toJson());
    }
    return arr.build();
  }

  private static List<Message> splitMixedDiscoveryMessage(Message m) {
    if (m.role() != Role.TOOL) {
      return List.of(m);
    }
    List<Part> results = new ArrayList<>();
    List<Part> discovery = new ArrayList<>();
    for (Part p : m.content()) {
      if (p instanceof ToolDiscoveryResultPart) {
        discovery.add(p);
      } else {
        results.add(p);
      }
    }
    if (results.isEmpty() || discovery.isEmpty()) {
      // Not mixed: the parts are already in order, and a tool message has nothing but parts.
      return List.of(m);
    }
    return List.of(Message.tool(discovery), Message.tool(results));
  }

  private static TranslationException unpairedDiscoveryResult() {
    return new TranslationException(
        "Unsupported mapping: cannot convert unpaired ToolDiscoveryResult to Anthropic InputMessage");
  }

  private static boolean isPureToolSearchResult(Out m) {
    if (m.blocks == null || m.blocks.isEmpty()) {
      return false;
    }
    for (JsonObject b : m.blocks) {
      if (!"tool_search_tool_result".equals(b.getString("type").orElse(null))) {
        return false;
      }
    }
    return true;
  }

  /** lingua's {@code try_merge_adjacent_assistant_tool_discovery_message}; true when merged. */
  private static boolean mergeDiscovery(Out previous, Out current) {
    boolean pureResults = isPureToolSearchResult(current);
    if (pureResults) {
      if (!previous.isAssistant()) {
        throw unpairedDiscoveryResult();
      }
      List<String> callIds = new ArrayList<>();
      if (previous.blocks != null) {
        for (JsonObject b : previous.blocks) {
          if ("server_tool_use".equals(b.getString("type").orElse(null))
              && b.getString("name").map(AnthropicTools::isToolSearchName).orElse(false)) {
            b.getString("id").ifPresent(callIds::add);
          }
        }
      }
      List<String> resultIds = new ArrayList<>();
      for (JsonObject b : current.blocks) {
        b.getString("tool_use_id").ifPresent(resultIds::add);
      }
      if (resultIds.isEmpty() || !callIds.containsAll(resultIds)) {
        throw unpairedDiscoveryResult();
      }
    }
    if (!previous.isAssistant()) {
      return false;
    }
    boolean mergeResult = current.isUser() && pureResults;
    boolean mergeContinuation = current.isAssistant() && hasToolSearchResult(previous);
    if (!mergeResult && !mergeContinuation) {
      return false;
    }
    List<JsonObject> merged = new ArrayList<>(previous.blocksOrText());
    merged.addAll(current.blocksOrText());
    previous.blocks = merged;
    previous.text = null;
    return true;
  }

  private static boolean hasToolSearchResult(Out m) {
    if (m.blocks == null) {
      return false;
    }
    for (JsonObject b : m.blocks) {
      if ("tool_search_tool_result".equals(b.getString("type").orElse(null))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isToolResultType(JsonObject b) {
    String t = b.getString("type").orElse("");
    return t.equals("tool_result") || t.equals("tool_search_tool_result");
  }

  /**
   * lingua's {@code try_merge_adjacent_user_tool_result_message}: a user turn of only tool results followed
   * by a user turn without any is merged (Anthropic wants results before text, so never the other way).
   */
  private static boolean mergeToolResultAndUser(Out previous, Out current) {
    if (!previous.isUser() || !current.isUser()) {
      return false;
    }
    boolean previousPureResults = previous.blocks != null && !previous.blocks.isEmpty();
    if (previousPureResults) {
      for (JsonObject b : previous.blocks) {
        previousPureResults &= isToolResultType(b);
      }
    }
    boolean currentPureOther;
    if (current.blocks == null) {
      currentPureOther = true;
    } else {
      currentPureOther = !current.blocks.isEmpty();
      for (JsonObject b : current.blocks) {
        currentPureOther &= !isToolResultType(b);
      }
    }
    if (!(previousPureResults && currentPureOther)) {
      return false;
    }
    List<JsonObject> merged = new ArrayList<>(previous.blocks);
    merged.addAll(current.blocksOrText());
    previous.blocks = merged;
    return true;
  }

  /** One universal message (lingua's {@code TryFromLLM<Message> for InputMessage}). */
  private static Out messageFromUniversal(Message m) {
    switch (m.role()) {
      case USER:
        if (m.stringContent()) {
          return new Out("user", m.text().orElse(""), null);
        }
        return new Out("user", null, userBlocks(m.content()));
      case ASSISTANT:
        if (m.stringContent()) {
          return new Out("assistant", m.text().orElse(""), null);
        }
        return new Out("assistant", null, assistantBlocks(m.content()));
      case TOOL:
        return new Out("user", null, toolBlocks(m.content()));
      case SYSTEM:
      case DEVELOPER:
        throw new TranslationException(
            "Conversion from universal format failed: Non-leading system/developer messages are not "
                + "supported in Anthropic InputMessage; use the top-level system parameter for leading "
                + "instructions (field messages)");
      default:
        throw new TranslationException(
            "Unsupported mapping: cannot convert Message::AdditionalTools to Anthropic InputMessage "
                + "(field messages)");
    }
  }

  private static boolean isHttpUrl(String s) {
    return s.startsWith("http://") || s.startsWith("https://");
  }

  private static List<JsonObject> userBlocks(List<Part> parts) {
    for (Part p : parts) {
      if (p instanceof FilePart f && f.data() instanceof JsonString data) {
        String mt = f.mediaType();
        if (isHttpUrl(data.value()) && !mt.equals("application/pdf") && !mt.equals("text/plain")) {
          throw new TranslationException(
              "Unsupported mapping: cannot convert URL-backed file with MIME type "
                  + mt
                  + " to Anthropic document input (field messages)");
        }
        if (mt.startsWith("audio/") || mt.startsWith("video/")) {
          throw new TranslationException(
              "Unsupported mapping: cannot convert Lingua file content with MIME type "
                  + mt
                  + " to Anthropic document input (field messages)");
        }
      }
    }
    List<JsonObject> blocks = new ArrayList<>(parts.size());
    for (Part p : parts) {
      if (p instanceof TextPart t) {
        JsonObject.Builder b = JsonObject.builder();
        t.cacheControl().ifPresent(c -> b.put("cache_control", c.toJson()));
        blocks.add(b.put("text", t.text()).put("type", "text").build());
      } else if (p instanceof ImagePart img) {
        JsonObject block = imageBlock(img);
        if (block != null) {
          blocks.add(block);
        }
      } else if (p instanceof FilePart f) {
        JsonObject block = documentBlock(f);
        if (block != null) {
          blocks.add(block);
        }
      }
    }
    return blocks;
  }

  /**
   * An image part as an image block (a base64 PDF becomes a document block; base64 {@code text/*} data
   * URLs are decoded into a text block); null for parts lingua skips (non-string images, undecodable
   * text).
   */
  private static JsonObject imageBlock(ImagePart img) {
    if (!(img.image() instanceof JsonString s)) {
      return null;
    }
    String data = s.value();
    boolean url = isHttpUrl(data);
    Optional<String> mediaType = img.mediaType();
    if (!url && mediaType.isPresent() && mediaType.get().startsWith("text/")) {
      String text = decodeTextDataUrl(data);
      return text == null ? null : JsonObject.builder().put("text", text).put("type", "text").build();
    }
    if (url) {
      return JsonObject.builder()
          .put("source", JsonObject.builder().put("type", "url").put("url", data).build())
          .put("type", "image")
          .build();
    }
    String mt = mediaType.filter(AnthropicMessages::isBase64ImageMediaType).orElse(null);
    JsonObject.Builder source = JsonObject.builder().put("data", data);
    if (mt != null) {
      source.put("media_type", mt);
    }
    source.put("type", "base64");
    return JsonObject.builder()
        .put("source", source.build())
        .put("type", "application/pdf".equals(mt) ? "document" : "image")
        .build();
  }

  private static boolean isBase64ImageMediaType(String mt) {
    switch (mt) {
      case "image/jpeg":
      case "image/png":
      case "image/gif":
      case "image/webp":
      case "application/pdf":
        return true;
      default:
        return false;
    }
  }

  /** The UTF-8 text of a {@code data:<type>;base64,<data>} URL, null when it is not one or not text. */
  private static String decodeTextDataUrl(String url) {
    return MediaReferences.parseBase64DataUrl(url)
        .flatMap(d -> MediaReferences.decodeBase64Utf8(d.data()))
        .orElse(null);
  }

  /**
   * A file part as a document block: a URL source for http(s) data, otherwise a {@code text} source with
   * the data and media type (unknown types are sent as {@code text/plain}, as lingua sends them); title
   * and context come back from provider options. Null when the data is not a string.
   */
  private static JsonObject documentBlock(FilePart f) {
    if (!(f.data() instanceof JsonString s)) {
      return null;
    }
    String data = s.value();
    String title = null;
    String context = null;
    if (f.providerOptions().isPresent()) {
      JsonObject po = f.providerOptions().get();
      JsonValue t = Wire.opt(po, "title");
      JsonValue c = Wire.opt(po, "context");
      JsonValue at = Wire.opt(po, "anthropic_type");
      boolean typed =
          (t == null || t instanceof JsonString)
              && (c == null || c instanceof JsonString)
              && (at == null || at instanceof JsonString);
      if (typed) {
        title = t == null ? null : ((JsonString) t).value();
        context = c == null ? null : ((JsonString) c).value();
      }
    }
    JsonObject.Builder source = JsonObject.builder();
    if (isHttpUrl(data)) {
      source.put("type", "url").put("url", data);
    } else {
      String mt = AnthropicSchema.MEDIA_TYPES.contains(f.mediaType()) ? f.mediaType() : "text/plain";
      source.put("data", data).put("media_type", mt).put("type", "text");
    }
    JsonObject.Builder b = JsonObject.builder();
    if (context != null) {
      b.put("context", context);
    }
    b.put("source", source.build());
    if (title != null) {
      b.put("title", title);
    }
    return b.put("type", "document").build();
  }

  /**
   * Assistant parts as blocks: text (with citations from provider options), thinking (the signature from
   * the encrypted content), redacted thinking (its payload unchanged), tool use / server tool use,
   * tool-search calls and web search results. Files, programs and other tool results are skipped, as
   * lingua skips them.
   *
   * @throws TranslationException for OpenAI encrypted reasoning, which Anthropic cannot replay
   */
  private static List<JsonObject> assistantBlocks(List<Part> parts) {
    List<JsonObject> blocks = new ArrayList<>(parts.size());
    for (Part p : parts) {
      if (p instanceof TextPart t) {
        JsonObject.Builder b = JsonObject.builder();
        t.cacheControl().ifPresent(c -> b.put("cache_control", c.toJson()));
        requestCitations(t.providerOptions()).ifPresent(c -> b.put("citations", c));
        blocks.add(b.put("text", t.text()).put("type", "text").build());
      } else if (p instanceof ReasoningPart r) {
        blocks.add(thinkingBlock(r));
      } else if (p instanceof RedactedReasoningPart r) {
        blocks.add(redactedThinkingBlock(r));
      } else if (p instanceof ToolCallPart c) {
        blocks.add(toolUseBlock(c));
      } else if (p instanceof ToolDiscoveryCallPart d) {
        blocks.add(discoveryCallBlock(d));
      } else if (p instanceof ToolResultPart r) {
        JsonObject block = webSearchResultBlock(r, false);
        if (block != null) {
          blocks.add(block);
        }
      }
    }
    return blocks;
  }

  /**
   * A thinking block; the reasoning's encrypted content is its signature.
   *
   * @throws TranslationException when the signature is OpenAI encrypted reasoning (a deliberate
   *     improvement: lingua forwards it and Anthropic rejects the request)
   */
  static JsonObject thinkingBlock(ReasoningPart r) {
    JsonObject.Builder b = JsonObject.builder();
    if (r.encryptedContent().isPresent()) {
      String sig = r.encryptedContent().get();
      if (sig.startsWith(OPENAI_ENCRYPTED_REASONING_PREFIX)) {
        throw new TranslationException(
            "Unsupported mapping: cannot replay OpenAI encrypted reasoning content as an Anthropic "
                + "thinking signature; reasoning signatures are provider-issued (field messages)");
      }
      b.put("signature", sig);
    }
    return b.put("thinking", r.text()).put("type", "thinking").build();
  }

  /** A {@code redacted_thinking} block carrying the redacted payload unchanged (requests and responses). */
  static JsonObject redactedThinkingBlock(RedactedReasoningPart r) {
    return JsonObject.builder().put("data", r.data()).put("type", "redacted_thinking").build();
  }

  /** A tool_use (or, when provider-executed, server_tool_use) block; only object arguments are sent. */
  static JsonObject toolUseBlock(ToolCallPart c) {
    JsonObject.Builder b = JsonObject.builder();
    caller(c.providerOptions()).ifPresent(v -> b.put("caller", v));
    b.put("id", c.toolCallId());
    c.arguments().asObject().ifPresent(o -> b.put("input", o));
    b.put("name", c.toolName());
    return b.put("type", c.isProviderExecuted() ? "server_tool_use" : "tool_use").build();
  }

  static JsonObject discoveryCallBlock(ToolDiscoveryCallPart d) {
    JsonObject.Builder b = JsonObject.builder().put("id", AnthropicTools.toolSearchCallId(d.toolCallId()));
    JsonObject input = AnthropicTools.inputMap(d);
    if (input != null) {
      b.put("input", input);
    }
    return b.put("name", AnthropicTools.toolSearchName(d.discoveryToolName()))
        .put("type", "server_tool_use")
        .build();
  }

  /**
   * A {@code web_search_tool_result} block from a server tool result carrying lingua's
   * {@code anthropic_type} marker; null for other tool results (skipped in assistant content, as in
   * lingua). Content that does not read as the target's typed content is left out.
   */
  static JsonObject webSearchResultBlock(ToolResultPart r, boolean response) {
    if (!(r.output() instanceof JsonObject o)
        || !"web_search_tool_result".equals(o.getString("anthropic_type").orElse(null))) {
      return null;
    }
    JsonObject.Builder b = JsonObject.builder();
    JsonValue content = Wire.opt(o, "content");
    if (content != null) {
      if (response && AnthropicSchema.isResponseBlockContent(content)) {
        b.put("content", AnthropicSchema.projectResponseBlockContent(content));
      } else if (!response && AnthropicSchema.isBlockContent(content)) {
        b.put("content", AnthropicSchema.projectBlockContent(content));
      }
    }
    return b.put("tool_use_id", r.toolCallId()).put("type", "web_search_tool_result").build();
  }

  /** Request-side citations from text provider options: a config object or an array of citations. */
  private static Optional<JsonValue> requestCitations(Optional<JsonObject> providerOptions) {
    if (providerOptions.isEmpty()) {
      return Optional.empty();
    }
    JsonValue c = Wire.opt(providerOptions.get(), "citations");
    if (c instanceof JsonObject || c instanceof JsonArray) {
      return Optional.of(c);
    }
    return Optional.empty();
  }

  /** The typed {@code caller} from tool-call provider options, when it reads as one. */
  static Optional<JsonValue> caller(Optional<JsonObject> providerOptions) {
    if (providerOptions.isEmpty()) {
      return Optional.empty();
    }
    JsonValue c = Wire.opt(providerOptions.get(), "caller");
    if (c instanceof JsonObject o) {
      try {
        AnthropicSchema.checkCaller(o, "caller");
        return Optional.of(Wire.project(o, java.util.Set.of("type", "tool_id")));
      } catch (TranslationException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static List<JsonObject> toolBlocks(List<Part> parts) {
    List<JsonObject> blocks = new ArrayList<>(parts.size());
    for (Part p : parts) {
      if (p instanceof ToolResultPart r) {
        String content =
            r.output() instanceof JsonString s ? s.value() : LinguaJson.writeSorted(r.output());
        JsonObject.Builder block =
            JsonObject.builder()
                .put("content", content)
                .put("tool_use_id", r.toolCallId())
                .put("type", "tool_result");
        if (r.isError().orElse(false)) {
          block.put("is_error", true);
        }
        blocks.add(block.build());
      } else if (p instanceof ToolDiscoveryResultPart d) {
        blocks.add(
            JsonObject.builder()
                .put("content", AnthropicTools.resultContent(d.tools(), "Anthropic InputContentBlock"))
                .put("tool_use_id", AnthropicTools.toolSearchCallId(d.toolCallId()))
                .put("type", "tool_search_tool_result")
                .build());
      }
    }
    return blocks;
  }
}
