/** The Anthropic provider: the Messages API and Anthropic's OpenAI-compatible Chat Completions endpoint. */
package dev.llmrouter.providers.anthropic;
