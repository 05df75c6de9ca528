/**
 * The Google Vertex AI provider: Gemini ({@code generateContent}), Anthropic on Vertex
 * ({@code rawPredict}/{@code streamRawPredict}) and the OpenAPI Chat Completions endpoint, with global or
 * regional hosts.
 */
package dev.llmrouter.providers.vertex;
