package dev.llmrouter.translate;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.Objects;

/** The result of turning a provider's complete response into the caller's format. */
public final class ResponseTransform {
  private final byte[] body;
  private final ProviderFormat sourceFormat;
  private final boolean passthrough;

  private ResponseTransform(byte[] body, ProviderFormat sourceFormat, boolean passthrough) {
    this.body = Objects.requireNonNull(body, "body");
    this.sourceFormat = Objects.requireNonNull(sourceFormat, "sourceFormat");
    this.passthrough = passthrough;
  }

  /** The provider's bytes, unchanged (same array). */
  public static ResponseTransform passthrough(byte[] body, ProviderFormat sourceFormat) {
    return new ResponseTransform(body, sourceFormat, true);
  }

  /** A translated body. */
  public static ResponseTransform transformed(byte[] body, ProviderFormat sourceFormat) {
    return new ResponseTransform(body, sourceFormat, false);
  }

  /** The response in the caller's format (not copied). */
  public byte[] body() {
    return body;
  }

  /** The format the provider answered in. */
  public ProviderFormat sourceFormat() {
    return sourceFormat;
  }

  /** Whether the provider's bytes were returned unchanged. */
  public boolean isPassthrough() {
    return passthrough;
  }
}
