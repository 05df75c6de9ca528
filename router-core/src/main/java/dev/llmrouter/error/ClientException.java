package dev.llmrouter.error;

/** The caller's request cannot be served as written: bad JSON, unknown model, no provider, bad config. */
public class ClientException extends RouterException {

  public ClientException(String message) {
    super(message);
  }

  public ClientException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 400;
  }
}
