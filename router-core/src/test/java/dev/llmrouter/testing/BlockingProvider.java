package dev.llmrouter.testing;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.provider.Provider;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.provider.RawResponseStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Chat Completions provider whose calls block until the request's cancellation token fires (or a
 * safety timeout passes, so a broken test fails instead of hanging). Latches tell the test when a call
 * has started and when the token fired.
 */
public final class BlockingProvider implements Provider {
  private final Duration safetyTimeout;
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch cancelled = new CountDownLatch(1);

  public BlockingProvider(Duration safetyTimeout) {
    this.safetyTimeout = safetyTimeout;
  }

  @Override
  public String id() {
    return "blocking";
  }

  @Override
  public List<ProviderFormat> formats() {
    return List.of(ProviderFormat.OPENAI);
  }

  @Override
  public byte[] complete(ProviderRequest request) {
    block(request);
    throw new TransportException(id(), "cancelled by the caller", false, null);
  }

  @Override
  public RawResponseStream completeStream(ProviderRequest request) {
    block(request);
    throw new TransportException(id(), "cancelled by the caller", false, null);
  }

  private void block(ProviderRequest request) {
    request.cancellation().onCancel(cancelled::countDown);
    entered.countDown();
    try {
      if (!cancelled.await(safetyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TransportException(id(), "never cancelled within " + safetyTimeout, false, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(id(), "interrupted", false, e);
    }
  }

  /** Waits until a call has started; false on timeout. */
  public boolean awaitEntered(Duration timeout) throws InterruptedException {
    return entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until the request's cancellation token fired; false on timeout. */
  public boolean awaitCancelled(Duration timeout) throws InterruptedException {
    return cancelled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
