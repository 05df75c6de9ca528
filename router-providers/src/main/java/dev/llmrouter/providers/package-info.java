/**
 * Built-in HTTP providers and their factory: {@link dev.llmrouter.providers.ProviderFactory} creates a
 * {@link dev.llmrouter.provider.Provider} from a kind name and
 * {@link dev.llmrouter.providers.ProviderSettings}.
 */
package dev.llmrouter.providers;
