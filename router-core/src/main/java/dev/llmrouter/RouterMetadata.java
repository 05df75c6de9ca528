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
   * One upstream call: which route (provider alias and id, upstream model), its outcome and how long it
   * took. A failed call has an error type (the exception's simple class name), an error text (class name
   * and message, never credentials) and, for HTTP errors, the status. Attempts are numbered from 1 across
   * every route tried.
   */
  public record Attempt(
      int number,
      String providerAlias,
      String providerId,
      String model,
      Optional<Integer> status,
      Optional<String> errorType,
      Optional<String> error,
      Duration latency) {

    /** Checks that no component is null. */
    public Attempt {
      Objects.requireNonNull(providerAlias, "providerAlias");
      Objects.requireNonNull(providerId, "providerId");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(errorType, "errorType");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(latency, "latency");
    }

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

  /**
   * Every upstream call made, in order, across every route tried (empty before execution); the last one is
   * the call that produced this result.
   */
  public List<Attempt> attempts() {
    return attempts;
  }

  /** Whether the request was served by another route than the first one tried. */
  public boolean failedOver() {
    return attempts.stream().anyMatch(a -> !a.providerAlias().equals(providerAlias) || !a.model().equals(model));
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
        + ", attempts=" + attempts.size() + ", failedOver=" + failedOver() + "}";
  }
}
