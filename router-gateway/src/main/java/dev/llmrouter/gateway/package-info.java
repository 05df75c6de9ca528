/**
 * The HTTP gateway: OpenAI, Anthropic and Gemini compatible endpoints on Jetty 12 core, routing every
 * request through the {@link dev.llmrouter.Router}; configuration, auth, error shapes, SSE, metrics, cost
 * (header and final stream usage) and OpenTelemetry tracing when the {@code OTEL_*} variables ask for it.
 */
package dev.llmrouter.gateway;
