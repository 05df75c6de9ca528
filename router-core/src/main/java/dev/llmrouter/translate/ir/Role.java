package dev.llmrouter.translate.ir;

import java.util.Optional;

/** A message role of the universal IR (lingua's {@code Message} tags). */
public enum Role {
  /** System prompt; content is user-style content (text, image, file). */
  SYSTEM("system"),
  /** Developer instructions (OpenAI); user-style content. */
  DEVELOPER("developer"),
  /** A user turn; text, image and file parts. */
  USER("user"),
  /**
   * A model turn; text, file, reasoning (redacted too), tool call, program, discovery and server
   * tool-result parts.
   */
  ASSISTANT("assistant"),
  /** Tool results; tool_result and tool_discovery_result parts only, never a plain string. */
  TOOL("tool"),
  /** Tools introduced mid-conversation (Responses {@code additional_tools} item); carries tools, no content. */
  ADDITIONAL_TOOLS("additional_tools");

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  /** The serialized name ({@code system}, ..., {@code additional_tools}). */
  public String wire() {
    return wire;
  }

  /** The role of a serialized name, exact match. */
  public static Optional<Role> fromWire(String name) {
    for (Role r : values()) {
      if (r.wire.equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Whether this role's content is lingua's {@code UserContent} (system, developer, user). */
  public boolean hasUserContent() {
    return this == SYSTEM || this == DEVELOPER || this == USER;
  }

  /** Whether the content of this role may be a plain string. */
  public boolean allowsStringContent() {
    return hasUserContent() || this == ASSISTANT;
  }

  /** Whether a part of this kind may appear in this role's content. */
  public boolean allows(Part part) {
    switch (this) {
      case SYSTEM:
      case DEVELOPER:
      case USER:
        return part instanceof TextPart || part instanceof ImagePart || part instanceof FilePart;
      case ASSISTANT:
        return part instanceof TextPart
            || part instanceof FilePart
            || part instanceof ReasoningPart
            || part instanceof RedactedReasoningPart
            || part instanceof ToolCallPart
            || part instanceof ProgramPart
            || part instanceof ProgramOutputPart
            || part instanceof ToolDiscoveryCallPart
            || part instanceof ToolResultPart;
      case TOOL:
        return part instanceof ToolResultPart || part instanceof ToolDiscoveryResultPart;
      default:
        return false;
    }
  }

  @Override
  public String toString() {
    return wire;
  }
}
