/** The OpenAI provider (Chat Completions and Responses) and the OpenAI-compatible vendors it serves. */
package dev.llmrouter.providers.openai;
