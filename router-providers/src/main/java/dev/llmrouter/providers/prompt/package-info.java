/**
 * Prompt sources and the Mustache engine for {@link dev.llmrouter.prompt}: {@link
 * dev.llmrouter.providers.prompt.DirectoryPromptSource} ({@code .prompt} dotprompt files and JSON files),
 * {@link dev.llmrouter.providers.prompt.LiteLlmPromptClient} (LiteLLM's generic prompt-management API),
 * {@link dev.llmrouter.providers.prompt.BraintrustPromptClient} (Braintrust prompts, mapped by
 * {@link dev.llmrouter.providers.prompt.BraintrustPromptMapper}) and
 * {@link dev.llmrouter.providers.prompt.MustacheTemplateEngine} (registered with {@link java.util.ServiceLoader}).
 * The HTTP clients share the router's OkHttp client and map failures to the router's typed errors.
 */
package dev.llmrouter.providers.prompt;
