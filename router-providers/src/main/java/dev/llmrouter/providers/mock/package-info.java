/**
 * The {@code mock} provider: answers OpenAI Chat Completions requests locally (echo or canned text, with
 * configurable latency and token counts) so the router and gateway run offline through the real
 * translation path.
 */
package dev.llmrouter.providers.mock;
