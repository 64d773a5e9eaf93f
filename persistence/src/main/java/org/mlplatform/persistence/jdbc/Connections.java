package org.mlplatform.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Ending a connection's transaction without letting that hide what went wrong first. */
public final class Connections {

  private Connections() {}

  /**
   * Rolls back after {@code failure}; a rollback that fails too is added to it as suppressed, so
   * the caller sees the first problem, not the follow-up.
   */
  public static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Ends the read transaction a pool may have opened (auto-commit off) without keeping locks. */
  public static void endRead(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }
}
