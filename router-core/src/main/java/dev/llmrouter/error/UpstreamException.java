package dev.llmrouter.error;

/** The provider was reached but its answer is an error or cannot be used. */
public abstract class UpstreamException extends RouterException {
  private final String provider;

  protected UpstreamException(String provider, String message) {
    super(message);
    this.provider = provider;
  }

  protected UpstreamException(String provider, String message, Throwable cause) {
    super(message, cause);
    this.provider = provider;
  }

  /** The provider id, such as {@code openai} or {@code bedrock}. */
  public String provider() {
    return provider;
  }
}
