package dev.llmrouter.auth;

import dev.llmrouter.error.AuthException;
import dev.llmrouter.http.HeaderSyntax;

/** Header syntax checks for credentials: a bad one fails early, and the message never shows the value. */
final class HeaderValidation {
  private HeaderValidation() {}

  static String requireName(String name) {
    if (!HeaderSyntax.isValidName(name)) {
      throw new AuthException("invalid auth header name '" + name + "'");
    }
    return name;
  }

  static String requireValue(String name, String value) {
    if (!HeaderSyntax.isValidValue(value)) {
      throw new AuthException("auth header '" + name + "' has a missing or invalid value");
    }
    return value;
  }
}
