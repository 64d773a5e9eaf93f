package org.mlplatform.persistence.offline;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * PostgreSQL's fast path: COPY every row into a temporary staging table, then upsert them all with
 * one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}. COPY cannot upsert by itself, and a
 * per-row upsert is an order of magnitude slower. The staging table lives only until the
 * transaction ends. Only this class touches the driver's own API, so H2 deployments never load it.
 */
final class PgCopyWriter implements RowWriter {

  /** Flush the text buffer early when wide rows make a chunk this many characters long. */
  private static final int FLUSH_CHARS = 1 << 20;

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
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql.pgCreateStage());
    }
    long copied = copy(connection, sql, rows, progress);
    try (PreparedStatement merge = connection.prepareStatement(sql.pgMergeStage())) {
      ColumnCodec.bind(merge, 1, FeatureType.TIMESTAMP, ingestedAt);
      merge.executeUpdate();
    }
    progress.accept(copied);
    return copied;
  }

  private static long copy(
      Connection connection, OfflineSql sql, Iterator<FeatureRow> rows, LongConsumer progress)
      throws SQLException {
    PgCopyText text = new PgCopyText(sql);
    CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.pgCopyStage());
    StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    long copied = 0;
    try {
      while (rows.hasNext()) {
        FeatureRow row = rows.next();
        RowShape.check(sql.table(), row);
        text.appendRow(buffer, copied, row);
        copied++;
        boolean chunkDone = copied % CHUNK_ROWS == 0;
        if (chunkDone || buffer.length() >= FLUSH_CHARS) {
          flush(copyIn, buffer);
        }
        if (chunkDone) {
          progress.accept(copied);
        }
      }
      flush(copyIn, buffer);
      copyIn.endCopy();
      return copied;
    } catch (SQLException | RuntimeException | Error e) {
      cancel(copyIn, e);
      throw e;
    }
  }

  private static void flush(CopyIn copyIn, StringBuilder buffer) throws SQLException {
    if (!buffer.isEmpty()) {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copyIn.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
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
