package org.mlplatform.benchmarks.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mlplatform.domain.serving.PredictionRecord;
import org.mlplatform.persistence.migration.SchemaMigrator;
import org.mlplatform.persistence.serving.JdbcPredictionLogStore;
import org.mlplatform.serving.monitoring.LoggedJson;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The benchmark's PostgreSQL database: created afresh with the platform's schema ({@link
 * SchemaMigrator}) and filled through the platform's {@link JdbcPredictionLogStore#append}, or kept
 * when asked to and it already holds the same rows. Left in place afterwards to inspect.
 */
final class LogDatabase {

  private static final Logger LOG = Logger.getLogger(LogDatabase.class.getName());

  /** Records per {@code append}, as the serving engine's log writer may hand over at most. */
  static final int APPEND_BATCH = 5_000;

  /** The window the log's records fall in: {@code [from, to)}. */
  record Window(Instant from, Instant to, long records) {}

  private final MonitoringOptions options;
  private final PGSimpleDataSource admin = new PGSimpleDataSource();
  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  LogDatabase(MonitoringOptions options) {
    this.options = options;
    admin.setURL(options.pgUrl());
    admin.setUser("postgres");
    dataSource.setURL(options.pgUrl()); // the driver's defaults otherwise
    dataSource.setUser("postgres");
    dataSource.setDatabaseName(options.database());
  }

  DataSource dataSource() {
    return dataSource;
  }

  /**
   * Whether {@code reuse=true} and the database holds exactly the rows asked for: as many records,
   * all of {@code bench} v1, the newest with as many features.
   */
  boolean reusable(SyntheticTraffic traffic) throws SQLException {
    if (!options.reuse() || !exists()) {
      return false;
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT to_regclass('prediction_log') IS NOT NULL"
                    + " AND (SELECT count(*) FROM prediction_log) = "
                    + options.rows()
                    + " AND (SELECT count(*) FROM prediction_log WHERE model = '"
                    + SyntheticTraffic.MODEL
                    + "' AND version = "
                    + SyntheticTraffic.VERSION
                    + ") = "
                    + options.rows())) {
      if (!r.next() || !r.getBoolean(1)) {
        return false;
      }
    }
    List<PredictionRecord> newest =
        new JdbcPredictionLogStore(dataSource).recent(SyntheticTraffic.MODEL, 1);
    double[] inputs = LoggedJson.numbers(newest.getFirst().inputs(), SyntheticTraffic.INPUT);
    return inputs != null && inputs.length == traffic.featureNames().size();
  }

  /** Drops and creates the database, then migrates it to the platform's schema. */
  void create() throws SQLException {
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + options.database() + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + options.database());
    }
    String schema = new SchemaMigrator(dataSource).migrate();
    LOG.info(() -> "  database " + options.database() + " created, schema version " + schema);
  }

  /**
   * Appends {@code rows} records made in the hour before {@code end}, in batches of {@value
   * #APPEND_BATCH} on {@code loaders} threads, then leaves the table as autovacuum would (fresh
   * statistics, visibility map) and checkpoints, so that writing the load out does not compete with
   * the measured reads.
   */
  void load(SyntheticTraffic traffic, Instant end) throws Exception {
    JdbcPredictionLogStore store = new JdbcPredictionLogStore(dataSource);
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    long rows = options.rows();
    long step = Math.max(rows / 10, APPEND_BATCH);
    ExecutorService loaders =
        Executors.newFixedThreadPool(
            options.loaders(), Thread.ofPlatform().name("log-loader-", 0).daemon().factory());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < options.loaders(); t++) {
        running.add(
            loaders.submit(
                () -> {
                  for (long first = next.getAndAdd(APPEND_BATCH);
                      first < rows;
                      first = next.getAndAdd(APPEND_BATCH)) {
                    int count = (int) Math.min(APPEND_BATCH, rows - first);
                    store.append(traffic.records(first, count, rows, end));
                    long total = done.addAndGet(count);
                    if (total / step != (total - count) / step) {
                      LOG.info(() -> String.format("  appended %,d of %,d", total, rows));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> loader : running) {
        loader.get();
      }
    } finally {
      loaders.shutdownNow();
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE prediction_log");
      s.execute("CHECKPOINT");
    }
  }

  /** The instants of the oldest and newest records: the window read covers them all. */
  Window window() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT min(predicted_at), max(predicted_at), count(*) FROM prediction_log"
                    + " WHERE model = ?")) {
      s.setString(1, SyntheticTraffic.MODEL);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        Instant from = r.getObject(1, OffsetDateTime.class).toInstant();
        Instant newest = r.getObject(2, OffsetDateTime.class).toInstant();
        return new Window(from, newest.plusNanos(1_000), r.getLong(3));
      }
    }
  }

  /** The server's version and the table's size on disk, for the report. */
  String describe() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT version(), pg_size_pretty(pg_total_relation_size('prediction_log')),"
                    + " current_setting('shared_buffers')")) {
      r.next();
      return r.getString(1).replaceFirst(" on .*", "")
          + ", prediction_log "
          + r.getString(2)
          + ", shared_buffers "
          + r.getString(3);
    }
  }

  private boolean exists() throws SQLException {
    try (Connection c = admin.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      s.setString(1, options.database());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
