package dev.llmrouter;

import dev.llmrouter.provider.CancellationToken;
import java.util.concurrent.CompletableFuture;

/** A future whose {@code cancel} also cancels the upstream call it is waiting for. */
final class CancellableFuture<T> extends CompletableFuture<T> {
  private final CancellationToken token;

  CancellableFuture(CancellationToken token) {
    this.token = token;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      // Only a future that was still pending owns the call; a finished one handed its stream over.
      token.cancel();
    }
    return cancelled;
  }
}
