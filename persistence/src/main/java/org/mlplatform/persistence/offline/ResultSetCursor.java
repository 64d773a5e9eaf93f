package org.mlplatform.persistence.offline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import org.mlplatform.domain.features.offline.CloseableIterator;
import org.mlplatform.domain.features.offline.LookaheadCursor;
import org.mlplatform.domain.features.offline.OfflineStoreException;

/**
 * Rows of an open, forward-only result set, mapped one at a time. Owns its connection: closing the
 * cursor (or reading it to the end) ends the read-only transaction, restores the connection's
 * auto-commit setting ({@code autoCommit}) and returns the connection.
 */
final class ResultSetCursor<T> extends LookaheadCursor<T> {

  /** Maps the current row; returns null to skip it. */
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final RowMapper<T> mapper;
  private final boolean autoCommit;
  private boolean closed;

  ResultSetCursor(
      Connection connection,
      PreparedStatement statement,
      ResultSet rows,
      RowMapper<T> mapper,
      boolean autoCommit) {
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
    this.mapper = mapper;
    this.autoCommit = autoCommit;
  }

  /** A cursor over nothing, for a table that does not exist yet. */
  static <T> CloseableIterator<T> empty() {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return false;
      }

      @Override
      public T next() {
        throw new NoSuchElementException();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  protected T fetch() {
    if (closed) { // closed early by the reader
      end();
      return null;
    }
    try {
      if (!rows.next()) {
        end();
        return null;
      }
      return mapper.map(rows);
    } catch (SQLException e) {
      throw new OfflineStoreException("reading the offline store failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (connection) {
      try (statement;
          rows) {
        // closed in reverse order: the result set, then the statement
      }
      // The read changed nothing; ending it this way also works after a failed statement.
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      throw new OfflineStoreException("closing an offline-store cursor failed", e);
    }
  }
}
