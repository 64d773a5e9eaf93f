package org.mlplatform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test: an in-memory H2 database, or a database of its own on the
 * machine's PostgreSQL (created here, dropped on close). PostgreSQL is required, not optional: a
 * missing server fails the test rather than skipping it.
 */
public final class TestDatabase implements AutoCloseable {

  /** The database products the platform supports. */
  public enum Kind {
    H2,
    POSTGRESQL
  }

  private final Kind kind;
  private final DataSource dataSource;
  private final String pgDatabase;

  private TestDatabase(Kind kind, DataSource dataSource, String pgDatabase) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.pgDatabase = pgDatabase;
  }

  public static TestDatabase create(Kind kind) {
    String name = "mlp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return switch (kind) {
      case H2 -> {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        h2.setUser("mlp");
        yield new TestDatabase(kind, h2, null);
      }
      case POSTGRESQL -> {
        executeAsAdmin("CREATE DATABASE " + name);
        PGSimpleDataSource pg = pgDataSource();
        pg.setDatabaseName(name);
        yield new TestDatabase(kind, pg, name);
      }
    };
  }

  public Kind kind() {
    return kind;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    if (pgDatabase != null) {
      executeAsAdmin("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
    }
  }

  private static PGSimpleDataSource pgDataSource() {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(System.getProperty("mlp.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres"));
    pg.setUser(System.getProperty("mlp.test.pg.user", "postgres"));
    return pg;
  }

  private static void executeAsAdmin(String sql) {
    try (Connection c = pgDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for integration tests: " + e.getMessage(), e);
    }
  }
}
