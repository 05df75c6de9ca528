package dev.llmrouter.translate.ir;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonNull;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The typed view of a stream choice's {@code delta} JSON (lingua's {@code UniversalStreamDelta}).
 *
 * @param role the role (usually {@code assistant})
 * @param content a text fragment
 * @param toolCalls tool-call fragments
 * @param reasoning reasoning fragments
 * @param reasoningSignature a reasoning signature
 */
public record StreamDelta(
    Optional<String> role,
    Optional<String> content,
    List<ToolCallDelta> toolCalls,
    List<ReasoningDelta> reasoning,
    Optional<ReasoningSignature> reasoningSignature) {

  /** An empty delta. */
  public static final StreamDelta EMPTY =
      new StreamDelta(Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty());

  /** Normalizes null optionals and copies lists. */
  public StreamDelta {
    role = LinguaJson.opt(role);
    content = LinguaJson.opt(content);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    reasoning = reasoning == null ? List.of() : List.copyOf(reasoning);
    reasoningSignature = LinguaJson.opt(reasoningSignature);
  }

  /**
   * Reads a delta with lingua's typed rules; empty when the value does not fit (not an object, a member of
   * the wrong type, {@code tool_calls: null}, a negative index, ...), in which case lingua ignores the
   * delta's typed content.
   */
  public static Optional<StreamDelta> parse(JsonValue delta) {
    if (!(delta instanceof JsonObject o)) {
      return Optional.empty();
    }
    try {
      Optional<String> role = optString(o, "role");
      Optional<String> content = optString(o, "content");
      List<ToolCallDelta> toolCalls = new ArrayList<>();
      if (o.has("tool_calls")) {
        for (JsonValue tc : requireArray(o.getOrNull("tool_calls"))) {
          toolCalls.add(parseToolCall(tc));
        }
      }
      List<ReasoningDelta> reasoning = new ArrayList<>();
      if (o.has("reasoning")) {
        for (JsonValue r : requireArray(o.getOrNull("reasoning"))) {
          if (!(r instanceof JsonObject ro)) {
            throw new Mismatch();
          }
          reasoning.add(new ReasoningDelta(optString(ro, "content")));
        }
      }
      Optional<ReasoningSignature> signature = Optional.empty();
      JsonValue sig = o.getOrNull("reasoning_signature");
      if (sig instanceof JsonString s) {
        signature = Optional.of(ReasoningSignature.of(s.value()));
      } else if (sig instanceof JsonArray a) {
        List<String> values = new ArrayList<>();
        for (JsonValue v : a) {
          if (!(v instanceof JsonString s)) {
            throw new Mismatch();
          }
          values.add(s.value());
        }
        signature = Optional.of(new ReasoningSignature(values, false));
      } else if (sig != null && !sig.isNull()) {
        throw new Mismatch();
      }
      return Optional.of(new StreamDelta(role, content, toolCalls, reasoning, signature));
    } catch (Mismatch e) {
      return Optional.empty();
    }
  }

  private static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Mismatch() {
      super(null, null, false, false);
    }
  }

  private static JsonArray requireArray(JsonValue v) {
    if (v instanceof JsonArray a) {
      return a;
    }
    throw new Mismatch();
  }

  private static Optional<String> optString(JsonObject o, String key) {
    JsonValue v = o.getOrNull(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v instanceof JsonString s) {
      return Optional.of(s.value());
    }
    throw new Mismatch();
  }

  private static ToolCallDelta parseToolCall(JsonValue v) {
    if (!(v instanceof JsonObject o)) {
      throw new Mismatch();
    }
    Optional<Integer> index = Optional.empty();
    JsonValue iv = o.getOrNull("index");
    if (iv != null && !iv.isNull()) {
      Optional<Long> l = LinguaJson.i64(iv);
      if (l.isEmpty() || l.get() < 0 || l.get() > Integer.MAX_VALUE) {
        throw new Mismatch();
      }
      index = Optional.of(l.get().intValue());
    }
    Optional<Boolean> custom = Optional.empty();
    JsonValue cv = o.getOrNull("custom_tool_call");
    if (cv instanceof JsonBoolean b) {
      custom = Optional.of(b.value());
    } else if (cv != null && !cv.isNull()) {
      throw new Mismatch();
    }
    Optional<ToolFunctionDelta> function = Optional.empty();
    JsonValue fv = o.getOrNull("function");
    if (fv instanceof JsonObject f) {
      function = Optional.of(new ToolFunctionDelta(optString(f, "name"), optString(f, "arguments")));
    } else if (fv != null && !fv.isNull()) {
      throw new Mismatch();
    }
    return new ToolCallDelta(index, optString(o, "id"), optString(o, "type"), custom, function);
  }

  /**
   * The delta JSON (lingua's {@code From<UniversalStreamDelta> for Value}): set fields only, with an
   * explicit {@code content: null} when there is no content but tool calls, reasoning or a signature.
   */
  public JsonObject toJson() {
    boolean structured = !toolCalls.isEmpty() || !reasoning.isEmpty() || reasoningSignature.isPresent();
    JsonObject.Builder b = JsonObject.builder();
    role.ifPresent(r -> b.put("role", r));
    if (content.isPresent()) {
      b.put("content", content.get());
    } else if (structured) {
      b.put("content", JsonNull.INSTANCE);
    }
    if (!toolCalls.isEmpty()) {
      JsonArray.Builder a = JsonArray.builder();
      for (ToolCallDelta tc : toolCalls) {
        JsonObject.Builder t = JsonObject.builder();
        tc.index().ifPresent(i -> t.put("index", JsonNumber.of(i)));
        tc.id().ifPresent(i -> t.put("id", i));
        tc.type().ifPresent(i -> t.put("type", i));
        tc.customToolCall().ifPresent(i -> t.put("custom_tool_call", i));
        tc.function()
            .ifPresent(
                f -> {
                  JsonObject.Builder fb = JsonObject.builder();
                  f.name().ifPresent(n -> fb.put("name", n));
                  f.arguments().ifPresent(n -> fb.put("arguments", n));
                  t.put("function", fb.build());
                });
        a.add(t.build());
      }
      b.put("tool_calls", a.build());
    }
    if (!reasoning.isEmpty()) {
      JsonArray.Builder a = JsonArray.builder();
      for (ReasoningDelta r : reasoning) {
        JsonObject.Builder rb = JsonObject.builder();
        r.content().ifPresent(c -> rb.put("content", c));
        a.add(rb.build());
      }
      b.put("reasoning", a.build());
    }
    reasoningSignature.ifPresent(s -> b.put("reasoning_signature", s.toJson()));
    return b.build();
  }
}
