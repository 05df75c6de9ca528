/**
 * Azure Entra ID (Azure AD) tokens for the Azure providers: {@link dev.llmrouter.providers.auth.azure.AzureEntraAuth}
 * makes {@link dev.llmrouter.auth.AuthConfig.RefreshingToken}s from a client secret (directly, with
 * {@link dev.llmrouter.providers.auth.azure.AzureEntraTokenProvider}, or through the optional azure-identity
 * library), a managed identity or the {@code DefaultAzureCredential} chain.
 */
package dev.llmrouter.providers.auth.azure;
