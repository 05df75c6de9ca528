package dev.llmrouter.error;

/**
 * The request body is larger than the router accepts ({@code RouterBuilder.maxRequestBodyBytes}); it was
 * refused before any parsing. A gateway answers HTTP 413.
 */
public class RequestTooLargeException extends InvalidRequestException {
  private final long limit;
  private final long size;

  public RequestTooLargeException(long size, long limit) {
    super("request body of " + size + " bytes exceeds the limit of " + limit + " bytes (maxRequestBodyBytes)");
    this.size = size;
    this.limit = limit;
  }

  /** The configured limit in bytes. */
  public long limit() {
    return limit;
  }

  /** The size of the refused body in bytes. */
  public long size() {
    return size;
  }

  @Override
  public int httpStatus() {
    return 413;
  }
}
