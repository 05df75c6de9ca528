/** The Jetty handler: path routing, auth, body limits, model calls, SSE streaming, replies. */
package dev.llmrouter.gateway.http;
