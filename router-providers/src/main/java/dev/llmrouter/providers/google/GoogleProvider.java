package dev.llmrouter.providers.google;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.AuthType;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.HeaderSink;
import dev.llmrouter.http.HeaderSyntax;
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
 * The Google AI Studio (Gemini API) provider. Thread-safe.
 *
 * <ul>
 *   <li>Format {@code google} (native): {@code <endpoint>models/<model>:generateContent}, or
 *       {@code :streamGenerateContent?alt=sse} for {@link #completeStream}. The model path is the model id
 *       when it already starts with {@code models/}. Streaming is chosen by the URL, never by the body.
 *   <li>Format {@code openai} (Gemini's OpenAI-compatible endpoint): {@code <endpoint>/openai/chat/completions}
 *       ({@code openai} is not added twice when the endpoint already ends with it), the same URL for
 *       streaming (the payload carries {@code "stream": true}).
 * </ul>
 *
 * <p>Headers: the client's JSON headers, then the auth. An {@code api_key} is sent in its configured header
 * (typically {@code x-goog-api-key}, no prefix) on the native endpoint, and as
 * {@code Authorization: Bearer <key>} on the OpenAI-compatible one, which ignores other headers. Accepted
 * auth kinds: {@code api_key}, {@code o_auth}, {@code refreshing_token} (for example
 * {@link dev.llmrouter.providers.auth.google.GoogleAuth}) and {@code custom}.
 *
 * <p>As in the Rust router, this provider is never picked as the backup default for Chat Completions
 * ({@link #isBackupDefaultFor}): a router with OpenAI-format models and no OpenAI provider must not send
 * them to Gemini.
 */
public final class GoogleProvider implements Provider {
  /** The provider id (the router special-cases it). */
  public static final String ID = "google";

  private static final List<ProviderFormat> FORMATS = List.of(ProviderFormat.GOOGLE, ProviderFormat.OPENAI);
  private static final Set<AuthType> ACCEPTED_AUTH =
      EnumSet.of(AuthType.API_KEY, AuthType.OAUTH, AuthType.CUSTOM, AuthType.REFRESHING_TOKEN);
  private static final String MODELS_PREFIX = "models/";

  private final GoogleConfig config;
  private final HttpExecutor http;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public GoogleProvider(GoogleConfig config) {
    if (config == null) {
      throw new InvalidRequestException("GoogleProvider needs a config");
    }
    this.config = config;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
  }

  /** A provider with the default configuration. */
  public GoogleProvider() {
    this(GoogleConfig.defaults());
  }

  /** The configuration. */
  public GoogleConfig config() {
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

  /** Only {@code google}: the OpenAI-compatible endpoint is never a backup default (Rust's special case). */
  @Override
  public boolean isBackupDefaultFor(ProviderFormat format) {
    return format == ProviderFormat.GOOGLE;
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    Consumer<HeaderSink> headers = headers(request);
    HttpUrl url = url(request.format(), request.spec().model(), false);
    return http.post(url, headers, request.payload(), request.cancellation(), request.auth());
  }

  /**
   * Streams over SSE: the native format from {@code :streamGenerateContent?alt=sse}, the OpenAI-compatible
   * format from the chat URL. Models the catalog marks as not streaming never get here: the router
   * fake-streams them through {@link #complete}.
   */
  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    Consumer<HeaderSink> headers = headers(request);
    HttpUrl url = url(request.format(), request.spec().model(), true);
    return http.postSse(url, headers, request.payload(), request.cancellation(), request.auth());
  }

  /**
   * The URL a request in {@code format} for {@code model} goes to.
   *
   * @param stream whether it is the streaming call (only changes the native URL)
   * @throws InvalidRequestException if the format is not served, the model is empty (native format) or the
   *     URL is invalid
   */
  public URI requestUrl(ProviderFormat format, String model, boolean stream) {
    return url(format, model, stream).uri();
  }

  HttpUrl url(ProviderFormat format, String model, boolean stream) {
    if (format == ProviderFormat.OPENAI) {
      return chatCompletionsUrl();
    }
    if (format == ProviderFormat.GOOGLE) {
      return generateUrl(model, stream);
    }
    throw new InvalidRequestException(
        "provider '" + ID + "' does not serve format '" + (format == null ? "null" : format.id())
            + "'; it serves " + FORMATS.stream().map(ProviderFormat::id).collect(Collectors.joining(", ")));
  }

  private HttpUrl chatCompletionsUrl() {
    HttpUrl endpoint = config.endpointUrl();
    List<String> segments = endpoint.pathSegments();
    String lastNonEmpty = "";
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (!segments.get(i).isEmpty()) {
        lastNonEmpty = segments.get(i);
        break;
      }
    }
    return "openai".equals(lastNonEmpty)
        ? UrlPaths.pushSegments(endpoint, "chat", "completions")
        : UrlPaths.pushSegments(endpoint, "openai", "chat", "completions");
  }

  private HttpUrl generateUrl(String model, boolean stream) {
    if (model == null || model.isEmpty()) {
      throw new InvalidRequestException("provider '" + ID + "': the model id is empty");
    }
    String path = model.startsWith(MODELS_PREFIX) ? model : MODELS_PREFIX + model;
    StringBuilder relative = new StringBuilder(path.length() + 32);
    String[] parts = path.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new InvalidRequestException(
            "provider '" + ID + "': model '" + model + "' does not make a valid model path");
      }
      if (i > 0) {
        relative.append('/');
      }
      relative.append(UrlPaths.encodeSegment(part));
    }
    relative.append(stream ? ":streamGenerateContent" : ":generateContent");
    HttpUrl url = UrlPaths.join(config.endpointUrl(), relative.toString());
    return stream ? url.newBuilder().addQueryParameter("alt", "sse").build() : url;
  }

  /**
   * Checks the auth kind, then returns the header writer: client JSON headers, then the auth, rewritten to
   * {@code Authorization: Bearer <key>} for an API key on the OpenAI-compatible endpoint.
   */
  private static Consumer<HeaderSink> headers(ProviderRequest request) {
    AuthConfig auth = request.auth();
    if (!ACCEPTED_AUTH.contains(auth.type())) {
      throw new AuthException(
          "provider '" + ID + "' does not accept auth of kind '" + auth.type().id() + "'; it accepts "
              + ACCEPTED_AUTH.stream().map(AuthType::id).collect(Collectors.joining(", ")));
    }
    return sink -> {
      request.clientHeaders().applyJsonTo(sink);
      applyAuth(auth, request.format(), sink);
    };
  }

  /** Writes the auth headers for a request in {@code format} (Rust's {@code apply_auth_headers}). */
  static void applyAuth(AuthConfig auth, ProviderFormat format, HeaderSink sink) {
    if (format == ProviderFormat.OPENAI && auth instanceof AuthConfig.ApiKey) {
      String value = "Bearer " + ((AuthConfig.ApiKey) auth).key();
      if (!HeaderSyntax.isValidValue(value)) {
        throw new AuthException("provider '" + ID + "': the API key is not a valid header value");
      }
      sink.set("authorization", value);
      return;
    }
    auth.applyTo(sink);
  }

  @Override
  public String toString() {
    return "GoogleProvider{" + config + "}";
  }
}
