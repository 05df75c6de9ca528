package dev.llmrouter.translate.ir;

import java.util.Optional;

/**
 * A streamed tool-call fragment (lingua's {@code UniversalToolCallDelta}).
 *
 * @param index the tool call's index within the choice
 * @param id the call id (first fragment)
 * @param type the call type ({@code function} / {@code custom})
 * @param customToolCall whether this is a custom (free-form) tool call
 * @param function the name and arguments fragment
 */
public record ToolCallDelta(
    Optional<Integer> index,
    Optional<String> id,
    Optional<String> type,
    Optional<Boolean> customToolCall,
    Optional<ToolFunctionDelta> function) {

  /** Normalizes null optionals. */
  public ToolCallDelta {
    index = LinguaJson.opt(index);
    id = LinguaJson.opt(id);
    type = LinguaJson.opt(type);
    customToolCall = LinguaJson.opt(customToolCall);
    function = LinguaJson.opt(function);
  }

  /** A fragment from nullable values. */
  public static ToolCallDelta of(
      Integer index, String id, String type, Boolean customToolCall, ToolFunctionDelta function) {
    return new ToolCallDelta(
        Optional.ofNullable(index),
        Optional.ofNullable(id),
        Optional.ofNullable(type),
        Optional.ofNullable(customToolCall),
        Optional.ofNullable(function));
  }
}
