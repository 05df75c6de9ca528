/**
 * Azure providers: {@link dev.llmrouter.providers.azure.AzureProvider} (Azure OpenAI deployments, the
 * Responses API and Anthropic models on Azure) and {@link dev.llmrouter.providers.azure.AzureAiGatewayProvider}
 * (Azure AI Gateway). Entra ID tokens for either come from {@link dev.llmrouter.providers.auth.azure}.
 */
package dev.llmrouter.providers.azure;
