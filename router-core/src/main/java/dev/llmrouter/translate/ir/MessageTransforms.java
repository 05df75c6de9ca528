package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IR-to-IR transforms shared by the codecs (lingua's universal/transform.rs) and the target normalization
 * of processing/transform.rs (Claude Code billing-header stripping).
 */
public final class MessageTransforms {
  private MessageTransforms() {}

  /** The prefix of Claude Code's billing-attribution block in a system prompt. */
  public static final String CLAUDE_CODE_BILLING_PREFIX = "x-anthropic-billing-header:";

  /**
   * The result of {@link #extractSystemMessages}.
   *
   * @param system the removed system and developer messages, in order
   * @param rest the remaining messages, in order
   */
  public record SystemExtraction(List<Message> system, List<Message> rest) {
    /** Copies the lists. */
    public SystemExtraction {
      system = List.copyOf(system);
      rest = List.copyOf(rest);
    }
  }

  /**
   * Removes <em>all</em> system and developer messages (lingua's {@code extract_system_messages}; used for
   * Google and Bedrock, while Anthropic extracts leading ones only).
   */
  public static SystemExtraction extractSystemMessages(List<Message> messages) {
    List<Message> system = new ArrayList<>();
    List<Message> rest = new ArrayList<>();
    for (Message m : messages) {
      if (m.isSystemLike()) {
        system.add(m);
      } else {
        rest.add(m);
      }
    }
    return new SystemExtraction(system, rest);
  }

  /**
   * Merges neighbouring messages of the same role (user, assistant, system, developer, tool; not
   * additional_tools) into one with array content (lingua's {@code flatten_consecutive_messages}); string
   * content becomes a text part, and a merged assistant message keeps the first message's id.
   */
  public static List<Message> flattenConsecutiveMessages(List<Message> messages) {
    List<Message> out = new ArrayList<>(messages.size());
    for (Message m : messages) {
      if (!out.isEmpty()) {
        Message last = out.get(out.size() - 1);
        if (last.role() == m.role() && m.role() != Role.ADDITIONAL_TOOLS) {
          List<Part> merged = new ArrayList<>(last.content());
          merged.addAll(m.content());
          out.set(out.size() - 1, last.withParts(merged));
          continue;
        }
      }
      out.add(m);
    }
    return out;
  }

  /** Whether {@code format} is one of the Anthropic Messages flavours. */
  public static boolean isAnthropicTarget(ProviderFormat format) {
    return format == ProviderFormat.ANTHROPIC
        || format == ProviderFormat.BEDROCK_ANTHROPIC
        || format == ProviderFormat.VERTEX_ANTHROPIC;
  }

  /**
   * Target normalization applied after parsing and before the target's defaults (lingua's
   * {@code normalize_universal_request_for_target}): non-Anthropic targets lose Claude Code's billing
   * header.
   */
  public static UniversalRequest normalizeForTarget(UniversalRequest request, ProviderFormat target) {
    return isAnthropicTarget(target) ? request : stripClaudeCodeBillingHeader(request);
  }

  /**
   * Removes Claude Code's billing-attribution block ({@code x-anthropic-billing-header: ...; cch=...;})
   * from system messages. A text part or string starting with the marker (after leading whitespace) loses
   * its first line; a part left blank is removed; a system message emptied only by this removal is
   * dropped. Returns the same request when nothing changed.
   */
  public static UniversalRequest stripClaudeCodeBillingHeader(UniversalRequest request) {
    List<Message> out = new ArrayList<>(request.messages().size());
    boolean changed = false;
    for (Message m : request.messages()) {
      if (m.role() != Role.SYSTEM) {
        out.add(m);
        continue;
      }
      if (m.stringContent()) {
        String text = m.text().orElse("");
        if (!text.stripLeading().startsWith(CLAUDE_CODE_BILLING_PREFIX)) {
          out.add(m);
          continue;
        }
        changed = true;
        String rest = dropLeadingMarkerLine(text);
        if (!rest.strip().isEmpty()) {
          out.add(m.withText(rest));
        }
        continue;
      }
      boolean stripped = false;
      List<Part> parts = new ArrayList<>();
      for (Part p : m.content()) {
        if (p instanceof TextPart t && t.text().stripLeading().startsWith(CLAUDE_CODE_BILLING_PREFIX)) {
          stripped = true;
          String rest = dropLeadingMarkerLine(t.text());
          if (!rest.strip().isEmpty()) {
            parts.add(t.withText(rest));
          }
        } else {
          parts.add(p);
        }
      }
      if (!stripped) {
        out.add(m);
        continue;
      }
      changed = true;
      if (!parts.isEmpty()) {
        out.add(m.withParts(parts));
      }
    }
    return changed ? request.withMessages(out) : request;
  }

  /** Everything after the first line, leading newlines trimmed; empty when there is one line. */
  static String dropLeadingMarkerLine(String text) {
    int nl = text.indexOf('\n');
    if (nl < 0) {
      return "";
    }
    int i = nl + 1;
    while (i < text.length() && text.charAt(i) == '\n') {
      i++;
    }
    return text.substring(i);
  }

  /** The first message of {@code role}, if any. */
  public static Optional<Message> first(List<Message> messages, Role role) {
    for (Message m : messages) {
      if (m.role() == role) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
