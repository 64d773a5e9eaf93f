package org.mlplatform.persistence.offline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.LongConsumer;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.FeatureRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's fast path, built on COPY (a per-row upsert is an order of magnitude slower). COPY
 * cannot upsert, so rows normally go into a temporary staging table first and then into the view's
 * table with one {@code INSERT ... SELECT DISTINCT ON ... ON CONFLICT DO UPDATE}, which keeps the
 * last of repeated rows. Two shortcuts for the first load of a view version, usually the big one:
 *
 * <ul>
 *   <li>When the table is empty, it is locked against other writers (readers go on) and rows go
 *       straight into it for as long as they come in strictly increasing (entity key, event time)
 *       order, which guarantees that none repeats: no staging at all for a sorted upload.
 *   <li>Rows after the first one out of order are staged; if nothing went straight in, they are
 *       moved with a plain insert instead of an upsert, which costs about half as much per row.
 * </ul>
 *
 * The staging table lives only until the transaction ends. Only this class touches the driver's own
 * API, so H2 deployments never load it.
 */
final class PgCopyWriter implements RowWriter {

  /** Hand the COPY text to the driver in pieces of about this many bytes. */
  private static final int FLUSH_BYTES = 1 << 20;

  /** Whether the connection (or the pool's wrapper around it) exposes the COPY API. */
  static boolean canCopy(Connection connection) throws SQLException {
    return connection.isWrapperFor(PGConnection.class);
  }

  @Override
  public long write(
      Connection connection,
      OfflineSql sql,
      Iterator<FeatureRow> rows,
      Instant ingestedAt,
      LongConsumer progress)
      throws SQLException {
    boolean empty = emptyAndLocked(connection, sql);
    Copy copy = new Copy(connection, sql, ingestedAt, progress);
    if (empty) {
      copy.straightIn(rows);
    }
    copy.staged(rows);
    if (copy.stagedRows > 0) {
      String move = empty && copy.directRows == 0 ? sql.pgInsertStage() : sql.pgMergeStage();
      try (PreparedStatement merge = connection.prepareStatement(move)) {
        ColumnCodec.bind(merge, 1, FeatureType.TIMESTAMP, ingestedAt);
        merge.executeUpdate();
      }
    }
    long written = copy.directRows + copy.stagedRows;
    progress.accept(written);
    return written;
  }

  /**
   * Whether the view's table is empty, locked against other writers until commit when it is. A
   * table with rows (the common case after the first load) is not locked: concurrent upserts of
   * disjoint rows then do not wait for each other.
   */
  static boolean emptyAndLocked(Connection connection, OfflineSql sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (hasRows(statement, sql)) {
        return false;
      }
      statement.execute(sql.pgLockAgainstWriters());
      return !hasRows(statement, sql); // another upload may have committed rows meanwhile
    }
  }

  private static boolean hasRows(Statement statement, OfflineSql sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql.anyRow())) {
      return row.next();
    }
  }

  /** The COPY streams of one write: first straight into the table, then into the stage. */
  private static final class Copy {
    private final Connection connection;
    private final OfflineSql sql;
    private final Instant ingestedAt;
    private final LongConsumer progress;
    private final PgCopyText text;
    private long directRows;
    private long stagedRows;

    /** A row taken from the iterator that still has to be written. */
    private FeatureRow pending;

    Copy(Connection connection, OfflineSql sql, Instant ingestedAt, LongConsumer progress) {
      this.connection = connection;
      this.sql = sql;
      this.ingestedAt = ingestedAt;
      this.progress = progress;
      this.text = new PgCopyText(sql, FLUSH_BYTES + 64 * 1024);
    }

    /** Copies rows into the (empty, locked) table until one is not above the one before. */
    void straightIn(Iterator<FeatureRow> rows) throws SQLException {
      CopyIn copyIn = start(sql.pgCopyTable());
      try {
        FeatureRow previous = null;
        while (rows.hasNext()) {
          FeatureRow row = rows.next();
          RowShape.check(sql.table(), row);
          if (previous != null && !KeyOrder.isAbove(row, previous)) {
            pending = row; // may repeat an earlier row: the rest goes through the stage
            break;
          }
          text.appendTableRow(row, ingestedAt);
          previous = row;
          directRows++;
          chunk(copyIn, directRows);
        }
        finish(copyIn);
      } catch (SQLException | RuntimeException | Error e) {
        cancel(copyIn, e);
        throw e;
      }
    }

    /** Copies the pending row and the rest into a new staging table. */
    void staged(Iterator<FeatureRow> rows) throws SQLException {
      if (pending == null && !rows.hasNext()) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql.pgCreateStage());
      }
      CopyIn copyIn = start(sql.pgCopyStage());
      try {
        while (pending != null || rows.hasNext()) {
          FeatureRow row = pending != null ? pending : rows.next();
          pending = null;
          RowShape.check(sql.table(), row);
          text.appendStageRow(stagedRows, row);
          stagedRows++;
          chunk(copyIn, directRows + stagedRows);
        }
        finish(copyIn);
      } catch (SQLException | RuntimeException | Error e) {
        cancel(copyIn, e);
        throw e;
      }
    }

    private CopyIn start(String copySql) throws SQLException {
      text.clear();
      return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    /** Hands the text over every few thousand rows (or when it grew large) and reports them. */
    private void chunk(CopyIn copyIn, long rowsSoFar) throws SQLException {
      boolean chunkDone = rowsSoFar % CHUNK_ROWS == 0;
      if (chunkDone || text.length() >= FLUSH_BYTES) {
        flush(copyIn);
      }
      if (chunkDone) {
        progress.accept(rowsSoFar);
      }
    }

    private void finish(CopyIn copyIn) throws SQLException {
      flush(copyIn);
      copyIn.endCopy();
    }

    private void flush(CopyIn copyIn) throws SQLException {
      if (text.length() > 0) {
        copyIn.writeToCopy(text.bytes(), 0, text.length());
        text.clear();
      }
    }

    /** Ends an unfinished COPY so the connection can roll back; keeps the original failure. */
    private static void cancel(CopyIn copyIn, Throwable failure) {
      if (copyIn.isActive()) {
        try {
          copyIn.cancelCopy();
        } catch (SQLException e) {
          failure.addSuppressed(e);
        }
      }
    }
  }
}
