/**
 * The HTTP gateway: OpenAI, Anthropic and Gemini compatible endpoints on Jetty 12 core, routing every
 * request through the {@link dev.llmrouter.Router}; configuration, auth, error shapes, SSE and metrics.
 */
package dev.llmrouter.gateway;
