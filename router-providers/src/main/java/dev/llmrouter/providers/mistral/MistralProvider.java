package dev.llmrouter.providers.mistral;

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
 * The Mistral provider: every request, in the Mistral or the Chat Completions format, goes to
 * {@code <endpoint>/chat/completions}, streaming or not (streams are server-sent events). Headers: the
 * client's JSON headers, then the auth (typically {@code Authorization: Bearer <key>}). Accepted auth kinds:
 * {@code api_key}, {@code o_auth}, {@code azure_entra}, {@code custom} and {@code refreshing_token}.
 * Thread-safe.
 */
public final class MistralProvider implements Provider {
  /** The provider id. */
  public static final String ID = "mistral";

  private static final List<ProviderFormat> FORMATS =
      List.of(ProviderFormat.MISTRAL, ProviderFormat.OPENAI);
  private static final Set<AuthType> ACCEPTED_AUTH =
      EnumSet.of(
          AuthType.API_KEY, AuthType.OAUTH, AuthType.AZURE_ENTRA, AuthType.CUSTOM, AuthType.REFRESHING_TOKEN);

  private final MistralConfig config;
  private final HttpExecutor http;
  private final HttpUrl chatUrl;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public MistralProvider(MistralConfig config) {
    if (config == null) {
      throw new InvalidRequestException("MistralProvider needs a config");
    }
    this.config = config;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
    this.chatUrl = UrlPaths.pushSegments(config.endpointUrl(), "chat", "completions");
  }

  /** A provider with the default configuration. */
  public static MistralProvider withDefaults() {
    return new MistralProvider(MistralConfig.defaults());
  }

  /** The configuration. */
  public MistralConfig config() {
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
   * The URL a request in {@code format} goes to: {@code <endpoint>/chat/completions} for both served
   * formats.
   *
   * @throws InvalidRequestException if the format is not served
   */
  public URI requestUrl(ProviderFormat format) {
    return url(format).uri();
  }

  private HttpUrl url(ProviderFormat format) {
    if (format == ProviderFormat.MISTRAL || format == ProviderFormat.OPENAI) {
      return chatUrl;
    }
    throw new InvalidRequestException(
        "provider '" + ID + "' does not serve format '" + (format == null ? "null" : format.id())
            + "'; it serves " + FORMATS.stream().map(ProviderFormat::id).collect(Collectors.joining(", ")));
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
    return "MistralProvider{" + config + "}";
  }
}
