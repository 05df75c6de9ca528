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
import dev.llmrouter.translate.PayloadEdits;
import dev.llmrouter.translate.RequestShape;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * The Azure OpenAI provider: Chat Completions through a deployment
 * ({@code <endpoint>/openai/deployments/<deployment>/chat/completions?api-version=…}), the v1 Responses
 * API ({@code <endpoint>/openai/v1/responses}, with the body's {@code model} set to the deployment), and
 * Anthropic models hosted on Azure ({@code <endpoint>/anthropic/v1/messages}). Thread-safe.
 *
 * <p>The deployment is the configured one, or else the model id with {@code gpt-3.5} written
 * {@code gpt-35} (Azure does not allow dots in deployment names).
 *
 * <p>Headers are written in this order, later ones replacing earlier ones of the same name: the client's
 * JSON headers, {@code anthropic-version: 2023-06-01} for Anthropic requests, then the auth, so
 * credentials always win. An API key normally goes in its configured header (usually {@code api-key}
 * without prefix); Anthropic requests instead carry it as {@code Authorization: Bearer <key>}, which is
 * what Azure's Anthropic endpoint accepts. Accepted auth kinds: {@code api_key}, {@code o_auth},
 * {@code azure_entra}, {@code custom} and {@code refreshing_token} (for example
 * {@link dev.llmrouter.providers.auth.azure.AzureEntraAuth}); a rejected refreshing token is renewed and
 * the request sent once more.
 */
public final class AzureProvider implements Provider {
  /** The provider id (the router special-cases it for Anthropic models). */
  public static final String ID = "azure";

  /** The {@code anthropic-version} sent with Anthropic requests. */
  public static final String ANTHROPIC_VERSION = "2023-06-01";

  private static final List<ProviderFormat> FORMATS = List.of(ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
  private static final List<ProviderFormat> SERVED =
      List.of(ProviderFormat.OPENAI, ProviderFormat.RESPONSES, ProviderFormat.ANTHROPIC);

  private final AzureConfig config;
  private final HttpExecutor http;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public AzureProvider(AzureConfig config) {
    if (config == null) {
      throw new InvalidRequestException("AzureProvider needs a config");
    }
    this.config = config;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
  }

  /** The configuration. */
  public AzureConfig config() {
    return config;
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * Chat Completions and Responses. The router also sends Anthropic requests here for Anthropic models
   * the catalog lists under {@code azure}.
   */
  @Override
  public List<ProviderFormat> formats() {
    return FORMATS;
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    Prepared p = prepare(request);
    return http.post(p.url, p.headers, p.body, request.cancellation(), request.auth());
  }

  /**
   * Streams over SSE from the same URL as {@link #complete} (the payload already asks for a stream). Models
   * the catalog marks as not streaming never get here: the router fake-streams them through
   * {@link #complete}.
   */
  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    Prepared p = prepare(request);
    return http.postSse(p.url, p.headers, p.body, request.cancellation(), request.auth());
  }

  /**
   * The URL a request in {@code format} for {@code model} goes to.
   *
   * @throws InvalidRequestException if the format is not served, or a Chat Completions URL needs a
   *     deployment and there is neither a configured one nor a model id
   */
  public URI requestUrl(ProviderFormat format, String model) {
    return url(format, model).uri();
  }

  /**
   * The deployment a request for {@code model} goes to: the configured one, else the model id with
   * {@code gpt-3.5} written {@code gpt-35}.
   *
   * @throws InvalidRequestException when there is no configured deployment and the model is empty
   */
  public String deploymentFor(String model) {
    if (config.deployment().isPresent()) {
      return config.deployment().get();
    }
    if (model != null && !model.isEmpty()) {
      return normalizeDeployment(model);
    }
    throw new InvalidRequestException(
        "Azure provider requires a deployment name: configure one, or give the model spec a model id");
  }

  /** {@code gpt-3.5…} becomes {@code gpt-35…}; other names are unchanged. */
  static String normalizeDeployment(String model) {
    return model.contains("gpt-3.5") ? model.replace("gpt-3.5", "gpt-35") : model;
  }

  HttpUrl url(ProviderFormat format, String model) {
    if (format == ProviderFormat.OPENAI) {
      return chatUrl(model);
    }
    if (format == ProviderFormat.RESPONSES) {
      return UrlPaths.pushSegments(config.endpointUrl(), "openai", "v1", "responses");
    }
    if (format == ProviderFormat.ANTHROPIC) {
      return UrlPaths.join(config.endpointUrl(), "anthropic/v1/messages");
    }
    throw AzureSupport.unservedFormat(ID, format, SERVED);
  }

  private HttpUrl chatUrl(String model) {
    HttpUrl url =
        config.noNamedDeployment()
            ? UrlPaths.pushSegments(config.endpointUrl(), "openai", "chat", "completions")
            : UrlPaths.pushSegments(
                config.endpointUrl(), "openai", "deployments", deploymentFor(model), "chat", "completions");
    if (!url.queryParameterNames().contains("api-version")) {
      url = url.newBuilder().addQueryParameter("api-version", config.apiVersion()).build();
    }
    return url;
  }

  /**
   * The body sent for {@code format}: for Responses, {@code payload} with its top-level {@code model} set
   * to the deployment (a byte splice; every other byte is kept, and the payload itself is returned when
   * the model already matches); other formats pass through unchanged.
   *
   * @throws InvalidRequestException if a Responses payload is not a JSON object
   */
  byte[] preparePayload(byte[] payload, String model, ProviderFormat format) {
    if (format != ProviderFormat.RESPONSES) {
      return payload;
    }
    RequestShape shape;
    try {
      shape = RequestShape.scan(payload);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException("Azure Responses payload must be a JSON object: " + e.getMessage(), e);
    }
    return PayloadEdits.apply(shape, ProviderFormat.RESPONSES, Optional.of(deploymentFor(model)), false);
  }

  /** The request headers for {@code format}; auth is written last. */
  Consumer<HeaderSink> headers(ProviderRequest request) {
    AuthConfig auth = request.auth();
    AzureSupport.checkAuth(ID, auth);
    ProviderFormat format = request.format();
    return sink -> {
      request.clientHeaders().applyJsonTo(sink);
      if (format == ProviderFormat.ANTHROPIC) {
        sink.set("anthropic-version", ANTHROPIC_VERSION);
        if (auth instanceof AuthConfig.ApiKey) {
          // Azure's Anthropic endpoint wants the key as a bearer token, not in the configured header.
          AuthConfig.bearer(((AuthConfig.ApiKey) auth).key()).applyTo(sink);
          return;
        }
      }
      auth.applyTo(sink);
    };
  }

  private Prepared prepare(ProviderRequest request) {
    String model = request.spec().model();
    HttpUrl url = url(request.format(), model);
    Consumer<HeaderSink> headers = headers(request);
    byte[] body = preparePayload(request.payload(), model, request.format());
    return new Prepared(url, headers, body);
  }

  @Override
  public String toString() {
    return "AzureProvider{" + config + "}";
  }

  /** What one request sends. */
  private static final class Prepared {
    final HttpUrl url;
    final Consumer<HeaderSink> headers;
    final byte[] body;

    Prepared(HttpUrl url, Consumer<HeaderSink> headers, byte[] body) {
      this.url = url;
      this.headers = headers;
      this.body = body;
    }
  }
}
