/**
 * The OpenAI Chat Completions codec (a port of lingua's providers/openai adapter, convert, params,
 * tool_parsing and media helpers, Chat halves): request, response and stream-chunk conversion to and from
 * the universal IR, with the model-gated rules of {@link dev.llmrouter.translate.rules.ChatCompletionsRules}.
 * OpenAI-compatible providers (Mistral, Databricks, Azure, Baseten, ...) share it.
 */
package dev.llmrouter.translate.openai;
