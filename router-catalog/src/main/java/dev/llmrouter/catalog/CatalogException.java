package dev.llmrouter.catalog;

import java.util.Optional;

/**
 * A model catalog could not be read, parsed or assembled: invalid JSON, a field of the wrong type, a
 * missing required field, a dangling fallback reference, an unreadable file. The message names the
 * model and field at fault; {@link #model()} and {@link #field()} expose them for programs.
 */
public class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final String field;

  /** An error that is not tied to one model or field. */
  public CatalogException(String message) {
    this(message, null, null, null);
  }

  /** An error that is not tied to one model or field, caused by {@code cause}. */
  public CatalogException(String message, Throwable cause) {
    this(message, null, null, cause);
  }

  /**
   * An error about one model and, optionally, one of its fields.
   *
   * @param message the full message; it should name the model and field
   * @param model the catalog key at fault
   * @param field the JSON field at fault, or {@link Optional#empty()}
   */
  public CatalogException(String message, String model, Optional<String> field) {
    this(message, model, field.orElse(null), null);
  }

  CatalogException(String message, String model, String field, Throwable cause) {
    super(message, cause);
    this.model = model;
    this.field = field;
  }

  /** The catalog key (model name) the error is about, if it is about one. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** The JSON field the error is about, if it is about one. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The same error with {@code prefix} in front of the message (used to name the file or resource). */
  CatalogException withPrefix(String prefix) {
    CatalogException e = new CatalogException(prefix + getMessage(), model, field, getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }
}
