package dev.llmrouter.testing;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.RouterException;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A Chat Completions provider that counts its calls and fails the first {@code failures} of them with a
 * fresh error from a supplier (or every call), then answers with an OpenAI completion.
 */
public final class FailingProvider implements Provider {
  private final String id;
  private final Supplier<RouterException> error;
  private final int failures;
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile RouterException lastThrown;

  private FailingProvider(String id, Supplier<RouterException> error, int failures) {
    this.id = id;
    this.error = error;
    this.failures = failures;
  }

  /** Fails every call. */
  public static FailingProvider always(String id, Supplier<RouterException> error) {
    return new FailingProvider(id, error, Integer.MAX_VALUE);
  }

  /** Fails the first {@code failures} calls, then succeeds. */
  public static FailingProvider failingTimes(String id, int failures, Supplier<RouterException> error) {
    return new FailingProvider(id, error, failures);
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
    int n = attempts.incrementAndGet();
    if (n <= failures) {
      RouterException e = error.get();
      lastThrown = e;
      throw e;
    }
    return Fixtures.chatResponse(request.spec().model(), "recovered after " + (n - 1) + " failures");
  }

  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    attempts.incrementAndGet();
    RouterException e = error.get();
    lastThrown = e;
    throw e;
  }

  /** Calls made so far. */
  public int attempts() {
    return attempts.get();
  }

  /** The last error thrown. */
  public RouterException lastThrown() {
    return lastThrown;
  }
}
