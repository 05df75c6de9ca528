package dev.llmrouter.auth;

/**
 * A source of bearer tokens that expire (OAuth client credentials, Google service accounts, Azure Entra,
 * Databricks service principals). Implementations must be thread-safe; {@link CachingTokenProvider}
 * adds caching, early refresh and single-flight fetching to any fetch function.
 */
public interface TokenProvider {

  /**
   * A token valid for the next request; may block to fetch one.
   *
   * @throws dev.llmrouter.error.AuthException if no token can be obtained
   */
  AccessToken token();

  /**
   * Reports that the upstream rejected {@code rejectedValue} (HTTP 401): a cached copy of it must not be
   * handed out again. Does nothing by default.
   */
  default void invalidate(String rejectedValue) {}
}
