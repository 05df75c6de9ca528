/**
 * The router listener SPI: request and upstream-attempt events (route, status, latency, usage) for
 * tracing, metrics and logs, so library users and the gateway observe the router the same way.
 */
package dev.llmrouter.observe;
