package dev.llmrouter.providers;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The kind-independent inputs of {@link ProviderFactory#create}: optional endpoint and endpoint template,
 * optional timeout, string metadata read per kind (for example {@code organization_id} for OpenAI), and
 * optional HTTP settings or client. Immutable; build with {@link #builder()}. {@code toString()} shows
 * metadata keys only, and URLs without user info or query.
 */
public final class ProviderSettings {
  private static final ProviderSettings EMPTY = builder().build();

  private final URI endpoint;
  private final String endpointTemplate;
  private final Duration timeout;
  private final Map<String, String> metadata;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private ProviderSettings(Builder b) {
    this.endpoint = b.endpoint;
    this.endpointTemplate = b.endpointTemplate;
    this.timeout = b.timeout;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    this.clientSettings = b.clientSettings;
    this.httpClient = b.httpClient;
  }

  /** No settings: every provider kind's defaults. */
  public static ProviderSettings empty() {
    return EMPTY;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preloaded with these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.endpoint = endpoint;
    b.endpointTemplate = endpointTemplate;
    b.timeout = timeout;
    b.metadata.putAll(metadata);
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The base URL; when empty the kind's default is used. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** A per-model base URL containing {@code <model>} (OpenAI-style providers). */
  public Optional<String> endpointTemplate() {
    return Optional.ofNullable(endpointTemplate);
  }

  /** A request timeout overriding the client settings' one. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Kind-specific options, such as {@code organization_id}, {@code project} and {@code api_version}. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** A metadata value, when present and not blank. */
  public Optional<String> metadata(String key) {
    String value = metadata.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** HTTP settings; when empty, {@link ClientSettings#defaults()}. */
  public Optional<ClientSettings> clientSettings() {
    return Optional.ofNullable(clientSettings);
  }

  /** A caller-supplied HTTP client used instead of the shared cached one. */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ProviderSettings)) {
      return false;
    }
    ProviderSettings other = (ProviderSettings) o;
    return Objects.equals(endpoint, other.endpoint)
        && Objects.equals(endpointTemplate, other.endpointTemplate)
        && Objects.equals(timeout, other.timeout)
        && metadata.equals(other.metadata)
        && Objects.equals(clientSettings, other.clientSettings)
        && httpClient == other.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, endpointTemplate, timeout, metadata, clientSettings,
        System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "ProviderSettings{endpoint="
        + (endpoint == null ? "default" : UrlPaths.redact(endpoint.toString()))
        + ", endpointTemplate="
        + (endpointTemplate == null ? "none" : UrlPaths.redact(endpointTemplate))
        + ", timeout="
        + (timeout == null ? "default" : timeout)
        + ", metadataKeys="
        + metadata.keySet()
        + ", clientSettings="
        + (clientSettings == null ? "default" : clientSettings)
        + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied")
        + "}";
  }

  /** Builds {@link ProviderSettings}; every field is optional. */
  public static final class Builder {
    private URI endpoint;
    private String endpointTemplate;
    private Duration timeout;
    private final LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
    private ClientSettings clientSettings;
    private OkHttpClient httpClient;

    private Builder() {}

    /** The base URL; {@code null} for the kind's default. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * The base URL as text; {@code null} for the kind's default.
     *
     * @throws InvalidRequestException if it is not a valid URI
     */
    public Builder endpoint(String endpoint) {
      if (endpoint == null) {
        this.endpoint = null;
        return this;
      }
      try {
        this.endpoint = new URI(endpoint);
      } catch (java.net.URISyntaxException e) {
        throw new InvalidRequestException(
            "provider endpoint is not a valid URI: " + UrlPaths.redact(endpoint));
      }
      return this;
    }

    public Builder endpointTemplate(String endpointTemplate) {
      this.endpointTemplate = endpointTemplate;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Sets one metadata entry; a {@code null} value removes it. */
    public Builder metadata(String key, String value) {
      if (key == null) {
        throw new InvalidRequestException("provider metadata keys must not be null");
      }
      if (value == null) {
        metadata.remove(key);
      } else {
        metadata.put(key, value);
      }
      return this;
    }

    /** Replaces all metadata. */
    public Builder metadata(Map<String, String> metadata) {
      if (metadata == null) {
        throw new InvalidRequestException("provider metadata must not be null (use an empty map)");
      }
      this.metadata.clear();
      metadata.forEach(this::metadata);
      return this;
    }

    public Builder clientSettings(ClientSettings clientSettings) {
      this.clientSettings = clientSettings;
      return this;
    }

    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    public ProviderSettings build() {
      return new ProviderSettings(this);
    }
  }
}
