package dev.llmrouter.error;

/** The provider's reply is malformed: undecodable stream frame, bad JSON, an error event mid-stream. */
public class UpstreamProtocolException extends UpstreamException {

  public UpstreamProtocolException(String provider, String message) {
    super(provider, message);
  }

  public UpstreamProtocolException(String provider, String message, Throwable cause) {
    super(provider, message, cause);
  }

  @Override
  public int httpStatus() {
    return 502;
  }
}
