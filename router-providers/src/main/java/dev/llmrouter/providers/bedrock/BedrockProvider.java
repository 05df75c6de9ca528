package dev.llmrouter.providers.bedrock;

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
import dev.llmrouter.providers.http.StreamingResponse;
import dev.llmrouter.providers.http.UrlPaths;
import dev.llmrouter.stream.eventstream.EventStreamRawStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * AWS Bedrock: Converse ({@code model/<id>/converse}, {@code converse-stream}), Anthropic models through
 * InvokeModel ({@code model/<id>/invoke}, {@code invoke-with-response-stream}), and the OpenAI-compatible
 * Chat Completions and Responses APIs, either on the runtime host ({@code /openai/v1/...}) or on the
 * {@code bedrock-mantle.<region>.api.aws} host for the models and APIs only served there. Thread-safe.
 *
 * <p>Model ids are percent-encoded as one path segment the way AWS's {@code extendedEncodeURIComponent}
 * does: every byte outside {@code A-Z a-z 0-9 - _ . ~} is encoded, so the {@code :} of {@code ...-v1:0}
 * becomes {@code %3A} and the {@code /} of an application-inference-profile ARN {@code %2F}.
 *
 * <p>Streaming: Converse and Bedrock Anthropic answer with the AWS binary event stream (decoded by
 * {@link EventStreamRawStream}; an exception frame ends the stream with a typed error), Chat Completions
 * and Responses with server-sent events.
 *
 * <p>Auth: {@code aws_signature_v4} (static keys with an optional session token, or the AWS default
 * credentials chain) is SigV4-signed over the exact bytes sent; the signing name is the credentials' own
 * service, else {@code bedrock-mantle} for calls to the mantle host, else {@link BedrockConfig#service()}.
 * {@code api_key} (Bedrock API keys) is applied as configured, usually {@code authorization: Bearer <key>}.
 * Other kinds fail with an {@link AuthException}.
 * Headers are written in this order, later writes of a name replacing earlier ones: the client's JSON
 * headers, {@code content-type: application/json} (forced: it is signed), {@code accept} for event
 * streams, then the credentials. With SigV4, forwarded client headers that the signer itself produces
 * ({@code x-amz-date}, {@code x-amz-security-token}, {@code x-amz-content-sha256}) are not forwarded, so an
 * unsigned stray value can never accompany a signature. The signature is computed each time the headers are
 * written, so a re-sent request carries a fresh date.
 */
public final class BedrockProvider implements Provider {
  /** The provider id (the router special-cases it). */
  public static final String ID = "bedrock";

  /** The {@code accept} value sent for the event-stream operations. */
  static final String EVENT_STREAM_MEDIA_TYPE = "application/vnd.amazon.eventstream";

  private static final List<ProviderFormat> FORMATS =
      List.of(ProviderFormat.CONVERSE, ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.RESPONSES);
  /** Every format a request may be sent in: the advertised ones plus Chat Completions for openai models. */
  private static final List<ProviderFormat> SERVED =
      List.of(ProviderFormat.CONVERSE, ProviderFormat.BEDROCK_ANTHROPIC, ProviderFormat.RESPONSES,
          ProviderFormat.OPENAI);
  private static final Set<AuthType> ACCEPTED_AUTH = EnumSet.of(AuthType.AWS_SIGNATURE_V4, AuthType.API_KEY);
  /** Headers the SigV4 signer writes; client copies are dropped so only signed values are sent. */
  private static final Set<String> SIGNER_HEADERS =
      Set.of("x-amz-date", "x-amz-security-token", "x-amz-content-sha256");

  private static final String RUNTIME_HOST_PREFIX = "bedrock-runtime.";
  private static final String AWS_HOST_SUFFIX = ".amazonaws.com";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final BedrockConfig config;
  private final HttpExecutor http;
  private final SigV4Signing signing;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public BedrockProvider(BedrockConfig config) {
    if (config == null) {
      throw new InvalidRequestException("BedrockProvider needs a config");
    }
    this.config = config;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
    this.signing = new SigV4Signing(config.service(), config.signingClock());
  }

  /** The configuration. */
  public BedrockConfig config() {
    return config;
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * Converse, Bedrock Anthropic and Responses. Chat Completions is also served, but only when the catalog
   * declares a Bedrock model as {@code openai}, so it is not advertised.
   */
  @Override
  public List<ProviderFormat> formats() {
    return FORMATS;
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    HttpUrl url = url(request.format(), request.spec().model(), false);
    return http.post(url, headers(request, url, false), request.payload(), request.cancellation(),
        request.auth());
  }

  /**
   * Streams from the streaming operation of the request's format: the AWS event stream for Converse and
   * Bedrock Anthropic, SSE for Chat Completions and Responses. A non-2xx status throws before any stream
   * is returned.
   */
  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    ProviderFormat format = request.format();
    HttpUrl url = url(format, request.spec().model(), true);
    if (format == ProviderFormat.OPENAI || format == ProviderFormat.RESPONSES) {
      return http.postSse(url, headers(request, url, false), request.payload(), request.cancellation(),
          request.auth());
    }
    StreamingResponse response =
        http.postForStream(url, headers(request, url, true), request.payload(), request.cancellation(),
            request.auth());
    return new EventStreamRawStream(
        response.body(), ID, response.closer(), response.finisher(), http.maxStreamEventBytes());
  }

  /**
   * The URL a request in {@code format} for {@code model} goes to.
   *
   * @param stream whether the call streams (selects {@code converse-stream} and
   *     {@code invoke-with-response-stream}; Chat Completions and Responses use the same URL either way)
   * @throws InvalidRequestException for a format Bedrock does not serve, an empty model id, or a mantle
   *     URL whose region is unknown
   */
  public URI requestUrl(ProviderFormat format, String model, boolean stream) {
    return url(format, model, stream).uri();
  }

  HttpUrl url(ProviderFormat format, String model, boolean stream) {
    if (format == null) {
      throw new InvalidRequestException("provider '" + ID + "' needs a request format");
    }
    switch (format) {
      case CONVERSE:
        return modelUrl(model, stream ? "converse-stream" : "converse");
      case BEDROCK_ANTHROPIC:
        return modelUrl(model, stream ? "invoke-with-response-stream" : "invoke");
      case OPENAI:
        return chatCompletionsUrl(model);
      case RESPONSES:
        return responsesUrl();
      default:
        throw new InvalidRequestException(
            "provider '" + ID + "' does not serve format '" + format.id() + "'; it serves "
                + String.join(", ", SERVED.stream().map(ProviderFormat::id).toArray(String[]::new)));
    }
  }

  /** The endpoint joined with {@code model/<encoded id>/<operation>}. */
  private HttpUrl modelUrl(String model, String operation) {
    if (model == null || model.isEmpty()) {
      throw new InvalidRequestException("provider '" + ID + "' needs a model id to build the " + operation
          + " URL");
    }
    return UrlPaths.join(config.endpointUrl(), "model/" + encodeModelId(model) + "/" + operation);
  }

  /**
   * The Chat Completions URL: the mantle host for mantle-only models on an AWS-managed endpoint; else the
   * endpoint plus {@code openai} (AWS-managed hosts only, when absent), {@code v1} (when absent),
   * {@code chat}, {@code completions}.
   */
  private HttpUrl chatCompletionsUrl(String model) {
    boolean awsRuntime = isAwsManagedEndpoint();
    if (awsRuntime && model != null && isMantleOnlyModel(model)) {
      return mantleUrl("chat", "completions");
    }
    HttpUrl endpoint = config.endpointUrl();
    List<String> segments = endpoint.pathSegments();
    boolean hasOpenai = segments.contains("openai");
    boolean hasV1 = segments.contains("v1");
    HttpUrl url = endpoint;
    if (awsRuntime && !hasOpenai) {
      url = UrlPaths.pushSegments(url, "openai");
    }
    if (!hasV1) {
      url = UrlPaths.pushSegments(url, "v1");
    }
    return UrlPaths.pushSegments(url, "chat", "completions");
  }

  /**
   * The Responses URL: the mantle host for an AWS-managed endpoint, else the endpoint plus {@code v1} (when
   * absent) and {@code responses}.
   */
  private HttpUrl responsesUrl() {
    if (isAwsManagedEndpoint()) {
      return mantleUrl("responses");
    }
    HttpUrl endpoint = config.endpointUrl();
    HttpUrl url = endpoint.pathSegments().contains("v1") ? endpoint : UrlPaths.pushSegments(endpoint, "v1");
    return UrlPaths.pushSegments(url, "responses");
  }

  /** {@code https://bedrock-mantle.<region>.api.aws/openai/v1/<suffix>}. */
  private HttpUrl mantleUrl(String... suffix) {
    String region = config.region().orElseGet(this::regionFromEndpointHost);
    if (region == null) {
      throw new InvalidRequestException(
          "Bedrock region required for mantle endpoint: set the region in the Bedrock config (metadata"
              + " 'region'); it cannot be derived from the endpoint host " + config.endpointUrl().host());
    }
    HttpUrl base =
        UrlPaths.parse("https://bedrock-mantle." + BedrockConfig.requireRegion(region) + ".api.aws/openai/v1",
            "bedrock mantle endpoint");
    return UrlPaths.pushSegments(base, suffix);
  }

  /** The region of a {@code bedrock-runtime.<region>.amazonaws.com} endpoint, or null. */
  private String regionFromEndpointHost() {
    String host = config.endpointUrl().host();
    if (host.startsWith(RUNTIME_HOST_PREFIX) && host.endsWith(AWS_HOST_SUFFIX)
        && host.length() > RUNTIME_HOST_PREFIX.length() + AWS_HOST_SUFFIX.length()) {
      return host.substring(RUNTIME_HOST_PREFIX.length(), host.length() - AWS_HOST_SUFFIX.length());
    }
    return null;
  }

  /** Whether the endpoint is an AWS runtime host ({@code bedrock-runtime.*.amazonaws.com}). */
  private boolean isAwsManagedEndpoint() {
    String host = config.endpointUrl().host();
    return host.startsWith(RUNTIME_HOST_PREFIX) && host.endsWith(AWS_HOST_SUFFIX);
  }

  /**
   * Models served only on the mantle host: xAI ({@code xai.}) and Gemma 4 ({@code google.gemma-4}). Gemma 3
   * is served on the runtime host.
   */
  static boolean isMantleOnlyModel(String model) {
    return model.startsWith("xai.") || model.startsWith("google.gemma-4");
  }

  /**
   * Percent-encodes a model id as one path segment like AWS's {@code extendedEncodeURIComponent}: the UTF-8
   * bytes outside {@code A-Z a-z 0-9 - _ . ~} become {@code %XX} (upper-case hex).
   */
  static String encodeModelId(String model) {
    byte[] bytes = model.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte raw : bytes) {
      int c = raw & 0xff;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Checks the auth kind now (so a wrong kind fails before anything is sent) and returns the header writer,
   * which signs at each call.
   */
  Consumer<HeaderSink> headers(ProviderRequest request, HttpUrl url, boolean eventStream) {
    AuthConfig auth = request.auth();
    if (auth instanceof AuthConfig.AwsSigV4) {
      AuthConfig.AwsSigV4 aws = (AuthConfig.AwsSigV4) auth;
      byte[] payload = request.payload();
      return sink -> {
        request.clientHeaders().applyJsonTo(
            (name, value) -> {
              if (!SIGNER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                sink.set(name, value);
              }
            });
        constants(sink, eventStream);
        for (Map.Entry<String, String> header : signing.sign(url, payload, aws)) {
          sink.set(header.getKey(), header.getValue());
        }
      };
    }
    if (auth instanceof AuthConfig.ApiKey) {
      return sink -> {
        request.clientHeaders().applyJsonTo(sink);
        constants(sink, eventStream);
        auth.applyTo(sink);
      };
    }
    throw new AuthException(
        "AwsSignatureV4 or ApiKey credentials required for Bedrock: provider '" + ID
            + "' does not accept auth of kind '" + auth.type().id() + "'; it accepts "
            + String.join(", ", ACCEPTED_AUTH.stream().map(AuthType::id).toArray(String[]::new)));
  }

  private static void constants(HeaderSink sink, boolean eventStream) {
    sink.set("content-type", "application/json");
    if (eventStream) {
      sink.set("accept", EVENT_STREAM_MEDIA_TYPE);
    }
  }

  @Override
  public String toString() {
    return "BedrockProvider{" + config + "}";
  }
}
