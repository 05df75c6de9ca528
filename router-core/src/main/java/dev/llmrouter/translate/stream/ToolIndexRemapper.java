package dev.llmrouter.translate.stream;

import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renumbers streamed tool-call indexes into consecutive tool indexes (0, 1, ...) in order of first
 * appearance (lingua's {@code remap_responses_tool_call_indexes} / {@code remap_bedrock_tool_call_indexes}).
 * Responses sources key tool calls by output index and Bedrock by content-block index, which counts text
 * and reasoning blocks too; Chat clients expect tool indexes. The mapping starts over after a chunk that
 * finishes a choice.
 */
final class ToolIndexRemapper {
  private final Map<Integer, Integer> indexes = new HashMap<>();
  private int next;

  /** The chunk with its tool-call indexes remapped; the same chunk when it has no indexed tool call. */
  UniversalStreamChunk remap(UniversalStreamChunk chunk) {
    List<StreamChoice> choices = chunk.choices();
    List<StreamChoice> remapped = null;
    boolean finishes = false;
    for (int i = 0; i < choices.size(); i++) {
      StreamChoice choice = choices.get(i);
      finishes |= choice.finishReason().isPresent();
      Optional<StreamDelta> view = choice.deltaView();
      if (view.isEmpty() || view.get().toolCalls().isEmpty()) {
        continue;
      }
      StreamDelta delta = view.get();
      List<ToolCallDelta> calls = new ArrayList<>(delta.toolCalls().size());
      for (ToolCallDelta call : delta.toolCalls()) {
        if (call.index().isEmpty()) {
          calls.add(call);
          continue;
        }
        int source = call.index().get();
        Integer target = indexes.get(source);
        if (target == null) {
          target = next++;
          indexes.put(source, target);
        }
        calls.add(new ToolCallDelta(Optional.of(target), call.id(), call.type(), call.customToolCall(), call.function()));
      }
      // Like lingua, the delta is re-serialized from its typed view.
      StreamDelta rewritten =
          new StreamDelta(delta.role(), delta.content(), calls, delta.reasoning(), delta.reasoningSignature());
      if (remapped == null) {
        remapped = new ArrayList<>(choices);
      }
      remapped.set(i, StreamChoice.of(choice.index(), rewritten, choice.finishReason()));
    }
    UniversalStreamChunk out =
        remapped == null
            ? chunk
            : new UniversalStreamChunk(
                chunk.id(),
                chunk.model(),
                remapped,
                chunk.created(),
                chunk.usage(),
                chunk.servedServiceTier(),
                chunk.keepAlive());
    if (finishes) {
      indexes.clear();
      next = 0;
    }
    return out;
  }
}
