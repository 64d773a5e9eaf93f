package org.mlplatform.benchmarks;

import static org.mlplatform.benchmarks.TrainingSetBenchmark.BASE;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.FIRST_FEATURE_COLUMN;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.mix;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.print;
import static org.mlplatform.benchmarks.TrainingSetBenchmark.secs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.mlplatform.benchmarks.TrainingSetBenchmark.Result;
import org.mlplatform.benchmarks.TrainingSetData.Definitions;
import org.mlplatform.benchmarks.TrainingSetData.Spine;
import org.mlplatform.benchmarks.TrainingSetData.ViewData;

/** The same data in an in-memory DuckDB, and the equivalent ASOF JOIN query. */
final class DuckDb implements AutoCloseable {
  final Connection connection;
  final List<ViewData> views;
  final int features;

  DuckDb(Connection connection, List<ViewData> views, int features) {
    this.connection = connection;
    this.views = views;
    this.features = features;
  }

  static DuckDb load(List<ViewData> views, Spine spine, int features) throws SQLException {
    long start = System.nanoTime();
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE spine (row_id BIGINT, customer_id BIGINT, event_timestamp TIMESTAMP,"
              + " label BIGINT)");
      for (ViewData view : views) {
        StringBuilder columns = new StringBuilder();
        for (int f = 0; f < features; f++) {
          columns.append(", f").append(f).append(" DOUBLE");
        }
        s.execute(
            "CREATE TABLE "
                + view.name()
                + " (customer_id BIGINT, event_timestamp TIMESTAMP"
                + columns
                + ")");
      }
    }
    try (DuckDBAppender appender = duck.createAppender("main", "spine")) {
      for (int r = 0; r < spine.size(); r++) {
        appender.beginRow();
        appender.append((long) r);
        appender.append(spine.entity()[r]);
        appender.appendEpochMicros(micros(spine.millis()[r]));
        appender.append(spine.label()[r]);
        appender.endRow();
      }
    }
    for (ViewData view : views) {
      try (DuckDBAppender appender = duck.createAppender("main", view.name())) {
        for (int i = 0; i < view.rows(); i++) {
          int row = view.loadOrder()[i];
          appender.beginRow();
          appender.append(view.entity(row));
          appender.appendEpochMicros(micros(view.millisOf(row)));
          for (int f = 0; f < features; f++) {
            Double v = view.value(row, f);
            if (v == null) {
              appender.appendNull();
            } else {
              appender.append(v.doubleValue());
            }
          }
          appender.endRow();
        }
      }
    }
    print("  DuckDB %s loaded in %.1f s (not timed below)", duckVersion(connection), secs(start));
    return new DuckDb(connection, views, features);
  }

  private static String duckVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT version()")) {
      r.next();
      return r.getString(1);
    }
  }

  private static long micros(long millisSinceBase) {
    return (BASE.toEpochMilli() + millisSinceBase) * 1000;
  }

  /** The point-in-time join: per view, an ASOF LEFT JOIN, the TTL as a CASE per column. */
  String query() {
    StringBuilder select = new StringBuilder("SELECT s.event_timestamp, s.customer_id, s.label");
    StringBuilder from = new StringBuilder(" FROM spine s");
    for (int v = 0; v < views.size(); v++) {
      ViewData view = views.get(v);
      String t = "t" + v;
      for (int f = 0; f < features; f++) {
        String column = t + ".f" + f;
        if (view.ttl().isZero()) {
          select.append(", ").append(column);
        } else {
          // ours keeps a value while event time >= moment - TTL (boundary included)
          select
              .append(", CASE WHEN s.event_timestamp - ")
              .append(t)
              .append(".event_timestamp <= INTERVAL ")
              .append(view.ttl().toMillis() * 1000)
              .append(" MICROSECONDS THEN ")
              .append(column)
              .append(" END");
        }
        select.append(" AS ").append(view.name()).append("__f").append(f);
      }
      from.append(" ASOF LEFT JOIN ")
          .append(view.name())
          .append(' ')
          .append(t)
          .append(" ON s.customer_id = ")
          .append(t)
          .append(".customer_id AND s.event_timestamp >= ")
          .append(t)
          .append(".event_timestamp");
    }
    return select + from.toString() + " ORDER BY s.row_id";
  }

  /** Runs the join and reads every row and column through JDBC, as ours hands them to a sink. */
  Result run(int threads, Definitions definitions, boolean[] sampled) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = " + threads);
    }
    int width = FIRST_FEATURE_COLUMN + views.size() * features;
    long rows = 0;
    long checksum = 0;
    long nulls = 0;
    Map<Integer, Object[]> sample = new TreeMap<>();
    try (PreparedStatement statement = connection.prepareStatement(query());
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        Object[] values = new Object[width];
        LocalDateTime ts = result.getObject(1, LocalDateTime.class);
        values[0] = ts.toInstant(ZoneOffset.UTC);
        values[1] = result.getLong(2);
        values[2] = result.getLong(3);
        for (int c = FIRST_FEATURE_COLUMN; c < width; c++) {
          double v = result.getDouble(c + 1);
          if (result.wasNull()) {
            nulls++;
          } else {
            values[c] = v;
          }
        }
        for (Object value : values) {
          checksum = mix(checksum, value);
        }
        if (sampled[(int) rows]) {
          sample.put((int) rows, values);
        }
        rows++;
      }
    }
    return new Result(rows, checksum, nulls, sample);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
