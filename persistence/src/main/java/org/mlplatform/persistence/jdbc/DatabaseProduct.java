package org.mlplatform.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;
import org.postgresql.PGStatement;

/**
 * What the JDBC stores do differently on H2 and PostgreSQL, the two databases the platform
 * supports, told apart by the product name the driver reports.
 */
public final class DatabaseProduct {

  private static final String H2 = "H2";
  private static final String POSTGRESQL = "PostgreSQL";

  private DatabaseProduct() {}

  public static boolean isPostgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().equals(POSTGRESQL);
  }

  /**
   * The statement (or anything else) for the connected database; on any other database the store's
   * own exception, made by {@code unsupported} from the product's name.
   */
  public static <T> T choose(
      Connection connection,
      T h2,
      T postgres,
      Function<String, ? extends RuntimeException> unsupported)
      throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return switch (product) {
      case H2 -> h2;
      case POSTGRESQL -> postgres;
      default -> throw unsupported.apply(product);
    };
  }

  /**
   * Has PostgreSQL send a streamed read's rows in binary from the first execution on (by default
   * only a statement run five times is): ids, times and numbers decode faster than from text. The
   * driver class is touched on PostgreSQL only: H2-only installations may not ship it.
   */
  public static void preferBinaryResults(Connection connection, PreparedStatement statement)
      throws SQLException {
    if (isPostgres(connection) && statement.isWrapperFor(PGStatement.class)) {
      statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }
  }

  /** A foreign key found no row to point at: PostgreSQL's foreign_key_violation, H2's 23506. */
  public static boolean isMissingParent(SQLException e) {
    return switch (String.valueOf(e.getSQLState())) {
      case "23503", "23506" -> true;
      default -> false;
    };
  }
}
