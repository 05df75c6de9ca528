package dev.llmrouter.providers.openai;

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
 * The OpenAI provider, also used for every OpenAI-compatible vendor (Groq, Together, xAI, ...): sends Chat
 * Completions requests to {@code <base>/chat/completions} and Responses requests to {@code <base>/responses},
 * streaming or not. Thread-safe.
 *
 * <p>Headers are written in this order, later ones replacing earlier ones of the same name: the client's
 * JSON headers, {@code OpenAI-Organization} and {@code OpenAI-Project} when configured, then the auth, so
 * credentials always win. Accepted auth kinds: {@code api_key}, {@code o_auth}, {@code azure_entra} and
 * {@code custom}.
 */
public final class OpenAIProvider implements Provider {
  /** The provider id, the same for every compatible vendor (the router special-cases it). */
  public static final String ID = "openai";

  private static final List<ProviderFormat> FORMATS =
      List.of(ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
  private static final Set<AuthType> ACCEPTED_AUTH =
      EnumSet.of(
          AuthType.API_KEY, AuthType.OAUTH, AuthType.AZURE_ENTRA, AuthType.CUSTOM, AuthType.REFRESHING_TOKEN);

  private final OpenAIConfig config;
  private final HttpExecutor http;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public OpenAIProvider(OpenAIConfig config) {
    if (config == null) {
      throw new InvalidRequestException("OpenAIProvider needs a config");
    }
    this.config = config;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
  }

  /** The configuration. */
  public OpenAIConfig config() {
    return config;
  }

  @Override
  public String id() {
    return ID;
  }

  /** Compares with the configured provider alias: {@code openai}, or the compatible vendor's kind. */
  @Override
  public boolean matchesProviderAlias(String alias) {
    return config.providerAlias().equals(alias);
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

  /**
   * Streams over SSE from the same URL as {@link #complete} (the payload already asks for a stream). Models
   * the catalog marks as not streaming never get here: the router fake-streams them through
   * {@link #complete}.
   */
  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    HttpUrl url = url(request.format(), request.spec().model());
    return http.postSse(url, headers(request), request.payload(), request.cancellation(), request.auth());
  }

  /**
   * The URL a request in {@code format} for {@code model} goes to: the base (the endpoint template with
   * {@code <model>} replaced by the model, or {@code default} when the model is empty; else the endpoint),
   * plus {@code chat/completions} or {@code responses}, plus {@code api-version} when configured.
   *
   * @throws InvalidRequestException if the format is not served or the URL is invalid
   */
  public URI requestUrl(ProviderFormat format, String model) {
    return url(format, model).uri();
  }

  HttpUrl url(ProviderFormat format, String model) {
    HttpUrl base = baseUrl(model);
    HttpUrl url;
    if (format == ProviderFormat.OPENAI) {
      url = UrlPaths.pushSegments(base, "chat", "completions");
    } else if (format == ProviderFormat.RESPONSES) {
      url = UrlPaths.pushSegments(base, "responses");
    } else {
      throw new InvalidRequestException(
          "provider '" + ID + "' (alias '" + config.providerAlias() + "') does not serve format '"
              + (format == null ? "null" : format.id()) + "'; it serves "
              + FORMATS.stream().map(ProviderFormat::id).collect(Collectors.joining(", ")));
    }
    if (config.apiVersion().isPresent()) {
      url = url.newBuilder().addQueryParameter("api-version", config.apiVersion().get()).build();
    }
    return url;
  }

  private HttpUrl baseUrl(String model) {
    if (config.endpointTemplate().isEmpty()) {
      return config.endpointUrl();
    }
    String effectiveModel = model == null || model.isEmpty() ? OpenAIConfig.DEFAULT_MODEL : model;
    String template = config.endpointTemplate().get();
    return UrlPaths.parse(
        template.replace(OpenAIConfig.MODEL_PLACEHOLDER, effectiveModel),
        "openai endpoint template filled with model '" + effectiveModel + "'");
  }

  private Consumer<HeaderSink> headers(ProviderRequest request) {
    AuthConfig auth = request.auth();
    if (!ACCEPTED_AUTH.contains(auth.type())) {
      throw new AuthException(
          "provider '" + ID + "' (alias '" + config.providerAlias() + "') does not accept auth of kind '"
              + auth.type().id() + "'; it accepts "
              + ACCEPTED_AUTH.stream().map(AuthType::id).collect(Collectors.joining(", ")));
    }
    return sink -> {
      request.clientHeaders().applyJsonTo(sink);
      config.organization().ifPresent(org -> sink.set("OpenAI-Organization", org));
      config.project().ifPresent(project -> sink.set("OpenAI-Project", project));
      auth.applyTo(sink);
    };
  }

  @Override
  public String toString() {
    return "OpenAIProvider{alias=" + config.providerAlias() + ", config=" + config + "}";
  }
}
