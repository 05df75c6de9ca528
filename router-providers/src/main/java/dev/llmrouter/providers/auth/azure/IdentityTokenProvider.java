package dev.llmrouter.providers.auth.azure;

import dev.llmrouter.auth.AccessToken;
import dev.llmrouter.auth.CachingTokenProvider;
import dev.llmrouter.auth.TokenProvider;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Caches the tokens of an azure-identity credential. A rejected token is dropped from this cache and the
 * credential is rebuilt, because azure-identity would otherwise hand out the same cached token again.
 */
final class IdentityTokenProvider implements TokenProvider {
  private final IdentityTokenSource source;
  private final CachingTokenProvider cache;
  private final AtomicReference<String> lastIssued = new AtomicReference<>();

  IdentityTokenProvider(String description, IdentityTokenSource source) {
    this.source = source;
    this.cache =
        CachingTokenProvider.of(
            description,
            () -> {
              AccessToken token = source.fetch();
              lastIssued.set(token.value());
              return token;
            });
  }

  @Override
  public AccessToken token() {
    return cache.token();
  }

  @Override
  public void invalidate(String rejectedValue) {
    cache.invalidate(rejectedValue);
    if (rejectedValue != null && rejectedValue.equals(lastIssued.get())) {
      source.reset();
    }
  }

  @Override
  public String toString() {
    return cache.toString();
  }
}
