package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.catalog;
import static dev.llmrouter.testing.Fixtures.openaiSpec;
import static dev.llmrouter.testing.Fixtures.spec;
import static dev.llmrouter.testing.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UnknownModelException;
import dev.llmrouter.error.UpstreamTimeoutException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.route.ProviderRoute;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.testing.BlockingProvider;
import dev.llmrouter.testing.FailingProvider;
import dev.llmrouter.testing.Fixtures;
import dev.llmrouter.testing.JsonProbe;
import dev.llmrouter.testing.RecordingRawStream;
import dev.llmrouter.testing.StubProvider;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Preparing and executing requests with in-memory providers: the execution tests of the Rust router's
 * {@code tests/router.rs} and {@code src/router.rs} that need no translation, and the Java router's
 * own behaviour (zero-copy pass-through, retries, the one-call facade, streams, async cancellation).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouterExecutionTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final byte[] PING =
      bytes("{\"model\":\"stub-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

  private static RetryPolicy noDelay(int maxAttempts) {
    return RetryPolicy.builder()
        .maxAttempts(maxAttempts)
        .initialDelay(Duration.ZERO)
        .maxDelay(Duration.ZERO)
        .exponentialBase(2.0)
        .jitter(false)
        .build();
  }

  private static Router routerWith(String model, ModelSpec spec, String alias, Provider provider) {
    return Router.builder()
        .catalog(catalog(model, spec))
        .addProvider(alias, provider, auth(), ProviderFormat.OPENAI)
        .build();
  }

  private static Router stubRouter(StubProvider stub) {
    return routerWith("stub-model", openaiSpec("stub-model"), "stub", stub);
  }

  private static Router retryRouter(RetryPolicy policy, String alias, Provider provider) {
    return Router.builder()
        .retryPolicy(policy)
        .catalog(catalog("retry-model", openaiSpec("retry-model")))
        .addProvider(alias, provider, auth(), ProviderFormat.OPENAI)
        .build();
  }

  /** Resolve, take the first route, prepare (the Rust tests' create_request helper). */
  private static PreparedRequest prepareFirst(Router router, byte[] body, String model, ProviderFormat output) {
    ProviderRoute route = router.resolveRoutes(model, output).get(0);
    return router.prepare(body, output, route, false);
  }

  private static PreparedRequest prepareStreamFirst(
      Router router, byte[] body, String model, ProviderFormat output) {
    ProviderRoute route = router.resolveRoutes(model, output).get(0);
    return router.prepareStream(body, output, route, false);
  }

  private static List<StreamChunk> drain(ResponseStream stream) {
    List<StreamChunk> out = new ArrayList<>();
    for (StreamChunk c : stream) {
      out.add(c);
    }
    return out;
  }

  private static Map<String, String> without(Map<String, String> members, String... names) {
    Map<String, String> copy = new LinkedHashMap<>(members);
    for (String n : names) {
      copy.remove(n);
    }
    return copy;
  }

  // ---- tests/router.rs ----------------------------------------------------------------------------

  @Test
  void router_routes_to_stub_provider() {
    StubProvider stub = StubProvider.of("stub", ProviderFormat.OPENAI);
    Router router = stubRouter(stub);
    byte[] body =
        bytes("{\"model\":\"stub-model\",\"messages\":[{\"role\":\"system\",\"content\":\"You are helpful\"},"
            + "{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, "stub-model", ProviderFormat.OPENAI);
    assertThat(prepared.metadata().passthrough()).isTrue();

    Completion completion = router.execute(prepared, ClientHeaders.empty());
    assertThat(JsonProbe.string(completion.body(), "model")).contains("stub-model");
    assertThat(JsonProbe.members(completion.body())).containsKey("choices");
  }

  @Test
  void router_resolves_provider_alias_in_metadata() {
    Router router = stubRouter(StubProvider.of("stub", ProviderFormat.OPENAI));

    PreparedRequest prepared = prepareFirst(router, PING, "stub-model", ProviderFormat.OPENAI);
    assertThat(prepared.metadata().providerAlias()).isEqualTo("stub");
    assertThat(prepared.metadata().providerId()).isEqualTo("stub");
  }

  @Test
  void router_requires_auth_for_provider() {
    StubProvider stub = StubProvider.of("stub", ProviderFormat.OPENAI);
    Router router = stubRouter(stub);

    Completion completion =
        router.execute(prepareFirst(router, PING, "stub-model", ProviderFormat.OPENAI), ClientHeaders.empty());
    assertThat(JsonProbe.string(completion.body(), "model")).contains("stub-model");
    // The registered credentials reach the provider.
    assertThat(stub.onlyCall().auth()).isEqualTo(auth());
  }

  @Test
  void anthropic_openai_catalog_format_resolves_to_chat_completions() {
    StubProvider anthropic =
        StubProvider.builder("anthropic")
            .formats(ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI)
            .response(Fixtures.chatResponse("claude-test", "ok"))
            .build();
    Router router =
        Router.builder()
            .catalog(catalog("my-openai-anthropic-model", spec("claude-haiku-4-5", ProviderFormat.OPENAI)))
            .addProvider("anthropic", anthropic, Fixtures.auth(), ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI)
            .build();
    byte[] body =
        bytes("{\"model\":\"my-openai-anthropic-model\",\"messages\":[{\"role\":\"system\",\"content\":"
            + "\"You are helpful\"},{\"role\":\"user\",\"content\":\"What is 1+1?\"}]}");

    router.execute(prepareFirst(router, body, "my-openai-anthropic-model", ProviderFormat.OPENAI),
        ClientHeaders.empty());

    ProviderRequest call = anthropic.onlyCall();
    assertThat(call.format()).isEqualTo(ProviderFormat.OPENAI);
    // The catalog key is rewritten to the upstream model id.
    assertThat(JsonProbe.string(call.payload(), "model")).contains("claude-haiku-4-5");
  }

  @Test
  void router_does_not_retry_timeout_errors() {
    FailingProvider failing =
        FailingProvider.always("failing", () -> new UpstreamTimeoutException("failing", "read timed out", null));
    Router router = retryRouter(noDelay(2), "failing", failing);

    PreparedRequest prepared = prepareFirst(router, PING, "retry-model", ProviderFormat.OPENAI);
    assertThatThrownBy(() -> router.execute(prepared, ClientHeaders.empty()))
        .isInstanceOf(UpstreamTimeoutException.class)
        .isSameAs(failing.lastThrown());
    assertThat(failing.attempts()).isEqualTo(1);
  }

  /**
   * Java analogue: there is no separate UpstreamUnavailable mapping; a retryable transport failure
   * with no retries allowed surfaces unchanged as a TransportException naming the provider.
   */
  @Test
  void router_maps_terminal_http_errors_to_upstream_unavailable() {
    FailingProvider failing =
        FailingProvider.always("http-failing",
            () -> new TransportException("http-failing", "connection refused: 127.0.0.1:1", true,
                new ConnectException("Connection refused")));
    Router router = retryRouter(noDelay(0), "http-failing", failing);

    PreparedRequest prepared = prepareFirst(router, PING, "retry-model", ProviderFormat.OPENAI);
    assertThatThrownBy(() -> router.execute(prepared, ClientHeaders.empty()))
        .isSameAs(failing.lastThrown())
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.provider()).isEqualTo("http-failing");
          assertThat(e.isRetryable()).isTrue();
          assertThat(e).hasMessageContaining("provider 'http-failing' unavailable");
          assertThat(e).hasCauseInstanceOf(ConnectException.class);
        });
    assertThat(failing.attempts()).isEqualTo(1);
  }

  /**
   * Java analogue of the middleware variant: a retryable transport failure that outlasts the retry
   * budget surfaces as the last attempt's TransportException, naming the provider.
   */
  @Test
  void router_maps_terminal_middleware_errors_to_upstream_unavailable() {
    FailingProvider failing =
        FailingProvider.always("middleware-failing",
            () -> new TransportException("middleware-failing", "error sending request", true,
                new IOException("broken pipe")));
    Router router = retryRouter(noDelay(1), "middleware-failing", failing);

    PreparedRequest prepared = prepareFirst(router, PING, "retry-model", ProviderFormat.OPENAI);
    assertThatThrownBy(() -> router.execute(prepared, ClientHeaders.empty()))
        .isSameAs(failing.lastThrown())
        .isInstanceOfSatisfying(TransportException.class,
            e -> assertThat(e.provider()).isEqualTo("middleware-failing"));
    assertThat(failing.attempts()).isEqualTo(2);
  }

  /**
   * The Rust test needs the chat-to-Responses translation (issue 3). What Java can show today: with a
   * Responses-capable provider the upgrade is decided (the target becomes Responses), so preparation
   * refuses the translation before any upstream call. Replace with the full port when translation lands.
   */
  @Test
  void reasoning_effort_with_tools_targets_responses_before_translation() {
    StubProvider openai = StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5.2-mini", openaiSpec("gpt-5.2-mini")))
            .addProvider("openai", openai, auth(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .build();
    ProviderRoute route = router.resolveRoutes("gpt-5.2-mini", ProviderFormat.OPENAI).get(0);
    assertThat(route.format()).isEqualTo(ProviderFormat.OPENAI);

    assertThatThrownBy(() -> router.prepare(reasoningWithTools("gpt-5.2-mini", "medium"), ProviderFormat.OPENAI,
            route, false))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("responses");
    assertThat(openai.totalCalls()).isZero();
  }

  private static byte[] reasoningWithTools(String model, String effort) {
    return bytes("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Tokyo weather?\"}],"
        + "\"reasoning_effort\":\"" + effort + "\",\"tools\":[{\"type\":\"function\",\"function\":{"
        + "\"name\":\"get_weather\",\"description\":\"Get weather\",\"parameters\":{\"type\":\"object\","
        + "\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}}]}");
  }

  // ---- The Responses upgrade (Java: only when the provider supports Responses) ---------------------

  @Test
  void reasoning_effort_with_tools_stays_chat_when_provider_lacks_responses() {
    StubProvider chatOnly = StubProvider.of("openai", ProviderFormat.OPENAI);
    Router router = routerWith("gpt-5.2-mini", openaiSpec("gpt-5.2-mini"), "openai", chatOnly);
    byte[] body = reasoningWithTools("gpt-5.2-mini", "medium");

    PreparedRequest prepared = prepareFirst(router, body, "gpt-5.2-mini", ProviderFormat.OPENAI);
    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.payload()).isSameAs(body);

    router.execute(prepared, ClientHeaders.empty());
    assertThat(chatOnly.onlyCall().format()).isEqualTo(ProviderFormat.OPENAI);
  }

  @Test
  void reasoning_effort_none_or_gemini_model_is_not_upgraded_to_responses() {
    StubProvider openai = StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    Router router =
        Router.builder()
            .catalog(ModelCatalog.builder()
                .put("gpt-5.2-mini", openaiSpec("gpt-5.2-mini"))
                .put("gemini-2.5-flash", spec("gemini-2.5-flash", ProviderFormat.OPENAI, "openai"))
                .build())
            .addProvider("openai", openai, auth(), ProviderFormat.OPENAI)
            .build();

    byte[] none = reasoningWithTools("gpt-5.2-mini", "none");
    PreparedRequest p1 = prepareFirst(router, none, "gpt-5.2-mini", ProviderFormat.OPENAI);
    assertThat(p1.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(p1.payload()).isSameAs(none);

    byte[] gemini = reasoningWithTools("gemini-2.5-flash", "high");
    PreparedRequest p2 = prepareFirst(router, gemini, "gemini-2.5-flash", ProviderFormat.OPENAI);
    assertThat(p2.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(p2.payload()).isSameAs(gemini);
  }

  // ---- Request preparation (router.rs) ------------------------------------------------------------

  @Test
  void prepare_provider_request_does_not_rewrite_model_for_google_pass_through() {
    String key = "models/gemini-2.5-pro";
    Router router =
        Router.builder()
            .catalog(catalog(key, spec(key, ProviderFormat.GOOGLE, "google")))
            .addProvider("google", StubProvider.google(), auth(), ProviderFormat.GOOGLE)
            .build();
    byte[] body =
        bytes("{\"model\":\"models/gemini-2.5-flash\",\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Ping\"}]}]}");

    PreparedRequest prepared = prepareFirst(router, body, key, ProviderFormat.GOOGLE);

    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(prepared.metadata().passthrough()).isTrue();
    // Rust's internal tuple has no detected format here; its RouterMetadata (like Java's) reports
    // the route's format on pass-through.
    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.GOOGLE);
    assertThat(prepared.payload()).isSameAs(body);
    assertThat(JsonProbe.string(prepared.payload(), "model")).contains("models/gemini-2.5-flash");
  }

  @Test
  void prepare_provider_request_rewrites_same_format_chat_model_without_losing_native_fields() {
    Router router = routerWith("gpt-4o", openaiSpec("gpt-4o"), "openai", StubProvider.of("openai"));
    String original =
        "{\"model\":\"gpt-4\",\"messages\":[{\"role\":\"user\",\"name\":\"example_user\",\"content\":\"Ping\"}]}";

    PreparedRequest prepared = prepareFirst(router, bytes(original), "gpt-4o", ProviderFormat.OPENAI);

    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(text(prepared.payload()))
        .isEqualTo(original.replace("\"model\":\"gpt-4\"", "\"model\":\"gpt-4o\""));
    assertThat(JsonProbe.members(prepared.payload()).get("messages")).contains("\"name\":\"example_user\"");
  }

  @Test
  void prepare_provider_request_can_preserve_same_format_body_model() {
    Router router = routerWith("gpt-4o", openaiSpec("gpt-4o"), "openai", StubProvider.of("openai"));
    byte[] body =
        bytes("{\"model\":\"gpt-4\",\"messages\":[{\"role\":\"user\",\"name\":\"example_user\",\"content\":\"Ping\"}]}");
    ProviderRoute route = router.resolveRoutes("gpt-4o", ProviderFormat.OPENAI).get(0);

    PreparedRequest prepared = router.prepare(body, ProviderFormat.OPENAI, route, true);

    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.payload()).isSameAs(body);
    assertThat(JsonProbe.string(prepared.payload(), "model")).contains("gpt-4");
  }

  // ---- Same-format pass-through edits (Java) ------------------------------------------------------

  @Test
  void same_format_prepare_is_zero_copy_when_the_model_matches() {
    Router router = stubRouter(StubProvider.of("stub"));

    PreparedRequest prepared = prepareFirst(router, PING, "stub-model", ProviderFormat.OPENAI);

    assertThat(prepared.payload()).isSameAs(PING);
    assertThat(prepared.metadata().passthrough()).isTrue();
    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().outputFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().stream()).isFalse();
    assertThat(prepared.metadata().attempts()).isEmpty();
    assertThat(prepared.stream()).isFalse();
  }

  @Test
  void model_rewrite_changes_only_the_model_value_bytes() {
    Router router = routerWith("gpt-4o", openaiSpec("gpt-4o"), "openai", StubProvider.of("openai"));
    String original =
        "{ \"temperature\" : 0.70,\n  \"model\" :  \"gpt-4\" , \"seed\": 1e2,"
            + " \"messages\": [ {\"role\":\"user\",\"content\":\"caf\\u00e9 \u00e9\"} ], \"z\": null }";

    PreparedRequest prepared = prepareFirst(router, bytes(original), "gpt-4o", ProviderFormat.OPENAI);

    assertThat(text(prepared.payload()))
        .isEqualTo(original.replace("\"gpt-4\"", "\"gpt-4o\""));
    assertThat(prepared.metadata().model()).isEqualTo("gpt-4o");
  }

  @Test
  void model_is_inserted_when_the_body_has_none() {
    Router router = stubRouter(StubProvider.of("stub"));
    byte[] body = bytes("{\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}],\"n\":1}");

    PreparedRequest prepared = prepareFirst(router, body, "stub-model", ProviderFormat.OPENAI);

    Map<String, String> members = JsonProbe.members(prepared.payload());
    assertThat(members).containsEntry("model", "\"stub-model\"");
    assertThat(without(members, "model")).containsExactlyEntriesOf(JsonProbe.members(body));
  }

  @Test
  void prepare_stream_sets_stream_true_and_leaves_the_rest() {
    Router router = stubRouter(StubProvider.of("stub"));
    byte[] body =
        bytes("{\"model\":\"stub-model\",\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareStreamFirst(router, body, "stub-model", ProviderFormat.OPENAI);

    Map<String, String> members = JsonProbe.members(prepared.payload());
    assertThat(members).containsEntry("stream", "true");
    assertThat(without(members, "stream")).containsExactlyEntriesOf(JsonProbe.members(body));
    assertThat(prepared.stream()).isTrue();
    assertThat(prepared.metadata().stream()).isTrue();
  }

  @Test
  void prepare_stream_flips_a_false_flag_in_place_and_keeps_a_true_one() {
    Router router = stubRouter(StubProvider.of("stub"));
    String falseFlag = "{\"model\":\"stub-model\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}";

    PreparedRequest flipped = prepareStreamFirst(router, bytes(falseFlag), "stub-model", ProviderFormat.OPENAI);
    assertThat(text(flipped.payload())).isEqualTo(falseFlag.replace("\"stream\":false", "\"stream\":true"));

    byte[] trueFlag = bytes(falseFlag.replace("false", "true"));
    PreparedRequest kept = prepareStreamFirst(router, trueFlag, "stub-model", ProviderFormat.OPENAI);
    assertThat(kept.payload()).isSameAs(trueFlag);
  }

  @Test
  void non_stream_prepare_keeps_a_client_stream_flag() {
    Router router = stubRouter(StubProvider.of("stub"));
    byte[] body = bytes("{\"model\":\"stub-model\",\"stream\":true,\"messages\":[]}");

    PreparedRequest prepared = prepareFirst(router, body, "stub-model", ProviderFormat.OPENAI);
    assertThat(prepared.payload()).isSameAs(body);
    assertThat(prepared.stream()).isFalse();
  }

  @Test
  void same_format_anthropic_and_responses_bodies_pass_through() {
    StubProvider anthropic = StubProvider.of("anthropic", ProviderFormat.ANTHROPIC);
    Router claude =
        routerWith("claude-haiku-4-5", spec("claude-haiku-4-5", ProviderFormat.ANTHROPIC), "anthropic", anthropic);
    String messages = "{\"model\":\"claude\",\"max_tokens\":128,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}";
    PreparedRequest p1 = prepareFirst(claude, bytes(messages), "claude-haiku-4-5", ProviderFormat.ANTHROPIC);
    assertThat(p1.wireFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(text(p1.payload())).isEqualTo(messages.replace("\"claude\"", "\"claude-haiku-4-5\""));

    Router responses =
        routerWith("gpt-5-pro", openaiSpec("gpt-5-pro"), "openai",
            StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES));
    byte[] input = bytes("{\"model\":\"gpt-5-pro\",\"input\":\"Ping\"}");
    PreparedRequest p2 = prepareFirst(responses, input, "gpt-5-pro", ProviderFormat.RESPONSES);
    assertThat(p2.wireFormat()).isEqualTo(ProviderFormat.RESPONSES);
    assertThat(p2.payload()).isSameAs(input);
  }

  @Test
  void prepare_rejects_bodies_that_are_not_json_objects() {
    Router router = stubRouter(StubProvider.of("stub"));
    ProviderRoute route = router.resolveRoutes("stub-model", ProviderFormat.OPENAI).get(0);
    for (String bad : List.of("", "not-json", "[1,2]", "\"text\"", "{\"model\":")) {
      assertThatThrownBy(() -> router.prepare(bytes(bad), ProviderFormat.OPENAI, route, false))
          .as(bad)
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  // ---- Raw response and capture (router.rs) -------------------------------------------------------

  private static final byte[] CHAT_RESPONSE =
      bytes("{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"gpt-5-mini\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hello\"},"
          + "\"finish_reason\":\"stop\"}]}");
  private static final byte[] CHAT_CHUNK =
      bytes("{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"gpt-5-mini\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hello\"},\"finish_reason\":null}]}");
  private static final byte[] CHAT_REQUEST =
      bytes("{\"model\":\"gpt-5-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");

  private static Router staticRouter(StubProvider provider) {
    return routerWith("gpt-5-mini", openaiSpec("gpt-5-mini"), "openai", provider);
  }

  @Test
  void complete_with_raw_response_returns_response_and_raw_response() {
    StubProvider provider = StubProvider.builder("static").response(CHAT_RESPONSE).build();
    Router router = staticRouter(provider);

    Completion completion =
        router.execute(prepareFirst(router, CHAT_REQUEST, "gpt-5-mini", ProviderFormat.OPENAI), ClientHeaders.empty());

    assertThat(completion.body()).isEqualTo(CHAT_RESPONSE);
    assertThat(completion.rawBody()).isEqualTo(CHAT_RESPONSE);
    assertThat(completion.body()).isSameAs(completion.rawBody());
  }

  /**
   * Deliberately different: Rust parses every response and fails with ResponseTransform on non-JSON;
   * Java forwards a same-family response untouched without parsing it, so the bytes come back as is.
   */
  @Test
  void complete_with_raw_response_preserves_raw_response_on_transform_error() {
    byte[] notJson = bytes("not-json");
    Router router = staticRouter(StubProvider.builder("static").response(notJson).build());

    Completion completion =
        router.execute(prepareFirst(router, CHAT_REQUEST, "gpt-5-mini", ProviderFormat.OPENAI), ClientHeaders.empty());

    assertThat(completion.rawBody()).isSameAs(notJson);
    assertThat(completion.body()).isSameAs(notJson);
  }

  /**
   * Deliberately different: the capture still sees the raw chunk before it is yielded, but a
   * same-format stream is not parsed, so the first item is the chunk itself rather than an error.
   */
  @Test
  void complete_stream_raw_chunk_capture_runs_before_transform_error() {
    StreamChunk raw = StreamChunk.of(bytes("not-json"));
    Router router = staticRouter(StubProvider.builder("static").streamChunks(raw).build());
    PreparedRequest prepared = prepareStreamFirst(router, CHAT_REQUEST, "gpt-5-mini", ProviderFormat.OPENAI);
    List<StreamChunk> captured = new ArrayList<>();

    try (ResponseStream stream = router.executeStream(prepared, ClientHeaders.empty(), captured::add)) {
      assertThat(stream.hasNext()).isTrue();
      assertThat(captured).containsExactly(raw);
      assertThat(stream.next()).isEqualTo(raw);
      assertThat(stream.hasNext()).isFalse();
    }
  }

  @Test
  void complete_methods_work_without_raw_response_capture() {
    StubProvider provider =
        StubProvider.builder("static").response(CHAT_RESPONSE).streamChunks(StreamChunk.of(CHAT_CHUNK)).build();
    Router router = staticRouter(provider);

    Completion completion =
        router.execute(prepareFirst(router, CHAT_REQUEST, "gpt-5-mini", ProviderFormat.OPENAI), ClientHeaders.empty());
    assertThat(completion.body()).isEqualTo(CHAT_RESPONSE);

    PreparedRequest streaming = prepareStreamFirst(router, CHAT_REQUEST, "gpt-5-mini", ProviderFormat.OPENAI);
    try (ResponseStream stream = router.executeStream(streaming, ClientHeaders.empty())) {
      assertThat(stream.hasNext()).isTrue();
      StreamChunk first = stream.next();
      assertThat(first.data()).isNotEmpty().isEqualTo(CHAT_CHUNK);
    }
  }

  // ---- Gemini (router.rs) -------------------------------------------------------------------------

  @Test
  void explicit_gemini_chat_completions_catalog_uses_chat_completions_format() {
    String model = "gemini-2.5-flash";
    StubProvider google = StubProvider.google();
    Router router =
        Router.builder()
            .catalog(catalog(model, spec(model, ProviderFormat.OPENAI, "google")))
            .addProvider("google", google, auth(), ProviderFormat.GOOGLE)
            .build();
    byte[] body =
        bytes("{\"model\":\"gemini-2.5-flash\",\"logprobs\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertThat(prepared.metadata().providerAlias()).isEqualTo("google");
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.payload()).isEqualTo(body).isSameAs(body);
    assertThat(JsonProbe.members(prepared.payload()))
        .containsEntry("logprobs", "true")
        .containsKey("messages")
        .doesNotContainKey("contents");
  }

  // ---- Retries (Java) -----------------------------------------------------------------------------

  @Test
  void execute_retries_retryable_transport_errors_and_records_every_attempt() {
    FailingProvider flaky =
        FailingProvider.failingTimes("flaky", 2,
            () -> new TransportException("flaky", "connection refused", true, null));
    Router router = retryRouter(noDelay(2), "flaky", flaky);

    Completion completion =
        router.execute(prepareFirst(router, PING, "retry-model", ProviderFormat.OPENAI), ClientHeaders.empty());

    assertThat(flaky.attempts()).isEqualTo(3);
    assertThat(JsonProbe.string(completion.body(), "model")).contains("retry-model");
    List<RouterMetadata.Attempt> attempts = completion.metadata().attempts();
    assertThat(attempts).extracting(RouterMetadata.Attempt::number).containsExactly(1, 2, 3);
    assertThat(attempts).extracting(RouterMetadata.Attempt::providerAlias).containsOnly("flaky");
    assertThat(attempts).extracting(RouterMetadata.Attempt::succeeded).containsExactly(false, false, true);
    assertThat(attempts.get(0).error()).hasValueSatisfying(
        e -> assertThat(e).contains("TransportException").contains("connection refused"));
    assertThat(attempts.get(0).status()).isEmpty();
    assertThat(attempts.get(2).error()).isEmpty();
    assertThat(attempts).allSatisfy(a -> assertThat(a.latency().isNegative()).isFalse());
  }

  @Test
  void execute_gives_up_after_max_attempts_retries() {
    FailingProvider down =
        FailingProvider.always("down", () -> new TransportException("down", "connection refused", true, null));
    Router router = retryRouter(noDelay(3), "down", down);

    PreparedRequest prepared = prepareFirst(router, PING, "retry-model", ProviderFormat.OPENAI);
    assertThatThrownBy(() -> router.execute(prepared, ClientHeaders.empty()))
        .isInstanceOf(TransportException.class)
        .isSameAs(down.lastThrown());
    assertThat(down.attempts()).isEqualTo(4);
  }

  @Test
  void execute_does_not_retry_non_retryable_transport_errors() {
    FailingProvider failing =
        FailingProvider.always("failing", () -> new TransportException("failing", "bad request line", false, null));
    Router router = retryRouter(noDelay(3), "failing", failing);

    PreparedRequest prepared = prepareFirst(router, PING, "retry-model", ProviderFormat.OPENAI);
    assertThatThrownBy(() -> router.execute(prepared, ClientHeaders.empty())).isSameAs(failing.lastThrown());
    assertThat(failing.attempts()).isEqualTo(1);
  }

  @Test
  void prepared_request_snapshots_the_retry_policy_and_can_run_twice() {
    StubProvider stub = StubProvider.of("stub");
    RetryPolicy policy = noDelay(5);
    Router router =
        Router.builder()
            .retryPolicy(policy)
            .catalog(catalog("stub-model", openaiSpec("stub-model")))
            .addProvider("stub", stub, auth(), ProviderFormat.OPENAI)
            .build();

    PreparedRequest prepared = prepareFirst(router, PING, "stub-model", ProviderFormat.OPENAI);
    assertThat(prepared.retryPolicy()).isEqualTo(policy);
    Completion first = router.execute(prepared, ClientHeaders.empty());
    Completion second = router.execute(prepared, ClientHeaders.empty());
    assertThat(stub.calls()).hasSize(2);
    assertThat(first.metadata().attempts()).hasSize(1);
    assertThat(second.metadata().attempts()).hasSize(1);
  }

  @Test
  void execute_passes_headers_auth_spec_and_format_to_the_provider() {
    StubProvider stub = StubProvider.of("stub");
    Router router = stubRouter(stub);
    ClientHeaders headers = ClientHeaders.builder().add("x-custom-header", "1").build();
    PreparedRequest prepared = prepareFirst(router, PING, "stub-model", ProviderFormat.OPENAI);

    router.execute(prepared, headers);
    router.execute(prepared, null);

    List<ProviderRequest> calls = stub.calls();
    assertThat(calls.get(0).clientHeaders()).isSameAs(headers);
    assertThat(calls.get(1).clientHeaders()).isNotNull();
    assertThat(calls.get(1).clientHeaders().forwarded()).isEmpty();
    assertThat(calls.get(0).payload()).isSameAs(prepared.payload());
    assertThat(calls.get(0).spec()).isEqualTo(prepared.route().spec());
    assertThat(calls.get(0).auth()).isEqualTo(auth());
    assertThat(calls.get(0).format()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(calls.get(0).stream()).isFalse();
  }

  @Test
  void execute_and_execute_stream_refuse_the_other_kind_of_preparation() {
    Router router = stubRouter(StubProvider.of("stub"));
    PreparedRequest plain = prepareFirst(router, PING, "stub-model", ProviderFormat.OPENAI);
    PreparedRequest streaming = prepareStreamFirst(router, PING, "stub-model", ProviderFormat.OPENAI);

    assertThatThrownBy(() -> router.execute(streaming, ClientHeaders.empty()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> router.executeStream(plain, ClientHeaders.empty()))
        .isInstanceOf(InvalidRequestException.class);
  }

  // ---- The one-call facade (Java) -----------------------------------------------------------------

  @Test
  void handle_reads_model_and_stream_from_the_body() {
    StubProvider stub =
        StubProvider.builder("stub").streamChunks(StreamChunk.ofUtf8("{\"n\":1}", null)).build();
    Router router = stubRouter(stub);

    RouterResult plain = router.handle(PING, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(plain).isInstanceOf(Completion.class);
    assertThat(plain.completion()).isPresent();
    assertThat(plain.stream()).isEmpty();
    assertThat(plain.metadata().requestedModel()).isEqualTo("stub-model");
    assertThat(stub.onlyCall().stream()).isFalse();

    byte[] streamBody =
        bytes("{\"model\":\"stub-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");
    RouterResult streamed = router.handle(streamBody, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(streamed.stream()).isPresent();
    try (ResponseStream stream = streamed.stream().get()) {
      assertThat(drain(stream)).extracting(StreamChunk::utf8).containsExactly("{\"n\":1}");
    }
    assertThat(stub.streamCalls()).hasSize(1);
    assertThat(stub.streamCalls().get(0).stream()).isTrue();
    assertThat(stub.streamCalls().get(0).payload()).isSameAs(streamBody);
    assertThat(streamed.metadata().stream()).isTrue();
  }

  @Test
  void handle_without_a_model_is_an_invalid_request() {
    StubProvider stub = StubProvider.of("stub");
    Router router = stubRouter(stub);

    assertThatThrownBy(() -> router.handle(bytes("{\"messages\":[]}"), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("model");
    assertThatThrownBy(() -> router.handle(bytes("{\"model\":42,\"messages\":[]}"), ProviderFormat.OPENAI,
            ClientHeaders.empty()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> router.handle(bytes("not json"), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(stub.totalCalls()).isZero();
  }

  @Test
  void handle_with_an_unknown_model_fails_with_unknown_model() {
    StubProvider stub = StubProvider.of("stub");
    Router router = stubRouter(stub);
    byte[] body = bytes("{\"model\":\"no-such-model\",\"messages\":[]}");

    assertThatThrownBy(() -> router.handle(body, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOfSatisfying(UnknownModelException.class, e -> assertThat(e.model()).isEqualTo("no-such-model"));
    assertThat(stub.totalCalls()).isZero();
  }

  @Test
  void cross_format_request_fails_with_translation_error_before_the_provider_is_called() {
    StubProvider anthropic = StubProvider.of("anthropic", ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI);
    Router router =
        routerWith("claude-haiku-4-5", spec("claude-haiku-4-5", ProviderFormat.ANTHROPIC), "anthropic", anthropic);
    byte[] chat =
        bytes("{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
            + "{\"role\":\"user\",\"content\":\"What is 1+1?\"}]}");

    assertThatThrownBy(() -> router.handle(chat, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("translation not yet supported");
    byte[] streamingChat = bytes(text(chat).replace("{\"model\"", "{\"stream\":true,\"model\""));
    assertThatThrownBy(() -> router.handle(streamingChat, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(TranslationException.class);
    assertThat(anthropic.totalCalls()).isZero();
  }

  @Test
  void cross_format_response_fails_with_translation_error_before_the_provider_is_called() {
    StubProvider anthropic = StubProvider.of("anthropic", ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI);
    Router router =
        routerWith("claude-haiku-4-5", spec("claude-haiku-4-5", ProviderFormat.ANTHROPIC), "anthropic", anthropic);
    // A valid Messages body: the request could pass through, but the caller reads Chat Completions.
    byte[] messages =
        bytes("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":128,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    assertThatThrownBy(() -> router.handle(messages, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("response");
    assertThat(anthropic.totalCalls()).isZero();

    // The same body for a Messages client goes through.
    RouterResult ok = router.handle(messages, ProviderFormat.ANTHROPIC, ClientHeaders.empty());
    assertThat(ok.metadata().providerFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(anthropic.onlyCall().payload()).isSameAs(messages);
  }

  @Test
  void gemini_chat_body_for_a_native_google_route_needs_translation() {
    String model = "gemini-2.5-flash";
    StubProvider google = StubProvider.google();
    Router router =
        Router.builder()
            .catalog(catalog(model, Fixtures.googleSpec(model)))
            .addProvider("google", google, auth(), ProviderFormat.GOOGLE)
            .build();
    byte[] chat = bytes("{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    assertThatThrownBy(() -> router.complete(chat, model, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(TranslationException.class);
    assertThat(google.totalCalls()).isZero();
  }

  @Test
  void complete_routes_the_explicit_model_and_rewrites_the_body_model() {
    StubProvider stub = StubProvider.of("stub");
    Router router = stubRouter(stub);
    byte[] body = bytes("{\"model\":\"something-else\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    Completion completion = router.complete(body, "stub-model", ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(JsonProbe.string(stub.onlyCall().payload(), "model")).contains("stub-model");
    assertThat(JsonProbe.string(completion.body(), "model")).contains("stub-model");
    assertThat(completion.metadata().providerAlias()).isEqualTo("stub");
  }

  // ---- Streams (Java) -----------------------------------------------------------------------------

  @Test
  void response_stream_yields_the_providers_chunks_and_closes_the_raw_stream_at_the_end() {
    StreamChunk a = StreamChunk.ofUtf8("{\"a\":1}", null);
    StreamChunk blank = StreamChunk.ofUtf8("  ", null);
    StreamChunk b = StreamChunk.ofUtf8("{\"b\":2}", "message_delta");
    StubProvider stub = StubProvider.builder("stub").streamChunks(a, blank, b).build();
    Router router = stubRouter(stub);
    List<StreamChunk> captured = new ArrayList<>();

    PreparedRequest prepared = prepareStreamFirst(router, PING, "stub-model", ProviderFormat.OPENAI);
    List<StreamChunk> got;
    try (ResponseStream stream = router.executeStream(prepared, ClientHeaders.empty(), captured::add)) {
      got = drain(stream);
      assertThat(stream.metadata().attempts()).hasSize(1);
      assertThat(stream.metadata().attempts().get(0).succeeded()).isTrue();
    }

    assertThat(got).containsExactly(a, b);
    assertThat(got.get(1).eventType()).contains("message_delta");
    assertThat(captured).containsExactly(a, blank, b);
    RecordingRawStream raw = stub.streams().get(0);
    assertThat(raw.isClosed()).isTrue();
    assertThat(stub.streamCalls().get(0).stream()).isTrue();
  }

  @Test
  void closing_a_response_stream_mid_way_closes_the_raw_stream_and_cancels_the_request() {
    StubProvider stub =
        StubProvider.builder("stub")
            .streamChunks(StreamChunk.ofUtf8("{\"a\":1}", null), StreamChunk.ofUtf8("{\"b\":2}", null))
            .build();
    Router router = stubRouter(stub);

    ResponseStream stream =
        router.executeStream(prepareStreamFirst(router, PING, "stub-model", ProviderFormat.OPENAI),
            ClientHeaders.empty());
    assertThat(stream.next().utf8()).isEqualTo("{\"a\":1}");
    RecordingRawStream raw = stub.streams().get(0);
    assertThat(raw.isClosed()).isFalse();

    stream.close();

    assertThat(raw.isClosed()).isTrue();
    assertThat(raw.chunksRead()).isEqualTo(1);
    assertThat(stream.hasNext()).isFalse();
    assertThat(stub.streamCalls().get(0).cancellation().isCancelled()).isTrue();
    stream.close(); // idempotent
  }

  @Test
  void model_without_streaming_support_fake_streams_through_complete() {
    ModelSpec noStreaming =
        ModelSpec.builder("stub-model", ProviderFormat.OPENAI, ModelFlavor.CHAT).supportsStreaming(false).build();
    StubProvider stub = StubProvider.of("stub");
    Router router = routerWith("stub-model", noStreaming, "stub", stub);
    byte[] body =
        bytes("{\"model\":\"stub-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}],\"temperature\":0.5}");

    PreparedRequest prepared = prepareStreamFirst(router, body, "stub-model", ProviderFormat.OPENAI);
    List<StreamChunk> chunks;
    try (ResponseStream stream = router.executeStream(prepared, ClientHeaders.empty())) {
      chunks = drain(stream);
    }

    assertThat(stub.streamCalls()).isEmpty();
    ProviderRequest call = stub.onlyCall();
    assertThat(call.stream()).isFalse();
    Map<String, String> sent = JsonProbe.members(call.payload());
    assertThat(sent).doesNotContainKeys("stream", "stream_options");
    assertThat(sent).containsExactlyEntriesOf(without(JsonProbe.members(body), "stream", "stream_options"));
    assertThat(chunks).hasSize(1);
    assertThat(JsonProbe.string(chunks.get(0).data(), "model")).contains("stub-model");
    assertThat(JsonProbe.members(chunks.get(0).data())).containsKey("choices");
  }

  /**
   * Deliberately different from Rust (spec 5: streams never retry): opening a stream is retried like a
   * complete call, because a failure to open it means no byte has reached the caller (ARCHITECTURE.md,
   * decision 6). The attempts are counted and the last error surfaces when they run out.
   */
  @Test
  void stream_opening_is_retried_before_any_byte_reaches_the_caller() {
    FailingProvider failing =
        FailingProvider.always("failing", () -> new TransportException("failing", "connection refused", true, null));
    Router router = retryRouter(noDelay(3), "failing", failing);

    PreparedRequest prepared = prepareStreamFirst(router, PING, "retry-model", ProviderFormat.OPENAI);
    assertThatThrownBy(() -> router.executeStream(prepared, ClientHeaders.empty()))
        .isInstanceOf(RouterException.class)
        .isSameAs(failing.lastThrown());
    assertThat(failing.attempts()).isEqualTo(4);
  }

  @Test
  void a_non_retryable_stream_opening_error_is_not_retried() {
    FailingProvider failing =
        FailingProvider.always("failing", () -> new TransportException("failing", "reset mid-body", false, null));
    Router router = retryRouter(noDelay(3), "failing", failing);

    PreparedRequest prepared = prepareStreamFirst(router, PING, "retry-model", ProviderFormat.OPENAI);
    assertThatThrownBy(() -> router.executeStream(prepared, ClientHeaders.empty()))
        .isSameAs(failing.lastThrown());
    assertThat(failing.attempts()).isEqualTo(1);
  }

  // ---- Async and cancellation (Java) --------------------------------------------------------------

  private static Router blockingRouter(BlockingProvider provider) {
    return routerWith("block-model", openaiSpec("block-model"), "blocking", provider);
  }

  private static final byte[] BLOCK_BODY =
      bytes("{\"model\":\"block-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

  @Test
  void complete_async_cancel_fires_the_providers_cancellation_token() throws Exception {
    BlockingProvider provider = new BlockingProvider(WAIT);
    Router router = blockingRouter(provider);

    CompletableFuture<Completion> future =
        router.completeAsync(BLOCK_BODY, "block-model", ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(provider.awaitEntered(WAIT)).as("provider call started").isTrue();
    assertThat(future).isNotDone();

    assertThat(future.cancel(true)).isTrue();

    assertThat(provider.awaitCancelled(WAIT)).as("cancellation token fired").isTrue();
    assertThat(future).isCancelled();
    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
  }

  @Test
  void handle_async_cancel_fires_the_providers_cancellation_token() throws Exception {
    BlockingProvider provider = new BlockingProvider(WAIT);
    Router router = blockingRouter(provider);

    CompletableFuture<RouterResult> future =
        router.handleAsync(BLOCK_BODY, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(provider.awaitEntered(WAIT)).as("provider call started").isTrue();

    future.cancel(false);

    assertThat(provider.awaitCancelled(WAIT)).as("cancellation token fired").isTrue();
    assertThat(future).isCancelled();
  }

  @Test
  void handle_async_completes_with_the_result() throws Exception {
    StubProvider stub = StubProvider.of("stub");
    Router router = stubRouter(stub);

    RouterResult result =
        router.handleAsync(PING, ProviderFormat.OPENAI, ClientHeaders.empty()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(result.completion()).isPresent();
    assertThat(JsonProbe.string(result.completion().get().body(), "model")).contains("stub-model");
  }

  @Test
  void complete_stream_async_yields_a_stream_that_cancelling_the_done_future_does_not_close() throws Exception {
    StubProvider stub =
        StubProvider.builder("stub")
            .streamChunks(StreamChunk.ofUtf8("{\"a\":1}", null), StreamChunk.ofUtf8("{\"b\":2}", null))
            .build();
    Router router = stubRouter(stub);

    CompletableFuture<ResponseStream> future =
        router.completeStreamAsync(PING, "stub-model", ProviderFormat.OPENAI, ClientHeaders.empty());
    try (ResponseStream stream = future.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      assertThat(stream.next().utf8()).isEqualTo("{\"a\":1}");

      // CompletableFuture contract: cancelling a completed future has no effect.
      assertThat(future.cancel(true)).isFalse();

      assertThat(stub.streams().get(0).isClosed()).as("raw stream closed by a no-op cancel").isFalse();
      assertThat(stream.hasNext()).isTrue();
      assertThat(stream.next().utf8()).isEqualTo("{\"b\":2}");
    }
  }

  @Test
  void async_failures_complete_the_future_exceptionally() {
    Router router = stubRouter(StubProvider.of("stub"));
    CompletableFuture<Completion> future =
        router.completeAsync(PING, "no-such-model", ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThatThrownBy(() -> future.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .hasCauseInstanceOf(UnknownModelException.class);
  }
}
