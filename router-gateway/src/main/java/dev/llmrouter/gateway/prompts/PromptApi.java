package dev.llmrouter.gateway.prompts;

import dev.llmrouter.Router;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RequestTooLargeException;
import dev.llmrouter.gateway.auth.Access;
import dev.llmrouter.gateway.auth.TokenAuthenticator;
import dev.llmrouter.gateway.error.ErrorKind;
import dev.llmrouter.gateway.error.GatewayError;
import dev.llmrouter.gateway.http.BodyReader;
import dev.llmrouter.gateway.metrics.GatewayMetrics;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt endpoints: LiteLLM's generic prompt-management API ({@code GET /beta/litellm_prompt_management})
 * and its {@code /prompts} CRUD API with versions and environments, plus {@code POST /prompts/test} and
 * {@code POST /utils/dotprompt_json_converter}. Admin tokens read and write everything; user tokens read
 * only the prompts {@link PromptScopes} grants them (403 otherwise) and may test and convert; without
 * configured tokens every caller is an admin (the gateway then only binds to loopback). Errors use the
 * OpenAI error shape: 400 bad input, 401, 403, 404 unknown prompt, 405, 413, 503 store down.
 */
public final class PromptApi {
  private static final Logger LOG = LoggerFactory.getLogger(PromptApi.class);
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.llmrouter.gateway.access");
  static final String GENERIC_PATH = "/beta/litellm_prompt_management";
  static final String CONVERTER_PATH = "/utils/dotprompt_json_converter";

  private final PromptStore store;
  private final PromptSettings settings;
  private final TokenAuthenticator auth;
  private final GatewayMetrics metrics;
  private final long bodyLimit;
  private final PromptTestCall testCall;

  /** The endpoints over {@code store}; {@code router} runs {@code /prompts/test}. */
  public PromptApi(PromptStore store, PromptSettings settings, TokenAuthenticator auth, GatewayMetrics metrics,
      Router router, long maxBodyBytes) {
    this.store = store;
    this.settings = settings;
    this.auth = auth;
    this.metrics = metrics;
    this.bodyLimit = Math.min(maxBodyBytes, 2L * settings.maxTemplateBytes() + (1 << 20));
    this.testCall = new PromptTestCall(router, store, settings.maxTemplateBytes());
  }

  /** Whether {@code path} is one of the prompt endpoints. */
  public static boolean handles(String path) {
    return path.equals(GENERIC_PATH) || path.equals(CONVERTER_PATH) || path.equals("/prompts")
        || path.startsWith("/prompts/");
  }

  /** The operation a method and path name. */
  enum Op {
    GENERIC("GET"), LIST("GET"), INFO("GET"), VERSIONS("GET"), CREATE("POST"), UPDATE("PUT"), PATCH("PATCH"),
    DELETE("DELETE"), PROMOTE("POST"), TEST("POST"), CONVERT("POST");

    final String method;

    Op(String method) {
      this.method = method;
    }

    boolean writes() {
      return this == CREATE || this == UPDATE || this == PATCH || this == DELETE || this == PROMOTE;
    }
  }

  /** The operation and the path's prompt id segment (still unvalidated). */
  record Target(Optional<Op> op, String allowed, Optional<String> id) {}

  static Target target(String path, String method) {
    if (path.equals(GENERIC_PATH)) {
      return of(Op.GENERIC, null);
    }
    if (path.equals(CONVERTER_PATH)) {
      return of(Op.CONVERT, null);
    }
    if (path.equals("/prompts") || path.equals("/prompts/")) {
      return of(Op.CREATE, null);
    }
    String rest = path.substring("/prompts/".length());
    if (rest.equals("list")) {
      return of(Op.LIST, null);
    }
    if (rest.equals("test")) {
      return of(Op.TEST, null);
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      switch (method) {
        case "GET": case "HEAD": return of(Op.INFO, rest);
        case "PUT": return of(Op.UPDATE, rest);
        case "PATCH": return of(Op.PATCH, rest);
        case "DELETE": return of(Op.DELETE, rest);
        default: return new Target(Optional.empty(), "GET, PUT, PATCH, DELETE", Optional.of(rest));
      }
    }
    String id = rest.substring(0, slash);
    switch (rest.substring(slash + 1)) {
      case "info": return of(Op.INFO, id);
      case "versions": return of(Op.VERSIONS, id);
      case "promote": return of(Op.PROMOTE, id);
      default: return new Target(Optional.empty(), "", Optional.of(id));
    }
  }

  private static Target of(Op op, String id) {
    return new Target(Optional.of(op), op.method, Optional.ofNullable(id));
  }

  /** Serves one request on a prompt path. */
  public void handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    metrics.started();
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    Target t = target(path, method);
    int status = 200;
    String label = t.op().map(o -> o.name().toLowerCase(Locale.ROOT)).orElse("unknown");
    Optional<String> errorKind = Optional.empty();
    try {
      status = serve(t, request, response, callback);
    } catch (RuntimeException e) {
      GatewayError err = errorFor(e);
      if (err.status() >= 500) {
        LOG.warn("prompt endpoint {} failed: {}", label, e.toString());
      }
      status = err.status();
      errorKind = Optional.of(err.kind().name().toLowerCase(Locale.ROOT));
      if (!response.isCommitted()) {
        closeIfBodyUnread(request, response);
        PromptHttp.error(response, callback, err);
      } else {
        callback.failed(e);
      }
    } finally {
      long nanos = System.nanoTime() - start;
      if (status >= 400 && errorKind.isEmpty()) {
        errorKind = Optional.of(status == 401 ? "authentication" : status == 403 ? "permission" : "invalid_request");
      }
      metrics.finished(new GatewayMetrics.Outcome("/prompts", "none", "none", status, errorKind, nanos,
          Optional.empty(), Optional.empty()));
      ACCESS.info("request endpoint=/prompts op={} status={} latency_ms={} error={}", label, status,
          nanos / 1_000_000, errorKind.orElse("-"));
    }
  }

  static GatewayError errorFor(RuntimeException e) {
    if (e instanceof ScopeException) {
      return GatewayError.of(403, ErrorKind.PERMISSION, e.getMessage());
    }
    if (e instanceof PromptNotFoundException) {
      return GatewayError.of(404, ErrorKind.NOT_FOUND, e.getMessage());
    }
    if (e instanceof RequestTooLargeException) {
      return GatewayError.of(413, ErrorKind.TOO_LARGE, e.getMessage());
    }
    if (e instanceof InvalidRequestException || e instanceof JsonSyntaxException) {
      return GatewayError.of(400, ErrorKind.INVALID_REQUEST, e.getMessage());
    }
    if (e instanceof PromptStoreException) {
      return new GatewayError(503, ErrorKind.OVERLOADED, "the prompt store is unavailable: " + e.getMessage(),
          Optional.empty());
    }
    if (e instanceof dev.llmrouter.error.RouterException r) {
      return dev.llmrouter.gateway.error.ErrorMapping.of(r, dev.llmrouter.catalog.ProviderFormat.OPENAI);
    }
    return GatewayError.of(500, ErrorKind.INTERNAL, "internal gateway error (" + e.getClass().getSimpleName() + ")");
  }

  private int serve(Target t, Request request, Response response, Callback callback) {
    if (t.op().isEmpty() || !methodMatches(t.op().get(), request.getMethod())) {
      if (t.op().isEmpty() && t.allowed().isEmpty()) {
        return reject(request, response, callback, GatewayError.of(404, ErrorKind.NOT_FOUND, "no such endpoint: "
            + request.getMethod() + " " + VersionedId.printable(Request.getPathInContext(request))));
      }
      response.getHeaders().put(HttpHeader.ALLOW, t.allowed());
      return reject(request, response, callback, GatewayError.of(405, ErrorKind.INVALID_REQUEST,
          VersionedId.printable(Request.getPathInContext(request)) + " takes " + t.allowed() + ", not "
              + request.getMethod()));
    }
    Op op = t.op().get();
    Function<String, String> header = name -> request.getHeaders().get(name);
    Access access = auth.authenticate(header);
    if (access == Access.NONE) {
      return reject(request, response, callback, GatewayError.of(401, ErrorKind.AUTHENTICATION,
          TokenAuthenticator.presented(header).isPresent() ? "invalid gateway token"
              : "missing gateway token: send 'Authorization: Bearer <token>'"));
    }
    if (op.writes() && access != Access.ADMIN) {
      return reject(request, response, callback, GatewayError.of(403, ErrorKind.PERMISSION,
          "writing prompts needs an admin token (GATEWAY_ADMIN_TOKENS)"));
    }
    Scope scope = access == Access.ADMIN ? Scope.ALL
        : new Scope(TokenAuthenticator.presented(header).flatMap(settings.scopes()::patterns));
    Fields query = Request.extractQueryParameters(request);
    switch (op) {
      case GENERIC:
        return generic(query, scope, response, callback);
      case LIST:
        return list(query, scope, response, callback);
      case INFO:
        return info(t.id().orElseThrow(), query, scope, response, callback);
      case VERSIONS:
        return versions(t.id().orElseThrow(), query, scope, response, callback);
      case CREATE:
        return create(body(request), response, callback);
      case UPDATE:
        return update(t.id().orElseThrow(), body(request), response, callback);
      case PATCH:
        return patch(t.id().orElseThrow(), query, body(request), response, callback);
      case DELETE:
        return delete(t.id().orElseThrow(), query, response, callback);
      case PROMOTE:
        return promote(t.id().orElseThrow(), body(request), response, callback);
      case TEST:
        return testCall.serve(body(request), scope, request, response, callback);
      case CONVERT:
        return DotpromptConverter.serve(request, query, bodyLimit, settings.maxTemplateBytes(), response, callback);
      default:
        throw new IllegalStateException(op.name());
    }
  }

  private static boolean methodMatches(Op op, String method) {
    return op.method.equals(method) || (op.method.equals("GET") && method.equals("HEAD"));
  }

  /** What a caller may read: every prompt, or those its token's patterns admit (none when unscoped). */
  record Scope(Optional<List<String>> patterns) {
    static final Scope ALL = new Scope(Optional.of(List.of("*")));

    boolean admits(String baseId) {
      return patterns.map(p -> PromptScopes.matches(p, baseId)).orElse(false);
    }

    void require(String baseId) {
      if (patterns.isEmpty()) {
        throw new ScopeException("this token is not scoped to any prompt (an admin sets GATEWAY_TOKEN_PROMPTS)");
      }
      if (!admits(baseId)) {
        throw new ScopeException("this token may not read prompt '" + baseId + "'");
      }
    }
  }

  /** A user token asked for a prompt outside its scope (403). */
  static final class ScopeException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    ScopeException(String message) {
      super(message);
    }

    @Override
    public int httpStatus() {
      return 403;
    }
  }

  /**
   * An answer given before the body was read ends the connection, so a client reusing it never finds the
   * unread body where it expects the next response.
   */
  private static void closeIfBodyUnread(Request request, Response response) {
    String length = request.getHeaders().get(HttpHeader.CONTENT_LENGTH);
    if (length != null && !length.equals("0") || request.getHeaders().get(HttpHeader.TRANSFER_ENCODING) != null) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
  }

  private static int reject(Request request, Response response, Callback callback, GatewayError error) {
    closeIfBodyUnread(request, response);
    PromptHttp.error(response, callback, error);
    return error.status();
  }

  private JsonObject body(Request request) {
    byte[] bytes;
    try {
      bytes = BodyReader.read(request, bodyLimit);
    } catch (IOException e) {
      throw new InvalidRequestException("cannot read the request body: " + e.getMessage(), e);
    }
    if (bytes.length == 0) {
      throw new InvalidRequestException("the request body is empty: send a JSON object");
    }
    try {
      return JsonTree.parseObject(bytes);
    } catch (JsonSyntaxException e) {
      throw new InvalidRequestException("the request body is not a JSON object: " + e.getMessage(), e);
    }
  }

  private static Optional<String> env(Fields query) {
    String v = query.getValue("environment");
    if (v == null) {
      v = query.getValue("label");
    }
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(VersionedId.environment(v));
  }

  private int generic(Fields query, Scope scope, Response response, Callback callback) {
    String requested = query.getValue("prompt_id");
    if (requested == null || requested.isEmpty()) {
      throw new InvalidRequestException("query parameter 'prompt_id' is required");
    }
    VersionedId id = VersionedId.parse(requested);
    String v = query.getValue("version");
    if (v != null && !v.isEmpty() && id.version().isEmpty()) {
      String digits = v.startsWith("v") ? v.substring(1) : v;
      if (!digits.matches("[0-9]{1,9}")) {
        throw new InvalidRequestException("query parameter 'version' must be a number (3 or v3)");
      }
      id = new VersionedId(id.baseId(), OptionalInt.of(Integer.parseInt(digits)));
    }
    scope.require(id.baseId());
    StoredPrompt s = read(id, env(query).orElse(VersionedId.DEFAULT_ENVIRONMENT));
    PromptHttp.json(response, callback, 200, PromptJson.generic(requested, PromptContent.of(s).prompt()));
    return 200;
  }

  private StoredPrompt read(VersionedId id, String env) {
    Optional<StoredPrompt> s = id.version().isPresent()
        ? store.find(id.baseId(), env, id.version().getAsInt()) : store.latest(id.baseId(), env);
    if (s.isPresent()) {
      return s.get();
    }
    List<String> envs = store.environments(id.baseId());
    PromptRef ref = PromptRef.of(id.baseId(), id.version().isPresent()
        ? Optional.of(Integer.toString(id.version().getAsInt())) : Optional.empty(), Optional.of(env));
    throw new PromptNotFoundException(ref, envs.isEmpty() ? "no such prompt in the store"
        : "it exists in environment(s) " + envs + "; pass ?environment=<name>");
  }

  private int list(Fields query, Scope scope, Response response, Callback callback) {
    if (scope.patterns().isEmpty()) {
      scope.require("-");
    }
    List<StoredPrompt> all = store.listLatest(env(query)).stream().filter(p -> scope.admits(p.baseId())).toList();
    PromptHttp.json(response, callback, 200, PromptJson.list(all));
    return 200;
  }

  private int info(String rawId, Fields query, Scope scope, Response response, Callback callback) {
    VersionedId id = VersionedId.parse(rawId);
    scope.require(id.baseId());
    StoredPrompt s = read(id, env(query).orElse(VersionedId.DEFAULT_ENVIRONMENT));
    PromptHttp.json(response, callback, 200,
        PromptJson.info(s, PromptContent.of(s), store.environments(id.baseId())));
    return 200;
  }

  private int versions(String rawId, Fields query, Scope scope, Response response, Callback callback) {
    String base = VersionedId.parse(rawId).baseId();
    scope.require(base);
    List<StoredPrompt> all = store.versions(base, env(query));
    if (all.isEmpty()) {
      throw new PromptNotFoundException(PromptRef.of(base, Optional.empty(), env(query)), "no versions found");
    }
    PromptHttp.json(response, callback, 200, PromptJson.list(all));
    return 200;
  }

  private int create(JsonObject body, Response response, Callback callback) {
    String raw = body.getString("prompt_id").orElseThrow(() ->
        new InvalidRequestException("'prompt_id' (a string) is required"));
    VersionedId id = VersionedId.parse(raw);
    if (id.version().isPresent()) {
      throw new InvalidRequestException("prompt_id '" + raw + "' carries a version: versions are assigned by the "
          + "store; send the base id '" + id.baseId() + "'");
    }
    return write(id.baseId(), body, response, callback);
  }

  private int update(String rawId, JsonObject body, Response response, Callback callback) {
    String base = VersionedId.parse(rawId).baseId();
    body.getString("prompt_id").ifPresent(b -> {
      if (!VersionedId.parse(b).baseId().equals(base)) {
        throw new InvalidRequestException("body prompt_id '" + VersionedId.printable(b) + "' does not match the "
            + "path's '" + base + "'");
      }
    });
    if (store.environments(base).isEmpty()) {
      throw new PromptNotFoundException(PromptRef.of(base), "create it with POST /prompts first");
    }
    return write(base, body, response, callback);
  }

  private int write(String base, JsonObject body, Response response, Callback callback) {
    JsonObject params = body.getObject("litellm_params").orElseThrow(() ->
        new InvalidRequestException("'litellm_params' (an object with dotprompt_content or prompt_data) is required"));
    JsonObject info = promptInfo(body);
    String env = VersionedId.environment(info.getString("environment").orElse(VersionedId.DEFAULT_ENVIRONMENT));
    JsonObject normalized = PromptContent.normalize(base, params, settings.maxTemplateBytes());
    StoredPrompt s = store.append(base, env, normalized, info.with("environment", JsonValue.of(env)),
        Optional.empty());
    PromptHttp.json(response, callback, 200, PromptJson.spec(s, true));
    return 200;
  }

  private static JsonObject promptInfo(JsonObject body) {
    JsonValue v = body.getOrNull("prompt_info");
    if (v == null || v.isNull()) {
      return JsonObject.of("prompt_type", JsonValue.of("db"));
    }
    if (!(v instanceof JsonObject o)) {
      throw new InvalidRequestException("'prompt_info' must be an object, got " + v.kind());
    }
    JsonValue env = o.getOrNull("environment");
    if (env != null && !env.isNull() && !(env instanceof JsonString)) {
      throw new InvalidRequestException("prompt_info.environment must be a string");
    }
    return env != null && env.isNull() ? o.without("environment") : o;
  }

  private int patch(String rawId, Fields query, JsonObject body, Response response, Callback callback) {
    VersionedId id = VersionedId.parse(rawId);
    String env = env(query).orElse(VersionedId.DEFAULT_ENVIRONMENT);
    StoredPrompt current = read(id, env);
    JsonValue params = body.getOrNull("litellm_params");
    if (params != null && !params.isNull() && !(params instanceof JsonObject)) {
      throw new InvalidRequestException("'litellm_params' must be an object");
    }
    JsonObject newParams = params instanceof JsonObject p ? p : current.litellmParams();
    JsonObject info = body.getOrNull("prompt_info") instanceof JsonObject ? promptInfo(body) : current.promptInfo();
    JsonObject normalized = PromptContent.normalize(id.baseId(), newParams, settings.maxTemplateBytes());
    StoredPrompt s = store.append(id.baseId(), env, normalized, info.with("environment", JsonValue.of(env)),
        Optional.empty());
    PromptHttp.json(response, callback, 200, PromptJson.spec(s, true));
    return 200;
  }

  private int delete(String rawId, Fields query, Response response, Callback callback) {
    VersionedId id = VersionedId.parse(rawId);
    if (id.version().isPresent()) {
      throw new InvalidRequestException("DELETE removes a prompt (optionally in one ?environment=), not a single "
          + "version; send the base id '" + id.baseId() + "'");
    }
    Optional<String> env = env(query);
    int n = store.delete(id.baseId(), env);
    if (n == 0) {
      throw new PromptNotFoundException(PromptRef.of(id.baseId(), Optional.empty(), env), "nothing to delete");
    }
    String where = env.map(e -> " from " + e).orElse("");
    PromptHttp.json(response, callback, 200, JsonObject.builder()
        .put("message", "Prompt " + id.baseId() + " deleted successfully" + where)
        .put("deleted_versions", n)
        .build());
    return 200;
  }

  private int promote(String rawId, JsonObject body, Response response, Callback callback) {
    VersionedId id = VersionedId.parse(rawId);
    String from = VersionedId.environment(body.getString("from_environment").orElse(VersionedId.DEFAULT_ENVIRONMENT));
    String to = VersionedId.environment(body.getString("to_environment").orElseThrow(() ->
        new InvalidRequestException("'to_environment' is required (e.g. \"production\")")));
    if (from.equals(to)) {
      throw new InvalidRequestException("from_environment and to_environment are both '" + from + "'");
    }
    OptionalInt version = id.version();
    JsonValue v = body.getOrNull("version");
    if (v != null && !v.isNull()) {
      if (!(v instanceof dev.llmrouter.json.JsonNumber num) || !num.isIntegralLong() || num.longValueOfIntegral() < 1
          || num.longValueOfIntegral() > Integer.MAX_VALUE) {
        throw new InvalidRequestException("'version' must be a positive integer");
      }
      version = OptionalInt.of((int) num.longValueOfIntegral());
    }
    OptionalInt chosen = version;
    StoredPrompt s = store.promote(id.baseId(), from, version, to).orElseThrow(() -> new PromptNotFoundException(
        PromptRef.of(id.baseId(), chosen.isPresent() ? Optional.of(Integer.toString(chosen.getAsInt()))
            : Optional.empty(), Optional.of(from))));
    PromptHttp.json(response, callback, 200, PromptJson.spec(s, true));
    return 200;
  }
}
