package dev.llmrouter.providers.anthropic;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Anthropic provider: Messages requests go to {@code <endpoint> join "messages"}, Chat Completions
 * requests to Anthropic's OpenAI-compatible endpoint {@code <endpoint> join "chat/completions"}, streaming
 * or not (streams are server-sent events). Thread-safe.
 *
 * <p>Messages headers, later ones replacing earlier ones of the same name: the client's JSON headers,
 * {@code anthropic-version} (always the configured version), {@code anthropic-beta:
 * structured-outputs-2025-11-13} only when the client headers carry no {@code anthropic-beta}, then the
 * auth (typically an API key in {@code x-api-key} without prefix). Accepted auth kinds: {@code api_key},
 * {@code o_auth}, {@code azure_entra}, {@code custom} and {@code refreshing_token}.
 *
 * <p>Chat Completions headers: the client's JSON headers, then {@code Authorization: Bearer <key>} from an
 * {@code api_key} auth whatever header the key is configured for; no version or beta header. Any other auth
 * kind is an {@link AuthException}.
 */
public final class AnthropicProvider implements Provider {
  /** The provider id. */
  public static final String ID = "anthropic";

  /** The header carrying the API version. */
  public static final String VERSION_HEADER = "anthropic-version";

  /** The header carrying beta feature flags. */
  public static final String BETA_HEADER = "anthropic-beta";

  /** The beta flag sent when the client sent none. */
  public static final String STRUCTURED_OUTPUTS_BETA = "structured-outputs-2025-11-13";

  private static final Logger LOG = LoggerFactory.getLogger(AnthropicProvider.class);
  private static final List<ProviderFormat> FORMATS =
      List.of(ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI);
  private static final Set<AuthType> ACCEPTED_AUTH =
      EnumSet.of(
          AuthType.API_KEY, AuthType.OAUTH, AuthType.AZURE_ENTRA, AuthType.CUSTOM, AuthType.REFRESHING_TOKEN);

  private final AnthropicConfig config;
  private final HttpExecutor http;
  private final HttpUrl messagesUrl;
  private final HttpUrl chatCompletionsUrl;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public AnthropicProvider(AnthropicConfig config) {
    if (config == null) {
      throw new InvalidRequestException("AnthropicProvider needs a config");
    }
    this.config = config;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
    HttpUrl endpoint = config.endpointUrl();
    this.messagesUrl = UrlPaths.join(endpoint, "messages");
    this.chatCompletionsUrl = UrlPaths.join(endpoint, "chat/completions");
    if (!endpoint.encodedPath().endsWith("/")) {
      LOG.warn(
          "anthropic endpoint {} has no trailing slash: its last path segment is replaced, so Messages "
              + "requests go to {}",
          UrlPaths.redact(endpoint),
          UrlPaths.redact(messagesUrl));
    }
  }

  /** A provider with the default configuration. */
  public static AnthropicProvider withDefaults() {
    return new AnthropicProvider(AnthropicConfig.defaults());
  }

  /** The configuration. */
  public AnthropicConfig config() {
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

  /** Streams server-sent events from the same URL as {@link #complete} (the payload already asks for a stream). */
  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    HttpUrl url = url(request.format());
    return http.postSse(url, headers(request), request.payload(), request.cancellation(), request.auth());
  }

  /**
   * The URL a request in {@code format} goes to: the endpoint joined with {@code messages} for
   * {@link ProviderFormat#ANTHROPIC}, with {@code chat/completions} for {@link ProviderFormat#OPENAI}.
   *
   * @throws InvalidRequestException if the format is not served
   */
  public URI requestUrl(ProviderFormat format) {
    return url(format).uri();
  }

  private HttpUrl url(ProviderFormat format) {
    if (format == ProviderFormat.ANTHROPIC) {
      return messagesUrl;
    }
    if (format == ProviderFormat.OPENAI) {
      return chatCompletionsUrl;
    }
    throw new InvalidRequestException(
        "provider '" + ID + "' does not serve format '" + (format == null ? "null" : format.id())
            + "'; it serves " + FORMATS.stream().map(ProviderFormat::id).collect(Collectors.joining(", ")));
  }

  private Consumer<HeaderSink> headers(ProviderRequest request) {
    AuthConfig auth = request.auth();
    if (request.format() == ProviderFormat.OPENAI) {
      if (!(auth instanceof AuthConfig.ApiKey)) {
        throw new AuthException(
            "Anthropic /chat/completions requires an API key (auth of kind '" + AuthType.API_KEY.id()
                + "'), got auth of kind '" + auth.type().id() + "'");
      }
      String bearer = "Bearer " + ((AuthConfig.ApiKey) auth).key();
      return sink -> {
        request.clientHeaders().applyJsonTo(sink);
        sink.set("authorization", bearer);
      };
    }
    if (!ACCEPTED_AUTH.contains(auth.type())) {
      throw new AuthException(
          "provider '" + ID + "' does not accept auth of kind '" + auth.type().id() + "'; it accepts "
              + ACCEPTED_AUTH.stream().map(AuthType::id).collect(Collectors.joining(", ")));
    }
    String version = config.version();
    return sink -> {
      // State per invocation: the executor writes the headers again when it retries after a 401.
      boolean[] clientBeta = {false};
      request
          .clientHeaders()
          .applyJsonTo(
              (name, value) -> {
                if (BETA_HEADER.equalsIgnoreCase(name)) {
                  clientBeta[0] = true;
                }
                sink.set(name, value);
              });
      sink.set(VERSION_HEADER, version);
      if (!clientBeta[0]) {
        sink.set(BETA_HEADER, STRUCTURED_OUTPUTS_BETA);
      }
      auth.applyTo(sink);
    };
  }

  @Override
  public String toString() {
    return "AnthropicProvider{" + config + "}";
  }
}
