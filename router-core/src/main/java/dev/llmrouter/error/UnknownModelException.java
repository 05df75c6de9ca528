package dev.llmrouter.error;

/** The requested model is not a key of the catalog (lookups are exact; there is no prefix matching). */
public class UnknownModelException extends ClientException {
  private final String model;

  public UnknownModelException(String model) {
    super("unknown model '" + model + "'");
    this.model = model;
  }

  /** The model name as the caller gave it. */
  public String model() {
    return model;
  }
}
