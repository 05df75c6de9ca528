package dev.llmrouter;

import static dev.llmrouter.testing.Fixtures.auth;
import static dev.llmrouter.testing.Fixtures.bytes;
import static dev.llmrouter.testing.Fixtures.catalog;
import static dev.llmrouter.testing.Fixtures.openaiSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.RequestTooLargeException;
import dev.llmrouter.http.ClientHeaders;
import dev.llmrouter.testing.StubProvider;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The request body size limit, checked before any parsing, on every entry point that takes a body. */
class RouterRequestLimitsTest {
  private final StubProvider stub = StubProvider.of("stub");

  private Router router(long limit) {
    return Router.builder()
        .catalog(catalog("m", openaiSpec("m")))
        .addProvider("stub", stub, auth(), ProviderFormat.OPENAI)
        .maxRequestBodyBytes(limit)
        .build();
  }

  /** A valid chat body padded with spaces to exactly {@code size} bytes. */
  private static byte[] bodyOfSize(int size) {
    byte[] json = bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    byte[] out = Arrays.copyOf(json, size);
    Arrays.fill(out, json.length, size, (byte) ' ');
    return out;
  }

  @Test
  void theDefaultLimitIs32MiB() {
    assertThat(Router.builder().catalog(catalog("m", openaiSpec("m"))).build().maxRequestBodyBytes())
        .isEqualTo(32L * 1024 * 1024);
  }

  @Test
  void aBodyAtTheLimitIsServed() {
    Router router = router(200);
    assertThat(router.handle(bodyOfSize(200), ProviderFormat.OPENAI, ClientHeaders.empty()).completion())
        .isPresent();
    assertThat(stub.calls()).hasSize(1);
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeParsingOnEveryEntryPoint() {
    Router router = router(200);
    byte[] big = bodyOfSize(201);
    // Not even JSON: the size check must come first.
    byte[] bigGarbage = new byte[201];
    var route = router.resolveRoutes("m", ProviderFormat.OPENAI).get(0);
    for (Runnable call : new Runnable[] {
        () -> router.handle(big, ProviderFormat.OPENAI, ClientHeaders.empty()),
        () -> router.handle(bigGarbage, ProviderFormat.OPENAI, ClientHeaders.empty()),
        () -> router.complete(big, "m", ProviderFormat.OPENAI, ClientHeaders.empty()),
        () -> router.completeStream(big, "m", ProviderFormat.OPENAI, ClientHeaders.empty()),
        () -> router.prepare(big, ProviderFormat.OPENAI, route, false),
        () -> router.prepareStream(big, ProviderFormat.OPENAI, route, false)}) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(RequestTooLargeException.class, e -> {
            assertThat(e.limit()).isEqualTo(200);
            assertThat(e.size()).isEqualTo(201);
            assertThat(e.httpStatus()).isEqualTo(413);
          })
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("exceeds the limit of 200 bytes");
    }
    assertThat(stub.totalCalls()).isZero();
  }

  @Test
  void theAsyncVariantFailsTheFutureWithTheSameError() {
    Router router = router(10);
    assertThat(router.handleAsync(bodyOfSize(64), ProviderFormat.OPENAI, ClientHeaders.empty()))
        .failsWithin(java.time.Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(RequestTooLargeException.class);
  }

  @Test
  void aNullBodyIsATypedError() {
    Router router = router(10);
    assertThatThrownBy(() -> router.handle(null, ProviderFormat.OPENAI, ClientHeaders.empty()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("request body");
  }

  @Test
  void aNonPositiveLimitIsRejected() {
    assertThatThrownBy(() -> Router.builder().maxRequestBodyBytes(0))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxRequestBodyBytes");
  }
}
