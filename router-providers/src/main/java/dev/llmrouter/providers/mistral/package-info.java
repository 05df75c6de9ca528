/** The Mistral provider (La Plateforme chat completions). */
package dev.llmrouter.providers.mistral;
