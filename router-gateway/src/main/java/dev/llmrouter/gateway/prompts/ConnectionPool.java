package dev.llmrouter.gateway.prompts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small bounded pool of JDBC connections to one database. At most {@code size} connections are in use at
 * once; a caller waits up to the acquire timeout for one, then gets a {@link PromptStoreException}. Idle
 * connections are checked before reuse and replaced when broken. Uses no monitors, so callers on virtual
 * threads are never pinned while waiting.
 */
final class ConnectionPool implements AutoCloseable {
  /** Work done on a borrowed connection. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final String url;
  private final Properties properties;
  private final String safeName;
  private final Semaphore permits;
  private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
  private final Duration acquireTimeout;
  private volatile boolean closed;

  ConnectionPool(String url, Properties properties, String safeName, int size, Duration acquireTimeout) {
    this.url = url;
    this.properties = properties;
    this.safeName = safeName;
    this.permits = new Semaphore(size, true);
    this.acquireTimeout = acquireTimeout;
  }

  /** Runs {@code work} on a pooled connection. SQL failures propagate; the connection is kept if healthy. */
  <T> T with(Work<T> work) throws SQLException {
    if (closed) {
      throw new PromptStoreException("the prompt store is closed");
    }
    try {
      if (!permits.tryAcquire(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new PromptStoreException("no prompt database connection free within " + acquireTimeout.toMillis()
            + " ms (" + safeName + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PromptStoreException("interrupted while waiting for a prompt database connection");
    }
    Connection c = null;
    boolean healthy = false;
    try {
      c = take();
      T result = work.run(c);
      healthy = true;
      return result;
    } catch (SQLException e) {
      healthy = c != null && stillUsable(c);
      throw e;
    } finally {
      if (c != null) {
        if (healthy && !closed) {
          idle.offer(c);
        } else {
          quietlyClose(c);
        }
      }
      permits.release();
    }
  }

  private Connection take() throws SQLException {
    Connection c;
    while ((c = idle.poll()) != null) {
      if (stillUsable(c)) {
        return c;
      }
      quietlyClose(c);
    }
    return DriverManager.getConnection(url, properties);
  }

  private static boolean stillUsable(Connection c) {
    try {
      if (c.isClosed() || !c.isValid(2)) {
        return false;
      }
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void quietlyClose(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a broken connection
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.poll()) != null) {
      quietlyClose(c);
    }
  }
}
