/**
 * The AWS Bedrock Converse codec, a port of lingua's {@code providers/bedrock}: {@link
 * dev.llmrouter.translate.converse.ConverseCodec} (requests, responses, stream events), the content-block
 * conversions of {@code ConverseMessages} and the stream-event conversions of {@code ConverseStream}. The
 * model-gated sampling rules live in {@link dev.llmrouter.translate.rules.ConverseRules}.
 *
 * <p>Output follows lingua's goldens (no {@code toolChoice}, files refused, URL images in {@code bytes})
 * except for two recorded deviations: system prompts are written as the top-level {@code system} blocks
 * rather than {@code "System: "} user turns, and cache breakpoints become {@code cachePoint} blocks on
 * models that take them. Input keeps what lingua drops so that Converse messages converted to the IR and
 * back are unchanged.
 */
package dev.llmrouter.translate.converse;
