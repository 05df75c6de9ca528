package dev.llmrouter.translate.anthropic;

import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.CacheControl;
import dev.llmrouter.translate.ir.Reasoning;
import dev.llmrouter.translate.ir.ResponseFormat;
import dev.llmrouter.translate.ir.ToolChoice;
import java.util.Set;

/**
 * The shape checks and re-serialization projections of lingua's generated Anthropic types
 * ({@code providers/anthropic/generated.rs}) that translation relies on: which block types, roles, media
 * types and enum values exist, which members each struct keeps when lingua writes it back.
 */
final class AnthropicSchema {
  private AnthropicSchema() {}

  // ---- Enumerations ------------------------------------------------------------------------------

  static final Set<String> ROLES = Set.of("assistant", "system", "user");

  /** {@code InputContentBlockType}. */
  static final Set<String> INPUT_BLOCK_TYPES =
      Set.of(
          "bash_code_execution_tool_result",
          "code_execution_tool_result",
          "container_upload",
          "document",
          "image",
          "mid_conv_system",
          "redacted_thinking",
          "search_result",
          "server_tool_use",
          "text",
          "text_editor_code_execution_tool_result",
          "thinking",
          "tool_result",
          "tool_search_tool_result",
          "tool_use",
          "web_fetch_tool_result",
          "web_search_tool_result");

  /** {@code ContentBlockType} (response content). */
  static final Set<String> RESPONSE_BLOCK_TYPES =
      Set.of(
          "bash_code_execution_tool_result",
          "code_execution_tool_result",
          "container_upload",
          "redacted_thinking",
          "server_tool_use",
          "text",
          "text_editor_code_execution_tool_result",
          "thinking",
          "tool_search_tool_result",
          "tool_use",
          "web_fetch_tool_result",
          "web_search_tool_result");

  /** {@code WebSearchToolResultBlockItemType}: blocks inside a tool result's content array. */
  static final Set<String> NESTED_BLOCK_TYPES =
      Set.of("document", "image", "search_result", "text", "tool_reference", "web_search_result");

  /** {@code Base64ImageSourceType}. */
  static final Set<String> SOURCE_TYPES = Set.of("base64", "content", "text", "url");

  /** {@code Base64ImageSourceMediaType}. */
  static final Set<String> MEDIA_TYPES =
      Set.of("application/pdf", "image/gif", "image/jpeg", "image/png", "image/webp", "text/plain");

  /** {@code RequestWebSearchToolResultErrorType}: the object form of a server tool result's content. */
  static final Set<String> RESULT_OBJECT_TYPES =
      Set.of(
          "bash_code_execution_result",
          "bash_code_execution_tool_result_error",
          "code_execution_result",
          "code_execution_tool_result_error",
          "encrypted_code_execution_result",
          "text_editor_code_execution_create_result",
          "text_editor_code_execution_str_replace_result",
          "text_editor_code_execution_tool_result_error",
          "text_editor_code_execution_view_result",
          "tool_search_tool_result_error",
          "tool_search_tool_search_result",
          "web_fetch_result",
          "web_fetch_tool_result_error",
          "web_search_tool_result_error");

  static final Set<String> CALLER_TYPES =
      Set.of("code_execution_20250825", "code_execution_20260120", "direct");

  /** {@code AllowedCaller}. */
  static final Set<String> ALLOWED_CALLERS =
      Set.of("code_execution_20250825", "code_execution_20260120", "code_execution_20260521", "direct");

  static final Set<String> EFFORTS = Set.of("high", "low", "max", "medium", "xhigh");

  static final Set<String> SERVICE_TIERS = Set.of("auto", "standard_only");

  /** {@code ServiceTierServiceTier}: the tier a response reports. */
  static final Set<String> SERVED_TIERS = Set.of("batch", "priority", "standard");

  /** The tagged variants of the {@code Tool} union (anything else is a custom tool). */
  static final Set<String> BUILTIN_TOOL_TYPES =
      Set.of(
          "bash_20250124",
          "code_execution_20250522",
          "code_execution_20250825",
          "code_execution_20260120",
          "code_execution_20260521",
          "memory_20250818",
          "text_editor_20250124",
          "text_editor_20250429",
          "text_editor_20250728",
          "web_fetch_20250910",
          "web_fetch_20260209",
          "web_fetch_20260309",
          "web_fetch_20260318",
          "web_search_20250305",
          "web_search_20260209",
          "web_search_20260318",
          "tool_search_tool_bm25",
          "tool_search_tool_bm25_20251119",
          "tool_search_tool_regex",
          "tool_search_tool_regex_20251119");

  // ---- Struct members (what a typed re-serialization keeps) ------------------------------------------

  /** {@code Block}: an element of a tool result's content array. */
  static final Set<String> NESTED_BLOCK_FIELDS =
      Set.of(
          "cache_control", "citations", "text", "type", "source", "content", "title", "context",
          "tool_name", "encrypted_content", "page_age", "url");

  /** {@code Source}. */
  static final Set<String> SOURCE_FIELDS = Set.of("data", "media_type", "type", "url", "content");

  /** {@code RequestTextBlock}. */
  static final Set<String> TEXT_BLOCK_FIELDS = Set.of("cache_control", "citations", "text", "type");

  /** {@code Request} / {@code Response}: the object form of a server tool result's content. */
  static final Set<String> RESULT_OBJECT_FIELDS =
      Set.of(
          "error_code", "type", "content", "retrieved_at", "url", "return_code", "stderr", "stdout",
          "encrypted_stdout", "error_message", "file_type", "num_lines", "start_line", "total_lines",
          "is_file_update", "lines", "new_lines", "new_start", "old_lines", "old_start",
          "tool_references");

  // ---- Request checks ----------------------------------------------------------------------------

  /**
   * Checks a request the way deserializing {@code CreateMessageParams} does: required {@code model},
   * {@code messages} and {@code max_tokens}, and the type of every member translation reads.
   *
   * @throws TranslationException naming the first offending field
   */
  static void checkRequest(JsonObject body) {
    Wire.requireString(body, "model", "request");
    JsonValue maxTokens = body.getOrNull("max_tokens");
    if (maxTokens == null) {
      throw Wire.missing("max_tokens");
    }
    if (maxTokens.isNull()) {
      throw Wire.invalid("max_tokens", maxTokens, "i64");
    }
    Wire.optI64(body, "max_tokens", "request");
    JsonValue messages = body.getOrNull("messages");
    if (messages == null) {
      throw Wire.missing("messages");
    }
    JsonArray msgs = Wire.array(messages, "messages");
    for (int i = 0; i < msgs.size(); i++) {
      checkInputMessage(msgs.get(i), "messages[" + i + "]");
    }
    Wire.optF64(body, "temperature", "request");
    Wire.optF64(body, "top_p", "request");
    Wire.optI64(body, "top_k", "request");
    Wire.optBool(body, "stream", "request");
    Wire.optStringArray(body, "stop_sequences", "request");
    Wire.optString(body, "container", "request");
    Wire.optString(body, "inference_geo", "request");
    Wire.optEnum(body, "service_tier", SERVICE_TIERS, "request");
    JsonValue cc = Wire.opt(body, "cache_control");
    if (cc != null) {
      CacheControl.fromJson(cc, "cache_control");
    }
    JsonValue system = Wire.opt(body, "system");
    if (system != null) {
      checkSystem(system);
    }
    JsonValue thinking = Wire.opt(body, "thinking");
    if (thinking != null) {
      Reasoning.fromAnthropicThinking(thinking);
    }
    JsonValue toolChoice = Wire.opt(body, "tool_choice");
    if (toolChoice != null) {
      ToolChoice.fromAnthropic(toolChoice);
    }
    JsonObject metadata = Wire.optObject(body, "metadata", "request");
    if (metadata != null) {
      Wire.optString(metadata, "user_id", "metadata");
    }
    JsonObject outputConfig = Wire.optObject(body, "output_config", "request");
    if (outputConfig != null) {
      Wire.optEnum(outputConfig, "effort", EFFORTS, "output_config");
      JsonValue format = Wire.opt(outputConfig, "format");
      if (format != null) {
        ResponseFormat.fromAnthropic(format);
      }
    }
    JsonArray tools = Wire.optArray(body, "tools", "request");
    if (tools != null) {
      for (int i = 0; i < tools.size(); i++) {
        checkTool(tools.get(i), "tools[" + i + "]");
      }
    }
  }

  private static void checkSystem(JsonValue system) {
    if (system instanceof JsonString) {
      return;
    }
    if (!(system instanceof JsonArray a)) {
      throw Wire.invalid("system", system, "a string or an array of text blocks");
    }
    for (int i = 0; i < a.size(); i++) {
      checkTextBlock(a.get(i), "system[" + i + "]");
    }
  }

  /** {@code RequestTextBlock}: {@code {type: "text", text, cache_control?, citations?}}. */
  static void checkTextBlock(JsonValue v, String path) {
    JsonObject o = Wire.object(v, path);
    Wire.requireString(o, "text", path);
    Wire.requireEnum(o, "type", Set.of("text"), path);
    checkCacheControl(o, path);
    Wire.optArray(o, "citations", path);
  }

  static void checkCacheControl(JsonObject o, String path) {
    JsonValue cc = Wire.opt(o, "cache_control");
    if (cc != null) {
      CacheControl.fromJson(cc, path + ".cache_control");
    }
  }

  /** {@code InputMessage}: a role and string or block-array content. */
  static void checkInputMessage(JsonValue v, String path) {
    JsonObject m = Wire.object(v, path);
    Wire.requireEnum(m, "role", ROLES, path);
    JsonValue content = m.getOrNull("content");
    if (content == null) {
      throw Wire.missing(path + ".content");
    }
    if (content instanceof JsonString) {
      return;
    }
    if (!(content instanceof JsonArray blocks)) {
      throw Wire.invalid(path + ".content", content, "a string or an array of content blocks");
    }
    for (int i = 0; i < blocks.size(); i++) {
      checkInputBlock(blocks.get(i), path + ".content[" + i + "]");
    }
  }

  /** {@code InputContentBlock}: a known type and correctly typed members. */
  static void checkInputBlock(JsonValue v, String path) {
    JsonObject b = Wire.object(v, path);
    Wire.requireEnum(b, "type", INPUT_BLOCK_TYPES, path);
    checkCacheControl(b, path);
    checkCitations(b, path);
    for (String key : new String[] {"text", "context", "title", "signature", "thinking", "data", "id",
        "name", "tool_use_id", "file_id"}) {
      Wire.optString(b, key, path);
    }
    Wire.optBool(b, "is_error", path);
    Wire.optObject(b, "input", path);
    JsonObject caller = Wire.optObject(b, "caller", path);
    if (caller != null) {
      checkCaller(caller, path + ".caller");
    }
    JsonValue source = Wire.opt(b, "source");
    if (source != null) {
      checkSourceUnion(source, path + ".source");
    }
    JsonValue content = Wire.opt(b, "content");
    if (content != null) {
      checkBlockContent(content, path + ".content");
    }
  }

  static void checkCaller(JsonObject caller, String path) {
    Wire.requireEnum(caller, "type", CALLER_TYPES, path);
    Wire.optString(caller, "tool_id", path);
  }

  private static void checkCitations(JsonObject b, String path) {
    JsonValue c = Wire.opt(b, "citations");
    if (c != null && !(c instanceof JsonObject) && !(c instanceof JsonArray)) {
      throw Wire.invalid(path + ".citations", c, "a citations config or an array of citations");
    }
  }

  /** {@code SourceUnion}: a string, or a source object with a known type and media type. */
  static void checkSourceUnion(JsonValue v, String path) {
    if (v instanceof JsonString) {
      return;
    }
    JsonObject s = Wire.object(v, path);
    Wire.requireEnum(s, "type", SOURCE_TYPES, path);
    Wire.optEnum(s, "media_type", MEDIA_TYPES, path);
    Wire.optString(s, "data", path);
    Wire.optString(s, "url", path);
  }

  /**
   * {@code InputContentBlockContent} (untagged): an array of nested blocks, a string, or a result object
   * with a known type.
   */
  static void checkBlockContent(JsonValue v, String path) {
    if (v instanceof JsonString) {
      return;
    }
    if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        JsonObject nested = Wire.object(a.get(i), path + "[" + i + "]");
        Wire.requireEnum(nested, "type", NESTED_BLOCK_TYPES, path + "[" + i + "]");
        Wire.optString(nested, "text", path + "[" + i + "]");
        JsonValue source = Wire.opt(nested, "source");
        if (source != null) {
          checkSourceUnion(source, path + "[" + i + "].source");
        }
      }
      return;
    }
    JsonObject o = Wire.object(v, path);
    Wire.requireEnum(o, "type", RESULT_OBJECT_TYPES, path);
  }

  /**
   * A {@code Tool}: a builtin of a known type with a name, or a custom tool with a name and an input
   * schema (the {@code type} of a custom tool is ignored, as the untagged variant ignores it).
   */
  static void checkTool(JsonValue v, String path) {
    JsonObject t = Wire.object(v, path);
    String type = t.getString("type").orElse(null);
    if (type != null && BUILTIN_TOOL_TYPES.contains(type)) {
      Wire.requireString(t, "name", path);
      return;
    }
    Wire.requireString(t, "name", path);
    if (!t.has("input_schema")) {
      throw Wire.missing(path + ".input_schema");
    }
    Wire.optString(t, "description", path);
    Wire.optBool(t, "strict", path);
    Wire.optBool(t, "defer_loading", path);
    JsonArray callers = Wire.optArray(t, "allowed_callers", path);
    if (callers != null) {
      for (int i = 0; i < callers.size(); i++) {
        JsonValue c = callers.get(i);
        String s = c.asString().orElseThrow(() -> Wire.invalid(path + ".allowed_callers", c, "a string"));
        if (!ALLOWED_CALLERS.contains(s)) {
          throw Wire.unknownVariant(path + ".allowed_callers", s, Wire.describe(ALLOWED_CALLERS));
        }
      }
    }
  }

  // ---- Response checks ---------------------------------------------------------------------------

  /** {@code ContentBlock}: a response content block of a known type with correctly typed members. */
  static void checkResponseBlock(JsonValue v, String path) {
    JsonObject b = Wire.object(v, path);
    Wire.requireEnum(b, "type", RESPONSE_BLOCK_TYPES, path);
    for (String key : new String[] {"text", "signature", "thinking", "data", "id", "name", "tool_use_id",
        "file_id"}) {
      Wire.optString(b, key, path);
    }
    Wire.optObject(b, "input", path);
    Wire.optArray(b, "citations", path);
    JsonObject caller = Wire.optObject(b, "caller", path);
    if (caller != null) {
      checkCaller(caller, path + ".caller");
    }
    JsonValue content = Wire.opt(b, "content");
    if (content != null && !(content instanceof JsonArray)) {
      JsonObject o = Wire.object(content, path + ".content");
      Wire.requireEnum(o, "type", RESULT_OBJECT_TYPES, path + ".content");
    }
  }

  // ---- Projections -------------------------------------------------------------------------------

  /** A nested block (element of {@code Vec<Block>}) as lingua re-serializes it. */
  static JsonObject projectNestedBlock(JsonObject block) {
    JsonObject p = Wire.project(block, NESTED_BLOCK_FIELDS);
    JsonValue source = p.getOrNull("source");
    JsonValue content = p.getOrNull("content");
    if (source instanceof JsonObject s || content instanceof JsonArray) {
      JsonObject.Builder b = p.toBuilder();
      if (source instanceof JsonObject s) {
        b.put("source", Wire.project(s, SOURCE_FIELDS));
      }
      if (content instanceof JsonArray items) {
        JsonArray.Builder out = JsonArray.builder();
        for (JsonValue item : items) {
          out.add(item instanceof JsonObject o ? Wire.project(o, TEXT_BLOCK_FIELDS) : item);
        }
        b.put("content", out.build());
      }
      return b.build();
    }
    return p;
  }

  /** An {@code InputContentBlockContent} value as lingua re-serializes it. */
  static JsonValue projectBlockContent(JsonValue content) {
    if (content instanceof JsonArray a) {
      JsonArray.Builder out = JsonArray.builder();
      for (JsonValue v : a) {
        out.add(v instanceof JsonObject o ? projectNestedBlock(o) : v);
      }
      return out.build();
    }
    if (content instanceof JsonObject o) {
      return Wire.project(o, RESULT_OBJECT_FIELDS);
    }
    return content;
  }

  /**
   * A response {@code ContentBlockContent} value (result object or web search results) re-serialized.
   * Web search results keep their explicit nulls (e.g. {@code page_age: null}), so an Anthropic reply
   * round-trips unchanged (lingua's typed struct drops them).
   */
  static JsonValue projectResponseBlockContent(JsonValue content) {
    if (content instanceof JsonArray a) {
      return a;
    }
    if (content instanceof JsonObject o) {
      return Wire.project(o, RESULT_OBJECT_FIELDS);
    }
    return content;
  }

  /** Whether {@code v} reads as a response {@code ContentBlockContent} (result object or results array). */
  static boolean isResponseBlockContent(JsonValue v) {
    if (v instanceof JsonObject o) {
      return o.getString("type").map(RESULT_OBJECT_TYPES::contains).orElse(false);
    }
    if (v instanceof JsonArray a) {
      for (JsonValue item : a) {
        if (!(item instanceof JsonObject o)
            || !"web_search_result".equals(o.getString("type").orElse(null))
            || !(o.getOrNull("encrypted_content") instanceof JsonString)
            || !(o.getOrNull("title") instanceof JsonString)
            || !(o.getOrNull("url") instanceof JsonString)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Whether {@code v} reads as a request {@code InputContentBlockContent}. */
  static boolean isBlockContent(JsonValue v) {
    try {
      checkBlockContent(v, "content");
      return true;
    } catch (TranslationException e) {
      return false;
    }
  }
}
