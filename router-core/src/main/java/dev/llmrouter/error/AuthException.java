package dev.llmrouter.error;

/** Credentials are missing, of the wrong kind for the provider, or could not be applied or refreshed. */
public class AuthException extends RouterException {

  public AuthException(String message) {
    super(message);
  }

  public AuthException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int httpStatus() {
    return 401;
  }
}
