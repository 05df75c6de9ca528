/**
 * Request cost for streams: the catalog-priced cost written into the final usage event of a stream where
 * the client format has room ({@code usage.cost}). Usage itself is read with router-core's
 * {@link dev.llmrouter.observe.ReplyReader} and {@link dev.llmrouter.observe.StreamTally}.
 */
package dev.llmrouter.gateway.cost;
