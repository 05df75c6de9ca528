package dev.llmrouter.translate.ir;

/**
 * One content part of a {@link Message} (lingua's {@code UserContentPart}, {@code AssistantContentPart} and
 * {@code ToolContentPart}, unified). Which parts a role may hold is given by {@link Role#allows(Part)}.
 */
public sealed interface Part
    permits TextPart,
        ImagePart,
        FilePart,
        ReasoningPart,
        RedactedReasoningPart,
        ToolCallPart,
        ProgramPart,
        ProgramOutputPart,
        ToolDiscoveryCallPart,
        ToolResultPart,
        ToolDiscoveryResultPart {

  /**
   * The serialized tag: {@code text}, {@code image}, {@code file}, {@code reasoning},
   * {@code redacted_reasoning}, {@code tool_call}, {@code program}, {@code program_output}, {@code tool_discovery_call}, {@code tool_result},
   * {@code tool_discovery_result}.
   */
  String type();
}
