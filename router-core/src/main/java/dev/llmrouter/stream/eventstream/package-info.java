/**
 * The AWS binary event-stream framing ({@code application/vnd.amazon.eventstream}) used by Bedrock's
 * streaming APIs: {@link dev.llmrouter.stream.eventstream.EventStreamDecoder}, an incremental push decoder
 * that validates both CRCs, the lengths and the header syntax; its
 * {@link dev.llmrouter.stream.eventstream.EventStreamFrame} and
 * {@link dev.llmrouter.stream.eventstream.EventStreamHeaderValue} values; and
 * {@link dev.llmrouter.stream.eventstream.EventStreamRawStream}, which turns a Bedrock
 * {@code InvokeModelWithResponseStream} or {@code ConverseStream} response body into a
 * {@link dev.llmrouter.provider.RawResponseStream}.
 */
package dev.llmrouter.stream.eventstream;
