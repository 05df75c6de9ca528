package dev.llmrouter.error;

/** A request cannot be translated into the provider's format (undetectable, invalid or unsupported). */
public class TranslationException extends ClientException {

  public TranslationException(String message) {
    super(message);
  }

  public TranslationException(String message, Throwable cause) {
    super(message, cause);
  }
}
