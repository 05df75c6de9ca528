package dev.llmrouter.translate.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of the universal IR (lingua's {@code Message}): a role, its content parts, and for assistant
 * and additional-tools messages an optional item id.
 *
 * <p>Lingua's user-style and assistant content is either a plain string or an array of parts; a string is
 * held here as a single plain {@link TextPart} with {@link #stringContent()} set, so it is written back as
 * a string. Tool messages always hold parts. Additional-tools messages hold {@link #tools()} and no content.
 *
 * @param role the role
 * @param content the content parts (for string content, exactly one plain text part)
 * @param stringContent whether the content was (and is written back as) a plain string
 * @param id the item id (assistant and additional_tools only; e.g. a Responses output item id)
 * @param tools the tools introduced by an additional_tools message
 */
public record Message(
    Role role, List<Part> content, boolean stringContent, Optional<String> id, List<Tool> tools) {

  /**
   * Validates the shape: parts allowed for the role, string content only for string-capable roles and as a
   * single plain text part, ids only on assistant and additional_tools messages, tools only on
   * additional_tools messages.
   *
   * @throws IllegalArgumentException when the message is malformed
   */
  public Message {
    Objects.requireNonNull(role, "role");
    content = content == null ? List.of() : List.copyOf(content);
    id = LinguaJson.opt(id);
    tools = tools == null ? List.of() : List.copyOf(tools);
    for (Part p : content) {
      if (!role.allows(p)) {
        throw new IllegalArgumentException(
            "a " + p.type() + " part is not allowed in a " + role.wire() + " message");
      }
    }
    if (stringContent) {
      if (!role.allowsStringContent()) {
        throw new IllegalArgumentException(role.wire() + " messages cannot have string content");
      }
      if (content.size() != 1
          || !(content.get(0) instanceof TextPart t)
          || !t.isPlain()) {
        throw new IllegalArgumentException("string content must be exactly one plain text part");
      }
    }
    if (id.isPresent() && role != Role.ASSISTANT && role != Role.ADDITIONAL_TOOLS) {
      throw new IllegalArgumentException(role.wire() + " messages have no id");
    }
    if (!tools.isEmpty() && role != Role.ADDITIONAL_TOOLS) {
      throw new IllegalArgumentException(role.wire() + " messages have no tools");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Factories
  // ---------------------------------------------------------------------------------------------

  /** A message of {@code role} whose content is the plain string {@code text}. */
  public static Message ofText(Role role, String text) {
    return new Message(role, List.of(TextPart.of(text)), true, Optional.empty(), List.of());
  }

  /** A message of {@code role} whose content is an array of parts. */
  public static Message of(Role role, List<? extends Part> parts) {
    return new Message(role, List.copyOf(parts), false, Optional.empty(), List.of());
  }

  /** A system message with string content. */
  public static Message system(String text) {
    return ofText(Role.SYSTEM, text);
  }

  /** A system message with parts. */
  public static Message system(List<? extends Part> parts) {
    return of(Role.SYSTEM, parts);
  }

  /** A developer message with string content. */
  public static Message developer(String text) {
    return ofText(Role.DEVELOPER, text);
  }

  /** A developer message with parts. */
  public static Message developer(List<? extends Part> parts) {
    return of(Role.DEVELOPER, parts);
  }

  /** A user message with string content. */
  public static Message user(String text) {
    return ofText(Role.USER, text);
  }

  /** A user message with parts. */
  public static Message user(List<? extends Part> parts) {
    return of(Role.USER, parts);
  }

  /** An assistant message with string content. */
  public static Message assistant(String text) {
    return ofText(Role.ASSISTANT, text);
  }

  /** An assistant message with parts. */
  public static Message assistant(List<? extends Part> parts) {
    return of(Role.ASSISTANT, parts);
  }

  /** An assistant message with parts and an item id (null for none). */
  public static Message assistant(List<? extends Part> parts, String id) {
    return new Message(Role.ASSISTANT, List.copyOf(parts), false, Optional.ofNullable(id), List.of());
  }

  /** A tool message (tool_result / tool_discovery_result parts). */
  public static Message tool(List<? extends Part> parts) {
    return of(Role.TOOL, parts);
  }

  /** An additional_tools message with an optional item id. */
  public static Message additionalTools(List<Tool> tools, Optional<String> id) {
    return new Message(Role.ADDITIONAL_TOOLS, List.of(), false, id, tools);
  }

  // ---------------------------------------------------------------------------------------------
  // Accessors and copies
  // ---------------------------------------------------------------------------------------------

  /** The content as a string, when it is string content. */
  public Optional<String> text() {
    return stringContent ? Optional.of(((TextPart) content.get(0)).text()) : Optional.empty();
  }

  /** The content parts (same as {@link #content()}; a string is one text part). */
  public List<Part> parts() {
    return content;
  }

  /** Whether the role is system or developer. */
  public boolean isSystemLike() {
    return role == Role.SYSTEM || role == Role.DEVELOPER;
  }

  /** The concatenated text of all text parts (lingua's assistant-content text, used for JSON checks). */
  public String joinedText() {
    StringBuilder sb = new StringBuilder();
    for (Part p : content) {
      if (p instanceof TextPart t) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  /** The parts of a given type, in order. */
  public <T extends Part> List<T> partsOf(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Part p : content) {
      if (type.isInstance(p)) {
        out.add(type.cast(p));
      }
    }
    return out;
  }

  /** A copy with array content {@code parts} (no longer string content). */
  public Message withParts(List<? extends Part> parts) {
    return new Message(role, List.copyOf(parts), false, id, tools);
  }

  /** A copy with string content {@code text}. */
  public Message withText(String text) {
    return new Message(role, List.of(TextPart.of(text)), true, id, tools);
  }

  /** A copy with another id (empty removes it). */
  public Message withId(Optional<String> newId) {
    return new Message(role, content, stringContent, newId, tools);
  }

  /** A copy with another role, keeping content (must be allowed for the new role). */
  public Message withRole(Role newRole) {
    return new Message(newRole, content, stringContent, newRole == Role.ASSISTANT ? id : Optional.empty(), tools);
  }
}
