package dev.llmrouter.translate;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import java.util.Optional;

/**
 * Entry points of the translation layer. This stage of the project passes same-format traffic through and
 * refuses cross-format traffic with a clear {@link TranslationException}; the universal IR and the format
 * codecs plug in behind these same methods.
 */
public final class Translator {
  private Translator() {}

  /**
   * Prepares {@code shape}'s body for {@code target}: pass-through when the body already has the target's
   * shape (or the target has no codec: Mistral and unknown formats are forwarded as they are).
   *
   * @throws TranslationException when the body's format cannot be detected or needs translation
   */
  public static RequestTransform transformRequest(RequestShape shape, ProviderFormat target) {
    if (target == ProviderFormat.MISTRAL || target == ProviderFormat.UNKNOWN) {
      return RequestTransform.passthrough(shape.body(), shape.detect(), target);
    }
    if (shape.isCompatibleWith(target)) {
      return RequestTransform.passthrough(shape.body(), Optional.of(target), target);
    }
    ProviderFormat source =
        shape.detect()
            .orElseThrow(
                () ->
                    new TranslationException(
                        "unable to detect the request format: the body has none of the keys that "
                            + "identify a format (messages, input, contents)"));
    if (source == target) {
      return RequestTransform.passthrough(shape.body(), Optional.of(source), target);
    }
    throw notYetSupported("request", source, target);
  }

  /** Whether a response in {@code source} needs no translation to reach a client of {@code target}. */
  public static boolean isResponsePassthrough(ProviderFormat source, ProviderFormat target) {
    return responseFamily(source) == responseFamily(target);
  }

  /**
   * Fails fast, before any upstream call, when a {@code source} response could not be turned into
   * {@code target}.
   */
  public static void requireResponseTranslation(ProviderFormat source, ProviderFormat target) {
    if (!isResponsePassthrough(source, target)) {
      throw notYetSupported("response", source, target);
    }
  }

  /** Response bodies of the Anthropic flavours are all Anthropic Messages; Mistral answers like OpenAI. */
  static ProviderFormat responseFamily(ProviderFormat f) {
    switch (f) {
      case BEDROCK_ANTHROPIC:
      case VERTEX_ANTHROPIC:
        return ProviderFormat.ANTHROPIC;
      case MISTRAL:
        return ProviderFormat.OPENAI;
      default:
        return f;
    }
  }

  private static TranslationException notYetSupported(
      String what, ProviderFormat source, ProviderFormat target) {
    return new TranslationException(
        "translation not yet supported: cannot translate a " + source.id() + " " + what + " to "
            + target.id() + " (only same-format traffic is routed in this version)");
  }
}
