package dev.llmrouter.translate.ir;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.Optional;

/**
 * Placeholder values used when the source lacks a field (lingua's universal/defaults.rs), and the response
 * id prefix swap of response.rs.
 */
public final class Defaults {
  private Defaults() {}

  /** Placeholder model name. */
  public static final String PLACEHOLDER_MODEL = "transformed";
  /** Placeholder id; codecs prefix it ({@code msg_transformed}, {@code chatcmpl-transformed}, ...). */
  public static final String PLACEHOLDER_ID = "transformed";
  /** Arguments text for a tool call without arguments. */
  public static final String EMPTY_OBJECT_STR = "{}";
  /** Default refusal text. */
  public static final String REFUSAL_TEXT = "Content was refused";
  /** Default image MIME type. */
  public static final String DEFAULT_MIME_TYPE = "image/jpeg";

  /** Chat Completions id prefix. */
  public static final String CHAT_PREFIX = "chatcmpl-";
  /** Anthropic (and Converse) message id prefix. */
  public static final String ANTHROPIC_PREFIX = "msg_";
  /** Bedrock-Anthropic message id prefix. */
  public static final String BEDROCK_ANTHROPIC_PREFIX = "msg_bdrk_";
  /** Vertex-Anthropic message id prefix. */
  public static final String VERTEX_ANTHROPIC_PREFIX = "msg_vrtx_";
  /** Responses (and Google) response id prefix. */
  public static final String RESPONSES_PREFIX = "resp_";

  /** Prefixes stripped from a source id, longest first. */
  private static final String[] KNOWN_PREFIXES = {
    BEDROCK_ANTHROPIC_PREFIX, VERTEX_ANTHROPIC_PREFIX, RESPONSES_PREFIX, CHAT_PREFIX, ANTHROPIC_PREFIX
  };

  /** The id prefix of {@code format}. */
  public static String idPrefix(ProviderFormat format) {
    switch (format) {
      case ANTHROPIC:
      case CONVERSE:
        return ANTHROPIC_PREFIX;
      case BEDROCK_ANTHROPIC:
        return BEDROCK_ANTHROPIC_PREFIX;
      case VERTEX_ANTHROPIC:
        return VERTEX_ANTHROPIC_PREFIX;
      case RESPONSES:
      case GOOGLE:
        return RESPONSES_PREFIX;
      default:
        return CHAT_PREFIX;
    }
  }

  /** {@code id} without its first matching known prefix. */
  public static String stripKnownPrefix(String id) {
    for (String p : KNOWN_PREFIXES) {
      if (id.startsWith(p)) {
        return id.substring(p.length());
      }
    }
    return id;
  }

  /**
   * The id to emit for {@code target} (lingua's {@code UniversalResponse::id_for}): the source id unchanged
   * when it came from the same format; otherwise its unique part (known prefix removed) with the target's
   * prefix; {@code <prefix>transformed} when there is no usable source id.
   */
  public static String idFor(Optional<String> id, Optional<ProviderFormat> idFormat, ProviderFormat target) {
    String prefix = idPrefix(target);
    if (id.isPresent()) {
      if (idFormat.isPresent() && idFormat.get() == target) {
        return id.get();
      }
      String unique = stripKnownPrefix(id.get());
      if (!unique.isEmpty() && !unique.equals(PLACEHOLDER_ID)) {
        return prefix + unique;
      }
    }
    return prefix + PLACEHOLDER_ID;
  }
}
