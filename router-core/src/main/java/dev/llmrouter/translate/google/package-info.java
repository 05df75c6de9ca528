/**
 * The Google Gemini {@code generateContent} codec (lingua's providers/google):
 * {@link dev.llmrouter.translate.google.GoogleCodec} translates requests, responses and
 * {@code streamGenerateContent?alt=sse} chunks to and from the universal IR. Model-gated behaviour lives in
 * {@link dev.llmrouter.translate.rules.GoogleRules}.
 */
package dev.llmrouter.translate.google;
