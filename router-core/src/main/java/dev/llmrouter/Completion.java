package dev.llmrouter;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A complete (non-streaming) response in the caller's format, with the provider's raw reply and the
 * routing metadata. On pass-through the two bodies are the same array.
 */
public final class Completion implements RouterResult {
  private final byte[] body;
  private final byte[] rawBody;
  private final RouterMetadata metadata;
  private final boolean requiresJsonResponse;

  Completion(byte[] body, byte[] rawBody, RouterMetadata metadata, boolean requiresJsonResponse) {
    this.body = Objects.requireNonNull(body);
    this.rawBody = Objects.requireNonNull(rawBody);
    this.metadata = Objects.requireNonNull(metadata);
    this.requiresJsonResponse = requiresJsonResponse;
  }

  /** The response body in the output format (not copied: treat as read-only). */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8. */
  public String bodyUtf8() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The provider's reply exactly as received (not copied: treat as read-only). */
  public byte[] rawBody() {
    return rawBody;
  }

  @Override
  public RouterMetadata metadata() {
    return metadata;
  }

  /** Whether the client asked for a JSON object response. */
  public boolean requiresJsonResponse() {
    return requiresJsonResponse;
  }

  @Override
  public String toString() {
    return "Completion{bytes=" + body.length + ", metadata=" + metadata + "}";
  }
}
