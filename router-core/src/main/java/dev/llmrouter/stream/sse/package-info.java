/**
 * Server-sent events on the wire side: {@link dev.llmrouter.stream.sse.SseParser}, an incremental,
 * allocation-light WHATWG event-stream parser over bytes, its {@link dev.llmrouter.stream.sse.SseEvent}
 * value, and {@link dev.llmrouter.stream.sse.SseRawStream}, which turns an HTTP response body into a
 * {@link dev.llmrouter.provider.RawResponseStream}.
 */
package dev.llmrouter.stream.sse;
