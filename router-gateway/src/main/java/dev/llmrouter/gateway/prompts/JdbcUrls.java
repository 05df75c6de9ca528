package dev.llmrouter.gateway.prompts;

import java.nio.file.Path;
import java.util.Locale;

/** Turns the configured database setting into a JDBC URL, and JDBC URLs into log-safe text. */
final class JdbcUrls {
  private JdbcUrls() {}

  /** {@code jdbc:...} as is; anything else is a SQLite file path. */
  static String toJdbcUrl(String database) {
    if (database.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return database;
    }
    return "jdbc:sqlite:" + Path.of(database).toAbsolutePath().normalize();
  }

  /** The SQLite file of a {@code jdbc:sqlite:} URL, or null for in-memory or other databases. */
  static Path sqliteFile(String jdbcUrl) {
    if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:")) {
      return null;
    }
    String rest = jdbcUrl.substring("jdbc:sqlite:".length());
    int q = rest.indexOf('?');
    if (q >= 0) {
      rest = rest.substring(0, q);
    }
    if (rest.startsWith("file:")) {
      rest = rest.substring(5);
    }
    if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith(":resource:")) {
      return null;
    }
    return Path.of(rest);
  }

  /**
   * The URL without user info, query or parameters, which may hold a password: {@code
   * jdbc:postgresql://db.internal:5432/prompts}.
   */
  static String redact(String jdbcUrl) {
    String s = jdbcUrl;
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    int semi = s.indexOf(';');
    if (semi >= 0) {
      s = s.substring(0, semi);
    }
    int scheme = s.indexOf("//");
    if (scheme >= 0) {
      int at = s.indexOf('@', scheme + 2);
      if (at >= 0) {
        s = s.substring(0, scheme + 2) + s.substring(at + 1);
      }
    }
    return s;
  }
}
