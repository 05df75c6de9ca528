package dev.llmrouter;

import dev.llmrouter.catalog.ProviderFormat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the router did with a request, for logs, metrics and response headers: the route taken, the
 * formats involved, whether the body was forwarded untranslated, and every upstream attempt.
 */
public final class RouterMetadata {

  /**
   * One upstream call: which route, its outcome and how long it took. A failed call has an error (the
   * exception's class and message) and, for HTTP errors, the status.
   */
  public record Attempt(
      int number,
      String providerAlias,
      Optional<Integer> status,
      Optional<String> error,
      Duration latency) {

    /** Whether the call returned a usable response. */
    public boolean succeeded() {
      return error.isEmpty();
    }
  }

  private final String requestedModel;
  private final String providerAlias;
  private final String providerId;
  private final String model;
  private final ProviderFormat providerFormat;
  private final ProviderFormat outputFormat;
  private final ProviderFormat detectedInputFormat;
  private final boolean passthrough;
  private final boolean stream;
  private final List<Attempt> attempts;

  RouterMetadata(
      String requestedModel,
      String providerAlias,
      String providerId,
      String model,
      ProviderFormat providerFormat,
      ProviderFormat outputFormat,
      ProviderFormat detectedInputFormat,
      boolean passthrough,
      boolean stream,
      List<Attempt> attempts) {
    this.requestedModel = Objects.requireNonNull(requestedModel);
    this.providerAlias = Objects.requireNonNull(providerAlias);
    this.providerId = Objects.requireNonNull(providerId);
    this.model = Objects.requireNonNull(model);
    this.providerFormat = Objects.requireNonNull(providerFormat);
    this.outputFormat = Objects.requireNonNull(outputFormat);
    this.detectedInputFormat = detectedInputFormat;
    this.passthrough = passthrough;
    this.stream = stream;
    this.attempts = List.copyOf(attempts);
  }

  /** The catalog key of the route's model (an equivalent of the requested one on failover routes). */
  public String requestedModel() {
    return requestedModel;
  }

  /** The alias of the provider registration used. */
  public String providerAlias() {
    return providerAlias;
  }

  /** The provider's id ({@code openai}, {@code anthropic}, ...). */
  public String providerId() {
    return providerId;
  }

  /** The upstream model id sent. */
  public String model() {
    return model;
  }

  /** The wire format actually sent (may be Responses after the Responses upgrade). */
  public ProviderFormat providerFormat() {
    return providerFormat;
  }

  /** The format the caller reads. */
  public ProviderFormat outputFormat() {
    return outputFormat;
  }

  /** The format the request body was written in, when it was determined. */
  public Optional<ProviderFormat> detectedInputFormat() {
    return Optional.ofNullable(detectedInputFormat);
  }

  /** Whether the body went upstream untranslated (possibly with the model or stream flag spliced in). */
  public boolean passthrough() {
    return passthrough;
  }

  /** Whether this is a streaming request. */
  public boolean stream() {
    return stream;
  }

  /** Every upstream call made, in order (empty before execution). */
  public List<Attempt> attempts() {
    return attempts;
  }

  RouterMetadata withAttempts(List<Attempt> newAttempts) {
    return new RouterMetadata(requestedModel, providerAlias, providerId, model, providerFormat,
        outputFormat, detectedInputFormat, passthrough, stream, newAttempts);
  }

  @Override
  public String toString() {
    return "RouterMetadata{model=" + model + ", providerAlias=" + providerAlias + ", providerFormat="
        + providerFormat + ", outputFormat=" + outputFormat + ", detectedInputFormat="
        + detectedInputFormat + ", passthrough=" + passthrough + ", stream=" + stream
        + ", attempts=" + attempts.size() + "}";
  }
}
