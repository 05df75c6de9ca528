package dev.llmrouter.auth;

/** Turns secrets into a form safe for logs and {@code toString()}: length and nothing else. */
public final class Redaction {
  private Redaction() {}

  /** {@code ***(N chars)}: enough to tell an empty key from a set one, nothing to recover it. */
  public static String redact(String secret) {
    if (secret == null) {
      return "none";
    }
    return "***(" + secret.length() + " chars)";
  }
}
