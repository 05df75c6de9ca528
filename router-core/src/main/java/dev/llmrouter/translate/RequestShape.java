package dev.llmrouter.translate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.json.Json;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.json.MemberSpan;
import dev.llmrouter.json.TopLevelMembers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * What one streaming pass over a request body learns: the routing hints ({@code model}, {@code stream}),
 * the byte spans of the members the router may edit, and the discriminating features that tell the seven
 * wire formats apart. Detection reads these features; it never tries to deserialize the body as each
 * format in turn.
 */
public final class RequestShape {
  // Feature bits.
  static final int MESSAGES = 1;
  static final int CONTENTS = 1 << 1;
  static final int INPUT = 1 << 2;
  static final int OPENAI_KEY = 1 << 3;
  static final int ANTHROPIC_KEY = 1 << 4;
  static final int CONVERSE_KEY = 1 << 5;
  static final int RESPONSES_KEY = 1 << 6;
  static final int GOOGLE_KEY = 1 << 7;
  static final int OPENAI_ROLE = 1 << 8;
  static final int OPENAI_PART = 1 << 9;
  static final int ANTHROPIC_PART = 1 << 10;
  static final int UNTYPED_PART = 1 << 11;
  static final int TOOL_CALLS = 1 << 12;
  static final int OPENAI_TOOL = 1 << 13;
  static final int ANTHROPIC_TOOL = 1 << 14;
  static final int SYSTEM_TYPED_ARRAY = 1 << 15;
  static final int SYSTEM_UNTYPED_ARRAY = 1 << 16;
  static final int MAX_TOKENS = 1 << 17;
  /** A {@code system} role inside {@code messages}: Chat, or Anthropic's mid-conversation system turn. */
  static final int SYSTEM_ROLE = 1 << 18;
  /** A legacy completions {@code prompt}. */
  static final int PROMPT = 1 << 19;

  /** Top-level keys whose presence model rules ask about ({@link #hasKey}). */
  static final java.util.List<String> TRACKED_KEYS =
      java.util.List.of(
          "temperature", "top_p", "max_tokens", "max_completion_tokens", "reasoning_effort",
          "stream_options");

  private final byte[] body;
  private final int features;
  private final int trackedKeys;
  private final int objectStart;
  private final boolean emptyObject;
  private final String model;
  private final String modelId;
  private final Boolean stream;
  private final String anthropicVersion;
  private final String reasoningEffort;
  private final String responseFormatType;
  private final int toolCount;
  private final MemberSpan modelSpan;
  private final MemberSpan streamSpan;
  private final MemberSpan streamOptionsSpan;
  /** The parsed body, for shapes read from a tree; null for scanned shapes. */
  private final JsonObject tree;
  /** Byte positions of a tree-derived shape, found by a second scan only when an edit needs them. */
  private Spans lazySpans;

  private RequestShape(Scanner s, byte[] body, JsonObject tree) {
    this.body = body;
    this.tree = tree;
    this.features = s.features;
    this.trackedKeys = s.trackedKeys;
    this.objectStart = s.objectStart;
    this.emptyObject = s.emptyObject;
    this.model = s.model;
    this.modelId = s.modelId;
    this.stream = s.stream;
    this.anthropicVersion = s.anthropicVersion;
    this.reasoningEffort = s.reasoningEffort;
    this.responseFormatType = s.responseFormatType;
    this.toolCount = s.toolCount;
    this.modelSpan = s.modelSpan;
    this.streamSpan = s.streamSpan;
    this.streamOptionsSpan = s.streamOptionsSpan;
  }

  /**
   * Scans a request body.
   *
   * @throws InvalidRequestException if it is not valid JSON or not a JSON object
   */
  public static RequestShape scan(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidRequestException("request body is empty; expected a JSON object");
    }
    Scanner s = new Scanner();
    try (JsonParser p = Json.parser(body)) {
      s.scan(p);
    } catch (JsonProcessingException e) {
      throw Json.invalid("request body", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RequestShape(s, body, null);
  }

  /**
   * The shape of a body that will (almost certainly) be translated: the body is parsed into a tree once,
   * and the features are read from the tree instead of by a separate scan; the translation then uses
   * {@link #tree()}. The result answers every question exactly as {@link #scan} would (byte positions
   * for pass-through edits are found lazily, by a scan, if ever needed). Bodies a tree cannot represent
   * exactly as the scan sees them (a repeated key) and bodies that do not parse as an object are
   * scanned instead, so errors are the scan's.
   *
   * @throws InvalidRequestException if it is not valid JSON or not a JSON object
   */
  public static RequestShape parse(byte[] body) {
    Optional<JsonObject> parsed = JsonTree.parseObjectWithUniqueKeys(body);
    if (parsed.isEmpty()) {
      return scan(body);
    }
    JsonObject tree = parsed.get();
    Scanner s = new Scanner();
    s.walk(tree);
    return new RequestShape(s, body, tree);
  }

  /** The parsed body when this shape was read from a tree ({@link #parse}), else empty. */
  public Optional<JsonObject> tree() {
    return Optional.ofNullable(tree);
  }

  /** The positions of the editable members, from a scan of the body (tree-derived shapes only). */
  private Spans spans() {
    Spans s = lazySpans;
    if (s == null) {
      RequestShape scanned = scan(body);
      s = new Spans(
          scanned.objectStart, scanned.modelSpan, scanned.streamSpan, scanned.streamOptionsSpan);
      lazySpans = s;
    }
    return s;
  }

  /** Byte positions; immutable, so a racy lazy initialization publishes it safely. */
  private static final class Spans {
    final int objectStart;
    final MemberSpan model;
    final MemberSpan stream;
    final MemberSpan streamOptions;

    Spans(int objectStart, MemberSpan model, MemberSpan stream, MemberSpan streamOptions) {
      this.objectStart = objectStart;
      this.model = model;
      this.stream = stream;
      this.streamOptions = streamOptions;
    }
  }

  /** The body this shape describes (not copied). */
  public byte[] body() {
    return body;
  }

  /** Top-level {@code model}, or Bedrock's {@code modelId}, when it is a string. */
  public Optional<String> model() {
    return Optional.ofNullable(model != null ? model : modelId);
  }

  /** Top-level {@code stream} when it is a boolean. */
  public Optional<Boolean> stream() {
    return Optional.ofNullable(stream);
  }

  /** Whether the caller asked for a stream ({@code "stream": true}). */
  public boolean isStream() {
    return Boolean.TRUE.equals(stream);
  }

  /** {@code reasoning_effort} (Chat Completions), when it is a string. */
  public Optional<String> reasoningEffort() {
    return Optional.ofNullable(reasoningEffort);
  }

  /** Whether the body has the top-level key, for keys in {@link #TRACKED_KEYS}. */
  public boolean hasKey(String key) {
    int i = TRACKED_KEYS.indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException("key is not tracked: " + key);
    }
    return (trackedKeys & (1 << i)) != 0;
  }

  /** Number of entries in a top-level {@code tools} array. */
  public int toolCount() {
    return toolCount;
  }

  /** {@code anthropic_version}, carried by the Bedrock and Vertex flavours of Anthropic Messages. */
  public Optional<String> anthropicVersion() {
    return Optional.ofNullable(anthropicVersion);
  }

  /** Whether {@code messages} holds a {@code system} turn (Chat, or Anthropic's mid-conversation system). */
  public boolean hasSystemTurns() {
    return has(SYSTEM_ROLE);
  }

  /** Whether the client asked for a JSON object response ({@code response_format.type: json_object}). */
  public boolean requiresJsonResponse() {
    return "json_object".equals(responseFormatType);
  }

  Optional<MemberSpan> modelSpan() {
    return Optional.ofNullable(tree == null ? modelSpan : spans().model);
  }

  Optional<MemberSpan> streamSpan() {
    return Optional.ofNullable(tree == null ? streamSpan : spans().stream);
  }

  Optional<MemberSpan> streamOptionsSpan() {
    return Optional.ofNullable(tree == null ? streamOptionsSpan : spans().streamOptions);
  }

  int objectStart() {
    return tree == null ? objectStart : spans().objectStart;
  }

  boolean isEmptyObject() {
    return emptyObject;
  }

  private boolean has(int bits) {
    return (features & bits) != 0;
  }

  /**
   * Chat-only features. A {@code system} turn inside {@code messages} counts only when nothing marks the
   * body as Anthropic, whose newer models accept mid-conversation system turns.
   */
  private boolean openAiSignals() {
    return has(OPENAI_KEY | OPENAI_ROLE | OPENAI_PART | TOOL_CALLS | OPENAI_TOOL)
        || has(SYSTEM_ROLE) && !anthropicSignals();
  }

  private boolean anthropicSignals() {
    return has(ANTHROPIC_KEY | ANTHROPIC_PART | ANTHROPIC_TOOL | SYSTEM_TYPED_ARRAY)
        || anthropicVersion != null;
  }

  private boolean converseSignals() {
    return has(CONVERSE_KEY | UNTYPED_PART | SYSTEM_UNTYPED_ARRAY);
  }

  /**
   * The format this body is most likely written in, from its discriminating keys; empty when nothing
   * identifies it. Priority: Gemini {@code contents}; Anthropic {@code anthropic_version} flavours;
   * Responses {@code input}; then, for {@code messages} bodies, Converse, Anthropic and Chat signals. A
   * plain messages body with {@code max_tokens} and no other signal reads as Anthropic (which requires
   * that field), otherwise as Chat Completions.
   */
  public Optional<ProviderFormat> detect() {
    if (has(CONTENTS)) {
      return Optional.of(ProviderFormat.GOOGLE);
    }
    if (has(MESSAGES) && anthropicVersion != null && !openAiSignals()) {
      if (anthropicVersion.startsWith("bedrock-")) {
        return Optional.of(ProviderFormat.BEDROCK_ANTHROPIC);
      }
      if (anthropicVersion.startsWith("vertex-")) {
        return Optional.of(ProviderFormat.VERTEX_ANTHROPIC);
      }
    }
    if (!has(MESSAGES)) {
      if (has(INPUT | RESPONSES_KEY)) {
        return Optional.of(ProviderFormat.RESPONSES);
      }
      if (has(GOOGLE_KEY)) {
        return Optional.of(ProviderFormat.GOOGLE);
      }
      if (has(PROMPT) && model != null) {
        // A legacy completions body: the Chat codec turns the prompt into a user message.
        return Optional.of(ProviderFormat.OPENAI);
      }
      return Optional.empty();
    }
    if (converseSignals() && !openAiSignals() && !has(ANTHROPIC_PART | ANTHROPIC_TOOL)) {
      return Optional.of(ProviderFormat.CONVERSE);
    }
    boolean anthropic = anthropicSignals();
    boolean openAi = openAiSignals();
    if (anthropic && !openAi) {
      return Optional.of(ProviderFormat.ANTHROPIC);
    }
    if (openAi) {
      return Optional.of(ProviderFormat.OPENAI);
    }
    return Optional.of(has(MAX_TOKENS) ? ProviderFormat.ANTHROPIC : ProviderFormat.OPENAI);
  }

  /**
   * Whether the body can be sent as {@code format} without translation: it has that format's shape and
   * nothing that only another format has. An ambiguous body (a plain messages list) is compatible with
   * both Chat Completions and, when it sets {@code max_tokens}, Anthropic.
   */
  public boolean isCompatibleWith(ProviderFormat format) {
    switch (format) {
      case OPENAI:
      case MISTRAL:
        return has(MESSAGES) && !has(CONTENTS) && !anthropicSignals() && !converseSignals();
      case ANTHROPIC:
        return has(MESSAGES) && has(MAX_TOKENS) && !has(CONTENTS) && !openAiSignals()
            && !has(CONVERSE_KEY | UNTYPED_PART | SYSTEM_UNTYPED_ARRAY) && anthropicVersion == null;
      case BEDROCK_ANTHROPIC:
        return has(MESSAGES) && !openAiSignals() && anthropicVersion != null
            && anthropicVersion.startsWith("bedrock-");
      case VERTEX_ANTHROPIC:
        return has(MESSAGES) && !openAiSignals() && anthropicVersion != null
            && anthropicVersion.startsWith("vertex-");
      case CONVERSE:
        return has(MESSAGES) && !openAiSignals() && !has(ANTHROPIC_PART | ANTHROPIC_TOOL)
            && anthropicVersion == null && converseSignals();
      case RESPONSES:
        return !has(MESSAGES | CONTENTS) && has(INPUT | RESPONSES_KEY);
      case GOOGLE:
        return has(CONTENTS) && !has(MESSAGES);
      default:
        return false;
    }
  }

  /** Collects features in one pass; nested values it does not need are skipped without copying. */
  private static final class Scanner {
    int features;
    int trackedKeys;
    int objectStart;
    boolean emptyObject = true;
    String model;
    String modelId;
    Boolean stream;
    String anthropicVersion;
    String reasoningEffort;
    String responseFormatType;
    int toolCount;
    MemberSpan modelSpan;
    MemberSpan streamSpan;
    MemberSpan streamOptionsSpan;

    void scan(JsonParser p) throws IOException {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidRequestException(
            "request body must be a JSON object, got " + describe(first));
      }
      objectStart = (int) p.currentTokenLocation().getByteOffset();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        emptyObject = false;
        String name = p.currentName();
        int keyStart = (int) p.currentTokenLocation().getByteOffset();
        JsonToken value = p.nextToken();
        int valueStart = (int) p.currentTokenLocation().getByteOffset();
        int tracked = TRACKED_KEYS.indexOf(name);
        if (tracked >= 0) {
          trackedKeys |= 1 << tracked;
        }
        member(p, name, value);
        switch (name) {
          case "model":
            modelSpan = new MemberSpan(name, keyStart, valueStart, end(p, value), value);
            break;
          case "stream":
            streamSpan = new MemberSpan(name, keyStart, valueStart, end(p, value), value);
            break;
          case "stream_options":
            streamOptionsSpan = new MemberSpan(name, keyStart, valueStart, end(p, value), value);
            break;
          default:
            break;
        }
      }
      TopLevelMembers.requireEnd(p);
    }

    // ---- The same features from a parsed tree (no repeated keys), member for member ----------------

    void walk(JsonObject o) {
      emptyObject = o.isEmpty();
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        String name = e.getKey();
        int tracked = TRACKED_KEYS.indexOf(name);
        if (tracked >= 0) {
          trackedKeys |= 1 << tracked;
        }
        member(name, e.getValue());
      }
    }

    private void member(String name, JsonValue value) {
      switch (name) {
        case "model":
          model = stringOrNull(value);
          return;
        case "modelId":
          modelId = stringOrNull(value);
          features |= CONVERSE_KEY;
          return;
        case "stream":
          stream = value == JsonBoolean.TRUE ? Boolean.TRUE
              : value == JsonBoolean.FALSE ? Boolean.FALSE : null;
          return;
        case "anthropic_version":
          anthropicVersion = stringOrNull(value);
          return;
        case "reasoning_effort":
          reasoningEffort = stringOrNull(value);
          features |= OPENAI_KEY;
          return;
        case "messages":
          features |= MESSAGES;
          if (value instanceof JsonArray a) {
            messages(a);
          }
          return;
        case "contents":
          features |= CONTENTS;
          return;
        case "input":
          features |= INPUT;
          return;
        case "tools":
          if (value instanceof JsonArray a) {
            tools(a);
          }
          return;
        case "system":
          system(value);
          return;
        case "response_format":
          features |= OPENAI_KEY;
          if (value instanceof JsonObject o && o.getOrNull("type") instanceof JsonString type) {
            responseFormatType = type.value();
          }
          return;
        case "max_tokens":
          features |= MAX_TOKENS;
          return;
        case "prompt":
          features |= PROMPT;
          return;
        default:
          features |= KeyTable.featureOf(name);
      }
    }

    private void messages(JsonArray messages) {
      for (JsonValue m : messages.values()) {
        if (!(m instanceof JsonObject message)) {
          continue;
        }
        for (Map.Entry<String, JsonValue> e : message.members().entrySet()) {
          String key = e.getKey();
          JsonValue v = e.getValue();
          if ("role".equals(key) && v instanceof JsonString role) {
            String r = role.value();
            if ("system".equals(r)) {
              features |= SYSTEM_ROLE;
            } else if (!"user".equals(r) && !"assistant".equals(r)) {
              features |= OPENAI_ROLE;
            }
          } else if ("content".equals(key) && v instanceof JsonArray parts) {
            parts(parts);
          } else if ("tool_calls".equals(key) || "function_call".equals(key) || "tool_call_id".equals(key)) {
            features |= TOOL_CALLS;
          }
        }
      }
    }

    private void parts(JsonArray parts) {
      for (JsonValue p : parts.values()) {
        if (!(p instanceof JsonObject part)) {
          continue;
        }
        if (part.getOrNull("type") instanceof JsonString type) {
          features |= KeyTable.partFeature(type.value());
          continue;
        }
        for (String key : part.members().keySet()) {
          if (KeyTable.isConversePartKey(key)) {
            features |= UNTYPED_PART;
            break;
          }
        }
      }
    }

    private void tools(JsonArray tools) {
      toolCount += tools.size();
      for (JsonValue t : tools.values()) {
        if (t instanceof JsonObject tool) {
          if (tool.has("function")) {
            features |= OPENAI_TOOL;
          }
          if (tool.has("input_schema")) {
            features |= ANTHROPIC_TOOL;
          }
        }
      }
    }

    private void system(JsonValue value) {
      if (value instanceof JsonString) {
        features |= ANTHROPIC_KEY;
        return;
      }
      if (value instanceof JsonArray blocks) {
        for (JsonValue b : blocks.values()) {
          if (b instanceof JsonObject block) {
            features |= block.has("type") ? SYSTEM_TYPED_ARRAY : SYSTEM_UNTYPED_ARRAY;
          }
        }
      }
    }

    private static String stringOrNull(JsonValue value) {
      return value instanceof JsonString s ? s.value() : null;
    }

    // ---- Streaming scan ------------------------------------------------------------------------------

    /** Reads one top-level member's value, leaving the parser on its last token. */
    private void member(JsonParser p, String name, JsonToken value) throws IOException {
      switch (name) {
        case "model":
          model = stringOrSkip(p, value);
          return;
        case "modelId":
          modelId = stringOrSkip(p, value);
          features |= CONVERSE_KEY;
          return;
        case "stream":
          stream = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
              : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
          skip(p, value);
          return;
        case "anthropic_version":
          anthropicVersion = stringOrSkip(p, value);
          return;
        case "reasoning_effort":
          reasoningEffort = stringOrSkip(p, value);
          features |= OPENAI_KEY;
          return;
        case "messages":
          features |= MESSAGES;
          messages(p, value);
          return;
        case "contents":
          features |= CONTENTS;
          break;
        case "input":
          features |= INPUT;
          break;
        case "tools":
          tools(p, value);
          return;
        case "system":
          system(p, value);
          return;
        case "response_format":
          features |= OPENAI_KEY;
          responseFormat(p, value);
          return;
        case "max_tokens":
          features |= MAX_TOKENS;
          break;
        case "prompt":
          features |= PROMPT;
          break;
        default:
          features |= KeyTable.featureOf(name);
          break;
      }
      skip(p, value);
    }

    private void messages(JsonParser p, JsonToken value) throws IOException {
      if (value != JsonToken.START_ARRAY) {
        skip(p, value);
        return;
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          skip(p, t);
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken v = p.nextToken();
          if ("role".equals(key) && v == JsonToken.VALUE_STRING) {
            if (textIs(p, "system")) {
              features |= SYSTEM_ROLE;
            } else if (!textIs(p, "user") && !textIs(p, "assistant")) {
              features |= OPENAI_ROLE;
            }
          } else if ("content".equals(key) && v == JsonToken.START_ARRAY) {
            parts(p);
          } else {
            if ("tool_calls".equals(key) || "function_call".equals(key) || "tool_call_id".equals(key)) {
              features |= TOOL_CALLS;
            }
            skip(p, v);
          }
        }
      }
    }

    private void parts(JsonParser p) throws IOException {
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          skip(p, t);
          continue;
        }
        boolean typed = false;
        boolean converseKey = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken v = p.nextToken();
          if ("type".equals(key) && v == JsonToken.VALUE_STRING) {
            typed = true;
            features |= KeyTable.partFeature(p.getText());
          } else {
            converseKey |= KeyTable.isConversePartKey(key);
            skip(p, v);
          }
        }
        if (!typed && converseKey) {
          features |= UNTYPED_PART;
        }
      }
    }

    private void tools(JsonParser p, JsonToken value) throws IOException {
      if (value != JsonToken.START_ARRAY) {
        skip(p, value);
        return;
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        toolCount++;
        if (t != JsonToken.START_OBJECT) {
          skip(p, t);
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken v = p.nextToken();
          if ("function".equals(key)) {
            features |= OPENAI_TOOL;
          } else if ("input_schema".equals(key)) {
            features |= ANTHROPIC_TOOL;
          }
          skip(p, v);
        }
      }
    }

    private void system(JsonParser p, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_STRING) {
        features |= ANTHROPIC_KEY;
        p.finishToken();
        return;
      }
      if (value != JsonToken.START_ARRAY) {
        skip(p, value);
        return;
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          skip(p, t);
          continue;
        }
        boolean typed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          typed |= "type".equals(p.currentName());
          skip(p, p.nextToken());
        }
        features |= typed ? SYSTEM_TYPED_ARRAY : SYSTEM_UNTYPED_ARRAY;
      }
    }

    private void responseFormat(JsonParser p, JsonToken value) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        skip(p, value);
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if ("type".equals(key) && v == JsonToken.VALUE_STRING) {
          responseFormatType = p.getText();
        } else {
          skip(p, v);
        }
      }
    }

    /** Moves past a value without decoding it: strings are skipped unread, containers skipped whole. */
    private static void skip(JsonParser p, JsonToken value) throws IOException {
      if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
        p.skipChildren();
      }
    }

    /** One past the last byte of the value just read (its string, if any, already decoded). */
    private static int end(JsonParser p, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_STRING) {
        p.finishToken();
      }
      return (int) p.currentLocation().getByteOffset();
    }

    /** Whether the current string token equals {@code expected}, without allocating a String. */
    private static boolean textIs(JsonParser p, String expected) throws IOException {
      char[] chars = p.getTextCharacters();
      int off = p.getTextOffset();
      int len = p.getTextLength();
      if (len != expected.length()) {
        return false;
      }
      for (int i = 0; i < len; i++) {
        if (chars[off + i] != expected.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private static String stringOrSkip(JsonParser p, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      skip(p, value);
      return null;
    }

    private static String describe(JsonToken t) {
      if (t == null) {
        return "nothing";
      }
      switch (t) {
        case START_ARRAY:
          return "an array";
        case VALUE_STRING:
          return "a string";
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return "a number";
        case VALUE_TRUE:
        case VALUE_FALSE:
          return "a boolean";
        case VALUE_NULL:
          return "null";
        default:
          return t.toString();
      }
    }
  }
}
