package dev.llmrouter.gateway.prompts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link JdbcPromptStoreTest} on PostgreSQL, through the same SQL: runs when
 * {@code LLMROUTER_TEST_POSTGRES_URL} is set (e.g. {@code jdbc:postgresql://127.0.0.1:5432/prompts?user=postgres}),
 * and is skipped otherwise (CI has no database server). Each test starts from a dropped table.
 */
class PostgresPromptStoreTest extends JdbcPromptStoreTest {
  private static final String URL = System.getenv("LLMROUTER_TEST_POSTGRES_URL");

  @BeforeEach
  void freshTable() throws Exception {
    Assumptions.assumeTrue(URL != null && !URL.isBlank(), "LLMROUTER_TEST_POSTGRES_URL is not set");
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + JdbcPromptStore.TABLE);
    }
  }

  @Override
  JdbcPromptStore open() {
    return JdbcPromptStore.open(URL, null, null, 8);
  }
}
