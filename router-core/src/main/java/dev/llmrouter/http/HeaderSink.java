package dev.llmrouter.http;

/** Receives outgoing request headers; lets core code write headers without knowing the HTTP client. */
@FunctionalInterface
public interface HeaderSink {

  /** Sets a header, replacing any earlier value of the same name (names are case-insensitive). */
  void set(String name, String value);
}
