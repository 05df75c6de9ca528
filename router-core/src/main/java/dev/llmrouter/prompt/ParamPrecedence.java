package dev.llmrouter.prompt;

/**
 * Who wins when a prompt and the caller's request set the same parameter (temperature, max tokens, tools,
 * response format, ...) or both name a model.
 */
public enum ParamPrecedence {
  /**
   * LiteLLM's rule (the default): the caller's params overlaid by the prompt's, so the prompt wins on
   * conflicts, and the prompt's model replaces the caller's.
   */
  PROMPT_WINS,
  /**
   * Helicone's rule: the prompt's params and model only fill what the caller left unset.
   */
  CALLER_WINS,
  /**
   * LiteLLM's {@code ignore_prompt_manager_optional_params}: the prompt's params, tools and response format
   * are dropped entirely (its model still applies unless {@code ignorePromptModel} is set).
   */
  IGNORE_PROMPT_PARAMS
}
