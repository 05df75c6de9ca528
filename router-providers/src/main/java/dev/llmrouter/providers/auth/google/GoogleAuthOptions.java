package dev.llmrouter.providers.auth.google;

import dev.llmrouter.error.AuthException;
import dev.llmrouter.providers.http.ClientSettings;
import dev.llmrouter.providers.http.HttpClients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * How {@link GoogleAuth} obtains tokens: the OAuth scopes to request (default
 * {@value GoogleAuth#CLOUD_PLATFORM_SCOPE}) and the HTTP client token requests go through (a caller-supplied
 * one, or the router's shared client for {@link #clientSettings()}). Immutable; build with
 * {@link #builder()}.
 */
public final class GoogleAuthOptions {
  private static final GoogleAuthOptions DEFAULTS = builder().build();

  private final List<String> scopes;
  private final ClientSettings clientSettings;
  private final OkHttpClient httpClient;

  private GoogleAuthOptions(Builder b) {
    List<String> kept = new ArrayList<>();
    for (String scope : b.scopes) {
      if (scope == null) {
        throw new AuthException("Google OAuth scopes must not contain null");
      }
      if (!scope.isBlank()) {
        kept.add(scope.trim());
      }
    }
    this.scopes = kept.isEmpty() ? List.of(GoogleAuth.CLOUD_PLATFORM_SCOPE) : List.copyOf(kept);
    if (b.clientSettings == null) {
      throw new AuthException("Google auth clientSettings must not be null");
    }
    this.clientSettings = b.clientSettings;
    this.httpClient = b.httpClient;
  }

  /** The defaults: the cloud-platform scope and the shared client for default settings. */
  public static GoogleAuthOptions defaults() {
    return DEFAULTS;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preloaded with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.scopes = new ArrayList<>(scopes);
    b.clientSettings = clientSettings;
    b.httpClient = httpClient;
    return b;
  }

  /** The scopes requested, never empty. */
  public List<String> scopes() {
    return scopes;
  }

  /** The settings of the shared client used when no {@link #httpClient()} is given. */
  public ClientSettings clientSettings() {
    return clientSettings;
  }

  /** A caller-supplied client for token requests. */
  public Optional<OkHttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** The client token requests go through. */
  OkHttpClient client() {
    return httpClient != null ? httpClient : HttpClients.forSettings(clientSettings);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoogleAuthOptions other
        && scopes.equals(other.scopes)
        && clientSettings.equals(other.clientSettings)
        && httpClient == other.httpClient;
  }

  @Override
  public int hashCode() {
    return Objects.hash(scopes, clientSettings, System.identityHashCode(httpClient));
  }

  @Override
  public String toString() {
    return "GoogleAuthOptions{scopes=" + scopes + ", httpClient="
        + (httpClient == null ? "shared" : "caller-supplied") + ", " + clientSettings + "}";
  }

  /** Builds {@link GoogleAuthOptions}. */
  public static final class Builder {
    private List<String> scopes = List.of(GoogleAuth.CLOUD_PLATFORM_SCOPE);
    private ClientSettings clientSettings = ClientSettings.defaults();
    private OkHttpClient httpClient;

    private Builder() {}

    /** The OAuth scopes; blank entries are dropped and an empty list means the cloud-platform scope. */
    public Builder scopes(List<String> scopes) {
      this.scopes = scopes == null ? List.of() : new ArrayList<>(scopes);
      return this;
    }

    /** Like {@link #scopes(List)}. */
    public Builder scopes(String... scopes) {
      return scopes(scopes == null ? List.of() : Arrays.asList(scopes));
    }

    /** The settings of the shared client token requests use (default {@link ClientSettings#defaults()}). */
    public Builder clientSettings(ClientSettings clientSettings) {
      this.clientSettings = clientSettings;
      return this;
    }

    /** A client for token requests instead of the shared one; {@code null} for the shared one. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * The options.
     *
     * @throws AuthException if a scope is {@code null} or the client settings are missing
     */
    public GoogleAuthOptions build() {
      return new GoogleAuthOptions(this);
    }
  }
}
