package dev.llmrouter.translate;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of preparing a request body for a wire format: either the caller's bytes passed through
 * (possibly with the model or stream flag spliced in later), or a translated body. Also says whether the
 * client asked for a JSON reply.
 */
public final class RequestTransform {
  private final byte[] body;
  private final ProviderFormat sourceFormat;
  private final ProviderFormat targetFormat;
  private final boolean passthrough;
  private final boolean requiresJsonResponse;

  private RequestTransform(
      byte[] body,
      ProviderFormat sourceFormat,
      ProviderFormat targetFormat,
      boolean passthrough,
      boolean requiresJsonResponse) {
    this.body = Objects.requireNonNull(body, "body");
    this.sourceFormat = sourceFormat;
    this.targetFormat = Objects.requireNonNull(targetFormat, "targetFormat");
    this.passthrough = passthrough;
    this.requiresJsonResponse = requiresJsonResponse;
  }

  /** The caller's bytes go out as they are (same array). */
  public static RequestTransform passthrough(
      byte[] body,
      Optional<ProviderFormat> sourceFormat,
      ProviderFormat targetFormat,
      boolean requiresJsonResponse) {
    return new RequestTransform(body, sourceFormat.orElse(null), targetFormat, true, requiresJsonResponse);
  }

  /** A translated body. */
  public static RequestTransform transformed(
      byte[] body, ProviderFormat sourceFormat, ProviderFormat targetFormat, boolean requiresJsonResponse) {
    return new RequestTransform(body, sourceFormat, targetFormat, false, requiresJsonResponse);
  }

  /** The bytes to send (not copied). */
  public byte[] body() {
    return body;
  }

  /** The detected source format, when detection ran. */
  public Optional<ProviderFormat> sourceFormat() {
    return Optional.ofNullable(sourceFormat);
  }

  /** The format actually sent; differs from the requested target after the Responses upgrade. */
  public ProviderFormat targetFormat() {
    return targetFormat;
  }

  /** Whether the body was not translated. */
  public boolean isPassthrough() {
    return passthrough;
  }

  /** Whether the client asked for a JSON reply (e.g. Chat {@code response_format: json_object}). */
  public boolean requiresJsonResponse() {
    return requiresJsonResponse;
  }

  /** The same transform with a different body (after a model or stream-flag splice). */
  public RequestTransform withBody(byte[] newBody) {
    return new RequestTransform(newBody, sourceFormat, targetFormat, passthrough, requiresJsonResponse);
  }
}
