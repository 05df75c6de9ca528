package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.route.CooldownPolicy;
import dev.llmrouter.stream.StreamChunk;
import dev.llmrouter.testing.FailingProvider;
import dev.llmrouter.testing.JsonProbe;
import dev.llmrouter.testing.MutableClock;
import dev.llmrouter.testing.StubProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failover across routes in the one-call facade, route cooldown, attempts metadata across routes and
 * the stream rule (failover only while opening), with in-memory providers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouterFailoverTest {
  private static final byte[] CHAT =
      bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");
  private static final byte[] CHAT_STREAM =
      bytes("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Ping\"}]}");
  private static final StreamChunk CHUNK = StreamChunk.ofUtf8(
      "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\"content\":\"hi\"},\"finish_reason\":null}]}", null);

  private static RetryPolicy noDelay(int retries) {
    return RetryPolicy.builder().maxAttempts(retries).initialDelay(Duration.ZERO).maxDelay(Duration.ZERO)
        .jitter(false).build();
  }

  private static RouterException http(String provider, int status) {
    return new UpstreamHttpException(provider, status, List.of(), bytes("{\"error\":\"x\"}"));
  }

  /** Model "m" served by aliases a then b. */
  private static RouterBuilder twoAliases(Provider a, Provider b, RetryPolicy retry) {
    return Router.builder()
        .retryPolicy(retry)
        .catalog(ModelCatalog.builder().put("m", spec("m", ProviderFormat.OPENAI, "a", "b")).build())
        .addProvider("a", a, auth())
        .addProvider("b", b, auth());
  }

  @Test
  void a503RouteFailsOverToTheNextAliasAfterItsRetries() {
    FailingProvider a = FailingProvider.always("a", () -> http("a", 503));
    StubProvider b = StubProvider.of("b");
    Router router = twoAliases(a, b, noDelay(1)).build();

    Completion c = (Completion) router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(a.attempts()).isEqualTo(2);
    assertThat(b.calls()).hasSize(1);
    RouterMetadata m = c.metadata();
    assertThat(m.providerAlias()).isEqualTo("b");
    assertThat(m.failedOver()).isTrue();
    assertThat(m.attempts())
        .extracting(RouterMetadata.Attempt::number, RouterMetadata.Attempt::providerAlias,
            RouterMetadata.Attempt::providerId, RouterMetadata.Attempt::model, RouterMetadata.Attempt::status,
            RouterMetadata.Attempt::errorType)
        .containsExactly(
            tuple(1, "a", "a", "m", java.util.Optional.of(503), java.util.Optional.of("UpstreamHttpException")),
            tuple(2, "a", "a", "m", java.util.Optional.of(503), java.util.Optional.of("UpstreamHttpException")),
            tuple(3, "b", "b", "m", java.util.Optional.empty(), java.util.Optional.empty()));
    assertThat(m.attempts()).allSatisfy(at -> assertThat(at.latency().isNegative()).isFalse());
  }

  @Test
  void aTransportErrorAndATimeoutBothFailOver() {
    FailingProvider a = FailingProvider.always("a",
        () -> new dev.llmrouter.error.UpstreamTimeoutException("a", "no headers within 1 s", null));
    StubProvider b = StubProvider.of("b");
    Router router = twoAliases(a, b, noDelay(3)).build();

    Completion c = router.complete(CHAT, "m", ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(a.attempts()).as("timeouts are not retried").isEqualTo(1);
    assertThat(c.metadata().providerAlias()).isEqualTo("b");
    assertThat(c.metadata().attempts()).hasSize(2);
  }

  @Test
  void a400IsNeitherRetriedNorFailedOver() {
    FailingProvider a = FailingProvider.always("a", () -> http("a", 400));
    StubProvider b = StubProvider.of("b");
    Router router = twoAliases(a, b, noDelay(3)).build();

    assertThatThrownBy(() -> router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isSameAs(a.lastThrown());
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(b.totalCalls()).isZero();
  }

  @Test
  void whenEveryRouteFailsTheLastErrorIsThrownWithEarlierOnesSuppressed() {
    FailingProvider a = FailingProvider.always("a", () -> http("a", 503));
    FailingProvider b = FailingProvider.always("b", () -> http("b", 429));
    Router router = twoAliases(a, b, noDelay(0)).build();

    assertThatThrownBy(() -> router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isSameAs(b.lastThrown())
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(a.lastThrown()));
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(b.attempts()).isEqualTo(1);
  }

  @Test
  void failoverCanBeSwitchedOff() {
    FailingProvider a = FailingProvider.always("a", () -> http("a", 503));
    StubProvider b = StubProvider.of("b");
    Router router = twoAliases(a, b, noDelay(0)).failover(false).build();

    assertThat(router.failoverEnabled()).isFalse();
    assertThatThrownBy(() -> router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isSameAs(a.lastThrown());
    assertThat(b.totalCalls()).isZero();
  }

  @Test
  void theStepApiExecuteNeverFailsOver() {
    FailingProvider a = FailingProvider.always("a", () -> http("a", 503));
    StubProvider b = StubProvider.of("b");
    Router router = twoAliases(a, b, noDelay(0)).build();
    PreparedRequest p = router.prepare(CHAT, ProviderFormat.OPENAI,
        router.resolveRoutes("m", ProviderFormat.OPENAI).get(0), false);

    assertThatThrownBy(() -> router.execute(p, ClientHeaders.empty())).isSameAs(a.lastThrown());
    assertThat(b.totalCalls()).isZero();
  }

  @Test
  void afterTheModelsOwnRoutesTheFallbackEquivalentsAreTried() {
    FailingProvider a = FailingProvider.always("a", () -> http("a", 529));
    StubProvider b = StubProvider.of("b");
    ModelCatalog catalog = ModelCatalog.builder()
        .put("m", spec("m-upstream", ProviderFormat.OPENAI, "a"))
        .put("m-backup", spec("backup-upstream", ProviderFormat.OPENAI, "b"))
        .addFallbackModels("m", List.of("m-backup"))
        .build();
    Router router = Router.builder().retryPolicy(noDelay(0)).catalog(catalog)
        .addProvider("a", a, auth()).addProvider("b", b, auth()).build();

    Completion c = (Completion) router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(JsonProbe.string(b.onlyCall().payload(), "model")).contains("backup-upstream");
    assertThat(c.metadata().requestedModel()).isEqualTo("m-backup");
    assertThat(c.metadata().attempts()).extracting(RouterMetadata.Attempt::model)
        .containsExactly("m-upstream", "backup-upstream");
  }

  @Test
  void equivalentsAreNotResolvedOrCalledWhenThePrimarySucceeds() {
    StubProvider a = StubProvider.of("a");
    StubProvider b = StubProvider.of("b");
    ModelCatalog catalog = ModelCatalog.builder()
        .put("m", spec("m", ProviderFormat.OPENAI, "a"))
        .put("m-backup", spec("m-backup", ProviderFormat.OPENAI, "b"))
        .addFallbackModels("m", List.of("m-backup"))
        .build();
    Router router = Router.builder().catalog(catalog).addProvider("a", a, auth()).addProvider("b", b, auth())
        .build();

    Completion c = (Completion) router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(c.metadata().failedOver()).isFalse();
    assertThat(b.totalCalls()).isZero();
  }

  @Test
  void aStreamFailsOverWhileOpening() {
    FailingProvider a = FailingProvider.always("a", () -> http("a", 503));
    StubProvider b = StubProvider.builder("b").streamChunks(CHUNK).build();
    Router router = twoAliases(a, b, noDelay(1)).build();

    try (ResponseStream s = (ResponseStream) router.handle(CHAT_STREAM, ProviderFormat.OPENAI,
        ClientHeaders.empty())) {
      assertThat(s.next().utf8()).contains("\"hi\"");
      assertThat(s.metadata().providerAlias()).isEqualTo("b");
      assertThat(s.metadata().attempts()).extracting(RouterMetadata.Attempt::providerAlias)
          .containsExactly("a", "a", "b");
    }
    assertThat(b.streamCalls()).hasSize(1);
  }

  /** Field lesson 19: once a chunk reached the caller, no other upstream is replayed into the stream. */
  @Test
  void aStreamNeverFailsOverAfterAChunkWasDelivered() {
    AtomicInteger opened = new AtomicInteger();
    Provider a = new Provider() {
      @Override
      public String id() {
        return "a";
      }

      @Override
      public List<ProviderFormat> formats() {
        return List.of(ProviderFormat.OPENAI);
      }

      @Override
      public byte[] complete(ProviderRequest request) {
        throw new AssertionError("not used");
      }

      @Override
      public RawResponseStream completeStream(ProviderRequest request) {
        opened.incrementAndGet();
        return new RawResponseStream() {
          private int n;

          @Override
          public boolean hasNext() {
            if (n == 1) {
              throw new TransportException("a", "connection reset mid-stream", false, null);
            }
            return true;
          }

          @Override
          public StreamChunk next() {
            if (n++ > 0) {
              throw new NoSuchElementException();
            }
            return CHUNK;
          }

          @Override
          public void close() {}
        };
      }
    };
    StubProvider b = StubProvider.builder("b").streamChunks(CHUNK).build();
    Router router = twoAliases(a, b, noDelay(3)).build();

    ResponseStream s = router.completeStream(CHAT_STREAM, "m", ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(s.next().utf8()).contains("\"hi\"");
    // The stream ends with the failure (possibly after the client format's error event), never with b's data.
    assertThatThrownBy(() -> {
      while (s.hasNext()) {
        assertThat(s.next().utf8()).doesNotContain("\"hi\"");
      }
    }).isInstanceOf(TransportException.class).hasMessageContaining("mid-stream");
    s.close();
    assertThat(opened.get()).isEqualTo(1);
    assertThat(b.totalCalls()).isZero();
  }

  @Test
  void aRouteInCooldownIsSkippedUntilTheCooldownEnds() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    FailingProvider a = FailingProvider.always("a", () -> http("a", 503));
    StubProvider b = StubProvider.of("b");
    Router router = twoAliases(a, b, noDelay(0))
        .cooldown(CooldownPolicy.of(0, Duration.ofMinutes(1), Duration.ofSeconds(30)))
        .clock(clock)
        .build();
    var routeA = router.resolveRoutes("m", ProviderFormat.OPENAI).get(0);

    router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(router.isCoolingDown(routeA)).isTrue();

    Completion second = (Completion) router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(a.attempts()).as("skipped while cooling down").isEqualTo(1);
    assertThat(second.metadata().attempts()).extracting(RouterMetadata.Attempt::providerAlias)
        .containsExactly("b");

    clock.advance(Duration.ofSeconds(30));
    assertThat(router.isCoolingDown(routeA)).isFalse();
    router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(a.attempts()).isEqualTo(2);
    assertThat(b.calls()).hasSize(3);
  }

  /** Field lesson 15: every failed call counts, retries included, not one per request. */
  @Test
  void cooldownCountsEveryFailedCallIncludingRetries() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    FailingProvider a = FailingProvider.always("a", () -> http("a", 503));
    StubProvider b = StubProvider.of("b");
    Router router = twoAliases(a, b, noDelay(2))
        .cooldown(CooldownPolicy.of(2, Duration.ofMinutes(1), Duration.ofSeconds(30)))
        .clock(clock)
        .build();

    router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());

    assertThat(a.attempts()).isEqualTo(3);
    assertThat(router.isCoolingDown(router.resolveRoutes("m", ProviderFormat.OPENAI).get(0))).isTrue();
  }

  @Test
  void clientErrorsDoNotCountTowardsCooldown() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    FailingProvider a = FailingProvider.always("a", () -> http("a", 400));
    Router router = twoAliases(a, StubProvider.of("b"), noDelay(0))
        .cooldown(CooldownPolicy.of(0, Duration.ofMinutes(1), Duration.ofSeconds(30)))
        .clock(clock)
        .build();

    assertThatThrownBy(() -> router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(UpstreamHttpException.class);
    assertThat(router.isCoolingDown(router.resolveRoutes("m", ProviderFormat.OPENAI).get(0))).isFalse();
  }

  @Test
  void whenEveryRouteIsCoolingDownTheyAreTriedAnyway() {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    FailingProvider a = FailingProvider.failingTimes("a", 1, () -> http("a", 503));
    FailingProvider b = FailingProvider.failingTimes("b", 1, () -> http("b", 503));
    Router router = twoAliases(a, b, noDelay(0))
        .cooldown(CooldownPolicy.of(0, Duration.ofMinutes(1), Duration.ofMinutes(5)))
        .clock(clock)
        .build();

    assertThatThrownBy(() -> router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isSameAs(b.lastThrown());
    // Both cooling down now; the next request still reaches an upstream (a, which has recovered).
    Completion c = (Completion) router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThat(c.metadata().providerAlias()).isEqualTo("a");
    assertThat(a.attempts()).isEqualTo(2);
  }

  @Test
  void metadataAttemptsAreImmutable() {
    Router router = twoAliases(StubProvider.of("a"), StubProvider.of("b"), noDelay(0)).build();
    Completion c = (Completion) router.handle(CHAT, ProviderFormat.OPENAI, ClientHeaders.empty());
    assertThatThrownBy(() -> c.metadata().attempts().add(c.metadata().attempts().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new String(c.body(), StandardCharsets.UTF_8)).contains("choices");
  }
}
