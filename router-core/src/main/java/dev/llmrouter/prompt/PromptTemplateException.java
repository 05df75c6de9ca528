package dev.llmrouter.prompt;

import dev.llmrouter.error.InvalidRequestException;

/**
 * A prompt cannot be used as written: a malformed template or prompt file, an oversized template, or (in
 * strict mode) a variable the caller did not supply ({@link MissingVariableException}). A client error.
 */
public class PromptTemplateException extends InvalidRequestException {
  public PromptTemplateException(String message) {
    super(message);
  }

  public PromptTemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
