/**
 * Prompt management: stored, versioned prompts resolved at request time.
 *
 * <ul>
 *   <li>The model: {@link dev.llmrouter.prompt.Prompt} (chat template messages or one completion text, an
 *       optional model and params, tools, response format, metadata), {@link dev.llmrouter.prompt.PromptMessage}
 *       and the lookup key {@link dev.llmrouter.prompt.PromptRef} (id, optional version, optional environment).
 *   <li>Templates: the {@link dev.llmrouter.prompt.TemplateEngine} SPI, the default
 *       {@link dev.llmrouter.prompt.BraceTemplateEngine} ({@code {{var}}} then {@code {var}}), strict and lenient
 *       modes, and {@link dev.llmrouter.prompt.PromptRenderer}. Mustache lives in router-providers, found
 *       through {@link java.util.ServiceLoader} ({@link dev.llmrouter.prompt.TemplateEngines}).
 *   <li>Sources: the {@link dev.llmrouter.prompt.PromptSource} SPI, {@link dev.llmrouter.prompt.InMemoryPromptSource}
 *       and {@link dev.llmrouter.prompt.CachingPromptSource}. The directory, LiteLLM and Braintrust sources live in
 *       router-providers ({@code dev.llmrouter.providers.prompt}).
 *   <li>Request-time resolution: {@link dev.llmrouter.prompt.PromptResolver} expands a request body carrying
 *       {@code prompt_id} in any client format before routing.
 * </ul>
 *
 * <p>Errors: an unknown prompt is a {@link dev.llmrouter.prompt.PromptNotFoundException} (a client error naming
 * it); a bad template or a missing variable in strict mode is a
 * {@link dev.llmrouter.prompt.PromptTemplateException}; a prompt service that cannot be reached or answers
 * badly is the usual {@link dev.llmrouter.error.TransportException} or
 * {@link dev.llmrouter.error.UpstreamException}: there is never a silent fallback to the caller's messages.
 */
package dev.llmrouter.prompt;
