package dev.llmrouter.error;

/** A time limit ran out while talking to the provider; never retried (the Rust router's rule). */
public class UpstreamTimeoutException extends TransportException {

  public UpstreamTimeoutException(String provider, String message, Throwable cause) {
    super(provider, "timed out: " + message, false, cause);
  }

  @Override
  public int httpStatus() {
    return 504;
  }
}
