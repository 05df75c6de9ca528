package dev.llmrouter.providers.auth.azure;

import dev.llmrouter.auth.AccessToken;

/**
 * A token source backed by an azure-identity credential, in JDK and router types only (so that
 * {@link AzureEntraAuth} never names an Azure type).
 */
interface IdentityTokenSource {
  /**
   * Asks the credential for a token.
   *
   * @throws dev.llmrouter.error.AuthException if it cannot give one
   */
  AccessToken fetch();

  /**
   * Replaces the credential by a fresh one, dropping azure-identity's own token cache, so the next
   * {@link #fetch} really gets a new token (after an upstream rejected the current one).
   */
  void reset();
}
