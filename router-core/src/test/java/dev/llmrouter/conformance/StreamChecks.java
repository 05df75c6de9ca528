package dev.llmrouter.conformance;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stream pass rules of the corpus README: the target protocol's invariants, then the produced and
 * golden events compared after dropping no-ops, by order and name and then by canonical JSON (ignoring
 * Responses {@code sequence_number}). Equal events imply equal accumulated content, the third rule.
 */
final class StreamChecks {
  private StreamChecks() {}

  /** Empty when the stream passes; otherwise what is wrong. */
  static Optional<String> compare(List<SseEvents.Event> produced, List<SseEvents.Event> golden,
      ProviderFormat target) {
    Optional<String> invariant = invariants(produced, target);
    if (invariant.isPresent()) {
      return invariant;
    }
    List<SseEvents.Event> a = withoutNoOps(produced);
    List<SseEvents.Event> b = withoutNoOps(golden);
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      SseEvents.Event x = a.get(i);
      SseEvents.Event y = b.get(i);
      if (!name(x).equals(name(y))) {
        return Optional.of("event " + i + ": produced name '" + name(x) + "', golden '" + name(y) + "'\n"
            + "  produced: " + x + "\n  golden:   " + y);
      }
      if (!JsonTree.canonicalEquals(strip(x.data()), strip(y.data()))) {
        return Optional.of("event " + i + " (" + name(y) + ") differs:\n  produced: " + x + "\n  golden:   " + y);
      }
    }
    if (a.size() != b.size()) {
      return Optional.of("produced " + a.size() + " events, golden " + b.size()
          + (a.size() > n ? "; first extra produced: " + a.get(n) : "; first missing golden: " + b.get(n)));
    }
    return Optional.empty();
  }

  private static String name(SseEvents.Event e) {
    return e.name().orElse("");
  }

  private static JsonValue strip(JsonValue data) {
    return data instanceof JsonObject o ? o.without("sequence_number") : data;
  }

  private static List<SseEvents.Event> withoutNoOps(List<SseEvents.Event> events) {
    List<SseEvents.Event> out = new ArrayList<>(events.size());
    for (SseEvents.Event e : events) {
      if (!SseEvents.isNoOp(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The invariants every golden satisfies, checked on the produced stream. */
  static Optional<String> invariants(List<SseEvents.Event> events, ProviderFormat target) {
    switch (target) {
      case OPENAI:
        if (events.isEmpty() || !events.get(events.size() - 1).data().equals(SseEvents.DONE)) {
          return Optional.of("Chat Completions output does not end with data: [DONE]");
        }
        return Optional.empty();
      case RESPONSES: {
        List<String> names = new ArrayList<>();
        for (SseEvents.Event e : events) {
          if (!SseEvents.isNoOp(e)) {
            names.add(name(e));
          }
        }
        if (names.isEmpty() || !names.get(0).equals("response.created")) {
          return Optional.of("Responses output does not start with response.created: " + names);
        }
        String last = names.get(names.size() - 1);
        if (!last.equals("response.completed") && !last.equals("response.incomplete")) {
          return Optional.of("Responses output does not end with response.completed/incomplete: " + last);
        }
        return Optional.empty();
      }
      case ANTHROPIC:
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        return anthropicInvariants(events);
      default:
        return Optional.empty();
    }
  }

  private static Optional<String> anthropicInvariants(List<SseEvents.Event> events) {
    int starts = 0;
    java.util.Set<Long> open = new java.util.HashSet<>();
    boolean sawDelta = false;
    boolean sawStop = false;
    for (SseEvents.Event e : events) {
      JsonObject d = e.data().asObject().orElse(JsonObject.empty());
      String type = e.name().orElse(d.getString("type").orElse(""));
      switch (type) {
        case "message_start":
          starts++;
          break;
        case "content_block_start":
          if (!open.add(d.getLong("index").orElse(-1L))) {
            return Optional.of("content_block_start for an index that is already open: " + e);
          }
          break;
        case "content_block_stop":
          if (!open.remove(d.getLong("index").orElse(-1L))) {
            return Optional.of("content_block_stop without a matching start: " + e);
          }
          break;
        case "message_delta":
          sawDelta = true;
          break;
        case "message_stop":
          if (!sawDelta) {
            return Optional.of("message_stop before any message_delta");
          }
          sawStop = true;
          break;
        default:
          break;
      }
    }
    if (starts != 1) {
      return Optional.of("expected exactly one message_start, got " + starts);
    }
    if (!open.isEmpty()) {
      return Optional.of("content blocks left open: " + open);
    }
    if (!sawStop) {
      return Optional.of("no message_stop");
    }
    return Optional.empty();
  }
}
