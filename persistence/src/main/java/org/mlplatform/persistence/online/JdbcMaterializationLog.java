package org.mlplatform.persistence.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.features.online.OnlineStoreException;
import org.mlplatform.persistence.offline.JdbcColumns;

/**
 * How far each view version has been materialised ({@code fs_materialization}, one row per view
 * version): an incremental materialisation loads {@code [materializedUntil, now)} next. Each call
 * is its own transaction. Thread-safe.
 */
public final class JdbcMaterializationLog {

  /**
   * The state after the latest run of a view version.
   *
   * @param materializedUntil the furthest end of any run so far (exclusive)
   * @param rowsWritten rows the latest run took from the offline store
   * @param finishedAt when the latest run ended
   */
  public record Run(
      ResourceName view,
      int version,
      Instant materializedUntil,
      long rowsWritten,
      Instant finishedAt) {

    public Run {
      Objects.requireNonNull(view, "view");
      Objects.requireNonNull(materializedUntil, "materializedUntil");
      Objects.requireNonNull(finishedAt, "finishedAt");
      if (version < 1 || rowsWritten < 0) {
        throw new IllegalArgumentException("version starts at 1; rows written are not negative");
      }
    }
  }

  private static final String COLUMNS =
      "view_name, view_version, materialized_until, rows_written, finished_at";

  /**
   * The watermark only moves forward: re-running an older range must not make the next incremental
   * run start earlier (it would be harmless, only wasted work), nor claim less.
   */
  private static final String PG_UPSERT =
      "INSERT INTO fs_materialization AS m ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (view_name, view_version) DO UPDATE SET"
          + " materialized_until = GREATEST(m.materialized_until, EXCLUDED.materialized_until),"
          + " rows_written = EXCLUDED.rows_written, finished_at = EXCLUDED.finished_at";

  private static final String H2_MERGE =
      "MERGE INTO fs_materialization m USING (SELECT CAST(? AS VARCHAR(63)) AS view_name,"
          + " CAST(? AS INTEGER) AS view_version,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS materialized_until,"
          + " CAST(? AS BIGINT) AS rows_written,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS finished_at) s"
          + " ON (m.view_name = s.view_name AND m.view_version = s.view_version)"
          + " WHEN MATCHED THEN UPDATE SET"
          + " materialized_until = GREATEST(m.materialized_until, s.materialized_until),"
          + " rows_written = s.rows_written, finished_at = s.finished_at"
          + " WHEN NOT MATCHED THEN INSERT ("
          + COLUMNS
          + ") VALUES (s.view_name, s.view_version, s.materialized_until, s.rows_written,"
          + " s.finished_at)";

  private static final String SELECT =
      "SELECT " + COLUMNS + " FROM fs_materialization WHERE view_name = ? AND view_version = ?";

  private final DataSource dataSource;

  public JdbcMaterializationLog(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Records a finished run; {@code materializedUntil} is kept if an earlier run went further. */
  public void record(Run run) {
    try (Connection connection = dataSource.getConnection()) {
      String upsert = JdbcColumns.isH2(connection) ? H2_MERGE : PG_UPSERT;
      try (PreparedStatement statement = connection.prepareStatement(upsert)) {
        statement.setString(1, run.view().value());
        statement.setInt(2, run.version());
        JdbcColumns.bind(statement, 3, FeatureType.TIMESTAMP, run.materializedUntil());
        statement.setLong(4, run.rowsWritten());
        JdbcColumns.bind(statement, 5, FeatureType.TIMESTAMP, run.finishedAt());
        statement.executeUpdate();
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw failure("recording a materialisation of " + run.view() + " v" + run.version(), e);
    }
  }

  /** The state after the latest run of a view version; empty if it was never materialised. */
  public Optional<Run> last(ResourceName view, int version) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SELECT)) {
      statement.setString(1, view.value());
      statement.setInt(2, version);
      try (ResultSet row = statement.executeQuery()) {
        Optional<Run> run =
            row.next()
                ? Optional.of(
                    new Run(
                        view,
                        version,
                        (Instant) JdbcColumns.read(row, 3, FeatureType.TIMESTAMP),
                        row.getLong(4),
                        (Instant) JdbcColumns.read(row, 5, FeatureType.TIMESTAMP)))
                : Optional.empty();
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        return run;
      }
    } catch (SQLException e) {
      throw failure("reading the materialisations of " + view + " v" + version, e);
    }
  }

  /** Where the next incremental materialisation of a view version starts, if it ran before. */
  public Optional<Instant> lastMaterializedUntil(ResourceName view, int version) {
    return last(view, version).map(Run::materializedUntil);
  }

  private static OnlineStoreException failure(String what, SQLException e) {
    return new OnlineStoreException(what + " failed: " + e.getMessage(), e);
  }
}
