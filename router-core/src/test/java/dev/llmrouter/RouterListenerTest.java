package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UnknownModelException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.observe.AttemptEnd;
import dev.llmrouter.observe.AttemptStart;
import dev.llmrouter.observe.RequestEnd;
import dev.llmrouter.observe.RequestStart;
import dev.llmrouter.observe.RouterListener;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.route.ProviderRoute;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.testing.FailingProvider;
import dev.llmrouter.testing.StubProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The router's listener events: order and content for sync, async, step-API and streaming requests,
 * one attempt event pair per retry and per failover route, failures, streams that fail or are closed
 * early, and failure isolation of a throwing listener.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouterListenerTest {
  private static final byte[] CHAT =
      bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");
  private static final byte[] CHAT_STREAM =
      bytes("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");
  private static final StreamChunk CONTENT = StreamChunk.ofUtf8(
      "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\"content\":\"hi\"},\"finish_reason\":null}]}", null);
  private static final StreamChunk FINISH = StreamChunk.ofUtf8(
      "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
          + "\"delta\":{},\"finish_reason\": \"length\"}]}", null);
  private static final StreamChunk USAGE = StreamChunk.ofUtf8(
      "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[],"
          + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}", null);

  /** Records every event, as objects and as one-line descriptions. */
  static final class Recording implements RouterListener {
    final List<Object> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onRequestStart(RequestStart e) {
      events.add(e);
    }

    @Override
    public void onAttemptStart(AttemptStart e) {
      events.add(e);
    }

    @Override
    public void onAttemptEnd(AttemptEnd e) {
      events.add(e);
    }

    @Override
    public void onRequestEnd(RequestEnd e) {
      events.add(e);
    }

    List<String> lines() {
      List<String> out = new ArrayList<>();
      for (Object o : List.copyOf(events)) {
        if (o instanceof RequestStart s) {
          out.add("start " + s.requestedModel() + " " + s.outputFormat().name() + " stream=" + s.stream());
        } else if (o instanceof AttemptStart a) {
          out.add("attempt " + a.attempt() + " " + a.route().providerAlias());
        } else if (o instanceof AttemptEnd a) {
          out.add("attempt " + a.attempt() + " " + a.route().providerAlias() + " end " + a.status().orElse(0)
              + " " + a.errorType().orElse("ok"));
        } else if (o instanceof RequestEnd r) {
          out.add("end " + r.route().map(x -> x.providerAlias()).orElse("-") + " " + r.status() + " "
              + r.errorType().orElse("ok") + " " + r.finishReasons());
        }
      }
      return out;
    }

    RequestEnd end() {
      List<RequestEnd> ends = ends();
      assertThat(ends).hasSize(1);
      return ends.get(0);
    }

    List<RequestEnd> ends() {
      return List.copyOf(events).stream().filter(RequestEnd.class::isInstance).map(RequestEnd.class::cast)
          .toList();
    }

    List<Long> ids() {
      List<Long> ids = new ArrayList<>();
      for (Object o : List.copyOf(events)) {
        ids.add(o instanceof RequestStart s ? s.requestId() : o instanceof AttemptStart a ? a.requestId()
            : o instanceof AttemptEnd a ? a.requestId() : ((RequestEnd) o).requestId());
      }
      return ids;
    }
  }

  private static RetryPolicy noDelay(int retries) {
    return RetryPolicy.builder().maxAttempts(retries).initialDelay(Duration.ZERO).maxDelay(Duration.ZERO)
        .jitter(false).build();
  }

  private static RouterException http(String provider, int status) {
    return new UpstreamHttpException(provider, status, List.of(), bytes("{\"error\":\"x\"}"));
  }

  /** Model "m" served by aliases a then b, observed by {@code listeners}. */
  private static Router router(Provider a, Provider b, RetryPolicy retry, RouterListener... listeners) {
    RouterBuilder builder = Router.builder()
        .retryPolicy(retry)
        .catalog(ModelCatalog.builder().put("m", spec("m", ProviderFormat.OPENAI, "a", "b")).build())
        .addProvider("a", a, auth())
        .addProvider("b", b, auth());
    for (RouterListener l : listeners) {
      builder.addListener(l);
    }
    return builder.build();
  }

  private static StubProvider streaming(String id) {
    return StubProvider.builder(id).streamChunks(CONTENT, FINISH, USAGE).build();
  }

  @Test
  void aCompletionReportsStartAttemptAndEndWithUsageAndFinishReasons() {
    Recording rec = new Recording();
    Router router = router(StubProvider.of("a"), StubProvider.of("b"), noDelay(0), rec);

    Completion c = (Completion) router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(c.metadata().providerAlias()).isEqualTo("a");
    assertThat(rec.lines()).containsExactly(
        "start m OPENAI stream=false", "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 ok [stop]");
    assertThat(rec.ids()).hasSize(4).containsOnly(rec.ids().get(0));
    RequestEnd end = rec.end();
    assertThat(end.usage()).isPresent();
    assertThat(end.usage().get().totalInputTokens()).isEqualTo(1);
    assertThat(end.usage().get().outputTokens()).isEqualTo(1);
    assertThat(end.route().get().providerFormat()).isEqualTo(ProviderFormat.OPENAI);
    assertThat(end.latency().isNegative()).isFalse();
  }

  @Test
  void eachRequestGetsItsOwnIdAndAsyncVariantsAreObserved() {
    Recording rec = new Recording();
    Router router = router(StubProvider.of("a"), StubProvider.of("b"), noDelay(0), rec);

    router.completeAsync(CHAT, "m", ProviderFormat.ANTHROPIC, ClientHeaders.empty()).join();
    long first = rec.ids().get(0);
    router.handleAsync(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()).join();

    assertThat(rec.lines()).containsExactly(
        "start m ANTHROPIC stream=false", "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 ok [end_turn]",
        "start m OPENAI stream=false", "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 ok [stop]");
    assertThat(rec.ids().subList(4, 8)).containsOnly(rec.ids().get(4)).doesNotContain(first);
  }

  @Test
  void everyRetryIsAnAttempt() {
    Recording rec = new Recording();
    FailingProvider a = FailingProvider.failingTimes("a", 2, () -> http("a", 503));
    Router router = router(a, StubProvider.of("b"), noDelay(3), rec);

    router.complete(CHAT, "m", ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(rec.lines()).containsExactly("start m OPENAI stream=false",
        "attempt 1 a", "attempt 1 a end 503 UpstreamHttpException",
        "attempt 2 a", "attempt 2 a end 503 UpstreamHttpException",
        "attempt 3 a", "attempt 3 a end 200 ok",
        "end a 200 ok [stop]");
  }

  @Test
  void failoverReportsTheAttemptsOfEveryRoute() {
    Recording rec = new Recording();
    FailingProvider a = FailingProvider.always("a", () -> http("a", 503));
    Router router = router(a, StubProvider.of("b"), noDelay(1), rec);

    router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(rec.lines()).containsExactly("start m OPENAI stream=false",
        "attempt 1 a", "attempt 1 a end 503 UpstreamHttpException",
        "attempt 2 a", "attempt 2 a end 503 UpstreamHttpException",
        "attempt 3 b", "attempt 3 b end 200 ok",
        "end b 200 ok [stop]");
  }

  @Test
  void aFailedRequestEndsWithTheCallersStatusAndTheLastRoute() {
    Recording rec = new Recording();
    FailingProvider a = FailingProvider.always("a", () -> http("a", 400));
    Router router = router(a, StubProvider.of("b"), noDelay(3), rec);

    assertThatThrownBy(() -> router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(UpstreamHttpException.class);

    assertThat(rec.lines()).containsExactly("start m OPENAI stream=false",
        "attempt 1 a", "attempt 1 a end 400 UpstreamHttpException", "end a 400 UpstreamHttpException []");
    assertThat(rec.end().usage()).isEmpty();
  }

  @Test
  void failuresBeforeAnyCallAreObservedToo() {
    Recording rec = new Recording();
    Router router = router(StubProvider.of("a"), StubProvider.of("b"), noDelay(0), rec);

    assertThatThrownBy(() -> router.complete(CHAT, "no-such-model", ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(UnknownModelException.class);
    assertThatThrownBy(() -> router.handle(bytes("not json"), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(rec.lines()).containsExactly(
        "start no-such-model OPENAI stream=false", "end - 400 UnknownModelException []",
        "start  OPENAI stream=false", "end - 400 InvalidRequestException []");
  }

  @Test
  void aStreamEndsOnceWhenFullyReadWithUsageAndFinishReasons() {
    Recording rec = new Recording();
    Router router = router(streaming("a"), StubProvider.of("b"), noDelay(0), rec);

    try (ResponseStream s = (ResponseStream) router.handle(CHAT_STREAM, ProviderFormat.OPENAI,
        ClientHeaders.empty())) {
      assertThat(s.next()).isEqualTo(CONTENT);
      assertThat(s.next()).isEqualTo(FINISH);
      assertThat(s.next()).isEqualTo(USAGE);
      assertThat(rec.ends()).as("not ended before the stream reports its end").isEmpty();
      assertThat(s.hasNext()).isFalse();
      assertThat(s.hasNext()).isFalse();
    }

    assertThat(rec.lines()).containsExactly("start m OPENAI stream=true",
        "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 ok [length]");
    RequestEnd end = rec.end();
    assertThat(end.usage().get().totalInputTokens()).isEqualTo(11);
    assertThat(end.usage().get().outputTokens()).isEqualTo(7);
  }

  @Test
  void aStreamClosedEarlyEndsOnceAsCancelled() {
    Recording rec = new Recording();
    StubProvider a = streaming("a");
    Router router = router(a, StubProvider.of("b"), noDelay(0), rec);

    ResponseStream s = router.completeStream(CHAT_STREAM, "m", ProviderFormat.OPENAI, ClientHeaders.empty());
    s.next();
    s.close();
    s.close();

    assertThat(a.streams().get(0).isClosed()).isTrue();
    assertThat(rec.lines()).containsExactly("start m OPENAI stream=true",
        "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 cancelled []");
  }

  @Test
  void aStreamFailingMidwayEndsWithItsErrorType() {
    Recording rec = new Recording();
    Provider broken = new StubLike("a") {
      @Override
      public RawResponseStream completeStream(ProviderRequest request) {
        return new RawResponseStream() {
          private int n;

          @Override
          public boolean hasNext() {
            if (n == 1) {
              throw new TransportException("a", "connection reset", true, null);
            }
            return true;
          }

          @Override
          public StreamChunk next() {
            n++;
            return CONTENT;
          }

          @Override
          public void close() {}
        };
      }
    };
    Router router = router(broken, StubProvider.of("b"), noDelay(2), rec);

    ResponseStream s = router.completeStream(CHAT_STREAM, "m", ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThatThrownBy(() -> {
      while (s.hasNext()) {
        s.next();
      }
    }).isInstanceOf(TransportException.class);
    s.close();

    assertThat(rec.lines()).containsExactly("start m OPENAI stream=true",
        "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 TransportException []");
  }

  @Test
  void aStreamThatCannotOpenFailsOverWithAnAttemptPerRoute() {
    Recording rec = new Recording();
    FailingProvider a = FailingProvider.always("a", () -> http("a", 529));
    Router router = router(a, streaming("b"), noDelay(0), rec);

    try (ResponseStream s = router.completeStream(CHAT_STREAM, "m", ProviderFormat.OPENAI,
        ClientHeaders.empty())) {
      s.forEach(chunk -> { });
    }

    assertThat(rec.lines()).containsExactly("start m OPENAI stream=true",
        "attempt 1 a", "attempt 1 a end 529 UpstreamHttpException",
        "attempt 2 b", "attempt 2 b end 200 ok", "end b 200 ok [length]");
  }

  @Test
  void aStreamThatNeverOpensEndsWithTheError() {
    Recording rec = new Recording();
    FailingProvider a = FailingProvider.always("a", () -> http("a", 401));
    Router router = router(a, streaming("b"), noDelay(0), rec);

    assertThatThrownBy(() -> router.completeStream(CHAT_STREAM, "m", ProviderFormat.OPENAI,
        ClientHeaders.empty())).isInstanceOf(UpstreamHttpException.class);

    assertThat(rec.lines()).containsExactly("start m OPENAI stream=true",
        "attempt 1 a", "attempt 1 a end 401 UpstreamHttpException", "end a 401 UpstreamHttpException []");
  }

  @Test
  void theStepApiIsObserved() {
    Recording rec = new Recording();
    Router router = router(streaming("a"), StubProvider.of("b"), noDelay(0), rec);
    ProviderRoute route = router.resolveRoutes("m", ProviderFormat.OPENAI).get(0);

    router.execute(router.prepare(CHAT, ProviderFormat.OPENAI, route, false), ClientHeaders.empty());
    try (ResponseStream s = router.executeStream(router.prepareStream(CHAT, ProviderFormat.OPENAI, route, false),
        ClientHeaders.empty())) {
      s.forEach(chunk -> { });
    }

    assertThat(rec.lines()).containsExactly(
        "start m OPENAI stream=false", "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 ok [stop]",
        "start m OPENAI stream=true", "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 ok [length]");
  }

  @Test
  void aThrowingListenerNeverBreaksARequestNorHidesEventsFromOthers() {
    RouterListener throwing = new RouterListener() {
      @Override
      public void onRequestStart(RequestStart e) {
        throw new IllegalStateException("bug in start");
      }

      @Override
      public void onAttemptEnd(AttemptEnd e) {
        throw new IllegalStateException("bug in attempt end");
      }

      @Override
      public void onRequestEnd(RequestEnd e) {
        throw new IllegalStateException("bug in end");
      }
    };
    Recording rec = new Recording();
    Router router = router(streaming("a"), StubProvider.of("b"), noDelay(0), throwing, rec);

    Completion c = router.complete(CHAT, "m", ProviderFormat.OPENAI, ClientHeaders.empty());
    try (ResponseStream s = router.completeStream(CHAT_STREAM, "m", ProviderFormat.OPENAI,
        ClientHeaders.empty())) {
      s.forEach(chunk -> { });
    }

    assertThat(c.body()).isNotEmpty();
    assertThat(rec.lines()).containsExactly(
        "start m OPENAI stream=false", "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 ok [stop]",
        "start m OPENAI stream=true", "attempt 1 a", "attempt 1 a end 200 ok", "end a 200 ok [length]");
  }

  @Test
  void addListenerRefusesNull() {
    assertThatThrownBy(() -> Router.builder().addListener(null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("listener");
  }

  /** A Chat Completions provider whose {@code complete} is unused. */
  private abstract static class StubLike implements Provider {
    private final String id;

    StubLike(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public List<ProviderFormat> formats() {
      return List.of(ProviderFormat.OPENAI);
    }

    @Override
    public byte[] complete(ProviderRequest request) {
      throw new AssertionError("not used");
    }
  }

}
