/**
 * The Google AI Studio (Gemini API) provider: native {@code generateContent} and
 * {@code streamGenerateContent?alt=sse}, and Gemini's OpenAI-compatible Chat Completions endpoint.
 * Credentials: an API key, or OAuth tokens from {@link dev.llmrouter.providers.auth.google.GoogleAuth}.
 */
package dev.llmrouter.providers.google;
