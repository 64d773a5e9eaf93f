package org.mlplatform.persistence.offline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.LongConsumer;
import org.mlplatform.domain.features.offline.FeatureRow;

/** One way of upserting rows, inside a transaction the caller opens and ends. */
interface RowWriter {

  /** Rows per JDBC batch or COPY chunk, and how often progress is reported. */
  int CHUNK_ROWS = 5_000;

  /**
   * @return the number of rows taken from {@code rows}
   */
  long write(
      Connection connection,
      OfflineSql sql,
      Iterator<FeatureRow> rows,
      Instant ingestedAt,
      LongConsumer progress)
      throws SQLException;
}
