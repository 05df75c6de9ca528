package dev.llmrouter.translate.stream;

import static dev.llmrouter.translate.stream.AnthropicStreamEvents.BLOCK_DELTA;
import static dev.llmrouter.translate.stream.AnthropicStreamEvents.BLOCK_START;
import static dev.llmrouter.translate.stream.AnthropicStreamEvents.BLOCK_STOP;
import static dev.llmrouter.translate.stream.AnthropicStreamEvents.MESSAGE_DELTA;
import static dev.llmrouter.translate.stream.AnthropicStreamEvents.MESSAGE_START;
import static dev.llmrouter.translate.stream.AnthropicStreamEvents.MESSAGE_STOP;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonNumber;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.ToolFunctionDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import dev.llmrouter.translate.stream.AnthropicStreamEvents.BlockKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Anthropic target's protocol state (lingua's {@code StreamTransformSession} Anthropic fields,
 * {@code expand_anthropic_session_chunks} and {@code process_anthropic_chunk}): exactly one
 * {@code message_start}, balanced content blocks (starts and stops synthesized where the source has none,
 * indexes remapped when the block kind changes; a {@code redacted_thinking} block always gets its own index
 * and its stop follows it), {@code stop_reason: tool_use} once a tool block appeared,
 * and the finish {@code message_delta} held back so a following usage-only delta merges into it.
 */
final class AnthropicStreamState {
  private boolean messageStarted;
  private boolean toolUseStarted;
  private int openIndex = -1;
  private BlockKind openKind;
  private int nextIndex;
  /** Target block index by (kind, source index). */
  private final Map<Long, Integer> indexMap = new HashMap<>();
  private OutEvent bufferedDelta;
  private OutEvent bufferedStop;

  // ---- Expansion (lingua's expand_anthropic_session_chunks) ----------------------------------------

  /**
   * Frames the stateless events of one chunk: opens the message when the source has not, wraps reasoning
   * into a thinking block, and closes the message after a finish.
   *
   * @param events the stateless events ({@link AnthropicStreamEvents#fromUniversal})
   * @param universal the chunk as the source produced it (before any tool-index remapping)
   * @param view the typed view of its first choice's delta (null when none)
   */
  List<OutEvent> expand(
      List<OutEvent> events,
      ProviderFormat source,
      UniversalStreamChunk universal,
      StreamDelta view,
      boolean nativeStream) {
    if (source == ProviderFormat.ANTHROPIC && nativeStream) {
      return events;
    }
    StreamChoice choice = universal.choices().isEmpty() ? null : universal.choices().get(0);
    int choiceIndex = choice == null ? 0 : choice.index();
    boolean hasFinish = choice != null && choice.finishReason().isPresent();
    boolean hasMetadata = AnthropicStreamEvents.hasMetadata(universal);
    boolean hasToolCalls = view != null && !view.toolCalls().isEmpty();
    String reasoningText = null;
    List<String> signatures = List.of();
    if (view != null) {
      String joined = AnthropicStreamEvents.joinReasoning(view.reasoning());
      reasoningText = joined.isEmpty() ? null : joined;
      signatures = AnthropicStreamEvents.signatures(view.reasoningSignature());
    }
    if (signatures.size() > 1) {
      throw AnthropicStreamEvents.multipleSignatures();
    }
    boolean hasReasoning = reasoningText != null || !signatures.isEmpty();
    boolean initialToolCall = false;
    if (hasToolCalls) {
      ToolCallDelta call = view.toolCalls().get(0);
      initialToolCall = call.id().isPresent() || call.function().flatMap(ToolFunctionDelta::name).isPresent();
    }
    String content = view == null ? null : view.content().filter(c -> !c.isEmpty()).orElse(null);
    boolean initialMetadata =
        hasMetadata && !hasFinish && !hasToolCalls && !hasReasoning && choice != null && content == null;

    if (initialMetadata && messageStarted) {
      return List.of();
    }
    if (hasReasoning) {
      List<OutEvent> out = new ArrayList<>(6 + events.size());
      if (!messageStarted) {
        out.add(AnthropicStreamEvents.sessionMessageStart(universal));
        out.add(AnthropicStreamEvents.blockStart(choiceIndex, BlockKind.THINKING));
      }
      if (reasoningText != null) {
        out.add(AnthropicStreamEvents.thinkingDelta(choiceIndex, reasoningText));
      }
      for (String signature : signatures) {
        out.add(AnthropicStreamEvents.signatureDelta(choiceIndex, signature));
      }
      if (content != null) {
        out.add(AnthropicStreamEvents.textDelta(choiceIndex, content));
      }
      for (ToolCallDelta call : view.toolCalls()) {
        int toolIndex = call.index().orElse(choiceIndex);
        String name = call.function().flatMap(ToolFunctionDelta::name).orElse("");
        String id = call.id().orElse("");
        if (!name.isEmpty() || !id.isEmpty()) {
          out.add(AnthropicStreamEvents.toolUseStart(toolIndex, id, name));
        }
        Optional<String> arguments = call.function().flatMap(ToolFunctionDelta::arguments);
        if (arguments.isPresent() && !arguments.get().isEmpty()) {
          out.add(AnthropicStreamEvents.inputJsonDelta(toolIndex, arguments.get()));
        }
      }
      if (hasFinish) {
        out.addAll(events);
        out.add(AnthropicStreamEvents.messageStop());
      }
      return out;
    }
    if (initialMetadata) {
      return events.isEmpty() ? List.of() : List.of(events.get(0));
    }
    if (hasFinish) {
      boolean needsMessageStart = !messageStarted && (source != ProviderFormat.ANTHROPIC || !nativeStream);
      List<OutEvent> out = new ArrayList<>(6 + events.size());
      if (needsMessageStart) {
        out.add(AnthropicStreamEvents.sessionMessageStart(universal));
        if (content != null) {
          out.add(AnthropicStreamEvents.blockStart(0, BlockKind.TEXT));
        }
      }
      if (content != null) {
        out.add(AnthropicStreamEvents.textDelta(choiceIndex, content));
        if (needsMessageStart) {
          out.add(AnthropicStreamEvents.blockStop(choiceIndex));
        }
      }
      out.addAll(events);
      out.add(AnthropicStreamEvents.messageStop());
      return out;
    }
    if (!messageStarted && !events.isEmpty()) {
      // Covers the first tool call with metadata and any content-bearing first chunk (GLM/zai bundle
      // id, model, role and the first text into one chunk): the message must be opened first.
      List<OutEvent> out = new ArrayList<>(1 + events.size());
      out.add(AnthropicStreamEvents.sessionMessageStart(universal));
      out.addAll(events);
      return out;
    }
    return events;
  }

  // ---- Ordering (lingua's process_anthropic_chunk) -------------------------------------------------

  /** Enforces the event ordering for one event, emitting it (and any synthesized events) to {@code out}. */
  void process(OutEvent event, Consumer<OutEvent> out) {
    String type = event.type();
    boolean isMessageDelta = MESSAGE_DELTA.equals(type);
    boolean isStop = MESSAGE_STOP.equals(type);
    boolean isStart = MESSAGE_START.equals(type);
    boolean isBlockStart = BLOCK_START.equals(type);
    boolean isBlockStop = BLOCK_STOP.equals(type);
    boolean isBlockDelta = BLOCK_DELTA.equals(type);

    int startIndex = -1;
    BlockKind startKind = null;
    boolean isToolUseStart = false;
    if (isBlockStart) {
      startIndex = requireIndex(event, BLOCK_START);
      String blockType =
          event.data().getObject("content_block").flatMap(b -> b.getString("type")).orElse(null);
      startKind = BlockKind.fromBlockType(blockType);
      isToolUseStart = "tool_use".equals(blockType);
    }
    int deltaIndex = -1;
    BlockKind deltaKind = null;
    if (isBlockDelta) {
      deltaIndex = requireIndex(event, BLOCK_DELTA);
      deltaKind =
          BlockKind.fromDeltaType(
              event.data().getObject("delta").flatMap(d -> d.getString("type")).orElse(null));
    }
    if (isMessageDelta && toolUseStarted) {
      event = withToolUseStopReason(event);
    }
    List<OutEvent> prefix = null;

    if (isStart) {
      reset();
      messageStarted = true;
    }
    int sourceStartIndex = startIndex;
    if (sourceStartIndex >= 0 && startKind != null) {
      // Each redacted block is a block of its own: never reuse an index mapped for an earlier one.
      Integer mapped =
          startKind == BlockKind.REDACTED_THINKING ? null : indexMap.get(key(startKind, sourceStartIndex));
      if (mapped != null) {
        if (mapped != sourceStartIndex) {
          event = withIndex(event, mapped);
          startIndex = mapped;
        }
      } else {
        boolean needsFreshIndex =
            sourceStartIndex < nextIndex
                || openIndex == sourceStartIndex
                || (openKind != null && openKind != startKind);
        if (needsFreshIndex) {
          int fresh = Math.max(nextIndex, openIndex >= 0 ? openIndex + 1 : 0);
          nextIndex = fresh + 1;
          event = withIndex(event, fresh);
          startIndex = fresh;
        }
      }
    }
    if (openIndex >= 0 && openKind != null && deltaIndex >= 0 && deltaKind != null) {
      if (openKind != deltaKind && deltaKind.canSynthesizeStart()) {
        int fresh = Math.max(nextIndex, openIndex + 1);
        nextIndex = fresh + 1;
        event = withIndex(event, fresh);
        prefix = add(prefix, AnthropicStreamEvents.blockStop(openIndex));
        prefix.add(AnthropicStreamEvents.blockStart(fresh, deltaKind));
        openIndex = fresh;
        openKind = deltaKind;
        indexMap.put(key(deltaKind, deltaIndex), fresh);
      } else if (openKind == deltaKind) {
        Integer mapped = indexMap.get(key(deltaKind, deltaIndex));
        if (mapped != null && mapped != deltaIndex) {
          event = withIndex(event, mapped);
        }
      }
    }
    if (openIndex < 0 && messageStarted && !isBlockStart && deltaIndex >= 0 && deltaKind != null
        && deltaKind.canSynthesizeStart()) {
      Integer mapped = indexMap.get(key(deltaKind, deltaIndex));
      int target;
      if (mapped != null) {
        target = mapped;
      } else {
        target = Math.max(deltaIndex, nextIndex);
        indexMap.put(key(deltaKind, deltaIndex), target);
        nextIndex = target + 1;
      }
      if (target != deltaIndex) {
        event = withIndex(event, target);
      }
      openIndex = target;
      openKind = deltaKind;
      prefix = add(prefix, AnthropicStreamEvents.blockStart(target, deltaKind));
    }
    // Close the open block before an explicit block start and before the message's end; deltas (even
    // the kind switches synthesized above) stay inside their block.
    if ((isBlockStart || isMessageDelta || isStop) && openIndex >= 0) {
      prefix = add(prefix, AnthropicStreamEvents.blockStop(openIndex));
      openIndex = -1;
      openKind = null;
    }
    if (isBlockStart) {
      openIndex = startIndex;
      openKind = startKind;
      if (startKind != null && startKind != BlockKind.REDACTED_THINKING) {
        indexMap.put(key(startKind, sourceStartIndex), startIndex);
      }
      nextIndex = Math.max(nextIndex, startIndex + 1);
    }
    if (isBlockStop) {
      if (openKind == BlockKind.REDACTED_THINKING && openIndex >= 0) {
        // The stop that follows a (possibly re-indexed) redacted start closes that block.
        event = withIndex(event, openIndex);
      }
      openIndex = -1;
      openKind = null;
    }
    if (isToolUseStart) {
      toolUseStarted = true;
    }

    emit(prefix, out);
    if (isMessageDelta && bufferedDelta != null) {
      out.accept(mergeDeltaUsage(bufferedDelta, event));
      bufferedDelta = null;
      if (bufferedStop != null) {
        OutEvent stop = bufferedStop;
        bufferedStop = null;
        reset();
        out.accept(stop);
      }
      return;
    }
    if (isMessageDelta) {
      bufferedDelta = event;
      return;
    }
    if (isStop && bufferedDelta != null) {
      bufferedStop = event;
      return;
    }
    if (isStop) {
      reset();
    }
    flush(out);
    out.accept(event);
  }

  /** Emits the held-back {@code message_delta} and {@code message_stop}, if any. */
  void flush(Consumer<OutEvent> out) {
    if (bufferedDelta != null) {
      OutEvent delta = bufferedDelta;
      bufferedDelta = null;
      out.accept(delta);
    }
    if (bufferedStop != null) {
      OutEvent stop = bufferedStop;
      bufferedStop = null;
      reset();
      out.accept(stop);
    }
  }

  /** Message-level state back to "no message open". */
  private void reset() {
    messageStarted = false;
    toolUseStarted = false;
    openIndex = -1;
    openKind = null;
    nextIndex = 0;
    indexMap.clear();
  }

  private static List<OutEvent> add(List<OutEvent> prefix, OutEvent e) {
    List<OutEvent> list = prefix == null ? new ArrayList<>(3) : prefix;
    list.add(e);
    return list;
  }

  private static void emit(List<OutEvent> events, Consumer<OutEvent> out) {
    if (events != null) {
      for (OutEvent e : events) {
        out.accept(e);
      }
    }
  }

  private static long key(BlockKind kind, int index) {
    return ((long) kind.ordinal() << 32) | (index & 0xffffffffL);
  }

  private static int requireIndex(OutEvent event, String name) {
    JsonValue v = event.data().getOrNull("index");
    if (v instanceof JsonNumber n) {
      var l = n.longValue();
      if (l.isPresent() && l.getAsLong() >= 0 && l.getAsLong() <= Integer.MAX_VALUE) {
        return (int) l.getAsLong();
      }
    }
    throw new TranslationException("Anthropic " + name + " event: missing field `index`");
  }

  private static OutEvent withIndex(OutEvent event, int index) {
    return new OutEvent(event.data().with("index", JsonNumber.of(index)), event.type());
  }

  /** A finish {@code end_turn}/{@code stop} becomes {@code tool_use} once a tool block was emitted. */
  private static OutEvent withToolUseStopReason(OutEvent event) {
    JsonObject delta = event.data().getObject("delta").orElse(null);
    if (delta == null) {
      return event;
    }
    String reason = delta.getString("stop_reason").orElse(null);
    if (!"end_turn".equals(reason) && !"stop".equals(reason)) {
      return event;
    }
    return new OutEvent(
        event.data().with("delta", delta.with("stop_reason", JsonString.of("tool_use"))), event.type());
  }

  /** The finish delta with the usage of the later usage-only delta, when it has one. */
  private static OutEvent mergeDeltaUsage(OutEvent finish, OutEvent usage) {
    JsonValue u = usage.data().getOrNull("usage");
    if (u == null) {
      return finish;
    }
    return new OutEvent(finish.data().with("usage", u), finish.type());
  }
}
