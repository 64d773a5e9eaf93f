package org.mlplatform.persistence.offline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.mlplatform.domain.features.EntityKey;
import org.mlplatform.domain.features.FeatureType;
import org.mlplatform.domain.features.offline.FeatureRow;

/**
 * Upserts through a batched prepared statement: H2's {@code MERGE ... KEY}, or PostgreSQL's {@code
 * INSERT ... ON CONFLICT} where COPY is unavailable. Rows repeated within one upload are applied in
 * order, so the last one sent wins, as on the COPY path.
 */
final class BatchUpsertWriter implements RowWriter {

  private final Dialect dialect;

  BatchUpsertWriter(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public long write(
      Connection connection,
      OfflineSql sql,
      Iterator<FeatureRow> rows,
      Instant ingestedAt,
      LongConsumer progress)
      throws SQLException {
    String upsert = dialect == Dialect.H2 ? sql.h2Merge() : sql.pgUpsert();
    List<FeatureType> types = sql.types();
    int keys = sql.table().joinKeys().size();
    long written = 0;
    try (PreparedStatement statement = connection.prepareStatement(upsert)) {
      int pending = 0;
      while (rows.hasNext()) {
        FeatureRow row = rows.next();
        RowShape.check(sql.table(), row);
        EntityKey key = row.key();
        List<Object> keyValues = key.values();
        for (int i = 0; i < keys; i++) {
          ColumnCodec.bind(statement, i + 1, types.get(i), keyValues.get(i));
        }
        ColumnCodec.bind(statement, keys + 1, FeatureType.TIMESTAMP, row.eventTime());
        for (int i = 0; i < row.valueCount(); i++) {
          ColumnCodec.bind(statement, keys + 2 + i, types.get(keys + 1 + i), row.value(i));
        }
        ColumnCodec.bind(statement, types.size() + 1, FeatureType.TIMESTAMP, ingestedAt);
        statement.addBatch();
        written++;
        if (++pending == CHUNK_ROWS) {
          statement.executeBatch();
          pending = 0;
          progress.accept(written);
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    }
    progress.accept(written);
    return written;
  }
}
