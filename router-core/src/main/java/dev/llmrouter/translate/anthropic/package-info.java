/**
 * The Anthropic Messages codecs (lingua's providers/anthropic, bedrock_anthropic and vertex_anthropic):
 * {@link dev.llmrouter.translate.anthropic.AnthropicCodec} for the Messages API, and the Bedrock
 * InvokeModel and Vertex rawPredict flavours of the same body, whose model travels in the URL.
 */
package dev.llmrouter.translate.anthropic;
