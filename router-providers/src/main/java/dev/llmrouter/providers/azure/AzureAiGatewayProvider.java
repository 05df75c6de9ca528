package dev.llmrouter.providers.azure;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.HeaderSink;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.http.HttpClients;
import dev.llmrouter.providers.http.HttpExecutor;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * The Azure AI Gateway provider (API Management in front of Azure AI models): Chat Completions to
 * {@code <endpoint>/openai/v1/chat/completions}, Responses to {@code <endpoint>/openai/v1/responses} and
 * Anthropic Messages to {@code <endpoint>/anthropic/v1/messages}; payloads are sent as prepared.
 * The router always sends the catalog's format to this provider. Thread-safe.
 *
 * <p>Headers are written in this order, later ones replacing earlier ones of the same name: the client's
 * JSON headers, {@code anthropic-version: 2023-06-01} for Anthropic requests, then the auth as
 * configured (for example an API key in {@code api-key}, kept for Anthropic requests too). Accepted auth
 * kinds: {@code api_key}, {@code o_auth}, {@code azure_entra}, {@code custom} and
 * {@code refreshing_token}.
 */
public final class AzureAiGatewayProvider implements Provider {
  /** The provider id (the router special-cases it: the catalog format is always used). */
  public static final String ID = "azure_ai_gateway";

  private static final List<ProviderFormat> FORMATS =
      List.of(ProviderFormat.OPENAI, ProviderFormat.RESPONSES, ProviderFormat.ANTHROPIC);

  private final AzureAiGatewayConfig config;
  private final HttpExecutor http;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public AzureAiGatewayProvider(AzureAiGatewayConfig config) {
    if (config == null) {
      throw new InvalidRequestException("AzureAiGatewayProvider needs a config");
    }
    this.config = config;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
  }

  /** The configuration. */
  public AzureAiGatewayConfig config() {
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
    HttpUrl url = url(request.format());
    return http.post(url, headers(request), request.payload(), request.cancellation(), request.auth());
  }

  /** Streams over SSE from the same URL as {@link #complete} (the payload already asks for a stream). */
  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    HttpUrl url = url(request.format());
    return http.postSse(url, headers(request), request.payload(), request.cancellation(), request.auth());
  }

  /**
   * The URL a request in {@code format} goes to.
   *
   * @throws InvalidRequestException if the format is not served
   */
  public URI requestUrl(ProviderFormat format) {
    return url(format).uri();
  }

  HttpUrl url(ProviderFormat format) {
    if (format == ProviderFormat.OPENAI) {
      return UrlPaths.pushSegments(config.endpointUrl(), "openai", "v1", "chat", "completions");
    }
    if (format == ProviderFormat.RESPONSES) {
      return UrlPaths.pushSegments(config.endpointUrl(), "openai", "v1", "responses");
    }
    if (format == ProviderFormat.ANTHROPIC) {
      return UrlPaths.pushSegments(config.endpointUrl(), "anthropic", "v1", "messages");
    }
    throw AzureSupport.unservedFormat(ID, format, FORMATS);
  }

  /** The request headers; auth is written last. */
  Consumer<HeaderSink> headers(ProviderRequest request) {
    AuthConfig auth = request.auth();
    AzureSupport.checkAuth(ID, auth);
    boolean anthropic = request.format() == ProviderFormat.ANTHROPIC;
    return sink -> {
      request.clientHeaders().applyJsonTo(sink);
      if (anthropic) {
        sink.set("anthropic-version", AzureProvider.ANTHROPIC_VERSION);
      }
      auth.applyTo(sink);
    };
  }

  @Override
  public String toString() {
    return "AzureAiGatewayProvider{" + config + "}";
  }
}
