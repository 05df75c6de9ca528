/**
 * OpenTelemetry tracing for the gateway: GenAI-convention spans per request and per upstream attempt
 * from the router's listener events, OTLP export configured by the standard {@code OTEL_*} variables, and
 * W3C trace context taken from incoming requests.
 */
package dev.llmrouter.gateway.tracing;
