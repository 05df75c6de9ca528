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
import dev.llmrouter.error.ResponseTransformException;
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
import dev.llmrouter.testing.EventSequences;
import dev.llmrouter.testing.FailingProvider;
import dev.llmrouter.testing.Fixtures;
import dev.llmrouter.testing.JsonProbe;
import dev.llmrouter.testing.NativeReplies;
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
 * {@code tests/router.rs}, {@code src/router.rs} and {@code src/streaming.rs} (translation included),
 * and the Java router's own behaviour (zero-copy pass-through, the Responses upgrade only for providers
 * that serve Responses, retries, the one-call facade, streams, async cancellation). End-to-end
 * translation between client and provider formats is in {@link RouterTranslationTest}.
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
   * The Rust CapturingAnthropicStub answers every call with a chat.completion, whatever format it was
   * called in; lingua's transform_response detects the reply's own format (spec 1.6), so the Chat client
   * gets it back as is.
   */
  @Test
  void anthropic_native_catalog_format_resolves_to_anthropic() {
    StubProvider anthropic =
        StubProvider.builder("anthropic")
            .formats(ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI)
            .response(Fixtures.chatResponse("claude-test", "ok"))
            .build();
    Router router =
        Router.builder()
            .catalog(catalog("claude-haiku-4-5", spec("claude-haiku-4-5", ProviderFormat.ANTHROPIC)))
            .addProvider("anthropic", anthropic, auth(), ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI)
            .build();
    byte[] body =
        bytes("{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 1+1?\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, "claude-haiku-4-5", ProviderFormat.OPENAI);
    router.execute(prepared, ClientHeaders.empty());

    assertThat(anthropic.onlyCall().format())
        .as("standard Anthropic model should still use Anthropic format to hit /v1/messages")
        .isEqualTo(ProviderFormat.ANTHROPIC);
  }

  /**
   * Faithful port: the Rust CapturingOpenAIStub answers a chat.completion even when called with
   * Responses; lingua detects the reply's format (spec 1.6), finds Chat Completions, and passes it through.
   */
  @Test
  void reasoning_effort_with_tools_upgrades_format_to_responses() {
    byte[] reply = Fixtures.chatResponse("gpt-5.4-mini", "ok");
    StubProvider openai =
        StubProvider.builder("openai").formats(ProviderFormat.OPENAI, ProviderFormat.RESPONSES).response(reply).build();
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5.2-mini", openaiSpec("gpt-5.2-mini")))
            .addProvider("openai", openai, auth(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .build();

    PreparedRequest prepared =
        prepareFirst(router, reasoningWithTools("gpt-5.2-mini", "medium"), "gpt-5.2-mini", ProviderFormat.OPENAI);
    assertThat(prepared.metadata().providerFormat())
        .as("provider_format in metadata should reflect the upgrade to Responses")
        .isEqualTo(ProviderFormat.RESPONSES);

    Completion completion = router.execute(prepared, ClientHeaders.empty());

    assertThat(openai.onlyCall().format())
        .as("provider.complete() must be called with Responses so the request hits /v1/responses")
        .isEqualTo(ProviderFormat.RESPONSES);
    assertThat(completion.body()).isEqualTo(reply);
  }

  /**
   * Rust prepares only; lingua detects the plain messages body with max_tokens as Anthropic. Java reads it
   * as the format the caller says it speaks (the output format) when the body fits it: here Anthropic.
   */
  @Test
  void responses_required_model_uses_responses_for_anthropic_messages_output() {
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5.5", openaiSpec("gpt-5.5")))
            .addProvider("openai", StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES),
                auth(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .build();
    byte[] body =
        bytes("{\"model\":\"gpt-5.5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    ProviderRoute route = router.resolveRoutes("gpt-5.5", ProviderFormat.ANTHROPIC).get(0);
    PreparedRequest prepared = router.prepare(body, ProviderFormat.ANTHROPIC, route, false);

    assertThat(prepared.metadata().detectedInputFormat())
        .as("request should be detected as Anthropic messages input")
        .contains(ProviderFormat.ANTHROPIC);
    assertThat(prepared.metadata().providerFormat())
        .as("gpt-5.5 should use Responses transport even when the caller uses /v1/messages")
        .isEqualTo(ProviderFormat.RESPONSES);
    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.RESPONSES);
    assertThat(JsonProbe.has(prepared.payload(), "input", 0)).isTrue();
    assertThat(JsonProbe.has(prepared.payload(), "messages")).isFalse();
  }

  private static byte[] reasoningWithTools(String model, String effort) {
    return bytes("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Tokyo weather?\"}],"
        + "\"reasoning_effort\":\"" + effort + "\",\"tools\":[{\"type\":\"function\",\"function\":{"
        + "\"name\":\"get_weather\",\"description\":\"Get weather\",\"parameters\":{\"type\":\"object\","
        + "\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}}]}");
  }

  // ---- The Responses upgrade (Java: only when the provider serves Responses) -----------------------

  @Test
  void reasoning_effort_with_tools_sends_a_responses_body_and_translates_the_reply_back() {
    byte[] reply = NativeReplies.responsesFunctionCall("gpt-5.2-mini");
    StubProvider openai =
        StubProvider.builder("openai")
            .formats(ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .responseFor(ProviderFormat.RESPONSES, reply)
            .build();
    Router router =
        Router.builder()
            .catalog(catalog("gpt-5.2-mini", openaiSpec("gpt-5.2-mini")))
            .addProvider("openai", openai, auth(), ProviderFormat.OPENAI, ProviderFormat.RESPONSES)
            .build();
    ProviderRoute route = router.resolveRoutes("gpt-5.2-mini", ProviderFormat.OPENAI).get(0);
    assertThat(route.format()).isEqualTo(ProviderFormat.OPENAI);

    PreparedRequest prepared =
        router.prepare(reasoningWithTools("gpt-5.2-mini", "medium"), ProviderFormat.OPENAI, route, false);
    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.RESPONSES);
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.RESPONSES);
    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().passthrough()).isFalse();

    Completion completion = router.execute(prepared, ClientHeaders.empty());

    ProviderRequest call = openai.onlyCall();
    assertThat(call.format()).isEqualTo(ProviderFormat.RESPONSES);
    byte[] sent = call.payload();
    assertThat(JsonProbe.keys(sent)).contains("model", "input", "tools", "reasoning").doesNotContain("messages",
        "reasoning_effort");
    assertThat(JsonProbe.text(sent, "model")).isEqualTo("gpt-5.2-mini");
    assertThat(JsonProbe.array(sent, "input")).hasSize(1);
    assertThat(JsonProbe.text(sent, "input", 0, "role")).isEqualTo("user");
    assertThat(JsonProbe.text(sent, "input", 0, "content")).isEqualTo("Tokyo weather?");
    assertThat(JsonProbe.text(sent, "reasoning", "effort")).isEqualTo("medium");
    assertThat(JsonProbe.text(sent, "tools", 0, "type")).isEqualTo("function");
    assertThat(JsonProbe.text(sent, "tools", 0, "name")).isEqualTo("get_weather");

    byte[] body = completion.body();
    assertThat(completion.rawBody()).isSameAs(reply);
    assertThat(JsonProbe.text(body, "object")).isEqualTo("chat.completion");
    assertThat(JsonProbe.text(body, "model")).isEqualTo("gpt-5.2-mini");
    assertThat(JsonProbe.text(body, "choices", 0, "finish_reason")).isEqualTo("tool_calls");
    assertThat(JsonProbe.array(body, "choices", 0, "message", "tool_calls")).hasSize(1);
    assertThat(JsonProbe.text(body, "choices", 0, "message", "tool_calls", 0, "id")).isEqualTo("call_A");
    assertThat(JsonProbe.text(body, "choices", 0, "message", "tool_calls", 0, "function", "name"))
        .isEqualTo("get_weather");
    assertThat(JsonProbe.text(body, "choices", 0, "message", "tool_calls", 0, "function", "arguments"))
        .isEqualTo("{\"location\":\"Tokyo\"}");
    assertThat(JsonProbe.integer(body, "usage", "total_tokens")).isEqualTo(30);
  }

  /**
   * Without Responses support the request stays Chat. gpt-5 family bodies that set a key the model rule
   * changes (here reasoning_effort) are re-serialized through the IR, as lingua always does for the
   * family; the same body for a model outside any rule family goes out as the caller's array.
   */
  @Test
  void reasoning_effort_with_tools_stays_chat_when_provider_lacks_responses() {
    StubProvider chatOnly = StubProvider.of("openai", ProviderFormat.OPENAI);
    Router router =
        Router.builder()
            .catalog(ModelCatalog.builder()
                .put("gpt-5.2-mini", openaiSpec("gpt-5.2-mini"))
                .put("gpt-4.1", openaiSpec("gpt-4.1"))
                .build())
            .addProvider("openai", chatOnly, auth(), ProviderFormat.OPENAI)
            .build();

    byte[] gpt5 = reasoningWithTools("gpt-5.2-mini", "medium");
    PreparedRequest prepared = prepareFirst(router, gpt5, "gpt-5.2-mini", ProviderFormat.OPENAI);
    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().passthrough()).isFalse();
    assertThat(JsonProbe.keys(prepared.payload()))
        .containsExactlyInAnyOrder("model", "messages", "tools", "reasoning_effort");
    assertThat(JsonProbe.text(prepared.payload(), "reasoning_effort")).isEqualTo("medium");
    assertThat(JsonProbe.text(prepared.payload(), "tools", 0, "function", "name")).isEqualTo("get_weather");

    router.execute(prepared, ClientHeaders.empty());
    assertThat(chatOnly.onlyCall().format()).isEqualTo(ProviderFormat.OPENAI);

    byte[] gpt4 = reasoningWithTools("gpt-4.1", "medium");
    PreparedRequest plain = prepareFirst(router, gpt4, "gpt-4.1", ProviderFormat.OPENAI);
    assertThat(plain.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(plain.metadata().passthrough()).isTrue();
    assertThat(plain.payload()).isSameAs(gpt4);
  }

  @Test
  void reasoning_effort_none_or_gemini_model_is_not_upgraded_to_responses() {
    StubProvider openai = StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES);
    Router router =
        Router.builder()
            .catalog(ModelCatalog.builder()
                .put("gpt-4.1", openaiSpec("gpt-4.1"))
                .put("gpt-5.2-mini", openaiSpec("gpt-5.2-mini"))
                .put("gemini-2.5-flash", spec("gemini-2.5-flash", ProviderFormat.OPENAI, "openai"))
                .build())
            .addProvider("openai", openai, auth(), ProviderFormat.OPENAI)
            .build();

    byte[] none = reasoningWithTools("gpt-4.1", "none");
    PreparedRequest p1 = prepareFirst(router, none, "gpt-4.1", ProviderFormat.OPENAI);
    assertThat(p1.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(p1.payload()).isSameAs(none);

    // A gpt-5 body is re-serialized by the model rule, but stays a Chat body.
    PreparedRequest p2 =
        prepareFirst(router, reasoningWithTools("gpt-5.2-mini", "none"), "gpt-5.2-mini", ProviderFormat.OPENAI);
    assertThat(p2.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(p2.metadata().providerFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(JsonProbe.keys(p2.payload())).contains("messages", "tools").doesNotContain("input");
    assertThat(JsonProbe.text(p2.payload(), "reasoning_effort")).isEqualTo("none");

    byte[] gemini = reasoningWithTools("gemini-2.5-flash", "high");
    PreparedRequest p3 = prepareFirst(router, gemini, "gemini-2.5-flash", ProviderFormat.OPENAI);
    assertThat(p3.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(p3.payload()).isSameAs(gemini);

    router.execute(p1, ClientHeaders.empty());
    router.execute(p2, ClientHeaders.empty());
    router.execute(p3, ClientHeaders.empty());
    assertThat(openai.calls()).extracting(ProviderRequest::format).containsOnly(ProviderFormat.OPENAI);
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

  private static final byte[] GOOGLE_HELLO =
      bytes("{\"model\":\"gpt-5-mini\",\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hello\"}]}]}");

  /** A Gemini-format client calling a Chat model (Rust calls the preparation step with no output format). */
  private static Router gpt5MiniRouter() {
    return routerWith("gpt-5-mini", openaiSpec("gpt-5-mini"), "openai", StubProvider.of("openai"));
  }

  @Test
  void prepare_provider_request_enables_stream_for_google_to_chat_completions() {
    Router router = gpt5MiniRouter();

    PreparedRequest prepared = prepareStreamFirst(router, GOOGLE_HELLO, "gpt-5-mini", ProviderFormat.GOOGLE);

    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.GOOGLE);
    assertThat(JsonProbe.members(prepared.payload())).containsEntry("stream", "true").doesNotContainKey("stream_options");
    assertThat(JsonProbe.text(prepared.payload(), "messages", 0, "content")).isEqualTo("hello");
  }

  @Test
  void prepare_provider_request_leaves_non_streaming_google_to_chat_completions_without_stream_flag() {
    Router router = gpt5MiniRouter();

    PreparedRequest prepared = prepareFirst(router, GOOGLE_HELLO, "gpt-5-mini", ProviderFormat.GOOGLE);

    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(JsonProbe.members(prepared.payload())).doesNotContainKeys("stream", "stream_options");
    assertThat(JsonProbe.has(prepared.payload(), "messages", 0)).isTrue();
  }

  @Test
  void prepare_provider_request_does_not_read_model_for_vertex_anthropic() {
    String model = "publishers/anthropic/models/claude-sonnet-4-6";
    Router router =
        Router.builder()
            .catalog(catalog(model, spec(model, ProviderFormat.ANTHROPIC, "vertex")))
            .addProvider("vertex", StubProvider.of("vertex", ProviderFormat.GOOGLE, ProviderFormat.VERTEX_ANTHROPIC),
                auth())
            .build();
    byte[] body = bytes("{\"model\":\"claude-sonnet-4-6\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.VERTEX_ANTHROPIC);
    assertThat(JsonProbe.members(prepared.payload())).doesNotContainKey("model").containsKeys("anthropic_version",
        "messages");
  }

  /**
   * Rust detects this plain messages body with max_tokens as Anthropic (lingua's adapter order). Java
   * reads it as the client's format when it fits, so the port names Anthropic as the output format.
   */
  @Test
  void prepare_provider_request_can_preserve_body_model_across_format_transform() {
    Router router = routerWith("gpt-4o", openaiSpec("gpt-4o"), "openai", StubProvider.of("openai"));
    byte[] body =
        bytes("{\"model\":\"claude-3-5-haiku-20241022\",\"max_tokens\":128,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");
    ProviderRoute route = router.resolveRoutes("gpt-4o", ProviderFormat.ANTHROPIC).get(0);

    PreparedRequest prepared = router.prepare(body, ProviderFormat.ANTHROPIC, route, true);

    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.ANTHROPIC);
    assertThat(prepared.metadata().passthrough()).isFalse();
    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(JsonProbe.text(prepared.payload(), "model")).isEqualTo("claude-3-5-haiku-20241022");
  }

  @Test
  void prepare_provider_request_upgrades_actual_format_to_responses_for_reasoning_plus_tools() {
    Router router =
        routerWith("gpt-5.4-mini", openaiSpec("gpt-5.4-mini"), "openai",
            StubProvider.of("openai", ProviderFormat.OPENAI, ProviderFormat.RESPONSES));

    PreparedRequest prepared =
        prepareFirst(router, reasoningWithTools("gpt-5.4-mini", "medium"), "gpt-5.4-mini", ProviderFormat.OPENAI);

    assertThat(prepared.wireFormat())
        .as("actual_format must be Responses so the router uses the /v1/responses endpoint")
        .isEqualTo(ProviderFormat.RESPONSES);
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.RESPONSES);
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

  // The same two Rust tests on a translated route (Anthropic upstream, Chat client), where Java parses
  // the reply as Rust always does.

  private static final byte[] CLAUDE_CHAT_REQUEST =
      bytes("{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");

  private static Router claudeRouter(StubProvider anthropic) {
    return Router.builder()
        .catalog(catalog("claude-haiku-4-5", spec("claude-haiku-4-5", ProviderFormat.ANTHROPIC)))
        .addProvider("anthropic", anthropic, auth(), ProviderFormat.ANTHROPIC)
        .build();
  }

  @Test
  void complete_with_raw_response_preserves_raw_response_on_transform_error_when_translating() {
    byte[] notJson = bytes("not-json");
    StubProvider anthropic = StubProvider.builder("anthropic").formats(ProviderFormat.ANTHROPIC).response(notJson).build();
    Router router = claudeRouter(anthropic);
    PreparedRequest prepared = prepareFirst(router, CLAUDE_CHAT_REQUEST, "claude-haiku-4-5", ProviderFormat.OPENAI);
    assertThat(prepared.metadata().passthrough()).isFalse();

    assertThatThrownBy(() -> router.execute(prepared, ClientHeaders.empty()))
        .isInstanceOfSatisfying(ResponseTransformException.class, e -> {
          assertThat(e.rawResponse()).isEqualTo(notJson);
          assertThat(e.provider()).isEqualTo("anthropic");
          assertThat(e).hasMessageStartingWith("response transformation failed");
        });
    assertThat(anthropic.calls()).hasSize(1);
  }

  @Test
  void complete_stream_raw_chunk_capture_runs_before_transform_error_when_translating() {
    StreamChunk raw = StreamChunk.of(bytes("not-json"));
    StubProvider anthropic = StubProvider.builder("anthropic").formats(ProviderFormat.ANTHROPIC).streamChunks(raw).build();
    Router router = claudeRouter(anthropic);
    PreparedRequest prepared =
        prepareStreamFirst(router, CLAUDE_CHAT_REQUEST, "claude-haiku-4-5", ProviderFormat.OPENAI);
    List<StreamChunk> captured = new ArrayList<>();

    try (ResponseStream stream = router.executeStream(prepared, ClientHeaders.empty(), captured::add)) {
      // Issue 5: the upstream's undecodable event is its fault (a MALFORMED protocol error caused by the
      // translation failure), announced to the Chat client by an error chunk first.
      assertThat(stream.next().utf8()).startsWith("{\"error\":{");
      assertThatThrownBy(stream::hasNext)
          .isInstanceOf(dev.llmrouter.error.UpstreamProtocolException.class)
          .hasCauseInstanceOf(TranslationException.class);
      assertThat(captured).containsExactly(raw);
      assertThat(stream.hasNext()).isFalse();
    }
    assertThat(anthropic.streams().get(0).isClosed()).isTrue();
  }

  // ---- Gemini (router.rs) -------------------------------------------------------------------------

  /** Rust's google_chat_router: a Google provider (Google and Chat formats), default for Google. */
  private static Router googleRouter(String key, ModelSpec spec) {
    return Router.builder()
        .catalog(catalog(key, spec))
        .addProvider("google", StubProvider.google(), auth(), ProviderFormat.GOOGLE)
        .build();
  }

  /** The checks every "uses native Google format" port shares: translated to contents, not messages. */
  private static void assertTranslatedToGoogle(PreparedRequest prepared, byte[] body) {
    assertThat(prepared.metadata().providerAlias()).isEqualTo("google");
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(prepared.payload()).isNotEqualTo(body);
    assertThat(JsonProbe.members(prepared.payload())).containsKey("contents").doesNotContainKey("messages");
  }

  @Test
  void gemini_native_catalog_transforms_chat_completions_request_to_google() {
    String model = "gemini-2.5-flash";
    Router router = googleRouter(model, Fixtures.googleSpec(model));
    byte[] body = bytes("{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.OPENAI);
    assertThat(prepared.metadata().passthrough()).isFalse();
    assertTranslatedToGoogle(prepared, body);
  }

  @Test
  void bare_gemini_native_catalog_transforms_prefixed_chat_completions_payload() {
    String model = "gemini-2.5-flash";
    Router router = googleRouter(model, Fixtures.googleSpec(model));
    byte[] body =
        bytes("{\"model\":\"models/gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.OPENAI);
    assertTranslatedToGoogle(prepared, body);
  }

  @Test
  void prefixed_gemini_native_catalog_uses_native_google_format() {
    String model = "models/gemini-2.5-flash";
    Router router = googleRouter(model, Fixtures.googleSpec(model));
    byte[] body =
        bytes("{\"model\":\"models/gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertThat(prepared.metadata().detectedInputFormat()).contains(ProviderFormat.OPENAI);
    assertTranslatedToGoogle(prepared, body);
  }

  @Test
  void prefixed_gemini_key_with_bare_spec_model_uses_native_google_format() {
    String model = "models/gemini-2.5-flash";
    Router router = googleRouter(model, Fixtures.googleSpec("gemini-2.5-flash"));
    byte[] body =
        bytes("{\"model\":\"models/gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertTranslatedToGoogle(prepared, body);
  }

  @Test
  void prefixed_gemini_chat_completions_catalog_uses_native_google_format() {
    String model = "models/gemini-2.5-flash";
    Router router = googleRouter(model, openaiSpec(model));
    byte[] body =
        bytes("{\"model\":\"models/gemini-2.5-flash\",\"seed\":42,\"logprobs\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertTranslatedToGoogle(prepared, body);
    assertThat(JsonProbe.members(prepared.payload())).doesNotContainKeys("seed", "logprobs");
  }

  @Test
  void gemini_chat_completions_catalog_uses_native_google_format() {
    String model = "gemini-2.5-flash";
    Router router = googleRouter(model, openaiSpec(model));
    byte[] body =
        bytes("{\"model\":\"gemini-2.5-flash\",\"seed\":42,\"logprobs\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertTranslatedToGoogle(prepared, body);
    assertThat(JsonProbe.members(prepared.payload())).doesNotContainKeys("seed", "logprobs");
  }

  @Test
  void gemini_chat_completions_with_reasoning_and_tools_does_not_upgrade_to_responses() {
    String model = "gemini-2.5-flash";
    Router router = googleRouter(model, Fixtures.googleSpec(model));
    byte[] body =
        bytes("{\"model\":\"gemini-2.5-flash\",\"reasoning_effort\":\"medium\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Ping\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{},\"required\":[]}}}]}");

    PreparedRequest prepared = prepareFirst(router, body, model, ProviderFormat.OPENAI);

    assertThat(prepared.metadata().providerAlias()).isEqualTo("google");
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(prepared.wireFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(prepared.payload()).isNotEqualTo(body);
  }

  @Test
  void gemini_stream_chat_completions_request_uses_native_google_streaming() {
    String model = "gemini-2.5-flash";
    Router router = googleRouter(model, Fixtures.googleSpec(model));
    byte[] body = bytes("{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    PreparedRequest prepared = prepareStreamFirst(router, body, model, ProviderFormat.OPENAI);

    assertThat(prepared.metadata().providerAlias()).isEqualTo("google");
    assertThat(prepared.metadata().providerFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(prepared.stream()).isTrue();
    assertThat(JsonProbe.members(prepared.payload())).doesNotContainKey("stream").containsKey("contents");
  }

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
  void chat_request_for_an_anthropic_route_is_translated_and_the_reply_translated_back() {
    StubProvider anthropic =
        StubProvider.builder("anthropic")
            .formats(ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI)
            .responseFor(ProviderFormat.ANTHROPIC, NativeReplies.anthropicMessage("claude-haiku-4-5", "2"))
            .streamChunks(NativeReplies.anthropicTextStream("claude-haiku-4-5", "1+1", " is 2."))
            .build();
    Router router =
        routerWith("claude-haiku-4-5", spec("claude-haiku-4-5", ProviderFormat.ANTHROPIC), "anthropic", anthropic);
    byte[] chat =
        bytes("{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
            + "{\"role\":\"user\",\"content\":\"What is 1+1?\"}]}");

    RouterResult result = router.handle(chat, ProviderFormat.OPENAI, ClientHeaders.empty());

    ProviderRequest call = anthropic.onlyCall();
    assertThat(call.format()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(JsonProbe.text(call.payload(), "model")).isEqualTo("claude-haiku-4-5");
    assertThat(JsonProbe.text(call.payload(), "system")).isEqualTo("Be brief");
    assertThat(JsonProbe.array(call.payload(), "messages")).hasSize(1);
    assertThat(JsonProbe.text(call.payload(), "messages", 0, "role")).isEqualTo("user");
    assertThat(JsonProbe.integer(call.payload(), "max_tokens")).isPositive();
    Completion completion = result.completion().orElseThrow();
    assertThat(JsonProbe.text(completion.body(), "object")).isEqualTo("chat.completion");
    assertThat(JsonProbe.text(completion.body(), "choices", 0, "message", "content")).isEqualTo("2");
    assertThat(JsonProbe.text(completion.body(), "choices", 0, "finish_reason")).isEqualTo("stop");
    assertThat(JsonProbe.integer(completion.body(), "usage", "prompt_tokens")).isEqualTo(12);
    assertThat(result.metadata().detectedInputFormat()).contains(ProviderFormat.OPENAI);
    assertThat(result.metadata().providerFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(result.metadata().passthrough()).isFalse();

    byte[] streamingChat = bytes(text(chat).replace("{\"model\"", "{\"stream\":true,\"model\""));
    List<StreamChunk> chunks;
    try (ResponseStream stream =
        router.handle(streamingChat, ProviderFormat.OPENAI, ClientHeaders.empty()).stream().orElseThrow()) {
      chunks = drain(stream);
    }
    ProviderRequest streamCall = anthropic.streamCalls().get(0);
    assertThat(streamCall.format()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(JsonProbe.members(streamCall.payload())).containsEntry("stream", "true");
    EventSequences.assertAllChatChunks(chunks);
    assertThat(EventSequences.chatText(chunks)).isEqualTo("1+1 is 2.");
    assertThat(EventSequences.chatFinishReasons(chunks)).containsExactly("stop");
  }

  /**
   * A plain messages body with max_tokens is valid Chat and valid Anthropic: a Chat client's body is read
   * as Chat and translated, and the Anthropic reply comes back as a chat.completion; for a Messages
   * client the same body and the reply pass through untouched.
   */
  @Test
  void anthropic_reply_is_translated_for_a_chat_client_and_passed_through_for_a_messages_client() {
    byte[] reply = NativeReplies.anthropicMessage("claude-haiku-4-5", "Pong");
    StubProvider anthropic =
        StubProvider.builder("anthropic").formats(ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI).response(reply).build();
    Router router =
        routerWith("claude-haiku-4-5", spec("claude-haiku-4-5", ProviderFormat.ANTHROPIC), "anthropic", anthropic);
    byte[] messages =
        bytes("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":128,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    RouterResult forChat = router.handle(messages, ProviderFormat.OPENAI, ClientHeaders.empty());

    ProviderRequest call = anthropic.calls().get(0);
    assertThat(call.format()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(JsonProbe.integer(call.payload(), "max_tokens")).isEqualTo(128);
    Completion chat = forChat.completion().orElseThrow();
    assertThat(chat.rawBody()).isSameAs(reply);
    assertThat(JsonProbe.text(chat.body(), "object")).isEqualTo("chat.completion");
    assertThat(JsonProbe.text(chat.body(), "choices", 0, "message", "content")).isEqualTo("Pong");
    assertThat(forChat.metadata().outputFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(forChat.metadata().providerFormat()).isEqualTo(ProviderFormat.ANTHROPIC);

    RouterResult forMessages = router.handle(messages, ProviderFormat.ANTHROPIC, ClientHeaders.empty());

    assertThat(forMessages.metadata().providerFormat()).isEqualTo(ProviderFormat.ANTHROPIC);
    assertThat(forMessages.metadata().passthrough()).isTrue();
    assertThat(anthropic.calls()).hasSize(2);
    assertThat(anthropic.calls().get(1).payload()).isSameAs(messages);
    assertThat(forMessages.completion().orElseThrow().body()).isSameAs(reply);
  }

  @Test
  void gemini_chat_body_for_a_native_google_route_is_translated_both_ways() {
    String model = "gemini-2.5-flash";
    byte[] reply = NativeReplies.googleResponse(model, "Pong");
    StubProvider google =
        StubProvider.builder("google")
            .formats(ProviderFormat.GOOGLE, ProviderFormat.OPENAI)
            .notBackupDefaultFor(ProviderFormat.OPENAI)
            .responseFor(ProviderFormat.GOOGLE, reply)
            .build();
    Router router =
        Router.builder()
            .catalog(catalog(model, Fixtures.googleSpec(model)))
            .addProvider("google", google, auth(), ProviderFormat.GOOGLE)
            .build();
    byte[] chat = bytes("{\"model\":\"gemini-2.5-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");

    Completion completion = router.complete(chat, model, ProviderFormat.OPENAI, ClientHeaders.empty());

    ProviderRequest call = google.onlyCall();
    assertThat(call.format()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(JsonProbe.members(call.payload())).containsKey("contents").doesNotContainKey("messages");
    assertThat(JsonProbe.text(call.payload(), "contents", 0, "parts", 0, "text")).isEqualTo("Ping");
    assertThat(completion.rawBody()).isSameAs(reply);
    assertThat(JsonProbe.text(completion.body(), "object")).isEqualTo("chat.completion");
    assertThat(JsonProbe.text(completion.body(), "choices", 0, "message", "content")).isEqualTo("Pong");
    assertThat(JsonProbe.integer(completion.body(), "usage", "total_tokens")).isEqualTo(13);
    assertThat(completion.metadata().providerFormat()).isEqualTo(ProviderFormat.GOOGLE);
    assertThat(completion.metadata().detectedInputFormat()).contains(ProviderFormat.OPENAI);
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
    // Spec 6.3 (fake streaming, step 4): the session synthesizes stream events from the full body, so a
    // Chat client reads a chat.completion.chunk, never the chat.completion itself.
    EventSequences.assertAllChatChunks(chunks);
    assertThat(EventSequences.chatText(chunks)).isEqualTo("Echo: stub-model");
    assertThat(EventSequences.chatFinishReasons(chunks)).containsExactly("stop");
  }

  /**
   * streaming.rs: a full response arriving on a Chat stream is synthesized into chunks rather than passed
   * through raw, even when upstream and client both speak Chat Completions.
   */
  @Test
  void transform_provider_stream_synthesizes_chat_completions_stream_from_full_response() {
    byte[] fullResponse =
        bytes("{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"created\":123,\"model\":\"gpt-4\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello from a fake stream\"},"
            + "\"finish_reason\":\"stop\"}]}");
    StubProvider openai = StubProvider.builder("openai").streamChunks(StreamChunk.of(fullResponse)).build();
    Router router = routerWith("gpt-4", openaiSpec("gpt-4"), "openai", openai);
    PreparedRequest prepared =
        prepareStreamFirst(router, bytes("{\"model\":\"gpt-4\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
            "gpt-4", ProviderFormat.OPENAI);

    try (ResponseStream stream = router.executeStream(prepared, ClientHeaders.empty())) {
      assertThat(stream.hasNext()).as("stream should yield a chunk").isTrue();
      StreamChunk first = stream.next();
      assertThat(first.data()).as("the full response must not be passed through raw").isNotEqualTo(fullResponse);
      assertThat(JsonProbe.text(first.data(), "object")).isEqualTo("chat.completion.chunk");
      assertThat(JsonProbe.text(first.data(), "choices", 0, "delta", "content")).isEqualTo("Hello from a fake stream");
    }
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
