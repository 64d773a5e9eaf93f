package org.mlplatform.benchmarks;

import static org.mlplatform.benchmarks.TrainingSetBenchmark.PG_DATABASE;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mlplatform.domain.features.offline.OfflineTable;
import org.postgresql.ds.PGSimpleDataSource;

/** A throw-away database for the offline store. */
final class BenchmarkDatabase implements AutoCloseable {
  final DataSource dataSource;
  final boolean postgres;

  BenchmarkDatabase(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /** {@value #PG_DATABASE}, dropped and created again; left in place afterwards to inspect. */
  static BenchmarkDatabase postgres(String adminUrl) throws SQLException {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(adminUrl);
    admin.setUser("postgres");
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + PG_DATABASE);
      try (ResultSet r = s.executeQuery("SELECT version()")) {
        r.next();
        print("  %s", r.getString(1));
      }
    }
    PGSimpleDataSource pg = new PGSimpleDataSource(); // the driver's defaults
    pg.setURL(adminUrl);
    pg.setUser("postgres");
    pg.setDatabaseName(PG_DATABASE);
    return new BenchmarkDatabase(pg, true);
  }

  /** A file database under target/, deleted first. */
  static BenchmarkDatabase h2() throws IOException {
    Path dir = Path.of("target", "training-h2").toAbsolutePath();
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("bench") + ";DB_CLOSE_DELAY=-1");
    h2.setUser("mlp");
    print("  H2 file database in %s", dir);
    return new BenchmarkDatabase(h2, false);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /**
   * Fresh statistics and visibility map, as autovacuum would leave a loaded table; on PostgreSQL
   * then a checkpoint, so that writing out the load does not compete with the timed reads.
   */
  void analyze(List<OfflineTable> tables) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (OfflineTable table : tables) {
        s.execute((postgres ? "VACUUM ANALYZE \"" : "ANALYZE TABLE \"") + table.tableName() + "\"");
      }
      if (postgres) {
        s.execute("CHECKPOINT");
      }
    }
  }

  /** PostgreSQL's plan and timing of a full scan as the store issues it (columns and order). */
  void explainScan(OfflineTable table) throws SQLException {
    String columns =
        String.join(", ", table.columnNames().stream().map(c -> '"' + c + '"').toList());
    String sql =
        "EXPLAIN (ANALYZE, BUFFERS) SELECT "
            + columns
            + " FROM \""
            + table.tableName()
            + "\" WHERE \"event_timestamp\" >= '0001-01-01T00:00:00Z'"
            + " AND \"event_timestamp\" <= '9999-12-31T00:00:00Z'";
    if (!postgres) {
      sql = sql.replace("EXPLAIN (ANALYZE, BUFFERS)", "EXPLAIN ANALYZE");
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      print("  plan of a full range scan of %s:", table.tableName());
      while (r.next()) {
        print("    %s", r.getString(1));
      }
    }
  }

  @Override
  public void close() {}
}
