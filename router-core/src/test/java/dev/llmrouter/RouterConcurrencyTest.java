package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmrouter.catalog.ModelCatalog;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.UpstreamHttpException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.retry.RetryPolicy;
import dev.llmrouter.route.CooldownPolicy;
import dev.llmrouter.testing.FailingProvider;
import dev.llmrouter.testing.JsonProbe;
import dev.llmrouter.testing.StubProvider;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One built Router shared by many threads: every call gets its own correct answer and metadata. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RouterConcurrencyTest {

  @Test
  void everyRouterFieldIsFinal() {
    for (Field f : Router.class.getDeclaredFields()) {
      if (!f.isSynthetic()) {
        assertThat(Modifier.isFinal(f.getModifiers())).as(f.getName()).isTrue();
      }
    }
  }

  @Test
  void manyThreadsShareOneRouterWithFailoverAndCooldown() throws Exception {
    FailingProvider flaky = FailingProvider.always("a",
        () -> new UpstreamHttpException("a", 503, List.of(), bytes("{}")));
    StubProvider b = StubProvider.of("b");
    ModelCatalog catalog = ModelCatalog.builder()
        .put("m1", spec("m1", ProviderFormat.OPENAI, "a", "b"))
        .put("m2", spec("m2", ProviderFormat.OPENAI, "b"))
        .build();
    Router router = Router.builder()
        .catalog(catalog)
        .addProvider("a", flaky, auth())
        .addProvider("b", b, auth())
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).initialDelay(Duration.ZERO).maxDelay(Duration.ZERO)
            .jitter(false).build())
        .cooldown(CooldownPolicy.of(1000, Duration.ofHours(1), Duration.ofHours(1)))
        .build();

    int threads = 16;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      results.add(pool.submit(() -> {
        start.await();
        int ok = 0;
        for (int i = 0; i < perThread; i++) {
          String model = (id + i) % 2 == 0 ? "m1" : "m2";
          byte[] body = bytes("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"t"
              + id + "-" + i + "\"}]}");
          Completion c = router.complete(body, model, ProviderFormat.OPENAI, ClientHeaders.empty());
          assertThat(JsonProbe.string(c.body(), "model")).contains(model);
          assertThat(c.metadata().providerAlias()).isEqualTo("b");
          assertThat(c.metadata().requestedModel()).isEqualTo(model);
          List<RouterMetadata.Attempt> attempts = c.metadata().attempts();
          assertThat(attempts.get(attempts.size() - 1).succeeded()).isTrue();
          ok++;
        }
        return ok;
      }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : results) {
      total += f.get(90, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(total).isEqualTo(threads * perThread);
    assertThat(b.calls()).hasSize(threads * perThread);
    // m1 requests try a first: two calls each (one retry) until the cooldown (1000 allowed fails) kicks in.
    int m1Requests = threads * perThread / 2;
    assertThat(flaky.attempts()).isEqualTo(Math.min(2 * m1Requests, 1001));
  }
}
