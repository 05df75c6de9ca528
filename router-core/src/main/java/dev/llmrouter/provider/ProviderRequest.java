package dev.llmrouter.provider;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.http.ClientHeaders;
import java.util.Objects;

/**
 * Everything a provider needs for one upstream call: the prepared payload (sent as is), the wire format,
 * the model spec, the credentials, the client headers, whether to stream, and a cancellation token.
 */
public final class ProviderRequest {
  private final byte[] payload;
  private final ProviderFormat format;
  private final ModelSpec spec;
  private final AuthConfig auth;
  private final ClientHeaders clientHeaders;
  private final boolean stream;
  private final CancellationToken cancellation;

  private ProviderRequest(Builder b) {
    this.payload = Objects.requireNonNull(b.payload, "payload");
    this.format = Objects.requireNonNull(b.format, "format");
    this.spec = Objects.requireNonNull(b.spec, "spec");
    this.auth = Objects.requireNonNull(b.auth, "auth");
    this.clientHeaders = b.clientHeaders == null ? ClientHeaders.empty() : b.clientHeaders;
    this.stream = b.stream;
    this.cancellation = b.cancellation == null ? new CancellationToken() : b.cancellation;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The body to send, byte for byte (not copied: do not modify). */
  public byte[] payload() {
    return payload;
  }

  /** The wire format of the payload, which picks the endpoint. */
  public ProviderFormat format() {
    return format;
  }

  /** The catalog entry; {@code spec.model()} is the upstream model id. */
  public ModelSpec spec() {
    return spec;
  }

  /** The credentials registered with the provider alias. */
  public AuthConfig auth() {
    return auth;
  }

  /** Headers to forward, applied before provider constants and auth. */
  public ClientHeaders clientHeaders() {
    return clientHeaders;
  }

  /** Whether the call streams (selects streaming endpoints such as Gemini's streamGenerateContent). */
  public boolean stream() {
    return stream;
  }

  /** Fired when the caller gives up; providers register their call's cancel on it. */
  public CancellationToken cancellation() {
    return cancellation;
  }

  public Builder toBuilder() {
    return new Builder()
        .payload(payload)
        .format(format)
        .spec(spec)
        .auth(auth)
        .clientHeaders(clientHeaders)
        .stream(stream)
        .cancellation(cancellation);
  }

  @Override
  public String toString() {
    return "ProviderRequest{format=" + format + ", model=" + spec.model() + ", stream=" + stream
        + ", payloadBytes=" + payload.length + ", auth=" + auth.type() + "}";
  }

  /** Builds a {@link ProviderRequest}; payload, format, spec and auth are required. */
  public static final class Builder {
    private byte[] payload;
    private ProviderFormat format;
    private ModelSpec spec;
    private AuthConfig auth;
    private ClientHeaders clientHeaders;
    private boolean stream;
    private CancellationToken cancellation;

    private Builder() {}

    public Builder payload(byte[] payload) {
      this.payload = payload;
      return this;
    }

    public Builder format(ProviderFormat format) {
      this.format = format;
      return this;
    }

    public Builder spec(ModelSpec spec) {
      this.spec = spec;
      return this;
    }

    public Builder auth(AuthConfig auth) {
      this.auth = auth;
      return this;
    }

    public Builder clientHeaders(ClientHeaders clientHeaders) {
      this.clientHeaders = clientHeaders;
      return this;
    }

    public Builder stream(boolean stream) {
      this.stream = stream;
      return this;
    }

    public Builder cancellation(CancellationToken cancellation) {
      this.cancellation = cancellation;
      return this;
    }

    public ProviderRequest build() {
      return new ProviderRequest(this);
    }
  }
}
