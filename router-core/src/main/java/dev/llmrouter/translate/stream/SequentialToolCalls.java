package dev.llmrouter.translate.stream;

import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gemini streams every function call whole, numbering the calls from 0 again in each chunk (and the codec
 * synthesizes ids {@code call_<responseId>_<n>} from that number). Left alone, two calls in two chunks
 * reach a Chat client as index 0 twice with the same id, and the client glues their arguments together
 * (the LiteLLM #5231 / Portkey #1275 bug class). This gives every call the next stream-wide index and a
 * matching unique synthesized id. Not in lingua; a deliberate fix.
 */
final class SequentialToolCalls {
  private int next;

  /** The chunk with its tool calls renumbered; the same chunk when it has none. */
  UniversalStreamChunk remap(UniversalStreamChunk chunk) {
    List<StreamChoice> choices = chunk.choices();
    List<StreamChoice> remapped = null;
    String responseId = chunk.id().orElse("");
    for (int i = 0; i < choices.size(); i++) {
      StreamChoice choice = choices.get(i);
      Optional<StreamDelta> view = choice.deltaView();
      if (view.isEmpty() || view.get().toolCalls().isEmpty()) {
        continue;
      }
      StreamDelta delta = view.get();
      List<ToolCallDelta> calls = new ArrayList<>(delta.toolCalls().size());
      for (ToolCallDelta call : delta.toolCalls()) {
        int index = next++;
        Optional<String> id = call.id();
        if (id.isPresent() && call.index().isPresent()
            && id.get().equals("call_" + responseId + "_" + call.index().get())) {
          id = Optional.of("call_" + responseId + "_" + index);
        }
        calls.add(new ToolCallDelta(Optional.of(index), id, call.type(), call.customToolCall(), call.function()));
      }
      StreamDelta rewritten =
          new StreamDelta(delta.role(), delta.content(), calls, delta.reasoning(), delta.reasoningSignature());
      if (remapped == null) {
        remapped = new ArrayList<>(choices);
      }
      remapped.set(i, StreamChoice.of(choice.index(), rewritten, choice.finishReason()));
    }
    if (remapped == null) {
      return chunk;
    }
    return new UniversalStreamChunk(chunk.id(), chunk.model(), remapped, chunk.created(), chunk.usage(),
        chunk.servedServiceTier(), chunk.keepAlive());
  }
}
