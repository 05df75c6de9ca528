package dev.llmrouter.gateway.prompts;

import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PromptStore} on JDBC: an SQLite file by default, or PostgreSQL given a {@code jdbc:postgresql:}
 * URL, through the same portable SQL. One table, {@code llmrouter_prompt_versions}, keyed by
 * {@code (prompt_id, environment, version)}, created on first start. Appending reads the highest version of
 * the prompt in the environment (deleted ones included, so numbers are never reused) and inserts the next
 * one inside a transaction; SQLite begins it IMMEDIATE (the write lock is taken first, so writers queue),
 * and on PostgreSQL a concurrent writer that took the number first makes the insert fail on the primary
 * key, and the append is retried. Deletes set {@code deleted_at}; no row is ever updated otherwise or
 * removed.
 */
public final class JdbcPromptStore implements PromptStore {
  static final String TABLE = "llmrouter_prompt_versions";
  private static final Logger LOG = LoggerFactory.getLogger(JdbcPromptStore.class);
  private static final int MAX_APPEND_ATTEMPTS = 60;
  private static final String COLUMNS =
      "prompt_id, environment, version, litellm_params, prompt_info, promoted_from, created_at";
  private static final String LIVE_LATEST = "p.deleted_at IS NULL AND p.version = (SELECT MAX(q.version) FROM "
      + TABLE + " q WHERE q.prompt_id = p.prompt_id AND q.environment = p.environment AND q.deleted_at IS NULL)";

  private final SqlDialect dialect;
  private final ConnectionPool pool;
  private final String safeName;

  private JdbcPromptStore(SqlDialect dialect, ConnectionPool pool, String safeName) {
    this.dialect = dialect;
    this.pool = pool;
    this.safeName = safeName;
  }

  /**
   * Opens (and on first use creates) the store.
   *
   * @param jdbcUrl {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}
   * @param user database user, or null
   * @param password database password, or null (never logged)
   * @param poolSize the most connections open at once
   * @throws PromptStoreException if the database cannot be reached or the schema cannot be created
   */
  public static JdbcPromptStore open(String jdbcUrl, String user, String password, int poolSize) {
    SqlDialect dialect = SqlDialect.of(jdbcUrl);
    String safeName = JdbcUrls.redact(jdbcUrl);
    Path file = JdbcUrls.sqliteFile(jdbcUrl);
    if (file != null && file.toAbsolutePath().getParent() != null) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new PromptStoreException("cannot create the directory of the prompt database " + file + ": "
            + e.getMessage(), e);
      }
    }
    ConnectionPool pool = new ConnectionPool(jdbcUrl, dialect.properties(user, password), safeName,
        Math.max(1, poolSize), Duration.ofSeconds(30));
    JdbcPromptStore store = new JdbcPromptStore(dialect, pool, safeName);
    try {
      store.createSchema();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return store;
  }

  private void createSchema() {
    run("create the prompt schema", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "prompt_id VARCHAR(" + VersionedId.MAX_ID_LENGTH + ") NOT NULL, "
            + "environment VARCHAR(" + VersionedId.MAX_ENVIRONMENT_LENGTH + ") NOT NULL, "
            + "version INTEGER NOT NULL, "
            + "litellm_params TEXT NOT NULL, "
            + "prompt_info TEXT NOT NULL, "
            + "promoted_from VARCHAR(" + (VersionedId.MAX_ENVIRONMENT_LENGTH + 16) + "), "
            + "created_at BIGINT NOT NULL, "
            + "deleted_at BIGINT, "
            + "PRIMARY KEY (prompt_id, environment, version))");
      }
      return null;
    });
  }

  /** Which database this is, without credentials ({@code jdbc:sqlite:/srv/data/prompts.db}). */
  public String describe() {
    return safeName;
  }

  @Override
  public StoredPrompt append(String baseId, String environment, JsonObject litellmParams, JsonObject promptInfo,
      Optional<String> promotedFrom) {
    VersionedId.requireBaseId(baseId);
    String env = VersionedId.environment(environment);
    String params = JsonTree.writeString(litellmParams);
    String info = JsonTree.writeString(promptInfo);
    for (int attempt = 1; ; attempt++) {
      try {
        return pool.with(c -> insertNext(c, baseId, env, params, info, promotedFrom, litellmParams, promptInfo));
      } catch (SQLException e) {
        boolean retry = dialect.isDuplicateKey(e) || dialect.isTransientConflict(e);
        if (!retry || attempt >= MAX_APPEND_ATTEMPTS) {
          throw failure("store a new version of " + baseId, e);
        }
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000L * Math.min(attempt, 10)));
      }
    }
  }

  private StoredPrompt insertNext(Connection c, String baseId, String env, String params, String info,
      Optional<String> promotedFrom, JsonObject litellmParams, JsonObject promptInfo) throws SQLException {
    c.setAutoCommit(false);
    try {
      int next;
      try (PreparedStatement s = c.prepareStatement(
          "SELECT MAX(version) FROM " + TABLE + " WHERE prompt_id = ? AND environment = ?")) {
        s.setString(1, baseId);
        s.setString(2, env);
        try (ResultSet r = s.executeQuery()) {
          next = (r.next() ? r.getInt(1) : 0) + 1;
        }
      }
      long now = System.currentTimeMillis();
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, baseId);
        s.setString(2, env);
        s.setInt(3, next);
        s.setString(4, params);
        s.setString(5, info);
        s.setString(6, promotedFrom.orElse(null));
        s.setLong(7, now);
        s.executeUpdate();
      }
      c.commit();
      return new StoredPrompt(baseId, next, env, litellmParams, promptInfo, Instant.ofEpochMilli(now),
          promotedFrom);
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      try {
        c.setAutoCommit(true);
      } catch (SQLException ignored) {
        // the pool checks the connection before reuse
      }
    }
  }

  @Override
  public Optional<StoredPrompt> latest(String baseId, String environment) {
    return one("read " + baseId, "SELECT " + COLUMNS + " FROM " + TABLE + " p WHERE p.prompt_id = ? AND "
        + "p.environment = ? AND p.deleted_at IS NULL ORDER BY p.version DESC", baseId, environment);
  }

  @Override
  public Optional<StoredPrompt> find(String baseId, String environment, int version) {
    return query("read " + VersionedId.versioned(baseId, version), "SELECT " + COLUMNS + " FROM " + TABLE
        + " WHERE prompt_id = ? AND environment = ? AND version = ? AND deleted_at IS NULL", 1,
        baseId, environment, version).stream().findFirst();
  }

  @Override
  public List<StoredPrompt> versions(String baseId, Optional<String> environment) {
    if (environment.isPresent()) {
      return query("list the versions of " + baseId, "SELECT " + COLUMNS + " FROM " + TABLE
          + " WHERE prompt_id = ? AND environment = ? AND deleted_at IS NULL ORDER BY version DESC", -1,
          baseId, environment.get());
    }
    return query("list the versions of " + baseId, "SELECT " + COLUMNS + " FROM " + TABLE
        + " WHERE prompt_id = ? AND deleted_at IS NULL ORDER BY environment, version DESC", -1, baseId);
  }

  @Override
  public List<String> environments(String baseId) {
    return run("list the environments of " + baseId, c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT environment FROM " + TABLE
          + " WHERE prompt_id = ? AND deleted_at IS NULL ORDER BY environment")) {
        s.setString(1, baseId);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(r.getString(1));
          }
        }
      }
      return out;
    });
  }

  @Override
  public List<StoredPrompt> listLatest(Optional<String> environment) {
    if (environment.isPresent()) {
      return query("list prompts", "SELECT " + COLUMNS + " FROM " + TABLE + " p WHERE p.environment = ? AND "
          + LIVE_LATEST + " ORDER BY p.prompt_id", -1, environment.get());
    }
    return query("list prompts", "SELECT " + COLUMNS + " FROM " + TABLE + " p WHERE " + LIVE_LATEST
        + " ORDER BY p.prompt_id, p.environment", -1);
  }

  @Override
  public int delete(String baseId, Optional<String> environment) {
    long now = System.currentTimeMillis();
    return run("delete " + baseId, c -> {
      String sql = "UPDATE " + TABLE + " SET deleted_at = ? WHERE prompt_id = ? AND deleted_at IS NULL"
          + (environment.isPresent() ? " AND environment = ?" : "");
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, now);
        s.setString(2, baseId);
        if (environment.isPresent()) {
          s.setString(3, environment.get());
        }
        return s.executeUpdate();
      }
    });
  }

  @Override
  public boolean isEmpty() {
    return run("count prompts", c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
        return r.next() && r.getLong(1) == 0;
      }
    });
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "JdbcPromptStore{" + safeName + "}";
  }

  private Optional<StoredPrompt> one(String what, String sql, Object... args) {
    return query(what, sql, 1, args).stream().findFirst();
  }

  private List<StoredPrompt> query(String what, String sql, int limit, Object... args) {
    return run(what, c -> {
      List<StoredPrompt> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          if (args[i] instanceof Integer n) {
            s.setInt(i + 1, n);
          } else {
            s.setString(i + 1, (String) args[i]);
          }
        }
        if (limit > 0) {
          s.setMaxRows(limit);
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(row(r));
          }
        }
      }
      return out;
    });
  }

  private StoredPrompt row(ResultSet r) throws SQLException {
    String id = r.getString(1);
    int version = r.getInt(3);
    return new StoredPrompt(id, version, r.getString(2), json(r.getString(4), id, version),
        json(r.getString(5), id, version), Instant.ofEpochMilli(r.getLong(7)),
        Optional.ofNullable(r.getString(6)));
  }

  private static JsonObject json(String text, String id, int version) {
    try {
      return JsonTree.parseObject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new PromptStoreException("stored prompt " + VersionedId.versioned(id, version)
          + " holds invalid JSON: " + e.getMessage(), e);
    }
  }

  private <T> T run(String what, ConnectionPool.Work<T> work) {
    try {
      return pool.with(work);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private PromptStoreException failure(String what, SQLException e) {
    LOG.warn("prompt store ({}): cannot {}: {} (SQLState {})", safeName, what, e.getMessage(), e.getSQLState());
    return new PromptStoreException("prompt store cannot " + what + ": " + e.getMessage(), e);
  }
}
