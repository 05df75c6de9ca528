package dev.llmrouter.error;

import dev.llmrouter.catalog.ProviderFormat;

/** No registered provider alias, and no default provider for the format, can serve the model. */
public class NoProviderException extends ClientException {
  private final ProviderFormat format;

  public NoProviderException(ProviderFormat format) {
    super("no provider registered for format '" + format.id() + "'");
    this.format = format;
  }

  public NoProviderException(ProviderFormat format, String detail) {
    super("no provider registered for format '" + format.id() + "': " + detail);
    this.format = format;
  }

  /** The catalog format that found no provider. */
  public ProviderFormat format() {
    return format;
  }
}
