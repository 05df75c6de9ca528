package dev.llmrouter.prompt;

/** Strict rendering found a placeholder whose variable the caller did not supply; the message names it. */
public class MissingVariableException extends PromptTemplateException {
  private final String variable;

  public MissingVariableException(String variable, String where) {
    super("missing prompt variable '" + variable + "'" + (where == null || where.isEmpty() ? "" : " in " + where)
        + " (strict mode: every placeholder needs a value in prompt_variables)");
    this.variable = variable;
  }

  /** The variable's name. */
  public String variable() {
    return variable;
  }
}
