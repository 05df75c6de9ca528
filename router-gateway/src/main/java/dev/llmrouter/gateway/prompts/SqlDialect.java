package dev.llmrouter.gateway.prompts;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * What differs between the two databases the prompt store runs on: connection properties and how a
 * duplicate key or a lock conflict shows up. The SQL itself is the same portable subset for both
 * (CREATE TABLE/INDEX IF NOT EXISTS, VARCHAR/TEXT/INTEGER/BIGINT, correlated MAX subqueries).
 */
enum SqlDialect {
  /** SQLite through org.xerial:sqlite-jdbc: WAL, a busy timeout, and write transactions begun IMMEDIATE. */
  SQLITE,
  /** PostgreSQL through org.postgresql:postgresql (read committed; duplicates caught by the primary key). */
  POSTGRES;

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CONSTRAINT = 19;

  /** The dialect of a JDBC URL. */
  static SqlDialect of(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    throw new PromptStoreException("unsupported prompt database URL scheme (expected jdbc:sqlite: or "
        + "jdbc:postgresql:): " + JdbcUrls.redact(jdbcUrl));
  }

  /** Connection properties: SQLite pragmas, or nothing beyond the credentials. */
  Properties properties(String user, String password) {
    Properties p = new Properties();
    if (user != null && !user.isEmpty()) {
      p.setProperty("user", user);
    }
    if (password != null && !password.isEmpty()) {
      p.setProperty("password", password);
    }
    if (this == SQLITE) {
      p.setProperty("journal_mode", "WAL");
      p.setProperty("synchronous", "NORMAL");
      p.setProperty("busy_timeout", "10000");
      // BEGIN IMMEDIATE: a writer takes the write lock before reading MAX(version), so two writers never
      // read the same maximum and never deadlock upgrading a read lock.
      p.setProperty("transaction_mode", "IMMEDIATE");
    }
    return p;
  }

  /** Whether the statement failed on the primary key (a concurrent writer took the version first). */
  boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        if ("23505".equals(s.getSQLState())) {
          return true;
        }
        if (this == SQLITE && (s.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the statement failed on a lock held by another connection and may simply be retried. */
  boolean isTransientConflict(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
        if (this == SQLITE) {
          int code = s.getErrorCode() & 0xff;
          if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
