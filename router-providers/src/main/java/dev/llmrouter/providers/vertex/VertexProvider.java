package dev.llmrouter.providers.vertex;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.AuthType;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.http.HeaderSink;
import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.providers.http.HttpClients;
import dev.llmrouter.providers.http.HttpExecutor;
import dev.llmrouter.providers.http.UrlPaths;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Google Vertex AI provider. Thread-safe.
 *
 * <p>The endpoint depends on the model id ({@code spec.model()}):
 *
 * <table>
 *   <caption>Vertex modes</caption>
 *   <tr><th>model</th><th>mode</th><th>path</th></tr>
 *   <tr><td>{@code publishers/meta…}</td><td>OpenAPI {@code v1beta1}</td>
 *       <td>{@code v1beta1/projects/P/locations/L/endpoints/openapi/chat/completions}</td></tr>
 *   <tr><td>{@code publishers/qwen…}</td><td>OpenAPI {@code v1}</td>
 *       <td>{@code v1/projects/P/locations/L/endpoints/openapi/chat/completions}</td></tr>
 *   <tr><td>{@code publishers/anthropic/…}</td><td>Anthropic</td>
 *       <td>{@code v1/projects/P/locations/L/<model>:rawPredict} ({@code :streamRawPredict})</td></tr>
 *   <tr><td>other {@code publishers/…}</td><td>generative</td>
 *       <td>{@code v1/projects/P/locations/L/<model>:generateContent}
 *       ({@code :streamGenerateContent?alt=sse})</td></tr>
 *   <tr><td>anything else</td><td>generative</td>
 *       <td>{@code v1/projects/P/locations/L/publishers/google/models/<model>:generateContent}</td></tr>
 * </table>
 *
 * A Chat Completions request for a generative model goes to the OpenAPI {@code v1} endpoint instead
 * (custom OpenAI-format Vertex models). The {@code @} of versioned model ids stays literal.
 *
 * <p>Location: one of the catalog entry's locations (its top-level {@code locations} and its
 * {@code extra.locations}; the Rust router reads only the latter), chosen at random when there are several,
 * else the configured location. Host: the API base when configured (its path is replaced), else
 * {@code https://aiplatform.googleapis.com/} for {@code global} and
 * {@code https://<location>-aiplatform.googleapis.com/} otherwise.
 *
 * <p>Streaming is SSE; {@code streamRawPredict} may send raw JSON lines instead of {@code data:} events,
 * which the SSE parser accepts. Headers: the client's JSON headers, then the auth. Accepted auth kinds:
 * {@code o_auth} and {@code refreshing_token} (for example
 * {@link dev.llmrouter.providers.auth.google.GoogleAuth}), {@code api_key} (sent in its configured header,
 * such as {@code x-goog-api-key}, as the Rust router does) and {@code custom}.
 */
public final class VertexProvider implements Provider {
  /** The provider id (the router special-cases it). */
  public static final String ID = "vertex";

  private static final Logger LOG = LoggerFactory.getLogger(VertexProvider.class);
  private static final List<ProviderFormat> FORMATS =
      List.of(ProviderFormat.GOOGLE, ProviderFormat.VERTEX_ANTHROPIC);
  /** Chat Completions is served too (OpenAPI endpoint) but not advertised, as in the Rust router. */
  private static final Set<ProviderFormat> SERVED =
      EnumSet.of(ProviderFormat.GOOGLE, ProviderFormat.VERTEX_ANTHROPIC, ProviderFormat.OPENAI);
  private static final Set<AuthType> ACCEPTED_AUTH =
      EnumSet.of(AuthType.OAUTH, AuthType.REFRESHING_TOKEN, AuthType.API_KEY, AuthType.CUSTOM);

  private final VertexConfig config;
  private final HttpExecutor http;
  private final IntUnaryOperator locationPicker;

  /** A provider for {@code config}; the HTTP client is the caller-supplied one or the shared cached one. */
  public VertexProvider(VertexConfig config) {
    this(config, bound -> ThreadLocalRandom.current().nextInt(bound));
  }

  /** A provider whose choice among several catalog locations is {@code locationPicker.applyAsInt(count)}. */
  VertexProvider(VertexConfig config, IntUnaryOperator locationPicker) {
    if (config == null) {
      throw new InvalidRequestException("VertexProvider needs a config");
    }
    this.config = config;
    this.locationPicker = locationPicker;
    this.http =
        new HttpExecutor(
            ID,
            HttpClients.select(config.httpClient(), config.clientSettings(), config.timeout()),
            config.clientSettings());
  }

  /** The configuration. */
  public VertexConfig config() {
    return config;
  }

  @Override
  public String id() {
    return ID;
  }

  /** {@code google} and {@code vertex-anthropic}; Chat Completions requests are accepted as well. */
  @Override
  public List<ProviderFormat> formats() {
    return FORMATS;
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    Consumer<HeaderSink> headers = headers(request);
    HttpUrl url = url(request.format(), request.spec(), false);
    return http.post(url, headers, request.payload(), request.cancellation(), request.auth());
  }

  /**
   * Streams over SSE from the mode's streaming URL. Models the catalog marks as not streaming never get
   * here: the router fake-streams them through {@link #complete}.
   */
  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    Consumer<HeaderSink> headers = headers(request);
    HttpUrl url = url(request.format(), request.spec(), true);
    return http.postSse(url, headers, request.payload(), request.cancellation(), request.auth());
  }

  /**
   * The location a request for {@code spec} uses: one of the catalog entry's locations (top-level
   * {@code locations} and {@code extra.locations}, duplicates and blanks dropped), at random when there
   * are several; otherwise the configured location.
   *
   * @throws InvalidRequestException if a catalog location is not a valid location name
   */
  public String location(ModelSpec spec) {
    List<String> candidates = catalogLocations(spec);
    if (candidates.isEmpty()) {
      return config.location();
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    return candidates.get(locationPicker.applyAsInt(candidates.size()));
  }

  /**
   * The URL a request goes to for {@code model} in {@code format} at {@code location}.
   *
   * @throws InvalidRequestException if the format is not served, the model id is empty or not a valid
   *     path, or the location is invalid
   */
  public URI requestUrl(ProviderFormat format, String model, String location, boolean stream) {
    return url(format, model, location, stream).uri();
  }

  HttpUrl url(ProviderFormat format, ModelSpec spec, boolean stream) {
    checkFormat(format);
    return url(format, spec.model(), location(spec), stream);
  }

  private HttpUrl url(ProviderFormat format, String model, String location, boolean stream) {
    checkFormat(format);
    if (model == null || model.isEmpty()) {
      throw new InvalidRequestException("provider '" + ID + "': the model id is empty");
    }
    if (location == null) {
      throw new InvalidRequestException("provider '" + ID + "': the location is missing");
    }
    VertexConfig.checkLocation(location, "request");
    Mode mode = modeFor(model, format);
    return endpointFor(mode, baseUrl(location), location, stream);
  }

  private static void checkFormat(ProviderFormat format) {
    if (format == null || !SERVED.contains(format)) {
      throw new InvalidRequestException(
          "provider '" + ID + "' does not serve format '" + (format == null ? "null" : format.id())
              + "'; it serves " + SERVED.stream().map(ProviderFormat::id).collect(Collectors.joining(", ")));
    }
  }

  /** The kinds of Vertex endpoint. */
  enum Kind {
    GENERATIVE,
    ANTHROPIC,
    OPENAPI
  }

  /**
   * A Vertex endpoint kind with its model path (generative, Anthropic) or API version (OpenAPI).
   *
   * @param kind the endpoint kind
   * @param value the model path, or the API version for {@link Kind#OPENAPI}
   */
  record Mode(Kind kind, String value) {
    static Mode generative(String modelPath) {
      return new Mode(Kind.GENERATIVE, modelPath);
    }

    static Mode anthropic(String modelPath) {
      return new Mode(Kind.ANTHROPIC, modelPath);
    }

    static Mode openApi(String apiVersion) {
      return new Mode(Kind.OPENAPI, apiVersion);
    }
  }

  /** The mode for a model id (Rust's {@code determine_mode}). */
  static Mode modeFor(String model) {
    if (model.startsWith("publishers/meta")) {
      return Mode.openApi("v1beta1");
    }
    if (model.startsWith("publishers/qwen")) {
      return Mode.openApi("v1");
    }
    if (model.startsWith("publishers/anthropic/")) {
      return Mode.anthropic(model);
    }
    if (model.startsWith("publishers/")) {
      return Mode.generative(model);
    }
    return Mode.generative("publishers/google/models/" + model);
  }

  /** The mode for a model id and wire format: Chat Completions turns generative into OpenAPI v1. */
  static Mode modeFor(String model, ProviderFormat format) {
    Mode mode = modeFor(model);
    if (format == ProviderFormat.OPENAI && mode.kind() == Kind.GENERATIVE) {
      return Mode.openApi("v1");
    }
    return mode;
  }

  /** The API base when configured, else the global or regional Google host. */
  HttpUrl baseUrl(String location) {
    Optional<HttpUrl> apiBase = config.apiBaseUrl();
    if (apiBase.isPresent()) {
      return apiBase.get();
    }
    String host =
        VertexConfig.DEFAULT_LOCATION.equals(location)
            ? "https://" + VertexConfig.GLOBAL_HOST + "/"
            : "https://" + location + "-" + VertexConfig.GLOBAL_HOST + "/";
    return UrlPaths.parse(host, "vertex host for location '" + location + "'");
  }

  /** The full URL: the base with its whole path replaced (its query kept), as the Rust router does. */
  HttpUrl endpointFor(Mode mode, HttpUrl base, String location, boolean stream) {
    StringBuilder path = new StringBuilder(160);
    String version = mode.kind() == Kind.OPENAPI ? mode.value() : "v1";
    path.append('/')
        .append(version)
        .append("/projects/")
        .append(UrlPaths.encodeSegment(config.project()))
        .append("/locations/")
        .append(UrlPaths.encodeSegment(location))
        .append('/');
    switch (mode.kind()) {
      case OPENAPI:
        path.append("endpoints/openapi/chat/completions");
        break;
      case ANTHROPIC:
        appendModelPath(path, mode.value());
        path.append(stream ? ":streamRawPredict" : ":rawPredict");
        break;
      case GENERATIVE:
      default:
        appendModelPath(path, mode.value());
        path.append(stream ? ":streamGenerateContent" : ":generateContent");
        break;
    }
    HttpUrl.Builder url = base.newBuilder().encodedPath(path.toString());
    if (stream && mode.kind() == Kind.GENERATIVE) {
      url.addQueryParameter("alt", "sse");
    }
    return url.build();
  }

  /** Appends {@code modelPath} segment by segment, each percent-encoded except for pchars such as {@code @}. */
  private static void appendModelPath(StringBuilder path, String modelPath) {
    String[] parts = modelPath.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new InvalidRequestException(
            "provider '" + ID + "': model path '" + modelPath + "' has an empty or dot segment");
      }
      if (i > 0) {
        path.append('/');
      }
      path.append(UrlPaths.encodeSegment(part));
    }
  }

  /** The catalog's locations for {@code spec}: top-level ones first, then {@code extra.locations}. */
  static List<String> catalogLocations(ModelSpec spec) {
    Set<String> found = new LinkedHashSet<>();
    for (String location : spec.locations()) {
      addLocation(found, location, spec);
    }
    String extra = spec.extra().get("locations");
    if (extra != null) {
      for (String location : parseLocations(extra, spec)) {
        addLocation(found, location, spec);
      }
    }
    return found.isEmpty() ? List.of() : List.copyOf(found);
  }

  private static void addLocation(Set<String> found, String location, ModelSpec spec) {
    if (location == null || location.isBlank()) {
      return;
    }
    String trimmed = location.trim();
    VertexConfig.checkLocation(trimmed, "catalog entry of model '" + spec.model() + "'");
    found.add(trimmed);
  }

  /**
   * {@code extra.locations} as strings. Anything but an array of strings is ignored (with a debug log),
   * like the Rust router, whose typed read of {@code extra} then fails and falls back to the config.
   */
  private static List<String> parseLocations(String rawJson, ModelSpec spec) {
    JsonValue value;
    try {
      value = JsonTree.parse(rawJson);
    } catch (RuntimeException e) {
      LOG.debug("vertex: ignoring unparsable extra.locations of model '{}'", spec.model());
      return List.of();
    }
    Optional<JsonArray> array = value.asArray();
    if (array.isEmpty()) {
      LOG.debug("vertex: ignoring extra.locations of model '{}': not an array", spec.model());
      return List.of();
    }
    List<String> out = new ArrayList<>(array.get().size());
    for (JsonValue element : array.get()) {
      Optional<String> s = element.asString();
      if (s.isEmpty()) {
        LOG.debug("vertex: ignoring extra.locations of model '{}': not an array of strings", spec.model());
        return List.of();
      }
      out.add(s.get());
    }
    return out;
  }

  private static Consumer<HeaderSink> headers(ProviderRequest request) {
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
    return "VertexProvider{" + config + "}";
  }
}
