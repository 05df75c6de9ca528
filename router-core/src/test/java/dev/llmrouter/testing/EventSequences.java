package dev.llmrouter.testing;

import dev.llmrouter.stream.StreamChunk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a streaming client receives: Chat Completions chunks (text, tool calls by index, choice
 * indexes, finish reasons) and Anthropic event sequences (protocol checks, text, tool inputs). Every
 * reader fails the test with the offending event when the stream is not what the protocol allows.
 */
public final class EventSequences {
  private EventSequences() {}

  /** One Chat tool call assembled from its deltas. */
  public record ToolCall(String id, String name, String arguments) {}

  /** The SSE event types, in order ({@code "-"} for a chunk without one). */
  public static List<String> eventTypes(List<StreamChunk> chunks) {
    List<String> out = new ArrayList<>();
    for (StreamChunk c : chunks) {
      out.add(c.eventType().orElse("-"));
    }
    return out;
  }

  // ---- Chat Completions ----------------------------------------------------------------------------

  /** Fails unless every chunk is a {@code chat.completion.chunk} object. */
  public static void assertAllChatChunks(List<StreamChunk> chunks) {
    if (chunks.isEmpty()) {
      throw new AssertionError("no chunks");
    }
    for (StreamChunk c : chunks) {
      if (!JsonProbe.has(c.data(), "object") || !"chat.completion.chunk".equals(JsonProbe.at(c.data(), "object"))) {
        throw new AssertionError("not a chat.completion.chunk: " + c.utf8());
      }
      if (c.eventType().isPresent()) {
        throw new AssertionError("Chat chunks carry no SSE event type: " + c);
      }
    }
  }

  /** Every {@code choices[].index} seen. */
  public static Set<Long> chatChoiceIndexes(List<StreamChunk> chunks) {
    Set<Long> out = new LinkedHashSet<>();
    for (StreamChunk c : chunks) {
      List<Object> choices = JsonProbe.array(c.data(), "choices");
      for (int i = 0; i < choices.size(); i++) {
        out.add(JsonProbe.integer(c.data(), "choices", i, "index"));
      }
    }
    return out;
  }

  /** The concatenated {@code delta.content} strings of all choices. */
  public static String chatText(List<StreamChunk> chunks) {
    StringBuilder b = new StringBuilder();
    for (StreamChunk c : chunks) {
      List<Object> choices = JsonProbe.array(c.data(), "choices");
      for (int i = 0; i < choices.size(); i++) {
        if (JsonProbe.has(c.data(), "choices", i, "delta", "content")
            && JsonProbe.at(c.data(), "choices", i, "delta", "content") instanceof String s) {
          b.append(s);
        }
      }
    }
    return b.toString();
  }

  /** Every non-null {@code finish_reason}, in order. */
  public static List<String> chatFinishReasons(List<StreamChunk> chunks) {
    List<String> out = new ArrayList<>();
    for (StreamChunk c : chunks) {
      List<Object> choices = JsonProbe.array(c.data(), "choices");
      for (int i = 0; i < choices.size(); i++) {
        if (JsonProbe.has(c.data(), "choices", i, "finish_reason")
            && JsonProbe.at(c.data(), "choices", i, "finish_reason") instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * The tool calls by their {@code tool_calls[].index}, in order of first appearance: the id and name
   * from the first delta of each index (a later delta may not change them), arguments concatenated.
   */
  public static Map<Long, ToolCall> chatToolCalls(List<StreamChunk> chunks) {
    Map<Long, String[]> parts = new LinkedHashMap<>();
    for (StreamChunk c : chunks) {
      byte[] d = c.data();
      List<Object> choices = JsonProbe.array(d, "choices");
      for (int i = 0; i < choices.size(); i++) {
        if (!JsonProbe.has(d, "choices", i, "delta", "tool_calls")
            || JsonProbe.at(d, "choices", i, "delta", "tool_calls") == null) {
          continue;
        }
        List<Object> calls = JsonProbe.array(d, "choices", i, "delta", "tool_calls");
        for (int t = 0; t < calls.size(); t++) {
          long index = JsonProbe.integer(d, "choices", i, "delta", "tool_calls", t, "index");
          String[] p = parts.computeIfAbsent(index, k -> new String[] {null, null, ""});
          if (JsonProbe.has(d, "choices", i, "delta", "tool_calls", t, "id")) {
            String id = JsonProbe.text(d, "choices", i, "delta", "tool_calls", t, "id");
            if (p[0] != null && !p[0].equals(id)) {
              throw new AssertionError("tool index " + index + " reused for id " + id + " after " + p[0] + ": " + c.utf8());
            }
            p[0] = id;
          }
          if (JsonProbe.has(d, "choices", i, "delta", "tool_calls", t, "function", "name")) {
            p[1] = JsonProbe.text(d, "choices", i, "delta", "tool_calls", t, "function", "name");
          }
          if (JsonProbe.has(d, "choices", i, "delta", "tool_calls", t, "function", "arguments")) {
            p[2] += JsonProbe.text(d, "choices", i, "delta", "tool_calls", t, "function", "arguments");
          }
        }
      }
    }
    Map<Long, ToolCall> out = new LinkedHashMap<>();
    parts.forEach((k, p) -> out.put(k, new ToolCall(p[0], p[1], p[2])));
    return out;
  }

  // ---- Anthropic Messages --------------------------------------------------------------------------

  /**
   * Fails unless the events follow the Messages streaming protocol: every event's SSE type equals its
   * {@code type}; exactly one {@code message_start}, first; exactly one {@code message_stop}, last, right
   * after the only {@code message_delta}; content blocks opened once each, with deltas only while open,
   * closed in order, and all closed before the {@code message_delta}. {@code ping} may appear anywhere in
   * between.
   */
  public static void assertWellFormedAnthropic(List<StreamChunk> events) {
    if (events.size() < 3) {
      throw new AssertionError("too few events for a message: " + events);
    }
    Set<Long> used = new HashSet<>();
    Long open = null;
    int starts = 0;
    int deltas = 0;
    int stops = 0;
    for (int i = 0; i < events.size(); i++) {
      StreamChunk e = events.get(i);
      String type = JsonProbe.text(e.data(), "type");
      if (!e.eventType().map(type::equals).orElse(false)) {
        throw new AssertionError("event " + i + " has SSE type " + e.eventType() + " but data type " + type);
      }
      switch (type) {
        case "message_start":
          starts++;
          if (i != 0) {
            throw new AssertionError("message_start at " + i + ": " + eventTypes(events));
          }
          break;
        case "content_block_start":
          {
            long index = JsonProbe.integer(e.data(), "index");
            if (open != null) {
              throw new AssertionError("block " + index + " started while block " + open + " is open: " + eventTypes(events));
            }
            if (!used.add(index)) {
              throw new AssertionError("block index " + index + " started twice");
            }
            open = index;
            break;
          }
        case "content_block_delta":
          {
            long index = JsonProbe.integer(e.data(), "index");
            if (open == null || open != index) {
              throw new AssertionError("delta for block " + index + " while open block is " + open + ": " + e.utf8());
            }
            break;
          }
        case "content_block_stop":
          {
            long index = JsonProbe.integer(e.data(), "index");
            if (open == null || open != index) {
              throw new AssertionError("stop for block " + index + " while open block is " + open);
            }
            open = null;
            break;
          }
        case "message_delta":
          deltas++;
          if (open != null) {
            throw new AssertionError("message_delta while block " + open + " is open");
          }
          if (i != events.size() - 2) {
            throw new AssertionError("message_delta must come right before message_stop: " + eventTypes(events));
          }
          break;
        case "message_stop":
          stops++;
          if (i != events.size() - 1) {
            throw new AssertionError("message_stop before the end: " + eventTypes(events));
          }
          break;
        case "ping":
          break;
        default:
          throw new AssertionError("unexpected Anthropic event " + type + ": " + e.utf8());
      }
    }
    if (starts != 1 || deltas != 1 || stops != 1) {
      throw new AssertionError("expected one message_start, message_delta and message_stop: " + eventTypes(events));
    }
    if (used.size() != countType(events, "content_block_stop")) {
      throw new AssertionError("unbalanced content blocks: " + eventTypes(events));
    }
  }

  /** The concatenated {@code text_delta} texts. */
  public static String anthropicText(List<StreamChunk> events) {
    StringBuilder b = new StringBuilder();
    for (StreamChunk e : events) {
      if ("content_block_delta".equals(JsonProbe.text(e.data(), "type"))
          && "text_delta".equals(JsonProbe.text(e.data(), "delta", "type"))) {
        b.append(JsonProbe.text(e.data(), "delta", "text"));
      }
    }
    return b.toString();
  }

  /** The {@code tool_use} blocks by block index: id, name and the concatenated {@code partial_json}. */
  public static Map<Long, ToolCall> anthropicToolUses(List<StreamChunk> events) {
    Map<Long, String[]> parts = new LinkedHashMap<>();
    for (StreamChunk e : events) {
      byte[] d = e.data();
      String type = JsonProbe.text(d, "type");
      if ("content_block_start".equals(type) && "tool_use".equals(JsonProbe.text(d, "content_block", "type"))) {
        parts.put(JsonProbe.integer(d, "index"),
            new String[] {JsonProbe.text(d, "content_block", "id"), JsonProbe.text(d, "content_block", "name"), ""});
      } else if ("content_block_delta".equals(type) && "input_json_delta".equals(JsonProbe.text(d, "delta", "type"))) {
        String[] p = parts.get(JsonProbe.integer(d, "index"));
        if (p == null) {
          throw new AssertionError("input_json_delta outside a tool_use block: " + e.utf8());
        }
        p[2] += JsonProbe.text(d, "delta", "partial_json");
      }
    }
    Map<Long, ToolCall> out = new LinkedHashMap<>();
    parts.forEach((k, p) -> out.put(k, new ToolCall(p[0], p[1], p[2])));
    return out;
  }

  private static int countType(List<StreamChunk> events, String type) {
    int n = 0;
    for (StreamChunk e : events) {
      if (type.equals(JsonProbe.text(e.data(), "type"))) {
        n++;
      }
    }
    return n;
  }
}
