package dev.llmrouter.providers.databricks;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.AuthType;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.HeaderSink;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.http.HttpClients;
import dev.llmrouter.providers.http.HttpExecutor;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * The Databricks provider: Chat Completions requests go to the model serving endpoint
 * {@code <api_base>/serving-endpoints/<model>/invocations}, streaming or not (streams are server-sent
 * events). The newer AI-gateway URLs are not supported, as in the Rust router. Thread-safe.
 *
 * <p>Headers: the client's JSON headers, then the auth: a personal access token
 * ({@link AuthConfig#bearer(String)}), or a service principal's OAuth token through
 * {@code AuthConfig.tokens(DatabricksTokens.servicePrincipal(...))}, which is refreshed before it expires and
 * once more when the serving endpoint answers 401. Accepted auth kinds: {@code api_key}, {@code o_auth},
 * {@code azure_entra} (Microsoft Entra tokens for Azure Databricks), {@code custom} and
 * {@code refreshing_token}.
 */
public final class DatabricksProvider implements Provider {
  /** The provider id. */
  public static final String ID = "databricks";

  private static final List<ProviderFormat> FORMATS = List.of(ProviderFormat.OPENAI);
  private static final Set<AuthType> ACCEPTED_AUTH =
      EnumSet.of(
          AuthType.API_KEY, AuthType.OAUTH, AuthType.AZURE_ENTRA, AuthType.CUSTOM, AuthType.REFRESHING_TOKEN);

  private final DatabricksConfig config;
  private final HttpExecutor http;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public DatabricksProvider(DatabricksConfig config) {
    if (config == null) {
      throw new InvalidRequestException("DatabricksProvider needs a config");
    }
    this.config = config;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
  }

  /** The configuration. */
  public DatabricksConfig config() {
    return config;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<ProviderFormat> formats() {
    return FORMATS;
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    HttpUrl url = url(request.format(), request.spec().model());
    return http.post(url, headers(request), request.payload(), request.cancellation(), request.auth());
  }

  /** Streams server-sent events from the same URL as {@link #complete} (the payload already asks for a stream). */
  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    HttpUrl url = url(request.format(), request.spec().model());
    return http.postSse(url, headers(request), request.payload(), request.cancellation(), request.auth());
  }

  /**
   * The serving URL for {@code model}: {@code api_base} (one trailing slash dropped) plus
   * {@code serving-endpoints}, the model as one percent-encoded path segment, and {@code invocations}.
   *
   * @throws InvalidRequestException if the model is empty
   */
  public URI servingUrl(String model) {
    return servingHttpUrl(model).uri();
  }

  private HttpUrl url(ProviderFormat format, String model) {
    if (format != ProviderFormat.OPENAI) {
      throw new InvalidRequestException(
          "provider '" + ID + "' does not serve format '" + (format == null ? "null" : format.id())
              + "'; it serves " + FORMATS.stream().map(ProviderFormat::id).collect(Collectors.joining(", ")));
    }
    return servingHttpUrl(model);
  }

  private HttpUrl servingHttpUrl(String model) {
    if (model == null || model.isEmpty()) {
      throw new InvalidRequestException(
          "provider '" + ID + "' needs a model: it names the serving endpoint in the URL");
    }
    return UrlPaths.pushSegments(config.apiBaseUrl(), "serving-endpoints", model, "invocations");
  }

  private Consumer<HeaderSink> headers(ProviderRequest request) {
    AuthConfig auth = request.auth();
    if (!ACCEPTED_AUTH.contains(auth.type())) {
      throw new AuthException(
          "provider '" + ID + "' does not accept auth of kind '" + auth.type().id() + "'; it accepts "
              + ACCEPTED_AUTH.stream().map(AuthType::id).collect(Collectors.joining(", ")));
    }
    return sink -> {
      request.clientHeaders().applyJsonTo(sink);
      auth.applyTo(sink);
    };
  }

  @Override
  public String toString() {
    return "DatabricksProvider{" + config + "}";
  }
}
