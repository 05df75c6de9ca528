package dev.llmrouter.json;

/**
 * Text that is not valid JSON, with the line and column of the problem. Callers turn it into the typed
 * router error that fits (an invalid request, or a malformed upstream reply).
 */
public final class JsonSyntaxException extends IllegalArgumentException {
  private final long line;
  private final long column;

  public JsonSyntaxException(String message, long line, long column, Throwable cause) {
    super(message + (line > 0 ? " at line " + line + ", column " + column : ""), cause);
    this.line = line;
    this.column = column;
  }

  /** 1-based line of the problem, or 0 if unknown. */
  public long line() {
    return line;
  }

  /** 1-based column of the problem, or 0 if unknown. */
  public long column() {
    return column;
  }
}
