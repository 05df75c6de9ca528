package dev.llmrouter;

import dev.llmrouter.catalog.CatalogView;
import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RequestTooLargeException;
import dev.llmrouter.error.ResponseTransformException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.media.MediaFetcher;
import dev.llmrouter.observe.RouteInfo;
import dev.llmrouter.observe.RouterListener;
import dev.llmrouter.prompt.PromptResolution;
import dev.llmrouter.prompt.PromptResolver;
import dev.llmrouter.provider.CancellationToken;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.retry.FailoverClassifier;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.retry.RetryStrategy;
import dev.llmrouter.route.CooldownPolicy;
import dev.llmrouter.route.ModelResolver;
import dev.llmrouter.route.ProviderRegistry;
import dev.llmrouter.route.ProviderRoute;
import dev.llmrouter.route.RouteCooldown;
import dev.llmrouter.route.RouteResolver;
import dev.llmrouter.stream.RawChunkListener;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.stream.StreamSession;
import dev.llmrouter.translate.PayloadEdits;
import dev.llmrouter.translate.RequestShape;
import dev.llmrouter.translate.RequestTransform;
import dev.llmrouter.translate.ResponseModelPatch;
import dev.llmrouter.translate.ResponseShape;
import dev.llmrouter.translate.Translator;
import dev.llmrouter.translate.stream.SameFormatStreamSession;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes LLM requests, given as raw JSON bytes, to registered providers and returns their answers in the
 * caller's format. Immutable and thread-safe once built; share one instance.
 *
 * <p>Two levels of API:
 *
 * <ul>
 *   <li>{@link #handle} reads the model and stream flag from the body and does everything;
 *       {@link #complete} and {@link #completeStream} take the model explicitly (Gemini clients put it in
 *       the URL). Each has an {@code *Async} variant returning a {@link CompletableFuture} whose
 *       {@code cancel} aborts the upstream call.
 *   <li>The Rust router's three steps for hosts that drive routing themselves:
 *       {@link #resolveRoutes} (which providers, in which wire format), {@link #prepare} /
 *       {@link #prepareStream} (the exact bytes to send), {@link #execute} / {@link #executeStream}.
 * </ul>
 *
 * <p>Reliability: every upstream call is retried per the {@link RetryPolicy} when its error is retryable
 * (see {@link UpstreamHttpException} and {@link TransportException}); the one-call facade then fails over
 * to the model's next route when a route stays unavailable ({@link FailoverClassifier}), optionally
 * skipping routes in cooldown ({@link CooldownPolicy}). A stream is retried and failed over only while it
 * is being opened: once a chunk has reached the caller no other upstream is ever replayed into it. Every
 * upstream call is reported in {@link RouterMetadata#attempts()}. Request bodies above
 * {@link RouterBuilder#maxRequestBodyBytes} are refused before parsing.
 *
 * <p>Observability: every {@link dev.llmrouter.observe.RouterListener} registered with
 * {@link RouterBuilder#addListener} sees each request's start and end and every upstream attempt's start
 * and end (inside the retry loop and across failover routes); a stream's request end fires once, when it
 * ends, fails or is closed. With no listener nothing is allocated for it.
 *
 * <p>Blocking methods are safe on virtual threads. All fields are final and immutable or thread-safe
 * (the cooldown table is a concurrent map), so one instance may serve any number of threads.
 */
public final class Router {
  private static final Logger log = LoggerFactory.getLogger(Router.class);
  /** The status reported for a successful upstream call: providers hand back 2xx bodies only. */
  private static final Optional<Integer> SUCCESS_STATUS = Optional.of(200);

  private final ModelCatalog catalog;
  private final RouteResolver routes;
  private final ProviderRegistry registry;
  private final RetryPolicy retryPolicy;
  private final Executor executor;
  private final boolean failover;
  private final RouteCooldown cooldown;
  private final long maxRequestBodyBytes;
  private final Optional<PromptResolver> prompts;
  private final Optional<MediaFetcher> mediaFetcher;
  /** The registered listeners (failure-isolated), or null when there are none: then nothing is observed. */
  private final RouterListener listener;
  private final AtomicLong requestIds = new AtomicLong();

  Router(
      ModelCatalog catalog,
      CatalogView view,
      ProviderRegistry registry,
      RetryPolicy retryPolicy,
      Executor executor,
      boolean failover,
      CooldownPolicy cooldown,
      Clock clock,
      long maxRequestBodyBytes,
      Optional<MediaFetcher> mediaFetcher,
      Optional<PromptResolver> prompts,
      RouterListener listener) {
    this.catalog = catalog;
    this.registry = registry;
    this.routes = new RouteResolver(new ModelResolver(view), registry);
    this.retryPolicy = retryPolicy;
    this.executor = executor;
    this.failover = failover;
    this.cooldown = new RouteCooldown(cooldown, clock);
    this.maxRequestBodyBytes = maxRequestBodyBytes;
    this.mediaFetcher = mediaFetcher;
    this.prompts = prompts;
    this.listener = listener;
  }

  /** A new builder. */
  public static RouterBuilder builder() {
    return new RouterBuilder();
  }

  /** The base catalog (custom overlay models are not included). */
  public ModelCatalog catalog() {
    return catalog;
  }

  /** The retry policy new requests are prepared with. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Whether the one-call facade fails over to the next route. */
  public boolean failoverEnabled() {
    return failover;
  }

  /** The route cooldown policy. */
  public CooldownPolicy cooldownPolicy() {
    return cooldown.policy();
  }

  /** Whether {@code route} is currently skipped by the facade because of its cooldown. */
  public boolean isCoolingDown(ProviderRoute route) {
    return cooldown.isCoolingDown(requireArg(route, "route"));
  }

  /** The largest request body accepted, in bytes. */
  public long maxRequestBodyBytes() {
    return maxRequestBodyBytes;
  }

  /** The format to default-alias map the builder computed. */
  public Map<ProviderFormat, String> formatDefaults() {
    return registry.formatDefaults();
  }

  // ---- Step 1: resolve -------------------------------------------------------------------------------

  /** Every route that may serve {@code model} for a client reading {@code outputFormat}, in order. */
  public List<ProviderRoute> resolveRoutes(String model, ProviderFormat outputFormat) {
    return resolveRoutes(model, outputFormat, List.of());
  }

  /**
   * Routes in failover mode when {@code fallbackAliases} is non-empty: one primary route, then one route
   * per requested alias (provider aliases or default secret names such as {@code OPENAI_API_KEY}), drawn
   * from the model's fallback equivalents.
   *
   * @throws dev.llmrouter.error.UnknownModelException if the model is not in the catalog
   * @throws dev.llmrouter.error.NoProviderException if no registered provider serves it
   */
  public List<ProviderRoute> resolveRoutes(
      String model, ProviderFormat outputFormat, List<String> fallbackAliases) {
    requireArg(outputFormat, "outputFormat");
    return routes.resolve(model, outputFormat, fallbackAliases == null ? List.of() : fallbackAliases);
  }

  // ---- Step 2: prepare -------------------------------------------------------------------------------

  /**
   * The bytes to send on {@code route} for a non-streaming request. Same-format bodies pass through; the
   * body's {@code model} becomes the route's model unless {@code preserveBodyModel}.
   *
   * @throws InvalidRequestException if the body is not a JSON object
   * @throws dev.llmrouter.error.TranslationException if the body needs a translation this version lacks
   */
  public PreparedRequest prepare(
      byte[] body, ProviderFormat outputFormat, ProviderRoute route, boolean preserveBodyModel) {
    return prepare(scan(body), outputFormat, route, preserveBodyModel, false);
  }

  /** Like {@link #prepare} for a streaming request: also sets the format's stream flag. */
  public PreparedRequest prepareStream(
      byte[] body, ProviderFormat outputFormat, ProviderRoute route, boolean preserveBodyModel) {
    return prepare(scan(body), outputFormat, route, preserveBodyModel, true);
  }

  private PreparedRequest prepare(
      RequestShape shape,
      ProviderFormat outputFormat,
      ProviderRoute route,
      boolean preserveBodyModel,
      boolean stream) {
    requireArg(outputFormat, "outputFormat");
    requireArg(route, "route");
    boolean providerServesResponses = route.provider().formats().contains(ProviderFormat.RESPONSES);
    Optional<String> modelOverride = preserveBodyModel ? Optional.empty() : Optional.of(route.model());
    RequestTransform transform =
        Translator.transformRequest(
            shape,
            route.format(),
            modelOverride,
            Optional.of(outputFormat),
            providerServesResponses,
            mediaFetcher);
    Translator.requireResponseTranslation(transform.targetFormat(), outputFormat);
    byte[] payload = transform.body();
    if (transform.isPassthrough()) {
      payload = PayloadEdits.apply(shape, transform.targetFormat(), modelOverride, stream);
    } else if (stream && PayloadEdits.streamsByBodyFlag(transform.targetFormat())) {
      payload = PayloadEdits.apply(RequestShape.scan(payload), transform.targetFormat(), Optional.empty(), true);
    }
    RouterMetadata metadata =
        new RouterMetadata(
            route.modelName(),
            route.providerAlias(),
            route.provider().id(),
            route.model(),
            transform.targetFormat(),
            outputFormat,
            transform.sourceFormat().orElse(null),
            transform.isPassthrough(),
            stream,
            List.of());
    return new PreparedRequest(route, payload, transform.targetFormat(), outputFormat, stream,
        transform.requiresJsonResponse(), retryPolicy, metadata);
  }

  // ---- Step 3: execute -------------------------------------------------------------------------------

  /**
   * Sends a prepared non-streaming request, retrying per its policy, and returns the response in the
   * output format.
   */
  public Completion execute(PreparedRequest prepared, ClientHeaders headers) {
    requireArg(prepared, "prepared");
    Observation obs = observe(prepared.metadata().requestedModel(), prepared.outputFormat(), prepared.stream());
    try {
      Completion c = execute(prepared, headers, new CancellationToken(), new ArrayList<>(1), obs);
      if (obs != null) {
        obs.completed(c);
      }
      return c;
    } catch (RuntimeException e) {
      if (obs != null) {
        obs.failed(e);
      }
      throw e;
    }
  }

  /** Sends a prepared streaming request; the returned stream must be closed. */
  public ResponseStream executeStream(PreparedRequest prepared, ClientHeaders headers) {
    return executeStream(prepared, headers, null, new CancellationToken());
  }

  /** Like {@link #executeStream(PreparedRequest, ClientHeaders)}, showing every raw event to {@code capture}. */
  public ResponseStream executeStream(
      PreparedRequest prepared, ClientHeaders headers, RawChunkListener capture) {
    return executeStream(prepared, headers, requireArg(capture, "capture"), new CancellationToken());
  }

  private Completion execute(
      PreparedRequest prepared,
      ClientHeaders headers,
      CancellationToken token,
      List<RouterMetadata.Attempt> attempts,
      Observation obs) {
    requireArg(prepared, "prepared");
    if (prepared.stream()) {
      throw new InvalidRequestException("request was prepared for streaming; use executeStream");
    }
    ProviderRequest request = providerRequest(prepared, prepared.payload(), headers, false, token);
    Provider provider = prepared.route().provider();
    byte[] raw = withRetries(prepared, token, attempts, obs, () -> provider.complete(request));
    byte[] body = translateResponse(prepared, raw);
    return new Completion(body, raw, prepared.metadata().withAttempts(List.copyOf(attempts)),
        prepared.requiresJsonResponse());
  }

  private ResponseStream executeStream(
      PreparedRequest prepared, ClientHeaders headers, RawChunkListener capture, CancellationToken token) {
    requireArg(prepared, "prepared");
    Observation obs = observe(prepared.metadata().requestedModel(), prepared.outputFormat(), prepared.stream());
    try {
      return executeStream(prepared, headers, capture, token, new ArrayList<>(1), obs);
    } catch (RuntimeException e) {
      if (obs != null) {
        obs.failed(e);
      }
      throw e;
    }
  }

  /** Opens the stream (retrying only the opening); nothing is retried once the stream is returned. */
  private ResponseStream executeStream(
      PreparedRequest prepared,
      ClientHeaders headers,
      RawChunkListener capture,
      CancellationToken token,
      List<RouterMetadata.Attempt> attempts,
      Observation obs) {
    requireArg(prepared, "prepared");
    if (!prepared.stream()) {
      throw new InvalidRequestException("request was prepared without streaming; use execute");
    }
    Provider provider = prepared.route().provider();
    RawResponseStream raw;
    if (prepared.route().spec().supportsStreaming()) {
      ProviderRequest request = providerRequest(prepared, prepared.payload(), headers, true, token);
      raw = withRetries(prepared, token, attempts, obs, () -> provider.completeStream(request));
    } else {
      // Fake streaming: one non-streaming call whose body becomes the stream.
      byte[] payload = PayloadEdits.withoutStreamFields(prepared.payload());
      ProviderRequest request = providerRequest(prepared, payload, headers, false, token);
      byte[] body = withRetries(prepared, token, attempts, obs, () -> provider.complete(request));
      raw = new SingleChunkStream(StreamChunk.of(body));
    }
    token.onCancel(raw::close);
    return new ResponseStream(raw, streamSession(prepared), capture, token,
        prepared.metadata().withAttempts(List.copyOf(attempts)), obs);
  }

  /**
   * The provider's reply in the caller's format: the same bytes within a response family, otherwise
   * translated, with lingua's {@code "model":"transformed"} placeholder replaced by the route's model.
   */
  private static byte[] translateResponse(PreparedRequest prepared, byte[] raw) {
    ProviderFormat wire = prepared.wireFormat();
    ProviderFormat output = prepared.outputFormat();
    if (Translator.isResponsePassthrough(wire, output)) {
      return raw;
    }
    // Like lingua, read the reply's own format rather than trusting the wire format: a provider may answer
    // in another dialect (an OpenAI-compatible endpoint behind an Anthropic route, say).
    ProviderFormat source = ResponseShape.detect(raw).orElse(wire);
    if (Translator.isResponsePassthrough(source, output)) {
      return raw;
    }
    try {
      byte[] translated = Translator.transformResponse(raw, source, output).body();
      return ResponseModelPatch.replaceTransformedModel(translated, prepared.route().model());
    } catch (TranslationException e) {
      throw new ResponseTransformException(prepared.route().provider().id(), e.getMessage(), raw, e);
    }
  }

  private static StreamSession streamSession(PreparedRequest prepared) {
    return Translator.isResponsePassthrough(prepared.wireFormat(), prepared.outputFormat())
        ? new SameFormatStreamSession(prepared.outputFormat())
        : Translator.newClientStreamSession(prepared.outputFormat(), prepared.route().model());
  }

  private static ProviderRequest providerRequest(
      PreparedRequest prepared,
      byte[] payload,
      ClientHeaders headers,
      boolean stream,
      CancellationToken token) {
    ProviderRoute route = prepared.route();
    return ProviderRequest.builder()
        .payload(payload)
        .format(prepared.wireFormat())
        .spec(route.spec())
        .auth(route.auth())
        .clientHeaders(headers == null ? ClientHeaders.empty() : headers)
        .stream(stream)
        .cancellation(token)
        .build();
  }

  /**
   * Calls upstream, retrying retryable failures per the request's policy; records every attempt in
   * {@code attempts} and every unavailable failure in the route's cooldown (per call, not per request),
   * and reports each call's start and end to {@code obs} when the request is observed.
   */
  private <T> T withRetries(
      PreparedRequest prepared,
      CancellationToken token,
      List<RouterMetadata.Attempt> attempts,
      Observation obs,
      Supplier<T> call) {
    RetryStrategy strategy = prepared.retryPolicy().strategy();
    ProviderRoute route = prepared.route();
    String alias = route.providerAlias();
    String providerId = route.provider().id();
    String model = route.model();
    while (true) {
      if (token.isCancelled()) {
        throw cancelled(prepared);
      }
      int number = attempts.size() + 1;
      RouteInfo observed = obs == null ? null : obs.attemptStart(number, route, prepared.wireFormat());
      long start = System.nanoTime();
      try {
        T result = call.get();
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        attempts.add(new RouterMetadata.Attempt(number, alias, providerId, model,
            Optional.empty(), Optional.empty(), Optional.empty(), latency));
        if (obs != null) {
          obs.attemptEnd(number, observed, SUCCESS_STATUS, Optional.empty(), latency);
        }
        return result;
      } catch (RouterException e) {
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        Optional<Integer> status =
            e instanceof UpstreamHttpException ? Optional.of(((UpstreamHttpException) e).status())
                : Optional.empty();
        String errorType = e.getClass().getSimpleName();
        attempts.add(new RouterMetadata.Attempt(number, alias, providerId, model, status,
            Optional.of(errorType), Optional.of(errorType + ": " + e.getMessage()), latency));
        if (obs != null) {
          obs.attemptEnd(number, observed, status, Optional.of(errorType), latency);
        }
        if (token.isCancelled()) {
          throw e;
        }
        if (FailoverClassifier.isUnavailable(e) && cooldown.recordFailure(route)) {
          log.warn("route alias={} model={} is cooling down for {} after repeated failures", alias, model,
              cooldown.policy().cooldown());
        }
        Optional<Duration> delay = strategy.nextDelay(e);
        if (delay.isEmpty()) {
          throw e;
        }
        log.debug("retrying provider alias={} model={} attempt={} delayMs={} after {}", alias,
            prepared.route().model(), strategy.attempts(), delay.get().toMillis(),
            e.getClass().getSimpleName());
        try {
          if (!token.sleep(delay.get())) {
            throw cancelled(prepared);
          }
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new TransportException(prepared.route().provider().id(),
              "interrupted while waiting to retry", false, ie);
        }
      } catch (RuntimeException e) {
        // A provider bug (not a RouterException): never retried, but still reported.
        if (obs != null) {
          obs.attemptEnd(number, observed, Optional.empty(), Optional.of(e.getClass().getSimpleName()),
              Duration.ofNanos(System.nanoTime() - start));
        }
        throw e;
      }
    }
  }

  /** Starts observing a request, or null (and no allocation) when no listener is registered. */
  private Observation observe(String model, ProviderFormat outputFormat, boolean stream) {
    RouterListener l = listener;
    if (l == null) {
      return null;
    }
    return Observation.start(l, requestIds.incrementAndGet(), model, outputFormat, stream);
  }

  private static TransportException cancelled(PreparedRequest prepared) {
    return new TransportException(prepared.route().provider().id(), "request cancelled", false, null);
  }

  // ---- One-call facade -------------------------------------------------------------------------------

  /**
   * Routes a request whose body names the model ({@code model}, or Bedrock's {@code modelId}) and says
   * whether to stream ({@code "stream": true}). Returns a {@link Completion} or a {@link ResponseStream}.
   *
   * @throws InvalidRequestException if the body is not a JSON object or has no model
   */
  public RouterResult handle(byte[] body, ProviderFormat outputFormat, ClientHeaders headers) {
    return handle(body, outputFormat, headers, new CancellationToken());
  }

  /** {@link #handle} on the router's executor; cancelling the future aborts the upstream call. */
  public CompletableFuture<RouterResult> handleAsync(
      byte[] body, ProviderFormat outputFormat, ClientHeaders headers) {
    return async(token -> handle(body, outputFormat, headers, token));
  }

  /**
   * A non-streaming completion of {@code model}; the body's own model and stream flag are ignored for
   * routing, and the body's model is replaced by the route's.
   */
  public Completion complete(
      byte[] body, String model, ProviderFormat outputFormat, ClientHeaders headers) {
    return complete(body, model, outputFormat, headers, new CancellationToken());
  }

  /** {@link #complete} on the router's executor; cancelling the future aborts the upstream call. */
  public CompletableFuture<Completion> completeAsync(
      byte[] body, String model, ProviderFormat outputFormat, ClientHeaders headers) {
    return async(token -> complete(body, model, outputFormat, headers, token));
  }

  /** A streaming completion of {@code model}; close the returned stream when done. */
  public ResponseStream completeStream(
      byte[] body, String model, ProviderFormat outputFormat, ClientHeaders headers) {
    return completeStream(body, model, outputFormat, headers, new CancellationToken());
  }

  /** {@link #completeStream} on the router's executor; cancelling the future aborts the upstream call. */
  public CompletableFuture<ResponseStream> completeStreamAsync(
      byte[] body, String model, ProviderFormat outputFormat, ClientHeaders headers) {
    return async(token -> completeStream(body, model, outputFormat, headers, token));
  }

  private RouterResult handle(
      byte[] body, ProviderFormat outputFormat, ClientHeaders headers, CancellationToken token) {
    RequestShape shape;
    String model;
    try {
      shape = scan(expandPrompt(body, outputFormat).body());
      model = shape.model()
          .orElseThrow(() -> new InvalidRequestException(
              "request body has no \"model\" string; name the model in the body or call complete()"));
    } catch (RuntimeException e) {
      // Unreadable: observed as a request with an empty model name that failed at once.
      Observation obs = observe("", outputFormat, false);
      if (obs != null) {
        obs.failed(e);
      }
      throw e;
    }
    if (shape.isStream()) {
      return completeStream(shape, model, outputFormat, headers, token,
          observe(model, outputFormat, true));
    }
    return complete(shape, model, outputFormat, headers, token, observe(model, outputFormat, false));
  }

  private Completion complete(
      byte[] body, String model, ProviderFormat outputFormat, ClientHeaders headers,
      CancellationToken token) {
    PromptResolution expanded = expandObserved(body, model, outputFormat, false);
    String routed = expanded.model().orElse(model);
    Observation obs = observe(routed, outputFormat, false);
    return complete(scanObserved(expanded.body(), obs), routed, outputFormat, headers, token, obs);
  }

  private ResponseStream completeStream(
      byte[] body, String model, ProviderFormat outputFormat, ClientHeaders headers,
      CancellationToken token) {
    PromptResolution expanded = expandObserved(body, model, outputFormat, true);
    String routed = expanded.model().orElse(model);
    Observation obs = observe(routed, outputFormat, true);
    return completeStream(scanObserved(expanded.body(), obs), routed, outputFormat, headers, token, obs);
  }

  /** {@link #expandPrompt}, observing a failure as a request for {@code model} that failed at once. */
  private PromptResolution expandObserved(
      byte[] body, String model, ProviderFormat outputFormat, boolean stream) {
    try {
      return expandPrompt(body, outputFormat);
    } catch (RuntimeException e) {
      Observation obs = observe(model == null ? "" : model, outputFormat, stream);
      if (obs != null) {
        obs.failed(e);
      }
      throw e;
    }
  }

  /**
   * Checks the size limit, then expands the stored prompt a body names ({@code prompt_id}) when a prompt
   * source is configured; otherwise, and for bodies without one, the caller's array unchanged.
   */
  private PromptResolution expandPrompt(byte[] body, ProviderFormat outputFormat) {
    requireArg(body, "request body");
    if (body.length > maxRequestBodyBytes) {
      throw new RequestTooLargeException(body.length, maxRequestBodyBytes);
    }
    if (prompts.isEmpty()) {
      return PromptResolution.unchanged(body);
    }
    return prompts.get().resolve(body, outputFormat);
  }

  private RequestShape scanObserved(byte[] body, Observation obs) {
    try {
      return scan(body);
    } catch (RuntimeException e) {
      if (obs != null) {
        obs.failed(e);
      }
      throw e;
    }
  }

  private Completion complete(
      RequestShape shape, String model, ProviderFormat outputFormat, ClientHeaders headers,
      CancellationToken token, Observation obs) {
    List<RouterMetadata.Attempt> attempts = new ArrayList<>(2);
    try {
      Completion c = acrossRoutes(model, outputFormat, token,
          route -> prepare(shape, outputFormat, route, false, false),
          prepared -> execute(prepared, headers, token, attempts, obs));
      if (obs != null) {
        obs.completed(c);
      }
      return c;
    } catch (RuntimeException e) {
      if (obs != null) {
        obs.failed(e);
      }
      throw e;
    }
  }

  /** Opens a stream; once open, the stream itself ends the observation (when it ends, fails or closes). */
  private ResponseStream completeStream(
      RequestShape shape, String model, ProviderFormat outputFormat, ClientHeaders headers,
      CancellationToken token, Observation obs) {
    List<RouterMetadata.Attempt> attempts = new ArrayList<>(2);
    try {
      return acrossRoutes(model, outputFormat, token,
          route -> prepare(shape, outputFormat, route, false, true),
          prepared -> executeStream(prepared, headers, null, token, attempts, obs));
    } catch (RuntimeException e) {
      if (obs != null) {
        obs.failed(e);
      }
      throw e;
    }
  }

  /**
   * Runs a request on the model's routes in order until one succeeds or fails with an error that is not
   * an unavailability. The routes: every registered alias of the model (normal mode), then, only once
   * those failed, the routes of its fallback equivalents. Routes in cooldown are skipped unless every
   * route is. A route whose request cannot be prepared (no translation to its format, say) is skipped
   * once an earlier route has failed, otherwise its error is thrown. When all routes fail, the last
   * route's error is thrown with the earlier routes' errors attached as suppressed exceptions.
   */
  private <T> T acrossRoutes(
      String model,
      ProviderFormat outputFormat,
      CancellationToken token,
      Function<ProviderRoute, PreparedRequest> prepare,
      Function<PreparedRequest, T> run) {
    List<ProviderRoute> primary = resolveRoutes(model, outputFormat);
    if (!failover) {
      return run.apply(prepare.apply(primary.get(0)));
    }
    List<ProviderRoute> candidates = new ArrayList<>(primary);
    Set<String> seen = new HashSet<>();
    for (ProviderRoute r : primary) {
      seen.add(routeKey(r));
    }
    List<ProviderRoute> cooling = new ArrayList<>();
    List<RouterException> failures = new ArrayList<>();
    boolean equivalentsAdded = false;
    boolean attempted = false;
    for (int i = 0; ; i++) {
      if (i == candidates.size()) {
        if (!equivalentsAdded) {
          equivalentsAdded = true;
          for (ProviderRoute r : routes.equivalentRoutes(model, outputFormat)) {
            if (seen.add(routeKey(r))) {
              candidates.add(r);
            }
          }
        }
        if (i == candidates.size() && !attempted && !cooling.isEmpty()) {
          // Every route is cooling down: trying them anyway beats failing without a call.
          candidates.addAll(cooling);
          cooling.clear();
          attempted = true;
        }
        if (i == candidates.size()) {
          break;
        }
      }
      ProviderRoute route = candidates.get(i);
      if (!attempted && cooldown.isCoolingDown(route)) {
        log.debug("skipping route alias={} model={}: cooling down", route.providerAlias(), route.model());
        cooling.add(route);
        continue;
      }
      if (token.isCancelled() || Thread.currentThread().isInterrupted()) {
        break;
      }
      PreparedRequest prepared;
      try {
        prepared = prepare.apply(route);
      } catch (RouterException e) {
        if (failures.isEmpty()) {
          throw e;
        }
        log.debug("skipping fallback route alias={} model={}: {}", route.providerAlias(), route.model(),
            e.getClass().getSimpleName());
        continue;
      }
      attempted = true;
      try {
        return run.apply(prepared);
      } catch (RouterException e) {
        if (token.isCancelled() || Thread.currentThread().isInterrupted()
            || !FailoverClassifier.isUnavailable(e)) {
          throw withEarlier(e, failures);
        }
        failures.add(e);
        log.warn("route alias={} model={} unavailable ({}{}); trying the next route", route.providerAlias(),
            route.model(), e.getClass().getSimpleName(),
            e instanceof UpstreamHttpException h ? " HTTP " + h.status() : "");
      }
    }
    if (failures.isEmpty()) {
      throw new TransportException(primary.get(0).provider().id(), "request cancelled", false, null);
    }
    RouterException last = failures.remove(failures.size() - 1);
    throw withEarlier(last, failures);
  }

  private static RouterException withEarlier(RouterException e, List<RouterException> earlier) {
    for (RouterException prior : earlier) {
      if (prior != e) {
        e.addSuppressed(prior);
      }
    }
    return e;
  }

  private static String routeKey(ProviderRoute route) {
    return route.providerAlias() + '\n' + route.model();
  }

  private <T> CompletableFuture<T> async(Function<CancellationToken, T> task) {
    CancellationToken token = new CancellationToken();
    CancellableFuture<T> future = new CancellableFuture<>(token);
    try {
      executor.execute(
          () -> {
            if (future.isDone()) {
              return;
            }
            try {
              T result = task.apply(token);
              if (!future.complete(result) && result instanceof AutoCloseable) {
                closeQuietly((AutoCloseable) result);
              }
            } catch (Throwable t) {
              future.completeExceptionally(t);
            }
          });
    } catch (RuntimeException rejected) {
      future.completeExceptionally(rejected);
    }
    return future;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      log.debug("closing an abandoned stream failed", e);
    }
  }

  /** Checks the size limit before any parsing, then scans the body. */
  private RequestShape scan(byte[] body) {
    requireArg(body, "request body");
    if (body.length > maxRequestBodyBytes) {
      throw new RequestTooLargeException(body.length, maxRequestBodyBytes);
    }
    return RequestShape.scan(body);
  }

  private static <T> T requireArg(T value, String what) {
    if (value == null) {
      throw new InvalidRequestException(what + " must not be null");
    }
    return value;
  }

  @Override
  public String toString() {
    return "Router{models=" + catalog.size() + ", providers="
        + registry.registrations().stream().map(ProviderRegistry.Registration::alias).toList() + "}";
  }
}
