package dev.llmrouter.translate.stream;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.translate.ir.Message;
import dev.llmrouter.translate.ir.Part;
import dev.llmrouter.translate.ir.ReasoningDelta;
import dev.llmrouter.translate.ir.ReasoningPart;
import dev.llmrouter.translate.ir.ReasoningSignature;
import dev.llmrouter.translate.ir.Role;
import dev.llmrouter.translate.ir.StreamChoice;
import dev.llmrouter.translate.ir.StreamDelta;
import dev.llmrouter.translate.ir.TextPart;
import dev.llmrouter.translate.ir.ToolArguments;
import dev.llmrouter.translate.ir.ToolCallDelta;
import dev.llmrouter.translate.ir.ToolCallPart;
import dev.llmrouter.translate.ir.ToolFunctionDelta;
import dev.llmrouter.translate.ir.UniversalResponse;
import dev.llmrouter.translate.ir.UniversalStreamChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A complete (non-stream) response pushed into a stream session, as one universal stream chunk (lingua's
 * {@code response_to_stream_chunk}, {@code assistant_content_to_stream_delta} and
 * {@code merge_assistant_stream_deltas}). Vertex may answer a stream request with a whole response.
 */
final class FullResponseStream {
  private static final Optional<String> ASSISTANT = Optional.of("assistant");

  private FullResponseStream() {}

  /**
   * The response as one chunk: for Chat Completions one choice per assistant message ({@code n > 1});
   * for every other format the assistant messages are output items of one turn, merged into one choice.
   *
   * @throws TranslationException when signatures sit on both reasoning and tool-call parts
   */
  static UniversalStreamChunk toStreamChunk(UniversalResponse response, ProviderFormat source) {
    Optional<String> finishReason = response.finishReason().map(Object::toString);
    List<StreamDelta> deltas = new ArrayList<>(response.messages().size());
    for (Message m : response.messages()) {
      if (m.role() == Role.ASSISTANT) {
        deltas.add(toDelta(m));
      }
    }
    List<StreamChoice> choices;
    if (source == ProviderFormat.OPENAI) {
      choices = new ArrayList<>(deltas.size());
      for (int i = 0; i < deltas.size(); i++) {
        choices.add(StreamChoice.of(i, deltas.get(i), finishReason));
      }
    } else if (deltas.isEmpty()) {
      choices = List.of();
    } else {
      choices = List.of(StreamChoice.of(0, merge(deltas), finishReason));
    }
    return new UniversalStreamChunk(
        response.id(),
        response.model(),
        choices,
        Optional.empty(),
        response.usage(),
        response.servedServiceTier(),
        false);
  }

  /** One assistant message as a delta: text joined, reasoning and tool calls kept, signatures collected. */
  static StreamDelta toDelta(Message message) {
    if (message.stringContent()) {
      return new StreamDelta(ASSISTANT, message.text(), List.of(), List.of(), Optional.empty());
    }
    StringBuilder text = new StringBuilder();
    List<ReasoningDelta> reasoning = new ArrayList<>();
    List<ToolCallDelta> toolCalls = new ArrayList<>();
    List<String> signatures = new ArrayList<>();
    boolean reasoningSignature = false;
    boolean toolCallSignature = false;
    for (Part part : message.content()) {
      if (part instanceof TextPart t) {
        text.append(t.text());
      } else if (part instanceof ReasoningPart r) {
        reasoning.add(ReasoningDelta.of(r.text()));
        if (r.encryptedContent().isPresent()) {
          reasoningSignature = true;
          signatures.add(r.encryptedContent().get());
        }
      } else if (part instanceof ToolCallPart c) {
        if (c.encryptedContent().isPresent()) {
          toolCallSignature = true;
          signatures.add(c.encryptedContent().get());
        }
        toolCalls.add(
            new ToolCallDelta(
                Optional.of(toolCalls.size()),
                Optional.of(c.toolCallId()),
                Optional.of("function"),
                c.arguments() instanceof ToolArguments.Custom ? Optional.of(true) : Optional.empty(),
                Optional.of(ToolFunctionDelta.of(c.toolName(), c.arguments().text()))));
      }
      // Files, server tool results, tool discovery and program parts have no stream delta: lingua
      // drops them from a synthesized stream. Redacted reasoning is dropped too: one merged delta cannot
      // order a redacted block among the reasoning it sits between.
    }
    if (reasoningSignature && toolCallSignature) {
      throw new TranslationException(
          "full-response stream fallback cannot represent encrypted reasoning signatures attached to both"
              + " reasoning and tool-call parts");
    }
    return new StreamDelta(
        ASSISTANT,
        text.length() == 0 ? Optional.empty() : Optional.of(text.toString()),
        toolCalls,
        reasoning,
        ReasoningSignature.fromValues(signatures));
  }

  /** The deltas of one turn as one: text joined, reasoning and signatures appended, tools renumbered. */
  static StreamDelta merge(List<StreamDelta> deltas) {
    StringBuilder text = new StringBuilder();
    List<ReasoningDelta> reasoning = new ArrayList<>();
    List<ToolCallDelta> toolCalls = new ArrayList<>();
    List<String> signatures = new ArrayList<>();
    for (StreamDelta d : deltas) {
      d.content().ifPresent(text::append);
      reasoning.addAll(d.reasoning());
      for (ToolCallDelta c : d.toolCalls()) {
        toolCalls.add(
            new ToolCallDelta(Optional.of(toolCalls.size()), c.id(), c.type(), c.customToolCall(), c.function()));
      }
      d.reasoningSignature().ifPresent(s -> signatures.addAll(s.values()));
    }
    return new StreamDelta(
        ASSISTANT,
        text.length() == 0 ? Optional.empty() : Optional.of(text.toString()),
        toolCalls,
        reasoning,
        ReasoningSignature.fromValues(signatures));
  }
}
