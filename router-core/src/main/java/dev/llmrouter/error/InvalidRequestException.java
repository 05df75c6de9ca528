package dev.llmrouter.error;

/** The request body, a header or the router configuration is invalid; the message names what is wrong. */
public class InvalidRequestException extends ClientException {

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
