/**
 * The OpenAI Responses API codec: requests ({@code input} items, {@code instructions}, {@code text.format},
 * {@code reasoning}), responses ({@code output} items) and stream events ({@code response.*}) to and from
 * the universal IR, ported from lingua's openai/responses_adapter.rs and the Responses halves of
 * openai/convert.rs, params.rs and tool_discovery.rs. Model-gated rules live in
 * {@link dev.llmrouter.translate.rules.ResponsesRules}.
 */
package dev.llmrouter.translate.responses;
