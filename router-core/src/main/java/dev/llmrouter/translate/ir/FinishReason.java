package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why generation stopped, normalized across providers (lingua's {@code FinishReason}): stop, length,
 * tool_calls, content_filter, or another provider-specific value kept verbatim.
 *
 * <p>Into the IR there are two parsers: {@link #parse} (lingua's generic {@code FromStr}, used for Chat,
 * Anthropic and Bedrock responses) and {@link #fromProviderString} (format-aware, used by streams and
 * Google). Out of the IR, {@link #toProviderString} applies the table of spec 2.9.
 */
public final class FinishReason {

  /** The normalized kind. */
  public enum Kind {
    /** Normal completion. */
    STOP,
    /** Token or context limit reached. */
    LENGTH,
    /** The model wants to call tools. */
    TOOL_CALLS,
    /** Content was filtered or refused. */
    CONTENT_FILTER,
    /** A provider-specific reason outside the canonical set. */
    OTHER
  }

  /** Normal completion. */
  public static final FinishReason STOP = new FinishReason(Kind.STOP, "stop");
  /** Token or context limit. */
  public static final FinishReason LENGTH = new FinishReason(Kind.LENGTH, "length");
  /** Tool calls requested. */
  public static final FinishReason TOOL_CALLS = new FinishReason(Kind.TOOL_CALLS, "tool_calls");
  /** Content filtered. */
  public static final FinishReason CONTENT_FILTER = new FinishReason(Kind.CONTENT_FILTER, "content_filter");

  private final Kind kind;
  private final String value;

  private FinishReason(Kind kind, String value) {
    this.kind = kind;
    this.value = value;
  }

  /** A provider-specific reason kept verbatim (e.g. {@code pause_turn}). */
  public static FinishReason other(String value) {
    return new FinishReason(Kind.OTHER, Objects.requireNonNull(value, "value"));
  }

  /** The normalized kind. */
  public Kind kind() {
    return kind;
  }

  /** The raw value of an {@link Kind#OTHER} reason. */
  public Optional<String> otherValue() {
    return kind == Kind.OTHER ? Optional.of(value) : Optional.empty();
  }

  /** Whether this is an {@link Kind#OTHER} reason. */
  public boolean isOther() {
    return kind == Kind.OTHER;
  }

  /**
   * Lingua's generic parse (case-insensitive): stop/end_turn/stop_sequence/completed are stop;
   * length/max_tokens/max_output_tokens/model_context_window_exceeded/incomplete are length;
   * tool_calls/tool_use are tool calls; content_filter/content_filtered/safety/refusal are content filter;
   * anything else is {@link #other} with the original text.
   */
  public static FinishReason parse(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "stop":
      case "end_turn":
      case "stop_sequence":
      case "completed":
        return STOP;
      case "length":
      case "max_tokens":
      case "max_output_tokens":
      case "model_context_window_exceeded":
      case "incomplete":
        return LENGTH;
      case "tool_calls":
      case "tool_use":
        return TOOL_CALLS;
      case "content_filter":
      case "content_filtered":
      case "safety":
      case "refusal":
        return CONTENT_FILTER;
      default:
        return other(s);
    }
  }

  private static boolean anthropicLike(ProviderFormat f) {
    return f == ProviderFormat.ANTHROPIC
        || f == ProviderFormat.BEDROCK_ANTHROPIC
        || f == ProviderFormat.VERTEX_ANTHROPIC;
  }

  private static boolean openAILike(ProviderFormat f) {
    return f == ProviderFormat.OPENAI || f == ProviderFormat.MISTRAL || f == ProviderFormat.UNKNOWN;
  }

  /**
   * Lingua's format-aware parse (exact, case-sensitive): e.g. Anthropic/Converse {@code end_turn} and
   * {@code stop_sequence}, Google {@code STOP}, Responses {@code completed} are stop; Google SAFETY,
   * RECITATION, OTHER, BLOCKLIST, PROHIBITED_CONTENT, SPII, IMAGE_SAFETY and ESCALATION are content filter;
   * the OpenAI strings are accepted for every format; anything else is {@link #other}.
   */
  public static FinishReason fromProviderString(String s, ProviderFormat format) {
    boolean anthropicOrConverse = anthropicLike(format) || format == ProviderFormat.CONVERSE;
    switch (s) {
      case "end_turn":
      case "stop_sequence":
        if (anthropicOrConverse) {
          return STOP;
        }
        break;
      case "STOP":
        if (format == ProviderFormat.GOOGLE) {
          return STOP;
        }
        break;
      case "completed":
        if (format == ProviderFormat.RESPONSES) {
          return STOP;
        }
        break;
      case "stop":
        return STOP;
      case "max_tokens":
      case "model_context_window_exceeded":
        if (anthropicOrConverse) {
          return LENGTH;
        }
        break;
      case "MAX_TOKENS":
        if (format == ProviderFormat.GOOGLE) {
          return LENGTH;
        }
        break;
      case "incomplete":
        if (format == ProviderFormat.RESPONSES) {
          return LENGTH;
        }
        break;
      case "length":
        return LENGTH;
      case "tool_use":
        if (anthropicOrConverse) {
          return TOOL_CALLS;
        }
        break;
      case "TOOL_CALLS":
        if (format == ProviderFormat.GOOGLE) {
          return TOOL_CALLS;
        }
        break;
      case "tool_calls":
        return TOOL_CALLS;
      case "refusal":
        if (anthropicLike(format)) {
          return CONTENT_FILTER;
        }
        break;
      case "content_filtered":
        if (format == ProviderFormat.CONVERSE) {
          return CONTENT_FILTER;
        }
        break;
      case "SAFETY":
      case "RECITATION":
      case "OTHER":
      case "BLOCKLIST":
      case "PROHIBITED_CONTENT":
      case "SPII":
      case "IMAGE_SAFETY":
      case "ESCALATION":
        if (format == ProviderFormat.GOOGLE) {
          return CONTENT_FILTER;
        }
        break;
      case "content_filter":
        return CONTENT_FILTER;
      default:
        break;
    }
    return other(s);
  }

  /**
   * Google's non-stream (typed) mapping: STOP is stop, MAX_TOKENS is length, SAFETY, RECITATION,
   * BLOCKLIST, PROHIBITED_CONTENT, SPII, IMAGE_SAFETY and ESCALATION are content filter, anything else
   * (including {@code OTHER}) is {@link #other} with the Google name.
   */
  public static FinishReason fromGoogleResponse(String googleReason) {
    switch (googleReason) {
      case "STOP":
        return STOP;
      case "MAX_TOKENS":
        return LENGTH;
      case "SAFETY":
      case "RECITATION":
      case "BLOCKLIST":
      case "PROHIBITED_CONTENT":
      case "SPII":
      case "IMAGE_SAFETY":
      case "ESCALATION":
        return CONTENT_FILTER;
      default:
        return other(googleReason);
    }
  }

  /**
   * The wire value for {@code format} (spec 2.9): stop is stop / completed / end_turn / STOP; length is
   * length / incomplete / max_tokens / MAX_TOKENS; tool_calls is tool_calls / completed / tool_use / STOP;
   * content_filter is content_filter / incomplete / refusal (Anthropic family) / content_filtered
   * (Converse) / SAFETY; other values pass through.
   */
  public String toProviderString(ProviderFormat format) {
    boolean anthropic = anthropicLike(format);
    boolean converse = format == ProviderFormat.CONVERSE;
    switch (kind) {
      case STOP:
        if (anthropic || converse) {
          return "end_turn";
        }
        if (format == ProviderFormat.GOOGLE) {
          return "STOP";
        }
        if (format == ProviderFormat.RESPONSES) {
          return "completed";
        }
        return "stop";
      case LENGTH:
        if (anthropic || converse) {
          return "max_tokens";
        }
        if (format == ProviderFormat.GOOGLE) {
          return "MAX_TOKENS";
        }
        if (format == ProviderFormat.RESPONSES) {
          return "incomplete";
        }
        return "length";
      case TOOL_CALLS:
        if (anthropic || converse) {
          return "tool_use";
        }
        if (format == ProviderFormat.GOOGLE) {
          return "STOP";
        }
        if (format == ProviderFormat.RESPONSES) {
          return "completed";
        }
        return "tool_calls";
      case CONTENT_FILTER:
        if (anthropic) {
          return "refusal";
        }
        if (converse) {
          return "content_filtered";
        }
        if (format == ProviderFormat.GOOGLE) {
          return "SAFETY";
        }
        if (format == ProviderFormat.RESPONSES) {
          return "incomplete";
        }
        return "content_filter";
      default:
        return value;
    }
  }

  /**
   * Whether this marks an incomplete response: length, content filter, or one of the in-flight / failed
   * states {@code queued}, {@code in_progress}, {@code failed}, {@code cancelled}.
   */
  public boolean isIncomplete() {
    if (kind == Kind.LENGTH || kind == Kind.CONTENT_FILTER) {
      return true;
    }
    return kind == Kind.OTHER
        && (value.equals("queued")
            || value.equals("in_progress")
            || value.equals("failed")
            || value.equals("cancelled"));
  }

  /** The canonical (OpenAI Chat) string; an other reason's own text. */
  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FinishReason f && f.kind == kind && f.value.equals(value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + value.hashCode();
  }
}
