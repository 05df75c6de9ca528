package dev.llmrouter.error;

/** The provider's successful reply could not be translated into the caller's format; keeps the raw reply. */
public class ResponseTransformException extends UpstreamProtocolException {
  private final byte[] rawResponse;

  public ResponseTransformException(String provider, String message, byte[] rawResponse) {
    super(provider, "response transformation failed: " + message);
    this.rawResponse = rawResponse.clone();
  }

  public ResponseTransformException(
      String provider, String message, byte[] rawResponse, Throwable cause) {
    super(provider, "response transformation failed: " + message, cause);
    this.rawResponse = rawResponse.clone();
  }

  /** The provider's reply exactly as received (a copy). */
  public byte[] rawResponse() {
    return rawResponse.clone();
  }
}
